package layout

import (
	"fmt"
	"math"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// Long pieces. A row of a table (the header block, the closing block, a
// data-table row) that fits on a page never splits: the DOCX marks it
// w:cantSplit, the PDF moves it whole to the next page. A row taller than
// a page can only be printed whole by splitting it, so it gets no
// w:cantSplit and both writers let it start where it is and continue on
// the next page, as LibreOffice and Word lay out a splittable row. Header
// rows repeat on every page only while they leave most of the page to the
// data.
//
// Both writers must take these decisions alike, so they are made here, on
// an estimate of the heights from the composed text with the real font
// metrics (EstimateLines), not on either writer's own line breaking. The
// estimate only decides; each writer then places lines exactly. Where the
// estimate is off near the limit, a row marked unsplittable that does not
// fit a page still splits at the top of a page, which is what LibreOffice
// does with a w:cantSplit row taller than the page, and the PDF does the
// same.

// TextHeight is the height between the top and bottom margins, pt.
func (p Page) TextHeight() float64 { return Pt(p.TextBottom() - p.Top) }

// Holds reports whether a row h points tall fits on an empty page: such a
// row is kept whole (w:cantSplit).
func (p Page) Holds(h float64) bool { return h <= p.TextHeight() }

// RepeatsHeader reports whether header rows h points tall repeat on every
// page a table runs onto (w:tblHeader): only when they take at most a
// third of the page (issue 15: a 37 % header reprinted over two rows of
// data is a page of header). Taller ones print once and split like any
// row, so no page is mostly header and no header is clipped; the writers
// say so with HeaderOnce.
func (p Page) RepeatsHeader(h float64) bool { return h <= p.TextHeight()/3 }

// HeaderOnceCode is the info finding a writer returns for a table whose
// header rows are printed once (see RepeatsHeader).
const HeaderOnceCode = "table.header_once"

// HeaderOnce is the note for the n-th table (from 1, in document order)
// whose header rows take share of the page: both writers return the same
// one, from the same decision.
func HeaderOnce(n int, share float64) document.Finding {
	pct := int(math.Round(share * 100))
	return document.Finding{
		Code:     HeaderOnceCode,
		Severity: document.Info,
		VI:       fmt.Sprintf("Bảng thứ %d: phần tiêu đề chiếm %d%% trang (quá một phần ba) nên chỉ in một lần ở đầu bảng, không lặp lại ở các trang sau.", n, pct),
		EN:       fmt.Sprintf("table %d: its header takes %d%% of the page (over a third), so it is printed once at the top of the table and not repeated on the following pages", n, pct),
		Rule:     "layout",
	}
}

// EstimateLines is the number of lines text takes in a column width points
// wide when broken greedily at spaces, a word wider than the column taking
// as many lines as its characters need. Italic text keeps its reserve at
// the end of each line (ItalicReserve), as the PDF's breaker does.
func (fo *Fonts) EstimateLines(text string, size float64, bold, italic bool, width, indent float64) int {
	fi := FaceOf(bold, italic)
	f := fo.faces[fi]
	space := f.FitAdvance(' ', size)
	reserve := fo.ItalicReserve(fi, size)
	lines, line := 1, indent
	start := true
	wordW := 0.0
	inWord := false
	flush := func() {
		if !inWord {
			return
		}
		inWord = false
		w := wordW
		wordW = 0
		switch {
		case start:
			line += w
			start = false
		case Fits(line+space+w+reserve, width):
			line += space + w
			return
		default:
			lines++
			line = w
		}
		if line > width && width > 0 {
			extra := int(math.Ceil(line/width)) - 1
			lines += extra
			line -= float64(extra) * width
		}
	}
	for _, r := range text {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			flush()
			continue
		}
		inWord = true
		wordW += f.FitAdvance(r, size)
	}
	flush()
	return lines
}

// ParaHeight estimates a paragraph's height in a column width points wide
// in style spec: its lines, its space before and after, and its rule.
func (fo *Fonts) ParaHeight(p *compose.Para, spec compose.StyleSpec, width float64) float64 {
	n := fo.TitleLines(p, spec, width)
	if n == 0 {
		n = fo.EstimateLines(ParaText(p), spec.Size, spec.Bold, spec.Italic, width, IndentPt(spec.FirstIndent))
	}
	h := float64(n)*spec.Line + spec.SpaceBefore + spec.SpaceAfter
	if p.Rule != compose.RuleNone {
		h += RuleBefore + RuleLine + RuleBorder
	}
	return h
}

