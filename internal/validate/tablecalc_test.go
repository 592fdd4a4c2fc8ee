package validate

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// duToanJSON is a finished dự toán: every subtotal, formula and total
// written in, as an office gives it.
const duToanJSON = `{
  "columns": [
    {"title": "TT"}, {"title": "Nội dung"},
    {"title": "Số lượng", "kind": "number", "key": "sl", "no_sum": true},
    {"title": "ĐVT"},
    {"title": "Định mức", "kind": "number", "key": "dm", "no_sum": true},
    {"title": "Mức chi", "kind": "money", "key": "mc", "no_sum": true},
    {"title": "Thành tiền", "kind": "money", "key": "tt", "formula": {"product": ["sl", "dm", "mc"]}}
  ],
  "rows": [
    {"kind": "section", "id": "s1", "cells": ["1", "Hội nghị", null, null, null, null, 7000000]},
    {"cells": ["", "Đại biểu", 50, "người", null, 100000, 5000000]},
    {"cells": ["", "Tài liệu", 50, "bộ", 2, 20000, 2000000]},
    {"kind": "section", "id": "s2", "cells": ["2", "Kiểm tra", null, null, null, null, 7400000]},
    {"kind": "section", "cells": ["2.1", "Cấp tỉnh", null, null, null, null, 2400000]},
    {"cells": ["", "Công tác phí", 4, "ngày", 3, 200000, 2400000]},
    {"kind": "section", "cells": ["2.2", "Cấp huyện", null, null, null, null, 5000000]},
    {"cells": ["", "Xăng xe", 10, "lần", "-", 500000, 5000000]},
    {"kind": "total", "id": "nam", "label": "Tổng kinh phí 01 năm", "cells": [null, null, null, null, 14400000]},
    {"kind": "total", "id": "bay", "label": "Tổng kinh phí 07 năm", "formula": {"times": 7, "of": "nam"}, "cells": [null, null, null, null, 100800000]},
    {"kind": "section", "id": "s3", "cells": ["3", "Tổng kết", null, null, null, null, 3000000]},
    {"cells": ["", "Hội nghị tổng kết", 1, "cuộc", null, 3000000, 3000000]},
    {"kind": "total", "id": "du", "label": "Dự phòng 10%", "formula": {"percent": 10, "of": "bay"}, "cells": [null, null, null, null, 10080000]},
    {"kind": "total", "id": "tong", "label": "Tổng cộng", "formula": {"sum": ["bay", "s3", "du"]}, "cells": [null, null, null, null, 113880000]}
  ],
  "words": {"row": "tong", "column": "tt", "text": "Bằng chữ: Một trăm mười ba triệu tám trăm tám mươi nghìn đồng chẵn"}
}`

func baseDuToan() *document.Document {
	d := baseKeHoach()
	var tb document.Table
	if err := json.Unmarshal([]byte(duToanJSON), &tb); err != nil {
		panic(err)
	}
	*tableOf(d) = tb
	return d
}

func init() {
	ruleCases = append(ruleCases,
		ruleCase{name: "section subtotal", base: baseDuToan, code: "table.section_mismatch", path: khTable + "/rows/3/cells/6",
			bad:  func(d *document.Document) { tableOf(d).Rows[3].Cells[6] = num(7_300_000) },
			good: func(d *document.Document) { tableOf(d).Rows[3].Cells[6] = document.Cell{Null: true} },
			msg:  []string{"7.300.000", "7.400.000"}},
		ruleCase{name: "product formula", base: baseDuToan, code: "table.formula_mismatch", path: khTable + "/rows/2/cells/6",
			bad: func(d *document.Document) { tableOf(d).Rows[2].Cells[4] = num(3) },
			// A blank Định mức counts as 1: 50 × 20.000 = 1.000.000.
			good: func(d *document.Document) {
				r := &tableOf(d).Rows[2]
				r.Cells[4], r.Cells[6] = document.Cell{Null: true}, num(1_000_000)
				tableOf(d).Rows[0].Cells[6] = num(6_000_000)
				tableOf(d).Rows[8].Cells[4] = num(13_400_000)
				tableOf(d).Rows[9].Cells[4] = num(93_800_000)
				tableOf(d).Rows[12].Cells[4] = num(9_380_000)
				tableOf(d).Rows[13].Cells[4] = num(106_180_000)
				tableOf(d).Words.Text = ""
			},
			msg: []string{"2.000.000", "3.000.000"}},
		ruleCase{name: "n times a yearly total", base: baseDuToan, code: "table.formula_mismatch", path: khTable + "/rows/9/cells/4",
			bad: func(d *document.Document) { tableOf(d).Rows[9].Formula.Times = 5 },
			msg: []string{"100.800.000", "72.000.000"}},
		ruleCase{name: "unknown row in a formula", base: baseDuToan, code: "table.formula_ref", path: khTable + "/rows/13/formula",
			bad: func(d *document.Document) { tableOf(d).Rows[13].Formula.Sum[1] = "s9" },
			msg: []string{"s9"}},
		ruleCase{name: "unknown column in a formula", base: baseDuToan, code: "table.formula_ref", path: khTable + "/columns/6/formula",
			bad: func(d *document.Document) { tableOf(d).Columns[6].Formula.Product[1] = "dinh_muc" }},
		ruleCase{name: "formulas in a loop", base: baseDuToan, code: "table.formula_cycle", path: khTable + "/rows/8/formula",
			bad: func(d *document.Document) { tableOf(d).Rows[8].Formula = &document.Formula{Sum: []string{"tong"}} }},
		ruleCase{name: "formula with two forms", base: baseDuToan, code: "table.formula_form", path: khTable + "/rows/9/formula",
			bad: func(d *document.Document) { tableOf(d).Rows[9].Formula.Percent = 10 }},
		ruleCase{name: "table words", base: baseDuToan, code: "table.words_mismatch", path: khTable + "/words/text",
			bad: func(d *document.Document) { tableOf(d).Words.Text = "Một trăm mười ba triệu đồng chẵn" },
			good: func(d *document.Document) {
				tableOf(d).Words.Text = "Một trăm mười ba triệu, tám trăm tám mươi nghìn đồng chẵn"
			},
			msg: []string{"113.000.000", "113.880.000"}},
		ruleCase{name: "merged cell over a value", base: baseDuToan, code: "table.span", path: khTable + "/rows/2/cells/0",
			bad: func(d *document.Document) {
				tableOf(d).Rows[1].Spans = []document.Span{{Col: 0, Rows: 2}}
				tableOf(d).Rows[2].Cells[0] = str("x")
			},
			good: func(d *document.Document) { tableOf(d).Rows[1].Spans = []document.Span{{Col: 0, Rows: 2}} }},
		ruleCase{name: "merged cell into a total row", base: baseDuToan, code: "table.span", path: khTable + "/rows/7/spans/0",
			bad:  func(d *document.Document) { tableOf(d).Rows[7].Spans = []document.Span{{Col: 0, Rows: 2}} },
			good: func(d *document.Document) { tableOf(d).Rows[7].Spans = []document.Span{{Col: 0}} }},
		ruleCase{name: "merged cell outside the table", base: baseDuToan, code: "table.span", path: khTable + "/rows/1/spans/0",
			bad: func(d *document.Document) { tableOf(d).Rows[1].Spans = []document.Span{{Col: 6, Cols: 2}} }},
		ruleCase{name: "table words naming no amount", base: baseDuToan, code: "table.words_ref", path: khTable + "/words",
			bad: func(d *document.Document) { tableOf(d).Words.Column = "mc" }},
	)
}

