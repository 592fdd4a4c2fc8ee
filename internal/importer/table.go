package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
	"github.com/vanban/vanban/internal/vntext"
)

// rawTable is a grid before its meaning is decided: the column tree (titles
// only) and the data rows as printed, each cell with its horizontal span.
type rawTable struct {
	columns []document.Column
	rows    [][]rawCell
	// indexRow: a "(1) (2) (3)" row followed the header.
	indexRow bool
	// guessedGroups: the header's grouping could not be read from the
	// source (flattened text) and was spread evenly.
	guessedGroups bool
	// reformatted: numbers written otherwise than the model prints them
	// ("99,00" prints 99), set by model for the report.
	reformatted []string
	// numeric: the leaf columns model made numeric, for the audit.
	numeric []bool
}

type rawCell struct {
	text string
	span int
}

// maxColumns bounds a table read from an upload.
const maxColumns = 200

// tableFromDOCX reads the header rows (rows before the first row holding a
// number, with gridSpan and vMerge) into a column tree and the rest as
// rows.
func tableFromDOCX(t *docxread.Table) *rawTable {
	rows := t.Rows
	h := headerRows(rows)
	rt := &rawTable{}
	grid := gridRows(rows[:h])
	rt.columns = buildColumns(grid, 0, 0, gridWidth(grid))
	for _, r := range rows[h:] {
		var cells []rawCell
		for i := range r.Cells {
			c := &r.Cells[i]
			txt := c.Text()
			if c.Merge == docxread.MergeContinue {
				txt = ""
			}
			cells = append(cells, rawCell{text: txt, span: c.Span})
		}
		if isIndexRow(cells) && len(rt.rows) == 0 {
			rt.indexRow = true
			continue
		}
		rt.rows = append(rt.rows, cells)
	}
	return rt
}

// headerRows decides how many leading rows are the table's header. Rows
// Word repeats on each page (w:tblHeader) are the header as the author
// marked it. Otherwise the first row is, and the rows under it only while
// the row above has a cell spanning columns or opening a vertical merge
// (a two-level header: "Kết quả" over "Điểm | Xếp hạng") and the row is
// not data (a number outside the first cell).
func headerRows(rows []docxread.Row) int {
	h := 0
	for h < len(rows) && rows[h].Header {
		h++
	}
	if h > 0 {
		if h == len(rows) {
			h = 1 // a table marked header throughout: only the first row
		}
		return h
	}
	if len(rows) == 0 {
		return 0
	}
	h = 1
	for h < len(rows) && h < 4 && groups(rows[h-1]) && !dataRow(rows[h]) {
		h++
	}
	return h
}

// groups: the row has a cell over several columns or over the row below.
func groups(r docxread.Row) bool {
	for i := range r.Cells {
		if r.Cells[i].Span > 1 || r.Cells[i].Merge == docxread.MergeRestart {
			return true
		}
	}
	return false
}

// codeTitleRE: a column whose figures identify rather than count ("Mã
// số", "Mã ngành" 6810, "Số hiệu", "Số CCCD", "Điện thoại", "Số tài
// khoản", "Năm sinh"): kept as text, never summed.
var codeTitleRE = regexp.MustCompile(`(?i)^\s*(?:mã\b|mã số|số hiệu|ký hiệu|số cccd|số cmnd|cccd|cmnd|số định danh|điện thoại|số điện thoại|sđt|số tài khoản|tài khoản|năm sinh|mã ngành|mã số thuế|mst)`)

var indexCellRE = regexp.MustCompile(`^\(\d+\)$`)

func isIndexRow(cells []rawCell) bool {
	if len(cells) < 2 {
		return false
	}
	for _, c := range cells {
		if !indexCellRE.MatchString(strings.TrimSpace(c.text)) {
			return false
		}
	}
	return true
}

// dataRow: a row with a number in a cell other than the first (the first
// is often a row number in a header-less layout).
func dataRow(r docxread.Row) bool {
	for i := range r.Cells {
		if i == 0 {
			continue
		}
		if _, ok := parseCellNumber(r.Cells[i].Text()); ok {
			return true
		}
	}
	return false
}

type gridCell struct {
	text   string
	lo, hi int // grid columns [lo, hi)
	cont   bool
}

