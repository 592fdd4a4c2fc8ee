package importer_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/internal/importer"
)

// TestImportLegacyDOC: a Word 97-2003 .doc (a sample's DOCX saved as .doc
// by LibreOffice) is converted back with LibreOffice and imported with its
// key fields.
func TestImportLegacyDOC(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	want := sampleDocs(t)["thua-thien-hue-2020-cong-van"]
	if want == nil {
		t.Fatal("sample thua-thien-hue-2020-cong-van missing")
	}
	src := filepath.Join(dir, "cv.docx")
	if err := os.WriteFile(src, renderDOCX(t, want), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "doc:MS Word 97", "--outdir", dir, src).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	data, err := os.ReadFile(filepath.Join(dir, "cv.doc"))
	if err != nil {
		t.Fatal(err)
	}
	got, rep, err := importer.Import(bytes.NewReader(data), int64(len(data)), "cv.doc", importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != importer.FormatDOC {
		t.Errorf("format %q, want %q", rep.Format, importer.FormatDOC)
	}
	if got.Type != want.Type || got.Number != want.Number || got.Subject != want.Subject || got.Signature.Name != want.Signature.Name {
		t.Errorf("got %s %s %q %q, want %s %s %q %q", got.Type, got.Number, got.Subject, got.Signature.Name,
			want.Type, want.Number, want.Subject, want.Signature.Name)
	}
}
