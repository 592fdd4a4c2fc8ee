package docx

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
)

// FuzzRenderText puts arbitrary text in every user-text position (a body
// run, a label, a table cell, an addressee, a footnote, the title
// metadata): the render must succeed, stay well-formed, and keep the text
// minus only what XML cannot carry.
func FuzzRenderText(f *testing.F) {
	for _, s := range []string{"", "a & b < c > d \" e ' f", "<!--VB:BODY-->", "{{BODY}}", "]]>", "\x00\x01\t\n\r", "\xff\xfe", "Độc lập - Tự do - Hạnh phúc", " leading and trailing "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := handDoc()
		body := d.Sections[0].Blocks[4].Para
		body.Label = s
		body.Runs = append(body.Runs, compose.Run{Text: s})
		d.Sections[1].Blocks[1].Table.Rows[0][1].Runs = []compose.Run{{Text: s}}
		d.Footnotes[0].Text = s
		d.Meta.Title = s
		d.Sections[0].Blocks = append(d.Sections[0].Blocks[:3:3], append([]compose.Block{{Addressees: &compose.Addressees{Lead: "Kính gửi:", Lines: compose.PlainLines(s, s)}}}, d.Sections[0].Blocks[3:]...)...)
		data, doc := renderString(t, d)
		for _, part := range []string{partFootnotes, partCore} {
			if err := strictParse(string(readPart(t, data, part))); err != nil {
				t.Fatalf("%s: %v", part, err)
			}
		}
		got := texts(t, doc)
		if keep := printable(s); keep != "" && !strings.Contains(got, keep) {
			t.Fatalf("text %q lost from the body", keep)
		}
	})
}

// printable is s as the writer keeps it in one w:t: valid UTF-8, no
// control characters, no U+FFFE/U+FFFF, cut at the first tab or line break
// (those become w:tab and w:br).
func printable(s string) string {
	if i := strings.IndexAny(s, "\t\n\r"); i >= 0 {
		s = s[:i]
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if (r == utf8.RuneError && n == 1) || r < 0x20 || r == 0xFFFE || r == 0xFFFF {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
