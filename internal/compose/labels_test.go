package compose

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func TestParseLabel(t *testing.T) {
	for _, c := range []struct {
		in    string
		rung  Rung
		parts []int
	}{
		{"I.", RungRoman, []int{1}},
		{"XIV.", RungRoman, []int{14}},
		{"3.", RungNumber, []int{3}},
		{"2.2.1", RungDecimal, []int{2, 2, 1}},
		{"2.2.1.", RungDecimal, []int{2, 2, 1}},
		{"a)", RungLetter, []int{1}},
		{"a.", RungLetter, []int{1}},
		{"đ)", RungLetter, []int{5}},
		{"(2)", RungParen, []int{2}},
		{"Điều 12.", RungArticle, []int{12}},
		{"Điều 3", RungArticle, []int{3}},
		{"Điều 2:", RungArticle, []int{2}},
		{"Chương IV", RungChapter, []int{4}},
		{"CHƯƠNG 2", RungChapter, []int{2}},
		{"Mục 1", RungSection, []int{1}},
		{"Phần thứ hai", RungPart, []int{2}},
		{"Bước 1:", RungNone, nil},
		{"A.", RungNone, nil},
	} {
		got := ParseLabel(c.in)
		if got.Rung != c.rung || !slices.Equal(got.Parts, c.parts) {
			t.Errorf("ParseLabel(%q) = %+v, want %v %v", c.in, got, c.rung, c.parts)
		}
	}
}

func TestFollows(t *testing.T) {
	for _, c := range []struct {
		prev, cur string
		want      bool
	}{
		{"I.", "II.", true},
		{"I.", "III.", false},
		{"8.", "10.", false},
		{"8.", "9.", true},
		{"d)", "đ)", true},
		{"d)", "e)", true},
		{"d)", "g)", false},
		{"2.1.", "2.2.", true},
		{"2.1", "3.2", false},
		{"Điều 1.", "Điều 2.", true},
		{"1.", "a)", false},
	} {
		if got := Follows(ParseLabel(c.prev), ParseLabel(c.cur)); got != c.want {
			t.Errorf("Follows(%q, %q) = %v, want %v", c.prev, c.cur, got, c.want)
		}
	}
}

func TestFormatLabel(t *testing.T) {
	for _, c := range []struct {
		written string
		l       Label
		want    string
	}{
		{"c)", Label{RungLetter, []int{2}}, "b)"},
		{"c.", Label{RungLetter, []int{2}}, "b."},
		{"1.3", Label{RungDecimal, []int{1, 1}}, "1.1"},
		{"Điều 4.", Label{RungArticle, []int{3}}, "Điều 3."},
		{"Chương V", Label{RungChapter, []int{2}}, "Chương II"},
	} {
		if got := c.l.Format(c.written); got != c.want {
			t.Errorf("Format(%q) = %q, want %q", c.written, got, c.want)
		}
	}
}

