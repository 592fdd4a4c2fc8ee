package vntext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Vietnamese text arrives
// both precomposed and decomposed (macOS, some PDF extractors, VNI typing
// tools); every comparison in vanban happens on NFC so that "ộ" typed either
// way is the same letter.
func NFC(s string) string { return norm.NFC.String(s) }

// Upper maps s to upper case with Vietnamese rules. A cases.Caser keeps
// state and is not safe for concurrent use, so one is made per call.
// The result is NFC.
func Upper(s string) string {
	return cases.Upper(language.Vietnamese).String(NFC(s))
}

// Lower maps s to lower case with Vietnamese rules; the result is NFC.
func Lower(s string) string {
	return cases.Lower(language.Vietnamese).String(NFC(s))
}

// IsUpper reports whether every cased letter of s is upper case. Digits,
// punctuation and uncased letters are ignored. A string with no cased
// letter at all ("2020", "—") is not upper case: the check exists to verify
// headings such as "QUYẾT ĐỊNH", and a heading without letters is not one.
func IsUpper(s string) bool {
	seen := false
	for _, r := range s {
		switch {
		case unicode.IsLower(r) || unicode.IsTitle(r):
			return false
		case unicode.IsUpper(r):
			seen = true
		}
	}
	return seen
}

// CapitalizeFirst upper-cases the first letter of s (skipping leading
// spaces, digits and punctuation) and leaves the rest unchanged. It works on
// the precomposed letter, so "ấn định" → "Ấn định", "đồng" → "Đồng", which a
// byte-wise ASCII capitaliser gets wrong.
func CapitalizeFirst(s string) string {
	s = NFC(s)
	for i, r := range s {
		if unicode.IsLetter(r) {
			u := unicode.ToUpper(r)
			if u == r {
				return s
			}
			return s[:i] + string(u) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}
