package pdf

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/golden"
	"github.com/vanban/vanban/internal/render/layout"
	"github.com/vanban/vanban/samples"
)

var update = flag.Bool("update", false, "rewrite testdata/*.pdf golden files")

func newWriter(tb testing.TB) *Writer {
	tb.Helper()
	w, err := New(fonts.FS)
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

type sample struct {
	name string
	doc  *compose.Document
}

// loadSamples composes every samples/*.json as the CLI does.
func loadSamples(tb testing.TB) []sample {
	tb.Helper()
	all, err := samples.Decoded()
	if err != nil {
		tb.Fatal(err)
	}
	var out []sample
	for _, s := range all {
		document.Normalize(s.Doc, nil)
		c, err := compose.Compose(s.Doc, compose.Options{Draft: true})
		if err != nil {
			tb.Fatalf("%s: compose: %v", s.Name, err)
		}
		out = append(out, sample{name: s.Name, doc: c})
	}
	if len(out) == 0 {
		tb.Skip("no samples")
	}
	return out
}

func renderBytes(tb testing.TB, w *Writer, d *compose.Document) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if _, err := w.Render(context.Background(), &buf, d); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	w := newWriter(t)
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			got := renderBytes(t, w, s.doc)
			again := renderBytes(t, w, s.doc)
			if !bytes.Equal(got, again) {
				t.Fatal("two renders of the same document differ")
			}
			golden.Check(t, filepath.Join("testdata", s.name+".pdf"), got, *update)
		})
	}
}

func TestMissingGlyph(t *testing.T) {
	w := newWriter(t)
	for _, tc := range []struct {
		name string
		text string
		want rune
	}{
		{"emoji", "Chúc mừng 🎉", '🎉'},
		{"CJK", "Hà Nội 漢", '漢'},
		{"private use", "x\uE000", '\uE000'},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := handDoc()
			d.Sections[0].Blocks = append(d.Sections[0].Blocks, compose.Block{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: tc.text}}}})
			var buf bytes.Buffer
			_, err := w.Render(context.Background(), &buf, d)
			var mg *MissingGlyphError
			if !errors.As(err, &mg) || mg.Rune != tc.want {
				t.Fatalf("err = %v, want a MissingGlyphError for %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Error("wrote output on failure")
			}
		})
	}
}

func TestHasGlyph(t *testing.T) {
	w := newWriter(t)
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true}, {'ệ', true}, {'Đ', true}, {'ỹ', true}, {'–', true}, {'“', true}, {'₫', true},
		{'漢', false}, {'🎉', false}, {'\uE000', false}, {-1, false},
	} {
		if got := w.HasGlyph(tc.r); got != tc.want {
			t.Errorf("HasGlyph(%q) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(os.DirFS(t.TempDir())); err == nil {
		t.Error("New with no fonts: want an error")
	}
}

// handDoc is a small document built by hand: the parts compose does not
// yet exercise in the samples.
func handDoc() *compose.Document {
	body := func(s string) compose.Block {
		return compose.Block{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: s}}}}
	}
	long := strings.Repeat("Nội dung công việc được triển khai đồng bộ, kịp thời và hiệu quả trên địa bàn tỉnh. ", 6)
	cell := func(s string) compose.Cell {
		return compose.Cell{Runs: []compose.Run{{Text: s}}, ColSpan: 1, RowSpan: 1}
	}
	var rows [][]compose.Cell
	for i := range 40 {
		rows = append(rows, []compose.Cell{cell(strings.Repeat("x", i%3+1)), cell("Hoạt động truyền thông nâng cao nhận thức về bình đẳng giới"), cell("100")})
	}
	rows[2][0].RowSpan = 2
	rows[3][0] = compose.Cell{Covered: true}
	rows[5][1].ColSpan = 2
	rows[5][2] = compose.Cell{Covered: true}
	return &compose.Document{
		Meta: compose.Meta{Title: "Thử nghiệm", Author: "ỦY BAN NHÂN DÂN TỈNH", Creator: "vanban", Date: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
		Sections: []compose.Section{
			{Blocks: []compose.Block{
				{Header: &compose.Header{
					Agency:    []compose.Para{{Style: compose.StyleAgency, Runs: []compose.Run{{Text: "ỦY BAN NHÂN DÂN"}}}, {Style: compose.StyleAgency, Runs: []compose.Run{{Text: "TỈNH HÀ NAM"}}, Rule: compose.RuleShort}},
					Nation:    []compose.Para{{Style: compose.StyleNation, Runs: []compose.Run{{Text: compose.NationText}}}, {Style: compose.StyleMotto, Runs: []compose.Run{{Text: compose.MottoText}}, Rule: compose.RuleText}},
					Number:    compose.Para{Style: compose.StyleNumber, Runs: []compose.Run{{Text: "Số: 12/UBND-VX"}}},
					PlaceDate: compose.Para{Style: compose.StylePlaceDate, Runs: []compose.Run{{Text: "Hà Nam, ngày 05 tháng 3 năm 2024"}}},
					Subject:   []compose.Para{{Style: compose.StyleSubject, Runs: []compose.Run{{Text: "V/v thử nghiệm bản PDF"}}}},
				}},
				{Addressees: &compose.Addressees{Lead: "Kính gửi:", Lines: compose.PlainLines("- Sở Tài chính;", "- Sở Kế hoạch và Đầu tư.")}},
				{Para: &compose.Para{Style: compose.StyleHeading1, Label: "I.", Runs: []compose.Run{{Text: "MỤC ĐÍCH"}}, KeepNext: true}},
				{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: "Có chú thích", Footnote: 1}, {Text: " ở cuối trang, và một từ rất dài " + strings.Repeat("Đ", 120)}}}},
				body(long), body(long), body(long),
				{Table: &compose.Table{Widths: []float64{0.2, 0.6, 0.2}, FontSize: 12,
					Header: [][]compose.Cell{{{Runs: []compose.Run{{Text: "STT"}}, Bold: true, Align: compose.AlignCenter}, {Runs: []compose.Run{{Text: "Nội dung"}}, Bold: true, Align: compose.AlignCenter}, {Runs: []compose.Run{{Text: "Kinh phí"}}, Bold: true, Align: compose.AlignCenter}}},
					Rows:   rows}},
				body(long + "./."),
				{Closing: &compose.Closing{
					Recipients: []compose.Para{{Style: compose.StyleRecipientsHead, Runs: []compose.Run{{Text: "Nơi nhận:"}}}, {Style: compose.StyleRecipient, Runs: []compose.Run{{Text: "- Như trên;"}}}, {Style: compose.StyleRecipient, Runs: []compose.Run{{Text: "- Lưu: VT, VX."}}}},
					Signer:     []compose.Para{{Style: compose.StyleAuthority, Runs: []compose.Run{{Text: "TM. ỦY BAN NHÂN DÂN"}}}, {Style: compose.StyleAuthority, Runs: []compose.Run{{Text: "CHỦ TỊCH"}}}, {Style: compose.StyleSignerName, Runs: []compose.Run{{Text: "Nguyễn Văn A"}}}},
					SignSpace:  72, NameIndex: 2,
				}},
			}},
			{Landscape: true, RestartNumbering: true, Blocks: []compose.Block{
				{Para: &compose.Para{Style: compose.StyleAppendixNo, Runs: []compose.Run{{Text: "Phụ lục I"}}}},
				body(long),
			}},
		},
		Footnotes: []compose.Footnote{{ID: 1, Text: "Chú thích thử nghiệm có dấu tiếng Việt."}},
	}
}

