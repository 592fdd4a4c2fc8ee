//go:build integration

package whole

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/testtools"
)

// TestFootnotedParagraphBreaksAsLibreOffice sweeps a paragraph with a
// footnote on its third line over the foot of page 1 (spec.notedAt) and
// checks that the PDF starts every page with the same words as
// LibreOffice's rendering of the DOCX. LibreOffice keeps room for the
// footnote separator under every line of such a paragraph, so with two
// lines of room it moves the paragraph whole where one without a
// footnote splits two and two. It needs soffice (an integration test).
func TestFootnotedParagraphBreaksAsLibreOffice(t *testing.T) {
	soffice := testtools.Soffice(t)
	dir := t.TempDir()
	ours := map[string][]string{}
	var files, names []string
	// 18-27 sweep the paragraph over the foot of page 1, 44-49 over the
	// foot of page 2 (LibreOffice keeps the separator's room on pages
	// before the footnote's too: a one-line paragraph moves to page 2).
	type sweep struct {
		spec spec
		seed uint64
		// unlikeLO, when set, says why the page starts are not
		// LibreOffice's; they are logged, not failed.
		unlikeLO string
	}
	const unlike = "on the footnote's own page LibreOffice's footnote area differs from the separator and the " +
		"note's lines by about a line of body text, either way (known, not explained by the separator rule)"
	var specs []sweep
	for n := 18; n <= 27; n++ {
		why := ""
		if n == 20 {
			// With single line spacing (16.1 pt) the footnoted paragraph
			// ends on the last line of page 1: every line before it is
			// LibreOffice's, and LibreOffice moves it to page 2.
			why = unlike
		}
		specs = append(specs, sweep{spec{notedAt: n}, uint64(n), why})
	}
	for n := 44; n <= 48; n++ {
		specs = append(specs, sweep{spec{notedAt: n}, uint64(n), ""})
	}
	specs = append(specs, sweep{spec{notedAt: 18}, 1, unlike}, sweep{spec{notedAt: 49}, 49, unlike},
		sweep{spec{notedAt: 1, paras: 30}, 1, unlike}, sweep{spec{notedAt: 2, paras: 30}, 2, unlike})
	unlikeLO := map[string]string{}
	for _, sw := range specs {
		sp := sw.spec
		name := fmt.Sprintf("noted-at-%d-paras-%d-seed-%d", sp.notedAt, sp.paras, sw.seed)
		unlikeLO[name] = sw.unlikeLO
		r, err := pipeline(t, build(sp, sw.seed))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(f, r.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		if *keep != "" {
			if err := os.WriteFile(filepath.Join(*keep, name+".vanban.pdf"), r.pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*keep, name+".docx"), r.docx, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files, names = append(files, f), append(names, name)
		ours[name] = pdfText(t, r.pdf)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "lo")
	if *keep != "" {
		out = *keep
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out}, files...)
	if b, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, b)
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(out, name+".pdf"))
		if err != nil {
			t.Errorf("%s: LibreOffice wrote no PDF: %v", name, err)
			continue
		}
		lo := pdfText(t, data)
		if why := unlikeLO[name]; why != "" {
			t.Logf("%s: %d pages, LibreOffice %d: %s", name, len(ours[name]), len(lo), why)
			continue
		}
		if len(lo) != len(ours[name]) {
			t.Errorf("%s: the PDF has %d pages, LibreOffice %d", name, len(ours[name]), len(lo))
			continue
		}
		for p := range lo {
			if a, b := pageStart(ours[name][p]), pageStart(lo[p]); a != b {
				t.Errorf("%s: page %d starts %q in the PDF, %q in LibreOffice's", name, p+1, a, b)
			}
		}
		t.Logf("%-12s %d pages, page starts as LibreOffice", name, len(lo))
	}
}

// pageStart is the first words of a page's text after its page number.
func pageStart(s string) string {
	f := strings.Fields(s)
	if len(f) > 0 && strings.Trim(f[0], "0123456789") == "" {
		f = f[1:]
	}
	return strings.Join(f[:min(4, len(f))], " ")
}
