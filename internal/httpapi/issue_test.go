package httpapi

import (
	"encoding/json"
	"testing"
)

// TestIssueClearsDraftMark: issuing writes the number and date and removes
// the "DỰ THẢO" box a template or the clerk switched on, keeping the other
// options.
func TestIssueClearsDraftMark(t *testing.T) {
	cases := []struct {
		name, doc string
		wantOpts  string
	}{
		{"mark on", `{"options":{"draft_mark":true,"tone":"new"}}`, `{"tone":"new"}`},
		{"mark off", `{"options":{"tone":"old"}}`, `{"tone":"old"}`},
		{"no options", `{}`, ``},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, num, date, err := issue([]byte(tc.doc), "12/KH-UBND", "2026-12-05")
			if err != nil {
				t.Fatal(err)
			}
			if num != "12/KH-UBND" || date != "2026-12-05" {
				t.Fatalf("number %q date %q", num, date)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(out, &m); err != nil {
				t.Fatal(err)
			}
			if got := string(m["options"]); got != tc.wantOpts {
				t.Errorf("options = %s, want %s", got, tc.wantOpts)
			}
		})
	}
}
