package pdf

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

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

// TestPagedFontsExtract draws every letter, digit, punctuation mark and
// symbol of the repertoire in all four faces, so every (face, page) font
// is embedded, and checks that pdftotext gives each back: the glyph names
// of the /Differences encodings must map to the right characters.
func TestPagedFontsExtract(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	w := newWriter(t)
	var chars []rune
	for _, page := range w.codes.pages {
		for _, r := range page {
			if r > ' ' && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)) &&
				norm.NFC.String(string(r)) == string(r) && !unicode.Is(unicode.Mn, r) {
				chars = append(chars, r)
			}
		}
	}
	// Words of 20 characters, so that lines break between them.
	var words []string
	for i := 0; i < len(chars); i += 20 {
		words = append(words, string(chars[i:min(i+20, len(chars))]))
	}
	text := strings.Join(words, " ")
	d := handDoc()
	for _, emph := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		d.Sections[0].Blocks = append(d.Sections[0].Blocks, compose.Block{Para: &compose.Para{
			Style: compose.StyleBody, Runs: []compose.Run{{Text: text, Bold: emph[0], Italic: emph[1]}},
		}})
	}
	if !w.fits(d) {
		t.Fatal("the repertoire does not fit its own pages")
	}
	path := writePDF(t, w, d)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Fields(norm.NFC.String(string(out)))
	count := map[string]int{}
	for _, g := range got {
		count[g]++
	}
	for _, word := range words {
		if count[word] < 4 {
			t.Errorf("%q extracted %d times, want 4 (once per face)", word, count[word])
		}
	}
	fonts, err := exec.Command("pdffonts", path).Output()
	if err == nil {
		if n := strings.Count(string(fonts), "TrueType "); n != 4*len(w.codes.pages) {
			t.Errorf("%d simple TrueType fonts embedded, want %d (4 faces × %d pages):\n%s", n, 4*len(w.codes.pages), len(w.codes.pages), fonts)
		}
	}
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

// TestJustifiedRightEdge checks that every line of a justified paragraph
// but its last ends at the right margin, as a PDF reader measures it
// (pdftotext -bbox, from the /Widths and the word spacing): on the paged
// path, where the word spacing also absorbs the rounding of the widths, and
// on the UTF-8 path, where each word is placed.
func TestJustifiedRightEdge(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	w := newWriter(t)
	for _, tc := range []struct {
		name, text string
		paged      bool
	}{
		{"paged", strings.Repeat("Nội dung công việc được triển khai đồng bộ, kịp thời và hiệu quả trên địa bàn tỉnh. ", 4), true},
		{"utf8", strings.Repeat("Hệ số α được tính theo công thức của Bộ Tài chính cho từng năm kế hoạch. ", 4), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &compose.Document{Sections: []compose.Section{{Blocks: []compose.Block{
				{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: strings.TrimSpace(tc.text)}}}},
			}}}}
			if w.fits(d) != tc.paged {
				t.Fatalf("fits = %v, want %v", !tc.paged, tc.paged)
			}
			out, err := exec.Command("pdftotext", "-bbox", writePDF(t, w, d), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// The right end of each line: the largest xMax among words that
			// share a baseline (yMax).
			ends := map[string]float64{}
			var order []string
			for _, m := range wordBox.FindAllStringSubmatch(string(out), -1) {
				xMax, _ := strconv.ParseFloat(m[1], 64)
				if _, ok := ends[m[2]]; !ok {
					order = append(order, m[2])
				}
				ends[m[2]] = max(ends[m[2]], xMax)
			}
			if len(order) < 4 {
				t.Fatalf("%d lines, want at least 4", len(order))
			}
			page := layout.PageOf(compose.Page, false)
			right := layout.Pt(page.Left + page.TextWidth())
			for _, y := range order[:len(order)-1] {
				if d := ends[y] - right; d > 0.02 || d < -0.02 {
					t.Errorf("line at y=%s ends at %.3f, %.3f pt from the right margin %.3f", y, ends[y], d, right)
				}
			}
		})
	}
}

var wordBox = regexp.MustCompile(`<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="([0-9.]+)">`)

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
