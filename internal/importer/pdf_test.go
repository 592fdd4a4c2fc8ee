package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/pdfread"
)

// TestConvertersMissing: without pdftotext a PDF is refused with an error
// naming the tool (HTTP 415); without soffice a .doc keeps ErrLegacyDOC.
func TestConvertersMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	pdf := []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	_, _, err := Import(bytes.NewReader(pdf), int64(len(pdf)), "a.pdf", Limits{})
	var missing *pdfread.MissingToolError
	if !errors.Is(err, ErrNoConverter) || !errors.As(err, &missing) || missing.Tool != "pdftotext" {
		t.Errorf("pdf without pdftotext: %v", err)
	}
	doc := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	_, _, err = Import(bytes.NewReader(doc), int64(len(doc)), "a.doc", Limits{})
	if !errors.Is(err, ErrLegacyDOC) || !strings.Contains(err.Error(), "soffice") {
		t.Errorf(".doc without soffice: %v", err)
	}
}

// pdfWords lays text out as the words of one printed line, from x0 (or
// centred on cx when x0 < 0), in a 13 pt font on the line whose top is y.
func pdfWords(y, x0, cx float64, text string) []pdfread.Word {
	const sz = 13.0
	var ws []pdfread.Word
	x := 0.0
	for _, t := range strings.Fields(text) {
		w := float64(len([]rune(t))) * sz * 0.5
		ws = append(ws, pdfread.Word{Text: t, X0: x, Y0: y, X1: x + w, Y1: y + sz})
		x += w + sz*0.3
	}
	shift := x0
	if x0 < 0 {
		shift = cx - ws[len(ws)-1].X1/2
	}
	for i := range ws {
		ws[i].X0 += shift
		ws[i].X1 += shift
	}
	return ws
}

