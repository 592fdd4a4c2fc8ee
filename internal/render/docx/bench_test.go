package docx

import (
	"context"
	"io"
	"testing"
)

// BenchmarkRenderDOCX renders the largest sample (by body size) to
// io.Discard: body generation, template substitution through the library,
// assembling the package and the final check, as one Render call.
//
//	go test ./internal/render/docx -run '^$' -bench RenderDOCX -benchmem
func BenchmarkRenderDOCX(b *testing.B) {
	w := testWriter(b)
	var largest sample
	size := 0
	for _, s := range loadSamples(b) {
		if n := len(renderDOCX(b, s.doc)); n > size {
			largest, size = s, n
		}
	}
	b.Logf("sample %s, %d bytes", largest.name, size)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := w.Render(ctx, io.Discard, largest.doc); err != nil {
			b.Fatal(err)
		}
	}
}
