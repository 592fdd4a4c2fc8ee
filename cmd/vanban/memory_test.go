package main

import (
	"runtime/debug"
	"testing"
)

// TestLimitMemory: the configured soft limit is set, GOMEMLIMIT wins, and
// restore puts the previous limit back.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	tests := []struct {
		name  string
		limit int64
		env   map[string]string
		want  int64
	}{
		{"configured", 300 << 20, nil, 300 << 20},
		{"GOMEMLIMIT wins", 300 << 20, map[string]string{"GOMEMLIMIT": "1GiB"}, before},
		{"zero leaves the runtime's", 0, nil, before},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			restore := limitMemory(tt.limit, func(k string) string { return tt.env[k] })
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("limit = %d, want %d", got, tt.want)
			}
			restore()
			if got := debug.SetMemoryLimit(-1); got != before {
				t.Errorf("after restore: %d, want %d", got, before)
			}
		})
	}
}
