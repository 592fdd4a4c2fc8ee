package docx

import (
	"encoding/xml"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/templates"
)

type xmlVal struct {
	Val string `xml:"val,attr"`
}

type xmlRPr struct {
	Fonts *struct {
		ASCII    string `xml:"ascii,attr"`
		HAnsi    string `xml:"hAnsi,attr"`
		CS       string `xml:"cs,attr"`
		EastAsia string `xml:"eastAsia,attr"`
	} `xml:"rFonts"`
	B     *xmlVal `xml:"b"`
	I     *xmlVal `xml:"i"`
	Color *xmlVal `xml:"color"`
	Sz    *xmlVal `xml:"sz"`
	SzCs  *xmlVal `xml:"szCs"`
}

type xmlStyles struct {
	Defaults struct {
		RPr xmlRPr `xml:"rPrDefault>rPr"`
	} `xml:"docDefaults"`
	Styles []struct {
		Type string `xml:"type,attr"`
		ID   string `xml:"styleId,attr"`
		PPr  struct {
			Spacing *struct {
				Before   string `xml:"before,attr"`
				After    string `xml:"after,attr"`
				Line     string `xml:"line,attr"`
				LineRule string `xml:"lineRule,attr"`
			} `xml:"spacing"`
			Ind *struct {
				FirstLine string `xml:"firstLine,attr"`
			} `xml:"ind"`
			Jc *xmlVal `xml:"jc"`
		} `xml:"pPr"`
		RPr xmlRPr `xml:"rPr"`
	} `xml:"style"`
}

