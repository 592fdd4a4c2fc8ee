package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/pdfread"
	"github.com/vanban/vanban/internal/vntext"
)

// pdfCorpus: the born-digital PDFs of the corpus with the key fields read
// by hand from their reference texts.
var pdfCorpus = []struct {
	prefix                     string
	typ                        string
	number, symbol             string
	day, month, year           int
	issuer                     string // last line of the issuing body
	signer                     string
	authority                  string // first step of the chain, "" for none
	recipients                 int    // at least
	footnotes                  int
	appendices                 int
	attachments                int // texts ban hành kèm theo (Mẫu 1.3)
	summaryHas                 string
	droppedPages, droppedStamp int
}{
	{"02-", "ke_hoach", "115", "KH-SNNMT", 4, 8, 2026, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Cao Thanh Thương", "", 4, 2, 1, 0, "kỷ cương hành chính", 5, 0},
	{"03-", "ke_hoach", "12", "KH-PGD&ĐT", 9, 7, 2020, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phạm Văn Hà", "", 4, 0, 1, 0, "chất lượng cao", 8, 3},
	{"04-", "ke_hoach", "21", "KH-PGD&ĐT", 12, 10, 2020, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phạm Văn Hà", "", 3, 0, 1, 0, "pháp chế", 4, 0},
	{"05-", "ke_hoach", "25", "KH-PGD&ĐT", 30, 10, 2020, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phạm Văn Hà", "", 2, 0, 0, 0, "thi đua", 5, 0},
	{"14-", "quyet_dinh", "3990", "QĐ-SYT", 30, 7, 2026, "SỞ Y TẾ", "Lê Quang Hùng", "", 3, 0, 1, 0, "Quy trình xử lý văn bản", 3, 0},
	{"15-", "quyet_dinh", "6", "2020/QĐ-UBND", 22, 9, 2020, "HUYỆN HIỆP HÒA", "Hoàng Công Bộ", "TM.", 5, 0, 0, 1, "Phòng Giáo dục", 5, 0},
	{"28-", "to_trinh", "1126", "TTr-SNNMT", 5, 8, 2026, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Vũ Ngọc An", "KT.", 6, 0, 0, 0, "cấp nước an toàn", 0, 0},
	{"33-", "thong_bao", "453", "TB-UBND", 29, 4, 2026, "THÀNH PHỐ HÀ NỘI", "Võ Tuấn Anh", "TL.", 10, 0, 0, 0, "treo cờ Tổ quốc", 0, 0},
	{"34-", "thong_bao", "173", "TB-SGDĐT", 3, 3, 2020, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Nguyễn Thế Bình", "", 4, 0, 0, 0, "tiếp công dân", 2, 0},
	{"36-", "giay_moi", "85", "GM-UBND", 19, 1, 2026, "TỈNH LÂM ĐỒNG", "Trịnh Ngọc Duệ", "TL.", 3, 1, 0, 0, "", 0, 0},
}

var wordRE = regexp.MustCompile(`\w+`)

// countWords: lower-cased NFC \w+ tokens, as corpus-score counts them.
func countWords(s string, into map[string]int) {
	for _, w := range wordRE.FindAllString(strings.ToLower(vntext.NFC(s)), -1) {
		into[w]++
	}
}

// printedText is every word the document prints: the composed pieces as
// compose dumps them (header, body, closing, appendices, footnotes).
func printedText(t *testing.T, d *document.Document) string {
	t.Helper()
	c, err := compose.Compose(d, compose.Options{})
	if err != nil {
		t.Fatalf("compose: %v", err)
	}
	var b bytes.Buffer
	if err := c.Dump(&b); err != nil {
		t.Fatal(err)
	}
	// Labels sit before the " | ", so every line is kept; the style names
	// and flags it adds are not Vietnamese words and match nothing.
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(l, "meta ") {
			// Dump marks runs **bold** and _italic_; "_" is a \w character.
			out = append(out, strings.NewReplacer("**", " ", "_", " ").Replace(l))
		}
	}
	return strings.Join(out, "\n")
}

// TestPDFCorpus imports every corpus PDF and checks its key fields and
// that the printed document plus the dropped lines cover the reference
// text (word recall ≥ 0.99). The reference is pdftotext's text, so its
// mis-encoded glyphs ("trƣờng") are repaired the same way before counting.
func TestPDFCorpus(t *testing.T) {
	dir := corpusDir(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is required to import the corpus PDFs")
	}
	for _, tc := range pdfCorpus {
		t.Run(tc.prefix, func(t *testing.T) {
			ms, _ := filepath.Glob(filepath.Join(dir, tc.prefix+"*.pdf"))
			if len(ms) != 1 {
				t.Fatalf("corpus file %s*.pdf: %v", tc.prefix, ms)
			}
			data, err := os.ReadFile(ms[0])
			if err != nil {
				t.Fatal(err)
			}
			d, rep, err := Import(bytes.NewReader(data), int64(len(data)), ms[0], Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Format != FormatPDF {
				t.Errorf("format %q", rep.Format)
			}
			if d.Type != tc.typ || d.Number != tc.number || compose.Symbol(d) != tc.symbol {
				t.Errorf("type/number/symbol %s %s/%s, want %s %s/%s", d.Type, d.Number, compose.Symbol(d), tc.typ, tc.number, tc.symbol)
			}
			if d.Date.Day != tc.day || d.Date.Month != tc.month || d.Date.Year != tc.year {
				t.Errorf("date %+v, want %d/%d/%d", d.Date, tc.day, tc.month, tc.year)
			}
			if n := len(d.Issuer.Name); n == 0 || d.Issuer.Name[n-1] != tc.issuer {
				t.Errorf("issuer %q, want last line %q", d.Issuer.Name, tc.issuer)
			}
			if d.Signature.Name != tc.signer {
				t.Errorf("signer %q, want %q", d.Signature.Name, tc.signer)
			}
			auth := ""
			if len(d.Signature.Authority) > 0 {
				auth = d.Signature.Authority[0].Prefix
			}
			if auth != tc.authority {
				t.Errorf("authority %q, want %q", auth, tc.authority)
			}
			// Recipients of both lists: paper and "Bản điện tử:".
			if n := len(d.Distribution.Recipients) + len(d.Distribution.Electronic); n < tc.recipients {
				t.Errorf("%d recipients, want at least %d", n, tc.recipients)
			}
			if len(d.Appendices) != tc.appendices || len(d.Attachments) != tc.attachments {
				t.Errorf("%d appendices, %d attachments, want %d, %d", len(d.Appendices), len(d.Attachments), tc.appendices, tc.attachments)
			}
			if !strings.Contains(d.Summary+d.Subject, tc.summaryHas) || (tc.summaryHas == "" && d.Summary+d.Subject != "") {
				t.Errorf("summary %q, want it to hold %q (\"\": none, the source has no trích yếu)", d.Summary, tc.summaryHas)
			}
			js, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			fns := bytes.Count(js, []byte(`"footnote":`))
			if fns != tc.footnotes {
				t.Errorf("%d footnotes, want %d", fns, tc.footnotes)
			}
			pages, stamps := 0, 0
			for _, dr := range rep.Dropped {
				switch {
				case dr.Line != 0:
					// a line the recogniser read and the system prints again
				case strings.Contains(dr.EN, "page number"):
					pages++
				default:
					stamps++
				}
			}
			if pages != tc.droppedPages || stamps != tc.droppedStamp {
				t.Errorf("dropped %d page numbers and %d stamp lines, want %d and %d: %v", pages, stamps, tc.droppedPages, tc.droppedStamp, rep.Dropped)
			}

			refData, err := os.ReadFile(strings.TrimSuffix(ms[0], ".pdf") + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			ref := map[string]int{}
			countWords(repairGlyphs(string(refData)), ref)
			got := map[string]int{}
			countWords(printedText(t, d), got)
			for _, dr := range rep.Dropped {
				countWords(dr.Text, got)
			}
			total, hit := 0, 0
			var missing []string
			for w, n := range ref {
				total += n
				hit += min(n, got[w])
				if got[w] < n {
					missing = append(missing, w)
				}
			}
			recall := float64(hit) / float64(total)
			if recall < 0.99 {
				t.Errorf("word recall %.4f < 0.99; missing %v", recall, missing)
			}
			t.Logf("word recall %.4f (%d words)", recall, total)
		})
	}
}

// repairGlyphs applies pdfread's glyph repairs to a reference text.
func repairGlyphs(s string) string {
	res := pdfread.Layout([]pdfread.Page{{Width: 1, Height: 1, Words: []pdfread.Word{{Text: s, X1: 1, Y1: 1}}}}, pdfread.Options{})
	if len(res.Paras) == 0 {
		return s
	}
	return res.Paras[0].Text()
}

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

// TestImportPDFRefusals: a file that is not a readable PDF, or a PDF over
// the size limit, is refused with the importer's errors.
func TestImportPDFRefusals(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"broken PDF", []byte("%PDF-1.7\nthis is not a PDF body"), Limits{}, ErrMalformed},
		{"over the limit", append([]byte("%PDF-1.7\n"), make([]byte, 2000)...), Limits{MaxBytes: 1000}, ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, rep, err := ImportPDF(context.Background(), bytes.NewReader(tc.data), int64(len(tc.data)), tc.lim)
			if !errors.Is(err, tc.want) || d != nil || rep != nil {
				t.Errorf("got %v, %v, %v; want %v", d, rep, err, tc.want)
			}
		})
	}
}

// BenchmarkImportPDF: the whole import of a corpus PDF (pdftotext
// included), and the Go part alone (layout and recognition of extracted
// pages), which the ≤ 100 ms target is about.
func BenchmarkImportPDF(b *testing.B) {
	ms, _ := filepath.Glob(filepath.Join(corpusDir(b), "02-*.pdf"))
	if len(ms) == 0 {
		b.Skip("no shared corpus")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed")
	}
	data, err := os.ReadFile(ms[0])
	if err != nil {
		b.Fatal(err)
	}
	b.Run("with-pdftotext", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Import(bytes.NewReader(data), int64(len(data)), ms[0], Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	pages, err := pdfread.Extract(context.Background(), data, pdfread.DefaultLimits)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("layout-and-recognise", func(b *testing.B) {
		for b.Loop() {
			ps := make([]pdfread.Page, len(pages))
			for i := range pages {
				ps[i] = pdfread.Page{Width: pages[i].Width, Height: pages[i].Height, Words: append([]pdfread.Word(nil), pages[i].Words...)}
			}
			rep := &Report{Format: FormatPDF}
			recognise(pdfLines(ps, rep), rep, true)
		}
	})
}

// TestExtractPageLimit: a PDF longer than the page limit is refused, not
// cut.
func TestExtractPageLimit(t *testing.T) {
	ms, _ := filepath.Glob(filepath.Join(corpusDir(t), "02-*.pdf"))
	if len(ms) == 0 {
		t.Skip("no shared corpus")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is required with the corpus present")
	}
	data, err := os.ReadFile(ms[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		max  int
		want error
	}{{5, pdfread.ErrTooLarge}, {6, nil}} {
		lim := pdfread.DefaultLimits
		lim.MaxPages = tc.max
		pages, err := pdfread.Extract(context.Background(), data, lim)
		if !errors.Is(err, tc.want) || (err == nil && len(pages) != 6) {
			t.Errorf("6 pages, limit %d: %d pages, %v; want %v", tc.max, len(pages), err, tc.want)
		}
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
