package importer

import (
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
)

// docxLines flattens a .docx into lines. Layout tables (the two-column
// header block and the Nơi nhận / signature block are tables without
// borders in every office's template) are read cell by cell, left to right
// and row by row, as if their cells were stacked; data tables stay tables.
// A paragraph with line breaks becomes one line per printed line, so that
// "ỦY BAN NHÂN DÂN<br/>TỈNH GIA LAI" reads like two paragraphs.
func docxLines(dx *docxread.Document, rep *Report) []line {
	var out []line
	sawText := false
	// Sections close at the paragraph holding their sectPr; the last one at
	// the body's sectPr. Lines are marked once their section is known.
	secStart := 0
	closeSection := func(land bool) {
		for i := secStart; i < len(out); i++ {
			out[i].landscape = land
		}
		secStart = len(out)
	}
	for _, b := range dx.Blocks {
		switch {
		case b.Para != nil:
			ls := paraLines(b.Para)
			for _, l := range ls {
				if l.text() != "" {
					sawText = true
				}
			}
			out = append(out, ls...)
			if b.Para.SectionBreak {
				closeSection(b.Para.Landscape)
			}
		case b.Table != nil:
			if !sawText || layoutTable(b.Table) {
				out = append(out, flattenTable(b.Table)...)
				continue
			}
			out = append(out, line{table: tableFromDOCX(b.Table)})
		}
	}
	closeSection(dx.LastLandscape)
	return out
}

func paraLines(p *docxread.Paragraph) []line {
	var out []line
	cur := line{style: p.Style, list: p.List}
	for _, r := range p.Runs {
		parts := strings.Split(r.Text, "\n")
		for i, part := range parts {
			if i > 0 {
				out = append(out, cur)
				cur = line{style: p.Style, list: p.List}
			}
			run := document.Run{Text: part, Bold: r.Bold, Italic: r.Italic}
			if i == len(parts)-1 {
				run.Footnote = r.Footnote
			}
			if run.Text != "" || run.Footnote != "" {
				cur.runs = append(cur.runs, run)
			}
		}
	}
	out = append(out, cur)
	for i := range out {
		if out[i].text() == "" && !hasFootnote(out[i].runs) {
			out[i].blank = true
		}
	}
	return out
}

func hasFootnote(rs []document.Run) bool {
	for _, r := range rs {
		if r.Footnote != "" {
			return true
		}
	}
	return false
}

// layoutTable: a table that holds the header block or the closing blocks
// rather than data.
func layoutTable(t *docxread.Table) bool {
	for _, r := range t.Rows {
		for i := range r.Cells {
			txt := strings.TrimSpace(r.Cells[i].Text())
			up := strings.ToUpper(txt)
			if strings.HasPrefix(txt, "Nơi nhận") || strings.HasPrefix(up, "NƠI NHẬN") ||
				strings.Contains(up, "CỘNG HÒA XÃ HỘI") || strings.Contains(up, "CỘNG HOÀ XÃ HỘI") ||
				authorityRE.MatchString(txt) {
				return true
			}
		}
	}
	return false
}

func flattenTable(t *docxread.Table) []line {
	var out []line
	for _, r := range t.Rows {
		for i := range r.Cells {
			c := &r.Cells[i]
			if c.Merge == docxread.MergeContinue {
				continue
			}
			start := len(out)
			for _, b := range c.Blocks {
				switch {
				case b.Para != nil:
					out = append(out, paraLines(b.Para)...)
				case b.Table != nil:
					out = append(out, flattenTable(b.Table)...)
				}
			}
			if len(out) > start {
				out[len(out)-1].cellEnd = true
			}
		}
	}
	return out
}