// TestDuToanChangedAmount changes each number of the finished dự toán in
// turn and wants an arithmetic error on that row (at the changed cell, or
// at the row's Thành tiền when a factor changed) naming both numbers.
func TestDuToanChangedAmount(t *testing.T) {
	if fs := errorsOf(Validate(baseDuToan(), Options{})); len(fs) != 0 {
		t.Fatalf("base dự toán has errors:\n%s", dump(fs))
	}
	base := baseDuToan()
	for r, row := range tableOf(base).Rows {
		for k, cell := range row.Cells {
			if cell.Num == nil {
				continue
			}
			t.Run(fmt.Sprintf("row %d cell %d", r, k), func(t *testing.T) {
				d := baseDuToan()
				changed := *cell.Num + 1000
				tableOf(d).Rows[r].Cells[k] = num(changed)
				var hits []document.Finding
				for _, f := range Validate(d, Options{}) {
					if f.Severity == document.Error && strings.HasPrefix(f.Path, document.Join(khTable, "rows", r, "cells")) {
						hits = append(hits, f)
					}
				}
				if len(hits) == 0 {
					t.Fatalf("no error on row %d after changing cell %d to %v", r, k, changed)
				}
				f := hits[0]
				if f.Path == document.Join(khTable, "rows", r, "cells", k) {
					if s := vntext.FormatInt(int64(changed)); !strings.Contains(f.VI, s) || !strings.Contains(f.EN, s) {
						t.Errorf("message lacks the given %s: %s / %s", s, f.VI, f.EN)
					}
				} else if f.Path != document.Join(khTable, "rows", r, "cells", len(row.Cells)-1) {
					t.Errorf("finding at %s, want the changed cell or the row's Thành tiền", f.Path)
				}
			})
		}
	}
}

func errorsOf(fs []document.Finding) []document.Finding {
	var out []document.Finding
	for _, f := range fs {
		if f.Severity == document.Error {
			out = append(out, f)
		}
	}
	return out
}

// ratesJSON is a biểu whose "Tỉ lệ %" column is SL ÷ Tổng số.
const ratesJSON = `{
  "columns": [
    {"title": "Đơn vị"},
    {"title": "Tổng số", "kind": "number", "key": "tong"},
    {"title": "SL", "kind": "number", "key": "sl"},
    {"title": "Tỉ lệ %", "kind": "percent", "formula": {"ratio": ["sl", "tong"]}}
  ],
  "rows": [
    {"cells": ["Huyện A", 1206, 1197, 99.3]},
    {"cells": ["Huyện B", 2618, 2579, 98.5]},
    {"kind": "total", "label": "Toàn tỉnh", "cells": [3824, 3776, 98.7]}
  ]
}`

func baseRates() *document.Document {
	d := baseKeHoach()
	var tb document.Table
	if err := json.Unmarshal([]byte(ratesJSON), &tb); err != nil {
		panic(err)
	}
	*tableOf(d) = tb
	return d
}

func init() {
	ruleCases = append(ruleCases,
		ruleCase{name: "ratio column", base: baseRates, code: "table.formula_mismatch", path: khTable + "/rows/1/cells/3",
			bad:  func(d *document.Document) { tableOf(d).Rows[1].Cells[3] = num(97.5) },
			good: func(d *document.Document) { tableOf(d).Rows[1].Cells[3] = document.Cell{Null: true} },
			msg:  []string{"97,5", "98,5"}},
		ruleCase{name: "ratio of one column", base: baseRates, code: "table.formula_form", path: khTable + "/columns/3/formula",
			bad: func(d *document.Document) { tableOf(d).Columns[3].Formula.Ratio = []string{"sl"} }},
	)
}
