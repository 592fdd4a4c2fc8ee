package httpapi

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
)

// TestWorkArrivalOrder: with every worker busy, waiting requests run in
// the order they arrived, and never more than Workers at once.
func TestWorkArrivalOrder(t *testing.T) {
	s := oneWorker(t)
	release := make(chan struct{})
	busy := make(chan struct{})
	go func() { _ = s.workUntil(context.Background(), func() { close(busy); <-release }) }()
	<-busy

	var (
		mu      sync.Mutex
		order   []int
		running int
		wg      sync.WaitGroup
	)
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.workUntil(context.Background(), func() {
				mu.Lock()
				running++
				if running > 1 {
					t.Error("two requests ran at once with one worker")
				}
				order = append(order, i)
				mu.Unlock()
				time.Sleep(time.Millisecond)
				mu.Lock()
				running--
				mu.Unlock()
			})
			if err != nil {
				t.Error(err)
			}
		}()
		// Let request i queue before i+1 arrives.
		waitFor(t, func() bool { return s.workers.busy() == 1 && queued(s) == i+1 })
	}
	close(release)
	wg.Wait()
	for i, got := range order {
		if got != i {
			t.Fatalf("ran in order %v, want arrival order", order)
		}
	}
}

// TestWorkGivesUp: a request whose context ends while it waits does not
// run, and says why.
func TestWorkGivesUp(t *testing.T) {
	s := oneWorker(t)
	// The request's deadline comes long before the queue's own limit, so
	// a loaded machine cannot fire both timers at once and let the queue's
	// answer (busy) win the race.
	s.cfg.QueueTimeout = time.Minute
	hold(s) // every worker busy
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	ran := false
	if err := s.work(ctx, func() { ran = true }); !errors.Is(err, context.DeadlineExceeded) || ran {
		t.Errorf("err = %v, ran = %v; want DeadlineExceeded and not run", err, ran)
	}
	s.workers.release()
	if err := s.workUntil(context.Background(), func() { ran = true }); err != nil || !ran {
		t.Errorf("with a free worker: err = %v, ran = %v", err, ran)
	}
}

// oneWorker is a server on the fake pipeline with a single worker.
func oneWorker(t *testing.T) *Server {
	t.Helper()
	cfg := testConfig()
	cfg.Workers = 1
	s, err := New(Options{Config: cfg, Pipeline: &fakePipeline{lim: cfg.Limits()}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// queued is the vanban_work_waiting gauge: requests waiting for a worker.
func queued(s *Server) int {
	var m dto.Metric
	if err := s.metrics.waiting.Write(&m); err != nil {
		return -1
	}
	return int(m.GetGauge().GetValue())
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(time.Millisecond)
	}
}

// hold takes a worker without waiting, as a job that never ends would.
func hold(s *Server) {
	if err := s.workers.acquire(context.Background(), 0, false); err != nil {
		panic("hold: no worker free: " + err.Error())
	}
}

// TestWorkQuickLane: with the worker busy, quick work queued after the
// rest still runs first, but never more than maxQuickStreak times in a
// row while the rest waits.
func TestWorkQuickLane(t *testing.T) {
	s := oneWorker(t)
	hold(s)
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	enqueue := func(name string, quick bool) {
		wg.Add(1)
		n := s.workers.waiting()
		go func() {
			defer wg.Done()
			fn := func() { mu.Lock(); order = append(order, name); mu.Unlock() }
			var err error
			if quick {
				err = s.workers.acquire(context.Background(), -1, true)
			} else {
				err = s.workers.acquire(context.Background(), -1, false)
			}
			if err != nil {
				t.Error(err)
				return
			}
			fn()
			s.workers.release()
		}()
		waitFor(t, func() bool { return s.workers.waiting() == n+1 })
	}
	enqueue("render", false)
	for i := range maxQuickStreak + 2 {
		enqueue("check"+strconv.Itoa(i), true)
	}
	s.workers.release()
	wg.Wait()
	want := []string{"check0", "check1", "check2", "check3", "render", "check4", "check5"}
	if !slices.Equal(order, want) {
		t.Errorf("order = %v, want %v", order, want)
	}
	if s.workers.busy() != 0 || s.workers.waiting() != 0 {
		t.Errorf("busy %d, waiting %d after all ran", s.workers.busy(), s.workers.waiting())
	}
}

// TestWorkGivesUpPassesOn: a waiter that times out leaves the queue, and
// the worker goes to the next one.
func TestWorkGivesUpPassesOn(t *testing.T) {
	s := oneWorker(t)
	hold(s)
	if err := s.workers.acquire(context.Background(), 5*time.Millisecond, true); !errors.Is(err, errBusy) {
		t.Fatalf("err = %v, want errBusy", err)
	}
	if n := s.workers.waiting(); n != 0 {
		t.Fatalf("%d still waiting after giving up", n)
	}
	s.workers.release()
	if err := s.workers.acquire(context.Background(), 0, false); err != nil {
		t.Fatalf("the worker was not given back: %v", err)
	}
}
