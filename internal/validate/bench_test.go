package validate

import (
	"path/filepath"
	"testing"
)

// BenchmarkValidate measures Validate on the largest public sample.
func BenchmarkValidate(b *testing.B) {
	f := filepath.Join(samplesDir, "gia-lai-2023-ke-hoach-du-an-8.json")
	d := loadSample(b, f)
	b.ReportAllocs()
	for b.Loop() {
		Validate(d, Options{})
	}
}