// TestPDFClosingColumns: the closing columns a PDF's layout finds come to
// the recogniser as a .docx closing table does, so a Nơi nhận that goes on
// after its Lưu line (the copies sent electronically) is read whole and
// the signer found, and
// what follows on the next pages (a list, or an attached document with
// its own header, title, subtitle and "Ban hành kèm theo" line) is one
// appendix each, never recipients.
func TestPDFClosingColumns(t *testing.T) {
	page := func(lines ...[]pdfread.Word) pdfread.Page {
		p := pdfread.Page{Width: 595, Height: 842}
		for _, l := range lines {
			p.Words = append(p.Words, l...)
		}
		return p
	}
	const left = 85.0
	first := page(
		pdfWords(50, -1, 170, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"), pdfWords(50, -1, 400, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
		pdfWords(66, -1, 170, "Số: 12/KH-PGD&ĐT"), pdfWords(66, -1, 400, "Độc lập - Tự do - Hạnh phúc"),
		pdfWords(84, -1, 400, "Hiệp Hòa, ngày 9 tháng 7 năm 2020"),
		pdfWords(130, -1, 312, "KẾ HOẠCH"),
		pdfWords(148, -1, 312, "Tuyển sinh các lớp chất lượng cao"),
		pdfWords(180, left+36, 0, "Phòng Giáo dục và Đào tạo xây dựng kế hoạch tuyển sinh như sau."),
		pdfWords(300, left, 0, "Nơi nhận:"), pdfWords(300, -1, 420, "TRƯỞNG PHÒNG"),
		pdfWords(315, left, 0, "- Chủ tịch UBND huyện;"),
		pdfWords(330, left, 0, "- Lưu: VT."),
		pdfWords(360, left, 0, "- Các cơ quan, ban, ngành huyện;"),
		pdfWords(375, left, 0, "- UBND các xã, thị trấn;"),
		pdfWords(390, left, 0, "- Báo Bắc Giang;"),
		pdfWords(405, left, 0, "(để đưa tin)"),
		pdfWords(420, left, 0, "- Các trường MN, TH, THCS."),
		pdfWords(450, -1, 420, "Phạm Văn Hà"),
	)
	for _, tc := range []struct {
		name   string
		after  pdfread.Page
		titles string
		lost   string
	}{
		{"a list after the signature", page(
			pdfWords(60, -1, 312, "DANH SÁCH CÁN BỘ PHỤ TRÁCH"),
			pdfWords(90, left, 0, "- Nguyễn Văn A, giáo viên;"),
			pdfWords(105, left, 0, "- Trần Thị B, giáo viên."),
		), "DANH SÁCH CÁN BỘ PHỤ TRÁCH", ""},
		{"an attached document with its own header", page(
			pdfWords(50, -1, 170, "ỦY BAN NHÂN DÂN"), pdfWords(50, -1, 400, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
			pdfWords(66, -1, 170, "HUYỆN HIỆP HÒA"), pdfWords(66, -1, 400, "Độc lập - Tự do - Hạnh phúc"),
			pdfWords(110, -1, 312, "QUY ĐỊNH"),
			pdfWords(128, -1, 312, "Chức năng, nhiệm vụ của Phòng Giáo dục"),
			pdfWords(146, -1, 312, "(Ban hành kèm theo Quyết định số 6/2020/QĐ-UBND)"),
			pdfWords(180, left+36, 0, "Điều 1. Vị trí và chức năng"),
			pdfWords(198, left+36, 0, "Phòng Giáo dục là cơ quan chuyên môn của huyện."),
		), "kèm theo: QUY ĐỊNH Chức năng, nhiệm vụ của Phòng Giáo dục", "ỦY BAN NHÂN DÂN | HUYỆN HIỆP HÒA"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &Report{Format: FormatPDF}
			ls := pdfLines([]pdfread.Page{first, tc.after}, rep)
			// The closing's lines share one layout table number, as a
			// .docx closing table's do, and no other line has it.
			closing := map[int]int{}
			for _, l := range ls {
				if t := l.text(); t == "Nơi nhận:" || t == "Phạm Văn Hà" || strings.HasPrefix(t, "- Các trường") {
					closing[l.tbl]++
				}
			}
			if len(closing) != 1 || closing[0] != 0 {
				t.Errorf("closing lines in layout tables %v, want one table", closing)
			}
			d := recognise(ls, rep, true)
			if d.Signature.Name != "Phạm Văn Hà" || d.Signature.Title != "TRƯỞNG PHÒNG" {
				t.Errorf("signature %+v", d.Signature)
			}
			var recips []string
			for _, r := range d.Distribution.Recipients {
				name := r.Name.Plain()
				if r.Note != "" {
					name += " (" + r.Note + ")"
				}
				recips = append(recips, name)
			}
			want := "Chủ tịch UBND huyện | Các cơ quan, ban, ngành huyện | UBND các xã, thị trấn | Báo Bắc Giang (để đưa tin) | Các trường MN, TH, THCS"
			if got := strings.Join(recips, " | "); got != want {
				t.Errorf("recipients %q, want %q", got, want)
			}
			if d.Distribution.Archive == nil && d.Distribution.ArchiveLine != "Lưu: VT." {
				t.Errorf("archive %+v", d.Distribution)
			}
			titles := afterTitles(t, d)
			if got := strings.Join(titles, " | "); got != tc.titles {
				t.Errorf("appendices %q, want %q", got, tc.titles)
			}
			var lost []string
			for _, dr := range rep.Dropped {
				if !dr.Printed {
					lost = append(lost, dr.Text)
				}
			}
			if got := strings.Join(lost, " | "); got != tc.lost {
				t.Errorf("lost %q, want %q", got, tc.lost)
			}
		})
	}
}

// afterTitles lists what follows the signature: each appendix's title,
// then each attached text as "kèm theo: " and its name and trích yếu.
func afterTitles(t *testing.T, d *document.Document) []string {
	t.Helper()
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
	return titles
}
