package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// line is one unit of the source before recognition: a text line or a DOCX
// paragraph (or table). The recogniser reads the two alike; what only DOCX
// knows (style, list numbering) is empty for text, and what only text knows
// (blank lines, leading tabs, "|" cell breaks) is false for DOCX.
type line struct {
	runs  []document.Run
	style string // DOCX paragraph style ID
	list  bool   // DOCX paragraph numbered by Word
	// blank is an empty text line; it separates paragraphs.
	blank bool
	// tab: the text line started with a tab (a cell of a flattened grid).
	tab bool
	// cellEnd: a cell of a flattened layout table (or a "|" separator) ends
	// here.
	cellEnd bool
	// cells is a text line holding a whole table row: "a | b | c" or
	// "a<TAB>b<TAB>c".
	cells []string
	table *rawTable
	// landscape: the DOCX section holding the line is landscape.
	landscape bool
	// running: the source's layout shows running text (a PDF paragraph
	// set to the margins, not centred), so it is no trích yếu.
	running bool
	// tbl numbers the layout table the line was read from (1, 2 ...; 0
	// outside one): a DOCX layout table, or the header or closing columns
	// a PDF's layout found. The closing block and an attached document's
	// header are known to end where their table ends.
	tbl int
	// align is the DOCX paragraph's own alignment (w:jc), "" if inherited.
	align string
	// src is the line's index in the recogniser's input, for the report.
	src int
	// sigPair: the line is from a layout of two signature blocks side by
	// side (forms.go).
	sigPair bool
	// pageNo: a page number left in text copied from a PDF viewer.
	pageNo bool
}

func (l *line) text() string {
	var b strings.Builder
	for _, r := range l.runs {
		b.WriteString(r.Text)
	}
	return strings.TrimSpace(b.String())
}

func textLine(s string) line { return line{runs: []document.Run{{Text: s}}} }

// decodeText turns the bytes of a text file into NFC Unicode: a UTF-16 or
// UTF-8 BOM is honoured, bytes that are not UTF-8 are read as Windows-1252
// (the code page legacy Vietnamese fonts were typed in), and TCVN3 or VNI
// mojibake is converted.
func decodeText(data []byte, rep *Report) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s, rep.Encoding = string(data[3:]), "utf-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, rep.Encoding = decodeUTF16(data), "utf-16"
	case utf8.Valid(data):
		s, rep.Encoding = string(data), "utf-8"
	default:
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("text: decode: %w: %v", ErrMalformed, err)
		}
		s, rep.Encoding = string(out), "windows-1252"
		rep.guessed("", "Tệp không phải UTF-8: đọc theo bảng mã Windows-1252.", "the file is not UTF-8: read as Windows-1252")
	}
	if strings.ContainsRune(s, 0) {
		return "", fmt.Errorf("text: binary data (NUL bytes), not a text file: %w", ErrMalformed)
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if enc, n := vntext.DetectLegacy(s); enc != vntext.EncUnicode && n >= 2 {
		s = vntext.ConvertLegacy(s, enc)
		rep.Encoding += "+" + enc.String()
		rep.recognised("", fmt.Sprintf("Văn bản gõ bằng bảng mã %s (%d từ): đã chuyển sang Unicode.", strings.ToUpper(enc.String()), n),
			fmt.Sprintf("text typed in the legacy %s encoding (%d words): converted to Unicode", strings.ToUpper(enc.String()), n))
	}
	if strings.ContainsAny(s, "ƣƢ") {
		// PDF text layers of Word files set in some Vietnamese fonts give
		// "ƣ" (U+01A3, oi) for "ư": no Vietnamese word has "ƣ".
		s = strings.NewReplacer("ƣ", "ư", "Ƣ", "Ư").Replace(s)
		rep.guessed("", "Chữ \"ƣ\" (lỗi phông của văn bản trích từ PDF) đã sửa thành \"ư\".", "\"ƣ\" (a font quirk of text copied from a PDF) was corrected to \"ư\"")
	}
	return vntext.NFC(s), nil
}

