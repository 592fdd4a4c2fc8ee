package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "usage: vanban"},
		{[]string{"help"}, 0, "commands:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"validate"}, 2, "usage: vanban validate"},
		{[]string{"render"}, 2, "usage: vanban render"},
		{[]string{"render", "--format", "odt", "x.json"}, 2, "unknown format"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("vanban %v: code %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

func TestValidateExitCodes(t *testing.T) {
	samples, _ := filepath.Glob("../../samples/*.json")
	if len(samples) < 5 {
		t.Fatalf("want at least the five v1 samples, found %d", len(samples))
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"schema":"vanban/v1","type":"ke_hoach"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"samples are valid", append([]string{"validate"}, samples...), 0},
		{"an invalid file", []string{"validate", bad}, 1},
		{"valid and invalid", []string{"validate", samples[0], bad}, 1},
		{"unreadable file", []string{"validate", filepath.Join(dir, "missing.json")}, 2},
		{"syntax error", []string{"validate", "../../samples/invalid/syntax-error.json"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, out, errs := runCLI(t, "", tt.args...); code != tt.code {
				t.Errorf("code %d, want %d\n%s%s", code, tt.code, out, errs)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", "validate", "--json", "../../samples/ha-nam-2014-ke-hoach.json")
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	var reps []fileReport
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || !reps[0].Valid {
		t.Fatalf("report %+v", reps)
	}
	var codes []string
	for _, f := range reps[0].Findings {
		codes = append(codes, f.Code)
	}
	if !strings.Contains(strings.Join(codes, " "), "nd30.recipients.archive_line") {
		t.Errorf("Hà Nam's Lưu line not reported: %v", codes)
	}
}

func TestRenderWritesFiles(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "out", "2020", "hue") // folders that do not exist yet
	code, _, stderr := runCLI(t, "", "render", "--format", "docx,pdf", "--out", base, "../../samples/thua-thien-hue-2020-cong-van.json")
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	for ext, magic := range map[string]string{".docx": "PK", ".pdf": "%PDF-"} {
		b, err := os.ReadFile(base + ext)
		if err != nil || !bytes.HasPrefix(b, []byte(magic)) {
			t.Errorf("%s: %v, starts %q", ext, err, b[:min(8, len(b))])
		}
	}
}

func TestRenderToStdout(t *testing.T) {
	data, err := os.ReadFile("../../samples/thua-thien-hue-2020-cong-van.json")
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, string(data), "render", "--format", "pdf", "--out", "-", "-")
	if code != 0 || !strings.HasPrefix(out, "%PDF-") {
		t.Fatalf("code %d, stdout %q..., stderr %s", code, out[:min(8, len(out))], stderr)
	}
}

// An invalid document leaves no file behind, not even a partial one.
func TestRenderInvalidLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	data, err := os.ReadFile("../../samples/thua-thien-hue-2020-cong-van.json")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`"name": "Phan Minh Nguyệt"`), []byte(`"name": ""`), 1)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pdf")
	code, _, stderr := runCLI(t, "", "render", "--out", out, in)
	if code != 1 || !strings.Contains(stderr, "nd30.signature") {
		t.Fatalf("code %d, stderr %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("files left behind: %v", entries)
	}
}
