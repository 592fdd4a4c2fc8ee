package pdf

import (
	"math"
	"strings"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render"
)

// items turns a section's blocks into the flow of unbreakable items.
func (r *renderer) items(s *compose.Section) []*item {
	var out []*item
	for _, b := range s.Blocks {
		switch {
		case b.Header != nil:
			out = append(out, r.headerItem(b.Header))
		case b.Para != nil:
			p := r.w.layoutPara(*b.Para, r.width, compose.Styles[b.Para.Style])
			out = append(out, r.paraItems(p, r.widthTw, 0)...)
		case b.Addressees != nil:
			out = append(out, r.addresseeItems(b.Addressees)...)
		case b.Table != nil:
			out = append(out, r.tableItems(b.Table)...)
		case b.Closing != nil:
			// The closing block moves with the last two lines of the body:
			// the line before it keeps with it, and widow control keeps the
			// line before that.
			if n := len(out); n > 0 {
				out[n-1].keep = true
			}
			out = append(out, r.closingItem(b.Closing))
		}
	}
	return out
}

// paraItems makes one item per line with Word's widow and orphan control
// (no first or last line alone on a page), then the rule paragraph if the
// paragraph has one. container is the column width in twips; ruleRef, when
// > 0, is the measured width a short rule is a share of.
func (r *renderer) paraItems(p *para, container int, ruleRef float64) []*item {
	n := len(p.lines)
	out := make([]*item, 0, n+1)
	hasRule := p.rule != compose.RuleNone
	for i := range p.lines {
		it := &item{h: p.line}
		if i == 0 {
			it.before = p.before
		}
		if i == n-1 {
			it.after = p.after
		}
		it.keep = (i == 0 && n > 1) || i == n-2 || (i == n-1 && (p.keepNext || hasRule))
		if p.lineNotes != nil {
			it.notes = p.lineNotes[i]
		}
		l := p.lines[i]
		it.draw = func(c *canvas, y float64) { c.drawLine(p, l, c.x, c.w, y) }
		out = append(out, it)
	}
	if hasRule {
		left, width := ruleSpan(p, container, ruleRef)
		out = append(out, &item{h: ruleLine + ruleWidth, before: ruleBefore, draw: func(c *canvas, y float64) {
			c.drawRule(c.x+left, width, y+ruleLine)
		}})
	}
	return out
}

// ruleSpan is where the rule under p goes inside a column of container
// twips: its left offset and width in points. RuleText is the measured text
// width (the Tiêu ngữ), RuleShort a share of ruleRef or of the text.
func ruleSpan(p *para, container int, ruleRef float64) (left, width float64) {
	ref := ruleRef
	if ref == 0 {
		ref = p.maxLineWidth()
	}
	if p.rule == compose.RuleShort {
		ref *= ruleShortPart
	}
	w := min(twips(ref), container)
	side := (container - w) / 2
	return ptOf(side), ptOf(w)
}

// drawRule draws a rule of width w from x whose border box starts at y.
func (c *canvas) drawRule(x, w, y float64) {
	pdf := c.r.pdf
	pdf.SetLineWidth(ruleWidth)
	y += ruleWidth / 2
	pdf.Line(x, y, x+w, y)
}

// cellBlock is a stack of paragraphs inside a borderless table cell (the
// header and closing blocks).
type cellBlock struct {
	paras     []*para
	gaps      map[int]float64 // space before paragraph i replacing its own (signature space)
	container int             // twips
	ruleRef   float64
	extra     float64 // room after the last paragraph (a draft's blank name)
}

func (cb *cellBlock) before(i int) float64 {
	if g, ok := cb.gaps[i]; ok {
		return g
	}
	return cb.paras[i].before
}

func (cb *cellBlock) height() float64 {
	h := cb.extra
	for i, p := range cb.paras {
		h += cb.before(i) + p.height() + p.after
		if p.rule != compose.RuleNone {
			h += ruleHeight
		}
	}
	return h
}

