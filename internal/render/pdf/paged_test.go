package pdf

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
	"github.com/vanban/vanban/internal/vntext"
)

// TestCodePages checks the numbering: every character of the repertoire has
// exactly one page and code in 32-255, and the page table gives it back;
// ASCII keeps its own codes on page 0, where the Vietnamese lower-case
// letters also sit; the space is on every page.
func TestCodePages(t *testing.T) {
	w := newWriter(t)
	cp := w.codes
	if len(cp.pages) < 2 {
		t.Fatalf("%d pages: the repertoire should need more than one", len(cp.pages))
	}
	seen := map[rune]bool{}
	for p, page := range cp.pages {
		if page[' '] != ' ' {
			t.Errorf("page %d has no space at code 32", p)
		}
		for code, r := range page {
			if r == 0 {
				continue
			}
			if code < firstCode {
				t.Errorf("page %d: %q at control code %d", p, r, code)
			}
			if r == ' ' {
				continue
			}
			if seen[r] {
				t.Errorf("%q is on two pages", r)
			}
			seen[r] = true
			gp, gc, ok := cp.lookup(r)
			if !ok || gp != p || int(gc) != code {
				t.Errorf("lookup(%q) = %d/%d/%v, want %d/%d", r, gp, gc, ok, p, code)
			}
		}
	}
	for _, r := range repertoireOf(w) {
		if r != ' ' && !seen[r] {
			t.Errorf("%q (U+%04X) of the repertoire has no page", r, r)
		}
	}
	for r := rune('!'); r <= '~'; r++ {
		p, c, _ := cp.lookup(r)
		if strings.ContainsRune(rareASCII, r) {
			if p == 0 {
				t.Errorf("rare ASCII %q stayed on page 0", r)
			}
		} else if p != 0 || rune(c) != r {
			t.Errorf("ASCII %q on page %d code %d", r, p, c)
		}
	}
	// A document in Vietnamese needs page 0 only.
	for _, r := range vntext.AllLetters() {
		if p, _, _ := cp.lookup(r); p != 0 {
			t.Errorf("%q is on page %d, want 0", r, p)
		}
	}
	for _, r := range "“”‘’–—…" {
		if p, _, _ := cp.lookup(r); p != 0 {
			t.Errorf("%q is on page %d, want 0", r, p)
		}
	}
	if _, _, ok := cp.lookup('α'); ok {
		t.Error("α is outside the repertoire and should have no page")
	}
}

// TestEncodeRuns checks that text is cut into one run per page, spaces
// staying in the run they fall in, and that the runs' widths add up to the
// text's.
func TestEncodeRuns(t *testing.T) {
	w := newWriter(t)
	f := w.face(layout.Bold)
	for _, tc := range []struct {
		text string
		runs int
	}{
		{"Kế hoạch năm 2025", 1},
		{"", 0},
		{"ỦY BAN NHÂN DÂN “số” …", 0}, // 0: the count depends on where the capitals fall
	} {
		var got []string
		em := 0.0
		ok := w.codes.encode(tc.text, f.Advance, func(page int, b []byte, runEm float64) {
			var sb strings.Builder
			for _, c := range b {
				sb.WriteRune(w.codes.pages[page][c])
			}
			got = append(got, sb.String())
			em += runEm
		})
		if !ok {
			t.Fatalf("%q: not encodable", tc.text)
		}
		if strings.Join(got, "") != tc.text {
			t.Errorf("runs %q do not spell %q", got, tc.text)
		}
		if tc.runs > 0 && len(got) != tc.runs {
			t.Errorf("%q: %d runs, want %d", tc.text, len(got), tc.runs)
		}
		if want := f.Width(tc.text, 1); abs(em-want) > 1e-9 {
			t.Errorf("%q: runs measure %.6f em, text %.6f", tc.text, em, want)
		}
	}
	if w.codes.encode("α", f.Advance, func(int, []byte, float64) {}) {
		t.Error("α encoded, but it has no page")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// repertoireOf lists what the code pages must hold: every character of
// repertoireRanges that all four faces have.
func repertoireOf(w *Writer) []rune {
	var out []rune
	for _, rg := range repertoireRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if w.fonts.Has(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// FuzzEncode: any string either has a character without a page, or is cut
// into runs that spell it back, each on one page, measuring what it does.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"Kế hoạch năm 2025", "ỦY BAN “số” … @#<>", "α β", "", "  "} {
		f.Add(s)
	}
	w := newWriter(f)
	face := w.face(layout.Italic)
	f.Fuzz(func(t *testing.T, s string) {
		var spelled strings.Builder
		em := 0.0
		ok := w.codes.encode(s, face.Advance, func(page int, b []byte, runEm float64) {
			if len(b) == 0 {
				t.Fatal("empty run")
			}
			for _, c := range b {
				r := w.codes.pages[page][c]
				if r == 0 {
					t.Fatalf("code %d on page %d has no character", c, page)
				}
				spelled.WriteRune(r)
			}
			em += runEm
		})
		all := true
		for _, r := range s {
			if _, _, in := w.codes.lookup(r); !in {
				all = false
			}
		}
		if ok != all {
			t.Fatalf("encode = %v, but every character has a page: %v", ok, all)
		}
		if ok && (spelled.String() != s || math.Abs(em-face.Width(s, 1)) > 1e-9) {
			t.Fatalf("runs spell %q (%.6f em), want %q (%.6f em)", spelled.String(), em, s, face.Width(s, 1))
		}
	})
}

// FuzzRenderPDF: any text in a paragraph, a label and a table cell either
// is refused for a character the font lacks, or renders to a whole PDF,
// on the code-page path or the UTF-8 one.
func FuzzRenderPDF(f *testing.F) {
	for _, s := range []string{"Kế hoạch năm 2025", "a (b) \\ c", "@#<>{}|~^_`$", "α β γ", "\t\n", "\xff", strings.Repeat("Đ", 300)} {
		f.Add(s)
	}
	w := newWriter(f)
	f.Fuzz(func(t *testing.T, s string) {
		d := handDoc()
		d.Sections[0].Blocks = append(d.Sections[0].Blocks[:4:4],
			compose.Block{Para: &compose.Para{Style: compose.StyleBody, Label: s, Runs: []compose.Run{{Text: s}, {Text: s, Bold: true}}}})
		var buf bytes.Buffer
		res, err := w.Render(context.Background(), &buf, d)
		var missing *MissingGlyphError
		switch {
		case errors.As(err, &missing):
			if buf.Len() != 0 {
				t.Fatal("wrote output for a refused document")
			}
		case err != nil:
			t.Fatal(err)
		case !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(buf.Bytes()), []byte("%%EOF")) || res.Pages < 1:
			t.Fatalf("not a whole PDF: %d bytes, %d pages", buf.Len(), res.Pages)
		}
	})
}
