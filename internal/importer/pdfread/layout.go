package pdfread

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Zone is the part of the printed văn bản a paragraph belongs to.
type Zone int

// Zones in page order.
const (
	ZoneBody        Zone = iota // between the header and the closing blocks
	ZoneHeaderLeft              // agency, Số, V/v
	ZoneHeaderRight             // Quốc hiệu, Tiêu ngữ, place and date
	ZoneRecipients              // Nơi nhận (left column at the end)
	ZoneSignature               // authority chain, title, name (right column)
	ZoneAfter                   // pages after the signature: attached documents
)

// Run is a piece of a paragraph; Footnote is the text of the footnote
// whose mark follows the run.
type Run struct {
	Text         string
	Bold, Italic bool
	Footnote     string
}

// Para is one paragraph (or one line of a header or closing column).
type Para struct {
	Runs []Run
	Zone Zone
	Page int // 1-based
	// CellEnd: the last line of a header or closing column, as a .docx
	// layout table cell ends.
	CellEnd bool
	// Rows: a grid read from aligned columns, the first row its header; the
	// paragraph has no runs then.
	Rows [][]string
	// Running: the paragraph reads as running text: its first line is
	// indented from the margin (not centred) and it is not all bold. A
	// title or trích yếu never is.
	Running bool
}

// Text is the paragraph's text without footnotes.
func (p Para) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Dropped is a piece of the text layer that is not part of the document.
type Dropped struct {
	Page   int
	Text   string
	Reason string // ReasonPageNumber or ReasonStamp
}

// Reasons a line is dropped.
const (
	ReasonPageNumber = "page-number"
	ReasonStamp      = "signature-stamp"
)

// Repair counts one mis-encoded glyph replaced.
type Repair struct {
	From, To rune
	Count    int
}

// Result of Layout.
type Result struct {
	Paras   []Para
	Dropped []Dropped
	Repairs []Repair
	// Footnotes attached to their mark; LooseFootnotes kept as text
	// because no mark matched.
	Footnotes, LooseFootnotes int
}

// Options carry the importer's knowledge of the text. Nil functions
// answer false.
type Options struct {
	// StartsBlock: a line that begins a paragraph whatever came before it
	// (a numbering label, a bullet, "Căn cứ").
	StartsBlock func(string) bool
	// Standalone: a line that is a paragraph of its own (a type name such
	// as "KẾ HOẠCH").
	Standalone func(string) bool
	// Closing: a line that opens the closing blocks ("Nơi nhận:", "TM.",
	// "KT.").
	Closing func(string) bool
	// EndsHeader: a line that is never part of the two header columns,
	// wherever it stands ("Kính gửi:" set under the V/v line, left of
	// the columns' split).
	EndsHeader func(string) bool
}

func call(f func(string) bool, s string) bool { return f != nil && f(s) }

// glyphRepairs: glyphs that fonts with a broken ToUnicode map put where a
// Vietnamese letter was typed. "ƣ" (U+01A3, Latin oi) for "ư" is the
// common one in Word exports of Times New Roman bold subsets; "Ð"/"ð"
// (Icelandic eth) for "Đ"/"đ" comes from VNI-era fonts. None of them is a
// Vietnamese letter, so the repair cannot hurt a correct text.
//
// Symbol-font characters a PDF maps to the private-use area (U+F0xx, the
// font's own code plus 0xF000) when it has no ToUnicode entry for them are
// mapped back to the Unicode character the Symbol font draws.
var glyphRepairs = map[rune]rune{
	'ƣ': 'ư', 'Ƣ': 'Ư', 'Ð': 'Đ', 'ð': 'đ',
	'\uF0B7': '•', '\uF0B4': '×', '\uF0AE': '→', '\uF0AC': '←', '\uF0B3': '≥', '\uF0A3': '≤',
	'\uF0B1': '±', '\uF0B9': '≠', '\uF0BB': '≈', '\uF02D': '−',
}

// word is a Word with what the layout learns about it.
type word struct {
	Word
	sup      bool   // a raised small digit: a footnote mark
	footnote string // the footnote attached after this word
}

func (w *word) h() float64 { return w.Y1 - w.Y0 }

