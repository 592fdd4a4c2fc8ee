package document

import (
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize rewrites d in place into the one spelling later steps expect:
// Unicode NFC (text pasted from Word or a PDF often arrives decomposed), and
// whitespace trimmed and folded to single spaces. It never changes meaning:
// no letter, digit or punctuation mark is added or removed. When a tone
// style is chosen in Options, tone marks are moved to it by the
// ToneNormalizer, if one is given.
func Normalize(d *Document, tone func(s, style string) string) {
	NormalizeWith(d, ToneRules{Move: tone})
}

// ToneRules are the tone-mark functions normalisation uses; they live in
// vntext and are injected so that the model depends on no text package.
type ToneRules struct {
	// Move rewrites s into style ("old" or "new").
	Move func(s, style string) string
	// Count counts the words of s written in the old and in the new
	// placement; nil leaves a document without options.tone as it is.
	Count func(s string) (old, new int)
}

// Tone styles (Options.Tone).
const (
	ToneOld = "old" // hòa, thủy, Ủy ban: NĐ30's own spelling
	ToneNew = "new" // hoà, thuỷ, Uỷ ban
)

// ToneReport says which tone-mark style a document is printed in and why.
type ToneReport struct {
	// Style is options.tone, or when it was blank the style most of the
	// printed words use (old on a tie, the decree's own); "" when no word
	// differs between the styles.
	Style string
	// Inferred is true when Style was taken from the words, not given.
	Inferred bool
	// Old and New count the printed words in each style before any move.
	Old, New int
	// Minority is the JSON Pointer of the first printed string written in
	// the less used style, when the document mixed them.
	Minority string
}

// Mixed reports whether normalisation moved words of a document that
// mixed both styles without choosing one.
func (r ToneReport) Mixed() bool { return r.Inferred && r.Old > 0 && r.New > 0 }

// NormalizeWith is Normalize with the tone rules. When options.tone is
// blank, rules.Count is given and the document mixes the styles, every word
// is moved to the majority style (MajorityTone) and the report says so: a
// clerk never gets "Ủy ban" above "Uỷ ban" on one page. options.tone stays
// blank; compose reads the same majority for the fixed texts (Quốc hiệu).
func NormalizeWith(d *Document, rules ToneRules) ToneReport {
	tone := rules.Move
	fold := func(s string, trim bool) string {
		s = norm.NFC.String(s)
		s = foldSpace(s)
		if trim {
			s = strings.TrimSpace(s)
		}
		if d.Options.Tone != "" && tone != nil {
			s = tone(s, d.Options.Tone)
		}
		return s
	}
	normalizeValue(reflect.ValueOf(d).Elem(), fold)
	if d.Options.Tone != "" {
		return ToneReport{Style: d.Options.Tone}
	}
	if rules.Count == nil || tone == nil {
		return ToneReport{}
	}
	r := MajorityTone(d, rules.Count)
	if r.Mixed() {
		normalizeValue(reflect.ValueOf(d).Elem(), func(s string, _ bool) string { return tone(s, r.Style) })
	}
	return r
}

// MajorityTone is the style options.tone names or, when it is blank, the
// one most printed words of d use (old on a tie, the decree's own), with
// the counts and the first field in the other style; Style is "" when no
// printed word differs between the styles. Compose prints the fixed texts
// (Quốc hiệu) in this style.
func MajorityTone(d *Document, count func(s string) (old, new int)) ToneReport {
	if d.Options.Tone != "" {
		return ToneReport{Style: d.Options.Tone}
	}
	// Count without pointers; find the minority field's pointer only when
	// the document mixes the styles, by its position among the strings.
	r := ToneReport{Inferred: true}
	i, firstOld, firstNew := 0, -1, -1
	eachStringNoPath(d, func(tf TextField) {
		i++
		if !tf.Printed {
			return
		}
		o, n := count(tf.Text)
		if o > 0 && firstOld < 0 {
			firstOld = i
		}
		if n > 0 && firstNew < 0 {
			firstNew = i
		}
		r.Old += o
		r.New += n
	})
	minority := -1
	switch {
	case r.Old+r.New == 0:
		return ToneReport{}
	case r.Old >= r.New:
		r.Style, minority = ToneOld, firstNew
	default:
		r.Style, minority = ToneNew, firstOld
	}
	if minority > 0 {
		i = 0
		EachString(d, func(tf TextField) {
			if i++; i == minority {
				r.Minority = tf.Path
			}
		})
	}
	return r
}

func normalizeValue(v reflect.Value, fold func(string, bool) string) {
	switch v.Type() {
	case textType:
		t := v.Interface().(Text)
		for i := range t {
			t[i].Text = fold(t[i].Text, false)
			t[i].Footnote = fold(t[i].Footnote, true)
		}
		// Only the ends of the whole paragraph are trimmed: the space
		// between two runs ("Hello " + bold "world") is meaning.
		if n := len(t); n > 0 {
			t[0].Text = strings.TrimLeftFunc(t[0].Text, unicode.IsSpace)
			t[n-1].Text = strings.TrimRightFunc(t[n-1].Text, unicode.IsSpace)
		}
		return
	case cellType:
		c := v.Addr().Interface().(*Cell)
		c.Str = fold(c.Str, true)
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fold(v.String(), true))
	case reflect.Pointer:
		if !v.IsNil() {
			normalizeValue(v.Elem(), fold)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			normalizeValue(v.Index(i), fold)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				normalizeValue(v.Field(i), fold)
			}
		}
	}
}

// foldSpace turns every run of white space (tabs, non-breaking spaces,
// newlines pasted from a PDF) into one ASCII space.
func foldSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
