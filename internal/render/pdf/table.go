package pdf

import (
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
)

// cellSpec is the paragraph style of a table cell: the header or cell
// style at the table's font size and line height (layout.CellText).
func cellSpec(t *compose.Table, header bool, c compose.Cell) compose.StyleSpec {
	base := compose.StyleTableCell
	if header {
		base = compose.StyleTableHeader
	}
	// Table text is not part of an office profile (layout.CellText).
	spec := compose.Styles[base]
	size, line := layout.CellText(t)
	spec.Size = size
	spec.Line = layout.Pt(line)
	spec.Align = c.Align
	spec.Bold = spec.Bold || c.Bold
	spec.FirstIndent = 0
	return spec
}

// gridCell is a laid-out cell at its grid position.
type gridCell struct {
	col, span, rowSpan int
	p                  *para
	vcenter            bool // header rows and merged cells are centred vertically
}

func (gc *gridCell) content() float64 { return gc.p.before + gc.p.height() + gc.p.after }

// tableItems lays out a table as one item per row. Header rows keep with
// the first data row and repeat at the top of every page the table runs
// onto while they take at most half of it (layout.Page.RepeatsHeader); a
// row splits across pages only when it is taller than a page
// (layout.Page.Holds), between the lines of its cells (rowSplitter); the
// rows of a row span stay together and do not split. Each
// row is as tall as layout.RowHeight makes its tallest cell, its text
// below the grid line at its top; the last row carries the table's closing
// line (layout.TableFoot), and a row that ends a page leaves room for its
// own.
func (r *renderer) tableItems(t *compose.Table) []*item {
	ncols := len(t.Widths)
	cols, err := r.w.fonts.TableColumns(t, r.widthTw)
	if err != nil {
		return nil // compose never makes such a table; draw nothing rather than fail mid-page
	}
	colX := make([]float64, ncols+1)
	used := 0
	for i, w := range cols {
		used += w
		colX[i+1] = layout.Pt(used)
	}
	pad := layout.Pt(layout.CellMargin)
	rows := append(append([][]compose.Cell{}, t.Header...), t.Rows...)
	nh := len(t.Header)
	grid := make([][]gridCell, len(rows))
	content := make([]float64, len(rows))
	for ri, row := range rows {
		col := 0
		for ci, c := range row {
			if len(row) == ncols {
				col = ci
			}
			if col >= ncols {
				break
			}
			span := max(c.ColSpan, 1)
			span = min(span, ncols-col)
			if c.Covered {
				col++
				continue
			}
			spec := cellSpec(t, ri < nh, c)
			w := colX[col+span] - colX[col] - 2*pad
			p := r.w.layoutPara(compose.Para{Runs: c.Runs}, w, spec)
			gc := gridCell{col: col, span: span, rowSpan: max(c.RowSpan, 1), p: p}
			gc.vcenter = ri < nh || gc.rowSpan > 1
			grid[ri] = append(grid[ri], gc)
			if gc.rowSpan == 1 {
				content[ri] = max(content[ri], gc.content())
			}
			col += span
		}
	}
	heights := make([]float64, len(rows))
	for ri := range rows {
		heights[ri] = layout.RowHeight(content[ri])
	}
	// A row-spanning cell taller than its rows grows the last of them.
	for ri, cells := range grid {
		for _, gc := range cells {
			if gc.rowSpan < 2 {
				continue
			}
			end := min(ri+gc.rowSpan, len(rows))
			sum := 0.0
			for k := ri; k < end; k++ {
				sum += heights[k]
			}
			if need := layout.RowHeight(gc.content()); need > sum {
				heights[end-1] += need - sum
			}
		}
	}
	spanEnd := make([]int, len(rows)) // last row a merged cell starting in this row reaches
	for ri, cells := range grid {
		spanEnd[ri] = max(spanEnd[ri], ri)
		for _, gc := range cells {
			spanEnd[ri] = max(spanEnd[ri], min(ri+gc.rowSpan, len(rows))-1)
		}
	}
	// covering[ri] lists the merged cells of earlier rows that span ri.
	type span struct{ col, span, end int }
	covering := make([][]span, len(rows))
	for ri, cells := range grid {
		for _, gc := range cells {
			end := min(ri+gc.rowSpan, len(rows))
			for k := ri + 1; k < end; k++ {
				covering[k] = append(covering[k], span{gc.col, gc.span, end})
			}
		}
	}
	est, headEst := r.w.fonts.TableRowHeights(r.geo.Styles, t, r.widthTw)
	repeat := r.page.RepeatsHeader(headEst)
	r.tables++
	if !repeat {
		r.layout = append(r.layout, layout.HeaderOnce(r.tables, headEst/r.page.TextHeight()))
	}
	items := make([]*item, len(rows))
	var head []*item
	for ri := range rows {
		it := &item{h: heights[ri], foot: layout.TableFoot}
		last := ri == len(rows)-1
		if last {
			it.h += layout.TableFoot
			it.foot = 0
		}
		// Header rows keep with the first data row while they repeat. Rows
		// of a row span do not keep together: LibreOffice breaks between
		// them, and the merged cell continues as an empty box.
		it.keep = ri < nh && repeat
		for _, gc := range grid[ri] {
			it.notes = append(it.notes, gc.p.footnotes...)
		}
		it.draw = func(c *canvas, y float64) {
			for _, gc := range grid[ri] {
				x := c.x + colX[gc.col]
				w := colX[gc.col+gc.span] - colX[gc.col]
				h := heights[ri]
				vcenter := gc.vcenter
				if gc.rowSpan > 1 {
					end := min(ri+gc.rowSpan, len(rows))
					h = spanOnPage(items, heights, ri, end, y)
					// A merged cell whose rows run onto the next page
					// prints from the top of its first part, as
					// LibreOffice lays it out: its middle is pages away.
					vcenter = vcenter && items[end-1].onPage == items[ri].onPage
				}
				ly := y + layout.GridLine + gc.p.before
				if vcenter {
					ly += max(h-layout.GridLine-gc.content(), 0) / 2
				}
				for _, l := range gc.p.lines {
					c.drawLine(gc.p, l, x+pad, w-2*pad, ly)
					ly += gc.p.line
				}
				// The grid lines sit inside the row, the one above it at
				// its top; the rectangle's bottom edge is the next row's
				// top line, or the table's foot.
				c.r.pdf.SetLineWidth(layout.GridLine)
				c.r.pdf.Rect(x, y+layout.GridLine/2, w, h, "D")
			}
			// A merged cell from a row on an earlier page continues here
			// as an empty box over its rows on this page.
			for _, sp := range covering[ri] {
				if ri > 0 && items[ri-1].onPage == items[ri].onPage {
					continue
				}
				x := c.x + colX[sp.col]
				w := colX[sp.col+sp.span] - colX[sp.col]
				c.r.pdf.SetLineWidth(layout.GridLine)
				c.r.pdf.Rect(x, y+layout.GridLine/2, w, spanOnPage(items, heights, ri, sp.end, y), "D")
			}
		}
		{
			// Any row may split. A merged cell from above is an empty box
			// in each part; a merged cell starting in the row prints its
			// lines from the top of the parts, like the row's other cells.
			var boxes [][2]int
			for _, sp := range covering[ri] {
				boxes = append(boxes, [2]int{sp.col, sp.span})
			}
			starts := make([]int, len(grid[ri]))
			it.split = r.rowSplitter(grid[ri], boxes, starts, colX, it.keep, last)
			it.cantSplit = ri < len(est) && r.page.Holds(est[ri])
		}
		items[ri] = it
		if ri < nh {
			head = append(head, it)
		} else if nh > 0 && repeat {
			it.head = head
		}
	}
	return items
}

