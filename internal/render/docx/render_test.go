package docx

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/compose"
)

func para(style compose.Style, text string) compose.Para {
	return compose.Para{Style: style, Runs: []compose.Run{{Text: text}}}
}

// handDoc is a small composed document built by hand: header, title,
// body, closing, and one landscape appendix with a grouped-header table.
func handDoc() *compose.Document {
	motto := para(compose.StyleMotto, "Độc lập - Tự do - Hạnh phúc")
	motto.Rule = compose.RuleText
	agency := para(compose.StyleAgency, "ỦY BAN NHÂN DÂN")
	agency.Rule = compose.RuleShort
	summary := para(compose.StyleSummary, "Thực hiện công tác bình đẳng giới năm 2024")
	summary.Rule = compose.RuleShort
	c := func(text string, a compose.Align) compose.Cell {
		return compose.Cell{Runs: []compose.Run{{Text: text}}, Align: a, ColSpan: 1, RowSpan: 1}
	}
	covered := compose.Cell{Covered: true, ColSpan: 1, RowSpan: 1}
	tt := c("TT", compose.AlignCenter)
	tt.RowSpan = 2
	grp := c("Chỉ tiêu", compose.AlignCenter)
	grp.ColSpan = 2
	total := c("1.234.567", compose.AlignRight)
	total.Bold = true
	return &compose.Document{
		Meta: compose.Meta{Title: "Thực hiện <bình đẳng> & giới", Author: "UBND", Subject: "Kế hoạch", Keywords: "01/KH-UBND",
			Date: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
		Footnotes: []compose.Footnote{{ID: 1, Text: "Theo Quyết định số 1719/QĐ-TTg."}},
		Sections: []compose.Section{{
			Blocks: []compose.Block{
				{Header: &compose.Header{
					Agency:    []compose.Para{para(compose.StyleParentAgency, "UBND TỈNH HÀ NAM"), agency},
					Nation:    []compose.Para{para(compose.StyleNation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), motto},
					Number:    para(compose.StyleNumber, "Số: 01/KH-UBND"),
					PlaceDate: para(compose.StylePlaceDate, "Hà Nam, ngày 05 tháng 3 năm 2024"),
				}},
				{Para: ptr(para(compose.StyleTitle, "KẾ HOẠCH"))},
				{Para: &summary},
				{Para: &compose.Para{Style: compose.StyleHeading1, Label: "I.", Runs: []compose.Run{{Text: "MỤC ĐÍCH"}}, KeepNext: true}},
				{Para: &compose.Para{Style: compose.StyleBody, Runs: []compose.Run{
					{Text: "Văn bản <có> ký tự & \"đặc biệt\" và {{BODY}} <!--VB:BODY--> "},
					{Text: "in nghiêng", Italic: true, Footnote: 1},
					{Text: "\tcột\nxuống dòng\x01./."},
				}}},
				{Closing: &compose.Closing{
					Recipients: []compose.Para{para(compose.StyleRecipientsHead, "Nơi nhận:"), para(compose.StyleRecipient, "- Lưu: VT, VX.")},
					Signer:     []compose.Para{para(compose.StyleAuthority, "CHỦ TỊCH"), para(compose.StyleSignerName, "Nguyễn Văn A")},
					SignSpace:  60, NameIndex: 1,
				}},
			},
		}, {
			Landscape: true, RestartNumbering: true,
			Blocks: []compose.Block{
				{Para: ptr(para(compose.StyleAppendixNo, "Phụ lục"))},
				{Table: &compose.Table{
					Widths:   []float64{0.1, 0.45, 0.45},
					Header:   [][]compose.Cell{{tt, grp, covered}, {covered, c("Năm 2024", compose.AlignCenter), c("Năm 2025", compose.AlignCenter)}},
					Rows:     [][]compose.Cell{{c("1", compose.AlignCenter), c("10", compose.AlignRight), total}},
					FontSize: 11,
				}},
			},
		}},
	}
}

func ptr[T any](v T) *T { return &v }

func renderString(t *testing.T, d *compose.Document) (docx []byte, doc string) {
	t.Helper()
	data := renderDOCX(t, d)
	return data, string(readPart(t, data, partDocument))
}

// texts returns the character data of every w:t in document order.
func texts(t *testing.T, doc string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	in := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("document.xml does not parse: %v", err)
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			in = tt.Name.Local == "t"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				b.Write(tt)
			}
		}
	}
}

