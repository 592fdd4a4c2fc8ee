package check

import (
	"fmt"
	"testing"
)

func TestCompareLines(t *testing.T) {
	page := func(n int, lines ...string) []Para {
		var out []Para
		for i, l := range lines {
			out = append(out, Para{Text: l, Page: n, Y0: float64(i) * 16})
		}
		return out
	}
	// row is one visual row read as two pieces (a column gap), as
	// pdfLines parts a table row's cells.
	row := func(n int, y float64, pieces ...string) []Para {
		var out []Para
		for _, p := range pieces {
			out = append(out, Para{Text: p, Page: n, Y0: y})
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
	many := func(n int, word string) []Para {
		var ls []string
		for i := 0; i < n; i++ {
			ls = append(ls, fmt.Sprint(word, i))
		}
		return page(1, ls...)
	}
	tests := []struct {
		name                   string
		a, b                   *doc
		same                   bool
		firstPage, firstLine   int
		differ, edges, wordsBy int
	}{
		{"same", mk(2, page(1, "a b", "c"), page(2, "d")), mk(2, page(1, "a  b", "c"), page(2, "d")), true, 0, 0, 0, 0, 0},
		{"a word moves to the next line", mk(1, page(1, "a b", "c")), mk(1, page(1, "a", "b c")), false, 1, 1, 2, 2, 0},
		{"a middle line differs", mk(1, page(1, "x", "a b", "z")), mk(1, page(1, "x", "a c", "z")), false, 1, 2, 1, 0, 2},
		{"one more page", mk(1, page(1, "a")), mk(2, page(1, "a"), page(2, "b")), false, 2, 1, 1, 1, 1},
		{"a word moves inside the page", mk(1, page(1, "x", "a b", "c", "z")), mk(1, page(1, "x", "a", "b c", "z")), false, 1, 2, 2, 0, 0},
		{"a row's cells parted in one reading only", mk(1, row(1, 0, "1 Tổng kết", "Văn phòng"), row(1, 16, "x")), mk(1, row(1, 0.2, "1 Tổng kết Văn phòng"), row(1, 16, "x")), true, 0, 0, 0, 0, 0},
		{"a cell's word on another row", mk(1, row(1, 0, "1 Tổng kết", "Văn"), row(1, 16, "phòng")), mk(1, row(1, 0, "1 Tổng kết", "Văn phòng"), row(1, 16, "")), false, 1, 1, 2, 2, 0},
		{"every line differs, all counted", mk(1, many(30, "a")), mk(1, many(30, "b")), false, 1, 1, 30, 2, 60},
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
			if r.Differ != tt.differ || r.EdgesDiffer != tt.edges || r.WordsDiffer != tt.wordsBy {
				t.Errorf("differ %d, edges %d, words %d; want %d, %d, %d", r.Differ, r.EdgesDiffer, r.WordsDiffer, tt.differ, tt.edges, tt.wordsBy)
			}
			if len(r.Diffs) > MaxDiffs {
				t.Errorf("%d diffs listed, want at most %d", len(r.Diffs), MaxDiffs)
			}
		})
	}
}

// TestDocFonts: LibreOffice without a Times clone lays the DOCX out in
// another font, and the report says so.
func TestDocFonts(t *testing.T) {
	tests := []struct {
		name    string
		fonts   []string
		noTimes bool
	}{
		{"Liberation Serif", []string{"LiberationSerif"}, false},
		{"Times and a symbol font", []string{"TimesNewRomanPSMT", "OpenSymbol"}, false},
		{"DejaVu Serif instead", []string{"DejaVuSerif"}, true},
		{"no text", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc{pages: 1, paras: []Para{{Text: "x", Page: 1, Fonts: tt.fonts}}}
			if _, got := docFonts(d); got != tt.noTimes {
				t.Errorf("noTimes = %v, want %v", got, tt.noTimes)
			}
			r := &ParityReport{PagesDOCX: 1, PagesPDF: 1, NoTimes: tt.noTimes}
			if r.Same() == tt.noTimes {
				t.Errorf("Same = %v with noTimes %v", r.Same(), tt.noTimes)
			}
		})
	}
}
