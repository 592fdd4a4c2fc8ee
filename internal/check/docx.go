package check

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// ErrUnreadable: the file is not a .docx or PDF this package can read.
var ErrUnreadable = errors.New("check: unreadable file")

const (
	maxPart  = 64 << 20 // uncompressed bytes of one part
	maxNodes = 2_000_000
)

// props is one layer of formatting; nil fields are not set by the layer.
type props struct {
	font                 *string
	theme                *string
	size                 *float64
	bold, italic         *bool
	jc                   *string
	firstLine            *float64
	line                 *float64 // in 240ths (auto) or twips (exact/atLeast)
	lineRule             *string
	before, after        *float64
	borderBot, borderTop *bool
	underline            *bool
	// color is w:color's val, or "theme " and its themeColor when only
	// that is set.
	color *string
}

func (p *props) over(q *props) {
	if q == nil {
		return
	}
	set := func(dst **string, src *string) {
		if src != nil {
			*dst = src
		}
	}
	setF := func(dst **float64, src *float64) {
		if src != nil {
			*dst = src
		}
	}
	setB := func(dst **bool, src *bool) {
		if src != nil {
			*dst = src
		}
	}
	if q.font != nil || q.theme != nil {
		p.font, p.theme = q.font, q.theme
	}
	setF(&p.size, q.size)
	setB(&p.bold, q.bold)
	setB(&p.italic, q.italic)
	set(&p.jc, q.jc)
	setF(&p.firstLine, q.firstLine)
	setF(&p.line, q.line)
	set(&p.lineRule, q.lineRule)
	setF(&p.before, q.before)
	setF(&p.after, q.after)
	setB(&p.borderBot, q.borderBot)
	setB(&p.borderTop, q.borderTop)
	setB(&p.underline, q.underline)
	set(&p.color, q.color)
}

func onOff(e *node) *bool {
	if e == nil {
		return nil
	}
	v, ok := e.val("val")
	b := !ok || !(v == "0" || v == "false" || v == "off" || v == "none")
	return &b
}

func num(e *node, attr string) *float64 {
	v, ok := e.val(attr)
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return nil
	}
	return &f
}

func str(e *node, attr string) *string {
	v, ok := e.val(attr)
	if !ok {
		return nil
	}
	return &v
}

func runLayer(rpr *node) *props {
	if rpr == nil {
		return nil
	}
	p := &props{}
	if f := rpr.child("rFonts"); f != nil {
		if v := str(f, "ascii"); v != nil {
			p.font = v
		} else if v := str(f, "hAnsi"); v != nil {
			p.font = v
		} else if v := str(f, "asciiTheme"); v != nil {
			p.theme = v
		}
	}
	if s := num(rpr.child("sz"), "val"); s != nil {
		pt := *s / 2
		p.size = &pt
	}
	p.bold = onOff(rpr.child("b"))
	p.italic = onOff(rpr.child("i"))
	p.underline = onOff(rpr.child("u"))
	if c := rpr.child("color"); c != nil {
		if v, ok := c.val("val"); ok && v != "" {
			p.color = &v
		} else if v, ok := c.val("themeColor"); ok {
			t := "theme " + v
			p.color = &t
		}
	}
	return p
}

func paraLayer(ppr *node) *props {
	if ppr == nil {
		return nil
	}
	p := &props{}
	if jc := ppr.child("jc"); jc != nil {
		p.jc = str(jc, "val")
	}
	if ind := ppr.child("ind"); ind != nil {
		if v := num(ind, "firstLine"); v != nil {
			p.firstLine = v
		}
		if v := num(ind, "hanging"); v != nil {
			h := -*v
			p.firstLine = &h
		}
	}
	if sp := ppr.child("spacing"); sp != nil {
		p.line = num(sp, "line")
		p.lineRule = str(sp, "lineRule")
		p.before = num(sp, "before")
		p.after = num(sp, "after")
		if v, _ := sp.val("afterAutospacing"); v == "1" || v == "true" {
			a := 280.0
			p.after = &a
		}
	}
	if b := ppr.child("pBdr"); b != nil {
		if e := b.child("bottom"); e != nil {
			p.borderBot = onOff(e)
		}
		if e := b.child("top"); e != nil {
			p.borderTop = onOff(e)
		}
	}
	return p
}

type style struct {
	typ, basedOn string
	ppr, rpr     *props
}

type docxReader struct {
	zr         *zip.Reader
	styles     map[string]*style
	defaults   props
	defPara    string
	defTable   string
	themeMinor string
	themeMajor string
	rels       map[string]string
	d          *doc
	evenOdd    bool
}

