package docxread

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Format is how a .docx is set on paper, apart from its text: what an
// office's habit (margins, body size, line spacing, first-line indent) is
// read from. ReadFormat fills it; the importer decides what the habit is.
type Format struct {
	// Margins of the first section (w:sectPr/w:pgMar) in twips: top, right,
	// bottom, left. HasMargins is false when the file sets none.
	Margins    [4]int
	HasMargins bool
	// Paras are the body's paragraphs in order, with text boxes left out,
	// each with its properties resolved through Word's inheritance.
	Paras []ParaFormat
}

// ParaFormat is one paragraph's resolved formatting: document defaults
// (w:docDefaults), then its style's w:basedOn chain from the root down,
// then its own w:pPr, attribute by attribute as Word resolves them.
type ParaFormat struct {
	Text  string
	Table bool   // inside a table cell
	Align string // w:jc; "" is left
	// FirstLine is the first-line indent in twips; negative for a hanging
	// indent (w:ind w:hanging).
	FirstLine int
	// Line and LineRule are w:spacing's; Line 0 when nothing sets it
	// (single), LineRule "" for auto.
	Line     int
	LineRule string
	// Size is the size of most of its text, in half-points (w:sz); 0 when
	// nothing sets it (Word's 10 pt default).
	Size int
	// Bold: all of its text is bold.
	Bold bool
}

// Format's XML, decoded by encoding/xml into the few elements it reads;
// field tags name local names, so Transitional and Strict files both match.
type (
	xVal struct {
		Val string `xml:"val,attr"`
	}
	xInd struct {
		FirstLine *int `xml:"firstLine,attr"`
		Hanging   *int `xml:"hanging,attr"`
	}
	xSpacing struct {
		Line     *int    `xml:"line,attr"`
		LineRule *string `xml:"lineRule,attr"`
	}
	xRPr struct {
		Sz    *xVal `xml:"sz"`
		B     *xVal `xml:"b"`
		Style *xVal `xml:"rStyle"`
	}
	xPgMar struct {
		Top    *int `xml:"top,attr"`
		Right  *int `xml:"right,attr"`
		Bottom *int `xml:"bottom,attr"`
		Left   *int `xml:"left,attr"`
	}
	xSectPr struct {
		PgMar *xPgMar `xml:"pgMar"`
	}
	xPPr struct {
		Style   *xVal     `xml:"pStyle"`
		Jc      *xVal     `xml:"jc"`
		Ind     *xInd     `xml:"ind"`
		Spacing *xSpacing `xml:"spacing"`
		RPr     *xRPr     `xml:"rPr"`
		SectPr  *xSectPr  `xml:"sectPr"`
	}
	xRun struct {
		RPr *xRPr    `xml:"rPr"`
		T   []string `xml:"t"`
	}
	xPara struct {
		PPr   *xPPr  `xml:"pPr"`
		Runs  []xRun `xml:"r"`
		Links []xRun `xml:"hyperlink>r"`
		Ins   []xRun `xml:"ins>r"`
		Smart []xRun `xml:"smartTag>r"`
	}
	xStyle struct {
		Type    string `xml:"type,attr"`
		ID      string `xml:"styleId,attr"`
		Default string `xml:"default,attr"`
		BasedOn *xVal  `xml:"basedOn"`
		PPr     *xPPr  `xml:"pPr"`
		RPr     *xRPr  `xml:"rPr"`
	}
	xStyles struct {
		PPr    *xPPr    `xml:"docDefaults>pPrDefault>pPr"`
		RPr    *xRPr    `xml:"docDefaults>rPrDefault>rPr"`
		Styles []xStyle `xml:"style"`
	}
)

// props is the resolved state one layer at a time overrides.
type props struct {
	jc        string
	firstLine int
	line      int
	lineRule  string
	size      int
	bold      bool
}

func (p *props) para(x *xPPr) {
	if x == nil {
		return
	}
	if x.Jc != nil {
		p.jc = x.Jc.Val
	}
	if x.Ind != nil {
		// Word: w:hanging wins over w:firstLine in the same element.
		if x.Ind.FirstLine != nil {
			p.firstLine = *x.Ind.FirstLine
		}
		if x.Ind.Hanging != nil {
			p.firstLine = -*x.Ind.Hanging
		}
	}
	if x.Spacing != nil {
		if x.Spacing.Line != nil {
			p.line = *x.Spacing.Line
		}
		if x.Spacing.LineRule != nil {
			p.lineRule = *x.Spacing.LineRule
		}
	}
}

func (p *props) run(x *xRPr) {
	if x == nil {
		return
	}
	if x.Sz != nil {
		if n, err := strconv.Atoi(x.Sz.Val); err == nil && n > 0 {
			p.size = n
		}
	}
	if x.B != nil {
		p.bold = x.B.Val == "" || x.B.Val == "1" || x.B.Val == "true" || x.B.Val == "on"
	}
}

// maxChain bounds a w:basedOn chain: Word allows no cycle, a file may
// still hold one.
const maxChain = 32

type styleSheet struct {
	defaults props
	byID     map[string]*xStyle
	para     string // the default paragraph style's ID
}

