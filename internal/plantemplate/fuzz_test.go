package plantemplate

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// FuzzTemplate: any templated summary filled with any value either gives
// a document within the size limit or findings; never a panic, and never
// more output than the limit, however the template asks for it.
func FuzzTemplate(f *testing.F) {
	sample, err := os.ReadFile("../../samples/templates/vinh-linh-xa-ke-hoach-binh-dang-gioi.json")
	if err != nil {
		f.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(sample, &doc); err != nil {
		f.Fatal(err)
	}
	for _, v := range doc {
		if s, ok := v.(string); ok && strings.Contains(s, "{{") {
			f.Add(s, "xã Vĩnh Tú")
		}
	}
	for _, s := range []string{`{{printf "%0999999d" 1}}`, `{{printf "%*d" 9999 .X}}`, `{{print .X .X .X .X}}`, `{{num .X}} {{words .X}}`,
		`{{if eq .X "a"}}{{upper .X}}{{else}}{{lower .X}}{{end}}`, `{{printf "%[1]s" .X}}`, `{{len .X}}{{index .X 0}}`, `{{add .X -1}}`} {
		f.Add(s, "370.000.000")
	}
	const limit = 64 << 10
	f.Fuzz(func(t *testing.T, summary, value string) {
		raw, err := json.Marshal(map[string]any{"schema": "vanban/v1", "type": "ke_hoach", "summary": summary, "body": []any{map[string]any{"paragraph": "{{.X}}"}}})
		if err != nil {
			return
		}
		tm, err := Parse(raw)
		if err != nil {
			return // refused at parse: fine
		}
		row := Row{Line: 1, Source: "fuzz", Values: map[string]any{"X": value}, Columns: []string{"X"}}
		res := tm.Execute(row, document.Limits{MaxBytes: limit})
		if res.JSON != nil && len(res.JSON) > limit+len(raw) {
			t.Fatalf("generated %d bytes, over the limit of %d", len(res.JSON), limit)
		}
		if res.Doc == nil && !res.Findings.HasErrors() {
			t.Fatalf("no document and no error: %v", res.Findings)
		}
	})
}
