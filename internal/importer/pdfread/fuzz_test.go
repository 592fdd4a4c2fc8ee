package pdfread

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fuzzVocab: words the layout reacts to (labels, bullets, closing cues,
// stamps, page numbers, footnote marks, mis-encoded glyphs) and plain ones.
var fuzzVocab = []string{
	"CỘNG", "HÒA", "XÃ", "HỘI", "Số:", "/TB-UBND", "453", "Nơi", "nhận:", "TL.", "CHỦ", "TỊCH",
	"Ký", "bởi", "Giờ", "ký:", "Email:", "1", "2", "- 3 -", "Trang", "1.", "a)", "-", "+", "Căn", "cứ",
	"ngành1", "trƣờng", "Ðà", "văn", "bản", "./.", "QUYẾT", "ĐỊNH", "THÔNG BÁO", "Điều", "\uf0b7", "",
}

// letters is the multiset of letter runs of s: what must survive layout
// (digits may go: a footnote mark leaves the word it was glued to).
func letters(s string, out map[string]int) {
	s = norm.NFC.String(strings.Map(func(r rune) rune {
		if to, ok := glyphRepairs[r]; ok {
			return to
		}
		return r
	}, s))
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		out[f]++
	}
}

// FuzzLayout: any positioned words lay out without a panic, and every
// letter of the input comes out once, in a paragraph, a footnote or the
// dropped list, or a table cell: nothing is lost or doubled.
func FuzzLayout(f *testing.F) {
	f.Add([]byte{0, 10, 5, 13, 1, 40, 5, 13, 4, 10, 30, 13, 5, 100, 31, 13, 7, 10, 200, 13, 8, 120, 200, 13})
	f.Add([]byte{12, 100, 240, 8, 13, 120, 240, 8, 14, 100, 242, 8, 15, 100, 245, 8, 19, 150, 255, 13})
	f.Add([]byte{27, 20, 50, 13, 17, 20, 250, 9, 31, 30, 50, 13, 28, 50, 60, 13, 29, 10, 70, 13, 37, 20, 80, 13})
	f.Add([]byte{30, 20, 50, 254, 31, 40, 50, 253, 32, 60, 50, 13})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4*400 {
			return
		}
		var pages []Page
		cur := Page{Width: 300, Height: 260}
		for i := 0; i+3 < len(data); i += 4 {
			v := fuzzVocab[int(data[i])%len(fuzzVocab)]
			if data[i] == 255 {
				pages = append(pages, cur)
				cur = Page{Width: 300, Height: 260}
				continue
			}
			x, y, h := float64(data[i+1]), float64(data[i+2]), float64(data[i+3]%20)
			w := Word{Text: v, X0: x, Y0: y, X1: x + float64(len(v))*h/2, Y1: y + h}
			switch data[i+3] {
			case 254: // boxes pdftotext should never give: kept all the same
				w.X1, w.Y1 = w.X0-5, math.NaN()
			case 253:
				w.X0 = math.Inf(1)
			}
			cur.Words = append(cur.Words, w)
		}
		pages = append(pages, cur)
		in := map[string]int{}
		for _, p := range pages {
			for _, w := range p.Words {
				letters(w.Text, in)
			}
		}
		r := Layout(pages, testOpts)
		out := map[string]int{}
		for _, p := range r.Paras {
			for _, row := range p.Rows {
				for _, c := range row {
					letters(c, out)
				}
			}
			for _, run := range p.Runs {
				letters(run.Text, out)
				letters(run.Footnote, out)
			}
		}
		for _, d := range r.Dropped {
			letters(d.Text, out)
		}
		for k, n := range in {
			if out[k] != n {
				t.Fatalf("%q: %d in, %d out\nin %v\nout %v", k, n, out[k], in, out)
			}
		}
		for k, n := range out {
			if in[k] != n {
				t.Fatalf("%q: %d out, %d in", k, n, in[k])
			}
		}
	})
}
