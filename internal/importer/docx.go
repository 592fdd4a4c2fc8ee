package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
	"github.com/vanban/vanban/internal/vntext"
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
	tables := 0
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
			if pair := docxSignaturePair(b.Table); !sawText || pair || layoutTable(b.Table) {
				tables++
				ls := flattenTable(b.Table)
				for i := range ls {
					ls[i].tbl = tables
					// Two signature blocks side by side (forms.go): the
					// closing starts here though no line says Nơi nhận.
					ls[i].sigPair = pair
				}
				out = append(out, ls...)
				continue
			}
			out = append(out, line{table: tableFromDOCX(b.Table)})
		}
	}
	closeSection(dx.LastLandscape)
	unprintableSymbols(out, rep)
	if n := numbered(dx.Blocks); n > 0 {
		rep.recognised("", fmt.Sprintf("Số thứ tự tự động của Word (numbering.xml) ở %d đoạn: đã chuyển thành nhãn như Word in.", n),
			fmt.Sprintf("Word automatic numbering (numbering.xml) on %d paragraph(s): turned into the labels Word prints", n))
	}
	return out
}

// numbered counts the paragraphs whose Word list label was resolved.
func numbered(bs []docxread.Block) int {
	n := 0
	for _, b := range bs {
		switch {
		case b.Para != nil:
			if b.Para.Label != "" {
				n++
			}
			n += numbered(b.Para.TextBoxes)
		case b.Table != nil:
			for _, r := range b.Table.Rows {
				for i := range r.Cells {
					n += numbered(r.Cells[i].Blocks)
				}
			}
		}
	}
	return n
}

func paraLines(p *docxread.Paragraph) []line {
	var out []line
	cur := line{style: p.Style, list: p.List, align: p.Align}
	if p.Label != "" {
		// Word's automatic number, as Word prints it before the text.
		cur.runs = append(cur.runs, document.Run{Text: p.Label + " "})
	}
	for _, r := range p.Runs {
		text := r.Text
		if strings.HasPrefix(p.Style, "Vb") {
			// A line break in a paragraph of vanban's own styles is one
			// layout chose for a title (layout.TitleBreaks): vanban writes
			// an author's breaks as paragraphs (VbTrichYeuDong), so this
			// one reads as the space it replaced.
			text = strings.ReplaceAll(text, "\n", " ")
		}
		parts := strings.Split(text, "\n")
		for i, part := range parts {
			if i > 0 {
				out = append(out, cur)
				cur = line{style: p.Style, list: p.List, align: p.Align}
			}
			// NFC at once: a decomposed "Nơi nhận" (Word keeps what the
			// keyboard typed) must match like a precomposed one.
			run := document.Run{Text: vntext.NFC(part), Bold: r.Bold, Italic: r.Italic}
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
	// Text boxes read as if they followed the paragraph that anchors them.
	for _, b := range p.TextBoxes {
		switch {
		case b.Para != nil:
			out = append(out, paraLines(b.Para)...)
		case b.Table != nil:
			out = append(out, flattenTable(b.Table)...)
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
			// "Kính gửi:" in the first cell and the addressees beside it is
			// how many offices lay out a long addressee list.
			if (i == 0 && strings.HasPrefix(txt, "Kính gửi")) || strings.HasPrefix(txt, "Nơi nhận") || strings.HasPrefix(up, "NƠI NHẬN") ||
				strings.Contains(up, "CỘNG HÒA XÃ HỘI") || strings.Contains(up, "CỘNG HOÀ XÃ HỘI") ||
				authorityRE.MatchString(txt) {
				return true
			}
		}
	}
	return false
}

// flattenTable reads a layout table as the printed columns it draws: a
// run of rows with text in several cells (a band) is read column by column,
// top to bottom, so a header laid out one line per row ("ỦY BAN NHÂN DÂN |
// | CỘNG HÒA ...", "TỈNH X | | Độc lập ...", "Số: | | X, ngày ...") reads
// like the two stacked blocks of a one-row header; a row with a single
// cell (a V/v or Kính gửi line spanning the table) is read where it
// stands. Spacer columns hold no text and vanish.
func flattenTable(t *docxread.Table) []line {
	var out []line
	cellLines := func(c *docxread.Cell) {
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
	// single: a row read where it stands: one cell, or no text at all (an
	// empty spacer row ends a band, so a "Kính gửi" row under the header
	// is not read into the header's columns).
	single := func(r docxread.Row) bool {
		n, text := 0, false
		for i := range r.Cells {
			if r.Cells[i].Merge != docxread.MergeContinue {
				n++
				text = text || strings.TrimSpace(r.Cells[i].Text()) != ""
			}
		}
		return n <= 1 || !text
	}
	rows := t.Rows
	for i := 0; i < len(rows); {
		if single(rows[i]) {
			for k := range rows[i].Cells {
				if c := &rows[i].Cells[k]; c.Merge != docxread.MergeContinue {
					cellLines(c)
				}
			}
			i++
			continue
		}
		j := i
		for j < len(rows) && !single(rows[j]) {
			j++
		}
		// Grid column where each cell of the band starts.
		type at struct{ lo, row, k int }
		var cells []at
		for ri := i; ri < j; ri++ {
			lo := 0
			for k := range rows[ri].Cells {
				c := &rows[ri].Cells[k]
				cells = append(cells, at{lo, ri, k})
				lo += max(c.Span, 1)
			}
		}
		sort.SliceStable(cells, func(a, b int) bool { return cells[a].lo < cells[b].lo })
		for _, a := range cells {
			if c := &rows[a.row].Cells[a.k]; c.Merge != docxread.MergeContinue {
				cellLines(c)
			}
		}
		i = j
	}
	return out
}
