package check

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/importer/pdfread"
)

// header is a correct header block as a DOCX would give it.
func header() []Para {
	return []Para{
		{Text: "ỦY BAN NHÂN DÂN", Table: 1, Row: 1, Cell: 1, Size: 13, Bold: true, Known: true, Jc: "center", RuleBelow: true, Fonts: []string{"Times New Roman"}},
		{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Table: 1, Row: 1, Cell: 2, Size: 13, Bold: true, Known: true, Jc: "center", Fonts: []string{"Times New Roman"}},
		{Text: "Độc lập - Tự do - Hạnh phúc", Table: 1, Row: 1, Cell: 2, Size: 14, Bold: true, Known: true, Jc: "center", RuleBelow: true, Fonts: []string{"Times New Roman"}},
		{Text: "Số: 05/KH-UBND", Table: 1, Row: 2, Cell: 1, Size: 13, Known: true, Jc: "center", Fonts: []string{"Times New Roman"}},
		{Text: "Lâm Đồng, ngày 05 tháng 3 năm 2026", Table: 1, Row: 2, Cell: 2, Size: 14, Italic: true, Known: true, Jc: "center", Fonts: []string{"Times New Roman"}},
		{Text: "KẾ HOẠCH", Size: 14, Bold: true, Known: true, Jc: "center", Fonts: []string{"Times New Roman"}},
		{Text: "Thi đua năm 2026", Size: 14, Bold: true, Known: true, Jc: "center", Fonts: []string{"Times New Roman"}},
	}
}

// closing is a correct closing block: Nơi nhận in the first cell, the
// signature in the second, the name last and bold.
func closing() []Para {
	return []Para{
		{Text: "Nơi nhận:", Table: 9, Row: 1, Cell: 1, Size: 12, Bold: true, Italic: true, Known: true, Jc: "left"},
		{Text: "- Như trên;", Table: 9, Row: 1, Cell: 1, Size: 11, Known: true, Jc: "left"},
		{Text: "- Các sở, ban, ngành;", Table: 9, Row: 1, Cell: 1, Size: 11, Known: true, Jc: "left"},
		{Text: "- Lưu: VT, VP.", Table: 9, Row: 1, Cell: 1, Size: 11, Known: true, Jc: "left"},
		{Text: "TM. ỦY BAN NHÂN DÂN", Table: 9, Row: 1, Cell: 2, Size: 14, Bold: true, Known: true, Jc: "center"},
		{Text: "CHỦ TỊCH", Table: 9, Row: 1, Cell: 2, Size: 14, Bold: true, Known: true, Jc: "center"},
		{Text: "(Đã ký)", Table: 9, Row: 1, Cell: 2, Size: 14, Italic: true, Known: true, Jc: "center"},
		{Text: "Nguyễn Văn An", Table: 9, Row: 1, Cell: 2, Size: 14, Bold: true, Known: true, Jc: "center"},
	}
}

func bodyPara(text string) Para {
	return Para{Text: text, Size: 14, Known: true, Jc: "both", FirstLine: 36, Line: 1.1, After: 6, Fonts: []string{"Times New Roman"}}
}

func a4() []Section {
	return []Section{{Width: 595.3, Height: 841.9, Top: 56.7, Bottom: 56.7, Left: 85.05, Right: 42.5, Known: true, PageNumber: true, NumberCentred: true, TitlePg: true}}
}