func TestRenderEscapesUserText(t *testing.T) {
	data, doc := renderString(t, handDoc())
	got := texts(t, doc)
	for _, want := range []string{`Văn bản <có> ký tự & "đặc biệt" và {{BODY}} <!--VB:BODY--> `, "xuống dòng./."} {
		if !strings.Contains(got, want) {
			t.Errorf("text %q lost; document text:\n%s", want, got)
		}
	}
	if strings.Contains(doc, "\x01") {
		t.Error("control character written into document.xml")
	}
	if !strings.Contains(doc, "<w:tab/>") || !strings.Contains(doc, "<w:br/>") {
		t.Error("tab and line feed should become w:tab and w:br")
	}
	core := string(readPart(t, data, partCore))
	if !strings.Contains(core, "<dc:title>Thực hiện &lt;bình đẳng&gt; &amp; giới</dc:title>") ||
		!strings.Contains(core, "2024-03-05T00:00:00Z") {
		t.Errorf("core properties:\n%s", core)
	}
}

func TestRenderLayout(t *testing.T) {
	data, doc := renderString(t, handDoc())
	for _, want := range []string{
		// page numbers restart in the landscape appendix, whose section
		// properties close the body
		`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr></w:body>`,
		// the main section's properties ride in the paragraph after its
		// closing table
		`<w:p><w:pPr><w:pStyle w:val="VbDem"/><w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId6"/><w:pgSz w:w="11906" w:h="16838"/>`,
		// literal label, footnote reference, italic run
		`<w:t xml:space="preserve">I. </w:t>`,
		`<w:footnoteReference w:id="1"/>`,
		`<w:i/><w:iCs/>`,
		// grouped table header: row span, column span, repeated header rows
		`<w:vMerge w:val="restart"/>`, `<w:vMerge/>`, `<w:gridSpan w:val="2"/>`, `<w:tblHeader/>`,
		// the sign space before the name
		`<w:spacing w:before="1200"/>`,
		// the body paragraph before the closing is kept with it
		`<w:pStyle w:val="VbNoiDung"/><w:keepNext/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, "<w:sectPr>"); n != 2 {
		t.Errorf("%d sections, want 2", n)
	}
	if strings.Contains(doc, "w:numPr") {
		t.Error("Word auto-numbering used")
	}
	// the footnote keeps its reference on one line, as the PDF does
	notes := string(readPart(t, data, partFootnotes))
	if !strings.Contains(notes, `<w:footnote w:id="1">`) || !strings.Contains(notes, "Theo Quyết định số 1719/QĐ</w:t><w:noBreakHyphen/><w:t>TTg.") {
		t.Errorf("footnotes part:\n%s", notes)
	}
	// the landscape table spans the landscape text width
	if !strings.Contains(doc, `<w:tblW w:w="14003" w:type="dxa"/>`) {
		t.Error("appendix table is not as wide as the landscape text width (16838-1701-1134)")
	}
}

// TestRuleWidths: the Tiêu ngữ's rule is exactly its measured width, the
// short rules are within NĐ30's 1/3 to 1/2.
func TestRuleWidths(t *testing.T) {
	w := testWriter(t)
	_, doc := renderString(t, handDoc())
	re := regexp.MustCompile(`<w:pStyle w:val="VbDuongKe"/>(?:<w:spacing[^>]*>)?<w:ind w:left="(\d+)" w:right="(\d+)"/>`)
	m := re.FindAllStringSubmatch(doc, -1)
	if len(m) != 3 {
		t.Fatalf("%d rules, want 3 (agency, Tiêu ngữ, trích yếu)", len(m))
	}
	// Tiêu ngữ: the second rule, in the right column.
	spec := compose.Styles[compose.StyleMotto]
	want := w.m.Width("Độc lập - Tự do - Hạnh phúc", spec.Size, true, false)
	hdr := regexp.MustCompile(`<w:gridCol w:w="(\d+)"/><w:gridCol w:w="(\d+)"/>`).FindStringSubmatch(doc)
	right := atoi(t, hdr[2])
	got := ptOf(right - atoi(t, m[1][1]) - atoi(t, m[1][2]))
	if d := got - want; d < -0.1 || d > 0.1 {
		t.Errorf("Tiêu ngữ rule %.1f pt, text %.1f pt", got, want)
	}
	for _, c := range []struct {
		i     int
		text  string
		style compose.Style
		cont  int
	}{{0, "ỦY BAN NHÂN DÂN", compose.StyleAgency, atoi(t, hdr[1])}, {2, "Thực hiện công tác bình đẳng giới năm 2024", compose.StyleSummary, 9355}} {
		s := compose.Styles[c.style]
		text := w.m.Width(c.text, s.Size, s.Bold, s.Italic)
		rule := ptOf(c.cont - atoi(t, m[c.i][1]) - atoi(t, m[c.i][2]))
		if r := rule / text; r < 1.0/3 || r > 0.5 {
			t.Errorf("%s: rule %.1f pt is %.2f of the text's %.1f pt, want 1/3 to 1/2", c.text, rule, r, text)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestAddressees(t *testing.T) {
	d := handDoc()
	blocks := d.Sections[0].Blocks
	one := compose.Block{Addressees: &compose.Addressees{Lead: "Kính gửi:", Lines: compose.PlainLines("Sở Y tế.")}}
	many := compose.Block{Addressees: &compose.Addressees{Lead: "Kính gửi:", Lines: compose.PlainLines("- Sở Y tế;", "- Sở Giáo dục và Đào tạo.")}}
	tests := []struct {
		name  string
		block compose.Block
		want  []string
	}{
		{"one", one, []string{`<w:pStyle w:val="VbKinhGui"/></w:pPr><w:r><w:t>Kính gửi: Sở Y tế.</w:t></w:r>`}},
		{"several", many, []string{`<w:t>Kính gửi:</w:t>`, `w:hanging=`, `<w:t>- Sở Giáo dục và Đào tạo.</w:t>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d.Sections[0].Blocks = append(append(append([]compose.Block{}, blocks[:3]...), tt.block), blocks[3:]...)
			_, doc := renderString(t, d)
			for _, w := range tt.want {
				if !strings.Contains(doc, w) {
					t.Errorf("lacks %s", w)
				}
			}
		})
	}
	// Several: every line's dash sits at the same place, under the colon.
	_, doc := renderString(t, d)
	ind := regexp.MustCompile(`<w:ind w:left="(\d+)" w:right="0" w:hanging="(\d+)"/>`).FindAllStringSubmatch(doc, -1)
	if len(ind) != 2 || ind[0][1] != ind[1][1] {
		t.Errorf("addressee lines not aligned: %v", ind)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) { f.n += len(p); return 0, errors.New("disk full") }

