//go:build integration

package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/vanban/vanban/internal/testtools"
)

// Every sample's DOCX is reviewed by internal/check (TestSamplesPass there)
// and by `vanban check` in `make integration`; this file holds what only
// LibreOffice tells.

// expectedPages is each sample's page count when LibreOffice prints its
// DOCX. A change means the layout moved: look at the PDF, then update.
var expectedPages = map[string]int{
	"gia-lai-2023-ke-hoach-du-an-8":    9,
	"ha-nam-2014-ke-hoach":             4,
	"lang-son-2018-2025-ke-hoach":      6,
	"thua-thien-hue-2020-cong-van":     3,
	"vinh-linh-2024-ke-hoach-du-thao":  5,
	"lao-cai-2025-quyet-dinh-uy-quyen": 2,
	"lam-dong-2026-quyet-dinh-dieu-le": 18,
	"lam-dong-2026-to-trinh-kinh-gui":  3,
	"lao-cai-2026-quyet-dinh-phu-luc":  4,
	"mau-2026-ke-hoach-du-toan":        2,
	"mau-2026-quyet-dinh-toa-do":       4,
	"mau-2026-bao-cao-bieu-phan-luong": 2,
	"lam-dong-2026-giay-moi-hop":       2,
}

// TestLibreOfficeConverts converts every sample's DOCX to PDF with
// LibreOffice, in a throw-away profile, and checks the page count.
func TestLibreOfficeConverts(t *testing.T) {
	soffice := testtools.Soffice(t)
	pdfinfo := testtools.Tool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	ss := loadSamples(t)
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}
	for _, s := range ss {
		file := filepath.Join(dir, s.name+".docx")
		if err := os.WriteFile(file, renderDOCX(t, s.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pagesRE := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	for _, s := range ss {
		pdf := filepath.Join(dir, "pdf", s.name+".pdf")
		out, err := exec.Command(pdfinfo, pdf).Output()
		if err != nil {
			t.Errorf("%s: LibreOffice made no readable PDF: %v", s.name, err)
			continue
		}
		m := pagesRE.FindSubmatch(out)
		if m == nil {
			t.Errorf("%s: pdfinfo shows no page count", s.name)
			continue
		}
		got, _ := strconv.Atoi(string(m[1]))
		want, ok := expectedPages[s.name]
		if !ok {
			t.Errorf("%s: %d pages; add it to expectedPages", s.name, got)
		} else if got != want {
			t.Errorf("%s: %d pages, want %d", s.name, got, want)
		}
	}
}
