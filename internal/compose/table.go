package compose

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// Table layout conventions. Every header and body row of a composed Table
// holds exactly one Cell per leaf column (grid position); the positions a
// span covers hold a Covered cell, so writers can index cells by column.

// leaf is a data column with its depth in the column tree (0 = top).
type leaf struct {
	col   *document.Column
	depth int
}

func leaves(cols []document.Column, depth int, out []leaf) []leaf {
	for i := range cols {
		if len(cols[i].Children) == 0 {
			out = append(out, leaf{&cols[i], depth})
			continue
		}
		out = leaves(cols[i].Children, depth+1, out)
	}
	return out
}

func countLeaves(cols []document.Column) int { return len(leaves(cols, 0, nil)) }

func treeDepth(cols []document.Column) int {
	d := 0
	for i := range cols {
		d = max(d, 1+treeDepth(cols[i].Children))
	}
	return d
}

// IsIndexColumn reports a "TT"/"STT" (số thứ tự) column: narrow, centred.
func IsIndexColumn(title string) bool {
	switch strings.ReplaceAll(vntext.Upper(strings.TrimSpace(title)), ".", "") {
	case "TT", "STT", "SỐ TT", "SỐ THỨ TỰ":
		return true
	}
	return false
}

// FontSize is the cell size for a table of n leaf columns: 13 pt up to 6
// columns, 12 up to 10, 11 beyond, so that wide tables still fit their
// page and both writers wrap the same way.
func FontSize(n int) float64 {
	switch {
	case n <= 6:
		return 13
	case n <= 10:
		return 12
	}
	return 11
}

// HeaderRows lays out the column tree as header rows: a group spans its
// leaves (ColSpan) and a leaf above the deepest level spans down to the
// last header row (RowSpan). Header cells are bold and centred.
func HeaderRows(cols []document.Column) [][]Cell {
	depth := treeDepth(cols)
	width := countLeaves(cols)
	grid := make([][]Cell, depth)
	for r := range grid {
		grid[r] = make([]Cell, width)
		for i := range grid[r] {
			grid[r][i] = Cell{Covered: true, ColSpan: 1, RowSpan: 1, Align: AlignCenter, Bold: true}
		}
	}
	var place func(cols []document.Column, row, at int) int
	place = func(cols []document.Column, row, at int) int {
		for i := range cols {
			c := &cols[i]
			cell := Cell{Runs: []Run{{Text: c.Title}}, Align: AlignCenter, Bold: true, ColSpan: 1, RowSpan: 1}
			if len(c.Children) > 0 {
				cell.ColSpan = countLeaves(c.Children)
				grid[row][at] = cell
				place(c.Children, row+1, at)
				at += cell.ColSpan
				continue
			}
			cell.RowSpan = depth - row
			grid[row][at] = cell
			at++
		}
		return at
	}
	place(cols, 0, 0)
	return grid
}

// num is a number with the precision (digits after the decimal comma) it
// is printed with.
type num struct {
	v    float64
	prec int
}

func (n num) String() string {
	if n.prec == 0 && math.Abs(n.v) < 1<<62 {
		return vntext.FormatInt(int64(math.Round(n.v)))
	}
	return vntext.FormatDecimal(n.v, n.prec)
}

// cellNum reads a numeric cell, keeping the author's precision: 3.5 → 1
// digit, 3.190 → 3 digits, 128 → none. A dash is zero with no precision.
func cellNum(c document.Cell) (num, bool) {
	switch {
	case c.Num != nil:
		raw := c.Raw
		if raw == "" || strings.ContainsAny(raw, "eE") {
			raw = strconv.FormatFloat(*c.Num, 'f', -1, 64)
		}
		prec := 0
		if i := strings.IndexByte(raw, '.'); i >= 0 {
			prec = len(raw) - i - 1
		}
		return num{*c.Num, prec}, true
	case c.IsDash():
		return num{}, true
	}
	return num{}, false
}

func addNum(a, b num) num { return num{a.v + b.v, max(a.prec, b.prec)} }

