package compose

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Dump writes a readable text form of d, one line per paragraph (style,
// label, text, rule, keep-with-next) and one per table row (cells with
// their spans and alignment). The golden tests compare it, and a person
// reviewing a change reads it in the diff: it shows every word compose
// decided and nothing a writer decides.
//
// Runs print **bold**, _italic_ and [^n] for footnote marks. Table cells
// print as [text] with flags: cs/rs spans, L/C/R/J alignment, b bold; a
// covered cell prints as [~].
func (d *Document) Dump(w io.Writer) error {
	b := bufio.NewWriter(w)
	m := d.Meta
	fmt.Fprintf(b, "meta title=%q\n", m.Title)
	fmt.Fprintf(b, "meta author=%q subject=%q keywords=%q creator=%q date=%s\n",
		m.Author, m.Subject, m.Keywords, m.Creator, m.Date.UTC().Format("2006-01-02T15:04:05Z"))
	for i, s := range d.Sections {
		orient := "portrait"
		if s.Landscape {
			orient = "landscape"
		}
		fmt.Fprintf(b, "\nsection %d %s restart-numbering=%t number-first-page=%t\n", i, orient, s.RestartNumbering, s.NumberFirstPage)
		for _, bl := range s.Blocks {
			dumpBlock(b, bl)
		}
	}
	if len(d.Footnotes) > 0 {
		b.WriteString("\n")
	}
	for _, f := range d.Footnotes {
		fmt.Fprintf(b, "footnote %d: %s\n", f.ID, f.Text)
	}
	return b.Flush()
}

func dumpBlock(b *bufio.Writer, bl Block) {
	switch {
	case bl.Header != nil:
		h := bl.Header
		b.WriteString("header\n")
		for _, p := range h.Agency {
			dumpPara(b, "  agency ", p)
		}
		for _, p := range h.Nation {
			dumpPara(b, "  nation ", p)
		}
		dumpPara(b, "  number ", h.Number)
		dumpPara(b, "  place-date ", h.PlaceDate)
		for _, p := range h.Subject {
			dumpPara(b, "  subject ", p)
		}
	case bl.Para != nil:
		dumpPara(b, "", *bl.Para)
	case bl.Addressees != nil:
		fmt.Fprintf(b, "addressees %s\n", bl.Addressees.Lead)
		for _, l := range bl.Addressees.Lines {
			fmt.Fprintf(b, "  | %s\n", runsText(l))
		}
	case bl.Table != nil:
		dumpTable(b, bl.Table)
	case bl.Closing != nil:
		c := bl.Closing
		fmt.Fprintf(b, "closing sign-space=%g name-index=%d\n", c.SignSpace, c.NameIndex)
		for _, p := range c.Recipients {
			dumpPara(b, "  left ", p)
		}
		for _, p := range c.Signer {
			dumpPara(b, "  right ", p)
		}
	default:
		b.WriteString("empty block\n")
	}
}

func dumpPara(b *bufio.Writer, prefix string, p Para) {
	b.WriteString(prefix)
	b.WriteString(string(p.Style))
	if p.Label != "" {
		b.WriteString(" ")
		b.WriteString(p.Label)
	}
	b.WriteString(" | ")
	b.WriteString(runsText(p.Runs))
	switch p.Rule {
	case RuleShort:
		b.WriteString(" | rule=short")
	case RuleText:
		b.WriteString(" | rule=text")
	}
	if p.KeepNext {
		b.WriteString(" | keep-next")
	}
	b.WriteString("\n")
}

func runsText(rs []Run) string {
	var s strings.Builder
	for _, r := range rs {
		t := r.Text
		if r.Italic {
			t = "_" + t + "_"
		}
		if r.Bold {
			t = "**" + t + "**"
		}
		s.WriteString(t)
		if r.Footnote > 0 {
			s.WriteString("[^" + strconv.Itoa(r.Footnote) + "]")
		}
	}
	return s.String()
}

func dumpTable(b *bufio.Writer, t *Table) {
	ws := make([]string, len(t.Widths))
	for i, w := range t.Widths {
		ws[i] = strconv.FormatFloat(w, 'f', 3, 64)
	}
	fmt.Fprintf(b, "table font=%g widths=%s\n", t.FontSize, strings.Join(ws, " "))
	for i, r := range t.Header {
		fmt.Fprintf(b, "  head %d:", i+1)
		dumpCells(b, r)
	}
	for i, r := range t.Rows {
		fmt.Fprintf(b, "  row %d:", i+1)
		dumpCells(b, r)
	}
}

func dumpCells(b *bufio.Writer, cells []Cell) {
	for _, c := range cells {
		if c.Covered {
			b.WriteString(" [~]")
			continue
		}
		b.WriteString(" [")
		b.WriteString(runsText(c.Runs))
		var flags []string
		if c.ColSpan > 1 {
			flags = append(flags, "cs="+strconv.Itoa(c.ColSpan))
		}
		if c.RowSpan > 1 {
			flags = append(flags, "rs="+strconv.Itoa(c.RowSpan))
		}
		flags = append(flags, alignCode(c.Align))
		if c.Bold {
			flags = append(flags, "b")
		}
		b.WriteString(" ")
		b.WriteString(strings.Join(flags, " "))
		b.WriteString("]")
	}
	b.WriteString("\n")
}

func alignCode(a Align) string {
	switch a {
	case AlignLeft:
		return "L"
	case AlignCenter:
		return "C"
	case AlignRight:
		return "R"
	case AlignJustify:
		return "J"
	}
	return "align=" + strconv.Itoa(int(a))
}
