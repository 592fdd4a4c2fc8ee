package docx

import (
	"strconv"
	"unicode/utf8"
)

// xbuf appends WordprocessingML to a byte slice. The body is generated as
// text rather than through encoding/xml: it is several times faster, and
// every piece of user text goes through text or attr, which escape it.
type xbuf struct{ b []byte }

func (x *xbuf) s(s string) { x.b = append(x.b, s...) }

func (x *xbuf) int(n int) { x.b = strconv.AppendInt(x.b, int64(n), 10) }

// tag writes <name w:val="v"/>.
func (x *xbuf) val(name, v string) {
	x.b = append(x.b, '<')
	x.b = append(x.b, name...)
	x.b = append(x.b, ` w:val="`...)
	x.text(v)
	x.b = append(x.b, `"/>`...)
}

// ival writes <name w:val="n"/>.
func (x *xbuf) ival(name string, n int) {
	x.b = append(x.b, '<')
	x.b = append(x.b, name...)
	x.b = append(x.b, ` w:val="`...)
	x.int(n)
	x.b = append(x.b, `"/>`...)
}

// text appends s escaped for XML character data and attribute values. It
// drops what XML 1.0 cannot carry at all (control characters other than
// tab, line feed and carriage return; U+FFFE, U+FFFF; invalid UTF-8), so a
// stray byte in the input can never make the document unreadable.
func (x *xbuf) text(s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '"':
				esc = "&quot;"
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				esc = ""
			default:
				i++
				continue
			}
			x.b = append(x.b, s[start:i]...)
			x.b = append(x.b, esc...)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			x.b = append(x.b, s[start:i]...)
			i += size
			start = i
			continue
		}
		i += size
	}
	x.b = append(x.b, s[start:]...)
}
