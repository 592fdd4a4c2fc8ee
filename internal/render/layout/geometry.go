package layout

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/vanban/vanban/internal/compose"
)

// ParaText is a paragraph's printed text (label, a space, the runs), for
// measuring.
func ParaText(p *compose.Para) string {
	n := len(p.Label) + 1
	for _, r := range p.Runs {
		n += len(r.Text)
	}
	var b strings.Builder
	b.Grow(n)
	if p.Label != "" {
		b.WriteString(p.Label)
		b.WriteByte(' ')
	}
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Gap is the space between two paragraphs stacked in one column: the
// larger of the first one's space after and the second one's space before.
// ECMA-376 §17.3.1.33 says so, and Word and LibreOffice do so unless a
// document sets w:doNotUseHTMLParagraphAutoSpacing (our template does
// not): a body paragraph's 6 pt after and a heading's 6 pt before make 6 pt,
// not 12 (measured on LibreOffice's rendering of our DOCX).
func Gap(after, before float64) float64 { return max(after, before) }

// Header block (ô 1 to 4 and 5b): a borderless two-column table without
// cell padding.
const (
	// HeaderRightShare is the Quốc hiệu column's share of the text width
	// when both columns fit; the agency column has the rest.
	HeaderRightShare = 0.60
	// HeaderPad is the air, in points, kept beside a column's widest line.
	HeaderPad = 8
	// HeaderOverhang is how far, in twips, the header block may reach into
	// the left (binding) margin when the agency's longest line and the Quốc
	// hiệu do not fit side by side within the text width (5 mm; the left
	// margin is 30 mm).
	HeaderOverhang = 283
)

// Header is the header block's geometry.
type Header struct {
	Left, Right int // column widths, twips
	Indent      int // table indent, twips; < 0 reaches into the left margin
	// AgencyRule is the width in points the short rule under the issuing
	// body is a share of: the widest printed line of its name, over all its
	// lines, as broken in the left column.
	AgencyRule float64
}

// HeaderOf measures h and splits the text width textW (twips) between its
// columns: each must hold its widest line unbroken, the Quốc hiệu on the
// right, the agency lines as the author broke them on the left.
func (fo *Fonts) HeaderOf(st compose.StyleTable, h *compose.Header, textW int) Header {
	needL, needR := 0.0, 0.0
	for i := range h.Nation {
		spec := st[h.Nation[i].Style]
		needR = max(needR, fo.Width(ParaText(&h.Nation[i]), spec.Size, spec.Bold, spec.Italic))
	}
	for i := range h.Agency {
		spec := st[h.Agency[i].Style]
		needL = max(needL, fo.Width(ParaText(&h.Agency[i]), spec.Size, spec.Bold, spec.Italic))
	}
	var g Header
	g.Left, g.Right, g.Indent = HeaderColumns(textW, Twips(needL+HeaderPad), Twips(needR+HeaderPad))
	for i := range h.Agency {
		p := &h.Agency[i]
		if p.Style != compose.StyleAgency {
			continue
		}
		g.AgencyRule = max(g.AgencyRule, fo.WidestParaLine(p, st[p.Style], Pt(g.Left)))
	}
	return g
}

// HeaderColumns splits the header block into the agency and Quốc hiệu
// columns (twips): 40/60 when both fit, else as much as each needs. When
// even that overflows, the table reaches up to HeaderOverhang into the left
// margin (ind < 0) rather than break the Quốc hiệu or an agency line; the
// Quốc hiệu keeps its line even when the agency must then wrap.
func HeaderColumns(textW, needL, needR int) (left, right, ind int) {
	total := textW
	if over := needL + needR - textW; over > 0 {
		ext := min(over, HeaderOverhang)
		total += ext
		ind = -ext
	}
	right = max(int(math.Round(float64(textW)*HeaderRightShare)), needR)
	right = min(right, max(total-needL, needR), total*3/4)
	// The boundary moves only where the Quốc hiệu keeps its width
	// (SnapColumns).
	left = snapBoundary(total-right, 1, total-needR, total)
	return left, total - left, ind
}

// Rules under a paragraph. A rule is an empty paragraph (the template's
// VbDuongKe style) whose bottom border is the line: RuleBefore above it, a
// RuleLine exact line, then the RuleBorder-wide border.
const (
	// ShortRuleShare is a RuleShort line's length relative to its text:
	// NĐ30 allows 1/3 to 1/2, and the middle of the range stays inside it
	// even when a word processor wraps the text a little differently.
	ShortRuleShare = 0.42
	// RuleGap is the space in points a paragraph with a rule keeps under
	// its text when its style asks for more (the trích yếu, the "(Kèm
	// theo ...)" line); the rest of its space after goes below the rule.
	RuleGap    = 6
	RuleBefore = 2.0  // VbDuongKe w:before="40"
	RuleLine   = 1.0  // VbDuongKe w:line="20" exact
	RuleBorder = 0.75 // VbDuongKe bottom border w:sz="6" (eighths of a point)
)

// RuleSpacing splits a ruled paragraph's space after (pt): textAfter stays
// under the text, ruleAfter goes under the rule. The text keeps RuleGap, so
// it still reads as a paragraph with NĐ30's 6 pt spacing, and the rule sits
// close under it.
func RuleSpacing(spaceAfter float64) (textAfter, ruleAfter float64) {
	if spaceAfter > RuleGap {
		return RuleGap, spaceAfter - RuleGap
	}
	return spaceAfter, 0
}

// RuleSpan places the rule of kind under a paragraph in a column of
// container twips: its left offset and width in twips, centred. ref is the
// measured width in points of the text it underlines: RuleText is that
// wide (the Tiêu ngữ), RuleShort ShortRuleShare of it.
func RuleSpan(kind compose.Rule, ref float64, container int) (left, width int) {
	if kind == compose.RuleShort {
		ref *= ShortRuleShare
	}
	width = min(Twips(ref), container)
	return (container - width) / 2, width
}

// Data tables.
const (
	// CellMargin is the left and right padding of data-table cells in
	// twips (1 mm); top and bottom are 0.
	CellMargin = 57
	// GridSize is the grid lines' w:sz (eighths of a point), and GridLine
	// their width in points. LibreOffice gives each row one line's width on
	// top of its content (the line above it), and the table one more at its
	// foot: RowHeight and TableFoot.
	GridSize = 4
	GridLine = GridSize / 8.0
)

// TableColumns turns relative column widths into whole twips over textW;
// the last column takes the rounding.
func TableColumns(widths []float64, textW int) ([]int, error) {
	n := len(widths)
	if n == 0 {
		return nil, errors.New("no columns")
	}
	sum := 0.0
	for _, w := range widths {
		if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("column width %v", w)
		}
		sum += w
	}
	out := make([]int, n)
	used := 0
	for i, w := range widths {
		out[i] = int(math.Round(w / sum * float64(textW)))
		used += out[i]
	}
	out[n-1] += textW - used
	return SnapColumns(out), nil
}

