package httpapi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// maxNameRunes bounds the file name built from a trích yếu, so that it
// fits every file system's 255-byte limit with room for the extension.
const maxNameRunes = 80

// FileName is the Vietnamese file name (without extension) of a document:
// the type name and the số/ký hiệu, "Kế hoạch 1653-KH-UBND", or, for a
// draft without a number, the type name and the trích yếu cut at a word,
// "Kế hoạch Thực hiện Chương trình ...". Characters that no file system
// accepts are dropped.
func FileName(d *document.Document) string {
	kind := "Văn bản"
	if t, ok := document.LookupType(d.Type); ok {
		kind = t.Name
	}
	parts := []string{kind}
	if num := strings.TrimSpace(d.Number); num != "" {
		ref := num
		if sym := symbol(d); sym != "" {
			ref += "-" + sym
		}
		parts = append(parts, ref)
	} else {
		title := d.Summary
		if title == "" && d.Subject != "" {
			title = "V/v " + d.Subject
		}
		if title = cutAtWord(title, maxNameRunes); title != "" {
			parts = append(parts, title)
		}
	}
	name := cleanName(strings.Join(parts, " "))
	if name == "" {
		return "van-ban"
	}
	return name
}

// symbol is the printed ký hiệu (compose.Symbol) with "/" made safe for
// a file name.
func symbol(d *document.Document) string {
	return strings.ReplaceAll(strings.TrimSpace(compose.Symbol(d)), "/", "-")
}

func cutAtWord(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > 0 {
		return string(r)[:i]
	}
	return string(r)
}

// cleanName drops what Windows, macOS or Linux refuse in a file name, and
// the typographic quotes of a quoted programme name, and folds runs of
// spaces.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\':
			return '-' // "V/v" reads as "V-v"
		case unicode.IsControl(r) || strings.ContainsRune(`:*?"<>|“”‘’`, r):
			return ' '
		}
		return r
	}, norm.NFC.String(s))
	return strings.Trim(strings.Join(strings.Fields(s), " "), ". ")
}

// ASCIIName is the fallback name for clients that ignore filename*:
// diacritics removed, đ read as d, spaces as hyphens, anything else
// outside [A-Za-z0-9._-] dropped. "Kế hoạch 1653-KH-UBND.pdf" becomes
// "Ke-hoach-1653-KH-UBND.pdf".
func ASCIIName(s string) string {
	var b strings.Builder
	for _, r := range vntext.StripMarks(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-'):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	out := b.String()
	for strings.Contains(out, "--") {
		out = strings.ReplaceAll(out, "--", "-")
	}
	out = strings.Trim(out, "-.")
	if out == "" || strings.HasPrefix(out, ".") {
		return "van-ban"
	}
	return out
}

// ContentDisposition is an attachment header with both names: an ASCII
// filename for old clients and the UTF-8 one in filename* (RFC 6266 and
// RFC 5987), which every current browser prefers.
func ContentDisposition(name string) string {
	return `attachment; filename="` + ASCIIName(name) + `"; filename*=UTF-8''` + pctEncode(name)
}

// pctEncode keeps RFC 5987 attr-char and percent-encodes every other
// UTF-8 byte.
func pctEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