func TestRenderErrorsWriteNothing(t *testing.T) {
	w := testWriter(t)
	undefined := handDoc()
	undefined.Footnotes = nil
	badStyle := handDoc()
	badStyle.Sections[0].Blocks[1].Para.Style = "NoSuchStyle"
	empty := handDoc()
	empty.Sections = nil
	emptyBlock := handDoc()
	emptyBlock.Sections[0].Blocks = append(emptyBlock.Sections[0].Blocks, compose.Block{})
	badTable := handDoc()
	badTable.Sections[1].Blocks[1].Table.Widths = []float64{0.5, -1, 0.5}
	shortRow := handDoc()
	shortRow.Sections[1].Blocks[1].Table.Rows[0] = shortRow.Sections[1].Blocks[1].Table.Rows[0][:1]
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		d    *compose.Document
		want string
	}{
		{"nil", context.Background(), nil, "nil document"},
		{"undefined footnote", context.Background(), undefined, "footnote 1"},
		{"unknown style", context.Background(), badStyle, "NoSuchStyle"},
		{"no sections", context.Background(), empty, "no sections"},
		{"empty block", context.Background(), emptyBlock, "empty"},
		{"bad width", context.Background(), badTable, "column width"},
		{"short row", context.Background(), shortRow, "row 1"},
		{"cancelled", cancelled, handDoc(), "canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := w.Render(tt.ctx, &buf, tt.d)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one mentioning %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "docx: ") {
				t.Errorf("error %q lacks the docx: prefix", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written on failure", buf.Len())
			}
		})
	}
	if _, err := w.Render(context.Background(), &failWriter{}, handDoc()); err == nil {
		t.Error("a failing writer's error was dropped")
	}
}

