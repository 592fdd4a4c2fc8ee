package compose

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// duToan is a dự toán the way plans write it: sections with subtotals,
// Thành tiền = Số lượng × Định mức × Mức chi, a yearly total, a 7 ×
// yearly total, a one-off section and a grand total adding the two.
const duToan = `{
  "columns": [
    {"title": "TT"}, {"title": "Nội dung"},
    {"title": "Số lượng", "kind": "number", "key": "sl", "no_sum": true},
    {"title": "ĐVT"},
    {"title": "Định mức", "kind": "number", "key": "dm", "no_sum": true},
    {"title": "Mức chi", "kind": "money", "key": "mc", "no_sum": true},
    {"title": "Thành tiền", "kind": "money", "key": "tt", "formula": {"product": ["sl", "dm", "mc"]}}
  ],
  "rows": [
    {"kind": "section", "id": "s1", "cells": ["1", "Hội nghị", null, null, null, null, null]},
    {"cells": ["", "Đại biểu", 50, "người", null, 100000, null]},
    {"cells": ["", "Tài liệu", 50, "bộ", 2, 20000, null]},
    {"kind": "section", "id": "s2", "cells": ["2", "Kiểm tra", null, null, null, null, null]},
    {"kind": "section", "cells": ["2.1", "Cấp tỉnh", null, null, null, null, null]},
    {"cells": ["", "Công tác phí", 4, "ngày", 3, 200000, null]},
    {"kind": "section", "cells": ["2.2", "Cấp huyện", null, null, null, null, null]},
    {"cells": ["", "Xăng xe", 10, "lần", "-", 500000, null]},
    {"kind": "total", "id": "nam", "label": "Tổng kinh phí 01 năm", "cells": [null, null, null, null, null]},
    {"kind": "total", "id": "bay", "label": "Tổng kinh phí 07 năm", "formula": {"times": 7, "of": "nam"}, "cells": [null, null, null, null, null]},
    {"kind": "section", "id": "s3", "cells": ["3", "Tổng kết", null, null, null, null, null]},
    {"cells": ["", "Hội nghị tổng kết", 1, "cuộc", null, 3000000, null]},
    {"kind": "total", "id": "du", "label": "Dự phòng 10%", "formula": {"percent": 10, "of": "bay"}, "cells": [null, null, null, null, null]},
    {"kind": "total", "id": "tong", "label": "Tổng cộng", "formula": {"sum": ["bay", "s3", "du"]}, "cells": [null, null, null, null, null]}
  ],
  "words": {"row": "tong", "column": "tt"}
}`

func loadTable(t *testing.T, s string) *document.Table {
	t.Helper()
	var tb document.Table
	if err := json.Unmarshal([]byte(s), &tb); err != nil {
		t.Fatal(err)
	}
	return &tb
}

func TestCalcTableDuToan(t *testing.T) {
	tb := loadTable(t, duToan)
	calc := CalcTable(tb)
	if len(calc.Issues) != 0 {
		t.Fatalf("issues: %v", calc.Issues)
	}
	const tt = 6
	// 5.000.000 + 2.000.000; 2.400.000; 5.000.000; yearly 14.400.000.
	want := map[int]float64{
		0: 7_000_000, 1: 5_000_000, 2: 2_000_000,
		3: 7_400_000, 4: 2_400_000, 5: 2_400_000, 6: 5_000_000, 7: 5_000_000,
		8: 14_400_000, 9: 100_800_000, 10: 3_000_000, 11: 3_000_000,
		12: 10_080_000, 13: 113_880_000,
	}
	for r, w := range want {
		c := calc.Cells[r][tt]
		if c.Num == nil || *c.Num != w {
			t.Errorf("row %d Thành tiền = %+v, want %v", r+1, c, w)
		}
	}
	// Unit prices and quantities are not summed into sections or totals.
	for _, r := range []int{0, 8, 13} {
		for _, j := range []int{2, 4, 5} {
			if !calc.Cells[r][j].IsBlank() {
				t.Errorf("row %d column %d = %+v, want blank (not summed)", r+1, j+1, calc.Cells[r][j])
			}
		}
	}
	if v, ok := calc.Value("tong", "tt"); !ok || v != 113_880_000 {
		t.Errorf("Value(tong, tt) = %v, %v", v, ok)
	}
	words, err := TableWords(tb.Words, calc, document.Options{})
	if err != nil || words != "Bằng chữ: Một trăm mười ba triệu tám trăm tám mươi nghìn đồng chẵn" {
		t.Errorf("words = %q, %v", words, err)
	}
}

