package importer

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// words splits s as the corpus measure counts words: lower-cased NFC \w+
// (Python's Unicode \w: letters, numbers, underscore).
func words(s string) []string {
	return strings.FieldsFunc(vntext.NFC(vntext.Lower(s)), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// auditSkipKeys are the model's fields that hold codes, not printed text.
var auditSkipKeys = map[string]bool{"schema": true, "type": true, "kind": true, "orientation": true, "numbering": true, "tone": true}

// audit is the importer's guarantee that nothing is dropped silently: each
// source line's words must be found in the model (as a multiset, taken in
// reading order) or in what the report already lists as dropped for that
// line. A line with words found in neither is listed as dropped, whole,
// with its count of missing words. It is a safety net under the explicit
// reasons the zones give, so a recognition gap shows in the report instead
// of vanishing.
func (r *recogniser) audit() {
	have := map[string]int{}
	for _, w := range modelWords(r.d) {
		have[w]++
	}
	// What the system prints from the model (the derived "(Kèm theo Báo
	// cáo số …)" line, an appendix's "Phụ lục I", the ký hiệu, a table's
	// computed cells) accounts for a line as printed again, not lost.
	derived := map[string]int{}
	for _, w := range derivedWords(r.d) {
		derived[w]++
	}
	listed := map[int][]string{}
	r.auditLines(have, derived, listed)
}

// modelWords lists the words of the model's text fields (codes such as the
// type or a row kind left out), numbers as JSON writes them.
func modelWords(d any) []string {
	var out []string
	data, err := json.Marshal(d)
	if err != nil {
		return nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return nil
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out = append(out, words(x)...)
		case json.Number:
			// As printed, at the precision the model keeps ("99.00"
			// prints 99,00).
			f, err := x.Float64()
			if err != nil {
				break
			}
			prec := 0
			if k := strings.IndexByte(string(x), '.'); k >= 0 && !strings.ContainsAny(string(x), "eE") {
				prec = len(x) - k - 1
			}
			if prec == 0 {
				out = append(out, words(printedNumber(f))...)
			} else {
				out = append(out, words(vntext.FormatDecimal(f, prec))...)
			}
		case map[string]any:
			for k, y := range x {
				if !auditSkipKeys[k] {
					walk(y)
				}
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
	return out
}

func (r *recogniser) auditLines(have, derived map[string]int, listed map[int][]string) {
	for _, d := range r.rep.Dropped {
		listed[d.Line-1] = append(listed[d.Line-1], words(d.Text)...)
	}
	for i := range r.lines {
		l := &r.lines[i]
		var text string
		switch {
		case l.table != nil:
			text = l.table.text()
		case l.cells != nil:
			text = strings.Join(l.cells, " ")
		default:
			text = l.text()
			for _, run := range l.runs {
				text += " " + run.Footnote
			}
		}
		ws := words(text)
		if len(ws) == 0 {
			continue
		}
		own := map[string]int{}
		for _, w := range listed[i] {
			own[w]++
		}
		var lost []string
		for _, w := range ws {
			if own[w] > 0 {
				own[w]--
				continue
			}
			if have[w] > 0 {
				have[w]--
				continue
			}
			lost = append(lost, w)
		}
		missing := len(lost)
		which := lost[:min(missing, 12)]
		if missing > 0 && takeAll(derived, lost) {
			r.rep.drop(i, short80(text), true,
				"Hệ thống in lại từ dữ liệu đã nhập (dòng \"Kèm theo …\", nhãn phụ lục, ký hiệu, số tính ra).",
				"printed again by the system from the model (the \"Kèm theo …\" line, an appendix label, the symbol, a computed number)")
			continue
		}
		if missing > 0 {
			list := strings.Join(which, ", ")
			r.rep.drop(i, short80(text), false,
				"Không nhận ra được: "+itoa(missing)+" từ của đoạn này không có trong dữ liệu đã nhập ("+list+"); cần thêm lại bằng tay.",
				itoa(missing)+" word(s) of this paragraph were not recognised into the model ("+list+"); add them back by hand")
		}
	}
}

// derivedWords are the words the system prints from d beyond its own
// fields (compose.Derive), each as often as it prints: the ký hiệu, the
// Lưu line, the heading labels, each "Phụ lục …" line, the "(Kèm theo …)"
// line once per appendix or attached text that gives none, amounts in
// words, computed table cells. Derive's rule tables (money units,
// authority prefixes) are not printed text and are left out.
func derivedWords(d *document.Document) []string {
	der := compose.Derive(d)
	out := words(der.Symbol + " " + der.ArchiveLine)
	for _, h := range der.Headings {
		out = append(out, words(h.Label)...)
	}
	for _, l := range der.Appendices {
		out = append(out, words(l)...)
	}
	for _, a := range d.Appendices {
		if a.Ref == "" {
			out = append(out, words(der.AppendixRef)...)
		}
	}
	for _, a := range d.Attachments {
		if a.Ref == "" {
			out = append(out, words(der.AttachmentRef)...)
		}
	}
	for _, b := range der.Budgets {
		out = append(out, words(b.Words)...)
	}
	for _, t := range der.Tables {
		for _, row := range t.Cells {
			for _, c := range row {
				out = append(out, words(c)...)
			}
		}
	}
	return out
}

// takeAll takes the words from the multiset m when it holds all of them,
// and reports whether it did.
func takeAll(m map[string]int, ws []string) bool {
	need := map[string]int{}
	for _, w := range ws {
		need[w]++
	}
	for w, n := range need {
		if m[w] < n {
			return false
		}
	}
	for w, n := range need {
		m[w] -= n
	}
	return true
}

// printedNumber writes a model number as a document prints it ("1.311,4"),
// so that a table's numbers compare with the source's.
func printedNumber(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	prec := 0
	if k := strings.IndexByte(s, '.'); k >= 0 {
		prec = len(s) - k - 1
	}
	return vntext.FormatDecimal(f, prec)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// short80 keeps a dropped paragraph whole up to 2000 characters, enough to
// put it back, without letting one hostile line fill the report.
func short80(s string) string {
	if len(s) <= 2000 {
		return s
	}
	return strings.ToValidUTF8(s[:2000], "") + "…"
}