func (x *docxReader) part(name string) (*node, error) {
	for _, f := range x.zr.File {
		if f.Name == name {
			if f.UncompressedSize64 > maxPart {
				return nil, fmt.Errorf("%s is over %d bytes: %w", name, maxPart, ErrUnreadable)
			}
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%s: %v: %w", name, err, ErrUnreadable)
			}
			defer rc.Close()
			n, err := parseXML(io.LimitReader(rc, maxPart), maxNodes)
			if err != nil {
				return nil, fmt.Errorf("%s: %v: %w", name, err, ErrUnreadable)
			}
			return n, nil
		}
	}
	return nil, nil
}

// readDOCX reads a .docx into the neutral model.
func readDOCX(data []byte) (*doc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("docx: %v: %w", err, ErrUnreadable)
	}
	x := &docxReader{zr: zr, styles: map[string]*style{}, rels: map[string]string{}, d: &doc{format: "docx"}}
	body, err := x.part("word/document.xml")
	if err != nil {
		return nil, err
	}
	if body == nil {
		return nil, fmt.Errorf("docx: no word/document.xml: %w", ErrUnreadable)
	}
	if err := x.readStyles(); err != nil {
		return nil, err
	}
	if rels, _ := x.part("word/_rels/document.xml.rels"); rels != nil {
		for _, r := range rels.child("Relationships").children("Relationship") {
			id, _ := r.val("Id")
			t, _ := r.val("Target")
			x.rels[id] = path.Clean(path.Join("word", t))
		}
	}
	if st, _ := x.part("word/settings.xml"); st != nil {
		x.evenOdd = st.child("settings").child("evenAndOddHeaders") != nil
	}
	b := body.child("document").child("body")
	x.blocks(b, 0, 0, 0)
	if len(x.d.sections) == 0 {
		return nil, fmt.Errorf("docx: no section properties: %w", ErrUnreadable)
	}
	return x.d, nil
}

func (x *docxReader) readStyles() error {
	if th, _ := x.part("word/theme/theme1.xml"); th != nil {
		var walk func(*node)
		walk = func(e *node) {
			for _, k := range e.kids {
				if (k.name == "minorFont" || k.name == "majorFont") && k.child("latin") != nil {
					v, _ := k.child("latin").val("typeface")
					if k.name == "minorFont" {
						x.themeMinor = v
					} else {
						x.themeMajor = v
					}
				}
				walk(k)
			}
		}
		walk(th)
	}
	st, err := x.part("word/styles.xml")
	if err != nil || st == nil {
		return err
	}
	root := st.child("styles")
	if dd := root.child("docDefaults"); dd != nil {
		x.defaults.over(runLayer(dd.child("rPrDefault").child("rPr")))
		x.defaults.over(paraLayer(dd.child("pPrDefault").child("pPr")))
	}
	for _, s := range root.children("style") {
		id, _ := s.val("styleId")
		t, _ := s.val("type")
		based := ""
		if b := s.child("basedOn"); b != nil {
			based, _ = b.val("val")
		}
		x.styles[id] = &style{typ: t, basedOn: based, ppr: paraLayer(s.child("pPr")), rpr: runLayer(s.child("rPr"))}
		if v, _ := s.val("default"); v == "1" || v == "true" {
			switch t {
			case "paragraph":
				x.defPara = id
			case "table":
				x.defTable = id
			}
		}
	}
	return nil
}

// chain applies a style and its basedOn ancestors, the farthest first.
func (x *docxReader) chain(p *props, id string) {
	var ids []string
	seen := map[string]bool{}
	for id != "" && !seen[id] && len(ids) < 32 {
		seen[id] = true
		s := x.styles[id]
		if s == nil {
			break
		}
		ids = append(ids, id)
		id = s.basedOn
	}
	for i := len(ids) - 1; i >= 0; i-- {
		s := x.styles[ids[i]]
		p.over(s.ppr)
		p.over(s.rpr)
	}
}

func styleID(pr *node, tag string) string {
	if e := pr.child(tag); e != nil {
		v, _ := e.val("val")
		return v
	}
	return ""
}

// blocks reads the paragraphs and tables of a body or cell in order.
func (x *docxReader) blocks(parent *node, table, row, cell int) {
	tstyle := ""
	for _, k := range parent.kids {
		switch k.name {
		case "p":
			x.paragraph(k, table, row, cell, tstyle)
		case "tbl":
			x.table(k)
		case "sdt":
			x.blocks(k.child("sdtContent"), table, row, cell)
		case "sectPr":
			x.section(k)
		}
	}
}