// TestLabelsAsWritten: a written label is printed as written, whatever
// the numbering scheme would compute, and Điều, Chương and markers are set
// as offices set them.
func TestLabelsAsWritten(t *testing.T) {
	txt := func(s string) document.Text { return document.Text{{Text: s}} }
	h := func(label, title string, plain bool, kids ...document.Block) document.Block {
		return document.Block{Heading: &document.Heading{Label: label, Title: txt(title), Plain: plain, Children: kids}}
	}
	d := &document.Document{Type: "quyet_dinh", Body: []document.Block{
		h("Chương I", "Quy định chung", false,
			h("Điều 1.", "Phạm vi", false, h("1.", "Khoản", true, h("a.", "Điểm", true)), h("3.", "Khoản ba", true)),
			h("Điều 2.", "Giao Sở Nội vụ.", true)),
		{Item: &document.Item{Marker: "+", Text: txt("Cộng không có gạch")}},
		{Item: &document.Item{Text: txt("Gạch"), Children: []document.Block{{Item: &document.Item{Text: txt("Cộng"), Children: []document.Block{{Item: &document.Item{Text: txt("Sao")}}}}}}}},
	}}
	c := &composer{d: d}
	bs, err := c.blocks(d.Body, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		style Style
		label string
		text  string
	}
	var got []line
	for _, b := range bs {
		p := b.Para
		s := ""
		for _, r := range p.Runs {
			s += r.Text
		}
		got = append(got, line{p.Style, p.Label, s})
	}
	want := []line{
		{StyleCentered, "", "Chương I"},
		{StyleCentered, "", "QUY ĐỊNH CHUNG"},
		{StyleHeading2, "", "Điều 1. Phạm vi"},
		{StyleBody, "1.", "Khoản"},
		{StyleBody, "a.", "Điểm"},
		{StyleBody, "3.", "Khoản ba"},
		{StyleBody, "", "Điều 2. Giao Sở Nội vụ."},
		{StyleBullet, "+", "Cộng không có gạch"},
		{StyleBullet, "-", "Gạch"},
		{StyleBullet2, "+", "Cộng"},
		{StyleBullet2, "*", "Sao"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("composed:\n%v\nwant:\n%v", got, want)
	}
	if r := bs[2].Para.Runs[0]; !r.Bold || r.Text != "Điều 1." {
		t.Errorf("Điều label run %+v, want bold", r)
	}
}

// TestClosingLists: a note over several recipients prints once under
// them; the electronic list follows the Lưu line under its own head and
// ends with "."; the rank goes before the signer's name.
func TestClosingLists(t *testing.T) {
	d := &document.Document{Type: "thong_bao",
		Signature: document.Signature{Title: "GIÁM ĐỐC", Name: "Trương Minh Đương", Rank: "Thiếu tướng"},
		Distribution: document.Distribution{
			Recipients: []document.Recipient{{Name: document.PlainText("Chủ tịch UBND tỉnh")}, {Name: document.PlainText("Báo Lâm Đồng")}, {Name: document.PlainText("Đài PT-TH tỉnh"), Note: "để đưa tin", NoteCovers: 2}},
			Archive:    &document.Archive{Units: []string{"KGVX"}},
			Electronic: []document.Recipient{{Name: document.PlainText("Các trường MN, TH")}, {Name: document.PlainText("UBND các xã")}},
		}}
	c := &composer{d: d}
	cl := c.closing()
	var got []string
	for _, p := range cl.Recipients {
		got = append(got, p.Runs[0].Text)
	}
	want := []string{"Nơi nhận:", "- Chủ tịch UBND tỉnh;", "- Báo Lâm Đồng;", "- Đài PT-TH tỉnh;", "(để đưa tin)",
		"- Lưu: VT, KGVX.", "Bản điện tử:", "- Các trường MN, TH;", "- UBND các xã."}
	if !slices.Equal(got, want) {
		t.Errorf("recipients:\n%q\nwant:\n%q", got, want)
	}
	if n := cl.Signer[len(cl.Signer)-1].Runs[0].Text; n != "Thiếu tướng Trương Minh Đương" {
		t.Errorf("name line %q", n)
	}
}

// TestAttachmentAndAppendixHeads: an attached text has its own header
// without number or date, its name, trích yếu lines and the "Ban hành kèm
// theo" line derived from the parent; an appendix is headed as written,
// with the body's name top left when asked and its own Kèm theo line.
func TestAttachmentAndAppendixHeads(t *testing.T) {
	txt := func(s string) document.Text { return document.Text{{Text: s}} }
	d := &document.Document{Type: "quyet_dinh", Number: "12", Date: document.Date{Day: 5, Month: 3, Year: 2026},
		Issuer:     document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"}, Abbreviation: "UBND", ShortName: "Chủ tịch Ủy ban nhân dân tỉnh"},
		Summary:    "Ban hành Quy chế làm việc",
		TitleNotes: []string{"(Cấp lần đầu)"},
		Competence: []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"},
		Body:       []document.Block{{Heading: &document.Heading{Title: txt("Ban hành kèm theo Quyết định này Quy chế."), Plain: true}}},
		Signature:  document.Signature{Title: "CHỦ TỊCH"},
		Attachments: []document.Attachment{{Name: "Quy chế", Summary: []string{"làm việc của", "Ủy ban nhân dân tỉnh"},
			Blocks: []document.Block{{Heading: &document.Heading{Title: txt("Phạm vi")}}}}},
		Appendices: []document.Appendix{{Label: "BIỂU SỐ 01", Agency: true, Ref: "(Kèm theo Quy chế)", Title: "Danh sách",
			Blocks: []document.Block{{Paragraph: &document.Text{{Text: "x"}}}}}},
	}
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := func(s Section) []string {
		var got []string
		for _, b := range s.Blocks {
			if b.Header != nil {
				got = append(got, "[header "+plainOf(b.Header.Number)+"]")
			}
			if b.Para != nil {
				got = append(got, strings.TrimSpace(b.Para.Label+" "+plainOf(*b.Para)))
			}
		}
		return got
	}
	if len(out.Sections) != 3 {
		t.Fatalf("%d sections, want main, attachment, appendix", len(out.Sections))
	}
	main := texts(out.Sections[0])
	for _, want := range []string{"(Cấp lần đầu)", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Quy chế./."} {
		if !slices.Contains(main, want) {
			t.Errorf("main section lacks %q: %q", want, main)
		}
	}
	wantAtt := []string{"[header ]", "QUY CHẾ", "làm việc của", "Ủy ban nhân dân tỉnh",
		"(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh)", "Điều 1. Phạm vi./."}
	if got := texts(out.Sections[1]); !slices.Equal(got, wantAtt) {
		t.Errorf("attachment:\n%q\nwant:\n%q", got, wantAtt)
	}
	wantApp := []string{"ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "BIỂU SỐ 01", "DANH SÁCH", "(Kèm theo Quy chế)", "x"}
	if got := texts(out.Sections[2]); !slices.Equal(got, wantApp) {
		t.Errorf("appendix:\n%q\nwant:\n%q", got, wantApp)
	}
}

func plainOf(p Para) string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// TestInvitationTitle: a giấy mời prints its title line as written and,
// without a trích yếu, no empty summary line; its metadata title is the
// name.
func TestInvitationTitle(t *testing.T) {
	d := &document.Document{Type: "giay_moi", Title: "Giấy mời họp",
		Issuer: document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN"}, Abbreviation: "UBND"}}
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, b := range out.Sections[0].Blocks {
		if b.Para != nil {
			paras = append(paras, string(b.Para.Style)+" "+plainOf(*b.Para))
		}
	}
	if len(paras) == 0 || paras[0] != string(StyleTitle)+" GIẤY MỜI HỌP" || slices.ContainsFunc(paras, func(s string) bool { return strings.HasPrefix(s, string(StyleSummary)) }) {
		t.Errorf("title block %q", paras)
	}
	if out.Meta.Title != "Giấy mời họp" {
		t.Errorf("meta title %q", out.Meta.Title)
	}
}

// TestTwoSignatures: a cosignature prints on the left with its own room
// for signature and seal, Nơi nhận under it; a co-issuer's name prints
// under the issuer's in the header.
func TestTwoSignatures(t *testing.T) {
	d := &document.Document{Type: "bien_ban", Summary: "Họp",
		Issuer:       document.Issuer{Name: []string{"SỞ NỘI VỤ"}, Abbreviation: "SNV"},
		CoIssuer:     &document.Issuer{Name: []string{"SỞ Y TẾ"}, Abbreviation: "SYT"},
		Signature:    document.Signature{Title: "CHỦ TỌA", Name: "Võ Thị Khiết"},
		Cosignature:  &document.Signature{Title: "THƯ KÝ", Name: "Lê Thị Thắm"},
		Distribution: document.Distribution{Recipients: []document.Recipient{{Name: document.PlainText("Thành viên")}}},
	}
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cl *Closing
	var h *Header
	for _, b := range out.Sections[0].Blocks {
		if b.Closing != nil {
			if cl != nil {
				t.Fatal("two closing blocks")
			}
			cl = b.Closing
		}
		if b.Header != nil {
			h = b.Header
		}
	}
	var left []string
	for _, p := range cl.Recipients {
		left = append(left, plainOf(p))
	}
	want := []string{"THƯ KÝ", "Lê Thị Thắm", "Nơi nhận:", "- Thành viên;", "- Lưu: VT."}
	if !slices.Equal(left, want) || cl.LeftSignIndex != 1 {
		t.Errorf("left column %q (sign index %d), want %q and 1", left, cl.LeftSignIndex, want)
	}
	if plainOf(cl.Signer[cl.NameIndex]) != "Võ Thị Khiết" {
		t.Errorf("right column %+v", cl.Signer)
	}
	if n := len(h.Agency); n != 2 || plainOf(h.Agency[1]) != "SỞ Y TẾ" || h.Agency[1].Rule != RuleShort {
		t.Errorf("agency lines %+v", h.Agency)
	}
}

// TestTelegram: a công điện prints its sender line ending "điện:" and its
// recipients as "-" lines, with no "Kính gửi:".
func TestTelegram(t *testing.T) {
	d := &document.Document{Type: TypeTelegram, Summary: "Về việc ứng phó bão số 3",
		Issuer:     document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"}, Abbreviation: "UBND"},
		Competence: []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI"},
		Addressees: document.PlainTexts("Chủ tịch UBND các xã, phường", "Giám đốc các sở"),
		Body:       []document.Block{{Paragraph: &document.Text{{Text: "Chủ động ứng phó."}}}},
	}
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range out.Sections[0].Blocks {
		if b.Addressees != nil {
			t.Error("a công điện has no Kính gửi block")
		}
		if b.Para != nil {
			got = append(got, strings.TrimSpace(b.Para.Label+" "+plainOf(*b.Para)))
		}
	}
	for _, want := range []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI điện:", "- Chủ tịch UBND các xã, phường;", "- Giám đốc các sở."} {
		if !slices.Contains(got, want) {
			t.Errorf("lacks %q: %q", want, got)
		}
	}
}

// TestGroupRow: a group row prints its label bold across the whole row and
// leaves the totals to the data rows.
func TestGroupRow(t *testing.T) {
	n := func(f float64) document.Cell { return document.NumCell(f) }
	tb := &document.Table{
		Columns: []document.Column{{Title: "TT"}, {Title: "Đơn vị"}, {Title: "Số", Numeric: true}},
		Rows: []document.Row{
			{Kind: document.RowGroup, Label: "I. CỤM ĐANG HOẠT ĐỘNG"},
			{Cells: []document.Cell{{Str: "1"}, {Str: "A"}, n(2)}},
			{Cells: []document.Cell{{Str: "2"}, {Str: "B"}, n(3)}},
			{Kind: document.RowTotal, Label: "Tổng cộng", Cells: []document.Cell{{Null: true}}},
		},
	}
	c := &composer{d: &document.Document{Type: "bao_cao"}}
	bs, err := c.table(tb)
	if err != nil {
		t.Fatal(err)
	}
	var tab *Table
	for _, b := range bs {
		if b.Table != nil {
			tab = b.Table
		}
	}
	g := tab.Rows[0]
	if g[0].ColSpan != 3 || !g[0].Bold || plainOf(Para{Runs: g[0].Runs}) != "I. CỤM ĐANG HOẠT ĐỘNG" || !g[1].Covered || !g[2].Covered {
		t.Errorf("group row %+v", g)
	}
	if got := plainOf(Para{Runs: tab.Rows[3][2].Runs}); got != "5" {
		t.Errorf("total %q, want 5", got)
	}
}
