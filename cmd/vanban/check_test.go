package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommand: a rendered sample passes (exit 0); the same DOCX on
// Letter paper is sent back (exit 1); usage and unreadable files exit 2.
func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "hue")
	if code, _, stderr := runCLI(t, "", "render", "--format", "docx", "--out", base+".docx", "../../samples/thua-thien-hue-2020-cong-van.json"); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	letter := filepath.Join(dir, "letter.docx")
	writeEdited(t, base+".docx", letter, "word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="12240" w:h="15840"/>`)
	junk := filepath.Join(dir, "junk.docx")
	os.WriteFile(junk, []byte("not a document"), 0o600)
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"sample passes", []string{"check", base + ".docx"}, 0, "PASS"},
		{"json", []string{"check", "--json", base + ".docx"}, 0, `"format": "docx"`},
		{"letter paper", []string{"check", letter}, 1, "page.size"},
		{"unreadable", []string{"check", junk}, 2, ""},
		{"no file", []string{"check"}, 2, ""},
		{"parity needs two", []string{"check", "--parity", base + ".docx"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("code %d, want %d: %s%s", code, tt.code, out, stderr)
			}
			if !strings.Contains(out, tt.contains) {
				t.Errorf("output lacks %q: %s", tt.contains, out)
			}
			if strings.Contains(tt.contains, `"format"`) && !json.Valid([]byte(out)) {
				t.Errorf("not JSON: %s", out)
			}
		})
	}
}

func writeEdited(t *testing.T, from, to, part, old, new string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == part {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s lacks %q", part, old)
			}
			b = bytes.ReplaceAll(b, []byte(old), []byte(new))
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	if err := os.WriteFile(to, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}
