package docx

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// checkXML reports whether doc is a well-formed XML document: one root
// element; start and end tags that match; attributes quoted; no '<' or
// stray '&' in text or attribute values (only the five predefined entities
// and character references); comments, processing instructions and CDATA
// closed; valid UTF-8. It is the check Render runs on every document it
// writes. encoding/xml would do as well but allocates for every token
// (about 2 MB and 20,000 allocations for a ten-page plan, several times
// the cost of the whole render); this scanner allocates nothing beyond its
// tag stack. The tests hold it to encoding/xml's verdict on a corpus of
// good and broken documents.
func checkXML(doc []byte) error {
	if !utf8.Valid(doc) {
		return errors.New("xml: invalid UTF-8")
	}
	var stackBuf [32][]byte
	stack := stackBuf[:0]
	roots := 0
	i, n := 0, len(doc)
	for i < n {
		c := doc[i]
		if c != '<' {
			if len(stack) == 0 && !isSpace(c) {
				return fmt.Errorf("xml: text outside the root element at byte %d", i)
			}
			if c == '&' {
				k, err := entity(doc, i)
				if err != nil {
					return err
				}
				i = k
				continue
			}
			if c < 0x20 && !isSpace(c) {
				return fmt.Errorf("xml: control character %#x at byte %d", c, i)
			}
			if c == '>' && i >= 2 && doc[i-1] == ']' && doc[i-2] == ']' {
				return fmt.Errorf("xml: ']]>' in text at byte %d", i)
			}
			i++
			continue
		}
		rest := doc[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("--"))
			if end < 0 || !bytes.HasPrefix(rest[4+end:], []byte("-->")) {
				return fmt.Errorf("xml: unclosed or malformed comment at byte %d", i)
			}
			i += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return fmt.Errorf("xml: unclosed processing instruction at byte %d", i)
			}
			i += end + 2
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			if len(stack) == 0 {
				return fmt.Errorf("xml: CDATA outside the root element at byte %d", i)
			}
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return fmt.Errorf("xml: unclosed CDATA at byte %d", i)
			}
			i += end + 3
		case bytes.HasPrefix(rest, []byte("<!")):
			return fmt.Errorf("xml: DOCTYPE or declaration at byte %d is not expected in a DOCX part", i)
		case len(rest) > 1 && rest[1] == '/':
			j := i + 2
			name, k := xmlName(doc, j)
			if k == j {
				return fmt.Errorf("xml: end tag without a name at byte %d", i)
			}
			k = skipSpace(doc, k)
			if k >= n || doc[k] != '>' {
				return fmt.Errorf("xml: malformed end tag at byte %d", i)
			}
			if len(stack) == 0 || !bytes.Equal(stack[len(stack)-1], name) {
				return fmt.Errorf("xml: end tag </%s> does not match at byte %d", name, i)
			}
			stack = stack[:len(stack)-1]
			i = k + 1
		default:
			name, k := xmlName(doc, i+1)
			if k == i+1 {
				return fmt.Errorf("xml: '<' not followed by a name at byte %d", i)
			}
			if len(stack) == 0 {
				roots++
				if roots > 1 {
					return fmt.Errorf("xml: a second root element at byte %d", i)
				}
			}
			// attributes
			for {
				j := skipSpace(doc, k)
				if j >= n {
					return fmt.Errorf("xml: unclosed tag <%s> at byte %d", name, i)
				}
				if doc[j] == '>' {
					stack = append(stack, name)
					i = j + 1
					break
				}
				if doc[j] == '/' {
					if j+1 >= n || doc[j+1] != '>' {
						return fmt.Errorf("xml: malformed empty tag <%s> at byte %d", name, i)
					}
					i = j + 2
					break
				}
				if j == k {
					return fmt.Errorf("xml: attributes of <%s> need separating spaces at byte %d", name, j)
				}
				_, a := xmlName(doc, j)
				if a == j {
					return fmt.Errorf("xml: bad attribute in <%s> at byte %d", name, j)
				}
				a = skipSpace(doc, a)
				if a >= n || doc[a] != '=' {
					return fmt.Errorf("xml: attribute without '=' in <%s> at byte %d", name, a)
				}
				a = skipSpace(doc, a+1)
				if a >= n || (doc[a] != '"' && doc[a] != '\'') {
					return fmt.Errorf("xml: unquoted attribute value in <%s> at byte %d", name, a)
				}
				q := doc[a]
				a++
				for a < n && doc[a] != q {
					switch doc[a] {
					case '<':
						return fmt.Errorf("xml: '<' in an attribute value at byte %d", a)
					case 0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31:
						return fmt.Errorf("xml: control character in an attribute value at byte %d", a)
					case '&':
						e, err := entity(doc, a)
						if err != nil {
							return err
						}
						a = e
						continue
					}
					a++
				}
				if a >= n {
					return fmt.Errorf("xml: unclosed attribute value in <%s>", name)
				}
				k = a + 1
			}
		}
	}
	if len(stack) != 0 {
		return fmt.Errorf("xml: <%s> is never closed", stack[len(stack)-1])
	}
	if roots != 1 {
		return errors.New("xml: no root element")
	}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(doc []byte, i int) int {
	for i < len(doc) && isSpace(doc[i]) {
		i++
	}
	return i
}

// xmlName scans a name (ASCII name characters, ':' and any non-ASCII
// byte, which covers the names WordprocessingML uses) starting at i.
func xmlName(doc []byte, i int) ([]byte, int) {
	j := i
	for j < len(doc) {
		c := doc[j]
		if c >= 0x80 || c == ':' || c == '_' || c == '-' || c == '.' ||
			(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			j++
			continue
		}
		break
	}
	if j > i && (doc[i] == '-' || doc[i] == '.' || (doc[i] >= '0' && doc[i] <= '9')) {
		return nil, i
	}
	return doc[i:j], j
}

// entity checks the reference starting with '&' at i and returns the index
// after its ';'.
func entity(doc []byte, i int) (int, error) {
	end := bytes.IndexByte(doc[i:min(len(doc), i+12)], ';')
	if end < 0 {
		return 0, fmt.Errorf("xml: bare '&' at byte %d", i)
	}
	ref := doc[i+1 : i+end]
	switch string(ref) {
	case "amp", "lt", "gt", "quot", "apos":
		return i + end + 1, nil
	}
	if len(ref) >= 2 && ref[0] == '#' {
		digits, base := ref[1:], 10
		if digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		v := 0
		for _, c := range digits {
			d := -1
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				d = int(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				d = int(c-'A') + 10
			}
			if d < 0 {
				return 0, fmt.Errorf("xml: bad character reference at byte %d", i)
			}
			v = v*base + d
		}
		if len(digits) > 0 && (v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
			(v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)) {
			return i + end + 1, nil
		}
		return 0, fmt.Errorf("xml: character reference to an invalid character at byte %d", i)
	}
	return 0, fmt.Errorf("xml: unknown entity &%s; at byte %d", ref, i)
}