func (r *renderer) cellBlock(ps []compose.Para, container int, ruleRef float64) *cellBlock {
	cb := &cellBlock{container: container, ruleRef: ruleRef}
	for _, p := range ps {
		cb.paras = append(cb.paras, r.w.layoutPara(p, ptOf(container), compose.Styles[p.Style]))
	}
	return cb
}

// draw draws the block with its top at y in the column starting at x.
func (cb *cellBlock) draw(c *canvas, x, y float64) {
	w := ptOf(cb.container)
	for i, p := range cb.paras {
		y += cb.before(i)
		for _, l := range p.lines {
			c.drawLine(p, l, x, w, y)
			y += p.line
		}
		y += p.after
		if p.rule != compose.RuleNone {
			left, rw := ruleSpan(p, cb.container, cb.ruleRef)
			c.drawRule(x+left, rw, y+ruleBefore+ruleLine)
			y += ruleHeight
		}
	}
}

// headerItem lays out ô 1 to 4 and 5b as a borderless two-column table
// without cell padding: Agency | Nation, Number | PlaceDate, Subject |
// (empty). Columns as the DOCX writer splits them (headerColumns).
func (r *renderer) headerItem(h *compose.Header) *item {
	needR, needL := 0.0, 0.0
	for _, p := range h.Nation {
		needR = max(needR, r.w.measure(paraText(p), compose.Styles[p.Style]))
	}
	for _, p := range h.Agency {
		needL = max(needL, r.w.measure(paraText(p), compose.Styles[p.Style]))
	}
	leftTw, rightTw, ind := headerColumns(r.widthTw, twips(needL+headerPad), twips(needR+headerPad))
	// The short rule under the issuing body is measured on the widest line
	// of all its lines.
	agencyW := 0.0
	for _, p := range h.Agency {
		if p.Style == compose.StyleAgency {
			agencyW = max(agencyW, r.w.layoutPara(p, ptOf(leftTw), compose.Styles[p.Style]).maxLineWidth())
		}
	}
	rows := [][2]*cellBlock{
		{r.cellBlock(h.Agency, leftTw, agencyW), r.cellBlock(h.Nation, rightTw, 0)},
		{r.cellBlock([]compose.Para{h.Number}, leftTw, agencyW), r.cellBlock([]compose.Para{h.PlaceDate}, rightTw, 0)},
	}
	if len(h.Subject) > 0 {
		rows = append(rows, [2]*cellBlock{r.cellBlock(h.Subject, leftTw, agencyW), r.cellBlock(nil, rightTw, 0)})
	}
	total := 0.0
	heights := make([]float64, len(rows))
	for i, row := range rows {
		heights[i] = max(row[0].height(), row[1].height())
		total += heights[i]
	}
	left, x0 := ptOf(leftTw), ptOf(ind)
	return &item{h: total, draw: func(c *canvas, y float64) {
		for i, row := range rows {
			row[0].draw(c, c.x+x0, y)
			row[1].draw(c, c.x+x0+left, y)
			y += heights[i]
		}
	}}
}

// headerColumns splits the header block into the agency and Quốc hiệu
// columns (twips), exactly as the DOCX writer does: 40/60 when both fit,
// else as much as each needs; when even that overflows, the table reaches
// up to headerOverhang into the left margin (ind < 0) rather than break the
// Quốc hiệu or an agency line.
func headerColumns(textW, needL, needR int) (left, right, ind int) {
	total := textW
	if over := needL + needR - textW; over > 0 {
		ext := min(over, headerOverhang)
		total += ext
		ind = -ext
	}
	right = max(int(math.Round(float64(textW)*headerRight)), needR)
	right = min(right, total-min(needL, total/2))
	return total - right, right, ind
}

// paraText is the paragraph's printed text, for measuring.
func paraText(p compose.Para) string {
	s := ""
	if p.Label != "" {
		s = p.Label + " "
	}
	for _, r := range p.Runs {
		s += r.Text
	}
	return s
}

// measure is the width of s on one line in the style's face and size.
func (w *Writer) measure(s string, spec compose.StyleSpec) float64 {
	f := w.faces[faceOf(spec.Bold, spec.Italic)]
	t := 0.0
	for _, r := range s {
		t += f.width(r)
	}
	return t * spec.Size
}

