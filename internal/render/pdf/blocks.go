package pdf

import (
	"math"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/render/layout"
)

// items turns a section's blocks into the flow of unbreakable items.
func (r *renderer) items(s *compose.Section) ([]*item, error) {
	var out []*item
	lastPara := -1 // index in out of the last body paragraph's first line
	for _, b := range s.Blocks {
		// A deadline or a gone client stops the work between blocks, so a
		// timed-out request frees its worker at once (line breaking is
		// linear, so no one block holds it long).
		if err := r.ctx.Err(); err != nil {
			return nil, err
		}
		switch {
		case b.Header != nil:
			lastPara = -1
			out = append(out, r.headerItems(b.Header)...)
		case b.Para != nil:
			lastPara = len(out)
			p := r.w.layoutPara(*b.Para, r.width, r.geo.Styles[b.Para.Style])
			out = append(out, r.paraItems(p, r.widthTw, 0)...)
		case b.Addressees != nil:
			lastPara = -1
			out = append(out, r.addresseeItems(b.Addressees)...)
		case b.Table != nil:
			lastPara = -1
			out = append(out, r.tableItems(b.Table)...)
		case b.Closing != nil:
			// The closing block moves with the paragraph before it: the DOCX
			// gives that paragraph keep-with-next, and LibreOffice then
			// moves the whole paragraph with the block rather than split it
			// (see paraItems).
			if lastPara >= 0 {
				for _, it := range out[lastPara:] {
					it.keep = true
				}
			} else if n := len(out); n > 0 {
				out[n-1].keep = true
			}
			out = append(out, r.closingItem(b.Closing))
		}
	}
	return out, nil
}

// paraItems makes one item per line with Word's widow and orphan control
// (no first or last line alone on a page), then the rule paragraph if the
// paragraph has one, as the DOCX writes it: the text keeps
// layout.RuleSpacing's share of the space after, the rule paragraph
// (layout.RuleBefore, a layout.RuleLine line, the layout.RuleBorder line)
// carries the rest. container is the column width in twips; ruleRef, when
// > 0, is the measured width a short rule is a share of.
func (r *renderer) paraItems(p *para, container int, ruleRef float64) []*item {
	n := len(p.lines)
	out := make([]*item, 0, n+1)
	hasRule := p.rule != compose.RuleNone
	after, ruleAfter := p.after, 0.0
	if hasRule {
		after, ruleAfter = layout.RuleSpacing(p.after)
	}
	for i := range p.lines {
		it := &item{h: p.line, tail: p.line - p.textBox()}
		if i == 0 {
			it.before = p.before
		}
		if i == n-1 {
			it.after = after
		}
		// Widow and orphan control keep the first two and the last two lines
		// together. A paragraph kept with the next one is kept whole, as
		// LibreOffice moves it whole when the next does not fit (measured
		// on our DOCX: a four-line paragraph before the closing block).
		it.keep = (i == 0 && n > 1) || i == n-2 || (i == n-1 && hasRule) || p.keepNext
		if p.lineNotes != nil {
			it.notes = p.lineNotes[i]
		}
		l := p.lines[i]
		it.draw = func(c *canvas, y float64) { c.drawLine(p, l, c.x, c.w, y) }
		out = append(out, it)
	}
	if hasRule {
		left, width := ruleSpan(p, container, ruleRef)
		out = append(out, &item{
			h:      layout.RuleLine + layout.RuleBorder,
			before: layout.RuleBefore,
			after:  ruleAfter,
			draw: func(c *canvas, y float64) {
				c.drawRule(c.x+left, width, y+layout.RuleLine)
			},
		})
	}
	return out
}

// ruleSpan is where the rule under p goes inside a column of container
// twips: its left offset and width in points (layout.RuleSpan).
func ruleSpan(p *para, container int, ruleRef float64) (left, width float64) {
	ref := ruleRef
	if ref == 0 {
		ref = p.maxLineWidth()
	}
	l, w := layout.RuleSpan(p.rule, ref, container)
	return layout.Pt(l), layout.Pt(w)
}

// drawRule draws a rule of width w from x whose border box starts at y.
func (c *canvas) drawRule(x, w, y float64) {
	pdf := c.r.pdf
	pdf.SetLineWidth(layout.RuleBorder)
	y += layout.RuleBorder / 2
	pdf.Line(x, y, x+w, y)
}

// cellBlock is a stack of paragraphs inside a borderless table cell (the
// header and closing blocks), stacked like the body: one item per line and
// rule, spaced by layout.Gap.
type cellBlock struct {
	items []*item
	ys    []float64 // top of each item from the cell's top
	h     float64   // height, the last item's space after included
	extra float64   // room kept under the last item (a draft's signature)
}