// Widths returns relative column widths summing to 1. Widths given on
// leaves are kept in proportion; the others get a default share: a
// TT/STT column 0.05, the first text column 0.25, other text columns 0.15,
// and numeric columns split what is left equally (at least 0.05 each).
// When the given widths sum to less than 1 they are read as fractions of
// the table and the others share the rest; otherwise they are relative
// units and each other column gets their mean.
//
// Numeric columns are never made narrower than their widest number and the
// longest word of their heading need (estimated from the cell font size
// and the page's text width): the first text column gives way first,
// since its text can wrap and a number cannot.
func Widths(cols []document.Column, rows []document.Row, landscape bool) []float64 {
	ls := leaves(cols, 0, nil)
	def := make([]float64, len(ls))
	fixed, numeric := 0.0, 0
	firstText := true
	for i, l := range ls {
		switch {
		case IsIndexColumn(l.col.Title):
			def[i] = 0.05
		case NumericColumn(l.col):
			numeric++
			continue
		case firstText:
			def[i], firstText = textShare(i, rows), false
		default:
			def[i] = 0.15
		}
		fixed += def[i]
	}
	if numeric > 0 {
		need := 0.0
		for i, l := range ls {
			if NumericColumn(l.col) && !IsIndexColumn(l.col.Title) {
				need = max(need, numericNeed(l.col.Title, i, rows, FontSize(len(ls)), landscape))
			}
		}
		if over := fixed + need*float64(numeric) - 1; over > 0 && firstTextAt(ls) >= 0 {
			t := firstTextAt(ls)
			give := min(over, def[t]-0.10)
			if give > 0 {
				def[t] -= give
				fixed -= give
			}
		}
		share := max((1-fixed)/float64(numeric), 0.05)
		for i, l := range ls {
			if NumericColumn(l.col) && !IsIndexColumn(l.col.Title) {
				def[i] = share
			}
		}
	}
	given, ngiven, defOthers := 0.0, 0, 0.0
	for i, l := range ls {
		if l.col.Width > 0 {
			given += l.col.Width
			ngiven++
		} else {
			defOthers += def[i]
		}
	}
	w := make([]float64, len(ls))
	for i, l := range ls {
		switch {
		case l.col.Width > 0:
			w[i] = l.col.Width
		case ngiven == 0:
			w[i] = def[i]
		case given < 1 && defOthers > 0:
			w[i] = def[i] / defOthers * (1 - given)
		default:
			w[i] = given / float64(ngiven)
		}
	}
	total := 0.0
	for _, x := range w {
		total += x
	}
	for i := range w {
		if total > 0 {
			w[i] /= total
		} else {
			w[i] = 1 / float64(len(w))
		}
	}
	return w
}

// table composes a table and the paragraphs around it.
func (c *composer) table(t *document.Table) ([]Block, error) {
	ls := leaves(t.Columns, 0, nil)
	if len(ls) == 0 {
		return nil, errors.New("no columns")
	}
	out := []Block{}
	if s := strings.TrimSpace(t.Title); s != "" {
		out = append(out, Block{Para: &Para{Style: StyleTableTitle, Runs: []Run{{Text: s}}, KeepNext: true}})
	}
	if s := strings.TrimSpace(t.Unit); s != "" {
		out = append(out, Block{Para: &Para{Style: StyleTableUnit, Runs: []Run{{Text: s}}, KeepNext: true}})
	}
	tb := &Table{Widths: Widths(t.Columns, t.Rows, c.landscape), Header: HeaderRows(t.Columns), FontSize: FontSize(len(ls))}
	for _, l := range ls {
		tb.Fixed = append(tb.Fixed, l.col.Width > 0)
	}
	if t.IndexRow {
		row := make([]Cell, len(ls))
		for i := range row {
			row[i] = Cell{Runs: []Run{{Text: "(" + strconv.Itoa(i+1) + ")"}}, Align: AlignCenter, ColSpan: 1, RowSpan: 1}
		}
		tb.Header = append(tb.Header, row)
	}
	body, calc, err := c.tableRows(t, ls)
	if err != nil {
		return nil, err
	}
	tb.Rows = body
	out = append(out, Block{Table: tb})
	if t.Words != nil {
		words, err := TableWords(t.Words, calc, c.d.Options)
		if err != nil {
			return nil, fmt.Errorf("words: %w", err)
		}
		out = append(out, Block{Para: &Para{Style: StyleTableNote, Runs: []Run{{Text: words}}}})
	}
	for _, n := range t.Notes {
		out = append(out, Block{Para: c.textPara(StyleTableNote, "", n)})
	}
	return out, nil
}

