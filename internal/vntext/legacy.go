package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Encoding names a legacy 8-bit Vietnamese encoding.
type Encoding int

const (
	EncUnicode Encoding = iota // already Unicode; nothing to convert
	EncTCVN3                   // TCVN 5712:1993 VN3, "ABC", .VnTime fonts
	EncVNI                     // VNI-Windows, VNI-Times fonts
)

func (e Encoding) String() string {
	switch e {
	case EncTCVN3:
		return "tcvn3"
	case EncVNI:
		return "vni"
	}
	return "unicode"
}

// Legacy text reaches vanban as "mojibake": the 8-bit bytes were decoded as
// Windows-1252 (or Latin-1, identical for 0xA0–0xFF where all Vietnamese
// codes of both encodings live) and pasted as Unicode. So the tables below
// map *Unicode runes U+00A0–U+00FF* (the byte value) to Vietnamese letters.
//
// TCVN3 (VN3) is one byte per letter. It has codes for the lower-case
// letters with every tone, but only seven upper-case letters (Ă Â Đ Ê Ô Ơ Ư,
// 0xA1–0xA7); upper-case toned vowels were produced by typing the
// lower-case code in a ".VnTimeH" (capitals) font. The font, not the byte,
// made them upper case, and that information is lost in the text.
// Therefore:
//
//   - ToLegacy(…, EncTCVN3) writes an upper-case toned vowel (Ộ) as the
//     lower-case code (é), exactly as a .VnTimeH user typed it;
//   - ConvertLegacy(…, EncTCVN3) decodes a lower-case code as a lower-case
//     letter, then restores upper case where the context shows it: a word
//     whose other letters are all upper case and that has at least two
//     unambiguously upper-case letters ("CéNG" → "CỘNG", "§¹I" → "ĐẠI");
//     every word of a line that has no lower-case letter at all and at
//     least two upper-case ones ("Hµ NéI" → "HÀ NỘI"); a lone capital
//     followed by a code ("Hµ" alone) stays title case ("Hà"); and the
//     first letter of a word that starts a line or follows ".", "!" or "?"
//     (Vietnamese sentences start with a capital: "ñy ban" at the start of
//     a line → "Ủy ban"). Elsewhere a word that begins with a toned capital
//     comes back in lower case ("Văn Ẩn" → "Văn ẩn").
//
// So Unicode → TCVN3 → Unicode is exact for lower-case and title-case text
// and for all-caps lines; an all-caps word inside mixed-case text needs two
// capitals to be recovered ("HÀ" inside "ở HÀ Nội" comes back as "Hà"), and
// a word starting with a toned capital inside a sentence loses that capital.

// tcvn3Rows lists TCVN3 codes by letter, tones in the order none, huyền,
// sắc, hỏi, ngã, nặng. ASCII bases (a, e, i, o, u, y) have no code for the
// untoned letter ("" keeps ASCII).
var tcvn3Rows = []struct {
	base  rune
	codes string
}{
	{'a', "\x00µ¸¶·¹"},
	{'ă', "¨»¾¼½Æ"},
	{'â', "©ÇÊÈÉË"},
	{'e', "\x00ÌÐÎÏÑ"},
	{'ê', "ªÒÕÓÔÖ"},
	{'i', "\x00×ÝØÜÞ"},
	{'o', "\x00ßãáâä"},
	{'ô', "«åèæçé"},
	{'ơ', "¬êíëìî"},
	{'u', "\x00ïóñòô"},
	{'ư', "\u00adõøö÷ù"},
	{'y', "\x00úýûüþ"},
}

// tcvn3Upper are the seven upper-case letters TCVN3 does have.
var tcvn3Upper = map[rune]rune{'Ă': '¡', 'Â': '¢', 'Đ': '§', 'Ê': '£', 'Ô': '¤', 'Ơ': '¥', 'Ư': '¦'}

var (
	toTCVN3   = map[rune]rune{} // Unicode letter → code
	fromTCVN3 = map[rune]rune{} // code → Unicode letter
)

