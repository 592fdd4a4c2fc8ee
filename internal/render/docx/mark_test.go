package docx

import (
	"strings"
	"testing"
)

// TestDraftMark: the first-page header carries the boxed mark when the
// composed document has one, and is the template's empty paragraph when not.
func TestDraftMark(t *testing.T) {
	for _, c := range []struct {
		mark string
		want []string
		not  []string
	}{
		{"", []string{`<w:pStyle w:val="VbSoTrang"/></w:pPr></w:p>`}, []string{"DỰ THẢO", "w:bdr"}},
		{"DỰ THẢO", []string{`<w:jc w:val="right"/>`, `<w:bdr w:val="single"`, `<w:b/>`, "> DỰ THẢO </w:t>"}, nil},
	} {
		d := handDoc()
		d.Mark = c.mark
		hdr := string(readPart(t, renderDOCX(t, d), "word/header2.xml"))
		if err := strictParse(hdr); err != nil {
			t.Fatalf("mark %q: header2 is not well-formed: %v", c.mark, err)
		}
		for _, w := range c.want {
			if !strings.Contains(hdr, w) {
				t.Errorf("mark %q: header2 lacks %s:\n%s", c.mark, w, hdr)
			}
		}
		for _, w := range c.not {
			if strings.Contains(hdr, w) {
				t.Errorf("mark %q: header2 has %s:\n%s", c.mark, w, hdr)
			}
		}
		if strings.Contains(hdr, placeholderPrefix) {
			t.Errorf("mark %q: placeholder left in header2", c.mark)
		}
	}
}
