package pdf

import (
	"context"
	"math"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/render/layout"
)

// noteSepWidth is the footnote separator's length: Word's 2 inches.
const noteSepWidth = 144.0

// renderer holds the state of one Render call.
type renderer struct {
	ctx       context.Context // stops the work when the request is over
	w         *Writer
	pdf       *fpdf.Fpdf
	d         *compose.Document
	geo       compose.Geometry // d's page and styles (house or profile)
	notes     map[int]string
	pageCount int
	number    int // page number of the last page drawn
	signature *render.Area
	tables    int               // data tables drawn so far
	layout    document.Findings // layout notes (layout.HeaderOnce)
	fontSet   bool
	curFace   layout.FaceIndex
	curPage   int // code page of the current font (paged fonts only)
	curSize   float64
	curTw     float64   // word spacing (Tw) in force on the current page
	paged     bool      // single-byte code-page fonts (paged.go), not UTF-8
	added     [4][]bool // paged fonts added to this document, by face and page
	fontErr   error     // the first paged font that could not be built

	// per section
	page    layout.Page
	width   float64 // text width, pt
	widthTw int     // text width, twips
	left    float64 // left margin, pt
	noteBox map[int]*para
}

// item is one unbreakable piece of a section's flow: a line of a
// paragraph, a table row, the header or the closing block.
type item struct {
	h      float64 // height, pt
	before float64 // space above; dropped at the top of a page after a natural break
	after  float64 // space below; may run into the bottom margin
	// foot is room that must stay free under the item when it is the last
	// on its page: a table row's closing grid line.
	foot float64
	// tail is the bottom part of h that may run past the foot of the page
	// when the item is the last there: the extra space of a line set at a
	// multiple of single spacing, which LibreOffice puts below the text and
	// does not ask room for at the foot of a page (para.textBox).
	tail float64
	// keep forbids a page break between this item and the next: orphan and
	// widow control, keep-with-next, rows of a row span, header rows.
	keep  bool
	notes []int
	// head lists the header rows to repeat when this table row starts a page.
	head []*item
	draw func(c *canvas, y float64)
	// split, when set, cuts a row that does not fit where it is: first is
	// at most room points tall (nil when nothing can go there), rest is
	// what continues on the next page (nil when nothing is left). atTop
	// asks for progress on an empty page: widow and orphan control and
	// keeps inside the row give way.
	split func(room float64, atTop bool) (first, rest *item)
	// cantSplit allows a split only at the top of a page: a row the
	// layout estimate says fits a page (layout.Page.Holds) moves whole to
	// the next page, and splits there only if it is taller after all, as
	// LibreOffice treats a w:cantSplit row taller than the page.
	cantSplit bool
	// onPage and at are where the item was last placed: a serial number
	// of the page being drawn and the top, set before the page's items are
	// drawn, so a merged table cell can see which of its rows share its
	// page.
	onPage int
	at     float64
}

// canvas is where items draw: the page being drawn and the text column.
type canvas struct {
	r    *renderer
	page int // 1-based physical page
	x    float64
	w    float64
	ph   float64 // page height, pt
}

func (r *renderer) section(idx int, s *compose.Section) error {
	r.page = layout.PageOf(r.geo.Page, s.Landscape)
	r.widthTw = r.page.TextWidth()
	r.width = layout.Pt(r.widthTw)
	r.left = layout.Pt(r.page.Left)
	r.noteBox = map[int]*para{}
	items, err := r.items(s)
	if err != nil {
		return err
	}
	pages := r.paginate(items)
	if len(pages) == 0 {
		pages = []*pageLayout{{}}
	}
	orient := "P"
	if s.Landscape {
		orient = "L"
	}
	for pi, pg := range pages {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.pdf.AddPageFormat(orient, pageSize())
		r.curTw = 0 // a page's content starts in the default text state
		r.pageCount++
		if r.pageCount == 1 {
			// An opaque "Normal" graphics state is the only public way to
			// make fpdf declare PDF 1.4 (it writes 1.3 otherwise), the
			// least a portal accepts; it draws nothing different.
			r.pdf.SetAlpha(1, "Normal")
		}
		if pi == 0 && (s.RestartNumbering || idx == 0) {
			r.number = 1
		} else {
			r.number++
		}
		if pi > 0 || s.NumberFirstPage {
			r.drawPageNumber(r.number)
		} else if r.d.Mark != "" {
			// The DOCX prints the mark in the first-page header, which
			// shows where the page number does not.
			r.drawMark(r.d.Mark)
		}
		c := &canvas{r: r, page: r.pageCount, x: r.left, w: r.width, ph: layout.Pt(r.page.H)}
		for _, pl := range pg.placed {
			pl.it.onPage, pl.it.at = r.pageCount, pl.y
		}
		for _, pl := range pg.placed {
			pl.it.draw(c, pl.y)
		}
		r.drawNotes(pg.chunks)
	}
	return nil
}

