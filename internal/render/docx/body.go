package docx

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/render/layout"
)

// Geometry comes from package layout, shared with the PDF writer; this
// file only expresses it as WordprocessingML.

func twips(pt float64) int { return layout.Twips(pt) }

func ptOf(tw int) float64 { return layout.Pt(tw) }

var jcVal = map[compose.Align]string{
	compose.AlignLeft:    "left",
	compose.AlignCenter:  "center",
	compose.AlignRight:   "right",
	compose.AlignJustify: "both",
}

// gen builds word/document.xml's body for one document.
type gen struct {
	w        *Writer
	d        *compose.Document
	geo      compose.Geometry // d's page and styles (house or profile)
	x        xbuf
	textW    int         // text width of the current section, twips
	page     layout.Page // the current section's page, for the split decisions
	lastSect string      // w:sectPr of the last section, for the end of the body
	notes    []int       // footnote ids in order of first reference
	tables   int         // data tables written so far
	layout   document.Findings
}

// bodyBuffers recycles body buffers between renders: a ten-page plan's
// body is about 100 KB, and growing a fresh slice to that size each time
// would double the allocation of a render.
var bodyBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 128<<10); return &b }}

func newGen(w *Writer, d *compose.Document) *gen {
	g := &gen{w: w, d: d, geo: d.Geo()}
	g.x.b = (*bodyBuffers.Get().(*[]byte))[:0]
	return g
}

// release returns the body buffer; g must not be used afterwards.
func (g *gen) release() {
	if cap(g.x.b) <= 4<<20 { // do not keep a freak document's buffer
		b := g.x.b[:0]
		bodyBuffers.Put(&b)
	}
	g.x.b = nil
}

// popts are a paragraph's direct formatting on top of its style. Zero
// values mean "as the style says", except where noted.
type popts struct {
	jc            string
	ind           bool // write left, right, hanging
	left, right   int
	hanging       int
	before, after int // used when setBefore/setAfter
	setBefore     bool
	setAfter      bool
	keepNext      bool
	sectPr        string  // section properties carried by the (last) paragraph
	size          float64 // run size in pt (table cells); 0 = style
	line          int     // exact line height in twips; 0 = style
	bold          bool    // every run bold (table totals)
	container     int     // width the paragraph lives in, twips (for rules)
	ruleRef       float64 // width in pt the rule is measured against; 0 = this paragraph's text
}

// document writes every section. In OOXML a section's properties sit in the
// last paragraph of that section, except the last section's, which close
// the body.
func (g *gen) document() error {
	if len(g.d.Sections) == 0 {
		return fmt.Errorf("docx: body: the document has no sections")
	}
	for i := range g.d.Sections {
		sec := &g.d.Sections[i]
		g.page = layout.PageOf(g.geo.Page, sec.Landscape)
		g.textW = g.page.TextWidth()
		sect := g.w.t.page.sectPr(sec, i, layout.PageOf(g.geo.Page, false))
		last := i == len(g.d.Sections)-1
		carry := sect
		if last {
			g.lastSect = sect
			carry = ""
		}
		if err := g.section(sec, carry, last); err != nil {
			return fmt.Errorf("docx: section %d: %w", i+1, err)
		}
	}
	return nil
}

func (g *gen) section(sec *compose.Section, carry string, last bool) error {
	closingAt := -1
	for i := range sec.Blocks {
		if sec.Blocks[i].Closing != nil {
			closingAt = i
		}
	}
	n := len(sec.Blocks)
	endsInPara := false
	for i := range sec.Blocks {
		b := &sec.Blocks[i]
		isLast := i == n-1
		switch {
		case b.Para != nil:
			o := popts{container: g.textW, keepNext: i == closingAt-1}
			if isLast {
				o.sectPr = carry
			}
			if err := g.para(b.Para, o); err != nil {
				return err
			}
			endsInPara = isLast
		case b.Header != nil:
			if err := g.header(b.Header); err != nil {
				return err
			}
		case b.Addressees != nil:
			o := ""
			if isLast {
				o = carry
			}
			if err := g.addressees(b.Addressees, o); err != nil {
				return err
			}
			endsInPara = isLast
		case b.Table != nil:
			if err := g.table(b.Table); err != nil {
				return err
			}
		case b.Closing != nil:
			if err := g.closing(b.Closing); err != nil {
				return err
			}
		default:
			return fmt.Errorf("block %d is empty", i+1)
		}
	}
	// A section (or the body) must end in a paragraph: after a table, or in
	// an empty section, add a 1 pt one to carry the section properties.
	if !endsInPara {
		g.x.s(`<w:p><w:pPr><w:pStyle w:val="VbDem"/>`)
		g.x.s(carry)
		g.x.s(`</w:pPr></w:p>`)
	}
	return nil
}

