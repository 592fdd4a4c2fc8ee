package validate

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzValidate runs the pipeline on arbitrary bytes: decode, normalise,
// validate must never panic nor give a malformed finding for any
// input. Seeded with the public and the broken samples. The seeds are
// large documents, and the fuzzer spends minutes minimising each new
// interesting input unless told otherwise, so run it as
//
//	go test ./internal/validate -run '^$' -fuzz FuzzValidate -fuzztime 60s -fuzzminimizetime 2s
func FuzzValidate(f *testing.F) {
	for _, dir := range []string{samplesDir, invalidDir} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(`{"schema":"vanban/v1","type":"ke_hoach","body":[{"heading":{"title":"x","children":[{"table":{"columns":[{"title":"a","numeric":true,"sum":true}],"rows":[{"kind":"total","cells":[1e308]}]}}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := pipeline(data, Options{Draft: len(data)%2 == 0, HasGlyph: func(r rune) bool { return r < 0x3000 }})
		if err != nil {
			t.Fatalf("pipeline: %v", err)
		}
		for _, f := range fs {
			if f.Code == "" || (f.Severity != "error" && f.Severity != "warning") {
				t.Fatalf("malformed finding %+v", f)
			}
		}
	})
}