type placed struct {
	it *item
	y  float64
}

type pageLayout struct {
	placed []placed
	notes  []int // footnotes referenced on the page
	idx    []int // item index of each placement
	// carry are the lines of footnotes begun on an earlier page that
	// continue on this one; chunks what the page's footnote area prints
	// (closePage).
	carry, chunks []noteChunk
}

// noteChunk is lines [from, to) of footnote id.
type noteChunk struct{ id, from, to int }

// paginate places items on pages, honouring keep chains: when an item does
// not fit, the page breaks before the first item of the chain that leads to
// it, unless that chain fills the whole page. Space between two items is
// layout.Gap of the first one's after and the second one's before, as Word
// and LibreOffice collapse paragraph spacing.
func (r *renderer) paginate(items []*item) []*pageLayout {
	top := layout.Pt(r.page.Top)
	bottom := layout.Pt(r.page.TextBottom())
	var pages []*pageLayout
	pg := &pageLayout{}
	y := top         // bottom of the last item placed
	prevAfter := 0.0 // its space after
	sectionStart := true
	// LibreOffice keeps room for the footnote separator at the foot of
	// every page of a section with footnotes, also pages that print none
	// (measured on our DOCX: a four-line item with a footnote on its
	// third line and two lines of room moves whole where one without a
	// footnote splits two and two; a one-line paragraph in the last line
	// of room moves to the next page when a footnote comes later).
	sepAlways := false
	for _, it := range items {
		sepAlways = sepAlways || len(it.notes) > 0
	}
	for i := 0; i < len(items); {
		it := items[i]
		atTop := len(pg.placed) == 0
		gap := layout.Gap(prevAfter, it.before)
		if atTop {
			gap = it.before
			if !sectionStart {
				gap = 0
			}
		}
		var head float64
		if atTop && !sectionStart && it.head != nil {
			for _, h := range it.head {
				head += h.h
			}
		}
		notes := appendNotes(pg.notes, it.notes)
		limit := bottom - r.notesReserve(pg.carry, notes)
		if sepAlways && len(notes) == 0 && len(pg.carry) == 0 {
			limit -= r.noteSepHeight()
		}
		fits := y+gap+head+it.h-it.tail+it.foot <= limit+0.01
		if !fits && it.split != nil && (atTop || !it.cantSplit) {
			// A row taller than the room left: what fits goes here, the
			// rest continues at the top of the next page.
			if first, rest := it.split(limit-(y+gap+head)-it.foot, atTop); first != nil {
				if atTop && head > 0 {
					for _, h := range it.head {
						pg.placed = append(pg.placed, placed{it: h, y: y})
						pg.idx = append(pg.idx, -1)
						y += h.h
					}
				}
				pg.placed = append(pg.placed, placed{it: first, y: y + gap})
				pg.idx = append(pg.idx, i)
				pg.notes = notes
				sectionStart = false
				if rest == nil {
					y += gap + first.h
					prevAfter = first.after
					i++
					continue
				}
				rest.head = it.head
				items[i] = rest
				pages = append(pages, pg)
				pg = &pageLayout{carry: r.closePage(pg)}
				y, prevAfter = top, 0
				continue
			}
		}
		if fits || atTop {
			if atTop && head > 0 {
				for _, h := range it.head {
					pg.placed = append(pg.placed, placed{it: h, y: y})
					pg.idx = append(pg.idx, -1)
					y += h.h
				}
			}
			y += gap
			pg.placed = append(pg.placed, placed{it: it, y: y})
			pg.idx = append(pg.idx, i)
			pg.notes = notes
			y += it.h
			prevAfter = it.after
			sectionStart = false
			i++
			continue
		}
		// Break: walk back over the keep chain.
		j := i
		first := firstIndex(pg)
		for j > first && items[j-1].keep {
			j--
		}
		if j <= first {
			j = i // the chain fills the page: break where we are
		}
		// Drop placements of items j..i-1.
		cut := len(pg.placed)
		for k, idx := range pg.idx {
			if idx >= j {
				cut = k
				break
			}
		}
		pg.placed, pg.idx = pg.placed[:cut], pg.idx[:cut]
		pg.notes = nil
		for _, p := range pg.placed {
			pg.notes = appendNotes(pg.notes, p.it.notes)
		}
		pages = append(pages, pg)
		pg = &pageLayout{carry: r.closePage(pg)}
		y, prevAfter = top, 0
		i = j
	}
	if len(pg.placed) > 0 || len(pg.carry) > 0 || len(pages) == 0 {
		pages = append(pages, pg)
		// Footnotes longer than the room left continue on pages of their
		// own.
		for carry := r.closePage(pg); len(carry) > 0; {
			pg = &pageLayout{carry: carry}
			pages = append(pages, pg)
			carry = r.closePage(pg)
		}
	}
	return pages
}

