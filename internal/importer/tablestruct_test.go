package importer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
)

// grid builds text rows from "a | b | c" lines (the first is the header).
func grid(lines ...string) [][]string {
	var out [][]string
	for _, l := range lines {
		cells := strings.Split(l, "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		out = append(out, cells)
	}
	return out
}

const duToanHead = "TT | Nội dung | Số lượng | Định mức | Mức chi | Thành tiền"

// TestTableStructure: sections, totals and formulas are read only where
// the numbers agree; where they do not, the values stay as written and no
// formula is invented. Each case has its agreeing and its broken twin.
func TestTableStructure(t *testing.T) {
	cases := []struct {
		name string
		rows [][]string
		// want is a summary of the structure: row kinds in order, then
		// the formulas (see structureOf).
		want string
	}{
		{"dự toán: sections, product, 07 năm, sum of named rows", grid(duToanHead,
			"1 | Xây dựng đề thi |  |  |  | 9.000.000",
			" | Ra đề | 10 |  | 500.000 | 5.000.000",
			" | Thẩm định | 4 | 2 | 500.000 | 4.000.000",
			"2 | Chung kết |  |  |  | 6.000.000",
			" | Giải nhất | 1 |  | 6.000.000 | 6.000.000",
			"Tổng kinh phí 01 năm |  |  |  |  | 15.000.000",
			"Tổng kinh phí 07 năm |  |  |  |  | 105.000.000",
			"3 | Tổng kết |  |  |  | 2.000.000",
			" | Hội nghị | 1 |  | 2.000.000 | 2.000.000",
			"Tổng cộng |  |  |  |  | 107.000.000"),
			"s d d s d t t:times7 s d t:sum2 | Thành tiền=product(sl,dm,mc) | no_sum: Số lượng Định mức Mức chi"},
		{"a line that is not its product: no formula, numbers kept", grid(duToanHead,
			" | Ra đề | 10 |  | 500.000 | 5.000.000",
			" | Thẩm định | 4 | 2 | 500.000 | 3.000.000",
			"Tổng cộng |  |  |  |  | 8.000.000"),
			"d d t | no_sum: Số lượng Định mức Mức chi"},
		{"a section that is not the sum of its lines is a line", grid(duToanHead,
			"1 | Xây dựng đề thi |  |  |  | 9.000.000",
			" | Ra đề | 10 |  | 500.000 | 5.000.000",
			"2 | Chung kết |  |  |  | 6.000.000",
			" | Giải nhất | 1 |  | 6.000.000 | 6.000.000"),
			"d d s d | Thành tiền=product(sl,mc) | no_sum: Số lượng Mức chi"},
		{"07 năm that is not 7 × the year stays a printed row", grid(duToanHead,
			" | Ra đề | 10 |  | 500.000 | 5.000.000",
			"Tổng kinh phí 01 năm |  |  |  |  | 5.000.000",
			"Tổng kinh phí 07 năm |  |  |  |  | 34.000.000"),
			"d t d | Thành tiền=product(sl,mc) | no_sum: Số lượng Mức chi"},
		{"a reserve at 10% of the total", grid("TT | Nội dung | Kinh phí",
			"1 | Hội nghị | 8.000.000",
			"2 | Tài liệu | 2.000.000",
			"Cộng |  | 10.000.000",
			"3 | Dự phòng 10% | 1.000.000"),
			"d d t d:percent10"},
		{"a reserve that is not 10% of the total", grid("TT | Nội dung | Kinh phí",
			"1 | Hội nghị | 8.000.000",
			"2 | Tài liệu | 2.000.000",
			"Cộng |  | 10.000.000",
			"3 | Dự phòng 10% | 1.500.000"),
			"d d t d"},
		{"a total left blank where the lines have numbers prints no number", grid("TT | Nội dung | Số người | Kinh phí",
			"1 | Hội nghị | 40 | 8.000.000",
			"2 | Tài liệu | 40 | 2.000.000",
			"Tổng cộng |  |  | 10.000.000"),
			"d d t | no_sum: Số người"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rep := &Report{}
			tb := tableFromRows(tc.rows).model("/t", rep)
			if got := structureOf(tb); got != tc.want {
				t.Errorf("structure\n got %s\nwant %s", got, tc.want)
			}
			calc := compose.CalcTable(tb)
			if len(calc.Issues) > 0 {
				t.Errorf("arithmetic issues: %v", calc.Issues)
			}
			if r, ok := inventedRow(tb); ok {
				t.Errorf("row %d prints a number the source left blank", r+1)
			}
		})
	}
}

