package httpapi

import (
	"context"
	"errors"
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
		waitFor(t, func() bool { return len(s.workers) == 1 && queued(s) == i+1 })
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
	s.workers <- struct{}{} // every worker busy
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	ran := false
	if err := s.work(ctx, func() { ran = true }); !errors.Is(err, context.DeadlineExceeded) || ran {
		t.Errorf("err = %v, ran = %v; want DeadlineExceeded and not run", err, ran)
	}
	<-s.workers
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
