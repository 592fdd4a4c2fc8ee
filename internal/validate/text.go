package validate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// textField is one string of the document with its JSON Pointer.
type textField = document.TextField

// texts returns every string of the document once per Validate run; the
// text rules all read the same list.
func (c *checker) texts() []textField {
	if c.textCache == nil {
		c.textCache = []textField{}
		eachText(c.d, func(tf textField) { c.textCache = append(c.textCache, tf) })
	}
	return c.textCache
}

// eachText calls f on every string of d (document.EachString).
func eachText(d *document.Document, f func(textField)) { document.EachString(d, f) }

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
			fmt.Sprintf("Văn bản có vẻ gõ bằng bảng mã %s (%d từ lỗi): cần chuyển sang Unicode (nhập lại tệp gốc để vanban tự chuyển).", name, n),
			fmt.Sprintf("text looks like %s mojibake (%d suspicious words): convert it with `vanban text convert --from %s`", name, n, enc))
	}
}

// checkMixedTone: one tone-mark style per document unless options.tone
// asks Normalize to unify them.
func checkMixedTone(c *checker) {
	if t := c.opt.Tone; t.Mixed() {
		style, styleEN := "kiểu cũ (hòa, thủy, Ủy ban)", "old (hòa, thủy, Ủy ban)"
		if t.Style == document.ToneNew {
			style, styleEN = "kiểu mới (hoà, thuỷ, Uỷ ban)", "new (hoà, thuỷ, Uỷ ban)"
		}
		c.add("text.tone_unified", t.Minority,
			fmt.Sprintf("Văn bản dùng lẫn hai kiểu bỏ dấu (%d từ kiểu cũ, %d từ kiểu mới): toàn văn bản, cả Quốc hiệu, được in theo kiểu dùng nhiều hơn là %s. Chọn \"Kiểu bỏ dấu\" trong Tùy chọn trình bày để in theo kiểu khác.", t.Old, t.New, style),
			fmt.Sprintf("the document mixes tone-mark styles (%d words old, %d new): all of it, the Quốc hiệu too, is printed in the majority style, %s; set options.tone to choose", t.Old, t.New, styleEN))
		return
	}
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
		fmt.Sprintf("Văn bản dùng lẫn hai kiểu bỏ dấu: %d từ kiểu cũ (hòa, thủy), %d từ kiểu mới (hoà, thuỷ); chọn \"Kiểu bỏ dấu\" trong Tùy chọn trình bày.", old, new_),
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
