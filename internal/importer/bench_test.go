package importer

import (
	"bytes"
	"os"
	"slices"
	"testing"
	"time"
)

// BenchmarkImportCorpus imports every .docx of the corpus per iteration
// and reports the time per document (the target is ≤ 100 ms) and the
// slowest one.
func BenchmarkImportCorpus(b *testing.B) {
	files := corpusFiles(b, ".docx")
	var docs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	b.ReportAllocs()
	b.ResetTimer()
	// best[i]: document i's fastest import over the iterations, so that a
	// pause of a shared machine does not count as the importer's time.
	best := make([]time.Duration, len(docs))
	for b.Loop() {
		for i, data := range docs {
			t := time.Now()
			if _, _, err := ImportDOCX(bytes.NewReader(data), int64(len(data)), Limits{}); err != nil {
				b.Fatal(err)
			}
			if d := time.Since(t); best[i] == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(docs)), "ms/doc")
	b.ReportMetric(float64(slices.Max(best).Microseconds())/1000, "ms-slowest-doc")
}
