package check

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/engine"
)

func TestCompareLines(t *testing.T) {
	page := func(n int, lines ...string) []Para {
		var out []Para
		for _, l := range lines {
			out = append(out, Para{Text: l, Page: n})
		}
		return out
	}
	mk := func(pages int, ps ...[]Para) *doc {
		d := &doc{pages: pages}
		for _, p := range ps {
			d.paras = append(d.paras, p...)
		}
		return d
	}
	tests := []struct {
		name      string
		a, b      *doc
		same      bool
		firstPage int
		firstLine int
	}{
		{"same", mk(2, page(1, "a b", "c"), page(2, "d")), mk(2, page(1, "a  b", "c"), page(2, "d")), true, 0, 0},
		{"a word moves to the next line", mk(1, page(1, "a b", "c")), mk(1, page(1, "a", "b c")), false, 1, 1},
		{"a middle line differs", mk(1, page(1, "x", "a b", "z")), mk(1, page(1, "x", "a c", "z")), false, 1, 2},
		{"one more page", mk(1, page(1, "a")), mk(2, page(1, "a"), page(2, "b")), false, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := compareLines(tt.a, tt.b)
			if r.Same() != tt.same {
				t.Fatalf("Same = %v, want %v: %+v", r.Same(), tt.same, r)
			}
			if !tt.same && (r.Diffs[0].Page != tt.firstPage || r.Diffs[0].Line != tt.firstLine) {
				t.Errorf("first diff = %+v, want page %d line %d", r.Diffs[0], tt.firstPage, tt.firstLine)
			}
		})
	}
}

// TestParity lays a sample's DOCX out with LibreOffice and compares it
// with vanban's PDF of the same sample, every line.
func TestParity(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice takes seconds")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("no LibreOffice here")
	}
	const name = "thua-thien-hue-2020-cong-van.json"
	r, err := Parity(context.Background(), rendered(t, name, engine.DOCX), rendered(t, name, engine.PDF), 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Same() || r.Lines < 50 {
		t.Errorf("parity: %+v", r)
	}
}