// sectPr writes the properties of section i: the template's page and
// headers, landscape when asked (margins unchanged, so the binding edge
// stays on the left), page numbers restarting for an appendix and hidden on
// a section's first page unless compose asks for them.
func (p pageSetup) sectPr(sec *compose.Section, i int, m layout.Page) string {
	var x xbuf
	x.s(`<w:sectPr><w:headerReference w:type="default" r:id="`)
	x.s(p.HeaderDefault)
	x.s(`"/><w:headerReference w:type="first" r:id="`)
	x.s(p.HeaderFirst)
	x.s(`"/>`)
	if i > 0 {
		x.s(`<w:type w:val="nextPage"/>`)
	}
	x.s(`<w:pgSz w:w="`)
	if sec.Landscape {
		x.int(p.H)
		x.s(`" w:h="`)
		x.int(p.W)
		x.s(`" w:orient="landscape"/>`)
	} else {
		x.int(p.W)
		x.s(`" w:h="`)
		x.int(p.H)
		x.s(`"/>`)
	}
	// The margins are the document's geometry (its office profile's, when
	// it has one); the template's page is the house one (checkPage).
	x.s(`<w:pgMar w:top="`)
	x.int(m.Top)
	x.s(`" w:right="`)
	x.int(m.Right)
	x.s(`" w:bottom="`)
	x.int(m.Bottom)
	x.s(`" w:left="`)
	x.int(m.Left - p.Gutter)
	x.s(`" w:header="`)
	x.int(p.Header)
	x.s(`" w:footer="`)
	x.int(p.Footer)
	x.s(`" w:gutter="`)
	x.int(p.Gutter)
	x.s(`"/>`)
	if sec.RestartNumbering {
		x.s(`<w:pgNumType w:start="1"/>`)
	}
	x.s(`<w:cols w:space="720"/>`)
	if !sec.NumberFirstPage {
		x.s(`<w:titlePg/>`)
	}
	x.s(`</w:sectPr>`)
	return string(x.b)
}

// para writes one paragraph and, when it carries a rule, the rule under it.
func (g *gen) para(p *compose.Para, o popts) error {
	spec, ok := g.geo.Styles[p.Style]
	if !ok {
		return fmt.Errorf("paragraph style %q is not in compose.Styles", p.Style)
	}
	hasRule := p.Rule != compose.RuleNone
	ruleAfter := 0
	if hasRule && !o.setAfter {
		// The rule sits close under the text; the rest of the style's space
		// after goes below the rule (layout.RuleSpacing).
		if text, rule := layout.RuleSpacing(spec.SpaceAfter); rule > 0 {
			ruleAfter = twips(rule)
			o.setAfter, o.after = true, twips(text)
		}
	}
	x := &g.x
	x.s(`<w:p><w:pPr>`)
	x.val("w:pStyle", string(p.Style))
	if o.keepNext || p.KeepNext || hasRule {
		x.s(`<w:keepNext/>`)
	}
	g.pprTail(o, "")
	if !hasRule {
		x.s(o.sectPr)
	}
	x.s(`</w:pPr>`)
	if p.Label != "" {
		g.runStart(false, false, o)
		x.s(`<w:t xml:space="preserve">`)
		x.text(p.Label)
		x.s(` </w:t></w:r>`)
	}
	gc := &glueCursor{at: layout.ParaGlue(p), brk: g.w.m.TitleBreaks(p, g.geo.Styles[p.Style], ptOf(o.container))}
	if p.Label != "" {
		gc.take(len(p.Label) + 1) // the label and its space
		if len(gc.brk) > 0 && gc.brk[0] == len(p.Label) {
			g.x.s(`<w:r><w:br/></w:r>`) // a title broken after its label
		}
		gc.takeBreaks(len(p.Label) + 1)
	}
	for i := range p.Runs {
		if err := g.run(&p.Runs[i], o, gc); err != nil {
			return err
		}
	}
	x.s(`</w:p>`)
	if hasRule {
		g.rule(p, spec, o, ruleAfter)
	}
	return nil
}

