package docx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

func fp(v float64) *float64 { return &v }

// TestProfileStyles: a document with an office profile gets that
// profile's geometry in its named styles and page margins, so a clerk who
// opens it in Word sees the office's own settings; a document without one
// gets the house styles.
func TestProfileStyles(t *testing.T) {
	var base *compose.Document
	for _, s := range loadSamples(t) {
		if s.name == "thua-thien-hue-2020-cong-van" {
			base = s.doc
		}
	}
	if base == nil {
		t.Fatal("sample missing")
	}
	style := func(styles, id string) string {
		i := strings.Index(styles, `w:styleId="`+id+`"`)
		if i < 0 {
			t.Fatalf("no style %s", id)
		}
		return styles[i : i+strings.Index(styles[i:], "</w:style>")]
	}
	tests := []struct {
		name    string
		profile *document.Profile
		body    []string // in VbNoiDung
		agency  string   // in VbCoQuan
		pgMar   string
	}{
		{"house", nil,
			[]string{`w:line="240" w:lineRule="auto"`, `<w:ind w:firstLine="567"/>`, `<w:sz w:val="28"/>`},
			`<w:sz w:val="26"/>`, `<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"`},
		{"office", &document.Profile{MarginLeft: fp(35), MarginRight: fp(15), MarginTop: fp(25), BodySize: fp(13),
			LineSpacing: fp(1.15), FirstIndent: fp(12.5), AgencySize: fp(12)},
			[]string{`w:line="276" w:lineRule="auto"`, `<w:ind w:firstLine="709"/>`, `<w:sz w:val="26"/>`},
			`<w:sz w:val="24"/>`, `<w:pgMar w:top="1417" w:right="850" w:bottom="1134" w:left="1984"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := *base
			d.Geometry = compose.GeometryOf(tt.profile)
			out := renderDOCX(t, &d)
			styles := string(readPart(t, out, partStyles))
			body := style(styles, "VbNoiDung")
			for _, want := range tt.body {
				if !strings.Contains(body, want) {
					t.Errorf("VbNoiDung lacks %s:\n%s", want, body)
				}
			}
			if a := style(styles, "VbCoQuan"); !strings.Contains(a, tt.agency) {
				t.Errorf("VbCoQuan lacks %s", tt.agency)
			}
			doc := string(readPart(t, out, partDocument))
			if n := len(regexp.MustCompile(`<w:pgMar `).FindAllString(doc, -1)); n == 0 || strings.Count(doc, tt.pgMar) != n {
				t.Errorf("not every section has %s", tt.pgMar)
			}
		})
	}
}