// givenDuToan is duToan with every computed number written in, as a
// finished document gives it.
func givenDuToan(t *testing.T) *document.Table {
	tb := loadTable(t, duToan)
	calc := CalcTable(tb)
	for r := range tb.Rows {
		tb.Rows[r].Cells = append([]document.Cell(nil), calc.Cells[r]...)
	}
	if again := CalcTable(tb); len(again.Issues) != 0 {
		t.Fatalf("given dự toán: %v", again.Issues)
	}
	return tb
}

// TestCalcTableChanged: a changed amount anywhere is reported at the cell
// whose rule it breaks, with both numbers.
func TestCalcTableChanged(t *testing.T) {
	for _, tc := range []struct {
		name       string
		row, col   int
		value      float64
		code       string
		issueRow   int
		given, wnt float64
	}{
		{"line amount", 1, 6, 5_100_000, CalcFormula, 1, 5_100_000, 5_000_000},
		{"quantity", 1, 2, 51, CalcFormula, 1, 5_000_000, 5_100_000},
		{"section subtotal", 0, 6, 7_100_000, CalcSection, 0, 7_100_000, 7_000_000},
		{"nested subtotal", 4, 6, 2_000_000, CalcSection, 4, 2_000_000, 2_400_000},
		{"yearly total", 8, 6, 14_000_000, CalcTotal, 8, 14_000_000, 14_400_000},
		{"seven years", 9, 6, 100_000_000, CalcFormula, 9, 100_000_000, 100_800_000},
		{"percent", 12, 6, 10_000_000, CalcFormula, 12, 10_000_000, 10_080_000},
		{"grand total", 13, 6, 113_000_000, CalcFormula, 13, 113_000_000, 113_880_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := givenDuToan(t)
			v := tc.value
			tb.Rows[tc.row].Cells[tc.col] = document.Cell{Num: &v}
			calc := CalcTable(tb)
			found := false
			for _, is := range calc.Issues {
				found = found || is == CalcIssue{Code: tc.code, Row: tc.issueRow, Leaf: 6, Given: tc.given, Want: tc.wnt}
			}
			if !found {
				t.Errorf("issues = %+v, want %s at row %d: %v given, %v computed", calc.Issues, tc.code, tc.issueRow, tc.given, tc.wnt)
			}
		})
	}
}

func TestCalcTableBadFormulas(t *testing.T) {
	for _, tc := range []struct {
		name, json, code string
	}{
		{"unknown row", `{"columns":[{"title":"A"},{"title":"B","numeric":true}],"rows":[{"kind":"total","label":"x","formula":{"times":2,"of":"nope"},"cells":[null]}]}`, CalcRef},
		{"unknown column", `{"columns":[{"title":"A","numeric":true,"key":"a"},{"title":"B","numeric":true,"formula":{"product":["a","zz"]}}],"rows":[{"cells":[1,null]}]}`, CalcRef},
		{"cycle", `{"columns":[{"title":"A"},{"title":"B","numeric":true}],"rows":[{"kind":"total","id":"x","label":"x","formula":{"times":2,"of":"y"},"cells":[null]},{"kind":"total","id":"y","label":"y","formula":{"times":2,"of":"x"},"cells":[null]}]}`, CalcCycle},
		{"two forms", `{"columns":[{"title":"A"},{"title":"B","numeric":true}],"rows":[{"id":"a","cells":["a",1]},{"kind":"total","label":"x","formula":{"times":2,"percent":5,"of":"a"},"cells":[null]}]}`, CalcFormKind},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calc := CalcTable(loadTable(t, tc.json))
			var codes []string
			for _, is := range calc.Issues {
				codes = append(codes, is.Code)
			}
			if len(codes) == 0 || codes[0] != tc.code {
				t.Errorf("codes = %v, want %s", codes, tc.code)
			}
		})
	}
}

