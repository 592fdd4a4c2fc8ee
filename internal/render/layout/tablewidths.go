package layout

import (
	"strings"

	"github.com/vanban/vanban/internal/compose"
)

// TableColumns sizes a data table's columns over textW twips from their
// content, measured in the table's font: a column is never narrower than
// its longest word (a number, which must not wrap, counts whole), and the
// width left over goes to the columns by how much text they hold (their
// headings included), none
// beyond what its longest line needs. Columns the document sizes
// (t.Fixed) keep their share of t.Widths. When even the narrowest columns
// do not fit, they share the width in proportion to what they need.
// Both writers call it, so the DOCX and the PDF wrap cells alike.
func (fo *Fonts) TableColumns(t *compose.Table, textW int) ([]int, error) {
	n := len(t.Widths)
	if n == 0 || len(t.Fixed) != n {
		return TableColumns(t.Widths, textW)
	}
	size, _ := CellText(t)
	pad := 2 * Pt(CellMargin)
	minW := make([]float64, n) // points, padding included
	maxW := make([]float64, n)
	amount := make([]float64, n)
	all := append(append([][]compose.Cell{}, t.Header...), t.Rows...)
	for ri, row := range all {
		header := ri < len(t.Header)
		for ci, c := range row {
			if ci >= n || c.Covered || max(c.ColSpan, 1) > 1 {
				continue
			}
			text := cellText(c)
			if text == "" {
				continue
			}
			bold := header || c.Bold
			whole := fo.Width(text, size, bold, false)
			need := whole
			if !header && !(c.Align == compose.AlignRight || isNumber(text)) {
				need = 0
				for _, w := range strings.Fields(text) {
					need = max(need, fo.Width(w, size, bold, false))
				}
			} else if header {
				need = 0
				for _, w := range strings.Fields(text) {
					need = max(need, fo.Width(w, size, bold, false))
				}
			}
			// Slack: twips rounding and LibreOffice's own measure must not
			// wrap a word or number that just fits.
			minW[ci] = max(minW[ci], need*1.02+pad+2)
			maxW[ci] = max(maxW[ci], whole*1.02+pad+2)
			// A heading is text the column holds too: a long one
			// left narrow makes the header tall on every page.
			amount[ci] += whole
		}
	}
	total := Pt(textW)
	fixed := 0.0
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	out := make([]float64, n)
	free := []int{}
	for i := range out {
		if t.Fixed[i] && sum > 0 {
			out[i] = t.Widths[i] / sum * total
			fixed += out[i]
			continue
		}
		free = append(free, i)
		minW[i] = max(minW[i], pad+size/2)
		maxW[i] = max(maxW[i], minW[i])
	}
	avail := total - fixed
	if len(free) == 0 || avail <= 0 {
		return TableColumns(t.Widths, textW)
	}
	need := 0.0
	for _, i := range free {
		need += minW[i]
	}
	if need >= avail {
		for _, i := range free {
			out[i] = minW[i] / need * avail
		}
		return TableColumns(out, textW)
	}
	for _, i := range free {
		out[i] = minW[i]
	}
	// Share what is left by text held, capped at each column's longest
	// line; repeat while a cap frees width for the others.
	left := avail - need
	for left > 1e-6 {
		weight := 0.0
		for _, i := range free {
			if out[i] < maxW[i]-1e-9 {
				weight += amount[i] + 1e-9
			}
		}
		if weight == 0 {
			break
		}
		given := 0.0
		for _, i := range free {
			if out[i] >= maxW[i]-1e-9 {
				continue
			}
			add := min(left*(amount[i]+1e-9)/weight, maxW[i]-out[i])
			out[i] += add
			given += add
		}
		left -= given
		if given < 1e-9 {
			break
		}
	}
	// Every column holds its longest line: the rest widens them alike in
	// proportion to their width.
	if left > 1e-6 {
		cur := avail - left
		for _, i := range free {
			out[i] += left * out[i] / cur
		}
	}
	return TableColumns(out, textW)
}

func cellText(c compose.Cell) string {
	var b strings.Builder
	for _, r := range c.Runs {
		b.WriteString(r.Text)
	}
	return strings.TrimSpace(b.String())
}