// VNI-Windows writes a letter as an ASCII base followed by one code for the
// modifier (circumflex, breve, horn) and tone together, except for a few
// single-byte letters (ơ ô, ư ö, đ ñ, and the toned i's and ỵ). Upper-case
// letters use the upper-case forms of the same codes ("OÄ" = Ộ).
var vniRows = []struct {
	base  rune
	codes [numTones]string
}{
	{'a', [numTones]string{"a", "aø", "aù", "aû", "aõ", "aï"}},
	{'ă', [numTones]string{"aê", "aè", "aé", "aú", "aü", "aë"}},
	{'â', [numTones]string{"aâ", "aà", "aá", "aå", "aã", "aä"}},
	{'e', [numTones]string{"e", "eø", "eù", "eû", "eõ", "eï"}},
	{'ê', [numTones]string{"eâ", "eà", "eá", "eå", "eã", "eä"}},
	{'i', [numTones]string{"i", "ì", "í", "æ", "ó", "ò"}},
	{'o', [numTones]string{"o", "oø", "où", "oû", "oõ", "oï"}},
	{'ô', [numTones]string{"oâ", "oà", "oá", "oå", "oã", "oä"}},
	{'ơ', [numTones]string{"ô", "ôø", "ôù", "ôû", "ôõ", "ôï"}},
	{'u', [numTones]string{"u", "uø", "uù", "uû", "uõ", "uï"}},
	{'ư', [numTones]string{"ö", "öø", "öù", "öû", "öõ", "öï"}},
	{'y', [numTones]string{"y", "yø", "yù", "yû", "yõ", "î"}},
}

var (
	toVNI     = map[rune]string{}  // Unicode letter → VNI sequence
	vniSingle = map[rune]rune{}    // one-rune VNI code → letter
	vniPair   = map[[2]rune]rune{} // base + code → letter, both cases
)

func init() {
	for _, row := range tcvn3Rows {
		codes := []rune(row.codes)
		for t, c := range codes {
			if c == 0 {
				continue
			}
			l := compose(row.base, t, false)
			toTCVN3[l] = c
			fromTCVN3[c] = l
			// Upper-case toned letters: the lower-case code (see above).
			if _, ok := tcvn3Upper[unicode.ToUpper(l)]; !ok {
				toTCVN3[unicode.ToUpper(l)] = c
			}
		}
	}
	for u, c := range tcvn3Upper {
		toTCVN3[u] = c
		fromTCVN3[c] = u
	}
	toTCVN3['đ'] = '®'
	fromTCVN3['®'] = 'đ'

	add := func(l rune, code string) {
		toVNI[l] = code
		rs := []rune(code)
		switch len(rs) {
		case 1:
			if rs[0] >= 0x80 {
				vniSingle[rs[0]] = l
			}
		case 2:
			vniPair[[2]rune{rs[0], rs[1]}] = l
		}
	}
	for _, row := range vniRows {
		for t, code := range row.codes {
			l := compose(row.base, t, false)
			add(l, code)
			add(unicode.ToUpper(l), strings.ToUpper(code))
		}
	}
	add('đ', "ñ")
	add('Đ', "Ñ")
	// Mixed case pairs occur in real files ("Oâ" for Ô at the start of a
	// title-case word): the base letter decides the case.
	for k, l := range vniPair {
		up := unicode.IsUpper(k[0])
		for _, alt := range []rune{unicode.ToUpper(k[1]), unicode.ToLower(k[1])} {
			m := [2]rune{k[0], alt}
			if _, ok := vniPair[m]; !ok {
				if up {
					vniPair[m] = unicode.ToUpper(l)
				} else {
					vniPair[m] = unicode.ToLower(l)
				}
			}
		}
	}
}

// cp1252High are the runes Windows-1252 gives to bytes 0x80–0x9F. A word
// containing only these, ASCII and U+00A0–U+00FF can be mojibake; anything
// else means the word is already real Unicode.
const cp1252High = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"

func mojibakeRune(r rune) bool {
	return r < 0x100 || strings.ContainsRune(cp1252High, r)
}