func TestFormatCellKinds(t *testing.T) {
	num := func(raw string) document.Cell {
		var c document.Cell
		if err := json.Unmarshal([]byte(raw), &c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, tc := range []struct {
		col  document.Column
		cell document.Cell
		text string
		a    Align
	}{
		{document.Column{Title: "Mã", Kind: "code", Numeric: true}, num("6810"), "6810", AlignCenter},
		{document.Column{Title: "CCCD", Kind: "code"}, num(`"015079004234"`), "015079004234", AlignCenter},
		{document.Column{Title: "Số", Kind: "number"}, num("15079004234"), "15.079.004.234", AlignRight},
		{document.Column{Title: "Tỉ lệ", Kind: "percent"}, num("64.3"), "64,3%", AlignRight},
		{document.Column{Title: "Tiền", Kind: "money"}, num(`"-"`), "-", AlignRight},
		{document.Column{Title: "Ngày", Kind: "date"}, num(`"05/12/2026"`), "05/12/2026", AlignCenter},
		{document.Column{Title: "Nội dung"}, num(`"Hội nghị"`), "Hội nghị", AlignLeft},
	} {
		got := formatCell(tc.cell, leaf{col: &tc.col})
		if text := cellTexts([]Cell{got}); !reflect.DeepEqual(text, []string{tc.text}) || got.Align != tc.a {
			t.Errorf("%s: %q align %v, want %q align %v", tc.col.Title, text, got.Align, tc.text, tc.a)
		}
	}
}

// TestTableSpans: a cell merged down a section's lines and across two
// columns covers its grid positions; a bad span is an error, not a cut.
func TestTableSpans(t *testing.T) {
	tb := loadTable(t, `{"columns":[{"title":"TT"},{"title":"Nội dung"},{"title":"Ghi chú"},{"title":"Số","numeric":true}],
	  "rows":[
	    {"cells":["1","Một",null,1],"spans":[{"col":0,"rows":3}]},
	    {"cells":[null,"Hai","x",2]},
	    {"cells":[null,"Ba",null,3],"spans":[{"col":1,"cols":2}]},
	    {"kind":"total","label":"Tổng","cells":[null]}
	  ]}`)
	c := &composer{d: &document.Document{}}
	bs, err := c.table(tb)
	if err != nil {
		t.Fatal(err)
	}
	rows := bs[0].Table.Rows
	if got := rows[0][0]; got.RowSpan != 3 || got.ColSpan != 1 || got.Covered {
		t.Errorf("merged TT = %+v", got)
	}
	for _, p := range [][2]int{{1, 0}, {2, 0}, {2, 2}} {
		if !rows[p[0]][p[1]].Covered {
			t.Errorf("row %d col %d not covered: %+v", p[0]+1, p[1]+1, rows[p[0]][p[1]])
		}
	}
	if got := rows[2][1]; got.ColSpan != 2 {
		t.Errorf("merged Nội dung = %+v", got)
	}
	if got := cellTexts(rows[3]); got[len(got)-1] != "6" {
		t.Errorf("total = %q, want the merged table's sum 6", got)
	}
	for _, bad := range []string{
		`[{"col":0,"rows":5}]`, // past the table
		`[{"col":0,"rows":4}]`, // into the total row
		`[{"col":3,"cols":2}]`, // past the last column
		`[{"col":1,"rows":2}]`, // over "Hai"
	} {
		tb := loadTable(t, `{"columns":[{"title":"TT"},{"title":"Nội dung"},{"title":"Ghi chú"},{"title":"Số","numeric":true}],
		  "rows":[{"cells":["1","Một",null,1],"spans":`+bad+`},{"cells":[null,"Hai","x",2]},{"cells":[null,"Ba",null,3]},{"kind":"total","label":"Tổng","cells":[null]}]}`)
		if _, err := c.table(tb); err == nil {
			t.Errorf("spans %s: no error", bad)
		}
	}
}

// FuzzCalcTable: any table decodes into CalcTable without a panic, and a
// table whose arithmetic holds, once its computed cells are written in,
// still holds (what compose prints, validate accepts).
func FuzzCalcTable(f *testing.F) {
	f.Add(duToan)
	f.Add(`{"columns":[{"title":"A"},{"title":"B","numeric":true,"key":"b"},{"title":"C","numeric":true,"formula":{"product":["b","b"]}}],"rows":[{"kind":"section","cells":["I",null,null]},{"cells":["x",1.5,null],"spans":[{"col":0,"rows":2}]},{"cells":[null,"-",null]},{"kind":"total","label":"T","cells":[null,null]}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		var tb document.Table
		if json.Unmarshal([]byte(s), &tb) != nil || len(tb.Rows) > 200 || countLeaves(tb.Columns) > 40 {
			return
		}
		calc := CalcTable(&tb)
		TableSpans(&tb, len(calc.Leaves))
		if len(calc.Issues) > 0 {
			return
		}
		for r := range tb.Rows {
			if calc.Cells[r] != nil && tb.Rows[r].Kind != document.RowGroup {
				tb.Rows[r].Cells = append([]document.Cell(nil), calc.Cells[r]...)
			}
		}
		if again := CalcTable(&tb); len(again.Issues) > 0 {
			t.Errorf("written-in table has issues: %v", again.Issues)
		}
	})
}

// rates is a biểu with rate columns: "Tỉ lệ %" = SL ÷ Tổng số (a column
// ratio, in every row, the total's rate from the totals), and a "Tỉ lệ
// thực hiện" row = Thực hiện ÷ Kế hoạch (a row ratio).
const rates = `{
  "columns": [
    {"title": "Đơn vị"},
    {"title": "Tổng số", "kind": "number", "key": "tong"},
    {"title": "SL", "kind": "number", "key": "sl"},
    {"title": "Tỉ lệ %", "kind": "percent", "formula": {"ratio": ["sl", "tong"]}}
  ],
  "rows": [
    {"id": "kh", "cells": ["Kế hoạch", 1206, 1197, null]},
    {"id": "th", "cells": ["Thực hiện", 2618, 2579, 98.5]},
    {"kind": "total", "label": "Cộng", "cells": [null, null, null]},
    {"formula": {"ratio": ["th"], "of": "kh"}, "cells": ["Tỉ lệ thực hiện", null, null, null]}
  ]
}`

// TestCalcTableRatio: a blank rate is computed at one decimal place, a
// given one is checked to its own precision, a zero denominator leaves
// the cell blank, and the forms are checked.
func TestCalcTableRatio(t *testing.T) {
	calc := CalcTable(loadTable(t, rates))
	if len(calc.Issues) > 0 {
		t.Fatalf("issues: %v", calc.Issues)
	}
	for _, c := range []struct {
		row, leaf int
		want      string
	}{
		{0, 3, "99.3"},  // 1197 ÷ 1206
		{1, 3, "98.5"},  // given, 98.51 to one place
		{3, 1, "217.1"}, // 2618 ÷ 1206
		{3, 2, "215.5"}, // 2579 ÷ 1197
		{2, 3, "98.7"},  // 3776 ÷ 3824: the total's rate from the totals
	} {
		if got := calc.Cells[c.row][c.leaf].Raw; got != c.want {
			t.Errorf("row %d, leaf %d = %s, want %s", c.row, c.leaf, got, c.want)
		}
	}
	// A given rate that is not the ratio.
	tb := loadTable(t, rates)
	tb.Rows[1].Cells[3] = document.NumCell(97.5)
	calc = CalcTable(tb)
	if len(calc.Issues) != 1 || calc.Issues[0].Code != CalcFormula || calc.Issues[0].Row != 1 || calc.Issues[0].Leaf != 3 {
		t.Errorf("issues %v, want one formula mismatch at row 2, leaf 4", calc.Issues)
	}
	// A zero denominator: no rate, no issue.
	tb = loadTable(t, rates)
	tb.Rows[0].Cells[1] = document.NumCell(0)
	calc = CalcTable(tb)
	if !calc.Cells[0][3].IsBlank() || len(calc.Issues) > 0 {
		t.Errorf("zero denominator: cell %+v, issues %v", calc.Cells[0][3], calc.Issues)
	}
	for _, bad := range []struct{ name, json, code string }{
		{"column ratio of one column", `{"columns":[{"title":"A","numeric":true,"key":"a"},{"title":"B","kind":"percent","formula":{"ratio":["a"]}}],"rows":[{"cells":[1,null]}]}`, CalcFormKind},
		{"column ratio of an unknown column", `{"columns":[{"title":"A","numeric":true,"key":"a"},{"title":"B","kind":"percent","formula":{"ratio":["a","zz"]}}],"rows":[{"cells":[1,null]}]}`, CalcRef},
		{"row ratio without of", `{"columns":[{"title":"A"},{"title":"B","numeric":true}],"rows":[{"id":"a","cells":["a",1]},{"formula":{"ratio":["a"]},"cells":["x",null]}]}`, CalcFormKind},
	} {
		calc := CalcTable(loadTable(t, bad.json))
		if len(calc.Issues) == 0 || calc.Issues[0].Code != bad.code {
			t.Errorf("%s: issues %v, want %s", bad.name, calc.Issues, bad.code)
		}
	}
}
