//go:build integration

package whole

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/render/layout"
	"github.com/vanban/vanban/samples"
)

// TestHeaderOnceNote: a table header over a third of the page is printed
// once, and both writers say so with the same info note; a header under
// a third repeats and gets none. The biểu sample's three-level header is
// the short case; the same table with long leaf titles the tall one.
func TestHeaderOnceNote(t *testing.T) {
	data, err := fs.ReadFile(samples.FS, "mau-2026-bao-cao-bieu-phan-luong.json")
	if err != nil {
		t.Fatal(err)
	}
	tall := func(d map[string]any) {
		tb := d["appendices"].([]any)[0].(map[string]any)["blocks"].([]any)[0].(map[string]any)["table"].(map[string]any)
		var lengthen func(cs []any)
		lengthen = func(cs []any) {
			for _, c := range cs {
				c := c.(map[string]any)
				if ch, ok := c["children"].([]any); ok {
					lengthen(ch)
					continue
				}
				c["title"] = c["title"].(string) + strings.Repeat(" theo số liệu thống kê chính thức", 6)
			}
		}
		lengthen(tb["columns"].([]any))
	}
	for _, tc := range []struct {
		name  string
		edit  func(map[string]any)
		notes int
	}{
		{"under a third", func(map[string]any) {}, 0},
		{"over a third", tall, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d map[string]any
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatal(err)
			}
			tc.edit(d)
			b, _ := json.Marshal(d)
			e := newEngine(t)
			c, err := e.Check(b, true)
			if err != nil || !c.Valid() {
				t.Fatalf("invalid: %v %v", err, c.Findings.Errors())
			}
			cd, err := e.Compose(c)
			if err != nil {
				t.Fatal(err)
			}
			var res [2]*render.Result
			for i, f := range []engine.Format{engine.PDF, engine.DOCX} {
				var buf bytes.Buffer
				if res[i], err = e.Render(context.Background(), cd, f, &buf); err != nil {
					t.Fatal(err)
				}
			}
			if len(res[0].Notes) != tc.notes {
				t.Fatalf("PDF notes %v, want %d", res[0].Notes, tc.notes)
			}
			if !reflect.DeepEqual(res[0].Notes, res[1].Notes) {
				t.Errorf("the writers disagree: PDF %v, DOCX %v", res[0].Notes, res[1].Notes)
			}
			for _, n := range res[0].Notes {
				if n.Code != layout.HeaderOnceCode || n.Severity != document.Info || n.VI == "" || n.EN == "" {
					t.Errorf("note %+v", n)
				}
			}
		})
	}
}