// notesReserve is the room the footnote area keeps at the foot of a page
// whose body references ids and that continues carry: all of it, but at
// most half the page, so the body always has the rest. Footnotes that do
// not fit continue on the next page, as Word and LibreOffice continue a
// long footnote.
func (r *renderer) notesReserve(carry []noteChunk, ids []int) float64 {
	if len(carry) == 0 && len(ids) == 0 {
		return 0
	}
	h := r.noteSepHeight()
	for _, c := range carry {
		h += float64(c.to-c.from) * r.notePara(c.id).line
	}
	for _, id := range ids {
		h += r.notePara(id).height()
	}
	return min(h, r.page.TextHeight()/2)
}

// closePage fills the page's footnote area under its body: the lines
// carried from the page before, then the footnotes referenced on the
// page, as many lines as fit. It returns the lines left for the next page.
func (r *renderer) closePage(pg *pageLayout) []noteChunk {
	todo := append([]noteChunk(nil), pg.carry...)
	for _, id := range pg.notes {
		todo = append(todo, noteChunk{id: id, to: len(r.notePara(id).lines)})
	}
	if len(todo) == 0 {
		return nil
	}
	end := layout.Pt(r.page.Top)
	for _, pl := range pg.placed {
		end = max(end, pl.y+pl.it.h)
	}
	room := layout.Pt(r.page.TextBottom()) - end - r.noteSepHeight()
	pg.chunks = nil
	for k, c := range todo {
		line := r.notePara(c.id).line
		n := min(max(int((room+0.01)/line), 0), c.to-c.from)
		if n == 0 && len(pg.chunks) == 0 && len(pg.placed) == 0 {
			n = 1 // a page of footnotes alone prints at least a line
		}
		if n > 0 {
			pg.chunks = append(pg.chunks, noteChunk{c.id, c.from, c.from + n})
			room -= float64(n) * line
		}
		if c.from+n < c.to {
			return append([]noteChunk{{c.id, c.from + n, c.to}}, todo[k+1:]...)
		}
	}
	return nil
}

func firstIndex(pg *pageLayout) int {
	for _, idx := range pg.idx {
		if idx >= 0 {
			return idx
		}
	}
	return 1 << 30
}

func appendNotes(have, add []int) []int {
	if len(add) == 0 {
		return have
	}
	out := append([]int(nil), have...)
	for _, id := range add {
		dup := false
		for _, h := range out {
			dup = dup || h == id
		}
		if !dup {
			out = append(out, id)
		}
	}
	return out
}

// noteSepHeight is the separator's paragraph: one single-spaced line at
// the default 14 pt (the template's separator footnote).
func (r *renderer) noteSepHeight() float64 {
	f := r.w.face(layout.Regular)
	return 14 * (f.Ascent() + f.Descent() + f.LineGap())
}

