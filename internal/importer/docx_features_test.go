package importer_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

func p(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func cell(paras ...string) string {
	return `<w:tc>` + strings.Join(paras, "") + `</w:tc>`
}

func row(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

func table(rows ...string) string { return `<w:tbl>` + strings.Join(rows, "") + `</w:tbl>` }

// headerA: a one-row, two-cell header (layout A).
var headerA = table(row(cell(p("ỦY BAN NHÂN DÂN"), p("TỈNH LÂM ĐỒNG"), p("Số: /KH-UBND")),
	cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"), p("Lâm Đồng, ngày  tháng 3 năm 2026"))))

// closing: the Nơi nhận | signature table.
var closing = table(row(cell(p("Nơi nhận:"), p("- Sở Nội vụ;"), p("- Lưu: VT, NC.")),
	cell(p("KT. CHỦ TỊCH"), p("PHÓ CHỦ TỊCH"), p(""), p(""), p("Nguyễn Văn An"))))

func importDOCX(t *testing.T, parts map[string]string) (*document.Document, *importer.Report) {
	t.Helper()
	data := makeDOCX(t, parts)
	d, rep, err := importer.ImportDOCX(bytes.NewReader(data), int64(len(data)), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return d, rep
}

func lost(rep *importer.Report) []string {
	var out []string
	for _, d := range rep.Dropped {
		if !d.Printed {
			out = append(out, d.Text)
		}
	}
	return out
}

// TestAfterSignature: what follows the signature is never read as Nơi nhận
// and never lost: a table with no heading, a list headed "DANH SÁCH" with
// its "(Kèm theo ...)" line, bullet lines.
func TestAfterSignature(t *testing.T) {
	kem := p("(Kèm theo Kế hoạch số /KH-UBND ngày  tháng 3 năm 2026)")
	for _, tt := range []struct {
		name   string
		after  string
		titles []string
		recips int
		// lost: lines reported as dropped and not printed again (an
		// attached document's own issuer: the model keeps one header).
		lost string
	}{
		{"table without heading", table(row(cell(p("TT")), cell(p("Đơn vị"))), row(cell(p("1")), cell(p("Xã A")))), []string{"PHỤ LỤC"}, 1, ""},
		{"DANH SÁCH with Kèm theo", p("DANH SÁCH") + p("Các đơn vị tham gia") + kem + p("- Xã A;") + p("- Xã B."), []string{"DANH SÁCH Các đơn vị tham gia"}, 1, ""},
		{"two lists", p("DANH SÁCH") + p("Nhóm một") + kem + p("- Xã A.") + p("DANH SÁCH") + p("Nhóm hai") + kem + p("- Xã B."), []string{"DANH SÁCH Nhóm một", "DANH SÁCH Nhóm hai"}, 1, ""},
		{"forms without Phụ lục", p("Biểu mẫu 1") + p("THỐNG KÊ A") + p("Nội dung một.") + p("Biểu mẫu 2") + p("THỐNG KÊ B") + p("Nội dung hai."), []string{"Biểu mẫu 1 THỐNG KÊ A", "Biểu mẫu 2 THỐNG KÊ B"}, 1, ""},
		{"forms under one PHỤ LỤC", p("PHỤ LỤC") + p("BIỂU MẪU THỐNG KÊ") + kem + p("Biểu mẫu 1") + p("Nội dung một.") + p("Biểu mẫu 2") + p("Nội dung hai."), []string{"BIỂU MẪU THỐNG KÊ"}, 1, ""},
		{"attached document with its own header and a subtitle", table(row(cell(p("ỦY BAN NHÂN DÂN"), p("TỈNH LÂM ĐỒNG")), cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc")))) +
			p("QUY ĐỊNH") + p("Chức năng, nhiệm vụ của Phòng Giáo dục") + p("(Ban hành kèm theo Quyết định số /QĐ-UBND ngày  tháng 3 năm 2026)") + p("Điều 1. Vị trí và chức năng") + p("Nội dung điều một."),
			[]string{"kèm theo: QUY ĐỊNH Chức năng, nhiệm vụ của Phòng Giáo dục"}, 1, ""},
		{"attached document under another agency's header", table(row(cell(p("ỦY BAN NHÂN DÂN"), p("HUYỆN HIỆP HÒA")), cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc")))) +
			p("QUY CHẾ") + p("(Ban hành kèm theo Quyết định số /QĐ-UBND)") + p("Điều 1. Phạm vi") + p("Nội dung."),
			[]string{"kèm theo: QUY CHẾ"}, 1, "ỦY BAN NHÂN DÂN | HUYỆN HIỆP HÒA"},
		{"attached text without a header, by its Ban hành kèm theo line", p("QUY CHẾ LÀM VIỆC") + p("(Ban hành kèm theo Kế hoạch số /KH-UBND ngày  tháng 3 năm 2026)") + p("1. Nguyên tắc") + p("Nội dung."),
			[]string{"kèm theo: QUY CHẾ LÀM VIỆC"}, 1, ""},
		{"a Phụ lục named QUY TRÌNH stays an appendix", p("PHỤ LỤC") + p("QUY TRÌNH XỬ LÝ VĂN BẢN") + kem + p("1. Văn bản đến."),
			[]string{"QUY TRÌNH XỬ LÝ VĂN BẢN"}, 1, ""},
		{"Phụ lục with run-in title", p("Phụ lục 1: BẢNG TỔNG HỢP") + kem + p("Nội dung phụ lục."), []string{"BẢNG TỔNG HỢP"}, 1, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, rep := importDOCX(t, map[string]string{"word/document.xml": body(headerA + p("KẾ HOẠCH") + p("Thi đua năm 2026") + p("I. MỤC ĐÍCH") + p("Nội dung.") + closing + tt.after)})
			var titles []string
			for _, a := range d.Appendices {
				titles = append(titles, a.Title)
				if len(a.Blocks) == 0 {
					t.Errorf("appendix %q has no blocks", a.Title)
				}
			}
			for _, a := range d.Attachments {
				titles = append(titles, strings.Join(append([]string{"kèm theo:", a.Name}, a.Summary...), " "))
				if len(a.Blocks) == 0 {
					t.Errorf("attached text %q has no blocks", a.Name)
				}
			}
			eq(t, "appendices", strings.Join(titles, " | "), strings.Join(tt.titles, " | "))
			eq(t, "recipients", len(d.Distribution.Recipients), tt.recips)
			eq(t, "signer", d.Signature.Name, "Nguyễn Văn An")
			eq(t, "lost", strings.Join(lost(rep), " | "), tt.lost)
		})
	}
}

// TestHeaderLayouts: the header table read column by column whatever its
// rows: one row (A), 2×2 (B), one line per row with a spacer column (C),
// and V/v in a text box (DrawingML with its VML fallback, read once).
func TestHeaderLayouts(t *testing.T) {
	sp := cell(p(""))
	layoutB := table(row(cell(p("ỦY BAN NHÂN DÂN"), p("TỈNH LÂM ĐỒNG")), cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"))),
		row(cell(p("Số: /UBND-NC"), p("V/v báo cáo kết quả")), cell(p("Lâm Đồng, ngày  tháng 3 năm 2026"))))
	layoutC := table(row(cell(p("ỦY BAN NHÂN DÂN")), sp, cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))),
		row(cell(p("TỈNH LÂM ĐỒNG")), sp, cell(p("Độc lập - Tự do - Hạnh phúc"))),
		row(cell(p("Số: /UBND-NC")), sp, cell(p("Lâm Đồng, ngày  tháng 3"), p("năm 2026"))),
		row(cell(p("V/v báo cáo kết quả")), sp, sp))
	box := `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="x"><a:graphic xmlns:a="y"><a:graphicData><wps:wsp xmlns:wps="z"><wps:txbx><w:txbxContent>` +
		p("V/v báo cáo kết quả") + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="v"><v:textbox><w:txbxContent>` +
		p("V/v báo cáo kết quả") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	layoutD := table(row(cell(p("ỦY BAN NHÂN DÂN"), p("TỈNH LÂM ĐỒNG"), p("Số: /UBND-NC"), box), sp, cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"), p("Lâm Đồng, ngày  tháng 3 năm 2026"))))
	for name, head := range map[string]string{"B": layoutB, "C": layoutC, "D with text box": layoutD} {
		t.Run(name, func(t *testing.T) {
			d, rep := importDOCX(t, map[string]string{"word/document.xml": body(head + p("Kính gửi: Sở Nội vụ") + p("Ủy ban nhân dân tỉnh đề nghị như sau.") + closing)})
			eq(t, "type", d.Type, "cong_van")
			eq(t, "issuer", strings.Join(d.Issuer.Name, " / "), "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG")
			eq(t, "place", d.Place, "Lâm Đồng")
			eq(t, "date", [3]int{d.Date.Day, d.Date.Month, d.Date.Year}, [3]int{0, 3, 2026})
			eq(t, "subject", d.Subject, "báo cáo kết quả")
			eq(t, "addressees", strings.Join(plains(d.Addressees), "; "), "Sở Nội vụ")
			if l := lost(rep); len(l) > 0 {
				t.Errorf("lost: %q", l)
			}
		})
	}
}

// TestWordFeatures: Word's automatic numbering becomes the labels Word
// prints; rows marked w:tblHeader are the header (and only they); a
// tracked insertion is kept and a deletion dropped; a 12-digit ID and a
// number with a leading zero stay text.
func TestWordFeatures(t *testing.T) {
	numbering := `<?xml version="1.0"?><w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	np := func(lvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	hdr := `<w:trPr><w:tblHeader/></w:trPr>`
	tbl := `<w:tbl><w:tr>` + hdr + cell(p("TT")) + cell(p("Họ và tên")) + cell(p("Số CCCD")) + cell(p("Mã")) + cell(p("Mã ngành")) + `</w:tr>` +
		row(cell(p("1")), cell(p("Nguyễn A")), cell(p("068123456789")), cell(p("007")), cell(p("6810"))) +
		row(cell(p("2")), cell(p("Trần B")), cell(p("068123456780")), cell(p("012")), cell(p("4933"))) + `</w:tbl>`
	tracked := `<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r><w:ins w:id="1"><w:r><w:t>phần thêm</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>phần xóa</w:delText></w:r></w:del></w:p>`
	d, rep := importDOCX(t, map[string]string{
		"word/document.xml":  body(headerA + p("KẾ HOẠCH") + p("Thi đua") + np("0", "MỤC ĐÍCH") + np("1", "Nội dung một") + tracked + np("1", "Nội dung hai") + tbl + np("0", "TỔ CHỨC") + np("1", "Giao việc") + closing),
		"word/numbering.xml": numbering,
	})
	if len(d.Body) != 2 {
		t.Fatalf("want 2 sections, got %d", len(d.Body))
	}
	eq(t, "I.", d.Body[0].Heading.Label, "I.")
	eq(t, "II.", d.Body[1].Heading.Label, "II.")
	kids := d.Body[0].Heading.Children
	eq(t, "1.", kids[0].Heading.Label, "1.")
	eq(t, "2.", kids[1].Heading.Label, "2.")
	eq(t, "restart", d.Body[1].Heading.Children[0].Heading.Label, "1.")
	eq(t, "tracked", kids[0].Heading.Children[0].Paragraph.Plain(), "Giữ phần thêm")
	var tb *document.Table
	for _, b := range kids[1].Heading.Children {
		if b.Table != nil {
			tb = b.Table
		}
	}
	if tb == nil {
		t.Fatalf("no table under 2.: %+v", kids[1].Heading.Children)
	}
	eq(t, "header columns", len(tb.Columns), 5)
	eq(t, "rows", len(tb.Rows), 2)
	eq(t, "ID", tb.Rows[0].Cells[2].Str, "068123456789")
	eq(t, "code", tb.Rows[0].Cells[3].Str, "007")
	eq(t, "code by column title", tb.Rows[0].Cells[4].Str, "6810")
	for _, n := range rep.Dropped {
		if strings.Contains(n.Text, "phần xóa") {
			t.Errorf("deleted text reported: %q", n.Text)
		}
	}
	if l := lost(rep); len(l) > 0 {
		t.Errorf("lost: %q", l)
	}
}

// TestSymbols: characters inserted from Word's symbol fonts (w:sym) come
// in as characters vanban prints ("☑ Có / ☐ Không" as "■ Có / □ Không"),
// in a paragraph and in a data table's cell; one it cannot print is left
// out and named in the report, never lost silently.
func TestSymbols(t *testing.T) {
	sym := func(font, char string) string {
		return `<w:r><w:sym w:font="` + font + `" w:char="` + char + `"/></w:r>`
	}
	pr := func(parts ...string) string { return `<w:p>` + strings.Join(parts, "") + `</w:p>` }
	run := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	tbl := table(row(cell(p("TT")), cell(p("Hồ sơ")), cell(p("Kết luận"))),
		row(cell(p("1")), cell(pr(sym("Wingdings", "F0FE"), run(" Có / "), sym("Wingdings", "F06F"), run(" Không"))), cell(p("Đủ"))),
		row(cell(p("2")), cell(pr(sym("Wingdings", "F06F"), run(" Có / "), sym("Wingdings", "F0FE"), run(" Không"))), cell(p("Thiếu"))))
	d, rep := importDOCX(t, map[string]string{
		"word/document.xml": body(headerA + p("KẾ HOẠCH") + p("Thi đua") + p("I. MỤC ĐÍCH") +
			pr(run("Đạt "), sym("Wingdings", "F0FC"), run(" và "), sym("Symbol", "F0B7"), run(" mục; lạ "), sym("Webdings", "F021"), run(" hết.")) +
			tbl + closing),
	})
	var text []string
	var walk func(bs []document.Block)
	walk = func(bs []document.Block) {
		for _, b := range bs {
			switch {
			case b.Heading != nil:
				text = append(text, b.Heading.Title.Plain())
				walk(b.Heading.Children)
			case b.Paragraph != nil:
				text = append(text, b.Paragraph.Plain())
			case b.Table != nil:
				for _, r := range b.Table.Rows {
					for _, c := range r.Cells {
						text = append(text, c.Str)
					}
				}
			}
		}
	}
	walk(d.Body)
	all := strings.Join(text, " | ")
	for _, want := range []string{"Đạt √ và • mục; lạ hết.", "■ Có / □ Không", "□ Có / ■ Không"} {
		if !strings.Contains(all, want) {
			t.Errorf("body %q lacks %q", all, want)
		}
	}
	if strings.ContainsFunc(all, func(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }) {
		t.Errorf("a private-use character reached the model: %q", all)
	}
	if l := lost(rep); len(l) != 1 || l[0] != "U+F021" {
		t.Errorf("lost %q, want the Webdings symbol U+F021 named", l)
	}
}

// TestPrintedAgainNotLost: an appendix's "Phụ lục I" label and its
// "(Kèm theo …)" line, which the system derives and prints from the
// model, are listed as printed again, not as lost words.
func TestPrintedAgainNotLost(t *testing.T) {
	d, rep := importDOCX(t, map[string]string{
		"word/document.xml": body(headerA + p("KẾ HOẠCH") + p("Thi đua cải cách hành chính năm 2026") + p("I. MỤC ĐÍCH") + p("Nâng cao chất lượng.") + closing +
			p("Phụ lục I") + p("(Kèm theo Kế hoạch số      /KH-UBND ngày     tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)") +
			p("DANH SÁCH ĐƠN VỊ") + p("Các sở, ban, ngành.") +
			p("Phụ lục II") + p("(Kèm theo Kế hoạch số      /KH-UBND ngày     tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)") +
			p("DANH SÁCH XÃ") + p("Các xã, phường.")),
	})
	if len(d.Appendices) != 2 {
		t.Fatalf("%d appendices, want 2", len(d.Appendices))
	}
	if l := lost(rep); len(l) > 0 {
		t.Errorf("lost: %q", l)
	}
	printed := 0
	for _, x := range rep.Dropped {
		if x.Printed && strings.Contains(x.Text, "Kèm theo") {
			printed++
		}
	}
	if printed == 0 {
		t.Errorf("no \"(Kèm theo …)\" line listed as printed again: %+v", rep.Dropped)
	}
}
