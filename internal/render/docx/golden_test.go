package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"github.com/vanban/vanban/internal/golden"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenParts are the parts besides word/document.xml whose normalised XML
// is kept per sample: the headers (page numbers), the footnotes and the
// core properties.
var goldenParts = []string{"word/header1.xml", "word/header2.xml", "word/footnotes.xml", "docProps/core.xml"}

// TestGolden renders every sample and compares word/document.xml, and the
// other generated parts, as canonically indented XML with the files in
// testdata/. Refresh with: go test ./internal/render/docx -run Golden -update
func TestGolden(t *testing.T) {
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			data := renderDOCX(t, s.doc)
			doc, err := indentXML(readPart(t, data, partDocument))
			if err != nil {
				t.Fatalf("%s: %v", partDocument, err)
			}
			var parts bytes.Buffer
			for _, p := range goldenParts {
				x, err := indentXML(readPart(t, data, p))
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				fmt.Fprintf(&parts, "<!-- part: %s -->\n%s\n", p, x)
			}
			golden.Check(t, filepath.Join("testdata", s.name+".document.xml"), doc, *update)
			golden.Check(t, filepath.Join("testdata", s.name+".parts.xml"), parts.Bytes(), *update)
		})
	}
}

func readPart(t testing.TB, docx []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f := zipFile(zr.File, name)
	if f == nil {
		t.Fatalf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// indentXML re-prints an XML document one element per line, indented by
// depth, attributes in their order, text inline, so that a golden diff
// shows which paragraph or cell changed. Prefixes are kept as written
// (RawToken), which encoding/xml's own encoder would rewrite.
func indentXML(data []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b bytes.Buffer
	depth := 0
	var pending *xml.StartElement // a start tag not yet closed with '>' or '/>'
	inline := false               // the current element holds text
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	flush := func() {
		if pending != nil {
			b.WriteString(">")
			pending = nil
		}
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			fmt.Fprintf(&b, "<?%s %s?>", t.Target, t.Inst)
		case xml.StartElement:
			flush()
			b.WriteString("\n" + strings.Repeat("  ", depth) + "<" + name(t.Name))
			for _, a := range t.Attr {
				b.WriteString(" " + name(a.Name) + `="`)
				xml.EscapeText(&b, []byte(a.Value))
				b.WriteString(`"`)
			}
			st := t.Copy()
			pending = &st
			inline = false
			depth++
		case xml.EndElement:
			depth--
			if pending != nil {
				b.WriteString("/>")
				pending = nil
			} else {
				if !inline {
					b.WriteString("\n" + strings.Repeat("  ", depth))
				}
				b.WriteString("</" + name(t.Name) + ">")
			}
			inline = false
		case xml.CharData:
			if len(bytes.TrimSpace(t)) == 0 && !inline && pending == nil {
				continue // indentation between elements
			}
			flush()
			xml.EscapeText(&b, t)
			inline = true
		case xml.Comment:
			flush()
			b.WriteString("\n" + strings.Repeat("  ", depth) + "<!--" + string(t) + "-->")
		}
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}
