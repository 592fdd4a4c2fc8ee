package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/rollover"
)

func TestRunRollover(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join("..", "..", "samples", "vinh-linh-2024-ke-hoach-du-thao.json")
	rename := filepath.Join(dir, "rename.csv")
	if err := os.WriteFile(rename, []byte("old,new\nhuyện Vĩnh Linh,huyện Vĩnh Linh mới\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, report := filepath.Join(dir, "plan-2026.json"), filepath.Join(dir, "report.json")

	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutJSON bool
		stderrHas  []string
	}{
		{"stdout", []string{"--to-year", "2025", in}, 0, true, []string{"rollover 2024 → 2025", "[plan_year]", "[deadline]"}},
		{"files and rename", []string{"--to-year", "2026", "--out", out, "--report", report, "--rename", rename, in}, 0, false,
			[]string{"rollover 2024 → 2026", "[rename]", "[period_ended]", "wrote " + out}},
		{"no year", []string{in}, 2, false, []string{"usage"}},
		{"missing file", []string{"--to-year", "2025", filepath.Join(dir, "none.json")}, 2, false, nil},
		{"invalid document", []string{"--to-year", "2025", "-"}, 1, false, []string{"decode.unknown_field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runRollover(tt.args, strings.NewReader(`{"schema":"vanban/v1","x":1}`), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if tt.stdoutJSON {
				if _, err := document.DecodeBytes(stdout.Bytes(), document.Limits{}); err != nil {
					t.Errorf("stdout is not a v1 document: %v", err)
				}
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
		})
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.DecodeBytes(data, document.Limits{})
	if err != nil {
		t.Fatalf("--out is not a v1 document: %v", err)
	}
	if d.Issuer.Name[1] != "HUYỆN VĨNH LINH MỚI" || d.Date.Year != 2026 {
		t.Errorf("issuer %v date %+v", d.Issuer.Name, d.Date)
	}
	var rep rollover.Report
	data, err = os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.FromYear != 2024 || rep.ToYear != 2026 || len(rep.Edits) == 0 || len(rep.ToReview) == 0 {
		t.Errorf("report: %+v", rep)
	}
}
