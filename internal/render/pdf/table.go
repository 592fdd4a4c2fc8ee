package pdf

import (
	"math"

	"github.com/vanban/vanban/internal/compose"
)

// cellSpec is the paragraph style of a table cell: the header or cell
// style at the table's font size, with an exact line height in the cell
// style's proportion (14 pt on 12 pt), rounded to twips as in the DOCX.
func cellSpec(t *compose.Table, header bool, c compose.Cell) compose.StyleSpec {
	base := compose.StyleTableCell
	if header {
		base = compose.StyleTableHeader
	}
	spec := compose.Styles[base]
	cs := compose.Styles[compose.StyleTableCell]
	size := t.FontSize
	if size <= 0 {
		size = cs.Size
	}
	spec.Size = size
	spec.Line = ptOf(twips(size * cs.Line / cs.Size))
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

// tableItems lays out a table as one item per row. Header rows keep with
// the first data row and repeat at the top of every page the table runs
// onto; rows are never split; the rows of a row span stay together.
func (r *renderer) tableItems(t *compose.Table) []*item {
	ncols := len(t.Widths)
	if ncols == 0 {
		return nil
	}
	// Column widths in whole twips, the last one taking the rounding.
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	colX := make([]float64, ncols+1)
	used := 0
	for i, w := range t.Widths {
		tw := int(math.Round(w / sum * float64(r.widthTw)))
		if i == ncols-1 {
			tw = r.widthTw - used
		}
		used += tw
		colX[i+1] = ptOf(used)
	}
	rows := append(append([][]compose.Cell{}, t.Header...), t.Rows...)
	nh := len(t.Header)
	grid := make([][]gridCell, len(rows))
	heights := make([]float64, len(rows))
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
			w := colX[col+span] - colX[col] - 2*cellPad
			p := r.w.layoutPara(compose.Para{Runs: c.Runs}, w, spec)
			gc := gridCell{col: col, span: span, rowSpan: max(c.RowSpan, 1), p: p}
			gc.vcenter = ri < nh || gc.rowSpan > 1
			grid[ri] = append(grid[ri], gc)
			if gc.rowSpan == 1 {
				heights[ri] = max(heights[ri], p.before+p.height()+p.after)
			}
			col += span
		}
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
			if need := gc.p.before + gc.p.height() + gc.p.after; need > sum {
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
		ri := ri
		reach = max(reach, spanEnd[ri])
		it := &item{h: heights[ri]}
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
				ly := y + gc.p.before
				if gc.vcenter {
					ly += (h - (gc.p.before + gc.p.height() + gc.p.after)) / 2
				}
				for _, l := range gc.p.lines {
					c.drawLine(gc.p, l, x+cellPad, w-2*cellPad, ly)
					ly += gc.p.line
				}
				c.r.pdf.SetLineWidth(gridWidth)
				c.r.pdf.Rect(x, y, w, h, "D")
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
