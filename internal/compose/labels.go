package compose

import (
	"regexp"
	"strconv"
	"strings"
)

// Rung is one kind of heading label real documents use. A document's
// ladder is whatever sequence of rungs its author chose: "I. → 1. → a)"
// (NĐ30's sample), "I. → 1. → 1.1. → 1.1.1. → a)", "Chương I → Điều 1. →
// 1. → a)", "Phần thứ nhất → I. → 1." … Labels typed by the author are
// printed as written; the rung only decides how the line is set and what
// the next sibling's label would be.
type Rung int

const (
	RungNone    Rung = iota // not a label vanban recognises: printed as written, not sequenced
	RungPart                // "Phần I", "Phần thứ nhất", "PHẦN 1"
	RungChapter             // "Chương I", "CHƯƠNG 1"
	RungSection             // "Mục 1", "Mục I" (a division of a chapter)
	RungArticle             // "Điều 1." (Điều 1 without the dot too)
	RungRoman               // "I.", "II."
	RungNumber              // "1.", "2" followed by nothing else
	RungDecimal             // "1.1.", "2.2.1" (with or without the final dot)
	RungLetter              // "a)", "a.", "đ)"
	RungParen               // "(1)", "(a)"
)

// Label is a heading label parsed into its rung and number.
type Label struct {
	Rung Rung
	// Parts are the numbers of the label: {2} for "II." or "Điều 2.",
	// {2, 2, 1} for "2.2.1", the letter's place in the điểm alphabet for
	// "c)" (3). Ordinal words ("thứ nhất") read as numbers.
	Parts []int
}

// Division reports the rungs that divide a long text (Phần, Chương, Mục):
// they sit above the numbered ladder and do not count towards its depth.
func (r Rung) Division() bool { return r == RungPart || r == RungChapter || r == RungSection }

var (
	romanRE   = regexp.MustCompile(`^([IVXLCDM]+)\.$`)
	numberRE  = regexp.MustCompile(`^(\d+)\.?$`)
	decimalRE = regexp.MustCompile(`^(\d+(?:\.\d+)+)\.?$`)
	letterRE  = regexp.MustCompile(`^(\p{Ll}{1,2})[).]$`)
	parenRE   = regexp.MustCompile(`^\((\d+|\p{Ll})\)$`)
	wordRE    = regexp.MustCompile(`^(?i)(phần|chương|mục|điều)\s+(.+?)[.:]?$`)
)

// ordinals are the Vietnamese ordinal words of "Phần thứ nhất" …
var ordinals = map[string]int{
	"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}

// ParseLabel reads a label as written. It never fails: a label it cannot
// read has RungNone and is printed as written without being sequenced.
func ParseLabel(s string) Label {
	s = strings.TrimSpace(s)
	if m := wordRE.FindStringSubmatch(s); m != nil {
		r := map[string]Rung{"phần": RungPart, "chương": RungChapter, "mục": RungSection, "điều": RungArticle}[strings.ToLower(m[1])]
		if n, ok := labelNumber(m[2]); ok {
			return Label{Rung: r, Parts: []int{n}}
		}
		return Label{Rung: r}
	}
	if m := romanRE.FindStringSubmatch(s); m != nil {
		if n := unroman(m[1]); n > 0 {
			return Label{Rung: RungRoman, Parts: []int{n}}
		}
	}
	if m := numberRE.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Label{Rung: RungNumber, Parts: []int{n}}
	}
	if m := decimalRE.FindStringSubmatch(s); m != nil {
		var parts []int
		for _, p := range strings.Split(m[1], ".") {
			n, _ := strconv.Atoi(p)
			parts = append(parts, n)
		}
		return Label{Rung: RungDecimal, Parts: parts}
	}
	if m := letterRE.FindStringSubmatch(s); m != nil {
		if n := alphaIndex(m[1]); n > 0 {
			return Label{Rung: RungLetter, Parts: []int{n}}
		}
	}
	if m := parenRE.FindStringSubmatch(s); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return Label{Rung: RungParen, Parts: []int{n}}
		}
		return Label{Rung: RungParen, Parts: []int{alphaIndex(m[1])}}
	}
	return Label{}
}

