package validate

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

var (
	textType = reflect.TypeOf(document.Text{})
	cellType = reflect.TypeOf(document.Cell{})
)

// textField is one string of the document with its JSON Pointer.
type textField struct {
	Path string
	Text string
	// Printed is false for codes that never reach paper (schema, type,
	// options, a row's kind, an appendix's orientation).
	Printed bool
}

// notPrinted are members whose values are codes, not text.
var notPrinted = map[string]bool{"/schema": true, "/type": true, "/options": true}

// texts returns every string of the document once per Validate run; the
// text rules all read the same list.
func (c *checker) texts() []textField {
	if c.textCache == nil {
		c.textCache = []textField{}
		eachText(c.d, func(tf textField) { c.textCache = append(c.textCache, tf) })
	}
	return c.textCache
}

// eachText calls f on every string of d, in document order, by reflection
// over the model (as Normalize does), so a field added to the contract is
// checked without touching this package. A Text given as one plain run is
// reported at its own path (it was a JSON string); runs at ".../i/text" and
// ".../i/footnote".
func eachText(d *document.Document, f func(textField)) {
	walkText(reflect.ValueOf(d).Elem(), "", true, f)
}

func walkText(v reflect.Value, path string, printed bool, f func(textField)) {
	switch v.Type() {
	case textType:
		t := v.Interface().(document.Text)
		if len(t) == 1 && !t[0].Bold && !t[0].Italic && t[0].Footnote == "" {
			f(textField{path, t[0].Text, printed})
			return
		}
		for i, r := range t {
			f(textField{document.Join(path, i, "text"), r.Text, printed})
			if r.Footnote != "" {
				f(textField{document.Join(path, i, "footnote"), r.Footnote, printed})
			}
		}
		return
	case cellType:
		c := v.Interface().(document.Cell)
		if c.Num == nil && c.Str != "" {
			f(textField{path, c.Str, printed})
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			f(textField{path, v.String(), printed})
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), path, printed, f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkText(v.Index(i), document.Join(path, i), printed, f)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name := jsonName(t.Field(i))
			if name == "" {
				continue
			}
			p := document.Join(path, name)
			pr := printed && !notPrinted[p] && name != "kind" && name != "orientation"
			walkText(v.Field(i), p, pr, f)
		}
	}
}

// checkControlChars: no control character anywhere. Normalise folds tabs
// and newlines into spaces, so any left is an error in the input.
func checkControlChars(c *checker) {
	for _, tf := range c.texts() {
		i := strings.IndexFunc(tf.Text, unicode.IsControl)
		if i < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(tf.Text[i:])
		c.add("text.control_char", tf.Path,
			fmt.Sprintf("Có ký tự điều khiển U+%04X ở vị trí %d.", r, utf8.RuneCountInString(tf.Text[:i])+1),
			fmt.Sprintf("control character U+%04X at character %d", r, utf8.RuneCountInString(tf.Text[:i])+1))
	}
}

// shortField is the word count up to which one suspicious word is enough
// to call a field mojibake: a name or a title has no room for the
// accented foreign word that could otherwise explain it.
const shortField = 4

// checkLegacyEncoding: text typed in TCVN3 (ABC) or VNI and pasted as
// Unicode. Two suspicious words in a field, or one in a short field.
func checkLegacyEncoding(c *checker) {
	for _, tf := range c.texts() {
		enc, n := vntext.DetectLegacy(tf.Text)
		if enc == vntext.EncUnicode || n == 0 {
			continue
		}
		if n < 2 && len(strings.Fields(tf.Text)) > shortField {
			continue
		}
		name := strings.ToUpper(enc.String())
		c.add("text.legacy_encoding", tf.Path,
			fmt.Sprintf("Văn bản có vẻ gõ bằng bảng mã %s (%d từ lỗi): chuyển sang Unicode bằng `vanban text convert --from %s`.", name, n, enc),
			fmt.Sprintf("text looks like %s mojibake (%d suspicious words): convert it with `vanban text convert --from %s`", name, n, enc))
	}
}

// checkMixedTone: one tone-mark style per document unless options.tone
// asks Normalize to unify them.
func checkMixedTone(c *checker) {
	if c.d.Options.Tone != "" {
		return
	}
	type hit struct {
		path      string
		old, new_ int
	}
	var hits []hit
	old, new_ := 0, 0
	for _, tf := range c.texts() {
		if !tf.Printed {
			continue
		}
		o, n := vntext.DetectToneStyle(tf.Text)
		if o+n > 0 {
			hits = append(hits, hit{tf.Path, o, n})
			old += o
			new_ += n
		}
	}
	if old == 0 || new_ == 0 {
		return
	}
	// Point at the first field written in the less used style: that is
	// where the clerk most likely pasted from elsewhere.
	path := ""
	for _, h := range hits {
		if (old <= new_ && h.old > 0) || (old > new_ && h.new_ > 0) {
			path = h.path
			break
		}
	}
	c.add("text.mixed_tone", path,
		fmt.Sprintf("Văn bản dùng lẫn hai kiểu bỏ dấu: %d từ kiểu cũ (hòa, thủy), %d từ kiểu mới (hoà, thuỷ); đặt options.tone là \"old\" hoặc \"new\".", old, new_),
		fmt.Sprintf("the document mixes tone-mark styles: %d words old style (hòa), %d new style (hoà); set options.tone to \"old\" or \"new\"", old, new_))
}

// checkGlyphs: every printed character exists in the PDF font.
func checkGlyphs(c *checker) {
	has := c.opt.HasGlyph
	if has == nil {
		return
	}
	for _, tf := range c.texts() {
		if !tf.Printed {
			continue
		}
		var missing []rune
		for _, r := range tf.Text {
			if r == ' ' || has(r) || strings.ContainsRune(string(missing), r) {
				continue
			}
			missing = append(missing, r)
		}
		if len(missing) == 0 {
			continue
		}
		var list []string
		for _, r := range missing {
			list = append(list, fmt.Sprintf("%q (U+%04X)", r, r))
		}
		c.add("text.missing_glyph", tf.Path,
			fmt.Sprintf("Phông chữ không có ký tự: %s.", strings.Join(list, ", ")),
			fmt.Sprintf("the font has no glyph for %s", strings.Join(list, ", ")))
	}
}
