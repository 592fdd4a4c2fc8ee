package compose

import (
	"encoding/json"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
	"github.com/vanban/vanban/samples"
)

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "I"}, {2, "II"}, {3, "III"}, {4, "IV"}, {5, "V"}, {6, "VI"}, {9, "IX"}, {10, "X"},
		{14, "XIV"}, {19, "XIX"}, {24, "XXIV"}, {29, "XXIX"}, {34, "XXXIV"}, {39, "XXXIX"}, {40, "XL"},
		{0, "0"}, {-1, "-1"},
	}
	for _, tt := range tests {
		if got := Roman(tt.n); got != tt.want {
			t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestAlpha(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "a"}, {4, "d"}, {5, "đ"}, {6, "e"}, {7, "g"}, {8, "h"}, {9, "i"}, {10, "k"},
		{20, "u"}, {21, "v"}, {22, "x"}, {23, "y"}, {24, "aa"}, {25, "ab"},
	}
	for _, tt := range tests {
		if got := Alpha(tt.n); got != tt.want {
			t.Errorf("Alpha(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestHeadingLabel(t *testing.T) {
	tests := []struct {
		numbering string
		path      []int
		want      string
	}{
		{NumberingRoman, []int{1}, "I."},
		{NumberingRoman, []int{40}, "XL."},
		{NumberingRoman, []int{2, 3}, "3."},
		{NumberingRoman, []int{2, 3, 5}, "đ)"},
		{NumberingRoman, []int{2, 3, 5, 1}, "-"},
		{NumberingDecimal, []int{1}, "I."},
		{NumberingDecimal, []int{4, 2}, "2."},
		{NumberingDecimal, []int{4, 2, 3}, "2.3."},
		{NumberingDecimal, []int{4, 2, 3, 1}, "2.3.1."},
		{"", []int{1, 1, 1}, "a)"},
		{NumberingRoman, []int{0, 3}, "3."}, // body starting at khoản
		{NumberingRoman, nil, ""},
	}
	for _, tt := range tests {
		if got := HeadingLabel(tt.numbering, tt.path); got != tt.want {
			t.Errorf("HeadingLabel(%q, %v) = %q, want %q", tt.numbering, tt.path, got, tt.want)
		}
	}
}

func heading(label, title string, kids ...document.Block) document.Block {
	return document.Block{Heading: &document.Heading{Label: label, Title: document.PlainText(title), Children: kids}}
}

func para(s string) document.Block {
	t := document.PlainText(s)
	return document.Block{Paragraph: &t}
}

func TestStartLevel(t *testing.T) {
	tests := []struct {
		name   string
		bs     []document.Block
		letter bool
		want   int
	}{
		{"plan default", []document.Block{heading("", "A")}, false, 1},
		{"letter default", []document.Block{heading("", "A")}, true, 2},
		{"plan labelled 1.", []document.Block{para("x"), heading("1.", "A")}, false, 2},
		{"letter labelled II.", []document.Block{heading("II.", "A")}, true, 1},
		{"no headings", []document.Block{para("x")}, false, 1},
	}
	for _, tt := range tests {
		if got := StartLevel(tt.bs, tt.letter); got != tt.want {
			t.Errorf("%s: StartLevel = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestArchiveLine(t *testing.T) {
	tests := []struct {
		a    document.Archive
		want string
	}{
		{document.Archive{}, "- Lưu: VT."},
		{document.Archive{Units: []string{"KGVX"}}, "- Lưu: VT, KGVX."},
		{document.Archive{Units: []string{"VT", "KTTH", "KGVX."}}, "- Lưu: VT, KTTH, KGVX."},
		{document.Archive{Units: []string{"KTTH", "KGVX"}, Drafter: "h"}, "- Lưu: VT, KTTH, KGVX. h."},
		{document.Archive{Units: []string{"KGVX"}, Drafter: "PT", Copies: 30}, "- Lưu: VT, KGVX. PT(30)."},
		{document.Archive{Units: []string{"TCCB"}, Copies: 2}, "- Lưu: VT, TCCB(2)."},
	}
	for _, tt := range tests {
		if got := ArchiveLine(tt.a); got != tt.want {
			t.Errorf("ArchiveLine(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
	verbatim := []struct{ in, want string }{
		// Well-formed lines are printed as given.
		{"Lưu: VT, KGVX (PT).", "- Lưu: VT, KGVX (PT)."},
		{"- Lưu: VT, KTTH, KGVX.h.", "- Lưu: VT, KTTH, KGVX.h."},
		{"Lưu: VT.", "- Lưu: VT."},
		// Recognisable slips are printed in the NĐ30 form.
		{"Lưu VT,VX.", "- Lưu: VT, VX."},
		{"- Lưu: VT, BĐG", "- Lưu: VT, BĐG."},
		{"Lưu:VT;TCCB;", "- Lưu: VT, TCCB."},
		// A drafter mark with no final "." gets it, the rest kept as typed.
		{"- Lưu: VT, KTTH, KGVX.h", "- Lưu: VT, KTTH, KGVX.h."},
		{"Lưu: VT, NC.Châu", "- Lưu: VT, NC.Châu."},
		// What cannot be read with confidence stays as typed (and the
		// validator reports it).
		{"Lưu hồ sơ", "- Lưu hồ sơ"},
		{"Lưu: VP, A.B", "- Lưu: VP, A.B"},
	}
	for _, tt := range verbatim {
		if got := VerbatimArchiveLine(tt.in); got != tt.want {
			t.Errorf("VerbatimArchiveLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRecipientLine(t *testing.T) {
	tests := []struct {
		r    document.Recipient
		want string
	}{
		{document.Recipient{Name: document.PlainText("Như trên")}, "- Như trên;"},
		{document.Recipient{Name: document.PlainText("Bộ LĐTBXH"), Note: "để b/c"}, "- Bộ LĐTBXH (để b/c);"},
		{document.Recipient{Name: document.PlainText("- Sở Tài chính;"), Note: "(b/c)"}, "- Sở Tài chính (b/c);"},
	}
	for _, tt := range tests {
		if got := RecipientLine(tt.r); got != tt.want {
			t.Errorf("RecipientLine(%+v) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// TestRecipientLines: a recipient's runs keep their emphasis and footnote
// marks; the note and the list's punctuation follow the mark; the last
// line of the electronic list ends with ".".
func TestRecipientLines(t *testing.T) {
	noted := func(name, fn string) document.Text { return document.Text{{Text: name, Footnote: fn}} }
	tests := []struct {
		name  string
		in    []document.Recipient
		last  bool
		want  []string
		notes []string
	}{
		{"plain", []document.Recipient{{Name: document.PlainText("Như trên")}, {Name: document.PlainText("Sở Y tế;")}}, false,
			[]string{"- Như trên;", "- Sở Y tế;"}, nil},
		{"footnote before the note", []document.Recipient{{Name: noted("Các đơn vị phối hợp;", "Gồm A, B."), Note: "để t/h"}}, false,
			[]string{"- Các đơn vị phối hợp[^1] (để t/h);"}, []string{"Gồm A, B."}},
		{"footnote on the last electronic line", []document.Recipient{{Name: document.PlainText("Sở Y tế")}, {Name: noted("UBND các xã", "Gồm X, Y.")}}, true,
			[]string{"- Sở Y tế;", "- UBND các xã[^1]."}, []string{"Gồm X, Y."}},
		{"emphasis kept, punctuation regular", []document.Recipient{{Name: document.Text{{Text: "Sở "}, {Text: "Tài chính", Bold: true}}}}, false,
			[]string{"- Sở **Tài chính**;"}, nil},
	}
	for _, tt := range tests {
		c := &composer{}
		var got, notes []string
		for _, p := range c.recipientLines(tt.in, tt.last) {
			got = append(got, runsText(p.Runs))
		}
		for _, n := range c.footnotes {
			notes = append(notes, n.Text)
		}
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(notes, tt.notes) {
			t.Errorf("%s: lines %q notes %q, want %q notes %q", tt.name, got, notes, tt.want, tt.notes)
		}
	}
}

func TestAppendEnding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"thi hành Nghị định này.", "thi hành Nghị định này./."},
		{"thi hành Nghị định này./.", "thi hành Nghị định này./."},
		{"đề nghị thực hiện", "đề nghị thực hiện./."},
		{"tinh thần tiết kiệm,", "tinh thần tiết kiệm./."},
		{"các nội dung sau;", "các nội dung sau./."},
		{"(nếu có)", "(nếu có)./."},
		{"", "./."},
	}
	for _, tt := range tests {
		if got := AppendEnding(tt.in); got != tt.want {
			t.Errorf("AppendEnding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSymbol(t *testing.T) {
	tests := []struct {
		name string
		d    document.Document
		want string
	}{
		{"plan", document.Document{Type: "ke_hoach", Issuer: document.Issuer{Abbreviation: "UBND"}}, "KH-UBND"},
		{"report", document.Document{Type: "bao_cao", Issuer: document.Issuer{Abbreviation: "SYT", Unit: "NVY"}}, "BC-SYT"},
		{"programme", document.Document{Type: "chuong_trinh", Issuer: document.Issuer{Abbreviation: "UBND"}}, "CTr-UBND"},
		{"letter", document.Document{Type: "cong_van", Issuer: document.Issuer{Abbreviation: "UBND", Unit: "VX"}}, "UBND-VX"},
		{"letter no unit", document.Document{Type: "cong_van", Issuer: document.Issuer{Abbreviation: "BNV"}}, "BNV"},
		{"given", document.Document{Type: "cong_van", Symbol: "SLĐTBXH-BĐG", Issuer: document.Issuer{Abbreviation: "X"}}, "SLĐTBXH-BĐG"},
	}
	for _, tt := range tests {
		if got := Symbol(&tt.d); got != tt.want {
			t.Errorf("%s: Symbol = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAddressees(t *testing.T) {
	plain := document.PlainText
	note := func(text, fn string) document.Text { return document.Text{{Text: text, Footnote: fn}} }
	tests := []struct {
		name  string
		in    []document.Text
		want  []string // lines as runsText writes them
		notes []string
	}{
		{"one, as written", []document.Text{plain("Sở Tài chính")}, []string{"Sở Tài chính"}, nil},
		{"several, punctuation replaced", []document.Text{plain("Sở Tài chính;"), plain("- Sở Y tế"), plain("UBND các huyện.")},
			[]string{"- Sở Tài chính;", "- Sở Y tế;", "- UBND các huyện."}, nil},
		{"blank lines dropped", []document.Text{plain("Sở Tài chính"), plain(" - "), {}, plain("Sở Y tế")},
			[]string{"- Sở Tài chính;", "- Sở Y tế."}, nil},
		{"a footnote keeps its word, the full stop follows the mark",
			[]document.Text{plain("Sở Công Thương"), note("UBND các xã có cụm công nghiệp trên địa bàn;", "UBND các xã: Gia Phú, Văn Bàn.")},
			[]string{"- Sở Công Thương;", "- UBND các xã có cụm công nghiệp trên địa bàn[^1]."}, []string{"UBND các xã: Gia Phú, Văn Bàn."}},
		{"emphasis kept, the space between runs too",
			[]document.Text{{{Text: "- Sở "}, {Text: "Tài chính", Bold: true}, {Text: ";"}}, plain("Sở Y tế")},
			[]string{"- Sở **Tài chính**;", "- Sở Y tế."}, nil},
		{"one with a footnote", []document.Text{note("Các Sở, ban, ngành", "Theo danh sách kèm theo.")},
			[]string{"Các Sở, ban, ngành[^1]"}, []string{"Theo danh sách kèm theo."}},
	}
	for _, tt := range tests {
		c := &composer{}
		got := c.addressees(tt.in)
		var lines []string
		for _, l := range got.Lines {
			lines = append(lines, runsText(l))
		}
		var notes []string
		for _, n := range c.footnotes {
			notes = append(notes, n.Text)
		}
		if got.Lead != "Kính gửi:" || !reflect.DeepEqual(lines, tt.want) || !reflect.DeepEqual(notes, tt.notes) {
			t.Errorf("%s: addressees = %q %q, notes %q; want %q, notes %q", tt.name, got.Lead, lines, notes, tt.want, tt.notes)
		}
	}
}

// cellTexts flattens a row to its texts, "~" for covered cells, with spans.
func cellTexts(row []Cell) []string {
	out := make([]string, len(row))
	for i, c := range row {
		if c.Covered {
			out[i] = "~"
			continue
		}
		s := runsText(c.Runs)
		if c.ColSpan > 1 {
			s += "|cs" + itoa(c.ColSpan)
		}
		if c.RowSpan > 1 {
			s += "|rs" + itoa(c.RowSpan)
		}
		out[i] = s
	}
	return out
}

func leafCols(titles ...string) []document.Column {
	cs := make([]document.Column, len(titles))
	for i, t := range titles {
		cs[i] = document.Column{Title: t, Numeric: true}
	}
	return cs
}

func TestHeaderRowsGiaLai(t *testing.T) {
	// The Gia Lai appendix: TT, ĐƠN VỊ, then NỘI DUNG over four groups of
	// 1, 2, 3 and 3 indicators.
	cols := []document.Column{
		{Title: "TT"},
		{Title: "ĐƠN VỊ"},
		{Title: "NỘI DUNG", Children: []document.Column{
			{Title: "G1", Children: leafCols("a1")},
			{Title: "G2", Children: leafCols("b1", "b2")},
			{Title: "G3", Children: leafCols("c1", "c2", "c3")},
			{Title: "G4", Children: leafCols("d1", "d2", "d3")},
		}},
	}
	got := HeaderRows(cols)
	want := [][]string{
		{"TT|rs3", "ĐƠN VỊ|rs3", "NỘI DUNG|cs9", "~", "~", "~", "~", "~", "~", "~", "~"},
		{"~", "~", "G1", "G2|cs2", "~", "G3|cs3", "~", "~", "G4|cs3", "~", "~"},
		{"~", "~", "a1", "b1", "b2", "c1", "c2", "c3", "d1", "d2", "d3"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d header rows, want %d", len(got), len(want))
	}
	for i := range want {
		if g := cellTexts(got[i]); !reflect.DeepEqual(g, want[i]) {
			t.Errorf("row %d = %q\nwant    %q", i+1, g, want[i])
		}
		for _, c := range got[i] {
			if !c.Bold || c.Align != AlignCenter {
				t.Errorf("row %d: header cell %+v not bold centred", i+1, c)
			}
		}
	}
	if n := FontSize(countLeaves(cols)); n != 11 {
		t.Errorf("FontSize(11 columns) = %g, want 11", n)
	}
}

func numc(raw string) document.Cell {
	var c document.Cell
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		panic(err)
	}
	return c
}

func TestTableTotals(t *testing.T) {
	tb := &document.Table{
		Unit:     "ĐVT: triệu đồng",
		IndexRow: true,
		Columns: []document.Column{
			{Title: "STT"}, {Title: "Nội dung"},
			{Title: "2024", Numeric: true}, {Title: "2025", Numeric: true},
			{Title: "Tổng", Numeric: true, Sum: true},
		},
		Rows: []document.Row{
			{Kind: "target", Label: "Chỉ tiêu", Cells: []document.Cell{numc("10"), numc("null"), numc("20")}},
			{Cells: []document.Cell{numc("1"), numc(`"Tuyên truyền"`), numc("3.5"), numc("1200"), numc("null")}},
			{Cells: []document.Cell{numc("2"), numc(`"Tập huấn"`), numc(`"-"`), numc("0.25"), numc("null")}},
			{Kind: "total", Label: "Tổng cộng", Cells: []document.Cell{numc("null"), numc("null"), numc("null")}},
		},
	}
	c := &composer{d: &document.Document{}}
	bs, err := c.table(tb)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 || bs[0].Para == nil || bs[0].Para.Style != StyleTableUnit || bs[1].Table == nil {
		t.Fatalf("blocks = %+v", bs)
	}
	got := bs[1].Table
	if g := cellTexts(got.Header[1]); !reflect.DeepEqual(g, []string{"(1)", "(2)", "(3)", "(4)", "(5)"}) {
		t.Errorf("index row = %q", g)
	}
	want := [][]string{
		{"Chỉ tiêu|cs2", "~", "10", "", "20"},
		{"1", "Tuyên truyền", "3,5", "1.200", "1.203,5"},
		{"2", "Tập huấn", "-", "0,25", "0,25"},
		{"Tổng cộng|cs2", "~", "3,5", "1.200,25", "1.203,75"},
	}
	for i := range want {
		if g := cellTexts(got.Rows[i]); !reflect.DeepEqual(g, want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, g, want[i])
		}
	}
	if a := got.Rows[1][0].Align; a != AlignCenter {
		t.Errorf("STT cell align = %v, want centre", a)
	}
	if a := got.Rows[1][2].Align; a != AlignRight {
		t.Errorf("number cell align = %v, want right", a)
	}
	if a := got.Rows[2][2].Align; a != AlignRight {
		t.Errorf("dash cell align = %v, want right, like the numbers of its column", a)
	}
	for _, r := range []int{0, 3} {
		for _, c := range got.Rows[r] {
			if !c.Bold {
				t.Errorf("row %d cell %+v not bold", r+1, c)
			}
		}
	}
	var sum float64
	for _, w := range got.Widths {
		sum += w
	}
	if sum < 0.999 || sum > 1.001 || got.Widths[0] >= got.Widths[1] {
		t.Errorf("widths = %v", got.Widths)
	}
	if got.FontSize != 13 {
		t.Errorf("FontSize = %g, want 13", got.FontSize)
	}
}

func TestTableErrors(t *testing.T) {
	c := &composer{d: &document.Document{}}
	tests := []struct {
		name string
		tb   document.Table
	}{
		{"no columns", document.Table{}},
		{"too many cells", document.Table{Columns: leafCols("a"), Rows: []document.Row{{Cells: []document.Cell{numc("1"), numc("2")}}}}},
		{"label without text column", document.Table{Columns: leafCols("a"), Rows: []document.Row{{Kind: "total", Label: "Tổng", Cells: nil}}}},
		{"bad total width", document.Table{Columns: leafCols("a", "b", "c"), Rows: []document.Row{{Kind: "total", Cells: []document.Cell{numc("1"), numc("2")}}}}},
		{"unknown kind", document.Table{Columns: leafCols("a"), Rows: []document.Row{{Kind: "subtotal"}}}},
	}
	for _, tt := range tests {
		if _, err := c.table(&tt.tb); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestWidths(t *testing.T) {
	tests := []struct {
		name string
		cols []document.Column
		want []float64
		rows []document.Row
	}{
		{"all given", []document.Column{{Title: "A", Width: 1}, {Title: "B", Width: 3}}, []float64{0.25, 0.75}, nil},
		{"fractions and rest", []document.Column{{Title: "A", Width: 0.5}, {Title: "B", Numeric: true}, {Title: "C", Numeric: true}}, []float64{0.5, 0.25, 0.25}, nil},
		{"defaults", []document.Column{{Title: "TT"}, {Title: "Nội dung"}, {Title: "X", Numeric: true}}, []float64{0.05, 0.25, 0.70}, nil},
		{"short names", []document.Column{{Title: "TT"}, {Title: "Đơn vị"}, {Title: "X", Numeric: true}}, []float64{0.05, 0.10, 0.85},
			[]document.Row{{Cells: []document.Cell{document.NumCell(1), {Str: "Ia Pa"}, document.NumCell(2)}}}},
		{"long names", []document.Column{{Title: "TT"}, {Title: "Hoạt động"}, {Title: "X", Numeric: true}}, []float64{0.05, 0.40, 0.55},
			[]document.Row{{Cells: []document.Cell{document.NumCell(1), {Str: strings.Repeat("x", 90)}, document.NumCell(2)}}}},
	}
	for _, tt := range tests {
		got := Widths(tt.cols, tt.rows, false)
		for i := range tt.want {
			if d := got[i] - tt.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: Widths = %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}

func i64(n int64) *int64 { return &n }

func TestBudget(t *testing.T) {
	tests := []struct {
		name string
		b    document.Budget
		opt  document.Options
		want []string
	}{
		{
			name: "computed total and words",
			b: document.Budget{Label: "Ngân sách Trung ương hỗ trợ có mục tiêu:", Items: []document.BudgetItem{
				{Text: "Truyền thông", Amount: i64(70_000_000)},
				{Text: "Mô hình", Items: []document.BudgetItem{
					{Text: "Nhà giữ trẻ", Amount: i64(150_000_000)},
					{Text: "Quy ước", Amount: i64(15_000_000)},
				}},
			}},
			want: []string{
				"Ngân sách Trung ương hỗ trợ có mục tiêu: 235.000.000 đồng (Hai trăm ba mươi lăm triệu đồng chẵn), trong đó:",
				"- Truyền thông: 70.000.000 đồng;",
				"- Mô hình: 165.000.000 đồng, trong đó:",
				"+ Nhà giữ trẻ: 150.000.000 đồng;",
				"+ Quy ước: 15.000.000 đồng.",
			},
		},
		{
			name: "given words kept, unit in millions",
			b:    document.Budget{Label: "Tổng nhu cầu kinh phí", Total: i64(3190), Unit: "triệu đồng", Words: "Ba tỷ, một trăm chín mươi triệu đồng chẵn"},
			want: []string{"Tổng nhu cầu kinh phí: 3.190 triệu đồng (Ba tỷ, một trăm chín mươi triệu đồng chẵn)."},
		},
		{
			name: "words in the labelled form keep one pair of parentheses",
			b:    document.Budget{Label: "Kinh phí", Total: i64(700000), Words: "(Bằng chữ: Bảy trăm nghìn đồng chẵn)"},
			want: []string{"Kinh phí: 700.000 đồng (Bằng chữ: Bảy trăm nghìn đồng chẵn)."},
		},
		{
			name: "generated words read the sum in đồng",
			b:    document.Budget{Label: "Kinh phí", Total: i64(1504), Unit: "nghìn đồng"},
			opt:  document.Options{WordsLe: true},
			want: []string{"Kinh phí: 1.504 nghìn đồng (Một triệu năm trăm lẻ bốn nghìn đồng chẵn)."},
		},
	}
	for _, tt := range tests {
		c := &composer{d: &document.Document{Options: tt.opt}}
		bs, err := c.budget(&tt.b)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, b := range bs {
			s := runsText(b.Para.Runs)
			if b.Para.Label != "" {
				s = b.Para.Label + " " + s
			}
			got = append(got, s)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
	c := &composer{d: &document.Document{}}
	for _, b := range []document.Budget{
		{Label: "no amounts", Items: []document.BudgetItem{{Text: "x"}}},
		{Label: "odd unit", Total: i64(5), Unit: "USD"},
		{Label: "negative", Total: i64(-5)},
	} {
		if _, err := c.budget(&b); err == nil {
			t.Errorf("budget %q: no error", b.Label)
		}
	}
}

func minimal() *document.Document {
	return &document.Document{
		Schema: document.SchemaV1, Type: "ke_hoach",
		Issuer:  document.Issuer{Parent: []string{"UBND tỉnh Gia Lai"}, Name: []string{"Sở Y tế"}, Abbreviation: "SYT"},
		Place:   "Gia Lai",
		Summary: "Phòng chống dịch",
		Body: []document.Block{
			heading("", "Mục đích", heading("", "Yêu cầu", heading("", "Điểm", para("Nội dung")))),
		},
		Signature:    document.Signature{Authority: []document.Authority{{Prefix: "KT.", Title: "Giám đốc"}}, Title: "Phó Giám đốc"},
		Distribution: document.Distribution{Recipients: []document.Recipient{{Name: document.PlainText("Như trên")}}, Archive: &document.Archive{Units: []string{"NVY"}}},
		Appendices:   []document.Appendix{{Title: "Danh mục", Blocks: []document.Block{para("x")}}, {Title: "Bảng", Orientation: "landscape"}},
	}
}

func TestSentenceCase(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"}, "Ủy ban nhân dân tỉnh Gia Lai"},
		{[]string{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"}, "Ủy ban nhân dân Thành phố Hồ Chí Minh"},
		{[]string{"ỦY BAN NHÂN DÂN", "QUẬN 1"}, "Ủy ban nhân dân Quận 1"},
		{[]string{"SỞ Y TẾ"}, "Sở Y tế"},
		{[]string{"SỞ GIÁO DỤC VÀ ĐÀO TẠO"}, "Sở Giáo dục và Đào tạo"},
		{[]string{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"}, "Sở Văn hóa, Thể thao và Du lịch"},
		{[]string{"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"}, "Bộ Lao động - Thương binh và Xã hội"},
		{[]string{"SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"}, "Sở Nông nghiệp và Phát triển nông thôn"},
		{[]string{"SỞ Y TẾ TỈNH GIA LAI"}, "Sở Y tế tỉnh Gia Lai"},
		{[]string{"BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI"}, "Ban Chỉ đạo phòng, chống thiên tai"},
		{[]string{"Sở Tài chính"}, "Sở Tài chính"},
		{[]string{"HỘI ĐỒNG NHÂN DÂN", "TỈNH LÂM ĐỒNG"}, "Hội đồng nhân dân tỉnh Lâm Đồng"},
		{[]string{"HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA"}, "Hội đồng nhân dân tỉnh Sơn La"},
		{[]string{"HỘI NÔNG DÂN", "TỈNH GIA LAI"}, "Hội Nông dân tỉnh Gia Lai"},
	}
	for _, tt := range tests {
		if got := sentenceCase(tt.in); got != tt.want {
			t.Errorf("sentenceCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestComposeDraft(t *testing.T) {
	d := minimal()
	out, err := Compose(d, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	h := out.Sections[0].Blocks[0].Header
	if g := runsText(h.Number.Runs); g != "Số:      /KH-SYT" {
		t.Errorf("number = %q", g)
	}
	if g := runsText(h.PlaceDate.Runs); g != "Gia Lai, ngày     tháng     năm     " {
		t.Errorf("place/date = %q", g)
	}
	if g := []string{runsText(h.Agency[0].Runs), runsText(h.Agency[1].Runs)}; g[0] != "UBND TỈNH GIA LAI" || g[1] != "SỞ Y TẾ" {
		t.Errorf("agency = %q", g)
	}
	if h.Agency[0].Style != StyleParentAgency || h.Agency[1].Style != StyleAgency || h.Agency[1].Rule != RuleShort {
		t.Errorf("agency styles = %+v", h.Agency)
	}
	if !out.Meta.Date.Equal(epoch) {
		t.Errorf("meta date = %v", out.Meta.Date)
	}
	var lines []string
	for _, b := range out.Sections[0].Blocks[1:] {
		if b.Para != nil {
			lines = append(lines, string(b.Para.Style)+" "+b.Para.Label+" "+runsText(b.Para.Runs))
		}
	}
	want := []string{
		"VbTenLoai  KẾ HOẠCH", "VbTrichYeu  Phòng chống dịch",
		"VbMuc I. MỤC ĐÍCH", "VbKhoan 1. Yêu cầu", "VbDiem a) Điểm", "VbNoiDung  Nội dung./.",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("main text:\n got %q\nwant %q", lines, want)
	}
	bs := out.Sections[0].Blocks
	cl := bs[len(bs)-1].Closing
	if cl == nil {
		t.Fatal("last block is not the closing")
	}
	if !bs[len(bs)-2].Para.KeepNext {
		t.Error("last paragraph not kept with the closing")
	}
	var signer []string
	for _, p := range cl.Signer {
		signer = append(signer, runsText(p.Runs))
	}
	if !reflect.DeepEqual(signer, []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}) || cl.NameIndex != 2 || cl.SignSpace != SignSpace {
		t.Errorf("signer = %q name index %d", signer, cl.NameIndex)
	}
	if g := runsText(cl.Recipients[len(cl.Recipients)-1].Runs); g != "- Lưu: VT, NVY." {
		t.Errorf("Lưu line = %q", g)
	}
	if len(out.Sections) != 3 {
		t.Fatalf("%d sections", len(out.Sections))
	}
	ap := out.Sections[1]
	if !ap.RestartNumbering || !ap.NumberFirstPage || ap.Landscape || !out.Sections[2].Landscape {
		t.Errorf("appendix sections = %+v / %+v", ap, out.Sections[2])
	}
	var aps []string
	for _, b := range ap.Blocks[:3] {
		aps = append(aps, runsText(b.Para.Runs))
	}
	wantAp := []string{"Phụ lục I", "DANH MỤC", "(Kèm theo Kế hoạch số      /KH-SYT ngày     tháng     năm      của Sở Y tế)"}
	if !reflect.DeepEqual(aps, wantAp) {
		t.Errorf("appendix heading:\n got %q\nwant %q", aps, wantAp)
	}
}

func TestComposeLetter(t *testing.T) {
	d := minimal()
	d.Type, d.Summary, d.Subject = "cong_van", "", "hướng dẫn bình đẳng giới"
	d.Number, d.Date = "05", document.Date{Day: 5, Month: 1, Year: 2020}
	d.Issuer.Unit = "NVY"
	d.Issuer.Name = []string{"SỞ Y TẾ"}
	d.Addressees = document.PlainTexts("Phòng Y tế các huyện")
	d.Appendices = d.Appendices[:1]
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := out.Sections[0].Blocks[0].Header
	if g := runsText(h.Number.Runs); g != "Số: 05/SYT-NVY" {
		t.Errorf("number = %q", g)
	}
	if g := runsText(h.PlaceDate.Runs); g != "Gia Lai, ngày 05 tháng 01 năm 2020" {
		t.Errorf("place/date = %q", g)
	}
	if len(h.Subject) != 1 || runsText(h.Subject[0].Runs) != "V/v hướng dẫn bình đẳng giới" {
		t.Errorf("subject = %+v", h.Subject)
	}
	if b := out.Sections[0].Blocks[1]; b.Addressees == nil || b.Addressees.LineText(0) != "Phòng Y tế các huyện" {
		t.Errorf("second block = %+v", b)
	}
	// A letter's top-level headings are khoản.
	if p := out.Sections[0].Blocks[2].Para; p.Label != "1." || p.Style != StyleHeading2 {
		t.Errorf("first heading = %+v", p)
	}
	m := out.Meta
	if m.Title != "V/v hướng dẫn bình đẳng giới" || m.Subject != "Công văn số 05/SYT-NVY" || m.Keywords != "05/SYT-NVY" ||
		m.Author != "SỞ Y TẾ" || m.Creator != "vanban" || m.Date.Format("2006-01-02") != "2020-01-05" {
		t.Errorf("meta = %+v", m)
	}
	if g := runsText(out.Sections[1].Blocks[0].Para.Runs); g != "Phụ lục" {
		t.Errorf("single appendix = %q", g)
	}
	if g := runsText(out.Sections[1].Blocks[2].Para.Runs); g != "(Kèm theo Công văn số 05/SYT-NVY ngày 05 tháng 01 năm 2020 của Sở Y tế)" {
		t.Errorf("ref = %q", g)
	}
}

func TestComposeFootnotesAndEnding(t *testing.T) {
	d := minimal()
	d.Body = []document.Block{
		{Paragraph: &document.Text{{Text: "Theo Luật"}, {Text: " Bình đẳng giới", Bold: true, Footnote: "Luật số 73/2006/QH11."}}},
	}
	d.Closing = []document.Text{document.PlainText("Đề nghị thực hiện./.")}
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out.Footnotes, []Footnote{{ID: 1, Text: "Luật số 73/2006/QH11."}}) {
		t.Errorf("footnotes = %+v", out.Footnotes)
	}
	bs := out.Sections[0].Blocks
	if r := bs[3].Para.Runs[1]; r.Footnote != 1 || !r.Bold {
		t.Errorf("footnote run = %+v", r)
	}
	if g := runsText(bs[4].Para.Runs); g != "Đề nghị thực hiện./." {
		t.Errorf("closing = %q", g)
	}
	// Without a closing, the ending goes after the footnote mark's run.
	d.Closing = nil
	out, err = Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rs := out.Sections[0].Blocks[3].Para.Runs; len(rs) != 3 || rs[2].Text != "/." || rs[1].Text != " Bình đẳng giới" {
		t.Errorf("runs = %+v", rs)
	}
}

func TestComposeTypedAddressees(t *testing.T) {
	d := minimal()
	d.Type = "to_trinh"
	d.Addressees = document.PlainTexts("Bộ Y tế", "UBND tỉnh")
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bs := out.Sections[0].Blocks
	if runsText(bs[1].Para.Runs) != "TỜ TRÌNH" || bs[3].Addressees == nil ||
		bs[3].Addressees.LineText(0) != "- Bộ Y tế;" || bs[3].Addressees.LineText(1) != "- UBND tỉnh." {
		t.Errorf("blocks 1-3 = %+v %+v %+v", bs[1].Para, bs[2].Para, bs[3].Addressees)
	}
}

func TestComposeErrors(t *testing.T) {
	if _, err := Compose(nil, Options{}); err == nil {
		t.Error("nil document: no error")
	}
	d := minimal()
	d.Type = "sac_lenh"
	if _, err := Compose(d, Options{}); err == nil {
		t.Error("unknown type: no error")
	}
	d = minimal()
	d.Body = []document.Block{{}}
	if _, err := Compose(d, Options{}); err == nil || !strings.Contains(err.Error(), "compose: body") {
		t.Errorf("empty block: err = %v", err)
	}
}

func TestComposeDoesNotChangeInput(t *testing.T) {
	d := minimal()
	d.Body = append(d.Body, document.Block{Table: &document.Table{
		Columns: []document.Column{{Title: "TT"}, {Title: "A", Numeric: true}, {Title: "Tổng", Numeric: true, Sum: true}},
		Rows:    []document.Row{{Cells: []document.Cell{numc("1"), numc("2"), numc("null")}}, {Kind: "total", Label: "Cộng"}},
	}}, document.Block{Budget: &document.Budget{Label: "Kinh phí", Items: []document.BudgetItem{{Text: "A", Amount: i64(5)}}}})
	before, _ := json.Marshal(d)
	if _, err := Compose(d, Options{}); err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(d)
	if string(before) != string(after) {
		t.Errorf("input changed:\n%s\n%s", before, after)
	}
}

// FuzzCompose checks that normalisation with the tone rules, Compose and
// Derive never panic on any document Decode accepts, valid or not, and
// that Derive's answer (what /v1/compose-preview sends) always encodes.
func FuzzCompose(f *testing.F) {
	names, _ := fs.Glob(samples.FS, "*.json")
	for _, n := range names {
		data, _ := fs.ReadFile(samples.FS, n)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := document.DecodeBytes(data, document.Limits{})
		if err != nil {
			return
		}
		rep := document.NormalizeWith(d, document.ToneRules{Move: vntext.MoveTone, Count: vntext.DetectToneStyle})
		out, err := Compose(d, Options{Tone: rep.Style})
		if err == nil {
			var b strings.Builder
			_ = out.Dump(&b)
		}
		if _, err := json.Marshal(Derive(d)); err != nil {
			t.Fatalf("Derive's answer does not encode: %v", err)
		}
	})
}

func TestKeepLeadIns(t *testing.T) {
	para := func(s string) Block { return Block{Para: &Para{Style: StyleBody, Runs: []Run{{Text: s}}}} }
	bs := []Block{para("Cụ thể như sau:"), {Table: &Table{}}, para("Câu thường."), para("Trong đó: "), para("cuối:")}
	keepLeadIns(bs)
	want := []bool{true, false, false, true, false} // the last block has nothing to keep with
	for i, b := range bs {
		if b.Para != nil && b.Para.KeepNext != want[i] {
			t.Errorf("block %d %q: KeepNext = %v, want %v", i, b.Para.Runs[0].Text, b.Para.KeepNext, want[i])
		}
	}
}

// Nine numeric columns with four-digit totals: the long text column gives
// way so that no number has to wrap (the Lạng Sơn budget table).
func TestWidthsNumbersDoNotWrap(t *testing.T) {
	cols := []document.Column{{Title: "TT"}, {Title: "Các hoạt động"}}
	for _, y := range []string{"2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "Tổng"} {
		cols = append(cols, document.Column{Title: y, Numeric: true})
	}
	cells := []document.Cell{document.NumCell(1), {Str: strings.Repeat("Nâng cao chất lượng ", 4)}}
	for range 9 {
		cells = append(cells, document.NumCell(3190))
	}
	w := Widths(cols, []document.Row{{Cells: cells}}, false)
	need := numericNeed("Tổng", 10, []document.Row{{Cells: cells}}, FontSize(len(cols)), false)
	for i := 2; i < len(w); i++ {
		if w[i] < need-1e-9 {
			t.Errorf("column %d: %.3f, needs %.3f", i, w[i], need)
		}
	}
	if w[1] >= 0.40 || w[1] < 0.10 {
		t.Errorf("text column %.3f: should give way, but not below 0.10", w[1])
	}
}

// TestNeedsLandscape: an appendix goes landscape by what its table needs,
// not by how many columns it has.
func TestNeedsLandscape(t *testing.T) {
	numCols := func(n int, title string) []document.Column {
		cols := []document.Column{{Title: "TT"}, {Title: "Đơn vị"}}
		for range n {
			cols = append(cols, document.Column{Title: title, Numeric: true})
		}
		return cols
	}
	row := func(n int, v float64) document.Row {
		cells := []document.Cell{{Str: "1"}, {Str: "Xã Vĩnh Thái"}}
		for range n {
			cells = append(cells, document.Cell{Num: &v})
		}
		return document.Row{Cells: cells}
	}
	for _, tc := range []struct {
		name string
		t    document.Table
		want bool
	}{
		{"three columns", document.Table{Columns: numCols(1, "Kinh phí"), Rows: []document.Row{row(1, 1500000)}}, false},
		{"ten narrow columns", document.Table{Columns: numCols(8, "Số"), Rows: []document.Row{row(8, 7)}}, false},
		{"four columns of large amounts", document.Table{Columns: numCols(4, "Kinh phí"), Rows: []document.Row{row(4, 123456789012345)}}, true},
		{"twelve columns with long headings", document.Table{Columns: numCols(10, "(tổ/nhóm)"), Rows: []document.Row{row(10, 12)}}, true},
		{"a long unbreakable word", document.Table{Columns: []document.Column{{Title: "Nội dung"}}, Rows: []document.Row{{Cells: []document.Cell{{Str: strings.Repeat("x", 120)}}}}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NeedsLandscape(&tc.t); got != tc.want {
				t.Errorf("NeedsLandscape = %v, want %v", got, tc.want)
			}
			d := &document.Document{Appendices: []document.Appendix{{Title: "Bảng", Blocks: []document.Block{{Heading: &document.Heading{Title: document.PlainText("Số liệu"), Children: []document.Block{{Table: &tc.t}}}}}}}}
			c := &composer{d: d}
			s, err := c.appendix(0)
			if err != nil {
				t.Fatal(err)
			}
			if s.Landscape != tc.want {
				t.Errorf("auto orientation: landscape = %v, want %v", s.Landscape, tc.want)
			}
			d.Appendices[0].Orientation = "portrait"
			if s, _ := c.appendix(0); s.Landscape {
				t.Error("an appendix asked to be portrait went landscape")
			}
		})
	}
}

// TestMetaDate: the files' date comes from the document, blanks counting
// as the first, never from the clock.
func TestMetaDate(t *testing.T) {
	for _, tc := range []struct {
		in   vntext.Date
		want string
	}{
		{vntext.Date{Day: 30, Month: 6, Year: 2023}, "2023-06-30"},
		{vntext.Date{Year: 2024}, "2024-01-01"},
		{vntext.Date{Month: 4, Year: 2020}, "2020-04-01"},
		{vntext.Date{Day: 30, Month: 2, Year: 2024}, "2024-02-01"}, // not a date: the month's first
		{vntext.Date{Day: 5, Month: 3}, "2000-01-01"},              // no year: epoch
		{vntext.Date{}, "2000-01-01"},
	} {
		if got := metaDate(tc.in).Format("2006-01-02"); got != tc.want {
			t.Errorf("metaDate(%+v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
