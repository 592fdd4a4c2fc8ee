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
// onto; rows are never split; the rows of a row span stay together. Each
// row is as tall as layout.RowHeight makes its tallest cell, its text
// below the grid line at its top; the last row carries the table's closing
// line (layout.TableFoot), and a row that ends a page leaves room for its
// own.
func (r *renderer) tableItems(t *compose.Table) []*item {
	ncols := len(t.Widths)
	cols, err := layout.TableColumns(t.Widths, r.widthTw)
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
	spanEnd := make([]int, len(rows)) // last row index this row must stay with
	for ri, cells := range grid {
		spanEnd[ri] = max(spanEnd[ri], ri)
		for _, gc := range cells {
			spanEnd[ri] = max(spanEnd[ri], min(ri+gc.rowSpan, len(rows))-1)
		}
	}
	items := make([]*item, len(rows))
	var head []*item
	reach := -1
	for ri := range rows {
		reach = max(reach, spanEnd[ri])
		it := &item{h: heights[ri], foot: layout.TableFoot}
		if ri == len(rows)-1 {
			it.h += layout.TableFoot
			it.foot = 0
		}
		it.keep = ri < nh || reach > ri
		for _, gc := range grid[ri] {
			it.notes = append(it.notes, gc.p.footnotes...)
		}
		it.draw = func(c *canvas, y float64) {
			for _, gc := range grid[ri] {
				end := min(ri+gc.rowSpan, len(rows))
				h := 0.0
				for k := ri; k < end; k++ {
					h += heights[k]
				}
				x := c.x + colX[gc.col]
				w := colX[gc.col+gc.span] - colX[gc.col]
				ly := y + layout.GridLine + gc.p.before
				if gc.vcenter {
					ly += (h - layout.GridLine - gc.content()) / 2
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
		}
		items[ri] = it
		if ri < nh {
			head = append(head, it)
		} else if nh > 0 {
			it.head = head
		}
	}
	return items
}
