//go:build integration

package check

import (
	"context"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/testtools"
)

// TestSamplesPassPDF is TestSamplesPass on the samples' PDFs, read with
// poppler.
func TestSamplesPassPDF(t *testing.T) {
	testtools.Poppler(t)
	samplesPass(t, engine.PDF)
}

// TestCorpusPDF is TestCorpus on the corpus's PDFs.
func TestCorpusPDF(t *testing.T) {
	testtools.Poppler(t)
	corpus(t, ".pdf")
}

// TestParity lays a sample's DOCX out with LibreOffice and compares it
// with vanban's PDF of the same sample, every line.
func TestParity(t *testing.T) {
	testtools.Soffice(t)
	testtools.Poppler(t)
	const name = "thua-thien-hue-2020-cong-van.json"
	r, err := Parity(context.Background(), rendered(t, name, engine.DOCX), rendered(t, name, engine.PDF), 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Same() || r.Lines < 50 {
		t.Errorf("parity: %+v", r)
	}
}