// structureOf sums up a table's rows and formulas: "s d t:times7 |
// Thành tiền=product(a,b) | no_sum: …".
func structureOf(t *document.Table) string {
	short := map[string]string{"": "d", "section": "s", "total": "t", "target": "c", "group": "g"}
	var rows []string
	for _, r := range t.Rows {
		s := short[r.Kind]
		if f := r.Formula; f != nil {
			switch {
			case f.Times > 0:
				s += ":times" + itoa(int(f.Times))
			case f.Percent > 0:
				s += ":percent" + itoa(int(f.Percent))
			case len(f.Sum) > 0:
				s += ":sum" + itoa(len(f.Sum))
			}
		}
		rows = append(rows, s)
	}
	out := strings.Join(rows, " ")
	var noSum []string
	for _, l := range leafPtrs(t.Columns) {
		if l.Formula != nil {
			b, _ := json.Marshal(l.Formula.Product)
			out += " | " + l.Title + "=product(" + strings.NewReplacer(`"`, "", "[", "", "]", "").Replace(string(b)) + ")"
		}
		if l.NoSum {
			noSum = append(noSum, l.Title)
		}
	}
	if len(noSum) > 0 {
		out += " | no_sum: " + strings.Join(noSum, " ")
	}
	return out
}

// TestColumnKinds: identifiers stay codes printed as written, rates
// written with "%" are percent, amounts under a money title are money,
// dates are dates; padded counts and row numbers stay text.
func TestColumnKinds(t *testing.T) {
	cases := []struct {
		name string
		rows [][]string
		want string
	}{
		{"industry code and citizen ID", grid("TT | Tên | Mã ngành | Số CCCD", "1 | A | 6810 | 015079004234", "2 | B | 4610 | 015079004235"), "ttcc"},
		{"a five-digit unit code", grid("TT | Mã ĐVHC | Đơn vị", "1 | 00880 | X", "2 | 00883 | Y"), "tct"},
		{"rate with its sign", grid("TT | Đơn vị | Tỉ lệ", "1 | X | 64,3%", "2 | Y | 12,0%"), "ttp"},
		{"money and number", grid("TT | Nội dung | Số lượng | Thành tiền", "1 | X | 2 | 2.000.000", "2 | Y | 3 | 3.000.000"), "ttnm"},
		{"dates", grid("TT | Việc | Ngày", "1 | X | 12/3/2026", "2 | Y | 01/4/2026"), "ttd"},
		{"padded counts are no code", grid("TT | Đơn vị | Số vụ", "1 | X | 00", "2 | Y | 05"), "ttt"},
		{"row numbers 01, 02 are no code", grid("TT | Đơn vị", "01 | X", "02 | Y"), "tt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tb := tableFromRows(tc.rows).model("/t", &Report{})
			var got strings.Builder
			for _, l := range leafPtrs(tb.Columns) {
				got.WriteByte(map[string]byte{"text": 't', "number": 'n', "money": 'm', "percent": 'p', "code": 'c', "date": 'd'}[compose.ColumnKind(l)])
			}
			if got.String() != tc.want {
				t.Errorf("kinds %s, want %s", got.String(), tc.want)
			}
		})
	}
	// A rate keeps the decimals it was written with.
	tb := tableFromRows(grid("TT | Đơn vị | Tỉ lệ", "1 | X | 12,0%")).model("/t", &Report{})
	if b, _ := json.Marshal(tb.Rows[0].Cells[2]); string(b) != "12.0" {
		t.Errorf("12,0%% reads %s, want 12.0", b)
	}
}

// TestHeaderStraddle: a header cell over two grid columns, one of them a
// sliver at a group's edge, belongs to the group it mostly covers (corpus
// 18: "Điểm số" of Bình Thuận over a 7-twip column of Đắk Nông); without
// widths, to the group holding its middle column.
func TestHeaderStraddle(t *testing.T) {
	cell := func(text string, span int) docxread.Cell {
		return docxread.Cell{Span: span, Blocks: []docxread.Block{{Para: &docxread.Paragraph{Runs: []docxread.Run{{Text: text}}}}}}
	}
	rows := []docxread.Row{
		{Header: true, Cells: []docxread.Cell{cell("A", 3), cell("B", 3)}},
		{Header: true, Cells: []docxread.Cell{cell("a1", 1), cell("a2", 1), cell("b1", 2), cell("b2", 1), cell("b3", 1)}},
		{Cells: []docxread.Cell{cell("1", 1), cell("2", 1), cell("3", 2), cell("4", 1), cell("5", 1)}},
	}
	for _, tc := range []struct {
		name string
		grid []int
		want string
	}{
		{"a sliver column", []int{800, 800, 7, 800, 800, 800}, "A(a1 a2) B(b1 b2 b3)"},
		{"no widths", nil, "A(a1 a2) B(b1 b2 b3)"},
		{"a wide column", []int{800, 800, 1600, 7, 800, 800}, "A(a1 a2 b1) B(b2 b3)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rt := tableFromDOCX(&docxread.Table{Rows: rows, Grid: tc.grid})
			var b strings.Builder
			for i, c := range rt.columns {
				if i > 0 {
					b.WriteString(" ")
				}
				b.WriteString(c.Title + "(")
				for k, ch := range c.Children {
					if k > 0 {
						b.WriteString(" ")
					}
					b.WriteString(ch.Title)
				}
				b.WriteString(")")
			}
			if b.String() != tc.want {
				t.Errorf("columns %s, want %s", b.String(), tc.want)
			}
		})
	}
}
