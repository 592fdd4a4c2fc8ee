package httpapi

import (
	"context"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// largeRequest is the body size past which a request counts as large for
// memoryReturn: a typical document is a few kilobytes.
const largeRequest = 1 << 20

// memoryReturn gives the memory of a spike back to the system. After a
// large request (a big body, an import, a batch) it is marked; a
// background loop then calls debug.FreeOSMemory once no CPU-heavy work is
// running, at most every scavengeEvery. The Go runtime returns freed pages
// by itself only slowly (minutes), and a service that held 1.8 GB two
// minutes after one spike looks like a leak to whoever watches it.
type memoryReturn struct {
	pending atomic.Bool
}

const scavengeEvery = 2 * time.Second

func newMemoryReturn() *memoryReturn { return &memoryReturn{} }

// mark records that a large request has finished.
func (m *memoryReturn) mark() { m.pending.Store(true) }

// run frees memory after marked requests until ctx ends; busy reports
// whether heavy work is in flight (freeing then would only slow it).
func (m *memoryReturn) run(ctx context.Context, busy func() bool) {
	t := time.NewTicker(scavengeEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if m.pending.Load() && !busy() {
				m.pending.Store(false)
				debug.FreeOSMemory()
			}
		}
	}
}
