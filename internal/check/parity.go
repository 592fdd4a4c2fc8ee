package check

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ParityReport compares a DOCX laid out by LibreOffice with a PDF.
type ParityReport struct {
	DOCX, PDF           string
	PagesDOCX, PagesPDF int
	// Diffs are the first differences, in page order (at most MaxDiffs).
	Diffs []LineDiff `json:"diffs"`
	// Lines compared in all, and how many of them differ (Diffs shows
	// only the first).
	Lines  int `json:"lines"`
	Differ int `json:"differ"`
	// EdgesDiffer counts the page edges that differ: a page's first or
	// last line. Lines drifting inside a page move no page break; an edge
	// that differs is a page break in another place.
	EdgesDiffer int `json:"edges_differ"`
	// WordsDiffer counts the words one side has and the other has not, in
	// whatever line or order: 0 means the same text, however it is broken.
	WordsDiffer int `json:"words_differ"`
	// Fonts are the font families of LibreOffice's PDF; NoTimes is set
	// when none is Times New Roman or a metric clone: LibreOffice then laid
	// the DOCX out in another font and the comparison says nothing.
	Fonts   []string `json:"fonts_libreoffice"`
	NoTimes bool     `json:"no_times"`
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

// Same: same page count, every line equal, and LibreOffice had Times.
func (p *ParityReport) Same() bool { return p.PagesDOCX == p.PagesPDF && p.Differ == 0 && !p.NoTimes }

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
	r := compareLines(a, b)
	r.Fonts, r.NoTimes = docFonts(a)
	return r, nil
}

// docFonts lists the font families of d, and whether none is Times-like.
func docFonts(d *doc) ([]string, bool) {
	seen := map[string]bool{}
	var out []string
	times := false
	for _, p := range d.paras {
		for _, f := range p.Fonts {
			if f != "" && !seen[f] {
				seen[f] = true
				out = append(out, f)
				times = times || timesLike(f)
			}
		}
	}
	sort.Strings(out)
	return out, len(out) > 0 && !times
}

// pageLines: each page's lines, the page number left out (pdf.go), each
// visual row read as one line: the pieces pdfLines parts at a column gap
// (the header's two columns, a table row's cells) are joined again, left
// to right. Whether a gap parts columns depends on the size pdftohtml
// reads, which differs a little between LibreOffice's PDF and ours, and
// parity is about where words are, not how a reader groups them.
func pageLines(d *doc) [][]string {
	out := make([][]string, d.pages)
	prevPage, prevY := 0, 0.0
	for _, p := range d.paras {
		t := strings.Join(strings.Fields(p.Text), " ")
		if p.Page < 1 || p.Page > d.pages || t == "" {
			continue
		}
		lines := out[p.Page-1]
		if n := len(lines); n > 0 && p.Page == prevPage && math.Abs(p.Y0-prevY) <= rowTolerance {
			lines[n-1] += " " + t
		} else {
			out[p.Page-1] = append(lines, t)
			prevY = p.Y0
		}
		prevPage = p.Page
	}
	return out
}

// rowTolerance is how far apart, in points, the tops of two pieces of one
// visual row may be: less than any line pitch, more than the 0.1 pt grid
// LibreOffice places words on.
const rowTolerance = 2.0

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
			if s == t {
				continue
			}
			r.Differ++
			if len(r.Diffs) < MaxDiffs {
				r.Diffs = append(r.Diffs, LineDiff{Page: pg + 1, Line: i + 1, DOCX: s, PDF: t})
			}
		}
		if edge(x, 0) != edge(y, 0) {
			r.EdgesDiffer++
		}
		if len(x) > 1 || len(y) > 1 {
			if edge(x, len(x)-1) != edge(y, len(y)-1) {
				r.EdgesDiffer++
			}
		}
	}
	r.WordsDiffer = wordsDiffer(la, lb)
	return r
}

func edge(lines []string, i int) string {
	if i < 0 || i >= len(lines) {
		return ""
	}
	return lines[i]
}

// wordsDiffer counts the words in one side's text and not the other's,
// as multisets: line breaks and the reading order of two columns do not
// count, a word lost, added or changed does.
func wordsDiffer(a, b [][]string) int {
	count := map[string]int{}
	add := func(pages [][]string, d int) {
		for _, lines := range pages {
			for _, l := range lines {
				for _, w := range strings.Fields(l) {
					count[w] += d
				}
			}
		}
	}
	add(a, 1)
	add(b, -1)
	n := 0
	for _, c := range count {
		if c < 0 {
			c = -c
		}
		n += c
	}
	return n
}