func decodeUTF16(data []byte) string {
	big := data[0] == 0xFE
	data = data[2:]
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if big {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return string(utf16.Decode(u))
}

// textLines splits text into lines. A line that is only "|" closes the cell
// of a flattened grid (the seeds' extraction writes one per cell); a line
// with inner "|" or tabs is a table row; Markdown bold markers ("**") that
// some extractions leave are removed.
func textLines(s string, rep *Report) []line {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
		rep.guessed("", "Đã bỏ dấu in đậm Markdown (**).", "removed Markdown bold markers (**)")
	}
	var out []line
	for _, raw := range strings.Split(s, "\n") {
		t := strings.TrimSpace(raw)
		switch {
		case t == "" && strings.HasPrefix(raw, "\t") && strings.ContainsRune(raw, '\u00a0'):
			// A tab-led non-breaking space: an empty cell of a grid.
			out = append(out, line{tab: true})
			continue
		case t == "":
			out = append(out, line{blank: true})
			continue
		case t == "|":
			if n := len(out); n > 0 && !out[n-1].blank && !out[n-1].cellEnd {
				out[n-1].cellEnd = true
			} else {
				// "|" right after a cell break: an empty cell.
				out = append(out, line{cellEnd: true})
			}
			continue
		}
		l := textLine(t)
		l.tab = strings.HasPrefix(raw, "\t")
		inner := strings.TrimFunc(raw, unicode.IsSpace)
		switch {
		case strings.Count(inner, "|") >= 2 || strings.Contains(inner, " | ") || (strings.HasPrefix(inner, "|") && strings.HasSuffix(inner, "|") && len(inner) > 1) ||
			strings.HasPrefix(inner, "| ") || strings.HasSuffix(inner, " |"):
			// A row with an empty first or last cell ("| Nguyễn Văn An",
			// "- Lưu: VT. |") is a row too.
			row := inner
			if strings.HasPrefix(row, "|") && strings.HasSuffix(row, "|") && len(row) > 1 {
				row = row[1 : len(row)-1]
			}
			l.cells = splitCells(row, "|")
		case strings.Count(inner, "\t") >= 2:
			l.cells = splitCells(inner, "\t")
		}
		out = append(out, l)
	}
	return textFootnotes(markPageNumbers(headerColumns(out)), rep)
}

// markPageNumbers finds the page numbers a PDF viewer leaves in copied
// text: lines holding only a number of one to three digits that count up
// by one (2, 3, 4 ...) with at least eight lines of text between each and
// the next. A table copied one cell per line numbers its rows too, but its
// numbers come every few lines, so they are left alone.
func markPageNumbers(ls []line) []line {
	var cand []int
	for i, l := range ls {
		if t := l.text(); !l.blank && l.cells == nil && len(t) <= 3 && strings.Trim(t, "0123456789") == "" {
			cand = append(cand, i)
		}
	}
	textBetween := func(a, b int) int {
		n := 0
		for k := a + 1; k < b; k++ {
			if !ls[k].blank {
				n++
			}
		}
		return n
	}
	num := func(i int) int {
		n := 0
		fmt.Sscanf(ls[i].text(), "%d", &n)
		return n
	}
	mark := map[int]bool{}
	for k := 1; k < len(cand); k++ {
		a, b := cand[k-1], cand[k]
		if num(b) == num(a)+1 && textBetween(a, b) >= 8 {
			mark[a], mark[b] = true, true
		}
	}
	if len(mark) < 2 {
		return ls
	}
	for i := range mark {
		ls[i].pageNo = true
	}
	return ls
}

// footRefRE: a footnote reference written as text, "[3]"; footTextRE its
// note at the end of the text, "[3] Nghị định số ...".
var (
	footRefRE  = regexp.MustCompile(`\[(\d{1,3})\]`)
	footTextRE = regexp.MustCompile(`^\[(\d{1,3})\]\s*(\S.*)$`)
)

