package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/vanban/vanban/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

const refUnicode = "NĐ30 Phụ lục I §1 (Unicode TCVN 6909:2001)"

// textRules: the Vietnamese text problems no layout checker sees.
var textRules = []func(*reviewer){nfcText, legacyText, mixedTone, doubleSpaces, repeatedWords, numberingJumps, capitals}

func nfcText(r *reviewer) {
	for i, p := range r.d.paras {
		if !norm.NFC.IsNormalString(p.Text) {
			r.add(Fix, "text.nfc", r.paraName(i), p.Page, refUnicode, "precomposed Unicode (NFC)", "decomposed marks in %q", snip(p.Text, 40))
			break
		}
	}
	// U+FFFD stands where a conversion lost a character: the word is gone.
	for i, p := range r.d.paras {
		if strings.ContainsRune(p.Text, '\uFFFD') {
			r.add(Fix, "text.nfc", r.paraName(i), p.Page, refUnicode, "every character kept", "U+FFFD (a character lost in a conversion) in %q", snip(p.Text, 40))
			return
		}
	}
}

func (r *reviewer) allText() string {
	var b strings.Builder
	for _, p := range r.d.paras {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func legacyText(r *reviewer) {
	enc, n := vntext.DetectLegacy(r.allText())
	if enc != vntext.EncUnicode && n >= 3 {
		r.add(SendBack, "text.legacy", "text", 0, refUnicode, "Unicode text", "%d words in a legacy encoding (%v)", n, enc)
	}
}

func mixedTone(r *reviewer) {
	old, nw := vntext.DetectToneStyle(r.allText())
	if old > 0 && nw > 0 {
		r.add(Cosmetic, "text.tone", "text", 0, refUnicode, "one tone-mark style throughout (hòa/hoà)", "%d words in the old style, %d in the new", old, nw)
	}
}

// doubleSpace: two spaces between words. Runs of spaces next to
// punctuation are a draft's blanks ("Số:      /QĐ"), and the Số and date
// lines are left to their own rules.
var doubleSpace = regexp.MustCompile(`[\p{L}\p{N}]  +[\p{L}]`)

func doubleSpaces(r *reviewer) {
	n, first := 0, -1
	for i, p := range r.d.paras {
		if r.d.format == "docx" && doubleSpace.MatchString(p.Text) && !soStartRe.MatchString(p.Text) && !dateRe.MatchString(p.Text) {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if n > 0 {
		p := r.d.paras[first]
		r.add(Cosmetic, "text.spaces", fmt.Sprintf("%d paragraphs", n), p.Page, refBody, "one space between words", "double spaces, first in %q", snip(doubleSpace.FindString(p.Text), 40))
	}
}

var wordRe = regexp.MustCompile(`[\p{L}\p{M}]+`)

// repeatedWords finds a run of two or three words written twice in a row
// ("giữa các giữa các"), nothing but spaces between them. A single
// syllable written twice is left alone: Vietnamese compounds meet that
// way ("cam kết kết quả").
func repeatedWords(r *reviewer) {
	for i, p := range r.d.paras {
		ws := strings.Fields(strings.ToLower(p.Text))
		for k := 3; k >= 2; k-- {
			if hit := repeatAt(ws, k); hit != "" {
				r.add(Fix, "text.repeat", r.paraName(i), p.Page, refBody, "each word once", "%q written twice", hit)
				break
			}
		}
	}
}

func repeatAt(ws []string, k int) string {
	for i := 0; i+2*k <= len(ws); i++ {
		same := true
		for j := 0; j < k; j++ {
			if ws[i+j] != ws[i+k+j] || !wordRe.MatchString(ws[i+j]) || wordRe.FindString(ws[i+j]) != ws[i+j] {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		return strings.Join(ws[i:i+2*k], " ")
	}
	return ""
}

var (
	romanRe  = regexp.MustCompile(`^\s*([IVXL]+)\.[\s\x{a0}]`)
	arabicRe = regexp.MustCompile(`^\s*(\d{1,3})\.[\s\x{a0}]`)
	dieuRe   = regexp.MustCompile(`^\s*Điều[\s\x{a0}]+(\d{1,3})\b`)
)

func roman(s string) int {
	v := map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	n := 0
	rs := []rune(s)
	for i, c := range rs {
		if i+1 < len(rs) && v[c] < v[rs[i+1]] {
			n -= v[c]
		} else {
			n += v[c]
		}
	}
	return n
}

// numberingJumps: I., II. …, 1., 2. … and Điều 1, Điều 2 … in order; a
// list may start again at 1 (a new part), never skip or repeat once it
// runs.
//
// Only a DOCX's paragraphs tell: a PDF line may begin with "2." or
// "Điều 4." where a sentence wrapped.
func numberingJumps(r *reviewer) {
	if r.d.format != "docx" {
		return
	}
	var lastRoman, lastArabic, lastDieu int
	for i, p := range r.d.paras {
		if p.Table > 0 {
			continue
		}
		if appendixRe.MatchString(p.Text) {
			lastRoman, lastArabic, lastDieu = 0, 0, 0
			continue
		}
		step := func(label string, n int, last *int) {
			// A list that starts past 1 is a quotation ("3. …" of a law);
			// only a running list can skip.
			if *last > 0 && n != 1 && n != *last+1 {
				r.add(Fix, "numbering", r.paraName(i), p.Page, refBody, fmt.Sprintf("%s %d after %d", label, *last+1, *last), "%s %d after %d", label, n, *last)
			}
			*last = n
		}
		if m := romanRe.FindStringSubmatch(p.Text); m != nil {
			step("part", roman(m[1]), &lastRoman)
			lastArabic = 0
		} else if m := dieuRe.FindStringSubmatch(p.Text); m != nil {
			var n int
			fmt.Sscan(m[1], &n)
			step("Điều", n, &lastDieu)
			lastArabic = 0
		} else if m := arabicRe.FindStringSubmatch(p.Text); m != nil {
			var n int
			fmt.Sscan(m[1], &n)
			step("item", n, &lastArabic)
		}
	}
}
