package check

import (
	"context"
	"testing"

	"github.com/vanban/vanban/internal/engine"
)

// FuzzDOCX: whatever the bytes, reading and reviewing a .docx ends with a
// report or an error, never a panic. Seeded with a rendered sample.
func FuzzDOCX(f *testing.F) {
	f.Add(rendered(f, "thua-thien-hue-2020-cong-van.json", engine.DOCX))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readDOCX(data)
		if err != nil {
			return
		}
		review(d)
		if _, err := File(context.Background(), "f.docx", data); err != nil && d != nil {
			// The importer may refuse what the layout reader took; File
			// reports that in Content, so an error here is the reader's.
			t.Fatalf("File: %v", err)
		}
	})
}