// couldBeMojibake reports whether the word contains at least one non-ASCII
// rune and only runes a Windows-1252 decoding can produce.
func couldBeMojibake(w string) bool {
	high := false
	for _, r := range w {
		if !mojibakeRune(r) {
			return false
		}
		if r >= 0x80 {
			high = true
		}
	}
	return high
}

// splitFields calls f for each whitespace-separated field of s and copies
// the separators through emit.
func mapFields(s string, f func(w string) string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				b.WriteString(f(s[start:i]))
				start = -1
			}
			b.WriteRune(r)
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		b.WriteString(f(s[start:]))
	}
	return b.String()
}

// ConvertLegacy converts mojibake in encoding from to Unicode NFC. Words
// that contain a rune no Windows-1252 decoding can produce (for example
// "ộ") are already Unicode and are left alone, so a document that mixes
// pasted legacy text with real Unicode is repaired without damaging the
// Unicode part. EncUnicode returns NFC(s).
func ConvertLegacy(s string, from Encoding) string {
	switch from {
	case EncTCVN3:
		return NFC(convertLinesTCVN3(s))
	case EncVNI:
		return NFC(mapFields(s, func(w string) string {
			if !couldBeMojibake(w) {
				return w
			}
			return decodeVNI(w)
		}))
	}
	return NFC(s)
}

func decodeVNI(w string) string {
	rs := []rune(w)
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) {
			if l, ok := vniPair[[2]rune{rs[i], rs[i+1]}]; ok {
				b.WriteRune(l)
				i++
				continue
			}
		}
		if l, ok := vniSingle[rs[i]]; ok {
			b.WriteRune(l)
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// decodeTCVN3Word decodes one word and reports how many letters of the
// result are certainly upper case (ASCII capitals and the seven TCVN3
// capitals) and whether any letter is certainly lower case (ASCII).
func decodeTCVN3Word(w string) (out string, uppers int, hasLower bool) {
	var b strings.Builder
	b.Grow(len(w) + 8)
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			uppers++
		case r >= 'a' && r <= 'z':
			hasLower = true
		}
		if l, ok := fromTCVN3[r]; ok {
			if unicode.IsUpper(l) {
				uppers++
			}
			r = l
		}
		b.WriteRune(r)
	}
	return b.String(), uppers, hasLower
}

func convertLinesTCVN3(s string) string {
	var out strings.Builder
	out.Grow(len(s) + len(s)/4)
	// prevEnds: the line before ended a sentence (or was a heading in
	// capitals, or blank), so this line starts one. A hard-wrapped line
	// continues its sentence and keeps its first word as typed.
	prevEnds := true
	for len(s) > 0 {
		line := s
		nl := strings.IndexByte(s, '\n')
		if nl >= 0 {
			line, s = s[:nl+1], s[nl+1:]
		} else {
			s = ""
		}
		// First pass: is the whole line in capitals?
		lineUpper, lineLower := 0, false
		for _, r := range line {
			switch {
			case r >= 'A' && r <= 'Z':
				lineUpper++
			case r >= 'a' && r <= 'z':
				lineLower = true
			default:
				if l, ok := fromTCVN3[r]; ok && unicode.IsUpper(l) {
					lineUpper++
				} else if !mojibakeRune(r) && unicode.IsLower(r) {
					lineLower = true
				}
			}
		}
		allCaps := !lineLower && lineUpper >= 2
		sentenceStart := prevEnds
		out.WriteString(mapFields(line, func(w string) string {
			start := sentenceStart
			last, _ := utf8.DecodeLastRuneInString(w)
			// A list mark ("-", "1.", "a)") keeps the sentence start for
			// the word after it.
			sentenceStart = last == '.' || last == '!' || last == '?' || (start && listMark(w))
			if !couldBeMojibake(w) {
				return w
			}
			d, up, low := decodeTCVN3Word(w)
			if allCaps || (!low && up >= 2) {
				return strings.ToUpper(d)
			}
			// Only a toned code can have lost its capital: a word that
			// starts with an ASCII lower-case letter was typed lower case.
			if start && !asciiLowerFirst(w) {
				return CapitalizeFirst(d)
			}
			return d
		}))
		t := strings.TrimRightFunc(line, unicode.IsSpace)
		lastR, _ := utf8.DecodeLastRuneInString(t)
		prevEnds = t == "" || allCaps || strings.ContainsRune(".!?:;", lastR)
	}
	return out.String()
}

