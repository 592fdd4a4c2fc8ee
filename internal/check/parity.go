package check

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ParityReport compares a DOCX laid out by LibreOffice with a PDF.
type ParityReport struct {
	DOCX, PDF           string
	PagesDOCX, PagesPDF int
	// Diffs are the first differences, in page order (at most MaxDiffs).
	Diffs []LineDiff `json:"diffs"`
	// Lines compared in all.
	Lines int `json:"lines"`
}

// LineDiff is one line that differs.
type LineDiff struct {
	Page int    `json:"page"`
	Line int    `json:"line"` // 1-based on its page
	DOCX string `json:"docx"` // LibreOffice's line ("" past its end)
	PDF  string `json:"pdf"`
}

// MaxDiffs bounds the differences reported.
const MaxDiffs = 10

// Same: same page count and every line equal.
func (p *ParityReport) Same() bool { return p.PagesDOCX == p.PagesPDF && len(p.Diffs) == 0 }

// ErrNoSoffice: LibreOffice is not installed.
var ErrNoSoffice = errors.New("soffice (LibreOffice) is not installed")

// Parity converts docx with LibreOffice (a private temp dir and profile,
// killed at the deadline) and compares every line of every page with pdf.
func Parity(ctx context.Context, docx, pdf []byte, timeout time.Duration) (*ParityReport, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, ErrNoSoffice
	}
	dir, err := os.MkdirTemp("", "vanban-parity-")
	if err != nil {
		return nil, fmt.Errorf("parity: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, fmt.Errorf("parity: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil || ctx.Err() != nil {
		return nil, fmt.Errorf("parity: soffice: %v %s", err, strings.TrimSpace(string(out)))
	}
	conv, err := os.ReadFile(filepath.Join(dir, "in.pdf"))
	if err != nil {
		return nil, fmt.Errorf("parity: LibreOffice wrote no PDF: %w", err)
	}
	a, err := readPDF(ctx, conv)
	if err != nil {
		return nil, fmt.Errorf("parity: read LibreOffice's PDF: %w", err)
	}
	b, err := readPDF(ctx, pdf)
	if err != nil {
		return nil, fmt.Errorf("parity: read the PDF: %w", err)
	}
	return compareLines(a, b), nil
}

// pageLines: each page's lines, the page number left out (pdf.go), with
// the header's two columns read as one visual line.
func pageLines(d *doc) [][]string {
	out := make([][]string, d.pages)
	for _, p := range d.paras {
		t := strings.Join(strings.Fields(p.Text), " ")
		if p.Page >= 1 && p.Page <= d.pages && t != "" {
			out[p.Page-1] = append(out[p.Page-1], t)
		}
	}
	return out
}

func compareLines(a, b *doc) *ParityReport {
	r := &ParityReport{PagesDOCX: a.pages, PagesPDF: b.pages}
	la, lb := pageLines(a), pageLines(b)
	for pg := 0; pg < len(la) || pg < len(lb); pg++ {
		var x, y []string
		if pg < len(la) {
			x = la[pg]
		}
		if pg < len(lb) {
			y = lb[pg]
		}
		for i := 0; i < len(x) || i < len(y); i++ {
			r.Lines++
			var s, t string
			if i < len(x) {
				s = x[i]
			}
			if i < len(y) {
				t = y[i]
			}
			if s != t && len(r.Diffs) < MaxDiffs {
				r.Diffs = append(r.Diffs, LineDiff{Page: pg + 1, Line: i + 1, DOCX: s, PDF: t})
			}
		}
	}
	return r
}