func gridRows(rows []docxread.Row) [][]gridCell {
	var out [][]gridCell
	for _, r := range rows {
		var g []gridCell
		col := 0
		for i := range r.Cells {
			c := &r.Cells[i]
			span := max(c.Span, 1)
			if col+span > maxColumns {
				break
			}
			g = append(g, gridCell{text: c.Text(), lo: col, hi: col + span, cont: c.Merge == docxread.MergeContinue})
			col += span
		}
		out = append(out, g)
	}
	return out
}

func gridWidth(grid [][]gridCell) int {
	w := 0
	for _, r := range grid {
		if n := len(r); n > 0 {
			w = max(w, r[n-1].hi)
		}
	}
	return w
}

// buildColumns reads the header cells of row r inside [lo, hi): a cell with
// cells under it (that are not the vMerge continuation of itself) is a
// group; otherwise a leaf.
func buildColumns(grid [][]gridCell, r, lo, hi int) []document.Column {
	if r >= len(grid) {
		return nil
	}
	var out []document.Column
	for _, c := range grid[r] {
		if c.lo < lo || c.hi > hi {
			continue
		}
		if c.cont {
			if r == 0 {
				out = append(out, document.Column{Title: c.text})
			}
			continue
		}
		col := document.Column{Title: c.text}
		if below := buildColumns(grid, r+1, c.lo, c.hi); len(below) > 0 && !continuesBelow(grid, r+1, c) {
			col.Children = below
		}
		out = append(out, col)
	}
	return out
}

func continuesBelow(grid [][]gridCell, r int, c gridCell) bool {
	for _, b := range grid[r] {
		if b.lo == c.lo && b.hi == c.hi && b.cont {
			return true
		}
	}
	return false
}

// tableFromRows reads text rows (lists of cells): the first row is the
// header.
func tableFromRows(rows [][]string) *rawTable {
	rt := &rawTable{}
	if len(rows) == 0 {
		return rt
	}
	for _, t := range rows[0] {
		rt.columns = append(rt.columns, document.Column{Title: t})
	}
	for _, r := range rows[1:] {
		var cells []rawCell
		for _, t := range r {
			cells = append(cells, rawCell{text: t, span: 1})
		}
		rt.rows = append(rt.rows, cells)
	}
	return rt
}