// seg is a run of words on one visual line with no wide gap.
type seg struct {
	words          []*word
	x0, y0, x1, y1 float64
}

func (s *seg) text() string {
	var b strings.Builder
	for _, w := range s.words {
		if w.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

func (s *seg) centre() float64 { return (s.x0 + s.x1) / 2 }

// vline is one visual line of a page.
type vline struct {
	page           int
	segs           []*seg
	x0, y0, x1, y1 float64
	h              float64 // median word height
}

func (l *vline) text() string {
	var parts []string
	for _, s := range l.segs {
		parts = append(parts, s.text())
	}
	return strings.Join(parts, " ")
}

func (l *vline) words() []*word {
	var out []*word
	for _, s := range l.segs {
		out = append(out, s.words...)
	}
	return out
}

func (l *vline) bounds() {
	l.x0, l.y0, l.x1, l.y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	var hs []float64
	for _, s := range l.segs {
		for _, w := range s.words {
			l.x0 = math.Min(l.x0, w.X0)
			l.x1 = math.Max(l.x1, w.X1)
			if !w.sup {
				l.y0 = math.Min(l.y0, w.Y0)
				l.y1 = math.Max(l.y1, w.Y1)
				hs = append(hs, w.h())
			}
		}
	}
	if len(hs) == 0 {
		for _, w := range l.words() {
			l.y0 = math.Min(l.y0, w.Y0)
			l.y1 = math.Max(l.y1, w.Y1)
			hs = append(hs, w.h())
		}
	}
	l.h = median(hs)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// layout is the state of one Layout call.
type layout struct {
	opt   Options
	res   Result
	lines []*vline // all pages, in reading order
	pages []Page
	// Body metrics: word height, usual gap between lines, margins per page.
	h, gap        float64
	lefts, rights []float64
}

// Layout turns positioned words into paragraphs tagged with their zone.
func Layout(pages []Page, opt Options) Result {
	lo := &layout{opt: opt, pages: pages}
	lo.repair()
	var hs []float64
	for pi := range pages {
		for _, w := range pages[pi].Words {
			if h := w.Y1 - w.Y0; h > 0 {
				hs = append(hs, h)
			}
		}
	}
	lo.h = median(hs)
	if lo.h <= 0 || math.IsNaN(lo.h) || math.IsInf(lo.h, 0) {
		lo.h = 12
	}
	for pi := range pages {
		ls := lo.buildLines(pi)
		ls = lo.dropNoise(pi, ls)
		lo.lines = append(lo.lines, ls...)
	}
	lo.metrics()
	// Footnotes need the page's lines; do them per page before zoning.
	var kept []*vline
	for pi := range pages {
		var pls []*vline
		for _, l := range lo.lines {
			if l.page == pi {
				pls = append(pls, l)
			}
		}
		kept = append(kept, lo.footnotes(pls)...)
	}
	lo.lines = kept
	lo.zones()
	return lo.res
}

// repair replaces mis-encoded glyphs and brings every word to NFC.
func (lo *layout) repair() {
	counts := map[rune]int{}
	for pi := range lo.pages {
		ws := lo.pages[pi].Words
		for i := range ws {
			t := ws[i].Text
			if strings.ContainsFunc(t, func(r rune) bool { _, ok := glyphRepairs[r]; return ok }) {
				t = strings.Map(func(r rune) rune {
					if to, ok := glyphRepairs[r]; ok {
						counts[r]++
						return to
					}
					return r
				}, t)
			}
			ws[i].Text = norm.NFC.String(strings.ToValidUTF8(t, "\uFFFD"))
		}
	}
	var from []rune
	for r := range counts {
		from = append(from, r)
	}
	sort.Slice(from, func(i, j int) bool { return from[i] < from[j] })
	for _, r := range from {
		lo.res.Repairs = append(lo.res.Repairs, Repair{From: r, To: glyphRepairs[r], Count: counts[r]})
	}
}

// buildLines groups a page's words into visual lines (words whose
// vertical spans overlap by half the smaller height), then each line into
// segments at gaps wider than the line height.
func (lo *layout) buildLines(pi int) []*vline {
	var ws []*word
	for _, w := range lo.pages[pi].Words {
		// A box that makes no sense is mended, not dropped: the word is
		// kept wherever it lands.
		for _, f := range []*float64{&w.X0, &w.X1, &w.Y0, &w.Y1} {
			if isBad(*f) {
				*f = 0
			}
		}
		if w.X1 < w.X0 {
			w.X0, w.X1 = w.X1, w.X0
		}
		if w.Y1 < w.Y0 {
			w.Y0, w.Y1 = w.Y1, w.Y0
		}
		ws = append(ws, &word{Word: w})
	}
	sort.SliceStable(ws, func(i, j int) bool {
		mi, mj := ws[i].Y0+ws[i].Y1, ws[j].Y0+ws[j].Y1
		if mi != mj {
			return mi < mj
		}
		return ws[i].X0 < ws[j].X0
	})
	type group struct {
		y0, y1 float64
		ws     []*word
	}
	var groups []*group
	for _, w := range ws {
		var g *group
		if n := len(groups); n > 0 {
			last := groups[n-1]
			ov := math.Min(last.y1, w.Y1) - math.Max(last.y0, w.Y0)
			minH := math.Min(last.y1-last.y0, w.h())
			if ov > 0 && ov >= 0.5*minH {
				g = last
			}
		}
		if g == nil {
			g = &group{y0: w.Y0, y1: w.Y1}
			groups = append(groups, g)
		}
		g.ws = append(g.ws, w)
		// Keep the band of the line's body words: a tall stamp word must not
		// glue the next line on.
		if len(g.ws) == 1 {
			g.y0, g.y1 = w.Y0, w.Y1
		}
	}
	var out []*vline
	for _, g := range groups {
		sort.SliceStable(g.ws, func(i, j int) bool { return g.ws[i].X0 < g.ws[j].X0 })
		hs := make([]float64, len(g.ws))
		for i, w := range g.ws {
			hs[i] = w.h()
		}
		mh := median(hs)
		var base []float64
		for _, w := range g.ws {
			if w.h() >= 0.8*mh {
				base = append(base, w.Y1)
			}
		}
		baseY := median(base)
		for _, w := range g.ws {
			// A footnote mark: digits, small, and raised above the line.
			if w.h() < 0.8*mh && w.Y1 < baseY-0.2*mh && isDigits(w.Text) {
				w.sup = true
			}
		}
		l := &vline{page: pi}
		var cur *seg
		for _, w := range g.ws {
			if cur != nil && w.X0-cur.x1 > 1.2*mh {
				cur = nil
			}
			if cur == nil {
				cur = &seg{x0: w.X0, y0: w.Y0, x1: w.X1, y1: w.Y1}
				l.segs = append(l.segs, cur)
			}
			cur.words = append(cur.words, w)
			cur.x0, cur.x1 = math.Min(cur.x0, w.X0), math.Max(cur.x1, w.X1)
			cur.y0, cur.y1 = math.Min(cur.y0, w.Y0), math.Max(cur.y1, w.Y1)
		}
		l.bounds()
		out = append(out, l)
	}
	return out
}

func isBad(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e6 }

func isDigits(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

var (
	pageNumberRE  = regexp.MustCompile(`^(?:[-–—]\s*)?(?:(?i:trang)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?$`)
	stampStrongRE = regexp.MustCompile(`^(?i:ký bởi|người ký|giờ ký|thời gian ký|ngày ký|signed by|signature valid)`)
	stampWeakRE   = regexp.MustCompile(`^(?i:e-?mail|cơ quan|chức vụ|tổ chức|ngày|thời gian|giờ)\s*:`)
)

// dropNoise removes page numbers and signature stamps from a page.
func (lo *layout) dropNoise(pi int, ls []*vline) []*vline {
	if len(ls) == 0 {
		return ls
	}
	pg := lo.pages[pi]
	// Stamps: a strong cue ("Ký bởi", "Giờ ký") marks a box; small or
	// labelled segments overlapping it horizontally and near it vertically
	// belong to it.
	var boxes []*seg
	for _, l := range ls {
		for _, s := range l.segs {
			// A page carries a few signature boxes; more cues than that are
			// text, not stamps, and would make the scan below quadratic.
			if len(boxes) < 8 && stampStrongRE.MatchString(s.text()) {
				boxes = append(boxes, s)
			}
		}
	}
	// A word is part of a stamp when it is in a strong-cue segment, or is
	// in the stamp's small type (or in a labelled segment) and lies in the
	// box's column near it: the stamp's wrapped lines overlap the signer's
	// name line.
	stampWord := func(s *seg, w *word) bool {
		for _, b := range boxes {
			if s == b {
				return true
			}
			bh := b.y1 - b.y0
			near := w.Y0 < b.y1+3*bh && w.Y1 > b.y0-3*bh
			over := w.X0 < b.x1 && w.X1 > b.x0
			sameSize := math.Abs(w.h()-bh) < 0.2*bh && bh < 0.9*lo.h
			if near && over && (sameSize || stampWeakRE.MatchString(s.text())) {
				return true
			}
		}
		return false
	}
	var out []*vline
	for k, l := range ls {
		var keep []*seg
		for _, s := range l.segs {
			if len(boxes) == 0 {
				keep = append(keep, s)
				continue
			}
			var kw, dw []*word
			for _, w := range s.words {
				if stampWord(s, w) {
					dw = append(dw, w)
				} else {
					kw = append(kw, w)
				}
			}
			if len(dw) > 0 {
				lo.res.Dropped = append(lo.res.Dropped, Dropped{Page: pi + 1, Text: (&seg{words: dw}).text(), Reason: ReasonStamp})
			}
			if len(kw) == 0 {
				continue
			}
			s.words = kw
			s.x0, s.y0, s.x1, s.y1 = kw[0].X0, kw[0].Y0, kw[0].X1, kw[0].Y1
			for _, w := range kw {
				s.x0, s.x1 = math.Min(s.x0, w.X0), math.Max(s.x1, w.X1)
				s.y0, s.y1 = math.Min(s.y0, w.Y0), math.Max(s.y1, w.Y1)
			}
			keep = append(keep, s)
		}
		if len(keep) == 0 {
			continue
		}
		l.segs = keep
		l.bounds()
		// A page number: the page's first or last line, a lone number near
		// the top or the foot, centred or at the right margin.
		t := strings.TrimSpace(l.text())
		edge := k == 0 || k == len(ls)-1
		if pg.Height > 0 && pg.Width > 0 && edge && len(l.segs) == 1 && pageNumberRE.MatchString(t) &&
			(l.y1 < 0.15*pg.Height || l.y0 > 0.85*pg.Height) &&
			(math.Abs((l.x0+l.x1)/2-pg.Width/2) < 0.2*pg.Width || l.x0 > 0.75*pg.Width) {
			lo.res.Dropped = append(lo.res.Dropped, Dropped{Page: pi + 1, Text: t, Reason: ReasonPageNumber})
			continue
		}
		out = append(out, l)
	}
	return out
}

// metrics finds each page's text block margins (from lines that fill most
// of the width; a page with too few such lines takes those of the pages
// of its orientation) and the usual gap between consecutive lines.
func (lo *layout) metrics() {
	var gaps []float64
	for i, l := range lo.lines {
		if i > 0 && lo.lines[i-1].page == l.page {
			if g := l.y0 - lo.lines[i-1].y1; g > -0.5*lo.h && g < 2*lo.h {
				gaps = append(gaps, g)
			}
		}
	}
	lo.gap = median(gaps)
	n := len(lo.pages)
	lo.lefts, lo.rights = make([]float64, n), make([]float64, n)
	byPage := make([][]*vline, n)
	for _, l := range lo.lines {
		byPage[l.page] = append(byPage[l.page], l)
	}
	landscape := func(pi int) bool { return lo.pages[pi].Width > lo.pages[pi].Height }
	type acc struct{ x0s, x1s []float64 }
	var orient [2]acc
	own := make([]bool, n)
	for pi, ls := range byPage {
		minX, maxX := math.Inf(1), math.Inf(-1)
		for _, l := range ls {
			minX, maxX = math.Min(minX, l.x0), math.Max(maxX, l.x1)
		}
		var x0s, x1s []float64
		for _, l := range ls {
			if l.x1-l.x0 > 0.7*(maxX-minX) {
				x0s, x1s = append(x0s, l.x0), append(x1s, l.x1)
			}
		}
		o := 0
		if landscape(pi) {
			o = 1
		}
		orient[o].x0s = append(orient[o].x0s, x0s...)
		orient[o].x1s = append(orient[o].x1s, x1s...)
		if len(x0s) >= 3 {
			lo.lefts[pi], lo.rights[pi], own[pi] = percentile(x0s, 0.2), percentile(x1s, 0.8), true
		}
	}
	for pi := range byPage {
		if own[pi] {
			continue
		}
		o := 0
		if landscape(pi) {
			o = 1
		}
		if a := orient[o]; len(a.x0s) > 0 {
			lo.lefts[pi], lo.rights[pi] = percentile(a.x0s, 0.2), percentile(a.x1s, 0.8)
		} else {
			// No line fills a page: the page's own extent.
			lo.lefts[pi], lo.rights[pi] = 0.12*lo.pages[pi].Width, 0.88*lo.pages[pi].Width
		}
	}
}

// left and right: the text block's margins on a page.
func (lo *layout) left(page int) float64  { return lo.lefts[page] }
func (lo *layout) right(page int) float64 { return lo.rights[page] }

func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[int(p*float64(len(s)-1))]
}

// footnotes finds the footnote texts at a page's foot (small lines under
// the last body-size line, the first starting with a number), attaches
// each to its mark in the page's body (a raised digit, or the number glued
// to the end of a word: "ngành1") and returns the page's other lines. A
// footnote whose mark is not found stays as text.
func (lo *layout) footnotes(ls []*vline) []*vline {
	start := len(ls)
	for k := len(ls) - 1; k >= 0; k-- {
		if ls[k].h >= 0.88*lo.h {
			break
		}
		start = k
	}
	// The block must open with a numbered line.
	for start < len(ls) && !startsWithMark(ls[start]) {
		start++
	}
	if start >= len(ls) || start == 0 {
		return ls
	}
	type note struct {
		mark  string
		lines []*vline
	}
	var notes []*note
	for _, l := range ls[start:] {
		if startsWithMark(l) {
			notes = append(notes, &note{mark: l.words()[0].Text})
		}
		notes[len(notes)-1].lines = append(notes[len(notes)-1].lines, l)
	}
	body := ls[:start]
	var loose []*vline
	for _, n := range notes {
		var parts []string
		for i, l := range n.lines {
			t := l.text()
			if i == 0 {
				t = strings.TrimSpace(strings.TrimPrefix(t, n.mark))
			}
			parts = append(parts, t)
		}
		text := strings.Join(parts, " ")
		if w := findMark(body, n.mark); w != nil {
			w.footnote = text
			lo.res.Footnotes++
			continue
		}
		lo.res.LooseFootnotes++
		loose = append(loose, n.lines...)
	}
	return append(body, loose...)
}

func startsWithMark(l *vline) bool {
	ws := l.words()
	return len(ws) > 1 && isDigits(ws[0].Text) && len(ws[0].Text) <= 2
}

// findMark finds the footnote mark n in the body lines: a raised digit
// word, or a word whose lower-case letters end in n ("ngành1", "năm1,").
// The mark is removed from the word's text.
func findMark(body []*vline, n string) *word {
	var prev *word
	for _, l := range body {
		for _, w := range l.words() {
			if w.footnote != "" {
				prev = w
				continue
			}
			if w.sup && w.Text == n && prev != nil {
				w.Text = ""
				return prev
			}
			core := strings.TrimRight(w.Text, ".,;:)”\"")
			tail := w.Text[len(core):]
			if strings.HasSuffix(core, n) {
				stem := strings.TrimSuffix(core, n)
				r, _ := utf8.DecodeLastRuneInString(stem)
				if stem != "" && unicode.IsLower(r) && !strings.ContainsFunc(stem, unicode.IsDigit) {
					w.Text = stem + tail
					return w
				}
			}
			prev = w
		}
	}
	return nil
}
