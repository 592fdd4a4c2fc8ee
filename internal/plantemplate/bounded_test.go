package plantemplate

import (
	"errors"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func TestSafePrintf(t *testing.T) {
	tests := []struct {
		format string
		args   []any
		want   string
		bad    bool
	}{
		{"%05d", []any{42}, "00042", false},
		{"%.2f%%", []any{12.345}, "12.35%", false},
		{"%s và %v", []any{"a", 3}, "a và 3", false},
		{"không có động từ", nil, "không có động từ", false},
		{"%-8s|", []any{"ab"}, "ab      |", false},
		{"%0999999d", []any{1}, "", true},
		{"%.999999f", []any{1.0}, "", true},
		{"%*d", []any{999999, 1}, "", true},
		{"%[2]d", []any{1, 2}, "", true},
		{"%d", nil, "", true},
		{"%d", []any{1, 2}, "", true},
		{"%", []any{1}, "", true},
		{"%!", []any{1}, "", true},
	}
	for _, tt := range tests {
		got, err := safePrintf(tt.format, tt.args...)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("safePrintf(%q, %v) = %q, %v; want %q, error %v", tt.format, tt.args, got, err, tt.want, tt.bad)
		}
	}
}

func TestSafePrint(t *testing.T) {
	if got, _ := safePrint("a", 1, 2, "b"); got != "a1 2b" {
		t.Errorf("safePrint = %q, want fmt.Sprint's %q", got, "a1 2b")
	}
	long := strings.Repeat("x", 400<<10)
	if _, err := safePrint(long, long, long); !errors.Is(err, errTooLong) {
		t.Errorf("1.2 MB of print: err = %v", err)
	}
}

// TestExecuteBounded: a template that asks for more text than a document
// may hold ends with a finding at the bound, never an unbounded string.
func TestExecuteBounded(t *testing.T) {
	row := Row{Line: 1, Source: "rows", Values: map[string]any{"X": strings.Repeat("x", 64<<10)}, Columns: []string{"X"}}
	tests := []struct {
		name, summary, code string
	}{
		{"printf width", `{{printf \"%0999999d\" 1}}`, CodeExec},
		{"many copies", strings.Repeat("{{.X}}", 200), CodeTooLarge},
		{"print many args", "{{print" + strings.Repeat(" .X", 40) + "}}", CodeTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm, err := Parse([]byte(`{"schema":"vanban/v1","type":"ke_hoach","summary":"` + tt.summary + `","body":[{"paragraph":"{{.X}}"}]}`))
			if err != nil {
				t.Fatal(err)
			}
			res := tm.Execute(row, document.Limits{MaxBytes: 1 << 20})
			if res.Doc != nil || res.JSON != nil {
				t.Fatal("a document was made")
			}
			found := false
			for _, f := range res.Findings {
				found = found || (f.Code == tt.code && f.Path == "/summary")
			}
			if !found {
				t.Errorf("findings = %v, want %s at /summary", res.Findings, tt.code)
			}
		})
	}
}