// pprTail writes the direct spacing, indents, alignment and paragraph-mark
// size of o, in the element order CT_PPr requires.
func (g *gen) pprTail(o popts, jc string) {
	x := &g.x
	if o.setBefore || o.setAfter || o.line > 0 {
		x.s(`<w:spacing`)
		if o.setBefore {
			x.s(` w:before="`)
			x.int(o.before)
			x.s(`"`)
		}
		if o.setAfter {
			x.s(` w:after="`)
			x.int(o.after)
			x.s(`"`)
		}
		if o.line > 0 {
			x.s(` w:line="`)
			x.int(o.line)
			x.s(`" w:lineRule="exact"`)
		}
		x.s(`/>`)
	}
	if o.ind {
		x.s(`<w:ind w:left="`)
		x.int(o.left)
		x.s(`" w:right="`)
		x.int(o.right)
		if o.hanging > 0 {
			x.s(`" w:hanging="`)
			x.int(o.hanging)
		} else {
			x.s(`" w:firstLine="0`)
		}
		x.s(`"/>`)
	}
	if jc == "" {
		jc = o.jc
	}
	if jc != "" {
		x.val("w:jc", jc)
	}
	// No paragraph-mark size: with exact line heights the mark cannot make
	// a line taller, and leaving it out keeps table-heavy bodies small.
}

func (g *gen) size(pt float64) {
	hp := int(math.Round(pt * 2))
	g.x.ival("w:sz", hp)
	g.x.ival("w:szCs", hp)
}

// runStart opens a run with its direct formatting.
func (g *gen) runStart(bold, italic bool, o popts) {
	x := &g.x
	bold = bold || o.bold
	if !bold && !italic && o.size == 0 {
		x.s(`<w:r>`)
		return
	}
	x.s(`<w:r><w:rPr>`)
	if bold {
		x.s(`<w:b/><w:bCs/>`)
	}
	if italic {
		x.s(`<w:i/><w:iCs/>`)
	}
	if o.size > 0 {
		g.size(o.size)
	}
	x.s(`</w:rPr>`)
}