// tableFromStream rebuilds a grid whose cells were extracted one per line
// with no row breaks (the seeds' "|" form). The row width comes from the
// row numbers 1, 2, 3 ... that start the data rows; a row before them
// whose label spans the leading columns ("Chỉ tiêu năm 2023", "Tổng cộng")
// is a target or total row; the cells before that are the header, whose
// last cells are the leaves. Groups above the leaves cannot be told from
// the text and are spread evenly (reported).
func tableFromStream(cells []string) *rawTable {
	start, width := -1, 0
	for i, c := range cells {
		if c != "1" {
			continue
		}
		for w := 2; w <= 60 && i+w < len(cells); w++ {
			if cells[i+w] == "2" && (i+2*w >= len(cells) || cells[i+2*w] == "3") {
				start, width = i, w
				break
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return nil
	}
	var data [][]rawCell
	for i := start; i < len(cells); i += width {
		var row []rawCell
		for j := i; j < i+width; j++ {
			t := ""
			if j < len(cells) {
				t = cells[j]
			}
			row = append(row, rawCell{text: t, span: 1})
		}
		data = append(data, row)
	}
	// Numeric leaves: columns that hold numbers in the data rows.
	numeric := 0
	for j := width - 1; j >= 1; j-- {
		if !columnNumeric(data, j) {
			break
		}
		numeric++
	}
	lead := width - numeric
	prefix := make([]string, 0, start)
	for _, c := range cells[:start] {
		if c != "" {
			prefix = append(prefix, c)
		}
	}
	rt := &rawTable{}
	// A label row just before the data: label then one value per numeric
	// leaf.
	if n := len(prefix); numeric > 0 && n > numeric {
		vals := prefix[n-numeric:]
		all := true
		for _, v := range vals {
			if _, ok := parseCellNumber(v); !ok && !isDash(v) {
				all = false
			}
		}
		if all {
			row := []rawCell{{text: prefix[n-numeric-1], span: lead}}
			for _, v := range vals {
				row = append(row, rawCell{text: v, span: 1})
			}
			data = append([][]rawCell{row}, data...)
			prefix = prefix[:n-numeric-1]
		}
	}
	if len(prefix) < width {
		// Not enough header cells for the columns: number the rest.
		for len(prefix) < width {
			prefix = append(prefix, "Cột "+strconv.Itoa(len(prefix)+1))
		}
	}
	leaves := prefix[len(prefix)-numeric:]
	leading := prefix[:lead]
	groups := prefix[lead : len(prefix)-numeric]
	for _, t := range leading {
		rt.columns = append(rt.columns, document.Column{Title: t})
	}
	leafCols := make([]document.Column, len(leaves))
	for i, t := range leaves {
		leafCols[i] = document.Column{Title: t}
	}
	switch {
	case len(groups) == 0:
		rt.columns = append(rt.columns, leafCols...)
	case len(groups) == 1:
		rt.columns = append(rt.columns, document.Column{Title: groups[0], Children: leafCols})
	default:
		// One cell over all the leaves, then groups partitioning them.
		top, rest := groups[0], groups[1:]
		if len(rest) > len(leafCols) {
			rest = rest[:len(leafCols)]
		}
		var mid []document.Column
		k := 0
		for i, g := range rest {
			n := len(leafCols) / len(rest)
			if i < len(leafCols)%len(rest) {
				n++
			}
			mid = append(mid, document.Column{Title: g, Children: leafCols[k : k+n]})
			k += n
		}
		rt.columns = append(rt.columns, document.Column{Title: top, Children: mid})
		rt.guessedGroups = true
	}
	rt.rows = data
	return rt
}

func columnNumeric(rows [][]rawCell, j int) bool {
	nums := 0
	for _, r := range rows {
		if j >= len(r) {
			continue
		}
		t := strings.TrimSpace(r[j].text)
		if _, ok := parseCellNumber(t); ok {
			nums++
			continue
		}
		if t != "" && !isDash(t) {
			return false
		}
	}
	return nums > 0
}

func isDash(s string) bool { s = strings.TrimSpace(s); return s == "-" || s == "–" }

// parseCellNumber reads a printed number: Vietnamese grouping ("3.190",
// "12,5") or a bare integer.
//
// A figure written with a leading zero ("00", "05") or ten digits and more
// without grouping (a citizen ID, an account, a phone number) is a code,
// not a quantity: it is kept as text, so it prints as written.
func parseCellNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r != 'đ' && r != 'Đ' }) {
		return 0, false
	}
	if codeLike(s) {
		return 0, false
	}
	f, err := vntext.ParseNumber(s)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// model turns a raw table into the model: numeric leaves, the label rows
