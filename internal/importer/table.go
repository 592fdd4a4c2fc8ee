package importer

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/compose"
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
	// rows is the number of rows a vertically merged cell covers (vMerge
	// restart and its continuations), 0 or 1 when not merged.
	rows int
	// bold: every run of the cell is bold (a section row's mark).
	bold bool
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
	// The column-number row ("(1) (2) (3)", "1 2 3") is often marked as a
	// repeated header row with the titles above it (vanban writes it so):
	// it numbers the columns and is not a header level.
	if h > 1 && isIndexRow(docxCells(rows[h-1])) {
		h--
		rt.indexRow = true
		rows = append(rows[:h:h], rows[h+1:]...)
	}
	grid := gridRows(rows[:h], t.Grid)
	rt.columns = buildColumns(grid, 0, 0, gridWidth(grid))
	var starts []int
	leafStarts(grid, 0, 0, gridWidth(grid), &starts)
	data := rows[h:]
	for ri, r := range data {
		cells := docxCells(r)
		if isIndexRow(cells) && len(rt.rows) == 0 && !rt.indexRow {
			rt.indexRow = true
			continue
		}
		lo := 0
		var out []rawCell
		for i := range r.Cells {
			span := max(r.Cells[i].Span, 1)
			if r.Cells[i].Merge == docxread.MergeRestart {
				cells[i].rows = mergedRows(data[ri+1:], lo)
			}
			// A word processor may split a leaf over several grid columns
			// (LibreOffice does when widths differ between rows): a cell
			// spans the leaves that start under it.
			n := 0
			for _, st := range starts {
				if st >= lo && st < lo+span {
					n++
				}
			}
			lo += span
			switch {
			case n > 0 || len(starts) == 0:
				if len(starts) > 0 {
					cells[i].span = n
				}
				out = append(out, cells[i])
			case len(out) > 0:
				// It starts inside the previous leaf: one printed cell.
				out[len(out)-1].text = strings.TrimSpace(out[len(out)-1].text + " " + cells[i].text)
			default:
				out = append(out, cells[i])
			}
		}
		rt.rows = append(rt.rows, out)
	}
	return rt
}

// leafStarts lists the grid column where each leaf of the header starts,
// in the order buildColumns reads the leaves.
func leafStarts(grid [][]gridCell, r, lo, hi int, out *[]int) {
	if r >= len(grid) {
		return
	}
	for _, c := range grid[r] {
		if c.mid < lo || c.mid >= hi {
			continue
		}
		if c.cont {
			if r == 0 {
				*out = append(*out, c.lo)
			}
			continue
		}
		before := len(*out)
		if r+1 < len(grid) && !continuesBelow(grid, r+1, c) {
			leafStarts(grid, r+1, c.lo, c.hi, out)
		}
		if len(*out) == before {
			*out = append(*out, c.lo)
		}
	}
}

// docxCells reads a row's cells as printed: a vMerge continuation is
// blank (its text belongs to the cell above).
func docxCells(r docxread.Row) []rawCell {
	var cells []rawCell
	for i := range r.Cells {
		c := &r.Cells[i]
		txt := c.Text()
		if c.Merge == docxread.MergeContinue {
			txt = ""
		}
		cells = append(cells, rawCell{text: txt, span: c.Span, bold: boldCell(c)})
	}
	return cells
}

// mergedRows counts the rows a vMerge restart cell at grid column lo
// covers: itself and the continuations under it.
func mergedRows(below []docxread.Row, lo int) int {
	n := 1
	for _, r := range below {
		at := 0
		cont := false
		for i := range r.Cells {
			if at == lo {
				cont = r.Cells[i].Merge == docxread.MergeContinue
				break
			}
			at += max(r.Cells[i].Span, 1)
			if at > lo {
				break
			}
		}
		if !cont {
			break
		}
		n++
	}
	return n
}