// addresseeItems lays out "Kính gửi:" as the DOCX writer does. One
// addressee: one centred line. Several: the lead on its own line, then one
// justified paragraph each whose dash starts under the colon and whose
// wrapped lines hang behind the dash; the block is centred as a whole but
// starts no further right than a quarter of the line.
func (r *renderer) addresseeItems(a *compose.Addressees) []*item {
	spec := compose.Styles[compose.StyleAddressee]
	if len(a.Lines) <= 1 {
		text := a.Lead
		if len(a.Lines) == 1 {
			text += " " + a.Lines[0]
		}
		p := r.w.layoutPara(compose.Para{Style: compose.StyleAddressee, Runs: []compose.Run{{Text: text}}}, r.width, spec)
		return r.paraItems(p, r.widthTw, 0)
	}
	lead := strings.TrimSuffix(strings.TrimSpace(a.Lead), ":")
	leadW := twips(r.w.measure(lead, spec))
	dashW := twips(r.w.measure("- ", spec))
	linesW := 0
	for _, l := range a.Lines {
		linesW = max(linesW, twips(r.w.measure(l, spec)))
	}
	left0 := min(max((r.widthTw-leadW-linesW)/2, 0), r.widthTw/4)

	var out []*item
	shift := func(items []*item, dx float64) []*item {
		for _, it := range items {
			d := it.draw
			it.draw = func(c *canvas, y float64) {
				s := *c
				s.x += dx
				s.w -= dx
				d(&s, y)
			}
		}
		return items
	}
	ls := spec
	ls.Align = compose.AlignLeft
	ls.SpaceAfter = 0
	p := r.w.layoutPara(compose.Para{Runs: []compose.Run{{Text: a.Lead}}, KeepNext: true}, ptOf(r.widthTw-left0), ls)
	out = append(out, shift(r.paraItems(p, r.widthTw-left0, 0), ptOf(left0))...)
	indent := left0 + leadW + dashW
	for i, l := range a.Lines {
		last := i == len(a.Lines)-1
		ps := spec
		ps.Align = compose.AlignJustify
		ps.SpaceBefore = 0
		ps.SpaceAfter = 0
		if last {
			ps.SpaceAfter = spec.SpaceAfter
		}
		ps.FirstIndent = -ptOf(dashW) / mmToPt
		p := r.w.layoutPara(compose.Para{Runs: []compose.Run{{Text: l}}, KeepNext: !last}, ptOf(r.widthTw-indent), ps)
		out = append(out, shift(r.paraItems(p, r.widthTw-indent, 0), ptOf(indent))...)
	}
	return out
}

// closingItem lays out Nơi nhận (left 45%) beside the signer block (right
// 55%) as one unbreakable borderless row, and records the signer block's
// area for digital-signing tools.
func (r *renderer) closingItem(cl *compose.Closing) *item {
	leftTw := int(math.Round(float64(r.widthTw) * closingLeft))
	rightTw := r.widthTw - leftTw
	left := r.cellBlock(cl.Recipients, leftTw, 0)
	right := r.cellBlock(cl.Signer, rightTw, 0)
	if cl.NameIndex >= 0 && cl.NameIndex < len(right.paras) {
		right.gaps = map[int]float64{cl.NameIndex: cl.SignSpace}
	} else {
		// No name yet (a draft): keep the room for signature and seal, and
		// the empty name line.
		right.extra = cl.SignSpace + compose.Styles[compose.StyleSignerName].Line
	}
	rh := right.height()
	h := max(left.height(), rh)
	lw := ptOf(leftTw)
	return &item{h: h, draw: func(c *canvas, y float64) {
		left.draw(c, c.x, y)
		right.draw(c, c.x+lw, y)
		c.r.signature = &render.Area{
			Page: c.page,
			X:    round2(c.x + lw),
			Y:    round2(c.ph - (y + rh)),
			W:    round2(ptOf(rightTw)),
			H:    round2(rh),
		}
	}}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
