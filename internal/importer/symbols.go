package importer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/vanban/vanban/internal/document"
)

// isPrivate: a private-use character, which is what docxread leaves of a
// symbol-font character (w:sym) it has no printable equivalent for.
func isPrivate(r rune) bool { return unicode.Is(unicode.Co, r) }

// unprintableSymbols takes the private-use characters out of the lines
// (paragraph runs, table cells and column titles) and lists each line
// that had some as dropped, with the code points: a symbol a clerk
// inserted from Wingdings that vanban cannot print is named in the
// report, never lost silently. The symbols docxread knows (ticked and
// empty boxes, ticks, bullets, arrows) arrive as printable characters.
func unprintableSymbols(ls []line, rep *Report) {
	for i := range ls {
		l := &ls[i]
		var found []rune
		strip := func(s string) string {
			if !strings.ContainsFunc(s, isPrivate) {
				return s
			}
			return strings.Map(func(r rune) rune {
				if isPrivate(r) {
					found = append(found, r)
					return -1
				}
				return r
			}, s)
		}
		for k := range l.runs {
			l.runs[k].Text = strip(l.runs[k].Text)
		}
		for k := range l.cells {
			l.cells[k] = strip(l.cells[k])
		}
		if t := l.table; t != nil {
			var cols func(cs []document.Column)
			cols = func(cs []document.Column) {
				for k := range cs {
					cs[k].Title = strip(cs[k].Title)
					cols(cs[k].Children)
				}
			}
			cols(t.columns)
			for _, row := range t.rows {
				for k := range row {
					row[k].text = strip(row[k].text)
				}
			}
		}
		if len(found) == 0 {
			continue
		}
		var codes []string
		for _, r := range found {
			codes = append(codes, fmt.Sprintf("U+%04X", r))
		}
		rep.drop(i, strings.Join(codes, " "), false,
			fmt.Sprintf("%d ký hiệu chèn từ phông ký hiệu (Wingdings, Symbol) không có ký tự in được tương ứng: đã bỏ; thêm lại bằng chữ nếu cần.", len(found)),
			fmt.Sprintf("%d symbol(s) inserted from a symbol font (Wingdings, Symbol) with no printable equivalent: left out; add them back in words if needed", len(found)))
	}
}