// rowSplitter splits the part of a row whose cells start at line starts[i]
// (cell i): each cell keeps on this page the lines that fit in the room
// under the row's top grid line, two at least at the start or end of its
// paragraph unless the row is at the top of a page, and continues on the
// next page at its top. A part is drawn with its cells' text from the top.
func (r *renderer) rowSplitter(cells []gridCell, boxes [][2]int, starts []int, colX []float64, keep, last bool) func(float64, bool) (*item, *item) {
	pad := layout.Pt(layout.CellMargin)
	// part is the item for lines [from[i], to[i]) of every cell.
	part := func(from, to []int, end bool) *item {
		content := 0.0
		for i, gc := range cells {
			h := float64(to[i]-from[i]) * gc.p.line
			if from[i] == 0 {
				h += gc.p.before
			}
			if to[i] == len(gc.p.lines) {
				h += gc.p.after
			}
			content = max(content, h)
		}
		rowH := layout.RowHeight(content)
		it := &item{h: rowH, foot: layout.TableFoot, keep: keep}
		if end && last {
			it.h += layout.TableFoot
			it.foot = 0
		}
		it.draw = func(c *canvas, y float64) {
			for i, gc := range cells {
				x := c.x + colX[gc.col]
				w := colX[gc.col+gc.span] - colX[gc.col]
				ly := y + layout.GridLine
				if from[i] == 0 {
					ly += gc.p.before
				}
				for _, l := range gc.p.lines[from[i]:to[i]] {
					c.drawLine(gc.p, l, x+pad, w-2*pad, ly)
					ly += gc.p.line
				}
				c.r.pdf.SetLineWidth(layout.GridLine)
				c.r.pdf.Rect(x, y+layout.GridLine/2, w, rowH, "D")
			}
			for _, b := range boxes {
				c.r.pdf.SetLineWidth(layout.GridLine)
				c.r.pdf.Rect(c.x+colX[b[0]], y+layout.GridLine/2, colX[b[0]+b[1]]-colX[b[0]], rowH, "D")
			}
		}
		return it
	}
	return func(room float64, atTop bool) (*item, *item) {
		if last {
			room -= layout.TableFoot // a last row's own foot is inside its height
		}
		avail := room - layout.GridLine
		to := make([]int, len(cells))
		any, done := false, true
		for _, force := range []bool{false, true} {
			if force && (any || !atTop) {
				break
			}
			any, done = false, true
			for i, gc := range cells {
				n := len(gc.p.lines)
				a := avail
				if starts[i] == 0 {
					a -= gc.p.before
				}
				k := min(max(int((a+0.01)/gc.p.line), 0), n-starts[i])
				if !force {
					if starts[i] == 0 && k == 1 && n > 1 {
						k = 0 // no first line alone at the foot of a page
					}
					if left := n - starts[i] - k; left == 1 && k > 0 {
						k-- // no last line alone at the top of the next
						if starts[i] == 0 && k == 1 {
							k = 0
						}
					}
				}
				to[i] = starts[i] + k
				any = any || k > 0
				done = done && to[i] == n
			}
		}
		if !any {
			return nil, nil
		}
		if done {
			return nil, nil // it fits whole after all: the paginator places it
		}
		first := part(starts, to, false)
		rest := &item{keep: keep, foot: layout.TableFoot}
		next := append([]int(nil), to...)
		whole := part(next, lastLines(cells), true)
		rest.h, rest.foot, rest.draw, rest.notes = whole.h, whole.foot, whole.draw, nil
		rest.split = r.rowSplitter(cells, boxes, next, colX, keep, last)
		return first, rest
	}
}

// lastLines is each cell's line count.
func lastLines(cells []gridCell) []int {
	out := make([]int, len(cells))
	for i, gc := range cells {
		out[i] = len(gc.p.lines)
	}
	return out
}

// spanOnPage is the height of rows [from, end) that are on the page row
// from is drawn on, from its top y: a merged cell's box on that page.
func spanOnPage(items []*item, heights []float64, from, end int, y float64) float64 {
	h := heights[from]
	for k := from + 1; k < end && items[k].onPage == items[from].onPage; k++ {
		h = items[k].at + heights[k] - y
	}
	return h
}