func (fo *Fonts) parasHeight(st compose.StyleTable, ps []compose.Para, width float64) float64 {
	h := 0.0
	for i := range ps {
		h += fo.ParaHeight(&ps[i], st[ps[i].Style], width)
	}
	return h
}

// HeaderRowHeights estimates the rows of the header block (Agency |
// Nation, Number | PlaceDate, Subject when there is one).
func (fo *Fonts) HeaderRowHeights(st compose.StyleTable, h *compose.Header, textW int) []float64 {
	g := fo.HeaderOf(st, h, textW)
	l, r := Pt(g.Left), Pt(g.Right)
	out := []float64{
		max(fo.parasHeight(st, h.Agency, l), fo.parasHeight(st, h.Nation, r)),
		max(fo.parasHeight(st, []compose.Para{h.Number}, l), fo.parasHeight(st, []compose.Para{h.PlaceDate}, r)),
	}
	if len(h.Subject) > 0 {
		out = append(out, fo.parasHeight(st, h.Subject, l))
	}
	return out
}

// ClosingHeight estimates the closing block: Nơi nhận beside the signer
// block with the room for signature and seal.
func (fo *Fonts) ClosingHeight(st compose.StyleTable, cl *compose.Closing, textW int) float64 {
	l, r := ClosingColumns(textW)
	left := ClosingGap + fo.parasHeight(st, cl.Recipients, Pt(l))
	right := ClosingGap + fo.parasHeight(st, cl.Signer, Pt(r)) + cl.SignSpace
	if cl.NameIndex >= len(cl.Signer) {
		right += st[compose.StyleSignerName].Line
	}
	return max(left, right)
}

// TableRowHeights estimates every row of t, header rows first, laid out
// over textW: the tallest cell that spans one row, and the grid line. The
// second result is the header rows' total.
func (fo *Fonts) TableRowHeights(st compose.StyleTable, t *compose.Table, textW int) (rows []float64, header float64) {
	cols, err := fo.TableColumns(t, textW)
	if err != nil {
		return nil, 0
	}
	size, line := CellText(t)
	all := append(append([][]compose.Cell{}, t.Header...), t.Rows...)
	rows = make([]float64, len(all))
	for ri, row := range all {
		spec := st[compose.StyleTableCell]
		if ri < len(t.Header) {
			spec = st[compose.StyleTableHeader]
		}
		content := 0.0
		for ci, c := range row {
			if c.Covered || ci >= len(cols) || c.RowSpan > 1 {
				continue
			}
			w := 0
			for k := ci; k < min(ci+max(c.ColSpan, 1), len(cols)); k++ {
				w += cols[k]
			}
			text := ""
			for _, r := range c.Runs {
				text += r.Text
			}
			n := fo.EstimateLines(text, size, spec.Bold || c.Bold, spec.Italic, Pt(w-2*CellMargin), 0)
			content = max(content, float64(n)*Pt(line)+spec.SpaceBefore+spec.SpaceAfter)
		}
		rows[ri] = RowHeight(content)
		if ri < len(t.Header) {
			header += rows[ri]
		}
	}
	return rows, header
}

// AddresseesHeight estimates a "Kính gửi:" block of several addressees
// laid out as AddresseesOf places it: the lead's line, then each line
// hanging behind its dash. While it fits a page the block is kept
// together (keep-with-next on every line); a longer one keeps only the
// lead with the first addressee, as LibreOffice would otherwise start
// breaking a too-long chain at arbitrary lines.
func (fo *Fonts) AddresseesHeight(st compose.StyleTable, a *compose.Addressees, textW int) float64 {
	spec := st[compose.StyleAddressee]
	g := fo.AddresseesOf(st, a, textW)
	w := Pt(textW - g.Left - g.Lead - g.Dash)
	h := spec.SpaceBefore + spec.Line + spec.SpaceAfter
	for i := range a.Lines {
		h += float64(fo.EstimateLines(a.LineText(i), spec.Size, spec.Bold, spec.Italic, w, -Pt(g.Dash))) * spec.Line
	}
	return h
}
