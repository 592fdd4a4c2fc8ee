package vntext

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzWordsRoundTrip(f *testing.F) {
	for _, c := range wordsCases {
		f.Add(c.n, false, false, false)
	}
	f.Add(uint64(24), true, true, true)
	f.Fuzz(func(t *testing.T, n uint64, bon, le, ngan bool) {
		opt := WordsOptions{Bon: bon, Le: le, Ngan: ngan}
		w := Words(n, opt)
		got, err := ParseWords(w)
		if err != nil || got != n {
			t.Fatalf("ParseWords(%q) = %d, %v; want %d", w, got, err, n)
		}
		a := AmountInWords(n, "đồng", opt)
		if !WordsEqual(a, n) || !WordsEqual(strings.ToUpper(a), n) {
			t.Fatalf("WordsEqual(%q, %d) = false", a, n)
		}
	})
}

func FuzzParseWords(f *testing.F) {
	for _, s := range []string{
		"Ba tỷ, một trăm chín mươi triệu đồng chẵn", "hai mươi tư", "một trăm lẻ năm",
		"mười tám tỷ tỷ", "tỷ tỷ", "không", "lăm", "một nghìn một triệu", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseWords(s)
		if err != nil {
			return
		}
		// Whatever parsed must be the same number when spelled canonically.
		if !WordsEqual(Words(v, WordsOptions{}), v) {
			t.Fatalf("canonical form of %d (from %q) does not parse back", v, s)
		}
		if !WordsEqual(s, v) {
			t.Fatalf("WordsEqual(%q, %d) = false", s, v)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234.567", "12,5", "370.000.000đ", "150.000.000 đồng", "-0", "1e5", "12.5", ",", "+-1", "9.999.999.999.999.999.999.999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) {
			t.Fatalf("ParseNumber(%q) = NaN", s)
		}
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			back, err := ParseNumber(FormatInt(int64(v)))
			if err != nil || back != v {
				t.Fatalf("ParseNumber(FormatInt(%v)) = %v, %v", v, back, err)
			}
		}
		if u, err := ParseUint(s); err == nil && float64(u) != v {
			t.Fatalf("ParseUint(%q) = %d, ParseNumber = %v", s, u, v)
		}
	})
}

// vietOnly keeps the runes for which the legacy round trip is defined:
// Vietnamese letters, ASCII letters and digits, spaces and newlines.
func vietOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if _, ok := letterOf[r]; ok {
			return r
		}
		if r < utf8.RuneSelf && (r == ' ' || r == '\n' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return -1
	}, s)
}

func FuzzConvertLegacy(f *testing.F) {
	for _, s := range []string{sampleTCVN3, sampleVNI, sampleUnicodeNew, "CỘNG HOÀ\nĐộc lập", "Oâng", "ÿ\xffµ", "ươ ươ ƯỜ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range []Encoding{EncUnicode, EncTCVN3, EncVNI} {
			out := ConvertLegacy(s, e)
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Fatalf("ConvertLegacy(%q, %v) produced invalid UTF-8", s, e)
			}
			_ = ToLegacy(s, e)
		}
		DetectLegacy(s)
		v := NFC(vietOnly(s))
		if got := ConvertLegacy(ToLegacy(v, EncVNI), EncVNI); got != v {
			t.Fatalf("VNI round trip of %q: %q", v, got)
		}
		// TCVN3 cannot keep the case of toned capitals; compare in
		// lower case.
		if got := ConvertLegacy(ToLegacy(v, EncTCVN3), EncTCVN3); Lower(got) != Lower(v) {
			t.Fatalf("TCVN3 round trip of %q: %q", v, got)
		}
		// Real Unicode made only of Vietnamese syllables is never flagged.
		if enc, _ := DetectLegacy(Lower(v)); enc != EncUnicode {
			plausibleAll := true
			eachField(Lower(v), func(w string) {
				if !plausibleWord([]rune(w)) {
					plausibleAll = false
				}
			})
			if plausibleAll {
				t.Fatalf("DetectLegacy flagged Vietnamese %q as %v", v, enc)
			}
		}
	})
}

func FuzzNormalizeTone(f *testing.F) {
	for _, s := range []string{"Hòa bình, Ủy ban, thủy lợi", "hoà THUỶ khoẻ", "ho\u0300a", "quý quà", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		DetectToneStyle(s)
		for _, st := range []ToneStyle{ToneOld, ToneNew} {
			n := NormalizeTone(s, st)
			if NormalizeTone(n, st) != n {
				t.Fatalf("NormalizeTone not idempotent on %q", s)
			}
			o, nw := DetectToneStyle(n)
			if (st == ToneOld && nw != 0) || (st == ToneNew && o != 0) {
				t.Fatalf("NormalizeTone(%q, %v) = %q still has %d/%d", s, st, n, o, nw)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		s = NFC(s)
		n := NormalizeTone(s, ToneNew)
		if back := NormalizeTone(NormalizeTone(n, ToneOld), ToneNew); back != n {
			t.Fatalf("new→old→new changed %q: %q", n, back)
		}
		if Lower(stripTones(n)) != Lower(stripTones(s)) {
			t.Fatalf("NormalizeTone changed letters: %q → %q", s, n)
		}
	})
}

// stripTones removes tone marks (keeps letters), for comparing text that
// differs only in tone placement.
func stripTones(s string) string {
	return strings.Map(func(r rune) rune {
		if li, ok := letterOf[r]; ok {
			return compose(li.base, toneNone, li.upper)
		}
		return r
	}, s)
}
