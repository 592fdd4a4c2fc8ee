package importer_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/importer"
)

// TestPastedHeader: a header copied as text, with its two columns side by
// side (tabs from Word, " | " from a table view) or one cell per line, is
// read as the header: issuer, number and symbol, place and date, type and
// trích yếu; nothing of it lands in the body.
func TestPastedHeader(t *testing.T) {
	body := "\nKẾ HOẠCH\nThi đua cải cách hành chính năm 2026\n\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng.\n"
	for _, tt := range []struct{ name, head string }{
		{"tabs", "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND\tLâm Đồng, ngày 05 tháng 3 năm 2026\n"},
		{"tabs with spacer column", "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG\t\tĐộc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND\t\tLâm Đồng, ngày 05 tháng 3 năm 2026\n"},
		{"pipes", "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG | Độc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND | Lâm Đồng, ngày 05 tháng 3 năm 2026\n"},
		{"one cell per line", "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND\nLâm Đồng, ngày 05 tháng 3 năm 2026\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, rep, err := importer.ImportText([]byte(tt.head+body), importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "issuer", strings.Join(d.Issuer.Name, " / "), "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG")
			eq(t, "number", d.Number, "15")
			eq(t, "abbreviation", d.Issuer.Abbreviation, "UBND")
			eq(t, "place", d.Place, "Lâm Đồng")
			eq(t, "date", [3]int{d.Date.Day, d.Date.Month, d.Date.Year}, [3]int{5, 3, 2026})
			eq(t, "type", d.Type, "ke_hoach")
			eq(t, "summary", d.Summary, "Thi đua cải cách hành chính năm 2026")
			if len(d.Body) != 1 || d.Body[0].Heading == nil || d.Body[0].Heading.Label != "I." {
				t.Errorf("body should start at I.: %+v", d.Body)
			}
			for _, x := range rep.Dropped {
				if !x.Printed {
					t.Errorf("dropped: %q (%s)", x.Text, x.VI)
				}
			}
		})
	}
}