// textFootnotes reads footnotes written as text (a copy of a Word file:
// the notes after a rule at the end, "[n] text", the references "[n]" in
// the lines): each note becomes the footnote of the text before its
// reference, and its line leaves the stream. A reference without a note,
// or a note without a reference, stays text as written.
func textFootnotes(ls []line, rep *Report) []line {
	rule := -1
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i].blank || ls[i].cells != nil {
			continue
		}
		t := ls[i].text()
		if footTextRE.MatchString(t) {
			continue
		}
		if strings.Trim(t, "_") == "" && len(t) >= 3 {
			rule = i
		}
		break
	}
	if rule < 0 {
		return ls
	}
	notes := map[string]string{}
	for _, l := range ls[rule+1:] {
		if m := footTextRE.FindStringSubmatch(l.text()); m != nil {
			notes[m[1]] = m[2]
		}
	}
	used := map[string]bool{}
	out := make([]line, 0, rule)
	for _, l := range ls[:rule] {
		if l.cells == nil && len(l.runs) == 1 && footRefRE.MatchString(l.runs[0].Text) {
			var runs []document.Run
			t := l.runs[0].Text
			for {
				m := footRefRE.FindStringSubmatchIndex(t)
				if m == nil {
					break
				}
				n := t[m[2]:m[3]]
				note, ok := notes[n]
				if !ok {
					runs = append(runs, document.Run{Text: t[:m[1]]})
				} else {
					runs = append(runs, document.Run{Text: t[:m[0]], Footnote: note})
					used[n] = true
				}
				t = t[m[1]:]
			}
			if t != "" {
				runs = append(runs, document.Run{Text: t})
			}
			l.runs = runs
		}
		out = append(out, l)
	}
	if len(used) != len(notes) {
		// Some note has no reference: keep the notes as text.
		return ls
	}
	rep.recognised("", fmt.Sprintf("Chú thích viết dạng chữ ([n] ở cuối văn bản): %d chú thích gắn vào chỗ tham chiếu.", len(notes)),
		fmt.Sprintf("footnotes written as text ([n] at the end): %d attached to their references", len(notes)))
	return out
}

func splitCells(s, sep string) []string {
	parts := strings.Split(s, sep)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// headerColumns reads a header pasted as text with its two columns side by
// side, cells separated by tabs (a copy from Word) or by " | " (a copy
// from a table viewer): "ỦY BAN NHÂN DÂN<TAB>CỘNG HÒA XÃ HỘI ...",
// "TỈNH X<TAB>Độc lập - ...", "Số: 12/KH-UBND<TAB>X, ngày ...". The
// leading run of such rows becomes the left column's lines followed by
// the right column's, as a one-row header table reads. It applies only
// when a cell of the run is the Quốc hiệu or the Tiêu ngữ, so a data
// table at the top of a text is left alone. Empty cells (spacer columns)
// vanish; a row with one cell keeps it in the column it stands in.
func headerColumns(ls []line) []line {
	start := 0
	for start < len(ls) && ls[start].blank {
		start++
	}
	var left, right []string
	nation := false
	end := start
	for end < len(ls) {
		l := ls[end]
		if l.blank {
			end++
			continue
		}
		cells := l.cells
		if cells == nil {
			if len(l.runs) == 0 {
				break
			}
			raw := l.runs[0].Text
			if !strings.Contains(raw, "\t") {
				break
			}
			cells = strings.Split(raw, "\t")
		}
		var ne []int
		for k, c := range cells {
			cells[k] = strings.TrimSpace(c)
			if cells[k] != "" {
				ne = append(ne, k)
			}
		}
		if len(ne) == 0 || len(ne) > 2 {
			break
		}
		for _, k := range ne {
			c := cells[k]
			nation = nation || isNation(c) || isMotto(c)
			if k == 0 {
				left = append(left, c)
			} else {
				right = append(right, c)
			}
		}
		end++
	}
	if !nation || len(left) == 0 || len(right) == 0 {
		return ls
	}
	out := append([]line(nil), ls[:start]...)
	for _, t := range append(left, right...) {
		out = append(out, textLine(t))
	}
	return append(out, ls[end:]...)
}