// TestRenderConcurrentDeterministic: one Writer serves many goroutines and
// the same input always gives the same bytes (no clock, no map order).
func TestRenderConcurrentDeterministic(t *testing.T) {
	ss := loadSamples(t)
	want := make([][]byte, len(ss))
	for i, s := range ss {
		want[i] = renderDOCX(t, s.doc)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range ss {
				var buf bytes.Buffer
				if _, err := testWriter(t).Render(context.Background(), &buf, s.doc); err != nil {
					errs <- err.Error()
					return
				}
				if !bytes.Equal(buf.Bytes(), want[i]) {
					errs <- s.name + ": output differs between renders"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestCheckXMLAgreesWithEncodingXML(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{`<a/>`, true},
		{`<?xml version="1.0"?><a b="1" c='2'><b>t &amp; &#233; &#x1F600;</b><!-- c --></a>`, true},
		{`<w:p><w:t xml:space="preserve"> x </w:t></w:p>`, true},
		{`<a><![CDATA[<x>]]></a>`, true},
		{"<a>\n  <b/>\n</a>\n", true},
		{`<a>`, false}, {`<a></b>`, false}, {`<a><b></a></b>`, false}, {`<a>x & y</a>`, false},
		{`<a>x < y</a>`, false}, {`<a b=1/>`, false}, {`<a b="<"/>`, false}, {`<a/><b/>`, false},
		{`<a>&bogus;</a>`, false}, {`<a>&#0;</a>`, false}, {"<a>\x01</a>", false}, {"<a>\xff</a>", false},
		{`<a><!-- x </a>`, false}, {`</a>`, false}, {``, false}, {`<1a/>`, false},
		// encoding/xml lets these through; XML 1.0 does not.
		{`text<a/>`, false}, {`<a><b/></a>trailing`, false}, {`<a b="1"c="2"/>`, false},
	}
	for _, tt := range tests {
		err := checkXML([]byte(tt.in))
		if (err == nil) != tt.ok {
			t.Errorf("checkXML(%q) = %v, want ok=%v", tt.in, err, tt.ok)
		}
		// Whatever checkXML accepts, encoding/xml accepts too.
		if err == nil && (wellFormed([]byte(tt.in)) != nil || strictParse(tt.in) != nil) {
			t.Errorf("%q: checkXML accepts what encoding/xml rejects", tt.in)
		}
	}
	for _, s := range loadSamples(t) {
		if err := checkXML(readPart(t, renderDOCX(t, s.doc), partDocument)); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
	}
}

// strictParse runs encoding/xml's full (namespace-resolving) decoder.
func strictParse(s string) error {
	dec := xml.NewDecoder(strings.NewReader(s))
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if n == 0 {
				return errors.New("empty")
			}
			return nil
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			n++
		}
	}
}