// labelNumber reads "1", "I", "IV", "thứ nhất", "thứ hai".
func labelNumber(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if n := unroman(strings.ToUpper(s)); n > 0 && strings.Trim(s, "IVXLCDM") == "" {
		return n, true
	}
	if w, ok := strings.CutPrefix(strings.ToLower(s), "thứ "); ok {
		n, ok := ordinals[strings.TrimSpace(w)]
		return n, ok
	}
	return 0, false
}

// unroman reads a Roman numeral; 0 when it is not one.
func unroman(s string) int {
	if s == "" {
		return 0
	}
	for n := 1; n <= 100; n++ {
		if Roman(n) == s {
			return n
		}
	}
	return 0
}

// alphaIndex is the place of a điểm letter in the alphabet (a = 1, đ = 5);
// 0 when it is not one.
func alphaIndex(s string) int {
	for n := 1; n <= len(alphabet)*2; n++ {
		if Alpha(n) == s {
			return n
		}
	}
	return 0
}

// Follows reports whether cur can come right after prev among siblings of
// one rung: the next number (or letter), with the decimal prefix kept.
// Real documents skip "đ" (d) → e)) as often as they use it, so both read
// as in sequence.
func Follows(prev, cur Label) bool {
	if prev.Rung != cur.Rung || len(prev.Parts) == 0 || len(prev.Parts) != len(cur.Parts) {
		return false
	}
	n := len(cur.Parts) - 1
	for i := 0; i < n; i++ {
		if prev.Parts[i] != cur.Parts[i] {
			return false
		}
	}
	if cur.Parts[n] == prev.Parts[n]+1 {
		return true
	}
	return cur.Rung == RungLetter && prev.Parts[n] == 4 && cur.Parts[n] == 6 // d) → e) without đ)
}

// First reports whether l opens a list: number 1, letter a, "thứ nhất"; for
// a decimal label, any prefix ending in 1 ("2.1.").
func (l Label) First() bool {
	return len(l.Parts) > 0 && l.Parts[len(l.Parts)-1] == 1
}

// Advance is the label k places after l in its rung (l itself for k = 0).
func (l Label) Advance(k int) Label {
	if k == 0 || len(l.Parts) == 0 {
		return l
	}
	parts := append([]int(nil), l.Parts...)
	parts[len(parts)-1] += k
	return Label{Rung: l.Rung, Parts: parts}
}

// Format writes l in the manner of written, a label of the same rung: the
// same closing mark ("a)" or "a."), the same word ("Điều", "Chương"), a
// final dot on a decimal label only when written has one. It is how a
// finding names the label it expected.
func (l Label) Format(written string) string {
	written = strings.TrimSpace(written)
	if len(l.Parts) == 0 {
		return written
	}
	n := l.Parts[len(l.Parts)-1]
	switch l.Rung {
	case RungRoman:
		return Roman(n) + "."
	case RungNumber, RungDecimal:
		parts := make([]string, len(l.Parts))
		for i, p := range l.Parts {
			parts[i] = strconv.Itoa(p)
		}
		s := strings.Join(parts, ".")
		if strings.HasSuffix(written, ".") {
			s += "."
		}
		return s
	case RungLetter:
		return Alpha(n) + written[len(written)-1:]
	case RungParen:
		if strings.Trim(written, "()0123456789") == "" {
			return "(" + strconv.Itoa(n) + ")"
		}
		return "(" + Alpha(n) + ")"
	}
	m := wordRE.FindStringSubmatch(written)
	if m == nil {
		return written
	}
	num := strconv.Itoa(n)
	if strings.Trim(m[2], "IVXLCDM") == "" {
		num = Roman(n)
	}
	s := m[1] + " " + num
	if strings.HasSuffix(written, ".") {
		s += "."
	}
	return s
}