// (total, target), the sum column. Totals and sums are kept only when the
// numbers agree, so an import never produces a table the validator rejects
// for arithmetic it did not write.
func (rt *rawTable) model(path string, rep *Report) *document.Table {
	t := &document.Table{Columns: rt.columns, IndexRow: rt.indexRow}
	leaves := leafPtrs(t.Columns)
	n := len(leaves)
	if n == 0 {
		return nil
	}
	// Expand each row to the grid.
	type prow struct {
		cells []string
		label string // set when the first cell spans several columns
		span  int
	}
	var rows []prow
	for _, r := range rt.rows {
		var p prow
		for i, c := range r {
			span := max(c.span, 1)
			if i == 0 && span > 1 {
				p.label, p.span = strings.TrimSpace(c.text), span
			}
			p.cells = append(p.cells, strings.TrimSpace(c.text))
			for k := 1; k < span; k++ {
				p.cells = append(p.cells, "")
			}
		}
		for len(p.cells) < n {
			p.cells = append(p.cells, "")
		}
		p.cells = p.cells[:n]
		rows = append(rows, p)
	}
	// Numeric leaves: numbers, dashes and blanks in every row, at least one
	// number, and not a row-number column (1, 2, 3 ...).
	numeric := make([]bool, n)
	lead := n
	for j := 0; j < n; j++ {
		nums, ok := 0, true
		seq := true
		for _, r := range rows {
			// A label spanning the row (a group row) or the leading
			// columns of a total or target row says nothing about this
			// column; a label spanning part of the row ("Chỉ số cao nhất"
			// over the rank column) makes the column text.
			if r.span > j && (r.span >= n || labelRow(r.label)) {
				continue
			}
			c := r.cells[j]
			if _, isNum := parseCellNumber(c); isNum {
				nums++
				if c != strconv.Itoa(nums) {
					seq = false
				}
				continue
			}
			if c != "" {
				seq = false
			}
			if c != "" && !isDash(c) {
				ok = false
			}
		}
		title := strings.ToUpper(strings.TrimSpace(leaves[j].Title))
		numeric[j] = ok && nums > 0 && !(seq && (j == 0 || title == "TT" || title == "STT")) && !codeTitleRE.MatchString(leaves[j].Title)
		if numeric[j] && !printsAsWritten(rows, j, func(r prow) []string { return r.cells }) {
			// "99,00" would print 99: the model keeps no decimal places
			// per column, so the column stays text and prints as written.
			numeric[j] = false
			rep.guessed(path, fmt.Sprintf("Cột %q có số ghi kèm số 0 thập phân (như \"99,00\"): giữ dạng chữ để in đúng như bản gốc, không tính tổng.", leaves[j].Title),
				fmt.Sprintf("column %q writes numbers with trailing decimal zeros (like \"99,00\"): kept as text so it prints as written, no totals", leaves[j].Title))
		}
		if numeric[j] && lead == n {
			lead = j
		}
	}
	rt.numeric = numeric
	for j := range leaves {
		leaves[j].Numeric = numeric[j]
	}
	// Data sums per numeric column, for total rows and target checks.
	for _, r := range rows {
		row := document.Row{}
		label := r.label
		if label == "" && lead > 0 && lead < n {
			label = leadLabel(r.cells[:lead])
		}
		kind := ""
		if lead < n && label != "" && (r.span == lead || leadOnlyLabel(r.cells[:lead])) {
			switch low := vntext.Lower(label); {
			case strings.HasPrefix(low, "tổng") || strings.HasPrefix(low, "cộng"):
				kind = document.RowTotal
			case strings.HasPrefix(low, "chỉ tiêu") || strings.HasPrefix(low, "kế hoạch"):
				kind = document.RowTarget
			}
		}
		if kind != "" {
			row.Kind, row.Label = kind, label
			for j := lead; j < n; j++ {
				row.Cells = append(row.Cells, cell(r.cells[j], numeric[j]))
			}
		} else {
			for j := 0; j < n; j++ {
				row.Cells = append(row.Cells, cell(r.cells[j], numeric[j]))
			}
		}
		for j, c := range r.cells {
			if f, ok := parseCellNumber(c); ok && j < n && numeric[j] && strings.Join(words(c), " ") != strings.Join(words(printedNumber(f)), " ") {
				rt.reformatted = append(rt.reformatted, c)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	// A total row must be the column sums; otherwise it is kept as a
	// printed row and reported.
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Kind != document.RowTotal {
			continue
		}
		if !totalAgrees(t, r, lead) {
			r.Kind = ""
			cells := []document.Cell{{Str: r.Label}}
			for j := 1; j < lead; j++ {
				cells = append(cells, document.Cell{Null: true})
			}
			r.Cells = append(cells, r.Cells...)
			r.Label = ""
			rep.guessed(path, "Dòng tổng cộng không khớp với tổng các cột: giữ như một dòng thường.", "the total row does not match the column sums: kept as an ordinary row")
		}
	}
	// Sum column: titled as a total and equal to the row's other numbers.
	for j := range leaves {
		title := vntext.Lower(strings.TrimSpace(leaves[j].Title))
		if !numeric[j] || !(strings.HasPrefix(title, "tổng") || strings.HasPrefix(title, "cộng")) {
			continue
		}
		if sumColumnAgrees(t, numeric, lead, j) {
			leaves[j].Sum = true
		} else {
			rep.guessed(path, "Cột tổng không bằng tổng các cột số: không đánh dấu là cột tổng.", "the total column does not add up: not marked as a sum column")
		}
	}
	if rt.guessedGroups {
		rep.guessed(path+"/columns", "Không đọc được cách gộp tiêu đề cột từ văn bản: các nhóm được chia đều, cần kiểm tra.",
			"the grouping of the column headers cannot be read from text: groups were spread evenly, check them")
	}
	return t
}

func leadLabel(cells []string) string {
	for _, c := range cells {
		if c != "" {
			if _, ok := parseCellNumber(c); !ok {
				return c
			}
		}
	}
	return ""
}

// leadOnlyLabel: the leading cells hold only the label (the others blank).
func leadOnlyLabel(cells []string) bool {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n == 1
}

func cell(s string, numeric bool) document.Cell {
	if s == "" {
		return document.Cell{Null: true}
	}
	if numeric {
		if f, ok := parseCellNumber(s); ok {
			return document.NumCell(f)
		}
	}
	return document.Cell{Str: s}
}

func cellValue(c document.Cell) float64 {
	if c.Num != nil {
		return *c.Num
	}
	return 0
}

func totalAgrees(t *document.Table, total *document.Row, lead int) bool {
	for k, c := range total.Cells {
		if c.Num == nil {
			continue
		}
		j := lead + k
		sum := 0.0
		for _, r := range t.Rows {
			if r.Kind != "" {
				continue
			}
			if j < len(r.Cells) {
				sum += cellValue(r.Cells[j])
			}
		}
		if math.Abs(sum-*c.Num) > 1e-6 {
			return false
		}
	}
	return true
}

func sumColumnAgrees(t *document.Table, numeric []bool, lead, j int) bool {
	for _, r := range t.Rows {
		off := 0
		if r.Kind != "" {
			off = lead
		}
		at := func(k int) (document.Cell, bool) {
			if k-off < 0 || k-off >= len(r.Cells) {
				return document.Cell{}, false
			}
			return r.Cells[k-off], true
		}
		s, ok := at(j)
		if !ok || s.Num == nil {
			continue
		}
		sum := 0.0
		for k := range numeric {
			if numeric[k] && k != j {
				if c, ok := at(k); ok {
					sum += cellValue(c)
				}
			}
		}
		if math.Abs(sum-*s.Num) > 1e-6 {
			return false
		}
	}
	return true
}

func leafPtrs(cols []document.Column) []*document.Column {
	var out []*document.Column
	for i := range cols {
		if len(cols[i].Children) == 0 {
			out = append(out, &cols[i])
		} else {
			out = append(out, leafPtrs(cols[i].Children)...)
		}
	}
	return out
}

// text is the table's printed words for the import audit: column titles
// and cells, a number written as the model stores it ("3.190" → 3190), so
// that the audit compares like with like.
func (rt *rawTable) text() string {
	var b strings.Builder
	var cols func(cs []document.Column)
	cols = func(cs []document.Column) {
		for _, c := range cs {
			b.WriteString(c.Title + " ")
			cols(c.Children)
		}
	}
	cols(rt.columns)
	for _, r := range rt.rows {
		j := 0
		for _, c := range r {
			t := strings.TrimSpace(c.text)
			if f, ok := parseCellNumber(t); ok && (rt.numeric == nil || (j < len(rt.numeric) && rt.numeric[j])) {
				t = printedNumber(f)
			}
			b.WriteString(t + " ")
			j += max(c.span, 1)
		}
	}
	return b.String()
}

// codeLike: digits that identify rather than count (see parseCellNumber).
func codeLike(s string) bool {
	digits := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		digits++
	}
	return digits >= 10 || (digits > 1 && s[0] == '0')
}

// labelRow: a total or target row's label ("Tổng cộng", "Chỉ tiêu năm
// 2025").
func labelRow(label string) bool {
	low := vntext.Lower(label)
	return strings.HasPrefix(low, "tổng") || strings.HasPrefix(low, "cộng") || strings.HasPrefix(low, "chỉ tiêu") || strings.HasPrefix(low, "kế hoạch")
}

// printsAsWritten: every number of column j prints back with the same
// words it was written with.
func printsAsWritten[R any](rows []R, j int, cells func(R) []string) bool {
	for _, r := range rows {
		cs := cells(r)
		if j >= len(cs) {
			continue
		}
		if f, ok := parseCellNumber(cs[j]); ok && strings.Join(words(cs[j]), " ") != strings.Join(words(printedNumber(f)), " ") {
			return false
		}
	}
	return true
}
