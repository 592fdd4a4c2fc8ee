package docx

import (
	"github.com/vanban/vanban/internal/ndcheck"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestNDCheck runs the team's NĐ30 checker on every sample's DOCX: no
// check may fail.
func TestNDCheck(t *testing.T) {
	if _, err := ndcheck.Path(); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			file := filepath.Join(dir, s.name+".docx")
			if err := os.WriteFile(file, renderDOCX(t, s.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			rs, err := ndcheck.Run(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				switch r.Status {
				case "FAIL":
					t.Errorf("FAIL %s: %s", r.ID, r.Detail)
				case "WARN":
					t.Logf("WARN %s: %s", r.ID, r.Detail)
				}
			}
		})
	}
}

// expectedPages is each sample's page count when LibreOffice prints its
// DOCX. A change means the layout moved: look at the PDF, then update.
var expectedPages = map[string]int{
	"gia-lai-2023-ke-hoach-du-an-8":    9,
	"ha-nam-2014-ke-hoach":             3,
	"lang-son-2018-2025-ke-hoach":      6,
	"thua-thien-hue-2020-cong-van":     3,
	"vinh-linh-2024-ke-hoach-du-thao":  5,
	"lao-cai-2025-quyet-dinh-uy-quyen": 2,
	"lam-dong-2026-quyet-dinh-dieu-le": 17,
	"lam-dong-2026-to-trinh-kinh-gui":  3,
	"lao-cai-2026-quyet-dinh-phu-luc":  4,
	"mau-2026-ke-hoach-du-toan":        2,
	"mau-2026-quyet-dinh-toa-do":       4,
	"mau-2026-bao-cao-bieu-phan-luong": 2,
	"lam-dong-2026-giay-moi-hop":       2,
	"mau-2026-giay-nghi-phep":          1,
	"mau-2026-bien-ban-hop":            2,
	"mau-2026-giay-gioi-thieu":         1,
	"mau-2026-ke-hoach-lien-tich":      2,
	"mau-2026-cong-dien-bao":           1,
}

// TestLibreOfficeConverts converts every sample's DOCX to PDF with
// LibreOffice, in a throw-away profile, and checks the page count.
func TestLibreOfficeConverts(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed")
	}
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