// boldCell: the cell has text and every run of it is bold.
func boldCell(c *docxread.Cell) bool {
	any := false
	for _, b := range c.Blocks {
		if b.Para == nil {
			continue
		}
		for _, r := range b.Para.Runs {
			if strings.TrimSpace(r.Text) == "" {
				continue
			}
			if !r.Bold {
				return false
			}
			any = true
		}
	}
	return any
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

// isIndexRow: a column-number row, "(1) (2) (3)" or "1 2 3 ... n" (each
// cell its own column's number).
func isIndexRow(cells []rawCell) bool {
	if len(cells) < 2 {
		return false
	}
	paren, seq := true, true
	for i, c := range cells {
		t := strings.TrimSpace(c.text)
		paren = paren && indexCellRE.MatchString(t)
		seq = seq && max(c.span, 1) == 1 && t == strconv.Itoa(i+1)
	}
	return paren || (seq && len(cells) >= 3)
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
	// mid is the grid column under the cell's middle (by the grid's
	// widths when known): the group a header cell belongs to, also when
	// it straddles the group's edge by a sliver of a column.
	mid int
}

func gridRows(rows []docxread.Row, widths []int) [][]gridCell {
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
			g = append(g, gridCell{text: c.Text(), lo: col, hi: col + span, cont: c.Merge == docxread.MergeContinue, mid: middle(col, col+span, widths)})
			col += span
		}
		out = append(out, g)
	}
	return out
}