// tableRows composes the body rows from the table's arithmetic
// (CalcTable): data rows, section rows in bold with their subtotals, total
// and target rows with their label across the leading text columns.
func (c *composer) tableRows(t *document.Table, ls []leaf) ([][]Cell, *TableCalc, error) {
	width := len(ls)
	calc := CalcTable(t)
	for _, is := range calc.Issues {
		switch is.Code {
		case CalcRef, CalcCycle, CalcFormKind:
			return nil, nil, errors.New(is.String())
		}
	}
	out := make([][]Cell, 0, len(t.Rows))
	for r, row := range t.Rows {
		switch row.Kind {
		case document.RowData, document.RowSection:
			if calc.Cells[r] == nil {
				return nil, nil, fmt.Errorf("row %d: %d cells for %d columns", r+1, len(row.Cells), width)
			}
			cells := dataRow(calc.Cells[r], ls)
			if row.Kind == document.RowSection {
				for i := range cells {
					cells[i].Bold = true
				}
			}
			out = append(out, cells)
		case document.RowTotal, document.RowTarget:
			cells, err := labelRow(row, calc.Cells[r], ls, calc.Lead)
			if err != nil {
				return nil, nil, fmt.Errorf("row %d (%s): %w", r+1, row.Kind, err)
			}
			out = append(out, cells)
		case document.RowGroup:
			if len(row.Cells) > 0 {
				return nil, nil, fmt.Errorf("row %d (group): %d cells, want none", r+1, len(row.Cells))
			}
			cells := make([]Cell, width)
			for i := range cells {
				cells[i] = Cell{Covered: true, ColSpan: 1, RowSpan: 1, Bold: true}
			}
			cells[0] = textCell(strings.TrimSpace(row.Label), AlignLeft)
			cells[0].ColSpan, cells[0].Bold = width, true
			out = append(out, cells)
		default:
			return nil, nil, fmt.Errorf("row %d: unknown kind %q", r+1, row.Kind)
		}
	}
	starts, covered, issues := TableSpans(t, width)
	if len(issues) > 0 {
		is := issues[0]
		return nil, nil, fmt.Errorf("row %d, merged cell %d: %s", is.Row+1, is.Span+1, is.Why)
	}
	for r := range out {
		for j := range out[r] {
			switch {
			case starts[r][j] != nil:
				out[r][j].ColSpan = max(starts[r][j].Cols, 1)
				out[r][j].RowSpan = max(starts[r][j].Rows, 1)
			case covered[r][j]:
				out[r][j] = Cell{Covered: true, ColSpan: 1, RowSpan: 1, Bold: out[r][j].Bold}
			}
		}
	}
	return out, calc, nil
}

// numCell is a computed cell; Raw carries the precision for printing.
func numCell(n num) document.Cell {
	v := n.v
	raw := strconv.FormatFloat(v, 'f', n.prec, 64)
	return document.Cell{Num: &v, Raw: raw}
}

func textCell(s string, a Align) Cell {
	c := Cell{Align: a, ColSpan: 1, RowSpan: 1}
	if s != "" {
		c.Runs = []Run{{Text: s}}
	}
	return c
}

// formatCell prints one data cell by its column's kind: numbers with
// Vietnamese grouping at the author's precision, right-aligned (a percent
// column adds "%"), and a "-" or a blank aligned like them; a code exactly
// as written, never grouped, centred like a date; text left-aligned,
// except in a TT column, which is centred.
func formatCell(v document.Cell, l leaf) Cell {
	index := IsIndexColumn(l.col.Title)
	kind := ColumnKind(l.col)
	switch {
	case kind == document.ColCode:
		s := v.Str
		if v.Num != nil {
			s = v.Raw
		}
		return textCell(strings.TrimSpace(s), AlignCenter)
	case kind == document.ColDate:
		return textCell(strings.TrimSpace(v.Str), AlignCenter)
	case v.IsDash():
		a := AlignCenter
		if NumericColumn(l.col) && !index {
			a = AlignRight
		}
		return textCell(strings.TrimSpace(v.Str), a)
	case v.Num != nil:
		n, _ := cellNum(v)
		a := AlignRight
		if index {
			a = AlignCenter
		} else if !NumericColumn(l.col) {
			a = AlignLeft
		}
		s := n.String()
		if kind == document.ColPercent {
			s = vntext.FormatPercent(n.v, n.prec)
		}
		return textCell(s, a)
	case index:
		return textCell(v.Str, AlignCenter)
	case NumericColumn(l.col) && !v.IsBlank():
		// A word in a numeric column ("x", "Đạt") is centred.
		return textCell(v.Str, AlignCenter)
	case NumericColumn(l.col):
		return textCell("", AlignRight)
	}
	return textCell(v.Str, AlignLeft)
}

// TableWords is the "Bằng chữ: …" line under a table: the given text, or
// the amount of the chosen cell read in words.
func TableWords(w *document.TableWords, calc *TableCalc, o document.Options) (string, error) {
	text := strings.TrimSpace(w.Text)
	if text == "" {
		v, ok := calc.Value(w.Row, w.Column)
		if !ok {
			return "", fmt.Errorf("no amount in row %q, column %q", w.Row, w.Column)
		}
		unit := strings.TrimSpace(w.Unit)
		if unit == "" {
			unit = "đồng"
		}
		s, err := AmountWords(int64(math.Round(v)), unit, o)
		if err != nil {
			return "", err
		}
		text = s
	}
	if !strings.HasPrefix(vntext.Lower(text), "bằng chữ") {
		text = "Bằng chữ: " + text
	}
	return text, nil
}

func dataRow(cells []document.Cell, ls []leaf) []Cell {
	out := make([]Cell, len(ls))
	for i, l := range ls {
		out[i] = formatCell(cells[i], l)
	}
	return out
}

