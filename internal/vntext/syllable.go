package vntext

import "unicode/utf8"

// Vietnamese syllable structure, used to tell real words from mojibake and
// to find the words whose tone placement differs between the old and new
// styles. A syllable is onset + nucleus (one to three vowel letters) + coda,
// with at most one tone mark.

func isVowelBase(b rune) bool {
	switch b {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

var onsets = map[string]bool{
	"": true, "b": true, "c": true, "ch": true, "d": true, "đ": true, "g": true,
	"gh": true, "gi": true, "h": true, "k": true, "kh": true, "l": true, "m": true,
	"n": true, "ng": true, "ngh": true, "nh": true, "p": true, "ph": true,
	"q": true, "qu": true, "r": true, "s": true, "t": true, "th": true, "tr": true,
	"v": true, "x": true,
}

// nuclei lists the vowel sequences (tones removed) that occur in native
// syllables. Loan-word "oo" (xoong) is deliberately absent: it is the main
// way TCVN3-decoded VNI text ("Coọng") would look plausible.
var nuclei = map[string]bool{}

func init() {
	for _, n := range []string{
		"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
		"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu",
		"oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô",
		"uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
		"iêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya",
		"uyê", "uyu", "yêu",
	} {
		nuclei[n] = true
	}
}

var codas = map[string]bool{
	"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true,
	"nh": true, "p": true, "t": true,
}

// maxSyllable is the longest Vietnamese syllable in letters ("nghiêng" has
// 7); longer words are rejected before any work is done.
const maxSyllable = 8

// syllable is a parsed word; the nucleus is infos[nucStart:nucEnd].
type syllable struct {
	infos            [maxSyllable]letterInfo
	n                int
	nucStart, nucEnd int
}

// parseSyllable splits a single word (runes) into onset/nucleus/coda.
// ok is false when the word is not a well-formed Vietnamese syllable. It
// does not allocate: it runs for every word of every document checked.
func parseSyllable(word []rune) (syl syllable, ok bool) {
	if len(word) == 0 || len(word) > maxSyllable {
		return syl, false
	}
	syl.n = len(word)
	tones := 0
	for i, r := range word {
		li, ok := analyse(r)
		if !ok {
			return syl, false
		}
		if li.tone != toneNone {
			tones++
		}
		syl.infos[i] = li
	}
	if tones > 1 {
		return syl, false
	}
	infos := syl.infos[:syl.n]
	var buf [maxSyllable * 4]byte
	key := func(from, to int) string {
		b := buf[:0]
		for _, li := range infos[from:to] {
			b = utf8.AppendRune(b, li.base)
		}
		return string(b) // map lookups with string(b) do not allocate
	}
	i := 0
	for i < len(infos) && !isVowelBase(infos[i].base) {
		i++
	}
	onset := key(0, i)
	if !onsets[onset] {
		return syl, false
	}
	try := func(start int) bool {
		j := start
		for j < len(infos) && isVowelBase(infos[j].base) {
			j++
		}
		if j == start || !nuclei[key(start, j)] || !codas[key(j, len(infos))] {
			return false
		}
		syl.nucStart, syl.nucEnd = start, j
		return true
	}
	// "qu" and "gi" + vowel: the u / i belongs to the onset ("quý" has
	// nucleus "y", "giữa" has nucleus "ưa"). A toned i ("gì") is the
	// nucleus itself.
	if onset == "q" {
		if i < len(infos) && infos[i].base == 'u' && try(i+1) {
			return syl, true
		}
		return syl, false
	}
	if onset == "g" && i+1 < len(infos) && infos[i].base == 'i' && infos[i].tone == toneNone &&
		isVowelBase(infos[i+1].base) && try(i+1) {
		return syl, true
	}
	return syl, try(i)
}

// plausibleWord reports whether w is a well-formed Vietnamese syllable.
func plausibleWord(w []rune) bool {
	_, ok := parseSyllable(w)
	return ok
}