// middle is the grid column holding the middle of columns [lo, hi),
// weighted by widths (a column without a width weighs as the others on
// average).
func middle(lo, hi int, widths []int) int {
	w := func(i int) float64 {
		if i < len(widths) && widths[i] > 0 {
			return float64(widths[i])
		}
		return 1000
	}
	total := 0.0
	for i := lo; i < hi; i++ {
		total += w(i)
	}
	at := 0.0
	for i := lo; i < hi; i++ {
		at += w(i)
		if at > total/2 {
			return i
		}
	}
	return lo
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
		if c.mid < lo || c.mid >= hi {
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

// prow is a raw row spread over the leaf columns: one cell per leaf.
type prow struct {
	cells []string
	label string // set when the first cell spans several columns
	span  int
	// bold: every written cell of the row is bold.
	bold bool
	// spans are the row's merged cells by leaf column (gridSpan over
	// data, vMerge down the rows).
	spans []document.Span
}

// model turns a raw table into the model: numeric leaves and their kinds,
// the label rows (total, target, group), merged cells, then the structure
// the numbers prove (structure: sections, totals, formulas, not-summed
// columns). Totals, sums and formulas are kept only when the numbers
// agree, so an import never produces a table the validator rejects for
// arithmetic it did not write, nor prints a number the source did not.
func (rt *rawTable) model(path string, rep *Report) *document.Table {
	t := &document.Table{Columns: rt.columns, IndexRow: rt.indexRow}
	leaves := leafPtrs(t.Columns)
	n := len(leaves)
	if n == 0 {
		return nil
	}
	var rows []prow
	for _, r := range rt.rows {
		var p prow
		bold, written := true, 0
		for i, c := range r {
			span := max(c.span, 1)
			at := len(p.cells)
			if i == 0 && span > 1 {
				p.label, p.span = strings.TrimSpace(c.text), span
			}
			if (span > 1 && i > 0) || c.rows > 1 {
				p.spans = append(p.spans, document.Span{Col: at, Cols: spanCount(span), Rows: spanCount(c.rows)})
			}
			if strings.TrimSpace(c.text) != "" {
				written++
				bold = bold && c.bold
			}
			p.cells = append(p.cells, strings.TrimSpace(c.text))
			for k := 1; k < span; k++ {
				p.cells = append(p.cells, "")
			}
		}
		p.bold = bold && written > 0
		for len(p.cells) < n {
			p.cells = append(p.cells, "")
		}
		p.cells = p.cells[:n]
		rows = append(rows, p)
	}
	// Numeric leaves: numbers, dashes and blanks in every row, at least one
	// number, and not a row-number column (1, 2, 3 ...). A column whose
	// numbers all carry "%" ("64,3%") is a rate.
	numeric := make([]bool, n)
	percent := make([]bool, n)
	lead := n
	for j := 0; j < n; j++ {
		nums, pcts, ok := 0, 0, true
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
			if _, isPct := parsePercent(c); isPct {
				nums++
				pcts++
				seq = false
				continue
			}
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
		// A TT/STT column numbers the rows, even when each group restarts
		// at 1.
		numeric[j] = ok && nums > 0 && !(seq && (j == 0 || title == "TT" || title == "STT")) && !compose.IsIndexColumn(title) && !codeTitleRE.MatchString(leaves[j].Title)
		percent[j] = numeric[j] && pcts == nums
		if numeric[j] && pcts > 0 && pcts < nums {
			numeric[j] = false // some with "%", some without: as written
		}
		if numeric[j] && !percent[j] && !printsAsWritten(rows, j, func(r prow) []string { return r.cells }) {
			// "1234" would print "1.234", "99,00" is a score written to a
			// fixed precision: the column stays text and prints as
			// written.
			numeric[j] = false
			rep.guessed(path, fmt.Sprintf("Cột %q có số viết khác cách hệ thống in (như \"1234\" in là \"1.234\", \"99,00\" in là \"99\"): giữ dạng chữ để in đúng như bản gốc, không tính tổng.", leaves[j].Title),
				fmt.Sprintf("column %q writes numbers otherwise than the system prints them (like \"1234\" printing \"1.234\", \"99,00\" printing \"99\"): kept as text so it prints as written, no totals", leaves[j].Title))
		}
		if numeric[j] && lead == n {
			lead = j
		}
	}
	rt.numeric = numeric
	for j := range leaves {
		leaves[j].Kind = ""
		leaves[j].Numeric = false
		switch {
		case percent[j]:
			leaves[j].Kind = document.ColPercent
		case numeric[j] && moneyTitleRE.MatchString(leaves[j].Title):
			leaves[j].Kind = document.ColMoney
		case numeric[j]:
			leaves[j].Numeric = true
		case codeColumn(rows, j, leaves[j].Title):
			leaves[j].Kind = document.ColCode
		case dateColumn(rows, j):
			leaves[j].Kind = document.ColDate
		}
	}
	// The rows: total and target rows by their label, a row of one cell
	// across the table as a group heading, the others as data.
	groupOK := n > 1
	for _, r := range rows {
		row := document.Row{}
		label := r.label
		if label == "" && lead > 0 && lead < n {
			label = leadLabel(r.cells[:lead])
		}
		kind := ""
		if lead < n && label != "" && (r.span == lead || leadOnlyLabel(r.cells[:lead])) {
			switch low := vntext.Lower(label); {
			case totalLabel(low):
				kind = document.RowTotal
			case strings.HasPrefix(low, "chỉ tiêu") || strings.HasPrefix(low, "kế hoạch"):
				kind = document.RowTarget
			}
		}
		switch {
		case r.span >= n && groupOK && r.label != "" && kind == "":
			row.Kind, row.Label = document.RowGroup, r.label
		case kind != "":
			row.Kind, row.Label = kind, label
			for j := lead; j < n; j++ {
				row.Cells = append(row.Cells, cell(r.cells[j], numeric[j]))
			}
		default:
			for j := 0; j < n; j++ {
				row.Cells = append(row.Cells, cell(r.cells[j], numeric[j]))
			}
			if r.span > 1 && r.span < n {
				row.Spans = append(row.Spans, document.Span{Col: 0, Cols: r.span})
			}
			row.Spans = append(row.Spans, r.spans...)
		}
		t.Rows = append(t.Rows, row)
	}
	fitSpans(t, n, path, rep)
	rt.structure(t, rows, path, rep)
	for _, r := range rows {
		for j, c := range r.cells {
			if f, ok := parseCellNumber(c); ok && j < n && numeric[j] && !percent[j] && strings.Join(words(c), " ") != strings.Join(words(printedAs(c, f)), " ") {
				rt.reformatted = append(rt.reformatted, c)
			}
		}
	}
	// Sum column: a top-level column titled as a total and equal to the
	// row's other numbers (validate adds a top-level sum column's row).
	for i := range t.Columns {
		col := &t.Columns[i]
		title := vntext.Lower(strings.TrimSpace(col.Title))
		if len(col.Children) > 0 || !compose.SummedColumn(col) || !(strings.HasPrefix(title, "tổng") || strings.HasPrefix(title, "cộng")) {
			continue
		}
		j := slices.Index(leaves, col)
		col.Sum = true
		if !sumColumnAgrees(t, leaves, j) || !tableAgrees(t) || invents(t) {
			col.Sum = false
			rep.guessed(path, "Cột tổng không bằng tổng các cột số: không đánh dấu là cột tổng.", "the total column does not add up: not marked as a sum column")
		}
	}
	if rt.guessedGroups {
		rep.guessed(path+"/columns", "Không đọc được cách gộp tiêu đề cột từ văn bản: các nhóm được chia đều, cần kiểm tra.",
			"the grouping of the column headers cannot be read from text: groups were spread evenly, check them")
	}
	return t
}

// spanCount writes a span's extent for the model: 0 (the default, one)
// when it covers one column or row.
func spanCount(n int) int {
	if n <= 1 {
		return 0
	}
	return n
}

// fitSpans keeps the merged cells the model can hold: a vertical merge
// stops before a row that is not a data row (a total or a group row closes
// it); a table whose merges still overlap or leave the grid keeps none,
// and the report says so.
func fitSpans(t *document.Table, width int, path string, rep *Report) {
	for r := range t.Rows {
		for i := range t.Rows[r].Spans {
			sp := &t.Rows[r].Spans[i]
			rows := max(sp.Rows, 1)
			for k := r + 1; k < r+rows && k < len(t.Rows); k++ {
				if t.Rows[k].Kind != document.RowData {
					rows = k - r
					break
				}
			}
			rows = min(rows, len(t.Rows)-r)
			sp.Rows = spanCount(rows)
		}
		t.Rows[r].Spans = slices.DeleteFunc(t.Rows[r].Spans, func(sp document.Span) bool { return max(sp.Cols, 1) == 1 && max(sp.Rows, 1) == 1 })
	}
	if _, _, issues := compose.TableSpans(t, width); len(issues) > 0 {
		for r := range t.Rows {
			t.Rows[r].Spans = nil
		}
		rep.guessed(path, "Các ô gộp của bảng chồng lên nhau hoặc ra ngoài bảng: bỏ gộp, mỗi ô in riêng.", "the table's merged cells overlap or leave the grid: kept unmerged, each cell printed alone")
	}
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
		if f, ok := parsePercent(s); ok {
			return numAsWritten(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), f)
		}
		if f, ok := parseCellNumber(s); ok {
			return numAsWritten(s, f)
		}
	}
	return document.Cell{Str: s}
}

