package document

import "testing"

// TestPointerTokens: Pointer's segments come back from PointerTokens,
// escapes undone; a string that is not a pointer is refused.
func TestPointerTokens(t *testing.T) {
	for _, segs := range [][]string{nil, {"body"}, {"a/b", "~x", "0"}, {""}, {"~01"}} {
		parts := make([]any, len(segs))
		for i, s := range segs {
			parts[i] = s
		}
		got, ok := PointerTokens(Pointer(parts...))
		if !ok || len(got) != len(segs) {
			t.Fatalf("%q: %q, %v", segs, got, ok)
		}
		for i := range segs {
			if got[i] != segs[i] {
				t.Errorf("%q: token %d is %q", segs, i, got[i])
			}
		}
	}
	if _, ok := PointerTokens("body/0"); ok {
		t.Error(`"body/0" read as a pointer`)
	}
}
