//go:build integration

package importer_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/internal/testtools"
)

// TestImportLegacyDOC: a Word 97-2003 .doc (a sample's DOCX saved as .doc
// by LibreOffice) is converted back with LibreOffice and imported with its
// key fields.
func TestImportLegacyDOC(t *testing.T) {
	soffice := testtools.Soffice(t)
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

// TestLibreOfficeWrittenDOCX imports files written by LibreOffice itself:
// every sample's DOCX re-saved by soffice (which rewrites every part in its
// own way: its own styles, run splitting, table properties). The composed
// output must be the same document.
func TestLibreOfficeWrittenDOCX(t *testing.T) {
	soffice := testtools.Soffice(t)
	dir := t.TempDir()
	docs := sampleDocs(t)
	var names []string
	for name, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, name+".docx"), renderDOCX(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Join(dir, name+".docx"))
	}
	out := filepath.Join(dir, "lo")
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", out}, names...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for name, want := range docs {
		t.Run(name, func(t *testing.T) {
			if why, ok := tableGaps[name]; ok {
				t.Skip(why)
			}
			if why, ok := formGaps[name]; ok {
				t.Skip(why)
			}
			data, err := os.ReadFile(filepath.Join(out, name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := importer.Import(bytes.NewReader(data), int64(len(data)), name+".docx", importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if g, w := composed(t, got), composed(t, want); g != w {
				t.Errorf("composed output differs:\n%s", firstDiff(g, w))
			}
		})
	}
}