// numAsWritten is a number cell that keeps the decimal places it was
// written with ("12,0" stays 12,0, "99,00" stays 99,00).
func numAsWritten(s string, f float64) document.Cell {
	c := document.NumCell(f)
	if p := writtenPrec(s); p > 0 {
		c.Raw = strconv.FormatFloat(f, 'f', p, 64)
	}
	return c
}

// writtenPrec is the number of digits after a number's decimal comma.
func writtenPrec(s string) int {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, ','); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// printedAs is how the model prints f written as s: Vietnamese grouping
// at the written precision.
func printedAs(s string, f float64) string {
	return vntext.FormatDecimal(f, writtenPrec(s))
}

// parsePercent reads a rate written with its sign: "64,3%", "12 %".
func parsePercent(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, "%") {
		return 0, false
	}
	return parseCellNumber(strings.TrimSpace(strings.TrimSuffix(s, "%")))
}

// sumColumnAgrees: in every row, the number in leaf j is the sum of the
// row's other numeric cells.
func sumColumnAgrees(t *document.Table, leaves []*document.Column, j int) bool {
	for _, r := range t.Rows {
		s, ok := sourceCell(r, j, len(leaves))
		if !ok || s.Num == nil {
			continue
		}
		sum := 0.0
		for k, l := range leaves {
			if k == j || !compose.NumericColumn(l) {
				continue
			}
			if c, ok := sourceCell(r, k, len(leaves)); ok && c.Num != nil {
				sum += *c.Num
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
				t = printedAs(t, f)
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
// words it was written with (a percent column keeps its precision; a
// number column prints a number's own digits).
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
