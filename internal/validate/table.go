package validate

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// leaf is a data column of a table.
type leaf struct {
	document.Column
	// title names the column in messages: its number among the leaves and
	// its own title (or its group's, when it has none), e.g. cột 3 "Nam".
	title string
	// path is the column's JSON Pointer under the table ("/columns/2").
	path string
	// scope is, for a sum column, the numeric non-sum leaves it adds up:
	// those under the same group header, or the whole table for a
	// top-level sum column.
	scope []int
}

// tableLeaves flattens the header tree into its data columns.
func tableLeaves(cols []document.Column) []leaf {
	var out []leaf
	// flatten returns the indices of the leaves under cols.
	var flatten func(cols []document.Column, group, path string) []int
	flatten = func(cols []document.Column, group, path string) []int {
		var under, sums []int
		for ci, col := range cols {
			colPath := document.Join(path, ci)
			title := strings.TrimSpace(col.Title)
			if title == "" {
				title = group
			}
			if len(col.Children) > 0 {
				under = append(under, flatten(col.Children, title, document.Join(colPath, "children"))...)
				continue
			}
			// Kinds decide what is a number (a code column never is).
			col.Numeric = compose.NumericColumn(&col)
			out = append(out, leaf{Column: col, path: colPath, title: strconv.Itoa(len(out)+1) + " " + strconv.Quote(title)})
			i := len(out) - 1
			under = append(under, i)
			if col.Sum {
				sums = append(sums, i)
			}
		}
		for _, s := range sums {
			for _, i := range under {
				if out[i].Numeric && !out[i].Sum {
					out[s].scope = append(out[s].scope, i)
				}
			}
		}
		return under
	}
	flatten(cols, "", "/columns")
	return out
}

// leadingText counts the non-numeric leaves before the first numeric one:
// the columns a total or target row's label spans.
func leadingText(leaves []leaf) int {
	n := 0
	for _, l := range leaves {
		if l.Numeric {
			break
		}
		n++
	}
	return n
}

// rowCells maps a row's cells to leaf indices: cell k is leaf offset+k.
// ok is false when the count fits neither the full width nor (for total
// and target rows) the width after the label span.
func rowOffset(r document.Row, leaves []leaf) (offset int, ok bool) {
	n := len(leaves)
	switch {
	case r.Kind == document.RowGroup:
		// A group row is its label only.
		return 0, len(r.Cells) == 0
	case len(r.Cells) == n:
		return 0, true
	case r.Kind != document.RowData && r.Kind != document.RowSection && leadingText(leaves) > 0 && len(r.Cells) == n-leadingText(leaves):
		return leadingText(leaves), true
	}
	return 0, false
}

// cellValue is a cell's numeric value; "-" and blanks count as zero.
// given is false for a blank cell, so it is neither checked nor required.
// A number typed as a string ("1.234") counts with its value: it is
// reported once as table.numeric_string, not again in every sum it
// takes part in.
func cellValue(c document.Cell) (v float64, given bool) {
	switch {
	case c.Num != nil:
		return *c.Num, true
	case c.IsDash():
		return 0, true
	case c.IsBlank():
		return 0, false
	}
	if f, err := vntext.ParseNumber(c.Str); err == nil {
		return f, true
	}
	return 0, false
}

func nearlyEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-7*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// formatNumber writes x the Vietnamese way with as many decimals as it has.
func formatNumber(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return vntext.FormatInt(int64(x))
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	prec := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		prec = min(len(frac), 6)
	}
	return vntext.FormatDecimal(x, prec)
}

// tableCtx is one table being checked.
type tableCtx struct {
	t      *document.Table
	path   string
	leaves []leaf
	// offsets[i] is row i's first leaf, or -1 when its cell count is wrong.
	offsets []int
}

func (tc tableCtx) cellPath(row, k int) string {
	return document.Join(tc.path, "rows", row, "cells", k)
}