// chain returns id's style and its ancestors, root first.
func (s *styleSheet) chain(id string) []*xStyle {
	var out []*xStyle
	for i := 0; id != "" && i < maxChain; i++ {
		st := s.byID[id]
		if st == nil {
			break
		}
		out = append([]*xStyle{st}, out...)
		if st.BasedOn == nil {
			break
		}
		id = st.BasedOn.Val
	}
	return out
}

// ReadFormat reads the formatting of the .docx in r under the same limits
// as Read; it never panics on bad input. Read the text with Read: a file
// ReadFormat accepts, Read accepts too.
func ReadFormat(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*Format, error) {
	lim = lim.orDefault()
	rd, err := openPackage(r, size, lim)
	if err != nil {
		return nil, err
	}
	main, err := rd.mainPart()
	if err != nil {
		return nil, err
	}
	sheet := &styleSheet{byID: map[string]*xStyle{}}
	if sp := rd.related(main, "/styles", path.Join(path.Dir(main), "styles.xml")); sp != "" {
		if err := rd.styles(sp, sheet); err != nil {
			return nil, err
		}
	}
	data, err := rd.read(main)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(data, rd.maxDepth); err != nil {
		return nil, fmt.Errorf("docx: %s: %w", main, err)
	}
	f, err := formatOf(ctx, data, sheet, lim.MaxParagraphs)
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w", main, err)
	}
	return f, nil
}

func (rd *reader) styles(name string, sheet *styleSheet) error {
	data, err := rd.read(name)
	if err != nil {
		return err
	}
	if err := checkDepth(data, rd.maxDepth); err != nil {
		return fmt.Errorf("docx: %s: %w", name, err)
	}
	var xs xStyles
	if err := xml.Unmarshal(data, &xs); err != nil {
		return fmt.Errorf("docx: %s: %w: %v", name, ErrMalformed, err)
	}
	sheet.defaults.para(xs.PPr)
	sheet.defaults.run(xs.RPr)
	for i := range xs.Styles {
		st := &xs.Styles[i]
		if st.Type != "paragraph" && st.Type != "character" {
			continue
		}
		sheet.byID[st.ID] = st
		if st.Type == "paragraph" && (st.Default == "1" || st.Default == "true") && sheet.para == "" {
			sheet.para = st.ID
		}
	}
	return nil
}

// formatOf walks document.xml: every w:p is decoded whole (text boxes in
// it stay inside and are not counted), tables are tracked by depth, and
// the first w:sectPr met closes the first section.
func formatOf(ctx context.Context, data []byte, sheet *styleSheet, maxParas int) (*Format, error) {
	f := &Format{}
	d := xml.NewDecoder(bytes.NewReader(data))
	tables := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "tbl" && tables > 0 {
				tables--
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tables++
			case "sectPr":
				var s xSectPr
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
				}
				f.section(&s)
			case "p":
				if len(f.Paras) >= maxParas {
					return nil, fmt.Errorf("more than %d paragraphs: %w", maxParas, ErrTooLarge)
				}
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				var p xPara
				if err := d.DecodeElement(&p, &t); err != nil {
					return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
				}
				if p.PPr != nil && p.PPr.SectPr != nil {
					f.section(p.PPr.SectPr)
				}
				f.Paras = append(f.Paras, sheet.resolve(&p, tables > 0))
			}
		}
	}
}

// section keeps the first section's margins.
func (f *Format) section(s *xSectPr) {
	if f.HasMargins || s.PgMar == nil {
		return
	}
	m := s.PgMar
	if m.Top == nil || m.Right == nil || m.Bottom == nil || m.Left == nil {
		return
	}
	// A negative top or bottom margin lets text run under the header;
	// the distance from the edge is its absolute value.
	f.Margins = [4]int{abs(*m.Top), *m.Right, abs(*m.Bottom), *m.Left}
	f.HasMargins = true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// resolve applies docDefaults, the style chain and the paragraph's own
// properties, then sizes each run through its character style and rPr.
func (s *styleSheet) resolve(p *xPara, table bool) ParaFormat {
	pp := s.defaults
	id := s.para
	if p.PPr != nil && p.PPr.Style != nil {
		id = p.PPr.Style.Val
	}
	for _, st := range s.chain(id) {
		pp.para(st.PPr)
		pp.run(st.RPr)
	}
	pp.para(p.PPr)
	out := ParaFormat{Table: table, Align: pp.jc, FirstLine: pp.firstLine, Line: pp.line, LineRule: pp.lineRule}
	var text strings.Builder
	chars := map[int]int{}
	bold, any := true, false
	for _, runs := range [][]xRun{p.Runs, p.Links, p.Ins, p.Smart} {
		for _, r := range runs {
			rp := pp
			if r.RPr != nil && r.RPr.Style != nil {
				for _, st := range s.chain(r.RPr.Style.Val) {
					rp.run(st.RPr)
				}
			}
			rp.run(r.RPr)
			for _, t := range r.T {
				text.WriteString(t)
				n := len([]rune(strings.TrimSpace(t)))
				chars[rp.size] += n
				if n > 0 {
					any = true
					bold = bold && rp.bold
				}
			}
		}
	}
	out.Text = text.String()
	out.Bold = any && bold
	best := -1
	for sz, n := range chars {
		if n > best || (n == best && sz > out.Size) {
			out.Size, best = sz, n
		}
	}
	return out
}