func (x *docxReader) table(t *node) {
	id := len(x.d.paras) + 1 // tables are told apart by where they start
	ts := styleID(t.child("tblPr"), "tblStyle")
	if ts == "" {
		ts = x.defTable
	}
	for ri, tr := range t.children("tr") {
		for ci, tc := range tr.children("tc") {
			for _, k := range tc.kids {
				switch k.name {
				case "p":
					x.paragraph(k, id, ri+1, ci+1, ts)
				case "tbl":
					x.table(k)
				case "sdt":
					x.blocks(k.child("sdtContent"), id, ri+1, ci+1)
				}
			}
		}
	}
}

func (x *docxReader) paragraph(p *node, table, row, cell int, tstyle string) {
	ppr := p.child("pPr")
	base := x.defaults
	if tstyle != "" {
		x.chain(&base, tstyle)
	}
	ps := styleID(ppr, "pStyle")
	if ps == "" {
		ps = x.defPara
	}
	x.chain(&base, ps)
	base.over(paraLayer(ppr))

	var text strings.Builder
	sizes := map[float64]int{}
	fonts := map[string]int{}
	allBold, allItalic, anyInk, under := true, true, false, false
	drawn := false
	color := ""
	var runs func(*node)
	runs = func(e *node) {
		for _, k := range e.kids {
			switch k.name {
			case "r":
				rp := base
				rpr := k.child("rPr")
				if cs := styleID(rpr, "rStyle"); cs != "" {
					x.chain(&rp, cs)
				}
				rp.over(runLayer(rpr))
				var t strings.Builder
				for _, c := range k.kids {
					switch c.name {
					case "t":
						t.WriteString(c.text)
					case "tab":
						t.WriteString("\t")
					case "noBreakHyphen":
						t.WriteString("-")
					case "br", "cr":
						t.WriteString(" ")
					case "drawing", "pict", "object", "AlternateContent":
						drawn = true
					}
				}
				s := t.String()
				text.WriteString(s)
				ink := len(strings.TrimSpace(s))
				if ink > 0 {
					anyInk = true
					sz := 10.0
					if rp.size != nil {
						sz = *rp.size
					}
					sizes[sz] += ink
					fonts[x.fontName(&rp)] += ink
					if rp.bold == nil || !*rp.bold {
						allBold = false
					}
					if rp.italic == nil || !*rp.italic {
						allItalic = false
					}
					if rp.underline != nil && *rp.underline {
						under = true
					}
					if rp.color != nil && color == "" && !black(*rp.color) {
						color = *rp.color
					}
				}
			case "hyperlink", "smartTag", "ins", "fldSimple", "customXml":
				runs(k)
			case "sdt":
				runs(k.child("sdtContent"))
			}
		}
	}
	runs(p)
	if !anyInk {
		allBold, allItalic = false, false
	}
	out := Para{Text: text.String(), Table: table, Row: row, Cell: cell, Bold: allBold, Italic: allItalic, Known: true, Color: color}
	out.Size = most(sizes)
	out.Font = mostS(fonts)
	for f := range fonts {
		out.Fonts = append(out.Fonts, f)
	}
	if out.Size == 0 && base.size != nil {
		out.Size = *base.size
	}
	out.Jc = "left"
	if base.jc != nil {
		out.Jc = *base.jc
		switch out.Jc {
		case "start":
			out.Jc = "left"
		case "end":
			out.Jc = "right"
		case "distribute":
			out.Jc = "both"
		}
	}
	if base.firstLine != nil {
		out.FirstLine = *base.firstLine / 20
	}
	out.Line = 1
	if base.line != nil {
		rule := "auto"
		if base.lineRule != nil {
			rule = *base.lineRule
		}
		if rule == "auto" {
			out.Line = *base.line / 240
		} else if out.Size > 0 {
			out.Line = *base.line / 20 / (out.Size * 1.15)
		}
	}
	if base.after != nil {
		out.After = *base.after / 20
	}
	if base.before != nil {
		out.Before = *base.before / 20
	}
	out.RuleBelow = (base.borderBot != nil && *base.borderBot) || under
	// A rule drawn as a shape or a border sits in an otherwise empty
	// paragraph after the text it underlines.
	if strings.TrimSpace(out.Text) == "" {
		top := base.borderTop != nil && *base.borderTop
		if (drawn || out.RuleBelow || top) && len(x.d.paras) > 0 {
			x.markRule(table, cell)
		}
	} else if drawn {
		// A line anchored in a paragraph with text is drawn near its top:
		// under the paragraph before it, or under its own first line.
		out.RuleBelow = true
		if len(x.d.paras) > 0 {
			x.markRule(table, cell)
		}
	}
	if strings.TrimSpace(out.Text) != "" {
		if len(x.d.paras) > 0 && base.borderTop != nil && *base.borderTop {
			x.markRule(table, cell)
		}
		x.d.paras = append(x.d.paras, out)
	}
	if sp := ppr.child("sectPr"); sp != nil {
		x.section(sp)
	}
}