// cell returns row i's cell for leaf j, if the row has one.
func (tc tableCtx) cell(i, j int) (document.Cell, int, bool) {
	off := tc.offsets[i]
	k := j - off
	if off < 0 || k < 0 || k >= len(tc.t.Rows[i].Cells) {
		return document.Cell{}, 0, false
	}
	return tc.t.Rows[i].Cells[k], k, true
}

// checkTables runs the table rules on every table block.
func checkTables(c *checker) {
	c.eachBlock(func(b blockInfo) {
		if b.Table == nil {
			return
		}
		tc := tableCtx{t: b.Table, path: document.Join(b.Path, "table"), leaves: tableLeaves(b.Table.Columns)}
		if len(tc.leaves) == 0 {
			return // the "required,min=1" tag on columns reports it
		}
		checkTableCellCount(c, &tc)
		checkTableCellTypes(c, tc)
		checkTableSums(c, tc)
		checkTableCalc(c, tc)
		checkTableSpans(c, tc)
		checkTableWords(c, tc)
		checkTableTargets(c, tc)
	})
}

// checkTableCellCount: one cell per leaf column; a total or target row may
// leave out the leading text columns its label spans.
func checkTableCellCount(c *checker, tc *tableCtx) {
	n := len(tc.leaves)
	lead := leadingText(tc.leaves)
	tc.offsets = make([]int, len(tc.t.Rows))
	for i, r := range tc.t.Rows {
		off, ok := rowOffset(r, tc.leaves)
		tc.offsets[i] = off
		if ok {
			continue
		}
		tc.offsets[i] = -1
		want := strconv.Itoa(n)
		switch {
		case r.Kind == document.RowGroup:
			want = "0 (dòng nhóm chỉ có nhãn)"
		case r.Kind != document.RowData && r.Kind != document.RowSection && lead > 0:
			want = fmt.Sprintf("%d hoặc %d", n, n-lead)
		}
		wantEN := strings.Replace(strings.Replace(want, "hoặc", "or", 1), "dòng nhóm chỉ có nhãn", "a group row is its label", 1)
		c.add("table.cell_count", document.Join(tc.path, "rows", i, "cells"),
			fmt.Sprintf("Dòng %d có %d ô, cần %s (số cột lá).", i+1, len(r.Cells), want),
			fmt.Sprintf("row %d has %d cells, want %s (leaf columns)", i+1, len(r.Cells), wantEN))
	}
}

// checkTableCellTypes: numeric columns hold numbers, "-" or blanks; a
// number typed as a string ("1.234") must be given as a JSON number, since
// "1.234" may be read as 1234 or as 1,234 depending on the reader.
func checkTableCellTypes(c *checker, tc tableCtx) {
	for i := range tc.t.Rows {
		for j, l := range tc.leaves {
			cell, k, ok := tc.cell(i, j)
			if !ok || !l.Numeric || cell.Num != nil || cell.IsBlank() || cell.IsDash() {
				continue
			}
			if _, err := vntext.ParseNumber(cell.Str); err == nil {
				c.add("table.numeric_string", tc.cellPath(i, k),
					fmt.Sprintf("Ô %q của cột %s phải ghi dạng số JSON, không phải chuỗi.", cell.Str, l.title),
					fmt.Sprintf("cell %q of column %s must be a JSON number, not a string", cell.Str, l.title))
				continue
			}
			c.add("table.cell_type", tc.cellPath(i, k),
				fmt.Sprintf("Ô %q của cột số %s phải là số, \"-\" hoặc null.", cell.Str, l.title),
				fmt.Sprintf("cell %q of numeric column %s must be a number, \"-\" or null", cell.Str, l.title))
		}
	}
}

// checkTableSums: a given sum-column cell equals the row sum of its scope.
func checkTableSums(c *checker, tc tableCtx) {
	for i := range tc.t.Rows {
		for j, l := range tc.leaves {
			if !l.Sum || len(l.scope) == 0 {
				continue
			}
			cell, k, ok := tc.cell(i, j)
			if !ok || cell.Num == nil {
				continue
			}
			sum, any := 0.0, false
			for _, s := range l.scope {
				if sc, _, ok := tc.cell(i, s); ok {
					if v, given := cellValue(sc); given {
						sum += v
						any = true
					}
				}
			}
			if any && !nearlyEqual(*cell.Num, sum) {
				c.add("table.sum_mismatch", tc.cellPath(i, k),
					fmt.Sprintf("Dòng %d, cột %s: %s khác tổng các ô %s.", i+1, l.title, formatNumber(*cell.Num), formatNumber(sum)),
					fmt.Sprintf("row %d, column %s: %s differs from the row sum %s", i+1, l.title, formatNumber(*cell.Num), formatNumber(sum)))
			}
		}
	}
}

