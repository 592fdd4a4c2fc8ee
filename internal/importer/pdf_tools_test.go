//go:build integration

package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/pdfread"
	"github.com/vanban/vanban/internal/testtools"
	"github.com/vanban/vanban/internal/vntext"
)

// TestPDFCorpus imports every corpus PDF and checks its key fields and
// that the printed document plus the dropped lines cover the reference
// text (word recall ≥ 0.99). The reference is pdftotext's text, so its
// mis-encoded glyphs ("trƣờng") are repaired the same way before counting.
func TestPDFCorpus(t *testing.T) {
	dir := corpusDir(t)
	testtools.Poppler(t)
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

// TestImportPDFRefusals: a file that is not a readable PDF, or a PDF over
// the size limit, is refused with the importer's errors.
func TestImportPDFRefusals(t *testing.T) {
	testtools.Poppler(t)
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
	testtools.Poppler(b)
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
	testtools.Poppler(t)
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

// repairGlyphs applies pdfread's glyph repairs to a reference text.
func repairGlyphs(s string) string {
	res := pdfread.Layout([]pdfread.Page{{Width: 1, Height: 1, Words: []pdfread.Word{{Text: s, X1: 1, Y1: 1}}}}, pdfread.Options{})
	if len(res.Paras) == 0 {
		return s
	}
	return res.Paras[0].Text()
}
