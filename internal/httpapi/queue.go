package httpapi

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// workQueue is the one cap on CPU-heavy work (Config.Workers). Waiters are
// served first come, first served within two lanes: quick work (checking a
// small document, a few milliseconds) goes before the rest (renders,
// imports, batch items, big checks), so a clerk's validation waits for one
// running job at most, not for the whole queue. So that a flood of quick
// work cannot starve the rest, a waiting job of the rest goes first after
// maxQuickStreak quick ones in a row.
type workQueue struct {
	mu     sync.Mutex
	size   int
	free   int
	quick  list.List // of chan struct{}, closed when granted
	rest   list.List
	streak int
}

const maxQuickStreak = 4

func newWorkQueue(n int) *workQueue { return &workQueue{size: n, free: n} }

// busy is the number of workers held.
func (q *workQueue) busy() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.size - q.free
}

// waiting is the number of waiters in both lanes.
func (q *workQueue) waiting() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.quick.Len() + q.rest.Len()
}

// tryAcquire takes a worker only if one is free now.
func (q *workQueue) tryAcquire() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.free > 0 {
		q.free--
		return true
	}
	return false
}

// acquire takes a worker, waiting at most wait (negative: as long as ctx
// allows). It returns errBusy when the wait runs out, ctx's error when ctx
// ends first.
func (q *workQueue) acquire(ctx context.Context, wait time.Duration, quick bool) error {
	q.mu.Lock()
	if q.free > 0 {
		q.free--
		q.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	lane := &q.rest
	if quick {
		lane = &q.quick
	}
	el := lane.PushBack(ch)
	q.mu.Unlock()

	var timeout <-chan time.Time
	if wait >= 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timeout = t.C
	}
	var err error
	select {
	case <-ch:
		return nil
	case <-timeout:
		err = errBusy
	case <-ctx.Done():
		err = ctx.Err()
	}
	q.mu.Lock()
	select {
	case <-ch:
		// Granted while giving up: pass the worker on.
		q.mu.Unlock()
		q.release()
	default:
		lane.Remove(el)
		q.mu.Unlock()
	}
	return err
}

// release gives a worker back, to the next waiter if there is one.
func (q *workQueue) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	var lane *list.List
	switch {
	case q.quick.Len() > 0 && (q.rest.Len() == 0 || q.streak < maxQuickStreak):
		lane = &q.quick
		if q.rest.Len() > 0 {
			q.streak++
		}
	case q.rest.Len() > 0:
		lane, q.streak = &q.rest, 0
	default:
		q.free++
		return
	}
	close(lane.Remove(lane.Front()).(chan struct{}))
}