// TestPastedTableStaysTable: a data table at the top of a text (no Quốc
// hiệu in it) is not read as a header.
func TestPastedTableStaysTable(t *testing.T) {
	src := "KẾ HOẠCH\nX\nI. A\nTT\tViệc\tTiền\n1\tA\t10\n2\tB\t20\n"
	d, _, err := importer.ImportText([]byte(src), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if tb := d.Body[0].Heading.Children; len(tb) == 0 || tb[0].Table == nil {
		t.Fatalf("want a table under I.: %+v", tb)
	}
}

// TestTextFootnotes: footnotes written as text ("[1]" in a line, "[1]
// note" after a rule at the end) are attached to their reference; a note
// without a reference leaves everything as written.
func TestTextFootnotes(t *testing.T) {
	src := "KẾ HOẠCH\nX\nI. A\nCăn cứ Luật A[1] và Luật B[2].\n________\n[1] Luật số 1.\n[2] Luật số 2.\n"
	d, _, err := importer.ImportText([]byte(src), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, b := range d.Body[0].Heading.Children {
		if b.Paragraph != nil {
			for _, r := range *b.Paragraph {
				if r.Footnote != "" {
					notes = append(notes, r.Footnote)
				}
			}
		}
	}
	eq(t, "notes", strings.Join(notes, " | "), "Luật số 1. | Luật số 2.")
	d, _, err = importer.ImportText([]byte(strings.Replace(src, "[2].", ".", 1)), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "unmatched note keeps text", strings.Contains(d.Body[0].Heading.Children[0].Paragraph.Plain(), "[1]"), true)
}

// TestTextFootnotesOnLists: a footnote written as text on a Kính gửi line
// and on a Nơi nhận line stays with its addressee and its recipient; none
// is reported dropped.
func TestTextFootnotesOnLists(t *testing.T) {
	src := "UBND TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG\tĐộc lập - Tự do - Hạnh phúc\n" +
		"Số: 12/SCT-QLCN\tLào Cai, ngày 5 tháng 6 năm 2026\nV/v báo cáo tình hình cụm công nghiệp\n\n" +
		"Kính gửi:\n- Sở Tài chính;\n- Ủy ban nhân dân các xã có cụm công nghiệp[1].\n\n" +
		"Sở Công Thương đề nghị các đơn vị báo cáo tình hình trước ngày 15/6/2026./.\n\n" +
		"Nơi nhận:\tGIÁM ĐỐC\n- Như trên;\t\n- Các đơn vị phối hợp[2];\t\n- Lưu: VT, QLCN.\tNguyễn Văn An\n" +
		"________\n[1] Gồm các xã: Gia Phú, Văn Bàn.\n[2] Gồm Sở Tài chính và Sở Xây dựng.\n"
	d, rep, err := importer.ImportText([]byte(src), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Addressees) != 2 {
		t.Fatalf("addressees %+v", d.Addressees)
	}
	a := d.Addressees[1]
	eq(t, "addressee", a.Plain(), "Ủy ban nhân dân các xã có cụm công nghiệp")
	eq(t, "addressee note", a[len(a)-1].Footnote, "Gồm các xã: Gia Phú, Văn Bàn.")
	rs := d.Distribution.Recipients
	if len(rs) != 2 {
		t.Fatalf("recipients %+v", rs)
	}
	eq(t, "recipient", rs[1].Name.Plain(), "Các đơn vị phối hợp")
	eq(t, "recipient note", rs[1].Name[len(rs[1].Name)-1].Footnote, "Gồm Sở Tài chính và Sở Xây dựng.")
	for _, x := range rep.Dropped {
		if !x.Printed {
			t.Errorf("dropped: %q (%s)", x.Text, x.VI)
		}
	}
}

// TestPastedFromPDF: text copied from a PDF viewer: the header columns
// interleaved ("Số: 12" … "/KH-PGD"), a digital-signature stamp in the
// closing, a Nơi nhận in two groups, "ƣ" for "ư", a list after the
// signature.
func TestPastedFromPDF(t *testing.T) {
	src := "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n/KH-PGD\nHiệp Hòa, ngày 09 tháng 7 năm 2020\n" +
		"KẾ HOẠCH\nTuyển sinh năm học 2020-2021\nI. MỤC ĐÍCH\n1. Bảo đảm quyền lợi của học sinh trƣờng.\n" +
		"Nơi nhận:\n- Sở GD&ĐT (b/c);\n- Lưu: VT.\nTRƢỞNG PHÒNG\nBản điện tử:\n- Các trƣờng THCS.\nKý bởi Phòng Giáo dục và Đào tạo\nGiờ ký: 2020-07-09T10:59:31+07:00\nPhạm Văn Hà\n" +
		"DANH SÁCH\nCán bộ phụ trách\n- Nguyễn Văn A;\n- Trần Thị B.\n"
	d, rep, err := importer.ImportText([]byte(src), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "number", d.Number, "12")
	eq(t, "symbol", d.Symbol+"|"+d.Issuer.Abbreviation, "|PGD")
	eq(t, "type", d.Type, "ke_hoach")
	eq(t, "summary", d.Summary, "Tuyển sinh năm học 2020-2021")
	eq(t, "title", d.Signature.Title, "TRƯỞNG PHÒNG")
	eq(t, "name", d.Signature.Name, "Phạm Văn Hà")
	var recips []string
	for _, r := range d.Distribution.Recipients {
		recips = append(recips, r.Name.Plain())
	}
	eq(t, "recipients", strings.Join(recips, " | "), "Sở GD&ĐT")
	var elec []string
	for _, r := range d.Distribution.Electronic {
		elec = append(elec, r.Name.Plain())
	}
	eq(t, "bản điện tử", strings.Join(elec, " | "), "Các trường THCS")
	if len(d.Appendices) != 1 || !strings.HasPrefix(d.Appendices[0].Title, "DANH SÁCH") {
		t.Errorf("appendices: %+v", d.Appendices)
	}
	stamps := 0
	for _, x := range rep.Dropped {
		if strings.HasPrefix(x.Text, "Ký bởi") || strings.HasPrefix(x.Text, "Giờ ký") {
			stamps++
		}
	}
	eq(t, "stamp lines reported", stamps, 2)
}

// TestClosingCue: an invitation's last sentence ("... kính mời ...") is
// the closing, not a paragraph of the last khoản.
func TestClosingCue(t *testing.T) {
	src := "GIẤY MỜI\nHọp giao ban\nI. NỘI DUNG\n1. Thời gian: 8 giờ.\n2. Địa điểm: hội trường.\nỦy ban nhân dân tỉnh trân trọng kính mời các đại biểu đến dự họp đúng giờ.\n"
	d, _, err := importer.ImportText([]byte(src), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "closing", len(d.Closing), 1)
}

// TestReportForClerk: each header field's note names the source line it
// was read from, and the printed report puts Vietnamese first.
func TestReportForClerk(t *testing.T) {
	src := "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc\nSố: 15/KH-UBND\tLâm Đồng, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nThi đua năm 2026\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng.\n"
	_, rep, err := importer.ImportText([]byte(src), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"/number": "Số: 15/KH-UBND", "/date": "Lâm Đồng, ngày 05 tháng 3 năm 2026", "/type": "KẾ HOẠCH", "/summary": "Thi đua năm 2026"}
	for _, n := range rep.Recognised {
		if w, ok := want[n.Path]; ok {
			eq(t, n.Path+" source", n.Source, w)
			delete(want, n.Path)
		}
	}
	if len(want) > 0 {
		t.Errorf("no note for %v", want)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if vi, en := strings.Index(out, "Số và ký hiệu"), strings.Index(out, "number and symbol"); vi < 0 || en < 0 || vi > en {
		t.Errorf("Vietnamese should come first:\n%s", out)
	}
	if !strings.Contains(out, "← Số: 15/KH-UBND (đoạn ") {
		t.Errorf("source line not printed:\n%s", out)
	}
}

// TestPlusListNotRenested: "+" lines under a heading with no "-" above
// stay one flat list (each a sibling), not nested under the first one.
func TestPlusListNotRenested(t *testing.T) {
	d, rep, err := importer.ImportText([]byte("KẾ HOẠCH\nX\nI. A\n+ Một;\n+ Hai;\n+ Ba.\n"), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	kids := d.Body[0].Heading.Children
	eq(t, "siblings", len(kids), 3)
	for _, k := range kids {
		if k.Item == nil || len(k.Item.Children) != 0 {
			t.Errorf("want a flat item: %+v", k)
		}
	}
	n := 0
	for _, g := range rep.Guessed {
		if strings.Contains(g.VI, "\"+\"") {
			n++
		}
	}
	eq(t, "reported once", n, 1)
}

// TestFinalSentenceIsClosing: the body's last sentence, carrying the final
// "./." and addressed to the recipients, is the closing and not the last
// khoản's paragraph; a khoản's own last paragraph without such a verb
// stays in it.
func TestFinalSentenceIsClosing(t *testing.T) {
	for _, tt := range []struct {
		last    string
		closing int
	}{
		{"Sở Công Thương thông báo cho các đơn vị được biết và thực hiện./.", 1},
		{"Các đơn vị báo cáo kết quả trước ngày 15/12./.", 0},
	} {
		d, _, err := importer.ImportText([]byte("THÔNG BÁO\nKết quả kiểm tra\n1. Kết quả\nĐã kiểm tra 3 đơn vị.\n2. Yêu cầu\nCác đơn vị khắc phục ngay.\n"+tt.last+"\n"), importer.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, tt.last, len(d.Closing), tt.closing)
	}
}

// TestPastedClosingTable: the Nơi nhận | signature table pasted with " | "
// or tabs between its columns, one printed line per row.
func TestPastedClosingTable(t *testing.T) {
	head := "KẾ HOẠCH\nX\nI. A\nNội dung.\n"
	for name, sep := range map[string]string{"pipes": " | ", "tabs": "\t"} {
		t.Run(name, func(t *testing.T) {
			closing := "Nơi nhận:" + sep + "KT. CHỦ TỊCH\n- Sở Nội vụ;" + sep + "PHÓ CHỦ TỊCH\n- Lưu: VT, NC." + sep + "\n" + sep + "Nguyễn Văn An\n"
			d, _, err := importer.ImportText([]byte(head+closing), importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "recipients", len(d.Distribution.Recipients), 1)
			if len(d.Distribution.Recipients) == 1 {
				eq(t, "recipient", d.Distribution.Recipients[0].Name.Plain(), "Sở Nội vụ")
			}
			eq(t, "title", d.Signature.Title, "PHÓ CHỦ TỊCH")
			eq(t, "name", d.Signature.Name, "Nguyễn Văn An")
		})
	}
}

// TestPageNumbersInPastedText: page numbers a PDF viewer leaves between
// paragraphs (2, 3 ... far apart) are reported and kept out of the
// document; the row numbers of a table copied one cell per line stay.
func TestPageNumbersInPastedText(t *testing.T) {
	var b strings.Builder
	b.WriteString("KẾ HOẠCH\nX\nI. A\n")
	for page := 2; page <= 3; page++ {
		for k := 0; k < 9; k++ {
			b.WriteString("Đoạn văn số " + strings.Repeat("x", k+1) + ".\n")
		}
		b.WriteString(strings.Repeat(" ", 0) + string(rune('0'+page)) + "\n")
	}
	b.WriteString("Đoạn cuối.\nSTT\nTên\n1\nA\n2\nB\n3\nC\n")
	d, rep, err := importer.ImportText([]byte(b.String()), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, x := range rep.Dropped {
		if strings.Contains(x.VI, "Số trang") {
			pages++
		}
	}
	eq(t, "page numbers", pages, 2)
	js, _ := json.Marshal(d)
	for _, w := range []string{"Tên 1", "A 2", "B 3"} {
		if !strings.Contains(string(js), w) {
			t.Errorf("row number in %q lost:\n%s", w, js)
		}
	}
}