// columnSum adds leaf j over the data rows in rows[from:to].
func (tc tableCtx) columnSum(j, from, to int) float64 {
	sum := 0.0
	for i := from; i < to; i++ {
		if tc.t.Rows[i].Kind != document.RowData {
			continue
		}
		if cell, _, ok := tc.cell(i, j); ok {
			v, _ := cellValue(cell)
			sum += v
		}
	}
	return sum
}

// dataComplete reports whether every data row could be mapped to columns;
// otherwise column sums mean nothing and are not compared.
func (tc tableCtx) dataComplete() bool {
	for i, r := range tc.t.Rows {
		if r.Kind == document.RowData && tc.offsets[i] < 0 {
			return false
		}
	}
	return true
}

// checkTableCalc reports where the table's given numbers differ from its
// arithmetic (compose.CalcTable: section subtotals, totals, formulas) and
// formulas that name what the table does not have.
func checkTableCalc(c *checker, tc tableCtx) {
	if !tc.dataComplete() {
		return
	}
	calc := compose.CalcTable(tc.t)
	for _, is := range calc.Issues {
		switch is.Code {
		case compose.CalcRef, compose.CalcCycle, compose.CalcFormKind:
			p := document.Join(tc.path, "rows", is.Row, "formula")
			if is.Row < 0 {
				p = tc.path + tc.leaves[is.Leaf].path + "/formula"
			}
			vi := map[string]string{
				compose.CalcRef:      fmt.Sprintf("Công thức nhắc tới %q, không có trong bảng (mã của dòng hoặc của cột).", is.Ref),
				compose.CalcCycle:    "Các công thức vòng lại chính chúng.",
				compose.CalcFormKind: "Công thức phải dùng đúng một dạng: tích các cột hoặc tỉ số hai cột (trên cột); n lần, tỉ lệ %, tổng hoặc tỉ số với một dòng khác (trên dòng).",
			}[is.Code]
			c.add(is.Code, p, vi, is.String())
			continue
		}
		row := tc.t.Rows[is.Row]
		_, k, ok := tc.cell(is.Row, is.Leaf)
		if !ok {
			continue
		}
		l := tc.leaves[is.Leaf]
		what, whatEN := "giá trị tính theo công thức", "its formula's value"
		switch is.Code {
		case compose.CalcSection:
			what, whatEN = "tổng các dòng con của mục", "the sum of the section's rows"
		case compose.CalcTotal:
			what, whatEN = "tổng các mục và dòng phía trên", "the sum of the sections and rows above"
		}
		name := strings.TrimSpace(row.Label)
		if name == "" && len(row.Cells) > 1 {
			name = strings.TrimSpace(row.Cells[0].Str + " " + row.Cells[1].Str)
		}
		c.add(is.Code, tc.cellPath(is.Row, k),
			fmt.Sprintf("Dòng %d (%s), cột %s: %s khác %s %s.", is.Row+1, name, l.title, formatNumber(is.Given), what, formatNumber(is.Want)),
			fmt.Sprintf("row %d (%s), column %s: %s differs from %s %s", is.Row+1, name, l.title, formatNumber(is.Given), whatEN, formatNumber(is.Want)))
	}
}

// checkTableSpans: merged cells fit the table and cover only blanks.
func checkTableSpans(c *checker, tc tableCtx) {
	_, _, issues := compose.TableSpans(tc.t, len(tc.leaves))
	for _, is := range issues {
		p := document.Join(tc.path, "rows", is.Row, "spans", is.Span)
		vi := "Ô gộp không hợp lệ: " + spanWhyVI(is) + "."
		if is.CellRow >= 0 {
			p = document.Join(tc.path, "rows", is.CellRow, "cells", is.CellLeaf)
		}
		c.add("table.span", p, vi, "merged cell: "+is.Why)
	}
}