// stack places items one under the other from the top of the cell. The
// first item's space before is kept (Word and LibreOffice apply it at the
// top of a cell) and so is the last one's space after.
func stack(items []*item, extra float64) *cellBlock {
	cb := &cellBlock{items: items, ys: make([]float64, len(items)), extra: extra}
	y, prevAfter := 0.0, 0.0
	for i, it := range items {
		if i == 0 {
			y += it.before
		} else {
			y += layout.Gap(prevAfter, it.before)
		}
		cb.ys[i] = y
		y += it.h
		prevAfter = it.after
	}
	cb.h = y + prevAfter + extra
	if len(items) == 0 {
		cb.h = extra
	}
	return cb
}

// cellItems lays out paragraphs in a column of container twips; before,
// when non-nil, replaces paragraph i's space before (the closing gap, the
// room for the signature).
func (r *renderer) cellItems(ps []compose.Para, container int, ruleRef float64, before map[int]float64) []*item {
	var out []*item
	for i, p := range ps {
		lp := r.w.layoutPara(p, layout.Pt(container), r.geo.Styles[p.Style])
		if b, ok := before[i]; ok {
			lp.before = b
		}
		out = append(out, r.paraItems(lp, container, ruleRef)...)
	}
	return out
}

// draw draws the block with its top at y in the column starting at x and
// w points wide.
func (cb *cellBlock) draw(c *canvas, x, w, y float64) {
	s := *c
	s.x, s.w = x, w
	for i, it := range cb.items {
		it.draw(&s, y+cb.ys[i])
	}
}

// headerItems lays out ô 1 to 4 and 5b as a borderless two-column table
// without cell padding: Agency | Nation, Number | PlaceDate, Subject |
// (empty), with layout.HeaderOf's columns; one item per row, each split
// across pages only when it is taller than a page (a V/v subject of
// hundreds of words), as the DOCX writer marks it.
func (r *renderer) headerItems(h *compose.Header) []*item {
	geo := r.w.fonts.HeaderOf(r.geo.Styles, h, r.widthTw)
	cell := func(ps []compose.Para, w int, ruleRef float64) *cellBlock {
		return stack(r.cellItems(ps, w, ruleRef, nil), 0)
	}
	rows := [][2]*cellBlock{
		{cell(h.Agency, geo.Left, geo.AgencyRule), cell(h.Nation, geo.Right, 0)},
		{cell([]compose.Para{h.Number}, geo.Left, geo.AgencyRule), cell([]compose.Para{h.PlaceDate}, geo.Right, 0)},
	}
	if len(h.Subject) > 0 {
		rows = append(rows, [2]*cellBlock{cell(h.Subject, geo.Left, geo.AgencyRule), cell(nil, geo.Right, 0)})
	}
	est := r.w.fonts.HeaderRowHeights(r.geo.Styles, h, r.widthTw)
	left, right, x0 := layout.Pt(geo.Left), layout.Pt(geo.Right), layout.Pt(geo.Indent)
	out := make([]*item, len(rows))
	for i, row := range rows {
		out[i] = bandItem([]*cellBlock{row[0], row[1]}, []float64{x0, x0 + left}, []float64{left, right}, nil)
		out[i].cantSplit = i < len(est) && r.page.Holds(est[i])
	}
	return out
}

// bandItem is a borderless table row of side-by-side cell blocks, block i
// drawn at xs[i] from the column's left, ws[i] wide. It splits between the
// lines of its blocks: each block keeps on the page the lines that fit,
// with widow and orphan control, and continues at the top of the next
// page. drawn, when set, is told where each block's part went.
func bandItem(cols []*cellBlock, xs, ws []float64, drawn func(c *canvas, y float64, cols []*cellBlock)) *item {
	h := 0.0
	var notes []int
	for _, cb := range cols {
		h = max(h, cb.h)
		for _, x := range cb.items {
			// A footnote on a Nơi nhận line goes to the foot of the
			// page the line is drawn on.
			notes = appendNotes(notes, x.notes)
		}
	}
	it := &item{h: h, notes: notes, draw: func(c *canvas, y float64) {
		for i, cb := range cols {
			cb.draw(c, c.x+xs[i], ws[i], y)
		}
		if drawn != nil {
			drawn(c, y, cols)
		}
	}}
	it.split = func(room float64, atTop bool) (*item, *item) {
		cuts := make([]int, len(cols))
		any, all := false, true
		for _, force := range []bool{false, true} {
			if force && (any || !atTop) {
				break
			}
			for i, cb := range cols {
				cuts[i] = cb.cut(room, force)
				any = any || cuts[i] > 0
				all = all && cuts[i] == len(cb.items)
			}
		}
		if !any {
			return nil, nil
		}
		if all {
			return it, nil
		}
		heads := make([]*cellBlock, len(cols))
		rests := make([]*cellBlock, len(cols))
		for i, cb := range cols {
			heads[i], rests[i] = cb.splitAt(cuts[i])
		}
		first := bandItem(heads, xs, ws, drawn)
		first.h = room // the row's part runs to the foot of the page
		return first, bandItem(rests, xs, ws, drawn)
	}
	return it
}