func readStyles(t *testing.T) xmlStyles {
	t.Helper()
	data, err := fs.ReadFile(templates.FS, path.Join(templates.Base, "word/styles.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var s xmlStyles
	if err := xml.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func twipsOfMM(mm float64) int { return int(math.Round(mm * 56.6929)) }

// TestTemplateStylesMatchCompose holds every named paragraph style of the
// template to compose.Styles, the table the PDF writer draws from, so the
// two outputs cannot drift apart.
func TestTemplateStylesMatchCompose(t *testing.T) {
	s := readStyles(t)
	tnr := "Times New Roman"
	d := s.Defaults.RPr
	if d.Fonts == nil || d.Fonts.ASCII != tnr || d.Fonts.HAnsi != tnr || d.Fonts.CS != tnr || d.Fonts.EastAsia != tnr {
		t.Errorf("docDefaults fonts = %+v, want Times New Roman in every slot", d.Fonts)
	}
	if d.Sz == nil || d.Sz.Val != "28" || d.Color == nil || d.Color.Val != "000000" {
		t.Errorf("docDefaults: want 14 pt black")
	}
	byID := map[string]int{}
	for i, st := range s.Styles {
		byID[st.ID] = i
		if c := st.RPr.Color; c != nil && c.Val != "000000" && c.Val != "auto" {
			t.Errorf("style %s: colour %s, want black", st.ID, c.Val)
		}
	}
	jc := map[compose.Align]string{compose.AlignLeft: "left", compose.AlignCenter: "center", compose.AlignRight: "right", compose.AlignJustify: "both"}
	for style, spec := range compose.Styles {
		t.Run(string(style), func(t *testing.T) {
			i, ok := byID[string(style)]
			if !ok {
				t.Fatalf("no style %s in the template", style)
			}
			st := s.Styles[i]
			if st.Type != "paragraph" {
				t.Errorf("type %s, want paragraph", st.Type)
			}
			f := st.RPr.Fonts
			if f == nil || f.ASCII != tnr || f.HAnsi != tnr || f.CS != tnr || f.EastAsia != tnr {
				t.Errorf("fonts %+v, want Times New Roman in every slot", f)
			}
			wantSz := strconv.Itoa(int(math.Round(spec.Size * 2)))
			if st.RPr.Sz == nil || st.RPr.Sz.Val != wantSz || st.RPr.SzCs == nil || st.RPr.SzCs.Val != wantSz {
				t.Errorf("size: want w:sz and w:szCs %s", wantSz)
			}
			if on := st.RPr.B != nil && st.RPr.B.Val != "0" && st.RPr.B.Val != "false"; on != spec.Bold {
				t.Errorf("bold %v, want %v", on, spec.Bold)
			}
			if on := st.RPr.I != nil && st.RPr.I.Val != "0" && st.RPr.I.Val != "false"; on != spec.Italic {
				t.Errorf("italic %v, want %v", on, spec.Italic)
			}
			if st.PPr.Jc == nil || st.PPr.Jc.Val != jc[spec.Align] {
				t.Errorf("alignment: want %s", jc[spec.Align])
			}
			first := 0
			if st.PPr.Ind != nil {
				first, _ = strconv.Atoi(st.PPr.Ind.FirstLine)
			}
			if want := twipsOfMM(spec.FirstIndent); first != want {
				t.Errorf("first-line indent %d, want %d twips (%g mm)", first, want, spec.FirstIndent)
			}
			sp := st.PPr.Spacing
			if sp == nil {
				t.Fatal("no w:spacing")
			}
			for _, c := range []struct {
				name string
				got  string
				want float64
			}{{"before", sp.Before, spec.SpaceBefore}, {"after", sp.After, spec.SpaceAfter}} {
				if c.got != strconv.Itoa(twips(c.want)) {
					t.Errorf("spacing %s = %q, want %d", c.name, c.got, twips(c.want))
				}
			}
			// A multiple of single spacing is declared as Word's "Multiple"
			// (240 = single); any other line height is exact.
			wantLine, wantRule := strconv.Itoa(twips(spec.Line)), "exact"
			if spec.Spacing > 0 {
				wantLine, wantRule = strconv.Itoa(int(math.Round(240*spec.Spacing))), "auto"
			}
			if sp.Line != wantLine || sp.LineRule != wantRule {
				t.Errorf("spacing line %q %q, want %s %s", sp.Line, sp.LineRule, wantLine, wantRule)
			}
		})
	}
}

// TestTemplatePageMatchesCompose holds the template's w:sectPr to
// compose.Page, which the PDF writer uses.
func TestTemplatePageMatchesCompose(t *testing.T) {
	p := testWriter(t).t.page
	c := compose.Page
	for _, v := range []struct {
		name string
		got  int
		mm   float64
	}{
		{"width", p.W, c.Width}, {"height", p.H, c.Height},
		{"top", p.Top, c.Top}, {"bottom", p.Bottom, c.Bottom}, {"left", p.Left + p.Gutter, c.Left}, {"right", p.Right, c.Right},
		{"header", p.Header, c.HeaderDistance},
	} {
		// A4 is 11906 × 16838 twips in Word, one twip off the exact mm.
		if d := v.got - twipsOfMM(v.mm); d < -1 || d > 1 {
			t.Errorf("%s: template %d twips, compose %g mm = %d twips", v.name, v.got, v.mm, twipsOfMM(v.mm))
		}
	}
}

// TestNewRejectsBrokenTemplates: New checks the template once, so a broken
// one fails at start-up, not on the first document.
func TestNewRejectsBrokenTemplates(t *testing.T) {
	base := fstest.MapFS{}
	err := fs.WalkDir(templates.FS, templates.Base, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		base[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, repl string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		p := path.Join(templates.Base, name)
		m[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(base[p].Data), old, repl, 1))}
		return m
	}
	without := func(name string) fstest.MapFS {
		m := edit(name, "", "")
		delete(m, path.Join(templates.Base, name))
		return m
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"ok", base, ""},
		{"no body placeholder", edit("word/document.xml", phBody, ""), "VB:BODY"},
		{"two body placeholders", edit("word/document.xml", phBody, phBody+phBody), "exactly one"},
		{"no footnotes placeholder", edit("word/footnotes.xml", phFootnotes, ""), "VB:FOOTNOTES"},
		{"no title placeholder", edit("docProps/core.xml", phTitle, ""), "VB:TITLE"},
		{"broken XML", edit("word/styles.xml", "</w:styles>", ""), "styles.xml"},
		{"no styles", without("word/styles.xml"), "missing part"},
		{"no first-page header", edit("word/document.xml", `<w:headerReference w:type="first" r:id="rId6"/>`, ""), "first-page"},
		{"bad margin", edit("word/document.xml", `w:left="1701"`, `w:left="wide"`), "pgMar left"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.fsys, fonts.FS)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("New: error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := New(templates.FS, fstest.MapFS{}); err == nil {
		t.Error("New without fonts: no error")
	}
	if _, err := New(nil, fonts.FS); err == nil {
		t.Error("New(nil): no error")
	}
}

func TestMinifyKeepsMeaning(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<a>\n  <b/>\n</a>", "<a><b/></a>"},
		{"<a><!-- note --> <b/></a>", "<a><b/></a>"},
		{"<a><!--VB:BODY--></a>", "<a><!--VB:BODY--></a>"},
		{`<w:t xml:space="preserve"> </w:t>`, `<w:t xml:space="preserve"> </w:t>`},
		{`<w:instrText xml:space="preserve"> PAGE </w:instrText>`, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`},
		{"<a>x y</a>", "<a>x y</a>"},
	}
	for _, tt := range tests {
		if got := minify(tt.in); got != tt.want {
			t.Errorf("minify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