// runText writes text inside an open run: tabs and line breaks become
// w:tab and w:br, everything else escaped character data.
func (g *gen) runText(s string) {
	x := &g.x
	for s != "" {
		i := strings.IndexAny(s, "\t\n\r")
		seg := s
		if i >= 0 {
			seg = s[:i]
		}
		if seg != "" {
			if needsPreserve(seg) {
				x.s(`<w:t xml:space="preserve">`)
			} else {
				x.s(`<w:t>`)
			}
			x.text(seg)
			x.s(`</w:t>`)
		}
		if i < 0 {
			return
		}
		switch s[i] {
		case '\t':
			x.s(`<w:tab/>`)
		case '\n':
			x.s(`<w:br/>`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			x.s(`<w:br/>`)
		}
		s = s[i+1:]
	}
}

// needsPreserve reports whether a text node needs xml:space="preserve":
// without it a word processor drops leading and trailing spaces.
func needsPreserve(s string) bool {
	return s[0] == ' ' || s[len(s)-1] == ' '
}

// glueCursor walks a paragraph's glue (layout.Glue: the spaces and
// hyphens a line must not break at) and a title's line breaks
// (layout.TitleBreaks) as its runs are written.
type glueCursor struct {
	at  []int // offsets in the paragraph's text, increasing
	brk []int // offsets of the spaces a title's lines break at, increasing
	off int   // offset of the next run's text
	// boff is the offset of the next run's text in brk's terms: take
	// moves off, takeBreaks boff.
	boff int
}

// takeBreaks returns the title breaks inside the next n bytes, relative
// to them.
func (gc *glueCursor) takeBreaks(n int) []int {
	var out []int
	for len(gc.brk) > 0 && gc.brk[0] < gc.boff+n {
		if gc.brk[0] >= gc.boff {
			out = append(out, gc.brk[0]-gc.boff)
		}
		gc.brk = gc.brk[1:]
	}
	gc.boff += n
	return out
}

// take returns the glue inside the next n bytes, relative to them.
func (gc *glueCursor) take(n int) []int {
	var out []int
	for len(gc.at) > 0 && gc.at[0] < gc.off+n {
		if gc.at[0] >= gc.off {
			out = append(out, gc.at[0]-gc.off)
		}
		gc.at = gc.at[1:]
	}
	gc.off += n
	return out
}

// gluedText writes s inside an open run with each glued space as a
// non-breaking space (U+00A0) and each glued hyphen as w:noBreakHyphen, so
// Word and LibreOffice break the line where the PDF writer does, and each
// space in brks (a title's chosen line breaks) as w:br, so they break a
// title's lines exactly where the PDF does.
func (g *gen) gluedText(s string, glue, brks []int) {
	var seg strings.Builder
	last := 0
	for len(glue) > 0 || len(brks) > 0 {
		at, br := 0, false
		if len(brks) > 0 && (len(glue) == 0 || brks[0] < glue[0]) {
			at, br, brks = brks[0], true, brks[1:]
		} else {
			at, glue = glue[0], glue[1:]
		}
		seg.WriteString(s[last:at])
		switch {
		case br:
			seg.WriteByte('\n') // runText writes it as w:br
		case s[at] == ' ':
			seg.WriteString("\u00a0")
		default:
			g.runText(seg.String())
			seg.Reset()
			g.x.s(`<w:noBreakHyphen/>`)
		}
		last = at + 1
	}
	seg.WriteString(s[last:])
	g.runText(seg.String())
}

func (g *gen) run(r *compose.Run, o popts, gc *glueCursor) error {
	if r.Text != "" {
		g.runStart(r.Bold, r.Italic, o)
		g.gluedText(r.Text, gc.take(len(r.Text)), gc.takeBreaks(len(r.Text)))
		g.x.s(`</w:r>`)
	}
	if r.Footnote > 0 {
		if !g.hasNote(r.Footnote) {
			return fmt.Errorf("footnote %d is referenced but not defined", r.Footnote)
		}
		g.x.s(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="`)
		g.x.int(r.Footnote)
		g.x.s(`"/></w:r>`)
		g.notes = append(g.notes, r.Footnote)
	}
	return nil
}

func (g *gen) hasNote(id int) bool {
	for _, n := range g.d.Footnotes {
		if n.ID == id {
			return true
		}
	}
	return false
}

// rule writes the line under p as the bottom border of an empty VbDuongKe
// paragraph, centred by equal left and right indents. RuleText is as wide
// as the measured text (the Tiêu ngữ); RuleShort a share of it.
func (g *gen) rule(p *compose.Para, spec compose.StyleSpec, o popts, after int) {
	container := o.container
	ref := o.ruleRef
	if ref == 0 {
		ref = g.w.m.WidestParaLine(p, spec, ptOf(container))
	}
	side, w := layout.RuleSpan(p.Rule, ref, container)
	x := &g.x
	x.s(`<w:p><w:pPr><w:pStyle w:val="VbDuongKe"/>`)
	if after > 0 {
		// The paragraph above already keeps ruleGap under its text.
		x.s(`<w:spacing w:before="0" w:after="`)
		x.int(after)
		x.s(`"/>`)
	}
	x.s(`<w:ind w:left="`)
	x.int(side)
	x.s(`" w:right="`)
	x.int(container - w - side)
	x.s(`"/>`)
	x.s(o.sectPr)
	x.s(`</w:pPr></w:p>`)
}

// tableStart opens a table with fixed column widths. Borderless tables
// (the header and closing blocks) have no cell padding, so their text lines
// up with the margins; data tables get thin black grid lines.
func (g *gen) tableStart(widths []int, grid bool, ind int) {
	x := &g.x
	total := 0
	for _, w := range widths {
		total += w
	}
	x.s(`<w:tbl><w:tblPr><w:tblW w:w="`)
	x.int(total)
	x.s(`" w:type="dxa"/>`)
	if ind != 0 {
		x.s(`<w:tblInd w:w="`)
		x.int(ind)
		x.s(`" w:type="dxa"/>`)
	} else {
		x.s(`<w:jc w:val="center"/>`)
	}
	if grid {
		x.s(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			x.s(`<w:`)
			x.s(side)
			x.s(` w:val="single" w:sz="`)
			x.int(layout.GridSize)
			x.s(`" w:space="0" w:color="000000"/>`)
		}
		x.s(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="`)
		x.int(layout.CellMargin)
		x.s(`" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="`)
		x.int(layout.CellMargin)
		x.s(`" w:type="dxa"/></w:tblCellMar>`)
	} else {
		x.s(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
		x.s(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	x.s(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		x.s(`<w:gridCol w:w="`)
		x.int(w)
		x.s(`"/>`)
	}
	x.s(`</w:tblGrid>`)
}

// cellStart opens a cell of width w twips.
func (g *gen) cellStart(w, span int, vmerge string, vcenter bool) {
	x := &g.x
	x.s(`<w:tc><w:tcPr><w:tcW w:w="`)
	x.int(w)
	x.s(`" w:type="dxa"/>`)
	if span > 1 {
		x.ival("w:gridSpan", span)
	}
	switch vmerge {
	case "restart":
		x.s(`<w:vMerge w:val="restart"/>`)
	case "continue":
		x.s(`<w:vMerge/>`)
	}
	if vcenter {
		x.s(`<w:vAlign w:val="center"/>`)
	}
	x.s(`</w:tcPr>`)
}

// header writes the two-column block at the top of page 1 as a borderless
// table: Agency | Nation, Number | PlaceDate, and Subject | (empty) for a
// công văn.
func (g *gen) header(h *compose.Header) error {
	geo := g.w.m.HeaderOf(g.geo.Styles, h, g.textW)
	left, right, ind, agencyW := geo.Left, geo.Right, geo.Indent, geo.AgencyRule

	g.tableStart([]int{left, right}, false, ind)
	cell := func(w int, paras []compose.Para, o popts) error {
		g.cellStart(w, 1, "", false)
		for i := range paras {
			if err := g.para(&paras[i], o); err != nil {
				return err
			}
		}
		if len(paras) == 0 {
			g.x.s(`<w:p/>`)
		}
		g.x.s(`</w:tc>`)
		return nil
	}
	rows := [][2][]compose.Para{
		{h.Agency, h.Nation},
		{{h.Number}, {h.PlaceDate}},
	}
	if len(h.Subject) > 0 {
		rows = append(rows, [2][]compose.Para{h.Subject, nil})
	}
	heights := g.w.m.HeaderRowHeights(g.geo.Styles, h, g.textW)
	for ri, r := range rows {
		g.rowStart(g.page.Holds(heights[ri]), false)
		if err := cell(left, r[0], popts{container: left, ruleRef: agencyW}); err != nil {
			return fmt.Errorf("header: %w", err)
		}
		if err := cell(right, r[1], popts{container: right}); err != nil {
			return fmt.Errorf("header: %w", err)
		}
		g.x.s(`</w:tr>`)
	}
	g.x.s(`</w:tbl>`)
	return nil
}

// addressees writes "Kính gửi:". One addressee shares the centred line;
// several go one per line under the lead, the dash of each under the colon
// and wrapped lines hanging behind the dash (NĐ30 §2, ô 9a).
func (g *gen) addressees(a *compose.Addressees, sectPr string) error {
	const style = compose.StyleAddressee
	spec := g.geo.Styles[style]
	x := &g.x
	if len(a.Lines) <= 1 {
		x.s(`<w:p><w:pPr>`)
		x.val("w:pStyle", string(style))
		x.s(sectPr)
		x.s(`</w:pPr>`)
		if err := g.glued(a.OneLine(), popts{}); err != nil {
			return fmt.Errorf("addressees: %w", err)
		}
		x.s(`</w:p>`)
		return nil
	}
	geo := g.w.m.AddresseesOf(g.geo.Styles, a, g.textW)
	left0, leadW, dashW := geo.Left, geo.Lead, geo.Dash
	o := popts{jc: "left", ind: true, left: left0, setBefore: true, before: twips(spec.SpaceBefore), setAfter: true}
	x.s(`<w:p><w:pPr>`)
	x.val("w:pStyle", string(style))
	x.s(`<w:keepNext/>`)
	g.pprTail(o, "")
	x.s(`</w:pPr><w:r>`)
	g.gluedText(a.Lead, layout.Glue(a.Lead), nil)
	x.s(`</w:r></w:p>`)
	whole := g.page.Holds(g.w.m.AddresseesHeight(g.geo.Styles, a, g.textW))
	for i, l := range a.Lines {
		last := i == len(a.Lines)-1
		o := popts{jc: "both", ind: true, left: left0 + leadW + dashW, hanging: dashW, setBefore: true, setAfter: true}
		if last {
			o.after = twips(spec.SpaceAfter)
		}
		x.s(`<w:p><w:pPr>`)
		x.val("w:pStyle", string(style))
		if !last && whole {
			x.s(`<w:keepNext/>`)
		}
		g.pprTail(o, "")
		if last {
			x.s(sectPr)
		}
		x.s(`</w:pPr>`)
		if err := g.glued(l, popts{}); err != nil {
			return fmt.Errorf("addressees: %w", err)
		}
		x.s(`</w:p>`)
	}
	return nil
}

// glued writes runs, with their footnote marks, as one paragraph's text:
// glued spaces and hyphens (layout.Glue) where the PDF writer keeps them.
func (g *gen) glued(runs []compose.Run, o popts) error {
	gc := &glueCursor{at: layout.ParaGlue(&compose.Para{Runs: runs})}
	for i := range runs {
		if err := g.run(&runs[i], o, gc); err != nil {
			return err
		}
	}
	return nil
}

// rowStart opens a table row: kept whole on one page when it fits one
// (layout.Page.Holds), a header row repeated when asked.
func (g *gen) rowStart(cantSplit, header bool) {
	if !cantSplit && !header {
		g.x.s(`<w:tr>`)
		return
	}
	g.x.s(`<w:tr><w:trPr>`)
	if cantSplit {
		g.x.s(`<w:cantSplit/>`)
	}
	if header {
		g.x.s(`<w:tblHeader/>`)
	}
	g.x.s(`</w:trPr>`)
}

// table writes a data table: fixed column widths over the section's text
// width, header rows repeated on every page while they take at most half of
// it (layout.Page.RepeatsHeader), a row split across pages only when it is
// taller than a page, merged cells as gridSpan and vMerge.
func (g *gen) table(t *compose.Table) error {
	n := len(t.Widths)
	widths, err := g.w.m.TableColumns(t, g.textW)
	if err != nil {
		return fmt.Errorf("table: %w", err)
	}
	size, line := layout.CellText(t)

	heights, headH := g.w.m.TableRowHeights(g.geo.Styles, t, g.textW)
	repeat := g.page.RepeatsHeader(headH)
	g.tables++
	if !repeat {
		g.layout = append(g.layout, layout.HeaderOnce(g.tables, headH/g.page.TextHeight()))
	}
	g.tableStart(widths, true, 0)
	// pending vertical merges: per grid column, rows still to cover and the
	// span of the merged cell.
	type vm struct{ rows, span int }
	pending := make([]vm, n)
	writeRows := func(rows [][]compose.Cell, header bool, first int) error {
		style := compose.StyleTableCell
		if header {
			style = compose.StyleTableHeader
		}
		for ri, row := range rows {
			g.rowStart(g.page.Holds(heights[first+ri]), header && repeat)
			col, ci := 0, 0
			for col < n {
				if pending[col].rows > 0 {
					span := pending[col].span
					pending[col].rows--
					g.cellStart(spanWidth(widths, col, span), span, "continue", header)
					g.x.s(`<w:p><w:pPr>`)
					g.x.val("w:pStyle", string(style))
					g.pprTail(popts{size: size, line: line}, "")
					g.x.s(`</w:pPr></w:p></w:tc>`)
					col += span
					// Skip the covered cell compose put in this position.
					for ci < len(row) && row[ci].Covered && ci < col {
						ci++
					}
					continue
				}
				if ci >= len(row) {
					return fmt.Errorf("table: row %d has cells for %d of %d columns", ri+1, col, n)
				}
				c := &row[ci]
				if c.Covered {
					// Covered by a span already written in this row.
					ci++
					continue
				}
				span := max(c.ColSpan, 1)
				if col+span > n {
					return fmt.Errorf("table: row %d: a cell spans past the last column", ri+1)
				}
				merge := ""
				if c.RowSpan > 1 {
					merge = "restart"
					pending[col] = vm{rows: c.RowSpan - 1, span: span}
				}
				g.cellStart(spanWidth(widths, col, span), span, merge, header || c.RowSpan > 1)
				o := popts{size: size, line: line, bold: c.Bold}
				if c.Align != g.geo.Styles[style].Align {
					o.jc = jcVal[c.Align]
				}
				g.x.s(`<w:p><w:pPr>`)
				g.x.val("w:pStyle", string(style))
				g.pprTail(o, "")
				g.x.s(`</w:pPr>`)
				gc := &glueCursor{at: layout.ParaGlue(&compose.Para{Runs: c.Runs})}
				for i := range c.Runs {
					if err := g.run(&c.Runs[i], o, gc); err != nil {
						return err
					}
				}
				g.x.s(`</w:p></w:tc>`)
				col += span
				ci++
			}
			g.x.s(`</w:tr>`)
		}
		return nil
	}
	if len(heights) != len(t.Header)+len(t.Rows) {
		return fmt.Errorf("table: the column widths do not lay out")
	}
	if err := writeRows(t.Header, true, 0); err != nil {
		return err
	}
	if err := writeRows(t.Rows, false, len(t.Header)); err != nil {
		return err
	}
	g.x.s(`</w:tbl>`)
	return nil
}

func spanWidth(widths []int, col, span int) int {
	w := 0
	for _, v := range widths[col : col+span] {
		w += v
	}
	return w
}

// closing writes Nơi nhận (left) beside the signature block (right) as a
// borderless table of one row that cannot split when it fits a page; the
// paragraph before it is kept with it (keepNext), so the signature never
// stands alone on a page. A block taller than a page (hundreds of
// recipients, a very long signer title) splits where it starts, so the
// signer's first lines stay with the end of the body and the rest continue
// on the next pages.
func (g *gen) closing(c *compose.Closing) error {
	left, right := layout.ClosingColumns(g.textW)
	g.tableStart([]int{left, right}, false, 0)
	g.rowStart(g.page.Holds(g.w.m.ClosingHeight(g.geo.Styles, c, g.textW)), false)
	g.cellStart(left, 1, "", false)
	closingGap := twips(layout.ClosingGap)
	for i := range c.Recipients {
		o := popts{container: left}
		if i == 0 {
			o.setBefore, o.before = true, closingGap
		}
		if c.LeftSignIndex > 0 && i == c.LeftSignIndex {
			o.setBefore, o.before = true, twips(c.SignSpace)
		}
		if err := g.para(&c.Recipients[i], o); err != nil {
			return fmt.Errorf("closing: %w", err)
		}
	}
	if len(c.Recipients) == 0 {
		g.x.s(`<w:p/>`)
	}
	g.x.s(`</w:tc>`)
	g.cellStart(right, 1, "", false)
	space := twips(c.SignSpace)
	for i := range c.Signer {
		o := popts{container: right}
		if i == 0 {
			o.setBefore, o.before = true, closingGap
		}
		if i == c.NameIndex {
			o.setBefore, o.before = true, space
		}
		if err := g.para(&c.Signer[i], o); err != nil {
			return fmt.Errorf("closing: %w", err)
		}
	}
	if len(c.Signer) == 0 {
		g.x.s(`<w:p/>`)
	} else if c.NameIndex >= len(c.Signer) {
		// No name yet (a draft): keep the room for signature and seal.
		g.x.s(`<w:p><w:pPr>`)
		g.x.val("w:pStyle", string(compose.StyleSignerName))
		g.pprTail(popts{setBefore: true, before: space}, "")
		g.x.s(`</w:pPr></w:p>`)
	}
	g.x.s(`</w:tc></w:tr></w:tbl>`)
	return nil
}

// footnotes returns word/footnotes.xml with the notes referenced in the
// text, each once, in order of reference.
func (g *gen) footnotes() (string, error) {
	if len(g.notes) == 0 {
		return strings.Replace(g.w.t.footnotes, phFootnotes, "", 1), nil
	}
	var x xbuf
	seen := make(map[int]bool, len(g.notes))
	for _, id := range g.notes {
		if seen[id] {
			continue
		}
		seen[id] = true
		var text string
		for _, n := range g.d.Footnotes {
			if n.ID == id {
				text = n.Text
				break
			}
		}
		x.s(`<w:footnote w:id="`)
		x.int(id)
		x.s(`"><w:p><w:pPr>`)
		x.val("w:pStyle", string(compose.StyleFootnote))
		x.s(`</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r>`)
		// The note breaks its lines where the PDF's does: no break
		// inside a reference or a date (layout.Glue), after the space
		// that follows the mark.
		glue := layout.Glue(text)
		for i := range glue {
			glue[i]++
		}
		main := g.x
		g.x = x
		g.gluedText(" "+text, glue, nil)
		x, g.x = g.x, main
		x.s(`</w:r></w:p></w:footnote>`)
	}
	return strings.Replace(g.w.t.footnotes, phFootnotes, string(x.b), 1), nil
}
