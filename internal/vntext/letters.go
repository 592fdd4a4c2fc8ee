package vntext

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tone marks in their traditional order: ngang (none), huyền, sắc, hỏi,
// ngã, nặng. The index is used by every table in this package.
const (
	toneNone = iota
	toneHuyen
	toneSac
	toneHoi
	toneNga
	toneNang
	numTones
)

// toneMarks are the combining characters for tones 1..5.
var toneMarks = [numTones]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// vowelBases are the twelve Vietnamese vowel letters without tone.
var vowelBases = []rune{'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'}

// letterInfo describes one Vietnamese letter: its lower-case toneless base
// (one of vowelBases, 'đ', or an ASCII consonant), its tone and its case.
type letterInfo struct {
	base  rune
	tone  int
	upper bool
}

// letterOf maps every Vietnamese vowel letter (12 bases × 6 tones × 2
// cases = 144 runes) plus đ/Đ to its description; composeTab[base][tone] is
// the precomposed lower-case letter. They are package-level variables (not
// filled in an init func) so that Go initialises them before any init func
// of the other files, which build the legacy tables from them.
var letterOf, composeTab = buildLetters()

// buildLetters derives the tables from Unicode composition rather than from
// hand-typed lists, so that a typo cannot silently swap two letters.
func buildLetters() (map[rune]letterInfo, map[rune]*[numTones]rune) {
	letterOf := map[rune]letterInfo{}
	composeTab := map[rune]*[numTones]rune{}
	for _, b := range vowelBases {
		var row [numTones]rune
		for t := 0; t < numTones; t++ {
			r := b
			if t != toneNone {
				s := norm.NFC.String(string(b) + string(toneMarks[t]))
				rs := []rune(s)
				if len(rs) != 1 {
					panic("vntext: no precomposed form for " + s)
				}
				r = rs[0]
			}
			row[t] = r
			letterOf[r] = letterInfo{base: b, tone: t}
			letterOf[unicode.ToUpper(r)] = letterInfo{base: b, tone: t, upper: true}
		}
		composeTab[b] = &row
	}
	letterOf['đ'] = letterInfo{base: 'đ'}
	letterOf['Đ'] = letterInfo{base: 'đ', upper: true}
	return letterOf, composeTab
}

// compose returns the letter with the given base, tone and case.
func compose(base rune, tone int, upper bool) rune {
	r := base
	if row, ok := composeTab[base]; ok {
		r = row[tone]
	}
	if upper {
		r = unicode.ToUpper(r)
	}
	return r
}

// analyse describes any rune: Vietnamese letters via letterOf, ASCII
// letters as themselves; ok is false for anything else.
func analyse(r rune) (letterInfo, bool) {
	if li, ok := letterOf[r]; ok {
		return li, true
	}
	switch {
	case r >= 'a' && r <= 'z':
		return letterInfo{base: r}, true
	case r >= 'A' && r <= 'Z':
		return letterInfo{base: r + ('a' - 'A'), upper: true}, true
	}
	return letterInfo{}, false
}

// AllLetters returns every Vietnamese letter that carries a diacritic or
// tone (the vowels a ă â e ê i o ô ơ u ư y with each of the six tones, plus
// đ), in both cases, excluding the plain ASCII a e i o u y / A E I O U Y.
// That is 132 precomposed vowels + đ/Đ = 134 runes. Tests and tools use it to
// check that a table or a font covers the alphabet.
func AllLetters() []rune {
	var out []rune
	for _, b := range vowelBases {
		for t := 0; t < numTones; t++ {
			r := composeTab[b][t]
			if r < 0x80 {
				continue
			}
			out = append(out, r, unicode.ToUpper(r))
		}
	}
	return append(out, 'đ', 'Đ')
}
