package vntext

// Vietnamese syllable structure, used to tell real words from mojibake and
// to find the words whose tone placement differs between the old and new
// styles. A syllable is onset + nucleus (one to three vowel letters) + coda,
// with at most one tone mark.

// syllable is a parsed word; nucleus indexes into the word's runes.
type syllable struct {
	infos            []letterInfo
	nucStart, nucEnd int // nucleus is infos[nucStart:nucEnd]
}

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

// parseSyllable splits a single word (runes) into onset/nucleus/coda.
// ok is false when the word is not a well-formed Vietnamese syllable.
func parseSyllable(word []rune) (syllable, bool) {
	infos := make([]letterInfo, len(word))
	tones := 0
	for i, r := range word {
		li, ok := analyse(r)
		if !ok {
			return syllable{}, false
		}
		if li.tone != toneNone {
			tones++
		}
		infos[i] = li
	}
	if tones > 1 {
		return syllable{}, false
	}
	i := 0
	var on []rune
	for i < len(infos) && !isVowelBase(infos[i].base) {
		on = append(on, infos[i].base)
		i++
	}
	if !onsets[string(on)] {
		return syllable{}, false
	}
	try := func(start int) (syllable, bool) {
		j := start
		var nuc []rune
		for j < len(infos) && isVowelBase(infos[j].base) {
			nuc = append(nuc, infos[j].base)
			j++
		}
		if len(nuc) == 0 || !nuclei[string(nuc)] {
			return syllable{}, false
		}
		var co []rune
		for k := j; k < len(infos); k++ {
			co = append(co, infos[k].base)
		}
		if !codas[string(co)] {
			return syllable{}, false
		}
		return syllable{infos: infos, nucStart: start, nucEnd: j}, true
	}
	// "qu" and "gi" + vowel: the u / i belongs to the onset ("quý" has
	// nucleus "y", "giữa" has nucleus "ưa"). A toned i ("gì") is the
	// nucleus itself.
	onset := string(on)
	if (onset == "q" && i < len(infos) && infos[i].base == 'u') ||
		(onset == "g" && i+1 < len(infos) && infos[i].base == 'i' && infos[i].tone == toneNone && isVowelBase(infos[i+1].base)) {
		if s, ok := try(i + 1); ok {
			return s, true
		}
		if onset == "q" {
			return syllable{}, false
		}
	}
	return try(i)
}

// plausibleWord reports whether w is a well-formed Vietnamese syllable.
func plausibleWord(w []rune) bool {
	_, ok := parseSyllable(w)
	return ok
}