// TestRules: each rule on a document that breaks it, and on one that
// does not (the "pass" cases must not report the rule).
func TestRules(t *testing.T) {
	long := strings.Repeat("Nội dung kế hoạch được triển khai đồng bộ. ", 4)
	tests := []struct {
		name string
		edit func(d *doc)
		rule string
		want bool
	}{
		{"clean", func(d *doc) {}, "", false},
		{"margin left 25 mm", func(d *doc) { d.sections[0].Left = 25 * mm }, "page.margins", true},
		{"margin left 30 mm", func(d *doc) { d.sections[0].Left = 30 * mm }, "page.margins", false},
		{"landscape, margins as typed", func(d *doc) { s := &d.sections[0]; s.Width, s.Height = s.Height, s.Width }, "page.margins", false},
		{"Letter", func(d *doc) { d.sections[0].Width, d.sections[0].Height = 612, 792 }, "page.size", true},
		{"Arial body", func(d *doc) { d.paras[8].Fonts = []string{"Arial"} }, "font.family", true},
		{"Liberation Serif is a clone", func(d *doc) { d.paras[8].Fonts = []string{"LiberationSerif"} }, "font.family", false},
		{"Quốc hiệu not bold", func(d *doc) { d.paras[1].Bold = false }, "header.quochieu", true},
		{"Quốc hiệu missing", func(d *doc) { d.paras[1].Text = "CỘNG HÒA" }, "header.quochieu", true},
		{"Quốc hiệu misspelt", func(d *doc) { d.paras[1].Text = "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }, "header.quochieu", true},
		{"Quốc hiệu with HOÀ", func(d *doc) { d.paras[1].Text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" }, "header.quochieu", false},
		{"Tiêu ngữ en dash", func(d *doc) { d.paras[2].Text = "Độc lập – Tự do – Hạnh phúc" }, "header.tieungu", true},
		{"Tiêu ngữ no spaces", func(d *doc) { d.paras[2].Text = "Độc lập-Tự do-Hạnh phúc" }, "header.tieungu", true},
		{"Tiêu ngữ without rule", func(d *doc) { d.paras[2].RuleBelow = false }, "header.rule", true},
		{"agency without rule", func(d *doc) { d.paras[0].RuleBelow = false }, "header.rule", true},
		{"Số without colon", func(d *doc) { d.paras[3].Text = "Số 05/KH-UBND" }, "header.so", true},
		{"Số 5 without 0", func(d *doc) { d.paras[3].Text = "Số: 5/KH-UBND" }, "header.so", true},
		{"draft Số", func(d *doc) { d.paras[3].Text = "Số:      /KH-UBND" }, "header.so", false},
		{"month 03", func(d *doc) { d.paras[4].Text = "Lâm Đồng, ngày 05 tháng 03 năm 2026" }, "header.date", true},
		{"day 5", func(d *doc) { d.paras[4].Text = "Lâm Đồng, ngày 5 tháng 3 năm 2026" }, "header.date", true},
		{"30 February", func(d *doc) { d.paras[4].Text = "Lâm Đồng, ngày 30 tháng 02 năm 2026" }, "header.date", true},
		{"date upright", func(d *doc) { d.paras[4].Italic = false }, "header.date", true},
		{"title left", func(d *doc) { d.paras[5].Jc = "left" }, "title", true},
		{"trích yếu not bold", func(d *doc) { d.paras[6].Bold = false }, "title", true},
		{"giấy mời with no trích yếu", func(d *doc) {
			d.paras[5].Text = "GIẤY MỜI HỌP"
			d.paras[6] = bodyPara("Thực hiện Chương trình công tác, Ủy ban nhân dân tỉnh tổ chức họp như sau:")
		}, "title", false},
		{"body left", func(d *doc) {
			for i := 7; i < len(d.paras); i++ {
				d.paras[i].Jc = "left"
			}
		}, "body.justify", true},
		{"one body paragraph left of ten", func(d *doc) { d.paras[8].Jc = "left" }, "body.justify", false},
		{"body 12 pt", func(d *doc) {
			for i := 7; i < len(d.paras); i++ {
				d.paras[i].Size = 12
			}
		}, "body.size", true},
		{"no page number", func(d *doc) { d.sections[0].PageNumber = false }, "pagenum", true},
		{"page number right", func(d *doc) { d.sections[0].NumberCentred = false }, "pagenum", true},
		{"page 1 numbered", func(d *doc) { d.sections[0].NumberOnFirst = true }, "pagenum", true},
		{"decomposed text", func(d *doc) { d.paras[8].Text = "Ke\u0302\u0301 hoa\u0323ch " + long }, "text.nfc", true},
		{"a lost character", func(d *doc) { d.paras[8].Text = "Kế ho\uFFFDch " + long }, "text.nfc", true},
		{"TCVN3 text", func(d *doc) {
			d.paras[8].Text = "Céng hßa x· héi chñ nghÜa ViÖt Nam, ®éc lËp tù do h¹nh phóc"
		}, "text.legacy", true},
		{"mixed tone", func(d *doc) { d.paras[8].Text = "hòa bình và hoà hợp, thủy lợi và thuỷ sản " + long }, "text.tone", true},
		{"one tone style", func(d *doc) { d.paras[8].Text = "hòa bình và hòa hợp " + long }, "text.tone", false},
		{"double space", func(d *doc) { d.paras[8].Text = "Nội  dung " + long }, "text.spaces", true},
		{"repeated words", func(d *doc) { d.paras[8].Text = "phối hợp giữa các giữa các cơ quan " + long }, "text.repeat", true},
		{"compound meeting", func(d *doc) { d.paras[8].Text = "cam kết kết quả " + long }, "text.repeat", false},
		{"body name not capitalised", func(d *doc) { d.paras[8].Text = "Giao Sở tài chính chủ trì. " + long }, "text.capitals", true},
		{"body name as Phụ lục II", func(d *doc) { d.paras[8].Text = "Giao Sở Tài chính chủ trì. " + long }, "text.capitals", false},
		{"agency in capitals", func(d *doc) { d.paras[8].Text = "SỞ TÀI CHÍNH TỈNH QUẢNG TRỊ" }, "text.capitals", false},
		{"numbering jumps", func(d *doc) { d.paras[9].Text = "1. Mục tiêu"; d.paras[10].Text = "3. Nhiệm vụ" }, "numbering", true},
		{"numbering restarts", func(d *doc) { d.paras[9].Text = "1. Mục tiêu"; d.paras[10].Text = "1. Nhiệm vụ" }, "numbering", false},
		{"Điều skips", func(d *doc) {
			d.paras[9].Text = "Điều 1. Phạm vi"
			d.paras[10].Text = "Điều\u00a03. Hiệu lực"
		}, "numbering", true},
		{"Nơi nhận upright", func(d *doc) {
			d.paras = append(d.paras, Para{Text: "Nơi nhận:", Table: 9, Cell: 1, Size: 12, Bold: true, Known: true})
		}, "recipients", true},
		{"signature on the left", func(d *doc) {
			d.paras = append(d.paras, Para{Text: "Nơi nhận:", Table: 9, Cell: 1, Size: 12, Bold: true, Italic: true, Known: true},
				Para{Text: "TM. ỦY BAN NHÂN DÂN", Table: 9, Cell: 1, Size: 14, Bold: true, Known: true})
		}, "signature", true},
		{"signature on the right", func(d *doc) {
			d.paras = append(d.paras, Para{Text: "Nơi nhận:", Table: 9, Cell: 1, Size: 12, Bold: true, Italic: true, Known: true},
				Para{Text: "TM. ỦY BAN NHÂN DÂN", Table: 9, Cell: 2, Size: 14, Bold: true, Known: true})
		}, "signature", false},
		{"red run", func(d *doc) { d.paras[8].Color = "FF0000" }, "font.color", true},
		{"a theme accent", func(d *doc) { d.paras[8].Color = "theme accent1" }, "font.color", true},
		{"recipient lines as §7", func(d *doc) { d.paras = append(d.paras, closing()...) }, "recipients", false},
		{"no Lưu line", func(d *doc) {
			c := closing()
			d.paras = append(append(d.paras, c[:3]...), c[4:]...)
		}, "recipients", true},
		{"Lưu without its full stop", func(d *doc) {
			c := closing()
			c[3].Text = "- Lưu: VT, NC.Châu"
			d.paras = append(d.paras, c...)
		}, "recipients", true},
		{"Lưu without VT", func(d *doc) {
			c := closing()
			c[3].Text = "- Lưu: VP."
			d.paras = append(d.paras, c...)
		}, "recipients", true},
		{"recipient with an en dash", func(d *doc) {
			c := closing()
			c[1].Text = "– Như trên;"
			d.paras = append(d.paras, c...)
		}, "recipients", true},
		{"recipient without ';'", func(d *doc) {
			c := closing()
			c[2].Text = "- Các sở, ban, ngành"
			d.paras = append(d.paras, c...)
		}, "recipients", true},
		{"signer's name bold", func(d *doc) { d.paras = append(d.paras, closing()...) }, "signature", false},
		{"signer's name not bold", func(d *doc) {
			c := closing()
			c[len(c)-1].Bold = false
			d.paras = append(d.paras, c...)
		}, "signature", true},
		{"quyền hạn 12 pt", func(d *doc) {
			c := closing()
			c[4].Size = 12
			d.paras = append(d.paras, c...)
		}, "font.size", true},
		{"quyền hạn 14 pt", func(d *doc) { d.paras = append(d.paras, closing()...) }, "font.size", false},
		{"a draft with no name", func(d *doc) {
			c := closing()
			d.paras = append(d.paras, c[:len(c)-1]...)
		}, "signature", false},
		{"appendix heading left", func(d *doc) {
			d.paras = append(d.paras, Para{Text: "PHỤ LỤC I", Size: 14, Bold: true, Known: true, Jc: "left"})
		}, "appendix", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc{format: "docx", sections: a4(), paras: header()}
			for i := 0; i < 10; i++ {
				d.paras = append(d.paras, bodyPara(long))
			}
			tt.edit(d)
			got := review(d)
			if tt.rule == "" {
				for _, f := range got {
					t.Errorf("clean document: %+v", f)
				}
				return
			}
			found := false
			for _, f := range got {
				found = found || f.Rule == tt.rule
			}
			if found != tt.want {
				t.Errorf("rule %s reported = %v, want %v: %+v", tt.rule, found, tt.want, got)
			}
		})
	}
}

// TestPDFPageNumbers: from page 2 each page shows its number in sequence;
// an appendix starts again from 1, its first page shown or not.
func TestPDFPageNumbers(t *testing.T) {
	tests := []struct {
		name string
		nums []int
		want int // pagenum findings
	}{
		{"1 page", []int{0}, 0},
		{"in sequence", []int{0, 2, 3, 4}, 0},
		{"a number skipped", []int{0, 2, 4, 5}, 1},
		{"page 3 unnumbered", []int{0, 2, 0, 4}, 1},
		{"page 1 numbered", []int{1, 2}, 1},
		{"appendix shows its 1", []int{0, 2, 1, 2}, 0},
		{"appendix hides its 1", []int{0, 2, 0, 2, 3}, 0},
		{"appendix goes on wrong", []int{0, 2, 1, 3}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc{format: "pdf", pages: len(tt.nums), pageNums: tt.nums}
			for range tt.nums {
				d.sections = append(d.sections, Section{Width: 595.3, Height: 841.9})
				d.numCentred = append(d.numCentred, true)
			}
			r := &reviewer{d: d}
			pageNumbers(r)
			if len(r.out) != tt.want {
				t.Errorf("%d findings, want %d: %+v", len(r.out), tt.want, r.out)
			}
		})
	}
}

// TestFontEmbedded reads pdffonts' table and reports a font left out of
// the PDF or a standard-14 one, once a font.
func TestFontEmbedded(t *testing.T) {
	const table = `name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
ABCDEF+TimesNewRomanPSMT             TrueType          WinAnsi          yes yes yes     10  0
Times New Roman,Bold                 TrueType          WinAnsi          no  no  no      12  0
Helvetica                            Type 1            Standard         no  no  no      14  0
GHIJKL+Arial-BoldMT                  CID TrueType      Identity-H       yes yes yes     16  0
MNOPQR+LiberationSerif               CID TrueType (OT) Identity-H       yes yes yes     18  0
`
	fonts := parsePDFFonts(table)
	if len(fonts) != 5 || fonts[1].Name != "Times New Roman,Bold" || fonts[1].Embedded || !fonts[0].Embedded || fonts[4].Name != "MNOPQR+LiberationSerif" {
		t.Fatalf("parsed %+v", fonts)
	}
	tests := []struct {
		name  string
		fonts []pdfFont
		want  int
	}{
		{"embedded Times and its clone", []pdfFont{fonts[0], fonts[4]}, 0},
		{"Times not embedded", []pdfFont{fonts[0], fonts[1]}, 1},
		{"Helvetica", []pdfFont{fonts[2]}, 1},
		{"Arial, embedded", []pdfFont{fonts[3]}, 1},
		{"the same font twice", []pdfFont{fonts[1], fonts[1]}, 1},
		{"unknown (no pdffonts)", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &reviewer{d: &doc{format: "pdf", fonts: tt.fonts}}
			fontEmbedded(r)
			if len(r.out) != tt.want {
				t.Errorf("%d findings, want %d: %+v", len(r.out), tt.want, r.out)
			}
		})
	}
}

// TestPDFLines: words on one baseline make a line, a gap wider than one
// and a half line heights splits the header's two columns, and a word a
// little lower (a mark) stays on its line.
func TestPDFLines(t *testing.T) {
	w := func(s string, x0, y0 float64) pdfread.Word {
		return pdfread.Word{Text: s, X0: x0, X1: x0 + 7*float64(len([]rune(s))), Y0: y0, Y1: y0 + 14, Font: "ABCDEF+TimesNewRomanPS-BoldMT", Size: 13, Bold: true}
	}
	lines := pdfLines([]pdfread.Word{
		w("CỘNG", 300, 57), w("HÒA", 340, 57.5), w("UBND", 90, 57), w("TỈNH", 130, 57),
		w("Độc", 330, 72), w("lập", 360, 72),
	})
	var got []string
	for _, l := range lines {
		got = append(got, l.Text)
	}
	want := []string{"UBND TỈNH", "CỘNG HÒA", "Độc lập"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("lines = %q, want %q", got, want)
	}
	if l := lines[1]; l.Font != "TimesNewRomanPS" || l.Size != 13 || !l.Bold || !timesLike(l.Font) {
		t.Errorf("line 2 = %+v", l)
	}
	// The columns part at 1.5 times the type size, whatever box height a
	// producer gives its words: a 22 pt gap at 12 pt type is two columns
	// with 13.3 pt boxes (vanban's PDF) and with 15.6 pt boxes
	// (LibreOffice's) alike, and a 16 pt gap is one line in both.
	for _, box := range []float64{13.3, 15.6} {
		for _, tc := range []struct {
			gap  float64
			want int
		}{
			{22, 2}, {16, 1},
			// A gap of just 1.5 em (18 pt) reads a hundredth or two short
			// in one PDF and on LibreOffice's 0.1 pt grid in the other:
			// both read two columns, and 17.8 pt one line.
			{17.95, 2}, {18, 2}, {17.8, 1},
		} {
			a := pdfread.Word{Text: "HUẾ", X0: 100, X1: 130, Y0: 57, Y1: 57 + box, Size: 12}
			b := pdfread.Word{Text: "CỘNG", X0: 130 + tc.gap, X1: 170 + tc.gap, Y0: 57, Y1: 57 + box, Size: 12}
			if n := len(pdfLines([]pdfread.Word{a, b})); n != tc.want {
				t.Errorf("box %v, gap %v: %d lines, want %d", box, tc.gap, n, tc.want)
			}
		}
	}
}

func TestBlack(t *testing.T) {
	for _, tt := range []struct {
		c    string
		want bool
	}{{"auto", true}, {"000000", true}, {"0D0D0D", true}, {"theme text1", true}, {"FF0000", false}, {"0563C1", false}, {"404080", false}, {"theme accent1", false}, {"red", false}} {
		if got := black(tt.c); got != tt.want {
			t.Errorf("black(%q) = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestRepeatAt(t *testing.T) {
	tests := []struct {
		in   string
		k    int
		want string
	}{
		{"giữa các giữa các cơ quan", 2, "giữa các giữa các"},
		{"giữa các, giữa các", 2, ""},
		{"cam kết kết quả", 2, ""},
		{"a b c a b c", 3, "a b c a b c"},
	}
	for _, tt := range tests {
		if got := repeatAt(strings.Fields(tt.in), tt.k); got != tt.want {
			t.Errorf("repeatAt(%q, %d) = %q, want %q", tt.in, tt.k, got, tt.want)
		}
	}
}
