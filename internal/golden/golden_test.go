package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder captures Errorf so the failure path can be asserted.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Errorf(format string, args ...any) { r.failed = format }
func (r *recorder) Helper()                           {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	Check(t, path, []byte("a\nb\n"), true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	Check(t, path, []byte("a\nb\n"), false)
	r := &recorder{TB: t}
	Check(r, path, []byte("a\nc\n"), false)
	if !strings.Contains(r.failed, "differs") {
		t.Fatal("a difference was not reported")
	}
}

func TestDiff(t *testing.T) {
	got := Diff("a\nb\nc", "a\nx\nc\nd")
	if !strings.Contains(got, "line 2:") || !strings.Contains(got, "line 4:") || strings.Contains(got, "line 1:") {
		t.Fatalf("Diff = %q", got)
	}
}
