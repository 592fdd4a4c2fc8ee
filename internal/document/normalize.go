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
