package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-playground/validator/v10"

	"github.com/vanban/vanban/internal/importer/docxread"
	"github.com/vanban/vanban/internal/importer/pdfread"
)

// profileDOCX is a small công văn whose body paragraphs carry ppr and
// whose styles.xml is styles (empty: no styles part).
func profileDOCX(t *testing.T, sect, styles, ppr string) []byte {
	t.Helper()
	long := "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về việc triển khai kế hoạch năm, đề nghị các cơ quan, đơn vị báo cáo kết quả."
	p := func(text, pp string) string {
		return `<w:p><w:pPr>` + pp + `</w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	paras := p("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", `<w:jc w:val="center"/>`) +
		p("CÔNG VĂN", `<w:jc w:val="center"/>`) +
		p(long, ppr) + p(long, ppr) + p(long, ppr) + sect
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	parts := map[string]string{
		"_rels/.rels":       `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + paras + `</w:body></w:document>`,
	}
	if styles != "" {
		parts["word/styles.xml"] = `<?xml version="1.0"?><w:styles ` + ns + `>` + styles + `</w:styles>`
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSourceProfile(t *testing.T) {
	sect := func(top, right, bottom, left int) string {
		return `<w:sectPr><w:pgMar w:top="` + strconv.Itoa(top) + `" w:right="` + strconv.Itoa(right) + `" w:bottom="` + strconv.Itoa(bottom) + `" w:left="` + strconv.Itoa(left) + `"/></w:sectPr>`
	}
	house := sect(1134, 1134, 1134, 1701)
	tests := []struct {
		name   string
		sect   string
		styles string
		ppr    string
		want   map[string]float64 // profile fields kept; nil: no profile
		left   string             // the field the report must name as left to the house style
	}{
		{"house style: nothing stored", house, "", `<w:ind w:firstLine="567"/><w:jc w:val="both"/>`, nil, ""},
		{"indent 12.5 mm and right margin 15 mm in range", sect(1134, 851, 1134, 1701), "",
			`<w:ind w:firstLine="709"/><w:jc w:val="both"/>`, map[string]float64{"first_indent": 12.5, "margin_right": 15}, ""},
		{"indent 15 mm out of range", house, "", `<w:ind w:firstLine="850"/>`, nil, "first_indent"},
		{"left margin 25 mm out of range", sect(1134, 1134, 1134, 1417), "", `<w:ind w:firstLine="567"/>`, nil, "margin_left"},
		{"indent, size and spacing from the style chain and docDefaults", house,
			`<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
				`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:ind w:firstLine="720"/></w:pPr></w:style>` +
				`<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>`,
			`<w:pStyle w:val="Body"/><w:ind w:left="0"/>`, map[string]float64{"first_indent": 12.7, "body_size": 13, "line_spacing": 1.1}, ""},
		{"exact line height is no multiple", house, "", `<w:ind w:firstLine="567"/><w:spacing w:line="360" w:lineRule="exact"/>`, nil, ""},
		{"hanging indent out of range", house, "", `<w:ind w:firstLine="567" w:hanging="283"/>`, nil, "first_indent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := profileDOCX(t, tt.sect, tt.styles, tt.ppr)
			d, rep, err := ImportDOCX(bytes.NewReader(data), int64(len(data)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			p := d.Options.Profile
			if tt.want == nil && p != nil {
				t.Fatalf("profile %+v, want none", *p)
			}
			got := map[string]float64{}
			if p != nil {
				for k, v := range map[string]*float64{"margin_top": p.MarginTop, "margin_right": p.MarginRight, "margin_bottom": p.MarginBottom,
					"margin_left": p.MarginLeft, "first_indent": p.FirstIndent, "body_size": p.BodySize, "line_spacing": p.LineSpacing, "agency_size": p.AgencySize} {
					if v != nil {
						got[k] = *v
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("profile %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
			}
			left := ""
			for _, n := range rep.Guessed {
				if strings.HasPrefix(n.Path, "/options") {
					if _, after, ok := strings.Cut(n.EN, "("); ok {
						left, _, _ = strings.Cut(after, ")")
					}
				}
			}
			if left != tt.left {
				t.Errorf("report leaves %q to the house style, want %q", left, tt.left)
			}
		})
	}
}

// TestCorpusSourceProfile: every corpus .docx imports with a profile the
// validator accepts, and its first-line indent is the file's modal body
// indent (or the house default where that is the modal one or out of
// range), written in the file itself.
func TestCorpusSourceProfile(t *testing.T) {
	v := validator.New()
	for _, name := range corpusFiles(t, ".docx") {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := ImportDOCX(bytes.NewReader(data), int64(len(data)), Limits{})
			if err != nil {
				t.Skipf("not imported: %v", err)
			}
			f, err := docxread.ReadFormat(context.Background(), bytes.NewReader(data), int64(len(data)), docxread.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			p := d.Options.Profile
			if p != nil {
				if err := v.Struct(p); err != nil {
					t.Errorf("profile outside NĐ30: %v", err)
				}
			}
			ind, ok := modal(bodyParas(f), func(p docxread.ParaFormat) (int, int) { return p.FirstLine, 1 })
			if !ok {
				return
			}
			mm := math.Round(float64(ind)*25.4/1440*10) / 10
			inRange := mm >= 10 && mm <= 12.7
			switch {
			case p != nil && p.FirstIndent != nil:
				if *p.FirstIndent != mm {
					t.Errorf("first_indent %v, the file's modal body indent is %v mm", *p.FirstIndent, mm)
				}
				if !strings.Contains(xmlOf(t, data), `w:firstLine="`+strconv.Itoa(ind)+`"`) {
					t.Errorf("indent %d twips is not written in the file", ind)
				}
			case inRange && mm != 10:
				t.Errorf("modal indent %v mm in range but not kept", mm)
			}
		})
	}
}

// xmlOf is the text of the document and styles parts.
func xmlOf(t *testing.T, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if f.Name == "word/document.xml" || f.Name == "word/styles.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(&b, rc)
			rc.Close()
		}
	}
	return b.String()
}

// pdfPage is an A4 page of body text: n paragraphs of four full lines
// between left and right (points), each first line indent points in, at
// pitch, in words of size pt.
func pdfPage(left, right, indent, pitch, size float64, n int) pdfread.Page {
	pg := pdfread.Page{Width: 595.28, Height: 841.89}
	y := 80.0
	for p := 0; p < n; p++ {
		for l := 0; l < 4; l++ {
			x0 := left
			if l == 0 {
				x0 += indent
			}
			mid := (x0 + right) / 2
			pg.Words = append(pg.Words,
				pdfread.Word{Text: "Thực hiện", X0: x0, X1: mid - 3, Y0: y - size, Y1: y, Size: size},
				pdfread.Word{Text: "kế hoạch", X0: mid, X1: right, Y0: y - size, Y1: y, Size: size})
			y += pitch
		}
		y += 6
	}
	return pg
}

func TestPDFProfile(t *testing.T) {
	mm := func(v float64) float64 { return v * 72 / 25.4 }
	pageW := 595.28
	tests := []struct {
		name string
		page pdfread.Page
		want map[string]float64
		left string
	}{
		{"house style", pdfPage(mm(30), pageW-mm(20), mm(10), 16.1, 14, 6), nil, ""},
		{"12.7 mm indent, 15 mm right, 1.15 lines", pdfPage(mm(30), pageW-mm(15)-0.2, mm(12.7), 18.5, 14, 6),
			map[string]float64{"first_indent": 12.7, "margin_right": 15, "line_spacing": 1.15}, ""},
		{"20 mm left margin out of range", pdfPage(mm(20), pageW-mm(20), mm(10), 16.1, 14, 6), nil, "margin_left"},
		{"13 pt body", pdfPage(mm(30), pageW-mm(20), mm(10), 15, 13, 6), map[string]float64{"body_size": 13}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &Report{}
			p := pdfProfile([]pdfread.Page{tt.page}, rep)
			got := map[string]float64{}
			if p != nil {
				for k, v := range map[string]*float64{"margin_right": p.MarginRight, "margin_left": p.MarginLeft,
					"first_indent": p.FirstIndent, "body_size": p.BodySize, "line_spacing": p.LineSpacing} {
					if v != nil {
						got[k] = *v
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("profile %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
			}
			left := ""
			for _, n := range rep.Guessed {
				if _, after, ok := strings.Cut(n.EN, "("); ok {
					left, _, _ = strings.Cut(after, ")")
				}
			}
			if left != tt.left {
				t.Errorf("left to the house style: %q, want %q", left, tt.left)
			}
		})
	}
}