// notePara lays out footnote id: its superscript number, a space, the text.
func (r *renderer) notePara(id int) *para {
	if p, ok := r.noteBox[id]; ok {
		return p
	}
	spec := r.geo.Styles[compose.StyleFootnote]
	// The note's own text keeps a reference or a date on one line, as a
	// paragraph does (layout.Glue); the number and space before it are
	// not part of that text.
	b := &textBuilder{w: r.w, glue: layout.Glue(r.notes[id])}
	b.addPiece(strconv.Itoa(id), layout.Regular, spec.Size*supSize, spec.Size*supRise)
	b.addSpace(layout.Regular, spec.Size)
	b.addText(r.notes[id], layout.Regular, spec.Size, 0)
	p := &para{spec: spec, line: spec.Line}
	p.lines = r.w.breakLines(b.finish(), r.width, 0)
	r.noteBox[id] = p
	return p
}

// drawNotes draws the separator and the footnote lines of a page, the
// last one at the foot of the text area.
func (r *renderer) drawNotes(chunks []noteChunk) {
	if len(chunks) == 0 {
		return
	}
	c := &canvas{r: r, x: r.left, w: r.width}
	h := r.noteSepHeight()
	for _, ch := range chunks {
		h += float64(ch.to-ch.from) * r.notePara(ch.id).line
	}
	y := layout.Pt(r.page.TextBottom()) - h
	sep := r.noteSepHeight()
	r.pdf.SetLineWidth(layout.RuleBorder)
	r.pdf.Line(r.left, y+sep/2, r.left+noteSepWidth, y+sep/2)
	y += sep
	for _, ch := range chunks {
		p := r.notePara(ch.id)
		for _, l := range p.lines[ch.from:ch.to] {
			c.drawLine(p, l, c.x, c.w, y)
			y += p.line
		}
	}
}

func (r *renderer) drawPageNumber(n int) {
	spec := r.geo.Styles[compose.StylePageNumber]
	s := strconv.Itoa(n)
	f := r.w.face(layout.Regular)
	w := f.Width(s, spec.Size)
	top := layout.Pt(r.page.Header)
	r.text(layout.Regular, spec.Size, r.left+(r.width-w)/2, baseline(top, spec.Line, spec.Size, f), s, 0)
}

// drawMark draws the draft mark in bold, boxed, at the right of the text
// area on the page number's line, as the DOCX's first-page header does.
func (r *renderer) drawMark(s string) {
	size := float64(compose.MarkSize)
	line := r.geo.Styles[compose.StylePageNumber].Line // the DOCX paragraph is in the same style, restyled by a profile
	f := r.w.face(layout.Bold)
	pad := f.Advance(' ') * size
	w := f.Width(s, size) + 2*pad
	top := layout.Pt(r.page.Header)
	x := r.left + r.width - w
	r.text(layout.Bold, size, x+pad, baseline(top, line, size, f), s, 0)
	r.pdf.SetLineWidth(layout.RuleBorder)
	r.pdf.Rect(x, top, w, line, "D")
}

// baseline places text in an exact-height line box as LibreOffice does:
// the descent sits at the bottom and any extra height goes above.
func baseline(top, lineH, size float64, f *layout.Face) float64 {
	return top + lineH - f.Descent()*size
}

// text draws s in face fi at size with its baseline starting at (x, y),
// every space widened by extra points (justification). With paged fonts it
// goes out as one string per code page, the extra as word spacing (Tw),
// which applies to the single-byte space; fpdf's UTF-8 fonts have no
// single-byte space, so there every word is placed on its own.
func (r *renderer) text(fi layout.FaceIndex, size, x, y float64, s string, extra float64) {
	if !r.paged {
		r.setFont(family, 0, fi, size)
		if extra == 0 {
			r.pdf.Text(x, y, s)
			return
		}
		space := r.w.face(fi).Advance(' ')*size + extra
		for i, word := range strings.Split(s, " ") {
			if i > 0 {
				x += space
			}
			if word != "" {
				r.pdf.Text(x, y, word)
			}
			x += r.w.face(fi).Width(word, size)
		}
		return
	}
	face := r.w.face(fi)
	r.w.codes.encode(s, face.Advance, func(page int, b []byte, em float64) {
		r.setFont(pagedFamily(page), page, fi, size)
		// A viewer advances by the /Widths, rounded to 1/1000 em; the
		// layout by the exact advances. The word spacing takes up the
		// difference, so each string ends where the layout says, and
		// justified lines keep a straight right edge.
		spaces, rounded := 0, 0
		for _, c := range b {
			if c == ' ' {
				spaces++
			}
			rounded += r.w.codes.width(face, page, c)
		}
		exact := em*size + extra*float64(spaces)
		if spaces > 0 {
			r.wordSpacing((exact - float64(rounded)*size/1000) / float64(spaces))
		}
		r.pdf.Text(x, y, string(b))
		x += exact
	})
}

