package importer

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/vanban/vanban/internal/vntext"
)

// wordRE: a word as the corpus measure counts it (lower-cased NFC \w+).
var wordRE = regexp.MustCompile(`[\p{L}\p{N}\p{M}_]+`)

func words(s string) []string {
	return wordRE.FindAllString(vntext.NFC(vntext.Lower(s)), -1)
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
	data, err := json.Marshal(r.d)
	if err != nil {
		return
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			for _, w := range words(x) {
				have[w]++
			}
		case float64:
			b, _ := json.Marshal(x)
			for _, w := range words(string(b)) {
				have[w]++
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
	listed := map[int][]string{}
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