// spanWhyVI says in Vietnamese why a merged cell cannot be laid out (the
// English detail, with its numbers, stays in the English message).
func spanWhyVI(is compose.SpanIssue) string {
	switch {
	case is.CellRow >= 0:
		return fmt.Sprintf("ô dòng %d, cột %d bị gộp nhưng có giá trị (phải để trống)", is.CellRow+1, is.CellLeaf+1)
	case strings.HasPrefix(is.Why, "only"):
		return "chỉ dòng số liệu và dòng mục được gộp ô"
	case strings.Contains(is.Why, "overlaps"):
		return "chồng lên một ô gộp khác"
	case strings.HasPrefix(is.Why, "reaches"):
		return "gộp tới một dòng không phải dòng số liệu hay dòng mục"
	}
	return "vượt ra ngoài bảng"
}

// checkTableWords: the "Bằng chữ" line reads the chosen cell's amount.
func checkTableWords(c *checker, tc tableCtx) {
	w := tc.t.Words
	if w == nil {
		return
	}
	p := document.Join(tc.path, "words")
	unit := strings.TrimSpace(w.Unit)
	if unit == "" {
		unit = "đồng"
	}
	u, known := vntext.LookupMoneyUnit(unit)
	calc := compose.CalcTable(tc.t)
	v, ok := calc.Value(w.Row, w.Column)
	if !known || !ok || v < 0 || v != math.Trunc(v) {
		c.add("table.words_ref", p,
			fmt.Sprintf("Dòng \"Bằng chữ\" chỉ tới dòng %q, cột %q, đơn vị %q: không có số tiền để đọc.", w.Row, w.Column, unit),
			fmt.Sprintf("the words line names row %q, column %q, unit %q: no amount to read", w.Row, w.Column, unit))
		return
	}
	text := strings.TrimSpace(w.Text)
	if text == "" {
		return
	}
	dong, fits := u.InDong(int64(v))
	if !fits {
		return
	}
	if _, after, found := strings.Cut(text, ":"); found && strings.HasPrefix(vntext.Lower(text), "bằng chữ") {
		text = strings.TrimSpace(after)
	}
	if vntext.WordsEqual(text, dong) {
		return
	}
	read, readEN := "không đọc được", "unreadable"
	if x, err := vntext.ParseWords(text); err == nil && x <= math.MaxInt64 {
		read = vntext.FormatInt(int64(x)) + " đồng"
		readEN = read
	}
	amount := vntext.FormatInt(int64(dong)) + " đồng"
	c.add("table.words_mismatch", document.Join(p, "text"),
		fmt.Sprintf("Số tiền bằng chữ (%s) khác số tiền của bảng %s.", read, amount),
		fmt.Sprintf("the amount in words (%s) differs from the table's amount %s", readEN, amount))
}

// checkTableTargets: the data rows' column sums reach each target (a
// warning: a plan's appendix may list only part of the units).
func checkTableTargets(c *checker, tc tableCtx) {
	if !tc.dataComplete() {
		return
	}
	for i, r := range tc.t.Rows {
		if r.Kind != document.RowTarget {
			continue
		}
		for j, l := range tc.leaves {
			cell, k, ok := tc.cell(i, j)
			if !ok || !l.Numeric || cell.Num == nil {
				continue
			}
			if sum := tc.columnSum(j, 0, len(tc.t.Rows)); !nearlyEqual(*cell.Num, sum) {
				c.add("table.target_mismatch", tc.cellPath(i, k),
					fmt.Sprintf("Cột %s: chỉ tiêu %s khác tổng các dòng %s.", l.title, formatNumber(*cell.Num), formatNumber(sum)),
					fmt.Sprintf("column %s: target %s differs from the rows' sum %s", l.title, formatNumber(*cell.Num), formatNumber(sum)))
			}
		}
	}
}
