package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// Line-breaking rules both writers share. A line may break at a space or
// after a hyphen, except inside the pieces a reviewer reads as one: a
// document reference ("1898/QĐ-TTg", "02-NQ/TW", "KH-UBND"), a year range
// or a date ("2018-2025", "30/6/2023"), a number and its unit ("70.000.000
// đồng", "15 %", "450 triệu đồng"), an authority prefix and the word after
// it ("KT. GIÁM ĐỐC"), "Điều 1."; a line never starts with a
// free-standing dash, which would read as a bullet ("SỞ LAO ĐỘNG -
// THƯƠNG BINH"); and, as Unicode's line breaking (UAX #14) has it and
// LibreOffice does, a line does not end on an opening bracket or start
// with closing punctuation that a space parts from its word ("( 2018",
// "Huế ;"). Glue finds those places; the PDF line breaker does not
// break there, and the DOCX writer writes a non-breaking space (U+00A0) or
// a non-breaking hyphen (w:noBreakHyphen) there, so Word and LibreOffice do
// not either. Both draw the ordinary glyph: text extracted from either
// reads the same as typed.

// units follow a number without a line break between them. A multi-word
// unit's words are glued to each other too ("450 triệu đồng").
var units = map[string]bool{
	"đồng": true, "%": true, "ha": true, "m": true, "m2": true, "m3": true, "km": true, "km2": true,
	"người": true, "kg": true, "tấn": true, "tỷ": true, "triệu": true, "nghìn": true, "ngàn": true,
	"lượt": true, "hộ": true, "USD": true, "cm": true, "mm": true, "lít": true,
}

// scaleUnits are the words that continue an amount: "triệu" in "450
// triệu đồng".
var scaleUnits = map[string]bool{"tỷ": true, "triệu": true, "nghìn": true, "ngàn": true}

// divisions keep the number after them on their line ("Điều 1."), as the
// signing authority prefixes do (document.IsAuthorityPrefix: "KT. CHỦ").
var divisions = map[string]bool{"Điều": true, "Khoản": true, "Chương": true}

// Glue returns, in increasing order, the byte offsets in text of the
// spaces and hyphens a line must not break at (see the rules above). It
// runs in time linear in len(text).
func Glue(text string) []int {
	var hy, sp []int
	// Hyphens inside a word: a character other than a space on both sides.
	for i := 0; i < len(text); i++ {
		if text[i] != '-' || i == 0 || i == len(text)-1 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if isWordRune(prev) && isWordRune(next) {
			hy = append(hy, i)
		}
	}
	// Spaces between two words, by the words around them.
	var prevTok, before string // the token before the space, and the one before it
	prevEnd := -1              // offset of the space after prevTok
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		tok := text[i:j]
		if prevEnd >= 0 && tok != "" && (glueBetween(prevTok, tok) || isDash(prevTok) && isNumber(before) && isNumber(tok)) {
			// The last: the second space of a spaced range ("2018 - 2025").
			sp = append(sp, prevEnd)
		}
		if j < len(text) && tok != "" {
			if prevEnd >= 0 {
				before = prevTok
			} else {
				before = ""
			}
			prevTok, prevEnd = tok, j
		} else {
			prevEnd, before = -1, ""
		}
		i = j + 1
	}
	return merge(hy, sp)
}

// glueBetween decides the space between tokens a and b.
func glueBetween(a, b string) bool {
	switch {
	case strings.HasPrefix(b, "-") || strings.HasPrefix(b, "–") || strings.HasPrefix(b, "—"):
		return true // a line never starts with a dash: it would read as a bullet
	case len(a) > 1 && strings.HasSuffix(a, "-"):
		return true // nor ends with one on a word ("04/HD- ĐCT"): it would read as a broken word
	case divisions[a] || document.IsAuthorityPrefix(a):
		return true
	case isNumber(a) && units[trimPunct(b)]:
		return true
	case scaleUnits[a] && trimPunct(b) == "đồng":
		return true
	case strings.ContainsAny(a[len(a)-1:], "([{"):
		return true // no break after an opening bracket, even before a space (UAX #14 LB14): "( 2018"
	case strings.ContainsAny(b[:1], ")]}!?,.;:/"):
		return true // nor before closing punctuation, even after a space (LB13): "Huế ;"
	}
	return false
}

// BadBreak reports whether a line ending with a and the next line starting
// with b were broken where Glue forbids: at the space between them, or
// after a hyphen that ends a. The rule on free-standing dashes cannot tell
// a bullet that starts its own paragraph from a broken line: a caller that
// knows the paragraphs skips those.
func BadBreak(a, b string) bool {
	a = strings.TrimRight(a, " ")
	b = strings.TrimLeft(b, " ")
	if a == "" || b == "" {
		return false
	}
	// Only the words next to the break matter; keep a few of each side so
	// the check stays linear over a page.
	a = lastFields(a, 3)
	b = firstFields(b, 3)
	var join string
	var at int
	if strings.HasSuffix(a, "-") && len(a) > 1 && a[len(a)-2] != ' ' {
		join, at = a+b, len(a)-1
	} else {
		join, at = a+" "+b, len(a)
	}
	for _, g := range Glue(join) {
		if g == at {
			return true
		}
	}
	return false
}

func lastFields(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func firstFields(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '.' || r == ')' || r == '('
}

// isNumber reports whether s is an amount or a year: digits with "." or ","
// groups, in brackets or quotes or before punctuation.
func isNumber(s string) bool {
	s = strings.TrimLeft(trimPunct(s), "(“\"‘")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

func trimPunct(s string) string { return strings.TrimRight(s, ".,;:)!?”\"’") }

// merge merges two increasing lists.
func merge(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// ParaGlue is Glue of a paragraph's printed text (ParaText). The Quốc hiệu
// and Tiêu ngữ have none: they are fixed formulas that HeaderOf always
// gives a line of their own, and that checkers read verbatim, ordinary
// spaces and all.
func ParaGlue(p *compose.Para) []int {
	if p.Style == compose.StyleNation || p.Style == compose.StyleMotto {
		return nil
	}
	return Glue(ParaText(p))
}