// SnapColumns moves the inner boundaries of a table's columns (twips) to
// the nearest twip LibreOffice keeps exactly, and returns the new widths;
// the table's width stays. LibreOffice reads a DOCX grid as column
// separators in 1/10000 of the table's width, rounded, and lays each out
// at the whole twip below: a boundary in between moves by a twip, its
// cell is a twip narrower or wider than in Word and the PDF, and a line
// that just fits wraps (measured on tables of 9355 twips: the narrowest
// cell holding a line came out 3647, 3648 or 3649 twips wide by where the
// column started). At a boundary it keeps, all three agree. About half the
// twips are kept, so a boundary moves by one twip at most, rarely two.
func SnapColumns(cols []int) []int {
	total := 0
	for _, c := range cols {
		total += c
	}
	if len(cols) < 2 || total <= 0 {
		return cols
	}
	out := make([]int, len(cols))
	prev, x := 0, 0
	for i := 0; i < len(cols)-1; i++ {
		x += cols[i]
		at := snapBoundary(x, prev+1, total-1, total)
		out[i] = at - prev
		prev = at
	}
	out[len(out)-1] = total - prev
	return out
}

// snapBoundary is the twip nearest x, within [lo, hi], that LibreOffice
// keeps as a column boundary in a table total twips wide (keptBoundary);
// x itself when none is within three twips.
func snapBoundary(x, lo, hi, total int) int {
	for d := 0; d <= 3; d++ {
		for _, c := range []int{x - d, x + d} {
			if c >= lo && c <= hi && keptBoundary(c, total) {
				return c
			}
		}
	}
	return x
}

// keptBoundary reports whether LibreOffice lays a column boundary x twips
// into a table total twips wide at x: round(x*10000/total) separator
// units, each total/10000 twips, truncated.
func keptBoundary(x, total int) bool {
	s := (2*x*10000 + total) / (2 * total) // round half up
	return s*total/10000 == x
}

// CellText is the font size (pt) and exact line height (twips) of a data
// table's cells: the table's size, and a line in the cell style's
// proportion (14 pt on 12 pt), rounded to twips.
func CellText(t *compose.Table) (size float64, line int) {
	// Table text is not part of an office profile (compose.GeometryOf), so
	// the house table serves every document.
	cs := compose.Styles[compose.StyleTableCell]
	size = t.FontSize
	if size <= 0 {
		size = cs.Size
	}
	return size, Twips(size * cs.Line / cs.Size)
}

// RowHeight is the height in points of a data-table row whose tallest cell
// content (paragraph spacing included) is content: the content and the
// grid line above it. Word and LibreOffice grow a row to its content; a row
// never splits.
func RowHeight(content float64) float64 { return content + GridLine }

// TableFoot is the height the grid line under a table's last row adds.
const TableFoot = GridLine

// Closing block: Nơi nhận (left) beside the signature block (right).
const (
	// ClosingLeftShare is the Nơi nhận column's share of the text width.
	ClosingLeftShare = 0.45
	// ClosingGap is the space in points above both columns, on top of the
	// last body paragraph's own 6 pt, so the block stands clear of the text.
	ClosingGap = 6
)

// ClosingColumns splits textW (twips) between the Nơi nhận and signature
// columns.
func ClosingColumns(textW int) (left, right int) {
	left = snapBoundary(int(math.Round(float64(textW)*ClosingLeftShare)), 1, textW-1, textW)
	return left, textW - left
}

// Addressees is the geometry, in twips, of a "Kính gửi:" block with
// several addressees: the lead starts at Left; each line's dash starts
// under the lead's colon (at Left+Lead) and wrapped lines hang behind the
// dash (Left+Lead+Dash).
type Addressees struct {
	Left, Lead, Dash int
}

// AddresseesOf centres the block as a whole in textW, but never starts it
// further right than a quarter of the line, so long names keep room.
func (fo *Fonts) AddresseesOf(st compose.StyleTable, a *compose.Addressees, textW int) Addressees {
	spec := st[compose.StyleAddressee]
	f := fo.faces[FaceOf(spec.Bold, spec.Italic)]
	lead := strings.TrimSuffix(strings.TrimSpace(a.Lead), ":")
	g := Addressees{Lead: Twips(f.Width(lead, spec.Size)), Dash: Twips(f.Width("- ", spec.Size))}
	lines := 0
	for i := range a.Lines {
		lines = max(lines, Twips(f.Width(a.LineText(i), spec.Size)))
	}
	g.Left = min(max((textW-g.Lead-lines)/2, 0), textW/4)
	return g
}