// listMark: a bullet or a numbering label standing as a word.
func listMark(w string) bool {
	switch w {
	case "-", "+", "*", "•", "–":
		return true
	}
	if n := len(w); n >= 2 && (w[n-1] == '.' || w[n-1] == ')') {
		body := w[:n-1]
		return strings.Trim(body, "0123456789.") == "" || strings.Trim(body, "IVXLC") == "" || (len(body) == 1 && body[0] >= 'a' && body[0] <= 'z')
	}
	return false
}

// asciiLowerFirst: the word's first letter is an ASCII lower-case letter.
func asciiLowerFirst(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return true
		}
		if unicode.IsLetter(r) || fromTCVN3[r] != 0 {
			return false
		}
	}
	return false
}

// ToLegacy converts Unicode text to the mojibake form of encoding to (the
// legacy bytes as Windows-1252 runes). Runes the encoding cannot represent
// are kept. Upper-case toned vowels become lower-case codes in TCVN3 (see
// the package notes above). EncUnicode returns NFC(s).
func ToLegacy(s string, to Encoding) string {
	s = NFC(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	switch to {
	case EncTCVN3:
		for _, r := range s {
			if c, ok := toTCVN3[r]; ok {
				r = c
			}
			b.WriteRune(r)
		}
	case EncVNI:
		for _, r := range s {
			if c, ok := toVNI[r]; ok && r >= utf8.RuneSelf {
				b.WriteString(c)
				continue
			}
			b.WriteRune(r)
		}
	default:
		return s
	}
	return b.String()
}

// trimWord removes ASCII punctuation around a word (mojibake codes are all
// non-ASCII, so this never cuts a letter).
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool {
		return r < utf8.RuneSelf && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
}

// DetectLegacy guesses whether s contains TCVN3 or VNI mojibake. A word
// counts as suspicious for an encoding when
//
//   - it could be mojibake (only Windows-1252 runes, at least one non-ASCII),
//   - read as Unicode it is not a well-formed Vietnamese syllable, and
//   - decoded from the encoding it is one (onset, vowel nucleus, coda and
//     at most one tone all valid).
//
// English is pure ASCII and real Vietnamese Unicode is made of well-formed
// syllables, so neither is ever flagged; accented foreign words (café,
// señor, Müller) do not decode to Vietnamese syllables. The encoding with
// more suspicious words wins (TCVN3 on a tie); with none, EncUnicode and 0.
func DetectLegacy(s string) (enc Encoding, suspiciousWords int) {
	tcvn, vni := 0, 0
	var buf []rune
	eachField(s, func(w string) {
		w = trimWord(w)
		if !couldBeMojibake(w) {
			return
		}
		buf = append(buf[:0], []rune(w)...)
		if plausibleWord(buf) || !hasLetters(buf) {
			return
		}
		d, _, _ := decodeTCVN3Word(w)
		if d != w && plausibleWord([]rune(d)) {
			tcvn++
		}
		if d := decodeVNI(w); d != w && plausibleWord([]rune(d)) {
			vni++
		}
	})
	switch {
	case tcvn == 0 && vni == 0:
		return EncUnicode, 0
	case vni > tcvn:
		return EncVNI, vni
	}
	return EncTCVN3, tcvn
}

// hasLetters: a word with an ASCII letter, or made only of letters. This
// keeps lone symbols ("©", "·", "×", "¼"), which happen to be TCVN3 codes
// for single-vowel words, from counting as evidence.
func hasLetters(w []rune) bool {
	all := true
	for _, r := range w {
		if r < utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
		if !unicode.IsLetter(r) {
			all = false
		}
	}
	return all
}

func eachField(s string, f func(w string)) {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				f(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}
