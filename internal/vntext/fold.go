package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// StripMarks removes every tone mark and diacritic and reads đ/Đ as d/D,
// keeping case and everything else: "Kế hoạch Đồng Nai" → "Ke hoach Dong
// Nai". Keys that must match however a word was typed (section titles,
// "Như trên"), ASCII file names and slugs are all built on it, so they
// agree on what a letter without its marks is.
func StripMarks(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Fold is StripMarks in lower case: "KINH PHÍ" → "kinh phi".
func Fold(s string) string { return strings.ToLower(StripMarks(s)) }

// Slug makes an ASCII name part: Fold, every run of anything but a-z and
// 0-9 as one "-", none at either end, at most max bytes (cut at a "-" when
// one is near): "xã Vĩnh Tú" → "xa-vinh-tu". max ≤ 0 means no limit.
func Slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if max > 0 && b.Len() >= max {
				break
			}
			continue
		}
		dash = true
	}
	return strings.TrimRight(b.String(), "-")
}
