package vntext

import (
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// WordsOptions selects between the regional / stylistic variants of the
// formal reading. The zero value is the register used by most state bodies
// in the North and by Nghị định 30 samples: tư, linh, nghìn.
type WordsOptions struct {
	Bon  bool // use "bốn" instead of "tư" for 4 in units position after mươi (default tư)
	Le   bool // use "lẻ" instead of "linh" for zero tens (default linh)
	Ngan bool // use "ngàn" instead of "nghìn" (default nghìn)
}

var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

const billion = 1_000_000_000

// Words spells n in lower-case Vietnamese words, without a unit:
// 370000000 → "ba trăm bảy mươi triệu".
//
// Numbers of a billion or more are read the way Vietnamese reads them: the
// number of tỷ, itself spelled recursively, followed by "tỷ" and the rest:
// 10^12 → "một nghìn tỷ", 10^18 → "một tỷ tỷ",
// 1 234 000 000 000 → "một nghìn hai trăm ba mươi tư tỷ". Any group that
// follows a higher non-zero group is read in full three digits
// ("không trăm linh năm") so that the spoken form is unambiguous.
func Words(n uint64, opt WordsOptions) string {
	if n == 0 {
		return digitWords[0]
	}
	w := make([]string, 0, 16)
	w = appendWords(w, n, false, opt)
	return strings.Join(w, " ")
}

// appendWords appends the words for n > 0. full says that a higher unit has
// already been read, so the leading three-digit group must be read in full.
func appendWords(w []string, n uint64, full bool, opt WordsOptions) []string {
	if n >= billion {
		hi, lo := n/billion, n%billion
		w = appendWords(w, hi, full, opt)
		w = append(w, "tỷ")
		if lo > 0 {
			w = appendBelowBillion(w, lo, true, opt)
		}
		return w
	}
	return appendBelowBillion(w, n, full, opt)
}

func appendBelowBillion(w []string, n uint64, full bool, opt WordsOptions) []string {
	thousand := "nghìn"
	if opt.Ngan {
		thousand = "ngàn"
	}
	groups := [3]uint64{n / 1_000_000, n / 1000 % 1000, n % 1000}
	units := [3]string{"triệu", thousand, ""}
	for i, g := range groups {
		if g == 0 {
			// Whole-zero groups are skipped: 1.000.005 is "một triệu
			// không trăm linh năm", not "... không nghìn ...".
			continue
		}
		w = appendGroup(w, int(g), full, opt)
		if units[i] != "" {
			w = append(w, units[i])
		}
		full = true
	}
	return w
}

// appendGroup reads 1..999. full forces the hundreds ("không trăm").
func appendGroup(w []string, g int, full bool, opt WordsOptions) []string {
	h, t, u := g/100, g/10%10, g%10
	hundreds := full || h > 0
	if hundreds {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u == 0:
	case t == 0:
		if hundreds {
			if opt.Le {
				w = append(w, "lẻ")
			} else {
				w = append(w, "linh")
			}
		}
		w = append(w, digitWords[u]) // 105 → linh năm, 104 → linh bốn
	case t == 1:
		w = append(w, "mười")
		switch u {
		case 0:
		case 5:
			w = append(w, "lăm") // 15 → mười lăm
		default:
			w = append(w, digitWords[u]) // 11 → mười một, 14 → mười bốn
		}
	default:
		w = append(w, digitWords[t], "mươi")
		switch u {
		case 0:
		case 1:
			w = append(w, "mốt") // 21 → hai mươi mốt
		case 4:
			if opt.Bon {
				w = append(w, "bốn")
			} else {
				w = append(w, "tư") // 24 → hai mươi tư
			}
		case 5:
			w = append(w, "lăm") // 25 → hai mươi lăm
		default:
			w = append(w, digitWords[u])
		}
	}
	return w
}

// AmountInWords is the "bằng chữ" line of a document: Words with the first
// letter capitalised and the unit appended. For the unit "đồng" the formal
// closing "chẵn" is added ("Ba trăm bảy mươi triệu đồng chẵn"); other units
// ("triệu đồng", "USD") are appended as is. An empty unit gives just the
// capitalised words.
func AmountInWords(n uint64, unit string, opt WordsOptions) string {
	s := Words(n, opt)
	unit = strings.TrimSpace(NFC(unit))
	if unit != "" {
		s += " " + unit
		if unit == "đồng" {
			s += " chẵn"
		}
	}
	return CapitalizeFirst(s)
}

// Errors returned (wrapped) by ParseWords.
var (
	ErrEmpty    = errors.New("empty input")
	ErrOverflow = errors.New("number does not fit in uint64")
)

// tokKind classifies a word of a spelled number.
type tokKind int

const (
	tkDigit    tokKind = iota // không..chín and variants
	tkTen                     // mười / mươi
	tkHundred                 // trăm
	tkZeroTens                // linh / lẻ
	tkThousand                // nghìn / ngàn
	tkMillion                 // triệu
	tkBillion                 // tỷ / tỉ
)

type token struct {
	kind tokKind
	val  int    // digit value for tkDigit
	word string // original word, for error messages
	// unitOnly marks digit variants that may only stand in the units
	// position (mốt, lăm, nhăm): "lăm trăm" is not Vietnamese.
	unitOnly bool
}

var wordTokens = map[string]token{
	"không": {kind: tkDigit, val: 0},
	"một":   {kind: tkDigit, val: 1},
	"mốt":   {kind: tkDigit, val: 1, unitOnly: true},
	"hai":   {kind: tkDigit, val: 2},
	"ba":    {kind: tkDigit, val: 3},
	"bốn":   {kind: tkDigit, val: 4},
	"tư":    {kind: tkDigit, val: 4},
	"năm":   {kind: tkDigit, val: 5},
	"lăm":   {kind: tkDigit, val: 5, unitOnly: true},
	"nhăm":  {kind: tkDigit, val: 5, unitOnly: true},
	"sáu":   {kind: tkDigit, val: 6},
	"bảy":   {kind: tkDigit, val: 7},
	"bẩy":   {kind: tkDigit, val: 7},
	"tám":   {kind: tkDigit, val: 8},
	"chín":  {kind: tkDigit, val: 9},
	"mười":  {kind: tkTen},
	"mươi":  {kind: tkTen},
	"trăm":  {kind: tkHundred},
	"linh":  {kind: tkZeroTens},
	"lẻ":    {kind: tkZeroTens},
	"nghìn": {kind: tkThousand},
	"ngàn":  {kind: tkThousand},
	"triệu": {kind: tkMillion},
	"tỷ":    {kind: tkBillion},
	"tỉ":    {kind: tkBillion},
}

// tokenize lower-cases s, drops punctuation and the optional trailing unit
// ("đồng", "đồng chẵn", "chẵn") and maps each word to a token.
func tokenize(s string) ([]token, error) {
	s = strings.ToLower(norm.NFC.String(s))
	// Also accept the other tone placement ("tỉ" has none, but be safe for
	// words like "bẩy" typed with decomposed marks): NFC is enough here.
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
	// The labelled form offices print, "(Bằng chữ: … đồng chẵn)": the
	// label is not part of the amount.
	if len(fields) >= 2 && fields[0] == "bằng" && fields[1] == "chữ" {
		fields = fields[2:]
	}
	// Trailing unit and closing, in either order of presence.
	for len(fields) > 0 {
		last := fields[len(fields)-1]
		if last == "chẵn" || last == "đồng" || last == "đ" {
			fields = fields[:len(fields)-1]
			continue
		}
		break
	}
	if len(fields) == 0 {
		return nil, ErrEmpty
	}
	toks := make([]token, len(fields))
	for i, f := range fields {
		t, ok := wordTokens[f]
		if !ok {
			return nil, fmt.Errorf("unknown word %q", f)
		}
		t.word = f
		toks[i] = t
	}
	return toks, nil
}

// ParseWords is the inverse of Words/AmountInWords. It accepts any case,
// the "(Bằng chữ: …)" label around the words,
// punctuation (commas between groups are common: "Ba tỷ, một trăm chín mươi
// triệu đồng chẵn"), an optional trailing "đồng" / "đồng chẵn", and all
// variants: tư/bốn, linh/lẻ, nghìn/ngàn, mốt/một, lăm/nhăm/năm, mười/mươi,
// tỷ/tỉ, bảy/bẩy. Errors name the offending word.
func ParseWords(s string) (uint64, error) {
	toks, err := tokenize(s)
	if err != nil {
		return 0, fmt.Errorf("vntext: parse words: %w", err)
	}
	n, err := parseScaled(toks)
	if err != nil {
		return 0, fmt.Errorf("vntext: parse words %q: %w", s, err)
	}
	return n, nil
}

// parseScaled mirrors appendWords: the last "tỷ" splits the number into
// (number of tỷ) × 10^9 + (rest below a billion).
func parseScaled(toks []token) (uint64, error) {
	last := -1
	for i, t := range toks {
		if t.kind == tkBillion {
			last = i
		}
	}
	if last < 0 {
		return parseBelowBillion(toks)
	}
	if last == 0 {
		return 0, errors.New(`"tỷ" without a number before it`)
	}
	hi, err := parseScaled(toks[:last])
	if err != nil {
		return 0, err
	}
	var lo uint64
	if last+1 < len(toks) {
		if lo, err = parseBelowBillion(toks[last+1:]); err != nil {
			return 0, err
		}
	}
	if hi == 0 {
		return 0, errors.New(`zero before "tỷ"`)
	}
	h, l := bits.Mul64(hi, billion)
	if h != 0 {
		return 0, ErrOverflow
	}
	sum, carry := bits.Add64(l, lo, 0)
	if carry != 0 {
		return 0, ErrOverflow
	}
	return sum, nil
}

func parseBelowBillion(toks []token) (uint64, error) {
	var total uint64
	start := 0
	prevScale := uint64(0)
	for i, t := range toks {
		var scale uint64
		switch t.kind {
		case tkMillion:
			scale = 1_000_000
		case tkThousand:
			scale = 1000
		default:
			continue
		}
		if prevScale != 0 && scale >= prevScale {
			return 0, fmt.Errorf("%q after a larger or equal unit", t.word)
		}
		if i == start {
			return 0, fmt.Errorf("%q without a number before it", t.word)
		}
		g, err := parseGroup(toks[start:i])
		if err != nil {
			return 0, err
		}
		if g == 0 {
			return 0, fmt.Errorf("zero before %q", t.word)
		}
		total += uint64(g) * scale
		prevScale = scale
		start = i + 1
	}
	if start < len(toks) {
		g, err := parseGroup(toks[start:])
		if err != nil {
			return 0, err
		}
		total += uint64(g)
	}
	return total, nil
}

// parseGroup reads a number 0..999:
//
//	[D trăm] [linh D | mười [D] | D mươi [D] | D]
func parseGroup(toks []token) (int, error) {
	i := 0
	val := 0
	hundreds := false
	if len(toks) >= 2 && toks[0].kind == tkDigit && toks[1].kind == tkHundred {
		if toks[0].unitOnly {
			return 0, fmt.Errorf("%q cannot stand before \"trăm\"", toks[0].word)
		}
		val = toks[0].val * 100
		hundreds = true
		i = 2
	}
	rest := toks[i:]
	switch {
	case len(rest) == 0:
		if !hundreds {
			return 0, errors.New("missing number")
		}
	case rest[0].kind == tkZeroTens:
		if !hundreds {
			return 0, fmt.Errorf("%q must follow \"trăm\"", rest[0].word)
		}
		if len(rest) != 2 || rest[1].kind != tkDigit || rest[1].val == 0 {
			return 0, fmt.Errorf("%q must be followed by one digit", rest[0].word)
		}
		val += rest[1].val
	case rest[0].kind == tkTen:
		// "mười [D]" = 10..19
		val += 10
		u, err := parseUnits(rest[1:])
		if err != nil {
			return 0, err
		}
		val += u
	case rest[0].kind == tkDigit && len(rest) >= 2 && rest[1].kind == tkTen:
		// "D mươi [D]" = 20..99 (also accepts the misspelling "mười")
		if rest[0].unitOnly || rest[0].val < 2 {
			return 0, fmt.Errorf("%q cannot stand before %q", rest[0].word, rest[1].word)
		}
		val += rest[0].val * 10
		u, err := parseUnits(rest[2:])
		if err != nil {
			return 0, err
		}
		val += u
	case rest[0].kind == tkDigit && len(rest) == 1:
		if hundreds {
			// "một trăm năm" is colloquial for 150; formal text says
			// "một trăm năm mươi" or "một trăm linh năm". Refuse rather
			// than guess.
			return 0, fmt.Errorf("ambiguous %q after \"trăm\" (write \"linh %s\" or \"%s mươi\")", rest[0].word, rest[0].word, rest[0].word)
		}
		if rest[0].unitOnly {
			return 0, fmt.Errorf("%q cannot stand alone", rest[0].word)
		}
		val += rest[0].val
	default:
		return 0, fmt.Errorf("unexpected %q", rest[0].word)
	}
	return val, nil
}

func parseUnits(toks []token) (int, error) {
	switch len(toks) {
	case 0:
		return 0, nil
	case 1:
		if toks[0].kind != tkDigit || toks[0].val == 0 {
			return 0, fmt.Errorf("unexpected %q", toks[0].word)
		}
		return toks[0].val, nil
	}
	return 0, fmt.Errorf("unexpected %q", toks[1].word)
}

// WordsEqual reports whether the given words (any variant, case or
// punctuation, optional "đồng"/"chẵn") denote n. Validation uses it to
// compare the "bằng chữ" line with the figures.
func WordsEqual(given string, n uint64) bool {
	v, err := ParseWords(given)
	return err == nil && v == n
}
