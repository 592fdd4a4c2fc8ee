package compose

import (
	"fmt"
	"math"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// This file holds the one arithmetic of a table: section subtotals, totals,
// formulas. Compose prints what it computes; validate reports where a
// given number differs from it (CalcIssue), so the rule exists once.

// ColumnKind is a leaf's kind: its Kind, else number for a Numeric
// column and text otherwise.
func ColumnKind(c *document.Column) string {
	switch {
	case c.Kind != "":
		return c.Kind
	case c.Numeric:
		return document.ColNumber
	}
	return document.ColText
}

// NumericColumn reports a column whose cells are numbers: number, money
// and percent. A code column never is, even when marked Numeric.
func NumericColumn(c *document.Column) bool {
	switch ColumnKind(c) {
	case document.ColNumber, document.ColMoney, document.ColPercent:
		return true
	}
	return false
}

// SummedColumn reports a numeric column that section, total and row
// formulas add up: not a rate, not marked NoSum.
func SummedColumn(c *document.Column) bool {
	return NumericColumn(c) && ColumnKind(c) != document.ColPercent && !c.NoSum
}

// Calc issue codes (stable; validate reports them as findings).
const (
	CalcFormula  = "table.formula_mismatch" // a given cell differs from its column or row formula
	CalcSection  = "table.section_mismatch" // a given section cell differs from its children's sum
	CalcTotal    = "table.total_mismatch"   // a given total cell differs from the top-level rows above
	CalcRef      = "table.formula_ref"      // a formula names an unknown row or column
	CalcCycle    = "table.formula_cycle"    // formulas refer to each other in a loop
	CalcFormKind = "table.formula_form"     // a formula with none or several forms, or in the wrong place
)

// CalcIssue is one problem the arithmetic found. Row and Leaf locate the
// cell (Leaf is -1 for a row's formula); Given and Want are set for
// mismatches; Ref names what a formula refers to.
type CalcIssue struct {
	Code        string
	Row, Leaf   int
	Given, Want float64
	Ref         string
}

// TableCalc is a table's cells with every derived number filled in.
type TableCalc struct {
	Leaves []*document.Column
	// Lead is the number of leading text columns a total row's label spans.
	Lead int
	// Cells[r] holds one cell per leaf for row r (nil for a group row or a
	// row whose cell count fits no layout). Blank derived cells hold the
	// computed value; given ones stay as given.
	Cells  [][]document.Cell
	Issues []CalcIssue
	// values[r][j] is the number of row r, leaf j: given when given,
	// computed otherwise.
	values [][]num
	has    [][]bool
	rowIDs map[string]int
	keys   map[string]int
}

// Value is the number in row id's column key, as printed.
func (tc *TableCalc) Value(rowID, key string) (float64, bool) {
	r, ok := tc.rowIDs[rowID]
	j, ok2 := tc.keys[key]
	if !ok || !ok2 || !tc.has[r][j] {
		return 0, false
	}
	return tc.values[r][j].v, true
}

// CalcTable computes a table's derived numbers. It never fails: what it
// cannot compute it reports as an issue and leaves blank.
func CalcTable(t *document.Table) *TableCalc {
	ls := leaves(t.Columns, 0, nil)
	tc := &TableCalc{rowIDs: map[string]int{}, keys: map[string]int{}}
	for _, l := range ls {
		tc.Leaves = append(tc.Leaves, l.col)
	}
	width := len(ls)
	for tc.Lead < width && !NumericColumn(tc.Leaves[tc.Lead]) {
		tc.Lead++
	}
	for j, c := range tc.Leaves {
		if k := strings.TrimSpace(c.Key); k != "" {
			tc.keys[k] = j
		}
	}
	n := len(t.Rows)
	tc.Cells = make([][]document.Cell, n)
	tc.values = make([][]num, n)
	tc.has = make([][]bool, n)
	for r, row := range t.Rows {
		if id := strings.TrimSpace(row.ID); id != "" {
			tc.rowIDs[id] = r
		}
		tc.Cells[r] = expandRow(row, width, tc.Lead)
		tc.values[r] = make([]num, width)
		tc.has[r] = make([]bool, width)
	}
	parent := sectionParents(t.Rows)
	// state: 0 not computed, 1 computing, 2 done.
	state := make([][]int8, n)
	for r := range state {
		state[r] = make([]int8, width)
	}
	colPrec := make([]int, width)
	for _, cells := range tc.Cells {
		for j := range cells {
			if x, ok := cellNum(cells[j]); ok {
				colPrec[j] = max(colPrec[j], x.prec)
			}
		}
	}
	reported := map[[2]int]bool{}
	issue := func(is CalcIssue) {
		key := [2]int{is.Row, is.Leaf}
		if is.Code == CalcRef || is.Code == CalcCycle || is.Code == CalcFormKind {
			if reported[key] {
				return
			}
			reported[key] = true
		}
		tc.Issues = append(tc.Issues, is)
	}
	var val func(r, j int) (num, bool)
	// check keeps a given number and reports it when it differs from the
	// computed one by more than its own rounding.
	check := func(r, j int, code string) func(num, bool) (num, bool) {
		return func(want num, ok bool) (num, bool) { return tc.keepGiven(r, j, code, want, ok, colPrec[j], issue) }
	}
	rowRef := func(r int, id string) (int, bool) {
		k, ok := tc.rowIDs[strings.TrimSpace(id)]
		if !ok {
			issue(CalcIssue{Code: CalcRef, Row: r, Leaf: -1, Ref: id})
		}
		return k, ok
	}
	rowFormula := func(r, j int, f *document.Formula) (num, bool) {
		switch {
		case formForms(f) != 1 || len(f.Product) > 0 || (len(f.Ratio) > 0 && (len(f.Ratio) != 1 || strings.TrimSpace(f.Of) == "")):
			issue(CalcIssue{Code: CalcFormKind, Row: r, Leaf: -1})
			return num{}, false
		case len(f.Ratio) > 0:
			a, okA := rowRef(r, f.Ratio[0])
			b, okB := rowRef(r, f.Of)
			if !okA || !okB {
				return num{}, false
			}
			x, okX := val(a, j)
			y, okY := val(b, j)
			return ratio(x, y, okX && okY)
		case len(f.Sum) > 0:
			var s num
			any := false
			for _, id := range f.Sum {
				if k, ok := rowRef(r, id); ok {
					if x, ok := val(k, j); ok {
						s, any = addNum(s, x), true
					}
				}
			}
			return s, any
		}
		k, ok := rowRef(r, f.Of)
		if !ok {
			return num{}, false
		}
		x, ok := val(k, j)
		if !ok {
			return num{}, false
		}
		if f.Times > 0 {
			return num{x.v * f.Times, x.prec}, true
		}
		return num{x.v * f.Percent / 100, x.prec}, true
	}
	sumOf := func(rows []int, j int) (num, bool) {
		var s num
		any := false
		for _, k := range rows {
			if x, ok := val(k, j); ok {
				s, any = addNum(s, x), true
			}
		}
		return s, any
	}
	children := make([][]int, n)
	for r, p := range parent {
		if p >= 0 {
			children[p] = append(children[p], r)
		}
	}
	val = func(r, j int) (num, bool) {
		if tc.Cells[r] == nil || !NumericColumn(tc.Leaves[j]) {
			return num{}, false
		}
		switch state[r][j] {
		case 1:
			issue(CalcIssue{Code: CalcCycle, Row: r, Leaf: -1})
			return num{}, false
		case 2:
			return tc.values[r][j], tc.has[r][j]
		}
		state[r][j] = 1
		row := &t.Rows[r]
		col := tc.Leaves[j]
		x, ok := givenNum(tc.Cells[r][j])
		if f := col.Formula; f != nil && len(f.Ratio) > 0 {
			// A rate column is the same ratio in every row with cells.
			x, ok = check(r, j, CalcFormula)(tc.columnRatio(r, j, val, issue))
			tc.values[r][j], tc.has[r][j], state[r][j] = x, ok, 2
			return x, ok
		}
		switch row.Kind {
		case document.RowData:
			switch {
			case col.Formula != nil:
				x, ok = check(r, j, CalcFormula)(tc.product(r, j, val, issue))
			case row.Formula != nil && (SummedColumn(col) || (len(row.Formula.Ratio) > 0 && NumericColumn(col))):
				x, ok = check(r, j, CalcFormula)(rowFormula(r, j, row.Formula))
			case col.Sum && tc.Cells[r][j].IsBlank():
				var s num
				for k, m := range tc.Leaves {
					if k != j && SummedColumn(m) && !m.Sum {
						if y, ok := val(r, k); ok {
							s = addNum(s, y)
						}
					}
				}
				x, ok = s, true
			}
		case document.RowSection:
			switch {
			case !SummedColumn(col):
			case row.Formula != nil:
				x, ok = check(r, j, CalcFormula)(rowFormula(r, j, row.Formula))
			default:
				x, ok = check(r, j, CalcSection)(sumOf(children[r], j))
			}
		case document.RowTotal:
			switch {
			case !SummedColumn(col):
			case row.Formula != nil:
				x, ok = check(r, j, CalcFormula)(rowFormula(r, j, row.Formula))
			default:
				var top []int
				for k := 0; k < r; k++ {
					if parent[k] == -1 && (t.Rows[k].Kind == document.RowData || t.Rows[k].Kind == document.RowSection) {
						top = append(top, k)
					}
				}
				x, ok = check(r, j, CalcTotal)(sumOf(top, j))
			}
		}
		tc.values[r][j], tc.has[r][j], state[r][j] = x, ok, 2
		return x, ok
	}
	for r := range t.Rows {
		for j := range tc.Leaves {
			val(r, j)
		}
	}
	for r, cells := range tc.Cells {
		for j := range cells {
			if tc.has[r][j] && cells[j].IsBlank() {
				cells[j] = numCell(tc.values[r][j])
			}
		}
	}
	return tc
}

// keepGiven keeps a given number and reports it when it differs from the
// computed one by more than its own rounding; a blank cell takes the
// computed number at its column's precision.
func (tc *TableCalc) keepGiven(r, j int, code string, want num, ok bool, prec int, issue func(CalcIssue)) (num, bool) {
	given, isGiven := givenNum(tc.Cells[r][j])
	if !isGiven {
		if ok {
			want.prec = max(want.prec, prec)
			if want.prec == 0 {
				want.v = math.Round(want.v)
			}
		}
		return want, ok
	}
	if ok && !closeTo(given, want.v) {
		issue(CalcIssue{Code: code, Row: r, Leaf: j, Given: given.v, Want: want.v})
	}
	return given, true
}

// ratio is 100 × x ÷ y, a rate in percent at one decimal place at least;
// nothing when a side is missing or the denominator is zero.
func ratio(x, y num, ok bool) (num, bool) {
	if !ok || y.v == 0 {
		return num{}, false
	}
	return num{100 * x.v / y.v, 1}, true
}

// columnRatio is a rate column's value in row r: 100 × the numerator
// column ÷ the denominator column of the same row.
func (tc *TableCalc) columnRatio(r, j int, val func(int, int) (num, bool), issue func(CalcIssue)) (num, bool) {
	f := tc.Leaves[j].Formula
	if formForms(f) != 1 || len(f.Ratio) != 2 || f.Of != "" {
		issue(CalcIssue{Code: CalcFormKind, Row: -1, Leaf: j})
		return num{}, false
	}
	var side [2]int
	for i, key := range f.Ratio {
		k, ok := tc.keys[strings.TrimSpace(key)]
		if !ok || k == j {
			issue(CalcIssue{Code: CalcRef, Row: -1, Leaf: j, Ref: key})
			return num{}, false
		}
		side[i] = k
	}
	x, okX := val(r, side[0])
	y, okY := val(r, side[1])
	return ratio(x, y, okX && okY)
}

// product is a column formula's value in row r: the product of the named
// columns, a blank or "-" factor counting as 1; nothing when every factor
// is blank.
func (tc *TableCalc) product(r, j int, val func(int, int) (num, bool), issue func(CalcIssue)) (num, bool) {
	f := tc.Leaves[j].Formula
	if formForms(f) != 1 || len(f.Product) == 0 {
		issue(CalcIssue{Code: CalcFormKind, Row: -1, Leaf: j})
		return num{}, false
	}
	p := num{v: 1}
	any := false
	for _, key := range f.Product {
		k, ok := tc.keys[strings.TrimSpace(key)]
		if !ok || k == j {
			issue(CalcIssue{Code: CalcRef, Row: -1, Leaf: j, Ref: key})
			return num{}, false
		}
		x, ok := val(r, k)
		if !ok || tc.Cells[r][k].IsDash() {
			continue
		}
		p.v *= x.v
		p.prec += x.prec
		any = true
	}
	p.prec = min(p.prec, 3)
	return p, any
}

// givenNum reads a given number; a number typed as a string ("1.234")
// counts with its value, so that validate reports it once (as
// table.numeric_string) and not again in every sum it is part of.
func givenNum(c document.Cell) (num, bool) {
	if n, ok := cellNum(c); ok {
		return n, true
	}
	if c.IsBlank() {
		return num{}, false
	}
	if f, err := vntext.ParseNumber(c.Str); err == nil {
		return num{v: f}, true
	}
	return num{}, false
}

// formForms counts the forms a formula uses (one is right).
func formForms(f *document.Formula) int {
	n := 0
	for _, b := range []bool{len(f.Product) > 0, f.Times > 0, f.Percent > 0, len(f.Sum) > 0, len(f.Ratio) > 0} {
		if b {
			n++
		}
	}
	return n
}

// closeTo reports whether a given number equals want to the precision it
// is written with: 123.457 stands for 10 % of 1.234.567.
func closeTo(given num, want float64) bool {
	tol := 0.5*math.Pow(10, -float64(given.prec)) + 1e-9*math.Max(1, math.Abs(want))
	return math.Abs(given.v-want) <= tol
}

// expandRow gives a row one cell per leaf: data and section rows pad a
// short row with blanks; a total or target row may leave out the label
// columns. It is nil for a group row and for a count that fits nothing.
func expandRow(row document.Row, width, lead int) []document.Cell {
	cells := make([]document.Cell, width)
	for i := range cells {
		cells[i] = document.Cell{Null: true}
	}
	switch row.Kind {
	case document.RowGroup:
		return nil
	case document.RowData, document.RowSection:
		if len(row.Cells) > width {
			return nil
		}
		copy(cells, row.Cells)
	default:
		switch len(row.Cells) {
		case 0:
		case width:
			copy(cells, row.Cells)
		case width - lead:
			copy(cells[lead:], row.Cells)
		default:
			return nil
		}
	}
	return cells
}

// sectionParents is, for each data or section row, the section row it
// belongs to (-1 at the top level): a section holds the rows after it up
// to the next section of the same or a higher level; a total row closes
// every section.
func sectionParents(rows []document.Row) []int {
	roman := false
	for _, r := range rows {
		if r.Kind == document.RowSection && len(r.Cells) > 0 && isRoman(strings.TrimSpace(r.Cells[0].Str)) {
			roman = true
		}
	}
	parent := make([]int, len(rows))
	var stack []int // open sections
	levels := make([]int, len(rows))
	for i, r := range rows {
		parent[i] = -1
		switch r.Kind {
		case document.RowTotal:
			stack = stack[:0]
			continue
		case document.RowSection:
			levels[i] = SectionLevel(r, roman)
			for len(stack) > 0 && levels[stack[len(stack)-1]] >= levels[i] {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				parent[i] = stack[len(stack)-1]
			}
			stack = append(stack, i)
		case document.RowData:
			if len(stack) > 0 {
				parent[i] = stack[len(stack)-1]
			}
		}
	}
	return parent
}

// SectionLevel is a section row's level: its Level, else read from its
// first cell: a Roman numeral is 1; "5.1" is 2 (3 under Roman sections).
func SectionLevel(r document.Row, roman bool) int {
	if r.Level > 0 {
		return r.Level
	}
	if len(r.Cells) == 0 {
		return 1
	}
	s := strings.TrimSuffix(strings.TrimSpace(r.Cells[0].Str), ".")
	if r.Cells[0].Num != nil {
		s = r.Cells[0].Raw
	}
	if s == "" || isRoman(s) {
		return 1
	}
	lvl := len(strings.Split(s, "."))
	if roman {
		lvl++
	}
	return lvl
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("IVXLC", c) {
			return false
		}
	}
	return true
}

