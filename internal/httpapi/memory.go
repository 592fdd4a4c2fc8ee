package httpapi

import (
	"context"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"time"
)

// memoryReturn gives the memory of a spike back to the system. Every
// scavengeEvery, when no CPU-heavy work is running, it looks at how much
// heap could be given back (garbage not yet collected, since GOGC is high,
// and free pages not yet returned), and past keepFreeBytes calls
// debug.FreeOSMemory. The Go runtime returns freed
// pages by itself only slowly (minutes), and a service that held 1.8 GB
// two minutes after one spike looks like a leak to whoever watches it.
// Waiting for idle keeps the forced collection off the requests' time.
type memoryReturn struct {
	sample []rtmetrics.Sample
}

const (
	scavengeEvery = 2 * time.Second
	keepFreeBytes = 32 << 20
)

func newMemoryReturn() *memoryReturn {
	return &memoryReturn{sample: []rtmetrics.Sample{
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}}
}

// heldFree is the heap the runtime holds beyond what was live at the last
// collection: free pages not returned, and objects that may be garbage.
func (m *memoryReturn) heldFree() uint64 {
	rtmetrics.Read(m.sample)
	var v [3]uint64
	for i, s := range m.sample {
		if s.Value.Kind() != rtmetrics.KindUint64 {
			return 0
		}
		v[i] = s.Value.Uint64()
	}
	free, objects, live := v[0], v[1], v[2]
	return free + objects - min(live, objects)
}

// run frees memory until ctx ends; busy reports whether heavy work is in
// flight.
func (m *memoryReturn) run(ctx context.Context, busy func() bool) {
	t := time.NewTicker(scavengeEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if !busy() && m.heldFree() > keepFreeBytes {
				debug.FreeOSMemory()
			}
		}
	}
}
