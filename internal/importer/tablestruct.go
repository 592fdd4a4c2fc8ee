package importer

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// This file reads the structure a table's numbers prove (issue 15): which
// rows are sections holding a subtotal of the rows under them, what a
// total row adds (the top-level rows above it, a multiple of another row,
// a sum of named rows), which column is a product of others, which
// numeric columns are not summed. Every guess is tried with the one table
// arithmetic (compose.CalcTable) and kept only when the numbers written in
// the source agree with it and nothing blank in the source would be
// printed with a computed number: an import never invents a figure.

// maxStructCells bounds the tables whose structure is tried (each try
// runs the table's arithmetic): 600 rows of 10 columns.
const maxStructCells = 6000

// Column titles that say what a numeric column holds.
var (
	// moneyTitleRE: an amount of money.
	moneyTitleRE = regexp.MustCompile(`(?i)(thành tiền|kinh phí|số tiền|mức chi|đơn giá|chi phí|dự toán|ngân sách|\bvốn\b|\(đồng\)|triệu đồng|nghìn đồng|tỷ đồng|giá trị)`)
	// noSumTitleRE: a unit price, a norm, a rate or a coefficient, never
	// added up in a subtotal.
	noSumTitleRE = regexp.MustCompile(`(?i)(đơn giá|định mức|mức chi|tỉ lệ|tỷ lệ|%|hệ số|lãi suất|bình quân|trung bình)`)
	// sectionLabelRE: a section's number in the first column: 1, 2, 5.1,
	// I, II, A, B.
	sectionLabelRE = regexp.MustCompile(`^(?:[IVXLC]+|[A-Z]|\d{1,3}(?:\.\d{1,3})*)\.?$`)
	// dateCellRE: a date as offices write it in a table.
	dateCellRE = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4}$`)
	// labelNumberRE: the numbers a row label carries ("Tổng kinh phí 07
	// năm", "Dự phòng 10%").
	labelNumberRE = regexp.MustCompile(`\d+(?:,\d+)?`)
	// labelPercentRE: a rate named in a row's label ("Dự phòng 10%").
	labelPercentRE = regexp.MustCompile(`(\d+(?:,\d+)?)\s*%`)
)

// totalLabel: a total row's label (lower case): "Tổng", "Tổng cộng",
// "Cộng", "Tổng kinh phí …", "Toàn tỉnh", "Cả nước".
func totalLabel(low string) bool {
	for _, p := range []string{"tổng", "cộng", "toàn tỉnh", "toàn huyện", "toàn xã", "toàn thành phố", "toàn ngành", "toàn quốc", "cả nước"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// codeColumn: a text column of identifiers (mã số, số hiệu, an industry
// code 6810, a 12-digit ID): short tokens without spaces, under a code
// title or written as digits a quantity would not be (a leading zero, ten
// digits and more, four digits the system would group).
func codeColumn(rows []prow, j int, title string) bool {
	if compose.IsIndexColumn(title) {
		return false // "01", "02" number the rows
	}
	titled := codeTitleRE.MatchString(title)
	n, digits, seq := 0, false, true
	for _, r := range rows {
		if r.span > j {
			continue
		}
		c := strings.TrimSpace(r.cells[j])
		if c == "" || isDash(c) {
			continue
		}
		if strings.ContainsFunc(c, unicode.IsSpace) || len([]rune(c)) > 20 {
			return false
		}
		if allDigits(c) {
			digits = digits || len(c) >= 4 // "05", "00": a padded count
		} else if !titled {
			return false
		}
		n++
		seq = seq && strings.TrimLeft(c, "0") == strconv.Itoa(n)
	}
	return n > 0 && (titled || (digits && !seq))
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// dateColumn: every written cell is a date ("12/3/2026").
func dateColumn(rows []prow, j int) bool {
	n := 0
	for _, r := range rows {
		if r.span > j {
			continue
		}
		c := strings.TrimSpace(r.cells[j])
		if c == "" {
			continue
		}
		if !dateCellRE.MatchString(c) {
			return false
		}
		n++
	}
	return n > 0
}

// structure reads sections, totals, formulas and not-summed columns into
// t (see the top of the file). rows are the source rows, for what was
// written blank and in bold.
func (rt *rawTable) structure(t *document.Table, rows []prow, path string, rep *Report) {
	leaves := leafPtrs(t.Columns)
	if len(t.Rows)*len(leaves) > maxStructCells {
		// Too big to try structures on within the import's time: every
		// total row stays as written.
		for r := range t.Rows {
			if t.Rows[r].Kind == document.RowTotal {
				demote(t, r, rows, path, rep)
			}
		}
		return
	}
	calc := compose.CalcTable(t)
	lead := calc.Lead
	if lead >= len(leaves) || len(t.Rows) == 0 {
		return
	}
	summed := func(j int) bool { return compose.SummedColumn(leaves[j]) }
	// given: the source wrote something in row r, leaf j (calc's cells
	// hold computed numbers too).
	given := func(r, j int) bool {
		c, ok := sourceCell(t.Rows[r], j, len(leaves))
		return ok && !c.IsBlank()
	}
	// Rates, norms and unit prices are not added up.
	for _, l := range leaves {
		if compose.SummedColumn(l) && noSumTitleRE.MatchString(l.Title) {
			l.NoSum = true
		}
	}
	// Section candidates: a data row numbered like a section (1, 2.1, II,
	// B) or set in bold, holding a summed number.
	var cands []int
	for r := range t.Rows {
		row := &t.Rows[r]
		if row.Kind != document.RowData || calc.Cells[r] == nil {
			continue
		}
		first := strings.TrimSpace(rows[r].cells[0])
		if !sectionLabelRE.MatchString(first) && !rows[r].bold {
			continue
		}
		for j := lead; j < len(leaves); j++ {
			if summed(j) && given(r, j) {
				cands = append(cands, r)
				break
			}
		}
	}
	rt.products(t, leaves, lead)
	rt.sections(t, cands)
	// A numeric column left blank in every subtotal and total row while
	// its lines hold numbers is not summed (a quantity, a norm).
	var labelRows []int
	for r := range t.Rows {
		if k := t.Rows[r].Kind; k == document.RowTotal || k == document.RowSection {
			labelRows = append(labelRows, r)
		}
	}
	if len(labelRows) > 0 {
		for j := lead; j < len(leaves); j++ {
			if !summed(j) {
				continue
			}
			blank, filled := true, false
			for _, r := range labelRows {
				blank = blank && !given(r, j)
			}
			for r := range t.Rows {
				filled = filled || (t.Rows[r].Kind == document.RowData && given(r, j))
			}
			if blank && filled {
				leaves[j].NoSum = true
			}
		}
	}
	rt.totals(t, rows, path, rep)
	rt.percentRows(t, rows, lead)
	// Last guard: what is left must agree and print as written.
	for range 64 {
		r, ok := firstBad(t)
		if !ok {
			break
		}
		demote(t, r, rows, path, rep)
	}
}

// products finds a column that is the product of numeric columns to its
// left in every data row (Thành tiền = Số lượng × Định mức × Mức chi, a
// blank or "-" factor counting as 1): the widest set of factors that
// agrees, at least two of them, written together in some row.
func (rt *rawTable) products(t *document.Table, leaves []*document.Column, lead int) {
	for j := len(leaves) - 1; j > lead; j-- {
		if !compose.SummedColumn(leaves[j]) || leaves[j].Formula != nil {
			continue
		}
		var cand []int
		for k := lead; k < j; k++ {
			if compose.NumericColumn(leaves[k]) && compose.ColumnKind(leaves[k]) != document.ColPercent && leaves[k].Formula == nil {
				cand = append(cand, k)
			}
		}
		if len(cand) < 2 || len(cand) > 8 {
			continue
		}
		for size := len(cand); size >= 2; size-- {
			found := false
			for _, set := range subsets(cand, size) {
				if productAgrees(t, set, j) {
					var named []int
					keys := make([]string, len(set))
					for i, k := range append(set, j) {
						if leaves[k].Key == "" {
							named = append(named, k)
						}
						if i < len(set) {
							keys[i] = keyOf(leaves, k)
						}
					}
					keyOf(leaves, j)
					leaves[j].Formula = &document.Formula{Product: keys}
					if !columnAgrees(t, j) {
						leaves[j].Formula = nil
						for _, k := range named {
							leaves[k].Key = ""
						}
						continue
					}
					found = true
					break
				}
			}
			if found {
				break
			}
		}
	}
}

// subsets lists the subsets of s of the given size, in order.
func subsets(s []int, size int) [][]int {
	var out [][]int
	var pick func(from int, cur []int)
	pick = func(from int, cur []int) {
		if len(cur) == size {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i := from; i < len(s); i++ {
			pick(i+1, append(cur, s[i]))
		}
	}
	pick(0, nil)
	return out
}

// productAgrees: in every data row with a number in column j, it is the
// product of the set's columns (blank or "-" as 1), and at least one row
// has two factors written.
func productAgrees(t *document.Table, set []int, j int) bool {
	rows, two := 0, false
	for _, row := range t.Rows {
		if row.Kind != document.RowData || j >= len(row.Cells) {
			continue
		}
		v, ok := numOf(row.Cells[j])
		if !ok {
			continue
		}
		p, factors := 1.0, 0
		for _, k := range set {
			if k >= len(row.Cells) {
				continue
			}
			if x, ok := numOf(row.Cells[k]); ok && !row.Cells[k].IsDash() {
				p *= x
				factors++
			}
		}
		if factors == 0 {
			continue // a subtotal line: no factor written
		}
		if math.Abs(p-v) > 0.5+1e-9*math.Abs(v) {
			return false
		}
		rows++
		two = two || factors >= 2
	}
	return rows > 0 && two
}

func numOf(c document.Cell) (float64, bool) {
	if c.Num != nil {
		return *c.Num, true
	}
	if c.IsDash() {
		return 0, true
	}
	return 0, false
}

// sections marks the candidates as section rows and takes back, deepest
// first, those whose numbers are not the sum of the rows under them or
// that hold no rows.
func (rt *rawTable) sections(t *document.Table, cands []int) {
	if len(cands) == 0 {
		return
	}
	for _, r := range cands {
		t.Rows[r].Kind = document.RowSection
	}
	for range 64 {
		calc := compose.CalcTable(t)
		bad := map[int]bool{}
		for _, is := range calc.Issues {
			if is.Code == compose.CalcSection && is.Row >= 0 {
				bad[is.Row] = true
			}
		}
		kids := sectionChildren(t)
		deepest := 0
		roman := romanSections(t)
		for _, r := range cands {
			if t.Rows[r].Kind != document.RowSection {
				continue
			}
			if kids[r] == 0 {
				bad[r] = true
			}
			if bad[r] {
				deepest = max(deepest, compose.SectionLevel(t.Rows[r], roman))
			}
		}
		if len(bad) == 0 {
			return
		}
		for r := range bad {
			if t.Rows[r].Kind == document.RowSection && compose.SectionLevel(t.Rows[r], roman) == deepest {
				t.Rows[r].Kind = document.RowData
			}
		}
	}
	for _, r := range cands {
		t.Rows[r].Kind = document.RowData
	}
}

// sectionChildren counts, per section row, the rows it holds (as
// compose reads them: up to the next section of its level or a total).
func sectionChildren(t *document.Table) map[int]int {
	roman := romanSections(t)
	out := map[int]int{}
	var stack []int
	for i, r := range t.Rows {
		switch r.Kind {
		case document.RowTotal:
			stack = stack[:0]
		case document.RowSection:
			lvl := compose.SectionLevel(r, roman)
			for len(stack) > 0 && compose.SectionLevel(t.Rows[stack[len(stack)-1]], roman) >= lvl {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				out[stack[len(stack)-1]]++
			}
			stack = append(stack, i)
		case document.RowData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]]++
			}
		}
	}
	return out
}

func romanSections(t *document.Table) bool {
	for _, r := range t.Rows {
		if r.Kind == document.RowSection && len(r.Cells) > 0 {
			s := strings.TrimSuffix(strings.TrimSpace(r.Cells[0].Str), ".")
			if s != "" && strings.Trim(s, "IVXLC") == "" {
				return true
			}
		}
	}
	return false
}

// totals decides, for each total row in order, what it adds: the
// top-level rows above it (the model's default), else a multiple of an
// earlier row named by a number in its label ("Tổng kinh phí 07 năm" = 7
// × "Tổng kinh phí 01 năm"), else the rows since the previous total, else
// the previous total and the rows after it, else the earlier totals. A
// total none of these explains stays as written, an ordinary row.
func (rt *rawTable) totals(t *document.Table, rows []prow, path string, rep *Report) {
	tried := 0
	for r := range t.Rows {
		row := &t.Rows[r]
		if row.Kind != document.RowTotal {
			continue
		}
		if tried++; tried > 20 {
			demote(t, r, rows, path, rep) // a table of totals: as written
			continue
		}
		if rowAgrees(t, r) {
			continue
		}
		var tries []*document.Formula
		prevTotal := -1
		var totalsAbove []int
		for k := r - 1; k >= 0; k-- {
			if t.Rows[k].Kind == document.RowTotal {
				if prevTotal < 0 {
					prevTotal = k
				}
				totalsAbove = append([]int{k}, totalsAbove...)
			}
		}
		for _, m := range labelNumberRE.FindAllString(row.Label, -1) {
			times, err := vntext.ParseNumber(m)
			if err != nil || times < 2 || times != math.Trunc(times) {
				continue
			}
			for k, n := r-1, 0; k >= 0 && n < 8; k-- {
				if kind := t.Rows[k].Kind; kind == document.RowTotal || kind == document.RowSection {
					tries = append(tries, &document.Formula{Times: times, Of: rowID(t, k)})
					n++
				}
			}
		}
		if prevTotal >= 0 {
			since := topLevelAfter(t, prevTotal, r)
			if len(since) > 0 {
				tries = append(tries, &document.Formula{Sum: ids(t, since)})
			}
			tries = append(tries, &document.Formula{Sum: ids(t, append([]int{prevTotal}, since...))})
			if len(totalsAbove) > 1 {
				tries = append(tries, &document.Formula{Sum: ids(t, totalsAbove)})
			}
		}
		ok := false
		for _, f := range tries {
			row.Formula = f
			if rowAgrees(t, r) {
				ok = true
				break
			}
		}
		if !ok {
			row.Formula = nil
			demote(t, r, rows, path, rep)
		}
	}
	clearUnusedIDs(t)
}

// percentRows gives a data row whose label names a rate ("Dự phòng phí
// 10%") the formula "that rate of an earlier total" when its numbers are.
func (rt *rawTable) percentRows(t *document.Table, rows []prow, lead int) {
	for r := range t.Rows {
		row := &t.Rows[r]
		if row.Kind != document.RowData || row.Formula != nil {
			continue
		}
		label := strings.Join(rows[r].cells[:lead], " ")
		for _, m := range labelPercentRE.FindAllStringSubmatch(label, -1) {
			p, err := vntext.ParseNumber(m[1])
			if err != nil || p <= 0 || p > 100 {
				continue
			}
			for k, n := r-1, 0; k >= 0 && row.Formula == nil && n < 3; k-- {
				if t.Rows[k].Kind != document.RowTotal {
					continue
				}
				n++
				row.Formula = &document.Formula{Percent: p, Of: rowID(t, k)}
				if !rowAgrees(t, r) || !hasSummedNumber(t, r) {
					row.Formula = nil
				}
			}
		}
	}
	clearUnusedIDs(t)
}

func hasSummedNumber(t *document.Table, r int) bool {
	calc := compose.CalcTable(t)
	for j, l := range calc.Leaves {
		if compose.SummedColumn(l) && calc.Cells[r] != nil && calc.Cells[r][j].Num != nil {
			return true
		}
	}
	return false
}

// topLevelAfter lists the top-level data and section rows strictly
// between rows a and b.
func topLevelAfter(t *document.Table, a, b int) []int {
	var out []int
	depth := map[int]bool{}
	roman := romanSections(t)
	open := -1
	for k := a + 1; k < b; k++ {
		switch t.Rows[k].Kind {
		case document.RowSection:
			if open < 0 || compose.SectionLevel(t.Rows[k], roman) <= compose.SectionLevel(t.Rows[open], roman) {
				open = k
				out = append(out, k)
				depth[k] = true
			}
		case document.RowData:
			if open < 0 {
				out = append(out, k)
			}
		}
	}
	return out
}

// rowID names row k for a formula, giving it an id when it has none.
func rowID(t *document.Table, k int) string {
	if t.Rows[k].ID == "" {
		t.Rows[k].ID = "r" + strconv.Itoa(k+1)
	}
	return t.Rows[k].ID
}

func ids(t *document.Table, rows []int) []string {
	out := make([]string, len(rows))
	for i, k := range rows {
		out[i] = rowID(t, k)
	}
	return out
}

// clearUnusedIDs drops the ids that no formula names.
func clearUnusedIDs(t *document.Table) {
	used := map[string]bool{}
	for _, r := range t.Rows {
		if f := r.Formula; f != nil {
			used[f.Of] = true
			for _, s := range f.Sum {
				used[s] = true
			}
		}
	}
	if t.Words != nil {
		used[t.Words.Row] = true
	}
	for i := range t.Rows {
		if !used[t.Rows[i].ID] {
			t.Rows[i].ID = ""
		}
	}
}

// rowAgrees: the table's arithmetic finds nothing wrong in row r.
func rowAgrees(t *document.Table, r int) bool {
	for _, is := range compose.CalcTable(t).Issues {
		if is.Row == r || is.Row < 0 {
			return false
		}
	}
	return true
}

// columnAgrees: the formula of leaf j gives the number written in every
// data row, and none where the source left the cell blank.
func columnAgrees(t *document.Table, j int) bool {
	calc := compose.CalcTable(t)
	for _, is := range calc.Issues {
		if is.Leaf == j && (is.Code == compose.CalcFormula || is.Row < 0) {
			return false
		}
	}
	for r, row := range t.Rows {
		if row.Kind != document.RowData || calc.Cells[r] == nil {
			continue
		}
		if c, ok := sourceCell(row, j, len(calc.Leaves)); (!ok || c.IsBlank()) && !calc.Cells[r][j].IsBlank() {
			return false
		}
	}
	return true
}

// tableAgrees: the table's arithmetic finds nothing wrong.
func tableAgrees(t *document.Table) bool { return len(compose.CalcTable(t).Issues) == 0 }

// invents reports whether the arithmetic would print a number in a cell
// the source left blank.
func invents(t *document.Table) bool {
	_, ok := inventedRow(t)
	return ok
}

func inventedRow(t *document.Table) (int, bool) {
	calc := compose.CalcTable(t)
	for r, row := range t.Rows {
		cells := calc.Cells[r]
		for j := range cells {
			c, ok := sourceCell(row, j, len(cells))
			if (!ok || c.IsBlank()) && !cells[j].IsBlank() {
				return r, true
			}
		}
	}
	return -1, false
}

// sourceCell is the cell row holds for leaf j of a table width leaves
// wide: a total or target row may leave out its label columns.
func sourceCell(row document.Row, j, width int) (document.Cell, bool) {
	k := j
	if (row.Kind == document.RowTotal || row.Kind == document.RowTarget) && len(row.Cells) < width {
		k = j - (width - len(row.Cells))
	}
	if k < 0 || k >= len(row.Cells) {
		return document.Cell{}, false
	}
	return row.Cells[k], true
}

// firstBad is the first row the arithmetic rejects or would print a
// number in that the source left blank.
func firstBad(t *document.Table) (int, bool) {
	bad := -1
	for _, is := range compose.CalcTable(t).Issues {
		r := is.Row
		if r < 0 {
			continue
		}
		if bad < 0 || r < bad {
			bad = r
		}
	}
	if r, ok := inventedRow(t); ok && (bad < 0 || r < bad) {
		bad = r
	}
	return bad, bad >= 0
}

// demote makes row r an ordinary row printed as written: a section or a
// total loses its kind and formula (a total's label goes back into its
// first cell, or across the table when it spanned it); a data row loses
// its formula, and a column formula or sum the row breaks is dropped.
func demote(t *document.Table, r int, rows []prow, path string, rep *Report) {
	row := &t.Rows[r]
	leaves := leafPtrs(t.Columns)
	switch row.Kind {
	case document.RowSection:
		row.Kind = document.RowData
	case document.RowTotal, document.RowTarget:
		width := len(leaves)
		if rows[r].span >= width && allBlank(row.Cells) {
			row.Kind, row.Cells, row.Formula = document.RowGroup, nil, nil
			break
		}
		lead := width - len(row.Cells)
		cells := []document.Cell{{Str: row.Label}}
		for j := 1; j < lead; j++ {
			cells = append(cells, document.Cell{Null: true})
		}
		row.Cells = append(cells, row.Cells...)
		if lead > 1 && rows[r].span == lead {
			row.Spans = append(row.Spans, document.Span{Col: 0, Cols: lead})
		}
		row.Label, row.Kind, row.Formula = "", document.RowData, nil
		rep.guessed(path, "Dòng tổng cộng không khớp với tổng các dòng: giữ như một dòng thường.", "the total row does not match the rows it would add: kept as an ordinary row")
	default:
		if row.Formula != nil {
			row.Formula = nil
			break
		}
		for _, l := range leaves {
			if l.Formula != nil || l.Sum {
				l.Formula, l.Sum = nil, false
			}
		}
		// Nothing left to take back in this row: the numbers are kept as
		// written by making the columns not summed.
		if !tableAgrees(t) || invents(t) {
			for _, l := range leaves {
				if compose.SummedColumn(l) {
					l.NoSum = true
				}
			}
		}
	}
}

func allBlank(cs []document.Cell) bool {
	for _, c := range cs {
		if !c.IsBlank() {
			return false
		}
	}
	return true
}

// keyOf names leaf k for formulas and the words line, by the initials of
// its title ("Số lượng" sl, "Định mức" dm, "Thành tiền" tt), unless it
// has a key.
func keyOf(leaves []*document.Column, k int) string {
	if leaves[k].Key != "" {
		return leaves[k].Key
	}
	taken := map[string]bool{}
	for _, l := range leaves {
		taken[l.Key] = true
	}
	base := initials(leaves[k].Title)
	if base == "" {
		base = "c"
	}
	key := base
	for i := 2; taken[key]; i++ {
		key = base + strconv.Itoa(i)
	}
	leaves[k].Key = key
	return key
}

// initials are the first letters of a title's words, without tone marks,
// in lower case: "Thành tiền" → "tt".
func initials(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(vntext.Fold(w))[0]
		if r < 128 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tableWords reads a "Bằng chữ: …" line under a table: the amount it
// spells must be a money cell of a total row (the last such first); the
// line then comes from that cell, kept as written when its wording
// differs from the system's. Nil when no cell holds that amount.
func tableWords(t *document.Table, text string, o document.Options) *document.TableWords {
	body := strings.TrimSpace(text)
	body = strings.TrimSuffix(strings.TrimPrefix(body, "("), ")")
	if _, after, ok := strings.Cut(body, ":"); ok {
		body = after
	}
	body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(body), "./."))
	amount, err := vntext.ParseWords(body)
	if err != nil {
		return nil
	}
	unit := "đồng"
	low := vntext.Lower(t.Unit)
	for _, u := range []string{"nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng"} {
		if strings.Contains(low, u) {
			unit = u
		}
	}
	mu, ok := vntext.LookupMoneyUnit(unit)
	if !ok {
		return nil
	}
	calc := compose.CalcTable(t)
	for r := len(t.Rows) - 1; r >= 0; r-- {
		if t.Rows[r].Kind != document.RowTotal || calc.Cells[r] == nil {
			continue
		}
		for j := len(calc.Leaves) - 1; j >= 0; j-- {
			c := calc.Cells[r][j]
			if c.Num == nil || !compose.SummedColumn(calc.Leaves[j]) || *c.Num < 0 || *c.Num != math.Trunc(*c.Num) {
				continue
			}
			if d, fits := mu.InDong(int64(*c.Num)); !fits || d != amount {
				continue
			}
			w := &document.TableWords{Row: rowID(t, r), Unit: unitIf(unit), Column: keyOf(calc.Leaves, j)}
			if got, err := compose.TableWords(w, compose.CalcTable(t), o); err != nil || got != strings.TrimSpace(text) {
				w.Text = strings.TrimSpace(text)
			}
			return w
		}
	}
	return nil
}

func unitIf(u string) string {
	if u == "đồng" {
		return ""
	}
	return u
}

// tableCounts counts a table's section rows, total rows and formulas.
func tableCounts(t *document.Table) (sec, tot, f int) {
	for _, r := range t.Rows {
		switch r.Kind {
		case document.RowSection:
			sec++
		case document.RowTotal:
			tot++
		}
		if r.Formula != nil {
			f++
		}
	}
	for _, l := range leafPtrs(t.Columns) {
		if l.Formula != nil {
			f++
		}
	}
	return sec, tot, f
}
