package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func runImportCLI(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := runImport(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join("..", "..", "internal", "importer", "testdata", "seeds", "004_76826afc34e00b0b.txt")
	legacy := filepath.Join(dir, "old.doc")
	if err := os.WriteFile(legacy, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.json")
	seedText, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		wantOut    bool
		wantStderr string
	}{
		{"text file", []string{seed}, "", 0, true, "recognised:"},
		{"stdin", []string{"-"}, string(seedText), 0, true, "guessed"},
		{"report as JSON", []string{"--report", report, seed}, "", 0, true, ""},
		{"legacy .doc refused", []string{legacy}, "", 1, false, "legacy Word .doc"},
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, "", 2, false, "no such file"},
		{"usage", nil, "", 2, false, "usage: vanban import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runImportCLI(tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.wantStderr) {
				t.Fatalf("code %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.wantStderr)
			}
			if !tt.wantOut {
				if out != "" {
					t.Errorf("a refused import printed %q", out)
				}
				return
			}
			d, err := document.DecodeBytes([]byte(out), document.Limits{})
			if err != nil {
				t.Fatalf("stdout is not a v1 document: %v", err)
			}
			if d.Type != "cong_van" || d.Signature.Name != "Phan Minh Nguyệt" {
				t.Errorf("type %q, signer %q", d.Type, d.Signature.Name)
			}
		})
	}
	var rep struct {
		Format     string            `json:"format"`
		Recognised []json.RawMessage `json:"recognised"`
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil || rep.Format != "text" || len(rep.Recognised) == 0 {
		t.Errorf("report = %s (%v)", data, err)
	}
}
