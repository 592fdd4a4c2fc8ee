package importer

import (
	"fmt"
	"math"
	"sort"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/pdfread"
)

// A born-digital PDF's profile is read from where its text stands: a page
// prints body text between the left and right margins, so the modal left
// edge of its full lines is the left margin, their modal right edge the
// right one (justified lines end there), the modal offset of the lines
// that start a little right of it the first-line indent, the modal size
// of their words the body size and the modal distance between them the
// line pitch. The top and bottom margins are not read: a page's first and
// last lines say where its text is, not where the margin is.

// pdfFullLine: a line at least this share of the page's width is body text
// running from margin to margin (or from the indent).
const pdfFullLine = 0.55

// pdfLine is one printed line of a page.
type pdfLine struct {
	x0, x1, y float64
	size      float64 // the modal size of its words; 0 when unknown
	runes     int
}

// pdfProfile is the profile a PDF's text positions give (profileOf's
// rules: in NĐ30's range and not the house style), nil when none.
func pdfProfile(pages []pdfread.Page, rep *Report) *document.Profile {
	var lines []pdfLine
	width := 0.0
	for _, pg := range pages {
		if pg.Width <= 0 || pg.Width > pg.Height { // landscape appendices have their own margins
			continue
		}
		if width == 0 {
			width = pg.Width
		}
		if pg.Width != width {
			continue
		}
		for _, l := range pageLines(pg) {
			if l.x1-l.x0 >= pdfFullLine*pg.Width {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) < 5 {
		return nil
	}
	house := compose.House()
	body := house.Styles[compose.StyleBody]
	mm := func(pt float64) float64 { return math.Round(pt*25.4/72*10) / 10 }
	// A margin is read from glyph boxes, which stand a few tenths of a
	// point off the margin: to the half millimetre, as offices set it.
	margin := func(pt float64) float64 { return math.Round(pt*25.4/72*2) / 2 }
	left, nl := modalPt(lines, func(l pdfLine) (float64, bool) { return l.x0, true })
	right, nr := modalPt(lines, func(l pdfLine) (float64, bool) { return l.x1, true })
	cs := []candidate{
		{"MarginLeft", margin(left), house.Page.Left, "lề trái", "left margin", "mm",
			fmt.Sprintf("mép trái chữ / text left edge x=%.1f pt (%d dòng / lines)", left, nl)},
		{"MarginRight", margin(width - right), house.Page.Right, "lề phải", "right margin", "mm",
			fmt.Sprintf("mép phải chữ / text right edge x=%.1f pt of %.1f (%d dòng / lines)", right, width, nr)},
	}
	// A first line starts 5-18 mm right of the margin; further in is a
	// centred or a signature line.
	ind, ni := modalPt(lines, func(l pdfLine) (float64, bool) {
		d := l.x0 - left
		return d, d > 14 && d < 51
	})
	if ni > 0 {
		cs = append(cs, candidate{"FirstIndent", mm(ind), body.FirstIndent, "thụt đầu dòng", "first-line indent", "mm",
			fmt.Sprintf("dòng đầu đoạn / first lines at x=%.1f pt (%d)", left+ind, ni)})
	}
	size, _ := modalPt(lines, func(l pdfLine) (float64, bool) { return l.size, l.size > 0 })
	if size > 0 {
		size = math.Round(size*2) / 2
		cs = append(cs, candidate{"BodySize", size, body.Size, "cỡ chữ nội dung", "body size", "pt",
			fmt.Sprintf("cỡ chữ / font size %.1f pt", size)})
		// The pitch of consecutive full lines of that size.
		var pitches []pdfLine
		for i := 1; i < len(lines); i++ {
			dy := lines[i].y - lines[i-1].y
			if dy > 0 && dy < 2*size && math.Round(lines[i].size*2)/2 == size {
				pitches = append(pitches, pdfLine{y: dy})
			}
		}
		if pitch, np := modalPt(pitches, func(l pdfLine) (float64, bool) { return l.y, true }); np > 0 {
			mult := math.Round(pitch/(size*compose.SingleLine)*100) / 100
			cs = append(cs, candidate{"LineSpacing", mult, body.Spacing, "giãn dòng (lần dòng đơn)", "line spacing (× single)", "",
				fmt.Sprintf("khoảng cách dòng / line pitch %.1f pt (%d)", pitch, np)})
		}
	}
	return keepProfile(cs, rep)
}

// pageLines groups a page's words into lines: words whose boxes overlap
// vertically by half their height stand on one line.
func pageLines(pg pdfread.Page) []pdfLine {
	ws := append([]pdfread.Word(nil), pg.Words...)
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Y1 < ws[j].Y1 })
	var out []pdfLine
	var sizes map[float64]int
	flush := func() {
		if n := len(out); n > 0 {
			best := 0
			for s, c := range sizes {
				if c > best || (c == best && s > out[n-1].size) {
					out[n-1].size, best = s, c
				}
			}
		}
	}
	for _, w := range ws {
		h := w.Y1 - w.Y0
		n := len(out)
		if n > 0 && math.Abs(w.Y1-out[n-1].y) < h/2 {
			l := &out[n-1]
			l.x0, l.x1 = math.Min(l.x0, w.X0), math.Max(l.x1, w.X1)
			l.runes += utf8.RuneCountInString(w.Text) + 1
			sizes[w.Size] += utf8.RuneCountInString(w.Text)
			continue
		}
		flush()
		sizes = map[float64]int{w.Size: utf8.RuneCountInString(w.Text)}
		out = append(out, pdfLine{x0: w.X0, x1: w.X1, y: w.Y1, runes: utf8.RuneCountInString(w.Text)})
	}
	flush()
	return out
}

// modalPt is the modal value of f over ls in half-point bins, as the
// median of the values in the fullest bin, and how many fell in it.
func modalPt(ls []pdfLine, f func(pdfLine) (float64, bool)) (float64, int) {
	bins := map[float64][]float64{}
	for _, l := range ls {
		if v, ok := f(l); ok {
			k := math.Round(v * 2)
			bins[k] = append(bins[k], v)
		}
	}
	var best []float64
	bk := 0.0
	for k, vs := range bins {
		if len(vs) > len(best) || (len(vs) == len(best) && k < bk) {
			best, bk = vs, k
		}
	}
	if len(best) == 0 {
		return 0, 0
	}
	sort.Float64s(best)
	return best[len(best)/2], len(best)
}
