package importer

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"

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
	listed := map[int][]string{}
	r.auditLines(have, listed)
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

func (r *recogniser) auditLines(have map[string]int, listed map[int][]string) {
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
		missing := 0
		var which []string
		for _, w := range ws {
			if own[w] > 0 {
				own[w]--
				continue
			}
			if have[w] > 0 {
				have[w]--
				continue
			}
			missing++
			if len(which) < 12 {
				which = append(which, w)
			}
		}
		if missing > 0 {
			list := strings.Join(which, ", ")
			r.rep.drop(i, short80(text), false,
				"Không nhận ra được: "+itoa(missing)+" từ của đoạn này không có trong dữ liệu đã nhập ("+list+"); cần thêm lại bằng tay.",
				itoa(missing)+" word(s) of this paragraph were not recognised into the model ("+list+"); add them back by hand")
		}
	}
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
