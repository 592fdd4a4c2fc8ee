package compose

import (
	"strings"
	"time"
)

// Document is a composed document: metadata and sections. Section 0 is the
// main text; each appendix is a further section on new pages.
type Document struct {
	Meta Meta
	// Mark is printed boxed at the top right of every section's first
	// page, in the top margin ("DỰ THẢO"); empty for none. It takes no
	// room from the text, so it changes no page break.
	Mark      string
	Sections  []Section
	Footnotes []Footnote // referenced from runs by ID, numbered from 1
	// Geometry is the page and styles the document prints with: the house
	// style or its office's profile. A zero Geometry means House (Geo).
	Geometry Geometry
}

// Geo is d's geometry, the house style when none was set.
func (d *Document) Geo() Geometry {
	if d.Geometry.Styles == nil {
		return House()
	}
	return d.Geometry
}

// Meta is what a PDF's Info dictionary and a DOCX's core properties carry.
type Meta struct {
	Title    string    // trích yếu (or V/v subject)
	Author   string    // issuing body, one line
	Subject  string    // type name and number, e.g. "Kế hoạch số 1653/KH-UBND"
	Keywords string    // số/ký hiệu
	Creator  string    // "vanban"
	Date     time.Time // the document's date; a fixed epoch when blank, never the clock
}

// Section is a run of pages with one orientation and page numbering.
type Section struct {
	Landscape bool
	// RestartNumbering restarts page numbers at 1 (each appendix, per NĐ30).
	RestartNumbering bool
	// NumberFirstPage shows the number on the section's first page. NĐ30
	// hides it on page 1 of the document.
	NumberFirstPage bool
	Blocks          []Block
}

// Block is one element of a section's flow; exactly one field is set.
type Block struct {
	Header     *Header
	Para       *Para
	Addressees *Addressees
	Table      *Table
	Closing    *Closing
}

// Header is the two-column block at the top of page 1 (ô 1 to 4 and 5b).
// It is laid out as a borderless table with three rows: Agency | Nation,
// Number | PlaceDate, Subject | (empty).
type Header struct {
	Agency    []Para // parent agency lines, then issuing agency lines; the last carries RuleShort
	Nation    []Para // Quốc hiệu, then Tiêu ngữ with RuleText
	Number    Para   // "Số: 1653/KH-UBND"
	PlaceDate Para   // "Gia Lai, ngày 30 tháng 6 năm 2023"
	Subject   []Para // công văn only: "V/v ..." lines
}

// Rule is a solid line drawn under a paragraph.
type Rule int

const (
	RuleNone  Rule = iota
	RuleShort      // centred, one third of the text's width (NĐ30: 1/3 to 1/2)
	RuleText       // exactly the width of the text (Tiêu ngữ)
)

// Para is a paragraph: optional label, runs, semantic style.
type Para struct {
	Style Style
	// Label is printed before the runs, followed by one space: "I.", "1.",
	// "a)", "-", "+". It is literal text, never automatic numbering, so that
	// copy and paste and the PDF agree.
	Label string
	Runs  []Run
	Rule  Rule
	// KeepNext keeps the paragraph on the page of the next one (headings,
	// the last lines before the signature block).
	KeepNext bool
}

// Run is text with one emphasis. Bold and Italic add to the style's own.
type Run struct {
	Text     string
	Bold     bool
	Italic   bool
	Footnote int // when > 0, a footnote reference mark follows the text
}

// Footnote is the text of one footnote.
type Footnote struct {
	ID   int
	Text string
}

// Addressees is the "Kính gửi:" block of a công văn. With one addressee the
// writer prints Lead and Lines[0] on one centred line; with several, Lead on
// its own and the lines ("- A;", "- B.") aligned under the colon.
type Addressees struct {
	Lead string // "Kính gửi:"
	// Lines are the addressees' runs, already punctuated ("- ", ";" and
	// "." added); a run's footnote mark stays on its word and the
	// punctuation follows the mark.
	Lines [][]Run
}

// PlainLines are addressee lines of one plain run each.
func PlainLines(ss ...string) [][]Run {
	out := make([][]Run, len(ss))
	for i, s := range ss {
		out[i] = []Run{{Text: s}}
	}
	return out
}

// OneLine is the block of a single addressee as the runs of its one line:
// the lead, a space, the addressee.
func (a *Addressees) OneLine() []Run {
	out := []Run{{Text: a.Lead}}
	if len(a.Lines) == 0 {
		return out
	}
	first := a.Lines[0]
	if len(first) > 0 && !first[0].Bold && !first[0].Italic {
		// One run for the lead and a plain start, as the line was
		// written before addressees had runs.
		out[0].Text += " " + first[0].Text
		out[0].Footnote = first[0].Footnote
		return append(out, first[1:]...)
	}
	out[0].Text += " "
	return append(out, first...)
}

// LineText is line i of the block as plain text, without footnote marks.
func (a *Addressees) LineText(i int) string {
	var b strings.Builder
	for _, r := range a.Lines[i] {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Align is a horizontal alignment.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignJustify
)

// Table is a grid with header rows that repeat on every page. Every header
// and body row holds exactly one Cell per grid column (len(Widths) cells):
// the positions a ColSpan or RowSpan covers hold a Covered cell, so a
// writer can index cells by column.
type Table struct {
	// Widths are relative column widths summing to 1: compose's estimate
	// from character counts. Layout (Fonts.TableColumns) replaces the
	// estimate of the columns not in Fixed with widths from the cells'
	// content measured in the real font.
	Widths []float64
	// Fixed marks the columns whose width the document gives; their share
	// of Widths is kept as is.
	Fixed []bool
	// Header rows (including the "(1) (2) ..." index row when asked).
	Header [][]Cell
	// Rows of data, totals last (or first for a target row).
	Rows [][]Cell
	// FontSize in points for every cell, chosen by compose from the column
	// count so both writers wrap cells alike.
	FontSize float64
}

// Cell is one table cell. A cell covered by another's span has Covered set
// and no content; writers emit a continuation (vMerge) or skip it.
type Cell struct {
	Runs    []Run
	Align   Align
	Bold    bool
	ColSpan int // ≥ 1
	RowSpan int // ≥ 1
	Covered bool
}

// Closing is the Nơi nhận block (left) beside the signature block (right),
// laid out as a borderless two-column table and never split from the last
// lines of the body.
type Closing struct {
	Recipients []Para // "Nơi nhận:" then "- ...;" lines, the last "- Lưu: VT, ...."
	Signer     []Para // authority lines, signer title, then the name after SignSpace
	// SignSpace is the room for signature and seal, in points, between the
	// last title line and the name.
	SignSpace float64
	// NameIndex is the index in Signer of the name line (len(Signer) when
	// there is no name yet, in a draft).
	NameIndex int
	// LeftSignIndex, when > 0, makes the left column a second signature
	// block (the thư ký of a biên bản, the second body of a joint
	// document): SignSpace goes before Recipients[LeftSignIndex], its
	// name line. Nơi nhận then follows in a Closing of its own.
	LeftSignIndex int
}
