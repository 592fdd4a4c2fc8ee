//go:build integration

package whole

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/testtools"
)

// TestLongCasesPageParity renders every long case and checks that the PDF
// has as many pages as LibreOffice's rendering of the DOCX: both split the
// long pieces alike (the rows that may split, the header rows that
// repeat, the lines kept together). One LibreOffice run converts them all.
// It needs soffice (an integration test).
func TestLongCasesPageParity(t *testing.T) {
	soffice := testtools.Soffice(t)
	dir := t.TempDir()
	pages := map[string]int{}
	var files []string
	for i, c := range cases {
		r, err := pipeline(t, build(c.spec, uint64(i+1)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		f := filepath.Join(dir, c.name+".docx")
		if err := os.WriteFile(f, r.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		pages[c.name] = r.pages
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "lo")
	// A profile of its own, so that it runs beside other LibreOffice users.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out}, files...)
	if b, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, b)
	}
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join(out, c.name+".pdf"))
		if err != nil {
			t.Errorf("%s: LibreOffice wrote no PDF: %v", c.name, err)
			continue
		}
		lo := len(pdfText(t, data))
		if c.unlikeLO != "" {
			t.Logf("%-32s %3d pages, LibreOffice %d: %s", c.name, pages[c.name], lo, c.unlikeLO)
			continue
		}
		if lo != pages[c.name] {
			t.Errorf("%s: the PDF has %d pages, LibreOffice's rendering of the DOCX %d", c.name, pages[c.name], lo)
		} else {
			t.Logf("%-32s %3d pages, as LibreOffice", c.name, lo)
		}
	}
}
