package docx

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/samples"
	"github.com/vanban/vanban/templates"
)

var (
	writerOnce sync.Once
	writerVal  *Writer
	writerErr  error
)

// testWriter is one Writer over the embedded template and fonts, shared by
// the tests as the service would share it.
func testWriter(t testing.TB) *Writer {
	t.Helper()
	writerOnce.Do(func() { writerVal, writerErr = New(templates.FS, fonts.FS) })
	if writerErr != nil {
		t.Fatal(writerErr)
	}
	return writerVal
}

type sample struct {
	name string // file name without .json
	doc  *compose.Document
}

// loadSamples composes every public sample as a draft, the way the CLI's
// --draft does: decode, normalise, compose.
func loadSamples(t testing.TB) []sample {
	t.Helper()
	all, err := samples.Decoded()
	if err != nil {
		t.Fatal(err)
	}
	var out []sample
	for _, s := range all {
		document.Normalize(s.Doc, nil)
		c, err := compose.Compose(s.Doc, compose.Options{Draft: true})
		if err != nil {
			t.Fatalf("%s: compose: %v", s.Name, err)
		}
		out = append(out, sample{name: s.Name, doc: c})
	}
	if len(out) == 0 {
		t.Fatal("no samples")
	}
	return out
}

func renderDOCX(t testing.TB, d *compose.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := testWriter(t).Render(context.Background(), &buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
