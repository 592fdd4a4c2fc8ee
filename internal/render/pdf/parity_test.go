package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/render/docx"
	"github.com/vanban/vanban/templates"
)

// TestParityWithDOCX checks, for every sample, that the PDF has as many
// pages as LibreOffice gives the DOCX of the same composed document, with
// the same first and last lines per page (ndcheck --parity). It needs
// LibreOffice and ndcheck; it is skipped without them.
func TestParityWithDOCX(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions are slow")
	}
	nd := findNDCheck(t)
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice not installed")
	}
	dw, err := docx.New(templates.FS, fonts.FS)
	if err != nil {
		t.Fatal(err)
	}
	w := newWriter(t)
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			var d bytes.Buffer
			if _, err := dw.Render(context.Background(), &d, s.doc); err != nil {
				t.Fatal(err)
			}
			docxPath := filepath.Join(dir, "out.docx")
			pdfPath := filepath.Join(dir, "out.pdf")
			if err := os.WriteFile(docxPath, d.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(pdfPath, renderBytes(t, w, s.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(nd, "--parity", docxPath, pdfPath).CombinedOutput()
			if err != nil {
				t.Errorf("ndcheck --parity: %v\n%s", err, out)
			} else if bytes.Contains(out, []byte("WARN")) {
				t.Logf("ndcheck --parity warns:\n%s", out)
			}
		})
	}
}