// labelRow composes a total or target row: the label spans the leading
// non-numeric columns; the cells (computed by CalcTable where a total's
// are blank) fill the rest.
func labelRow(row document.Row, cells []document.Cell, ls []leaf, lead int) ([]Cell, error) {
	width := len(ls)
	if cells == nil {
		return nil, fmt.Errorf("%d cells: want %d (after the label) or %d", len(row.Cells), width-lead, width)
	}
	label := strings.TrimSpace(row.Label)
	if lead == 0 && label != "" {
		return nil, errors.New("a label needs a leading non-numeric column")
	}
	out := make([]Cell, width)
	for i := 0; i < lead; i++ {
		out[i] = Cell{Covered: true, ColSpan: 1, RowSpan: 1, Bold: true}
	}
	if lead > 0 {
		out[0] = textCell(label, AlignCenter)
		out[0].ColSpan = lead
	}
	for i := lead; i < width; i++ {
		out[i] = formatCell(cells[i], ls[i])
	}
	for i := range out {
		out[i].Bold = true
	}
	return out, nil
}

// textShare is the width of a table's first text column: a quarter of the
// table by default, or sized to its longest cell (between a tenth and
// four tenths), so that a short list of unit names leaves the numeric
// columns room for their long headers.
func textShare(col int, rows []document.Row) float64 {
	longest := 0
	for _, r := range rows {
		if r.Kind != document.RowData || col >= len(r.Cells) {
			continue
		}
		longest = max(longest, utf8.RuneCountInString(r.Cells[col].Str))
	}
	if longest == 0 {
		return 0.25
	}
	return min(max(0.05+0.005*float64(longest), 0.10), 0.40)
}

// firstTextAt is the index of the first text (not numeric, not TT) leaf,
// or -1.
func firstTextAt(ls []leaf) int {
	for i, l := range ls {
		if !NumericColumn(l.col) && !IsIndexColumn(l.col.Title) {
			return i
		}
	}
	return -1
}

// numericNeed is the share of the table a numeric column needs so that
// neither its widest number nor the longest word of its heading breaks:
// characters × an average Times advance (half an em for digits, 0.6 for
// bold heading letters) plus the cell padding, over the text width.
// minTextMM is the narrowest a text column may be made: room for a few
// short words a line.
const minTextMM = 20.0

// NeedsLandscape reports whether t cannot be laid out on a portrait page:
// what its leaf columns need at the least (the widest number, the longest
// word of a heading or a cell, which cannot wrap; minTextMM for text, which
// can) adds up to more than the portrait text width.
func NeedsLandscape(t *document.Table) bool {
	ls := leaves(t.Columns, 0, nil)
	size := FontSize(len(ls))
	total := 0.0
	for i, l := range ls {
		if NumericColumn(l.col) && !IsIndexColumn(l.col.Title) {
			total += numericNeed(l.col.Title, i, t.Rows, size, false)
			continue
		}
		chars := 0.6 * longestWord(l.col.Title) // headings are bold
		for _, r := range t.Rows {
			if i < len(r.Cells) && r.Cells[i].Num == nil {
				chars = max(chars, 0.5*longestWord(r.Cells[i].Str))
			}
		}
		mm := chars*size*mmPerPt + padMM
		if !IsIndexColumn(l.col.Title) {
			mm = max(mm, minTextMM)
		}
		total += mm / Page.TextWidth()
	}
	return total > 1
}

// longestWord is the length in characters of the longest word of s.
func longestWord(s string) float64 {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, utf8.RuneCountInString(w))
	}
	return float64(n)
}

// mmPerPt and padMM turn an estimate in characters of a cell font size
// into millimetres, with the cell's left and right padding.
const mmPerPt, padMM = 25.4 / 72, 3.0

func numericNeed(title string, col int, rows []document.Row, size float64, landscape bool) float64 {
	chars, sum := 0.0, num{}
	for _, r := range rows {
		if col >= len(r.Cells) {
			continue
		}
		if n, ok := cellNum(r.Cells[col]); ok {
			chars = max(chars, 0.5*float64(utf8.RuneCountInString(n.String())))
			if r.Kind == document.RowData {
				sum.v, sum.prec = sum.v+n.v, max(sum.prec, n.prec)
			}
		}
	}
	// A computed total can be longer than any cell above it.
	chars = max(chars, 0.5*float64(utf8.RuneCountInString(sum.String())))
	for _, w := range strings.Fields(title) {
		chars = max(chars, 0.6*float64(utf8.RuneCountInString(w)))
	}
	width := Page.TextWidth()
	if landscape {
		width = Page.Landscape().TextWidth()
	}
	return (chars*size*mmPerPt + padMM) / width
}