func TestHandBuilt(t *testing.T) {
	w := newWriter(t)
	var buf bytes.Buffer
	res, err := w.Render(context.Background(), &buf, handDoc())
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 4 {
		t.Errorf("pages = %d, want at least 4", res.Pages)
	}
	if res.Signature == nil || res.Signature.Page < 1 || res.Signature.Page >= res.Pages || res.Signature.W <= 0 || res.Signature.H <= 0 {
		t.Errorf("signature area = %+v", res.Signature)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

func TestContextCancelled(t *testing.T) {
	w := newWriter(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if _, err := w.Render(ctx, &buf, handDoc()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if buf.Len() != 0 {
		t.Error("wrote output on failure")
	}
}

// BenchmarkRenderPDF renders the largest sample.
func BenchmarkRenderPDF(b *testing.B) {
	w := newWriter(b)
	if err := w.Prepare(); err != nil {
		b.Fatal(err)
	}
	for _, s := range loadSamples(b) {
		var buf bytes.Buffer
		res, err := w.Render(context.Background(), &buf, s.doc)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s/%dpages", s.name, res.Pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if _, err := w.Render(context.Background(), &buf, s.doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KB/pdf")
		})
	}
}

// BenchmarkFPDFFloor is what fpdf costs per document before any layout:
// a new document, the four faces, one page with a line in each face, and
// Output. "utf8" is fpdf's UTF-8 path with the full faces (font parse,
// subset, ID hashing and compression every time: the floor the writer had
// before paged.go); "paged" is the code-page fonts the writer uses.
func BenchmarkFPDFFloor(b *testing.B) {
	w := newWriter(b)
	if err := w.Prepare(); err != nil {
		b.Fatal(err)
	}
	const line = "Cộng hòa xã hội chủ nghĩa Việt Nam"
	for _, paged := range []bool{false, true} {
		name := map[bool]string{false: "utf8", true: "paged"}[paged]
		b.Run(name, func(b *testing.B) {
			var faces [4][]byte
			if !paged {
				var err error
				if faces, err = w.fullFaces(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				doc := w.newFpdf(compose.Meta{}, faces)
				doc.AddPage()
				r := &renderer{w: w, pdf: doc, geo: compose.House(), paged: paged}
				for i := range fpdfStyle {
					r.text(layout.FaceIndex(i), 14, 50, 50+20*float64(i), line, 0)
				}
				buf.Reset()
				if err := doc.Output(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestOutsideRepertoire renders a character the code pages lack (Greek)
// with the full faces on fpdf's UTF-8 path, and it extracts.
func TestOutsideRepertoire(t *testing.T) {
	w := newWriter(t)
	d := handDoc()
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, compose.Block{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: "Hệ số α và β"}}}})
	if w.fits(d) {
		t.Fatal("a Greek letter should not fit the code pages")
	}
	renderBytes(t, w, d)
}

// laterCancel is a context that reports itself cancelled from its n-th
// look on: it shows where the writer looks, not only that it looks first.
type laterCancel struct {
	context.Context
	looks, n int
}

func (c *laterCancel) Err() error {
	c.looks++
	if c.looks >= c.n {
		return context.Canceled
	}
	return nil
}

// TestContextCancelledInsideSection: a request that ends while a long
// section is being laid out stops there (the worker is freed), with
// nothing written. With one section, only a look between its blocks or
// pages can see the cancellation.
func TestContextCancelledInsideSection(t *testing.T) {
	w := newWriter(t)
	d := handDoc()
	d.Sections = d.Sections[:1]
	for _, n := range []int{2, 3, 5} {
		ctx := &laterCancel{Context: context.Background(), n: n}
		var buf bytes.Buffer
		if _, err := w.Render(ctx, &buf, d); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled at look %d: err = %v, want context.Canceled", n, err)
		}
		if buf.Len() != 0 {
			t.Errorf("cancelled at look %d: wrote output on failure", n)
		}
	}
}
