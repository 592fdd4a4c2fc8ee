//go:build integration

package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
	"github.com/vanban/vanban/internal/testtools"
)

// The tests that read vanban's PDFs back with poppler. Every sample's PDF
// is also reviewed by internal/check (TestSamplesPassPDF there) and by
// `vanban check` in `make integration`, and laid beside LibreOffice's
// rendering of its DOCX there (check --parity).

// TestTextExtracts: every word a sample prints comes back from pdftotext,
// in NFC.
func TestTextExtracts(t *testing.T) {
	testtools.Poppler(t)
	w := newWriter(t)
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			path := writePDF(t, w, s.doc)
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := string(out)
			if !norm.NFC.IsNormalString(text) {
				t.Error("extracted text is not NFC")
			}
			// Words may be split across lines by a hyphen break; compare
			// against the text with line ends removed as well.
			joined := strings.Join(strings.Fields(text), " ")
			glued := strings.ReplaceAll(joined, "- ", "-")
			for _, wd := range composedWords(s.doc) {
				if !strings.Contains(joined, wd) && !strings.Contains(glued, wd) && !brokenWordFound(text, wd) {
					t.Errorf("word %q missing from the extracted text", wd)
				}
			}
		})
	}
}

// brokenWordFound accepts a word broken across lines: between characters
// (longer than a line) or after a hyphen, which pdftotext removes when it
// joins the lines ("2011-" + "2020" gives "20112020").
func brokenWordFound(text, wd string) bool {
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Trim(l, "0123456789 \f") != "" { // drop page-number lines
			kept = append(kept, l)
		}
	}
	flat := strings.Join(strings.Fields(strings.Join(kept, "\n")), "")
	if strings.Contains(flat, wd) {
		return true
	}
	return strings.Contains(strings.ReplaceAll(flat, "-", ""), strings.ReplaceAll(wd, "-", ""))
}

// writePDF renders d into a file in the test's temporary directory.
func writePDF(t *testing.T, w *Writer, d *compose.Document) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, renderBytes(t, w, d), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPagedFontsExtract draws every letter, digit, punctuation mark and
// symbol of the repertoire in all four faces, so every (face, page) font
// is embedded, and checks that pdftotext gives each back: the glyph names
// of the /Differences encodings must map to the right characters.
func TestPagedFontsExtract(t *testing.T) {
	testtools.Poppler(t)
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

// TestJustifiedRightEdge checks that every line of a justified paragraph
// but its last ends at the right margin, as a PDF reader measures it
// (pdftotext -bbox, from the /Widths and the word spacing): on the paged
// path, where the word spacing also absorbs the rounding of the widths, and
// on the UTF-8 path, where each word is placed.
func TestJustifiedRightEdge(t *testing.T) {
	testtools.Poppler(t)
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

// TestOutsideRepertoireExtracts: the Greek letters TestOutsideRepertoire
// draws on fpdf's UTF-8 path extract as written.
func TestOutsideRepertoireExtracts(t *testing.T) {
	pdftotext := testtools.Poppler(t)
	w := newWriter(t)
	d := handDoc()
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, compose.Block{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: "Hệ số α và β"}}}})
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", writePDF(t, w, d), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Hệ số α và β") {
		t.Error("Greek text missing from the extracted text")
	}
}

// composedWords lists every word the document prints.
func composedWords(d *compose.Document) []string {
	var words []string
	visitText(d, func(s string) bool {
		words = append(words, strings.Fields(s)...)
		return true
	})
	return words
}