// black: a run colour that prints black: Word's automatic colour, the
// theme's dark text colour, or black to a reader (every channel at most
// 0x40, as Word's "Black, lighter 5%" 0D0D0D).
func black(c string) bool {
	switch strings.ToLower(c) {
	case "auto", "theme text1", "theme dark1":
		return true
	}
	v, err := strconv.ParseUint(c, 16, 32)
	return err == nil && len(c) == 6 && v>>16 <= 0x40 && v>>8&0xff <= 0x40 && v&0xff <= 0x40
}

// markRule marks the last text paragraph of the same cell as ruled.
func (x *docxReader) markRule(table, cell int) {
	for i := len(x.d.paras) - 1; i >= 0 && i >= len(x.d.paras)-4; i-- {
		if x.d.paras[i].Table == table && x.d.paras[i].Cell == cell {
			x.d.paras[i].RuleBelow = true
			return
		}
	}
}

func (x *docxReader) fontName(p *props) string {
	if p.font != nil {
		return *p.font
	}
	if p.theme != nil {
		if strings.HasPrefix(*p.theme, "major") {
			return x.themeMajor
		}
		return x.themeMinor
	}
	return ""
}

func most(m map[float64]int) float64 {
	var best float64
	n := -1
	for k, v := range m {
		if v > n || (v == n && k > best) {
			best, n = k, v
		}
	}
	return best
}

func mostS(m map[string]int) string {
	var best string
	n := -1
	for k, v := range m {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best
}

const twip = 1.0 / 20

func (x *docxReader) section(sp *node) {
	s := Section{Known: sp.child("pgMar") != nil}
	if sz := sp.child("pgSz"); sz != nil {
		if v := num(sz, "w"); v != nil {
			s.Width = *v * twip
		}
		if v := num(sz, "h"); v != nil {
			s.Height = *v * twip
		}
	}
	if m := sp.child("pgMar"); m != nil {
		for name, dst := range map[string]*float64{"top": &s.Top, "bottom": &s.Bottom, "left": &s.Left, "right": &s.Right} {
			if v := num(m, name); v != nil {
				*dst = *v * twip
				if *dst < 0 {
					*dst = -*dst
				}
			}
		}
	}
	s.TitlePg = onOff(sp.child("titlePg")) != nil && *onOff(sp.child("titlePg"))
	heads := map[string]bool{}
	for _, h := range sp.children("headerReference") {
		t, _ := h.val("type")
		id, _ := h.val("id")
		if n, _ := x.part(x.rels[id]); n != nil && strings.Contains(n.instr(), "PAGE") {
			heads[t] = true
			s.NumberCentred = x.pageCentred(n)
		}
	}
	for _, h := range sp.children("footerReference") {
		id, _ := h.val("id")
		if n, _ := x.part(x.rels[id]); n != nil && strings.Contains(n.instr(), "PAGE") {
			s.NumberInFooter = true
		}
	}
	// A section without its own headers inherits the previous one's.
	if len(sp.children("headerReference")) == 0 && len(x.d.sections) > 0 {
		prev := x.d.sections[len(x.d.sections)-1]
		s.PageNumber, s.NumberCentred, s.NumberOnFirst = prev.PageNumber, prev.NumberCentred, prev.NumberOnFirst
	} else {
		s.PageNumber = heads["default"]
		s.NumberOnFirst = !s.TitlePg && heads["default"] || s.TitlePg && heads["first"]
	}
	x.d.sections = append(x.d.sections, s)
}

// pageCentred: the paragraph holding the PAGE field is centred.
func (x *docxReader) pageCentred(h *node) bool {
	var found, centred bool
	var walk func(*node)
	walk = func(e *node) {
		for _, k := range e.kids {
			if k.name == "p" && !found && strings.Contains(k.instr(), "PAGE") {
				found = true
				p := x.defaults
				ppr := k.child("pPr")
				ps := styleID(ppr, "pStyle")
				if ps == "" {
					ps = x.defPara
				}
				x.chain(&p, ps)
				p.over(paraLayer(ppr))
				fp := ppr.child("framePr")
				xa, _ := fp.val("xAlign")
				centred = p.jc != nil && *p.jc == "center" || xa == "center"
			}
			walk(k)
		}
	}
	walk(h)
	return centred
}