// cut is how many of the block's items fit in room points from its top,
// breaking only after an item that does not keep with the next, unless
// force.
func (cb *cellBlock) cut(room float64, force bool) int {
	k := 0
	for i, it := range cb.items {
		if cb.ys[i]+it.h > room+0.01 {
			break
		}
		if force || !it.keep || i == len(cb.items)-1 {
			k = i + 1
		}
	}
	return k
}

// splitAt cuts the block after k items: the head keeps their places, the
// rest is stacked anew from the top, without the space before its first
// item (it continues a row at the top of a page).
func (cb *cellBlock) splitAt(k int) (head, rest *cellBlock) {
	head = &cellBlock{items: cb.items[:k], ys: cb.ys[:k], extra: 0}
	if k > 0 {
		head.h = cb.ys[k-1] + cb.items[k-1].h
	}
	items := append([]*item(nil), cb.items[k:]...)
	if len(items) > 0 {
		first := *items[0]
		first.before = 0
		items[0] = &first
	}
	return head, stack(items, cb.extra)
}

// addresseeItems lays out "Kính gửi:" as the DOCX writer does. One
// addressee: one centred line. Several: the lead on its own line, then one
// justified paragraph each whose dash starts under the colon and whose
// wrapped lines hang behind the dash (layout.AddresseesOf).
func (r *renderer) addresseeItems(a *compose.Addressees) []*item {
	spec := r.geo.Styles[compose.StyleAddressee]
	if len(a.Lines) <= 1 {
		p := r.w.layoutPara(compose.Para{Style: compose.StyleAddressee, Runs: a.OneLine()}, r.width, spec)
		return r.paraItems(p, r.widthTw, 0)
	}
	geo := r.w.fonts.AddresseesOf(r.geo.Styles, a, r.widthTw)
	left0 := geo.Left

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
	p := r.w.layoutPara(compose.Para{Runs: []compose.Run{{Text: a.Lead}}, KeepNext: true}, layout.Pt(r.widthTw-left0), ls)
	out = append(out, shift(r.paraItems(p, r.widthTw-left0, 0), layout.Pt(left0))...)
	indent := left0 + geo.Lead + geo.Dash
	whole := r.page.Holds(r.w.fonts.AddresseesHeight(r.geo.Styles, a, r.widthTw))
	for i, l := range a.Lines {
		last := i == len(a.Lines)-1
		ps := spec
		ps.Align = compose.AlignJustify
		ps.SpaceBefore = 0
		ps.SpaceAfter = 0
		if last {
			ps.SpaceAfter = spec.SpaceAfter
		}
		ps.FirstIndent = -layout.Pt(geo.Dash) / layout.MMToPt
		p := r.w.layoutPara(compose.Para{Runs: l, KeepNext: !last && whole}, layout.Pt(r.widthTw-indent), ps)
		out = append(out, shift(r.paraItems(p, r.widthTw-indent, 0), layout.Pt(indent))...)
	}
	return out
}

// closingItem lays out Nơi nhận beside the signer block
// (layout.ClosingColumns) as a borderless row, unbreakable while it fits a
// page (layout.Page.Holds, as the DOCX writer decides), and records where
// the signer block was drawn for digital-signing tools (the last part of
// it, with the name, when the block runs over pages).
func (r *renderer) closingItem(cl *compose.Closing) *item {
	leftTw, rightTw := layout.ClosingColumns(r.widthTw)
	leftGaps := map[int]float64{0: layout.ClosingGap}
	if cl.LeftSignIndex > 0 {
		leftGaps[cl.LeftSignIndex] = cl.SignSpace
	}
	left := stack(r.cellItems(cl.Recipients, leftTw, 0, leftGaps), 0)
	gaps := map[int]float64{0: layout.ClosingGap}
	extra := 0.0
	if cl.NameIndex >= 0 && cl.NameIndex < len(cl.Signer) {
		gaps[cl.NameIndex] = cl.SignSpace
	} else if len(cl.Signer) > 0 {
		// No name yet (a draft): keep the room for signature and seal, and
		// the empty name line.
		extra = cl.SignSpace + r.geo.Styles[compose.StyleSignerName].Line
	}
	right := stack(r.cellItems(cl.Signer, rightTw, 0, gaps), extra)
	lw, rw := layout.Pt(leftTw), layout.Pt(rightTw)
	it := bandItem([]*cellBlock{left, right}, []float64{0, lw}, []float64{lw, rw}, func(c *canvas, y float64, cols []*cellBlock) {
		sig := cols[1]
		if len(sig.items) == 0 && sig.extra == 0 {
			return
		}
		c.r.signature = &render.Area{
			Page: c.page,
			X:    round2(c.x + lw),
			Y:    round2(c.ph - (y + sig.h)),
			W:    round2(rw),
			H:    round2(sig.h),
		}
	})
	it.cantSplit = r.page.Holds(r.w.fonts.ClosingHeight(r.geo.Styles, cl, r.widthTw))
	return it
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
