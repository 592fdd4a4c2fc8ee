package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ToneStyle is the placement of the tone mark in open syllables with the
// rimes oa, oe, uy. The old (traditional) style puts it on the first vowel
// ("hòa", "khỏe", "thủy", "Ủy ban"); the new style, used by the 2018
// Ministry of Education rules and most modern fonts' autocorrect, puts it on
// the second ("hoà", "khoẻ", "thuỷ", "Uỷ ban"). Both are correct; a document
// should use one consistently, which is what these functions check and fix.
type ToneStyle int

const (
	ToneUnknown ToneStyle = iota
	ToneOld
	ToneNew
)

func (t ToneStyle) String() string {
	switch t {
	case ToneOld:
		return "old"
	case ToneNew:
		return "new"
	}
	return "unknown"
}

// toneWord inspects one word. It returns the positions (rune indexes) of
// the two vowels of an open oa/oe/uy rime and which one carries the tone;
// applies is false for all other words, including those ending in a
// consonant ("hoàn", "thuyền"), where both styles agree.
func toneWord(w []rune) (first, second int, toneOnFirst, applies bool) {
	if len(w) < 2 || len(w) > maxSyllable || !endsInStylePair(w) {
		return 0, 0, false, false
	}
	syl, ok := parseSyllable(w)
	if !ok || syl.nucEnd != len(w) || syl.nucEnd-syl.nucStart != 2 {
		return 0, 0, false, false
	}
	a, b := syl.infos[syl.nucStart], syl.infos[syl.nucStart+1]
	pair := string([]rune{a.base, b.base})
	if pair != "oa" && pair != "oe" && pair != "uy" {
		return 0, 0, false, false
	}
	switch {
	case a.tone != toneNone:
		return syl.nucStart, syl.nucStart + 1, true, true
	case b.tone != toneNone:
		return syl.nucStart, syl.nucStart + 1, false, true
	}
	return 0, 0, false, false
}

// endsInStylePair reports whether w ends in oa, oe or uy, with any marks:
// only such a word can place its tone two ways. It turns nearly every word
// away before the full parse, which is most of what validation spends on
// a long document otherwise.
func endsInStylePair(w []rune) bool {
	a, okA := analyse(w[len(w)-2])
	b, okB := analyse(w[len(w)-1])
	if !okA || !okB {
		return false
	}
	switch a.base {
	case 'o':
		return b.base == 'a' || b.base == 'e'
	case 'u':
		return b.base == 'y'
	}
	return false
}

// isWordRune: letters and combining marks (decomposed input) form words.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// eachWord calls f for every maximal run of word runes in s, with its byte
// offsets.
func eachWord(s string, f func(start, end int)) {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(s))
	}
}

// wordRunes returns the NFC runes of word s, or nil when the word cannot
// be affected by tone placement (pure ASCII, or too long for a syllable).
// buf avoids an allocation per word.
func wordRunes(s string, buf []rune) []rune {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii || len(s) > 4*maxSyllable*2 {
		return nil
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	buf = buf[:0]
	for _, r := range s {
		if len(buf) == maxSyllable {
			return nil
		}
		buf = append(buf, r)
	}
	return buf
}

// DetectToneStyle counts the words of s written in the old and in the new
// style. Only words where the styles differ are counted.
func DetectToneStyle(s string) (old, new int) {
	var buf [maxSyllable]rune
	eachWord(s, func(i, j int) {
		w := wordRunes(s[i:j], buf[:0])
		if _, _, onFirst, ok := toneWord(w); ok {
			if onFirst {
				old++
			} else {
				new++
			}
		}
	})
	return old, new
}

// NormalizeTone rewrites the words of s whose tone placement differs
// between the styles into style to. Every other byte of s, including words
// in decomposed form that need no change, is left exactly as it was.
// ToneUnknown returns s unchanged.
func NormalizeTone(s string, to ToneStyle) string {
	if to != ToneOld && to != ToneNew {
		return s
	}
	var b strings.Builder
	last := 0
	var buf [maxSyllable]rune
	eachWord(s, func(i, j int) {
		w := wordRunes(s[i:j], buf[:0])
		p, q, onFirst, ok := toneWord(w)
		if !ok || onFirst == (to == ToneOld) {
			return
		}
		from, dst := q, p
		if onFirst {
			from, dst = p, q
		}
		fi, di := letterOf[w[from]], letterOf[w[dst]]
		if w[dst] < utf8.RuneSelf { // ASCII vowel: analyse, not letterOf
			di, _ = analyse(w[dst])
		}
		w[dst] = compose(di.base, fi.tone, di.upper)
		w[from] = compose(fi.base, toneNone, fi.upper)
		if b.Len() == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[last:i])
		b.WriteString(string(w))
		last = j
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// ParseToneStyle reads a style as documents name it ("old", "new");
// anything else is ToneUnknown.
func ParseToneStyle(s string) ToneStyle {
	switch s {
	case "old":
		return ToneOld
	case "new":
		return ToneNew
	}
	return ToneUnknown
}

// MoveTone is NormalizeTone with the style named as documents name it
// ("old", "new"); any other name leaves s as it is.
func MoveTone(s, style string) string { return NormalizeTone(s, ParseToneStyle(style)) }