// wordSpacing sets Tw, skipping the operator when the value is current.
// Every page starts at 0: section resets curTw after each AddPage.
func (r *renderer) wordSpacing(tw float64) {
	if math.Abs(tw-r.curTw) < 5e-6 {
		return
	}
	r.pdf.SetWordSpacing(tw)
	r.curTw = tw
}

// setFont selects a face and size, skipping fpdf's SetFont (which writes a
// Tf operator every time) when they are already current. A new page keeps
// the current font: fpdf re-selects it there itself. A paged font is added
// to the document the first time it is selected.
func (r *renderer) setFont(fam string, page int, fi layout.FaceIndex, size float64) {
	if r.fontSet && r.curFace == fi && r.curPage == page && r.curSize == size {
		return
	}
	if r.paged {
		if r.added[fi] == nil {
			r.added[fi] = make([]bool, len(r.w.codes.pages))
		}
		if !r.added[fi][page] {
			pf, err := r.w.paged(fi, page)
			if err != nil {
				if r.fontErr == nil {
					r.fontErr = err
				}
				return
			}
			r.pdf.AddFontFromBytes(fam, fpdfStyle[fi], pf.def, pf.z)
			r.added[fi][page] = true
		}
	}
	r.pdf.SetFont(fam, fpdfStyle[fi], size)
	r.fontSet, r.curFace, r.curPage, r.curSize = true, fi, page, size
}

// drawLine draws one line of p in the column [x, x+w] with its box top at y.
func (c *canvas) drawLine(p *para, l line, x, w, y float64) {
	r := c.r
	bl := baseline(y, p.textBox(), p.spec.Size, r.w.face(layout.Regular))
	avail := w - l.indent
	x += l.indent
	extra := 0.0
	switch p.spec.Align {
	case compose.AlignCenter:
		x += (avail - l.natural) / 2
	case compose.AlignRight:
		x += avail - l.natural
	case compose.AlignJustify:
		if !l.last {
			gaps := 0
			for i, wd := range l.words {
				if i < len(l.words)-1 {
					gaps += wd.spaces
				}
				gaps += wd.glued
			}
			if gaps > 0 && l.natural < avail {
				extra = (avail - l.natural) / float64(gaps)
			}
		}
	}
	// Consecutive words in one face go out as one string with its spaces,
	// each space the font's own advance plus the line's extra: fewer
	// operators, and the same positions.
	var seg []byte
	var segFace layout.FaceIndex
	var segSize, segX, segY float64
	flush := func() {
		if len(seg) > 0 {
			r.text(segFace, segSize, segX, segY, string(seg), extra)
			seg = seg[:0]
		}
	}
	for i, wd := range l.words {
		px := x
		for pi, pc := range wd.pieces {
			joinable := pi == 0 && len(seg) > 0 && pc.face == segFace && pc.size == segSize && bl-pc.rise == segY
			if !joinable {
				flush()
				segFace, segSize, segX, segY = pc.face, pc.size, px, bl-pc.rise
			}
			seg = append(seg, pc.text...)
			px += pc.w + extra*float64(strings.Count(pc.text, " "))
			if pc.fixed {
				flush() // wider than its glyph: what follows starts at px
			}
		}
		if i == len(l.words)-1 {
			break
		}
		last := wd.pieces[len(wd.pieces)-1]
		natural := wd.spaces > 0 &&
			math.Abs(wd.space-float64(wd.spaces)*r.w.face(last.face).Advance(' ')*last.size) < 1e-9
		if natural && len(seg) > 0 {
			for range wd.spaces {
				seg = append(seg, ' ')
			}
		} else {
			flush()
		}
		x += wd.w + wd.space + extra*float64(wd.spaces+wd.glued)
	}
	flush()
}