// String names an issue for an error message.
func (is CalcIssue) String() string {
	where := fmt.Sprintf("row %d", is.Row+1)
	if is.Row < 0 {
		where = fmt.Sprintf("column %d", is.Leaf+1)
	}
	switch is.Code {
	case CalcRef:
		return fmt.Sprintf("%s: formula refers to unknown %q", where, is.Ref)
	case CalcCycle:
		return where + ": formulas refer to each other in a loop"
	case CalcFormKind:
		return where + ": a formula must use exactly one form (product or ratio of two columns on a column; times, percent, sum or ratio with of on a row)"
	}
	return fmt.Sprintf("%s, column %d: %v given, %v computed", where, is.Leaf+1, is.Given, is.Want)
}

// SpanIssue is a merged cell that cannot be laid out: it leaves the table,
// reaches a row that is not a data or section row, overlaps another, or
// covers a cell that holds something.
type SpanIssue struct {
	Row, Span int
	// Cell is the covered cell (row, leaf) holding a value, or -1s.
	CellRow, CellLeaf int
	Why               string
}

// TableSpans checks a table's merged cells and returns, for each row and
// leaf, the span that starts there (or nil) and whether the position is
// covered by one.
func TableSpans(t *document.Table, width int) (starts [][]*document.Span, covered [][]bool, issues []SpanIssue) {
	starts = make([][]*document.Span, len(t.Rows))
	covered = make([][]bool, len(t.Rows))
	for r := range t.Rows {
		starts[r] = make([]*document.Span, width)
		covered[r] = make([]bool, width)
	}
	for r, row := range t.Rows {
		for si := range row.Spans {
			sp := row.Spans[si]
			cols, rows := max(sp.Cols, 1), max(sp.Rows, 1)
			bad := func(why string) {
				issues = append(issues, SpanIssue{Row: r, Span: si, CellRow: -1, CellLeaf: -1, Why: why})
			}
			switch {
			case row.Kind != document.RowData && row.Kind != document.RowSection:
				bad("only data and section rows merge cells")
				continue
			case sp.Col < 0 || sp.Col+cols > width:
				bad(fmt.Sprintf("columns %d–%d outside the table's %d", sp.Col+1, sp.Col+cols, width))
				continue
			case r+rows > len(t.Rows):
				bad(fmt.Sprintf("rows %d–%d outside the table's %d", r+1, r+rows, len(t.Rows)))
				continue
			}
			ok := true
			for k := r; k < r+rows && ok; k++ {
				if kind := t.Rows[k].Kind; kind != document.RowData && kind != document.RowSection {
					bad(fmt.Sprintf("reaches row %d, a %s row", k+1, kind))
					ok = false
					break
				}
				for j := sp.Col; j < sp.Col+cols; j++ {
					if covered[k][j] || (starts[k][j] != nil) {
						bad(fmt.Sprintf("overlaps another merged cell at row %d, column %d", k+1, j+1))
						ok = false
						break
					}
				}
			}
			if !ok {
				continue
			}
			starts[r][sp.Col] = &row.Spans[si]
			for k := r; k < r+rows; k++ {
				for j := sp.Col; j < sp.Col+cols; j++ {
					if k == r && j == sp.Col {
						continue
					}
					covered[k][j] = true
					if c := t.Rows[k].Cells; j < len(c) && !c[j].IsBlank() {
						issues = append(issues, SpanIssue{Row: r, Span: si, CellRow: k, CellLeaf: j, Why: fmt.Sprintf("covers row %d, column %d, which holds a value", k+1, j+1)})
					}
				}
			}
		}
	}
	return starts, covered, issues
}
