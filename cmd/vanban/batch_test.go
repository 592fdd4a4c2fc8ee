package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/batch"
)

func TestRunBatch(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join("..", "..", "samples", "templates", "vinh-linh-xa-ke-hoach-binh-dang-gioi.json")
	data := filepath.Join("..", "..", "samples", "templates", "vinh-linh-xa-2025.csv")
	docs := filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile(filepath.Join("..", "..", "samples", "vinh-linh-2024-ke-hoach-du-thao.json"))
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	badData := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(badData, append(csv, "xã Lỗi,Lỗi,năm nay,Ai Đó,1,2\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	// A column the template never uses: a warning, still shown on stderr.
	lines := strings.SplitN(string(csv), "\n", 3)
	extraData := filepath.Join(dir, "extra.csv")
	if err := os.WriteFile(extraData, []byte(lines[0]+",GhiChu\n"+lines[1]+",x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{"a.json": sample, "b-broken.json": []byte(`{"schema":`), "notes.txt": []byte("x")} {
		if err := os.WriteFile(filepath.Join(docs, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		entries   int // files in the zip, manifest included; -1: no zip
		ok, bad   int
		stderrHas []string
	}{
		{"template", []string{"--template", tmpl, "--data", data, "--format", "docx,pdf", "--draft", "--workers", "2"}, 0, 21, 10, 0,
			[]string{"batch: 10/10 ok vinh-linh-xa-2025.csv line 11", "10 ok, 0 invalid"}},
		{"template with a bad row", []string{"--template", tmpl, "--data", badData, "--format", "pdf", "--draft", "--fail-on-error"}, 1, 11, 10, 1,
			[]string{"bad.csv line 12: INVALID", "template.not_a_number", "10 ok, 1 invalid"}},
		{"template with an unused column", []string{"--template", tmpl, "--data", extraData, "--format", "pdf", "--draft"}, 0, 2, 1, 0,
			[]string{"extra.csv line 2: OK", "template.unused_variable", "GhiChu"}},
		{"folder with a broken file", []string{"--format", "pdf", "--draft", docs}, 0, 2, 1, 1,
			[]string{"b-broken.json: INVALID", "decode.syntax"}},
		{"folder, fail on error", []string{"--format", "pdf", "--draft", "--fail-on-error", docs}, 1, 2, 1, 1, nil},
		{"no out", []string{docs}, 2, -1, 0, 0, []string{"usage"}},
		{"template without data", []string{"--template", tmpl}, 2, -1, 0, 0, []string{"usage"}},
		{"bad format", []string{"--format", "odt", docs}, 2, -1, 0, 0, nil},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out"+string(rune('a'+i))+".zip")
			args := tt.args
			if tt.code != 2 || tt.name == "bad format" {
				args = append([]string{"--out", out}, args...)
			}
			var stdout, stderr bytes.Buffer
			code := runBatch(args, nil, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			if tt.entries < 0 {
				return
			}
			zr, err := zip.OpenReader(out)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			if len(zr.File) != tt.entries {
				t.Errorf("zip has %d entries, want %d", len(zr.File), tt.entries)
			}
			var man batch.Manifest
			rc, err := zr.File[len(zr.File)-1].Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			if err := json.NewDecoder(rc).Decode(&man); err != nil {
				t.Fatal(err)
			}
			if man.OK != tt.ok || man.Invalid != tt.bad {
				t.Errorf("manifest ok %d invalid %d, want %d %d", man.OK, man.Invalid, tt.ok, tt.bad)
			}
		})
	}
}
