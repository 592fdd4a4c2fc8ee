package compose

import (
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func TestDerive(t *testing.T) {
	d := minimal()
	d.Number = "05"
	d.Date = document.Date{Day: 3, Month: 2, Year: 2024}
	// 25 điểm under one khoản: the 5th is đ, the 24th goes on past y.
	var diem []document.Block
	for range 25 {
		diem = append(diem, heading("", "Điểm"))
	}
	d.Body = append(d.Body, heading("", "NỘI DUNG", heading("", "Khoản", diem...)),
		document.Block{Budget: &document.Budget{Unit: "Triệu đồng", Items: []document.BudgetItem{
			{Text: "A", Amount: i64(70)},
			{Text: "B", Items: []document.BudgetItem{{Text: "B1", Amount: i64(5)}, {Text: "B2", Amount: i64(10)}}},
		}}},
		document.Block{Table: &document.Table{
			Columns: []document.Column{{Title: "Nội dung"}, {Title: "Số lượng", Numeric: true}, {Title: "Cộng", Numeric: true, Sum: true}},
			Rows: []document.Row{
				{Cells: []document.Cell{{Str: "x"}, numc("1200"), {Null: true}}},
				{Cells: []document.Cell{{Str: "y"}, numc("34"), {Null: true}}},
				{Kind: document.RowTotal, Label: "Tổng cộng"},
			},
		}},
		document.Block{Budget: &document.Budget{Unit: "USD", Total: i64(1)}},
	)
	got := Derive(d)
	checks := []struct{ name, got, want string }{
		{"symbol", got.Symbol, "KH-SYT"},
		{"number", got.Number, "Số: 05/KH-SYT"},
		{"place and date", got.PlaceDate, "Gia Lai, ngày 03 tháng 02 năm 2024"},
		{"Lưu line", got.ArchiveLine, "- Lưu: VT, NVY."},
		{"mục", got.Headings["/body/0"].Label, "I."},
		{"khoản", got.Headings["/body/0/heading/children/0"].Label, "1."},
		{"điểm 5", got.Headings["/body/1/heading/children/0/heading/children/4"].Label, "đ)"},
		{"điểm 23", got.Headings["/body/1/heading/children/0/heading/children/22"].Label, "y)"},
		{"điểm 24", got.Headings["/body/1/heading/children/0/heading/children/23"].Label, Alpha(24) + ")"},
		{"appendix", got.Appendices["/appendices/1"], "Phụ lục II"},
		{"budget unit", got.Budgets["/body/2/budget"].Unit, "triệu đồng"},
		{"budget words", got.Budgets["/body/2/budget"].Words, "Tám mươi lăm triệu đồng chẵn"},
		{"unknown unit", got.Budgets["/body/4/budget"].Problem, "Đơn vị tính không hợp lệ: dùng đồng, nghìn đồng, triệu đồng hoặc tỷ đồng."},
		{"sum column", got.Tables["/body/3/table"].Cells[0][2], "1.200"},
		{"total row", got.Tables["/body/3/table"].Cells[2][1], "1.234"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	if got.Headings["/body/0/heading/children/0/heading/children/0"].Level != 3 || got.Starts["/body"] != 1 {
		t.Errorf("levels: %+v, starts %v", got.Headings["/body/0/heading/children/0/heading/children/0"], got.Starts)
	}
	if b := got.Budgets["/body/2/budget"]; b.Total == nil || *b.Total != 85 || b.Items["/body/2/budget/items/1"] != 15 {
		t.Errorf("budget sums: %+v", b)
	}
	if len(got.Units) != 4 || got.Units[0].Name != "đồng" || got.Units[3].Dong != 1_000_000_000 {
		t.Errorf("units: %+v", got.Units)
	}
	if _, err := json.Marshal(got); err != nil {
		t.Fatal(err)
	}
}

// TestDeriveLabelsArePrinted: the labels Derive reports are the labels
// Compose prints, in order, on every sample-shaped body.
func TestDeriveLabelsArePrinted(t *testing.T) {
	d := minimal()
	d.Options.Numbering = NumberingDecimal
	d.Body = append(d.Body, heading("", "A", heading("", "B", heading("", "C", heading("", "D")))), heading("", "E"))
	out, err := Compose(d, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	var printed []string
	for _, b := range out.Sections[0].Blocks {
		if b.Para != nil && b.Para.Label != "" {
			printed = append(printed, b.Para.Label)
		}
	}
	var derived []string
	Walk(d, false, func(p Position) {
		if p.Path[:5] == "/body" && p.Heading != nil {
			derived = append(derived, Derive(d).Headings[p.Path].Label)
		}
	})
	if len(printed) != len(derived) {
		t.Fatalf("printed %q, derived %q", printed, derived)
	}
	for i := range printed {
		if printed[i] != derived[i] {
			t.Errorf("label %d: printed %q, derived %q", i, printed[i], derived[i])
		}
	}
}

// TestDeriveTableSections: the editor is shown what prints in a dự toán:
// a section row's subtotal, a money column (kind without Numeric), a
// product formula, a total of the sections and the words line.
func TestDeriveTableSections(t *testing.T) {
	d := minimal()
	d.Body = append(d.Body, document.Block{Table: &document.Table{
		Columns: []document.Column{
			{Title: "TT"}, {Title: "Nội dung"},
			{Title: "Số lượng", Kind: document.ColNumber, Key: "sl", NoSum: true},
			{Title: "Mức chi", Kind: document.ColMoney, Key: "mc", NoSum: true},
			{Title: "Thành tiền", Kind: document.ColMoney, Key: "tt", Formula: &document.Formula{Product: []string{"sl", "mc"}}},
		},
		Rows: []document.Row{
			{Kind: document.RowSection, Cells: []document.Cell{{Str: "1"}, {Str: "Hội nghị"}, {Null: true}, {Null: true}, {Null: true}}},
			{Cells: []document.Cell{{Str: "1.1"}, {Str: "Nước uống"}, numc("10"), numc("20000"), {Null: true}}},
			{Cells: []document.Cell{{Str: "1.2"}, {Str: "Tài liệu"}, numc("5"), numc("3000"), {Null: true}}},
			{Kind: document.RowTotal, ID: "tong", Label: "Tổng cộng"},
		},
		Words: &document.TableWords{Row: "tong", Column: "tt"},
	}})
	got := Derive(d).Tables["/body/1/table"]
	checks := []struct{ name, got, want string }{
		{"product", got.Cells[1][4], "200.000"},
		{"section subtotal", got.Cells[0][4], "215.000"},
		{"total of the section, not of every row", got.Cells[3][4], "215.000"},
		{"words", got.Words, "Bằng chữ: Hai trăm mười lăm nghìn đồng chẵn"},
		{"text column", got.Cells[1][1], ""},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestLevelName(t *testing.T) {
	cases := []struct {
		printed string
		level   int
		want    string
	}{
		{"Điều 3.", 1, "Điều"}, {"Chương II", 1, "Chương"}, {"Phần I", 1, "Phần"},
		{"I.", 1, "Mục"}, {"1.", 2, "Khoản"}, {"a)", 3, "Điểm"}, {"-", 4, "Tiểu điểm"}, {"2.1.", 2, "Khoản"},
	}
	for _, c := range cases {
		if got := LevelName(c.printed, c.level); got != c.want {
			t.Errorf("LevelName(%q, %d) = %q, want %q", c.printed, c.level, got, c.want)
		}
	}
}

// TestColumnKinds: every kind the model allows is offered once, numeric
// as NumericColumn reads it.
func TestColumnKinds(t *testing.T) {
	want := map[string]bool{"text": false, "number": true, "money": true, "percent": true, "code": false, "date": false}
	got := ColumnKinds()
	if len(got) != len(want) {
		t.Fatalf("%d kinds, want %d", len(got), len(want))
	}
	for _, k := range got {
		if n, ok := want[k.Code]; !ok || n != k.Numeric || k.Label == "" {
			t.Errorf("kind %+v", k)
		}
	}
}
