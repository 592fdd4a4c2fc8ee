package check

import (
	"context"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/internal/importer/pdfread"
)

// readPDF reads a PDF's positioned words (poppler, through pdfread) into
// lines: words on one baseline, split where a gap wider than one and a half
// line heights separates two columns (the header's and the signature's).
func readPDF(ctx context.Context, data []byte) (*doc, error) {
	pages, err := pdfread.Extract(ctx, data, pdfread.DefaultLimits)
	if err != nil {
		return nil, err
	}
	d := &doc{format: "pdf", pages: len(pages), fonts: pdfFonts(ctx, data)}
	for pi, pg := range pages {
		lines := pdfLines(pg.Words)
		s := Section{Width: pg.Width, Height: pg.Height}
		num, mid := 0, 0.0
		// The page number: a bare number alone at the top of the page.
		if len(lines) > 0 && bareNum.MatchString(lines[0].Text) && lines[0].Y0 < pg.Height*0.12 {
			num, _ = strconv.Atoi(strings.TrimSpace(lines[0].Text))
			mid = (lines[0].X0 + lines[0].X1) / 2
			lines = lines[1:]
		} else if n := len(lines); n > 0 && bareNum.MatchString(lines[n-1].Text) && lines[n-1].Y0 > pg.Height*0.88 {
			s.NumberInFooter = true
			lines = lines[:n-1]
		}
		for i := range lines {
			lines[i].Page = pi + 1
		}
		d.paras = append(d.paras, lines...)
		d.sections = append(d.sections, s)
		d.pageNums = append(d.pageNums, num)
		d.numMid = append(d.numMid, mid)
	}
	// Centred means on the middle of the text area, which one page's few
	// lines do not show: it is measured over every page of that width.
	for i, mid := range d.numMid {
		var same []Para
		for _, p := range d.paras {
			if d.sections[p.Page-1].Width == d.sections[i].Width {
				same = append(same, p)
			}
		}
		lo, hi := textExtent(same)
		d.numCentred = append(d.numCentred, math.Abs(mid-(lo+hi)/2) < 15 || math.Abs(mid-d.sections[i].Width/2) < 15)
	}
	return d, nil
}

var bareNum = regexp.MustCompile(`^\s*\d{1,4}\s*$`)

// pdfFont is one font of a PDF as pdffonts lists it.
type pdfFont struct {
	Name     string
	Embedded bool
}

// pdfFonts lists the PDF's fonts with poppler's pdffonts; nil when it is
// not installed or cannot read the file (the words were read already, so
// the font rule is then the one left out).
func pdfFonts(ctx context.Context, data []byte) []pdfFont {
	tool, err := exec.LookPath("pdffonts")
	if err != nil {
		return nil
	}
	dir, err := os.MkdirTemp("", "vanban-fonts-")
	if err != nil {
		return nil
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if os.WriteFile(in, data, 0o600) != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, in)
	out := &capped{n: 1 << 20}
	cmd.Stdout = out
	if cmd.Run() != nil || out.over {
		return nil
	}
	return parsePDFFonts(out.b.String())
}

// capped keeps the first n bytes written to it.
type capped struct {
	b    strings.Builder
	n    int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > c.n {
		c.over = true
		return 0, errors.New("output over its limit")
	}
	return c.b.Write(p)
}

// fontRow is a row of pdffonts' table; a name may hold spaces, so the row
// is read from its right end.
var fontRow = regexp.MustCompile(`^(.*?)\s+((?:CID )?(?:Type 1C|Type 1|Type 3|Type 0C|Type 0|TrueType)(?: \(OT\))?|unknown)\s+\S+\s+(yes|no)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$`)

func parsePDFFonts(out string) []pdfFont {
	fonts := []pdfFont{}
	for _, l := range strings.Split(out, "\n") {
		if m := fontRow.FindStringSubmatch(l); m != nil {
			fonts = append(fonts, pdfFont{Name: strings.TrimSpace(m[1]), Embedded: m[3] == "yes"})
		}
	}
	return fonts
}

func textExtent(ls []Para) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range ls {
		lo, hi = math.Min(lo, l.X0), math.Max(hi, l.X1)
	}
	return lo, hi
}

// subset strips a font subset tag ("ABCDEF+") and a style suffix.
func baseFont(f string) string {
	if i := strings.IndexByte(f, '+'); i == 6 {
		f = f[7:]
	}
	for _, sep := range []string{",", "-"} {
		if i := strings.Index(f, sep); i > 0 {
			f = f[:i]
		}
	}
	return f
}

func pdfLines(words []pdfread.Word) []Para {
	ws := append([]pdfread.Word(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool {
		ci, cj := (ws[i].Y0+ws[i].Y1)/2, (ws[j].Y0+ws[j].Y1)/2
		if math.Abs(ci-cj) > 2 {
			return ci < cj
		}
		return ws[i].X0 < ws[j].X0
	})
	var out []Para
	var cur []pdfread.Word
	flush := func() {
		if len(cur) == 0 {
			return
		}
		var b strings.Builder
		sizes := map[float64]int{}
		fonts := map[string]int{}
		bold, italic := true, true
		p := Para{X0: cur[0].X0, Y0: cur[0].Y0, X1: cur[len(cur)-1].X1}
		for i, w := range cur {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.Text)
			n := len([]rune(w.Text))
			if w.Size > 0 {
				sizes[math.Round(w.Size)] += n // pdftohtml measures to 2/3 pt: whole points are what it can tell
			}
			if w.Font != "" {
				fonts[baseFont(w.Font)] += n
			}
			bold = bold && w.Bold
			italic = italic && w.Italic
			p.Y0 = math.Min(p.Y0, w.Y0)
		}
		p.Text, p.Bold, p.Italic = b.String(), bold, italic
		p.Size, p.Font = most(sizes), mostS(fonts)
		for f := range fonts {
			p.Fonts = append(p.Fonts, f)
		}
		sort.Strings(p.Fonts)
		out = append(out, p)
		cur = nil
	}
	for _, w := range ws {
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			h := math.Max(last.Y1-last.Y0, 4)
			sameLine := math.Abs((w.Y0+w.Y1)/2-(last.Y0+last.Y1)/2) <= h*0.4
			// Columns part at a gap of 1.5 times the type size: the font's
			// size, not its box, which differs between producers (a PDF
			// from LibreOffice and vanban's of the same layout), less
			// 0.1 pt: LibreOffice places words on a 0.1 pt grid, so a gap
			// of just 1.5 em reads 21.40 pt in vanban's PDF and 21.45 pt
			// in LibreOffice's (gia-lai's biểu); without the margin one
			// reading joins the two cells and the other parts them.
			em := h
			if last.Size > 0 {
				em = last.Size
			}
			if !sameLine || w.X0-last.X1 > 1.5*em-0.1 {
				flush()
			}
		}
		cur = append(cur, w)
	}
	flush()
	return out
}
