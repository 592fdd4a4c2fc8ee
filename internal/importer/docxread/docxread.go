package docxread

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// Errors a caller can map to a response. Every error Read returns wraps
// exactly one of them.
var (
	// ErrTooLarge: more entries or bytes than the limits allow.
	ErrTooLarge = errors.New("too large")
	// ErrZipBomb: an entry inflates beyond what the limits allow, or beyond
	// its declared size.
	ErrZipBomb = errors.New("zip bomb")
	// ErrMalformed: not a zip, no main document part, or malformed XML.
	ErrMalformed = errors.New("malformed")
)

// Limits bound what Read accepts. Zero fields take DefaultLimits.
type Limits struct {
	MaxEntries      int   // entries in the zip
	MaxUncompressed int64 // total bytes inflated, over all parts read
	MaxDepth        int   // XML element nesting
	// MaxXML bounds the XML parsed (the main part and the footnotes):
	// parsing costs memory many times the XML's size, and a 200 KB
	// .docx can inflate to 60 MiB of paragraphs.
	MaxXML int64
	// MaxParagraphs bounds the paragraphs read, table cells' included.
	MaxParagraphs int
	// MaxRuns bounds the runs (stretches of text of one format) read.
	MaxRuns int
	// MaxText bounds the text read, in bytes.
	MaxText int64
}

// DefaultLimits fit any real office document with a wide margin: the
// largest of 47 real ones has 1.6 MB of XML, 941 paragraphs and 4,386
// runs; a 300-page plan is a few hundred entries and a few megabytes of
// XML.
var DefaultLimits = Limits{MaxEntries: 2000, MaxUncompressed: 64 << 20, MaxDepth: 256,
	MaxXML: 16 << 20, MaxParagraphs: 20000, MaxRuns: 200000, MaxText: 8 << 20}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.MaxEntries > 0 {
		d.MaxEntries = l.MaxEntries
	}
	if l.MaxUncompressed > 0 {
		d.MaxUncompressed = l.MaxUncompressed
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxXML > 0 {
		d.MaxXML = l.MaxXML
	}
	if l.MaxParagraphs > 0 {
		d.MaxParagraphs = l.MaxParagraphs
	}
	if l.MaxRuns > 0 {
		d.MaxRuns = l.MaxRuns
	}
	if l.MaxText > 0 {
		d.MaxText = l.MaxText
	}
	return d
}

// Document is the readable content of a .docx, in reading order.
type Document struct {
	Blocks []Block
	// Sections counts the section breaks met in the body (w:sectPr inside a
	// paragraph): an appendix usually starts a new section.
	Sections int
	// LastLandscape: the body's last section (w:body/w:sectPr) is landscape.
	LastLandscape bool
}

// Block is a paragraph or a table; exactly one is set.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Paragraph is one w:p.
type Paragraph struct {
	// Style is the paragraph style ID (w:pStyle), e.g. "VbMuc" or
	// "Heading1"; empty for the default style.
	Style string
	// Align is w:jc ("center", "right", "both" ...), empty when inherited.
	Align string
	// List is true for a paragraph numbered by Word (w:numPr): its label
	// is generated and absent from the text.
	List bool
	// Label is the label Word prints for a List paragraph ("1.", "a)",
	// "-"), computed from numbering.xml in document order; empty when the
	// numbering cannot be resolved.
	Label        string
	numID, level string
	// SectionBreak is true when the paragraph ends a section;
	// Landscape, when that section is landscape.
	SectionBreak bool
	Landscape    bool
	// Runs in order. Text holds "\t" for a tab and "\n" for a line break.
	Runs []Run
	// TextBoxes holds the paragraphs of the text boxes anchored in this
	// paragraph (DrawingML wps:txbx, or VML v:textbox when the file has no
	// DrawingML choice), in the order they are met. Offices put the "V/v"
	// line of a công văn or a note beside the header in one.
	TextBoxes []Block
}

// Text is the paragraph's text without emphasis.
func (p *Paragraph) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Run is a stretch of text with one emphasis. Adjacent runs with the same
// emphasis are merged.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
	// Footnote is the text of the footnote whose reference follows the run.
	Footnote string
}

// Table is one w:tbl.
type Table struct {
	Rows []Row
	// Grid holds the widths of the table's grid columns (w:tblGrid), in
	// twips, when the file gives them: a header cell that straddles two
	// groups by a sliver of a column belongs to the one it mostly covers.
	Grid []int
}

// Row is one w:tr.
type Row struct {
	Cells []Cell
	// Header: Word repeats the row at the top of each page (w:tblHeader),
	// which is how an author marks a table's header rows.
	Header bool
}

// Merge is a cell's vertical merge state.
type Merge int

const (
	MergeNone     Merge = iota
	MergeRestart        // first cell of a vertically merged group
	MergeContinue       // covered by the cell above
)

// Cell is one w:tc.
type Cell struct {
	Span   int // grid columns covered (gridSpan), at least 1
	Merge  Merge
	Blocks []Block // paragraphs (and nested tables) of the cell
}

// Text is the cell's paragraphs joined by spaces.
func (c *Cell) Text() string {
	var parts []string
	var walk func(bs []Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch {
			case b.Para != nil:
				if t := strings.TrimSpace(b.Para.Text()); t != "" {
					parts = append(parts, t)
				}
			case b.Table != nil:
				for _, r := range b.Table.Rows {
					for i := range r.Cells {
						walk(r.Cells[i].Blocks)
					}
				}
			}
		}
	}
	walk(c.Blocks)
	return strings.Join(parts, " ")
}

// Namespaces of WordprocessingML: transitional (Word, LibreOffice, WPS) and
// strict (Word's "Strict Open XML" save option).
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	relDoc    = "/officeDocument"
	relFoot   = "/footnotes"
	relNum    = "/numbering"
)

// Read parses the .docx held in r. It never panics on bad input; every
// failure is an error wrapping ErrTooLarge, ErrZipBomb or ErrMalformed.
func Read(r io.ReaderAt, size int64, lim Limits) (*Document, error) {
	return ReadContext(context.Background(), r, size, lim)
}

// ReadContext is Read that stops, with ctx's error, once ctx is done.
func ReadContext(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*Document, error) {
	lim = lim.orDefault()
	rd, err := openPackage(r, size, lim)
	if err != nil {
		return nil, err
	}
	b := &bounds{ctx: ctx, lim: lim}
	main, err := rd.mainPart()
	if err != nil {
		return nil, err
	}
	foot := map[string]string{}
	if fp := rd.related(main, relFoot, path.Join(path.Dir(main), "footnotes.xml")); fp != "" {
		data, err := rd.read(fp)
		if err != nil {
			return nil, err
		}
		if foot, err = parseFootnotes(data, b); err != nil {
			return nil, fmt.Errorf("docx: %s: %w", fp, err)
		}
	}
	var num numbering
	if np := rd.related(main, relNum, path.Join(path.Dir(main), "numbering.xml")); np != "" {
		data, err := rd.read(np)
		if err != nil {
			return nil, err
		}
		if num, err = parseNumbering(data, b); err != nil {
			return nil, fmt.Errorf("docx: %s: %w", np, err)
		}
	}
	data, err := rd.read(main)
	if err != nil {
		return nil, err
	}
	doc, err := parseDocument(data, foot, b)
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w", main, err)
	}
	num.label(doc.Blocks, map[string][]int{})
	return doc, nil
}

// openPackage opens the zip of a .docx under lim: its entry count and,
// before a byte is inflated, its declared sizes (a cheap refusal of the
// obvious bomb), then a reader whose reads stay within the XML budget.
func openPackage(r io.ReaderAt, size int64, lim Limits) (*reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("docx: open zip: %w: %v", ErrMalformed, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("docx: %d zip entries, over the limit of %d: %w", len(zr.File), lim.MaxEntries, ErrTooLarge)
	}
	var declared uint64
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if declared > uint64(lim.MaxUncompressed) {
			return nil, fmt.Errorf("docx: declared uncompressed size over the limit of %d bytes: %w", lim.MaxUncompressed, ErrZipBomb)
		}
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return &reader{files: files, budget: min(lim.MaxUncompressed, lim.MaxXML), maxDepth: lim.MaxDepth}, nil
}

type reader struct {
	files    map[string]*zip.File
	budget   int64
	maxDepth int
}

// read inflates one part, counting its bytes against the budget: the
// declared sizes were checked, but they are only what the file claims.
func (rd *reader) read(name string) ([]byte, error) {
	f := rd.files[name]
	if f == nil {
		return nil, fmt.Errorf("docx: missing part %s: %w", name, ErrMalformed)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("docx: open %s: %w: %v", name, ErrMalformed, err)
	}
	defer rc.Close()
	if int64(f.UncompressedSize64) > rd.budget {
		return nil, fmt.Errorf("docx: %s declares %d bytes of XML, over what is left of the limit (%d bytes): %w",
			name, f.UncompressedSize64, rd.budget, ErrTooLarge)
	}
	limit := min(rd.budget, int64(f.UncompressedSize64))
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if errors.Is(err, zip.ErrFormat) {
		// archive/zip refuses to read past the declared size: the entry
		// inflates to more than it claims.
		return nil, fmt.Errorf("docx: %s does not inflate to its declared size: %w", name, ErrZipBomb)
	}
	if err != nil {
		return nil, fmt.Errorf("docx: inflate %s: %w: %v", name, ErrMalformed, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("docx: %s inflates beyond its declared size or the limit: %w", name, ErrZipBomb)
	}
	rd.budget -= int64(len(data))
	return data, nil
}

// mainPart finds the main document through _rels/.rels, as a consumer
// must; Word always names it word/document.xml, but nothing requires it.
func (rd *reader) mainPart() (string, error) {
	if p := rd.related("", relDoc, "word/document.xml"); p != "" {
		return p, nil
	}
	return "", fmt.Errorf("docx: no main document part (is this a Word file?): %w", ErrMalformed)
}

// related returns the target of the first relationship of source whose type
// ends with kind, or fallback when it exists and no relationship says
// otherwise; "" when neither exists.
func (rd *reader) related(source, kind, fallback string) string {
	relsName := path.Join(path.Dir(source), "_rels", path.Base(source)+".rels")
	if source == "" {
		relsName = "_rels/.rels"
	}
	if rd.files[relsName] != nil {
		if data, err := rd.read(relsName); err == nil {
			var rels struct {
				Rel []struct {
					Type       string `xml:"Type,attr"`
					Target     string `xml:"Target,attr"`
					TargetMode string `xml:"TargetMode,attr"`
				} `xml:"Relationship"`
			}
			if checkDepth(data, rd.maxDepth) == nil && xml.Unmarshal(data, &rels) == nil {
				for _, r := range rels.Rel {
					if !strings.HasSuffix(r.Type, kind) || r.TargetMode == "External" {
						continue
					}
					t := r.Target
					if strings.HasPrefix(t, "/") {
						t = strings.TrimPrefix(t, "/")
					} else {
						t = path.Join(path.Dir(source), t)
					}
					if rd.files[t] != nil {
						return t
					}
				}
			}
		}
	}
	if rd.files[fallback] != nil {
		return fallback
	}
	return ""
}

// checkDepth refuses XML nested deeper than max before it is decoded.
func checkDepth(data []byte, max int) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > max {
				return fmt.Errorf("XML nested deeper than %d levels: %w", max, ErrMalformed)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// parser walks WordprocessingML tokens with an explicit depth count.
type parser struct {
	d        *xml.Decoder
	depth    int
	maxDepth int
	foot     map[string]string
	b        *bounds
	tokens   int
}

// bounds are the counts one Read may reach, shared by its parts, and the
// context that stops it.
type bounds struct {
	ctx              context.Context
	lim              Limits
	paragraphs, runs int
	text             int64
}

// ctxEvery is how many tokens pass between two looks at the context: a
// look costs little, but a token costs less.
const ctxEvery = 4096

func (b *bounds) paragraph() error {
	b.paragraphs++
	if b.paragraphs > b.lim.MaxParagraphs {
		return fmt.Errorf("more than %d paragraphs: %w", b.lim.MaxParagraphs, ErrTooLarge)
	}
	return nil
}

func (b *bounds) run(text int) error {
	b.runs++
	b.text += int64(text)
	switch {
	case b.runs > b.lim.MaxRuns:
		return fmt.Errorf("more than %d runs: %w", b.lim.MaxRuns, ErrTooLarge)
	case b.text > b.lim.MaxText:
		return fmt.Errorf("more than %d bytes of text: %w", b.lim.MaxText, ErrTooLarge)
	}
	return nil
}

func newParser(data []byte, foot map[string]string, b *bounds) *parser {
	maxDepth := b.lim.MaxDepth
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return &parser{d: d, maxDepth: maxDepth, foot: foot, b: b}
}

func (p *parser) next() (xml.Token, error) {
	if p.tokens++; p.tokens%ctxEvery == 0 {
		if err := p.b.ctx.Err(); err != nil {
			return nil, err
		}
	}
	tok, err := p.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	switch tok.(type) {
	case xml.StartElement:
		p.depth++
		if p.depth > p.maxDepth {
			return nil, fmt.Errorf("XML nested deeper than %d levels: %w", p.maxDepth, ErrMalformed)
		}
	case xml.EndElement:
		p.depth--
	}
	return tok, nil
}

// skip consumes the rest of the element just started.
func (p *parser) skip() error {
	n := 1
	for n > 0 {
		tok, err := p.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			n++
		case xml.EndElement:
			n--
		}
	}
	return nil
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return fmt.Errorf("unexpected end of XML: %w", ErrMalformed)
	}
	return err
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || isW(a.Name)) {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a WordprocessingML toggle (<w:b/>, <w:b w:val="0"/>).
func onOff(e xml.StartElement) bool {
	v, ok := attr(e, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func parseDocument(data []byte, foot map[string]string, b *bounds) (*Document, error) {
	p := newParser(data, foot, b)
	doc := &Document{}
	sawBody := false
	for {
		tok, err := p.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if isW(se.Name) && se.Name.Local == "body" {
			sawBody = true
			bs, err := p.blocks(se.Name, doc)
			if err != nil {
				return nil, err
			}
			doc.Blocks = bs
		}
	}
	if !sawBody {
		return nil, fmt.Errorf("no w:body: %w", ErrMalformed)
	}
	return doc, nil
}

// blocks reads block-level content until the end of the element named end:
// paragraphs and tables, looking through content controls and custom XML.
func (p *parser) blocks(end xml.Name, doc *Document) ([]Block, error) {
	var out []Block
	for {
		tok, err := p.next()
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return out, nil
			}
		case xml.StartElement:
			if !isW(t.Name) {
				if err := p.skip(); err != nil {
					return nil, err
				}
				continue
			}
			switch t.Name.Local {
			case "p":
				para, err := p.paragraph(t.Name)
				if err != nil {
					return nil, err
				}
				if para.SectionBreak && doc != nil {
					doc.Sections++
				}
				out = append(out, Block{Para: para})
			case "tbl":
				tbl, err := p.table(t.Name, doc)
				if err != nil {
					return nil, err
				}
				out = append(out, Block{Table: tbl})
			case "sdt", "sdtContent", "customXml", "ins", "smartTag":
				bs, err := p.blocks(t.Name, doc)
				if err != nil {
					return nil, err
				}
				out = append(out, bs...)
			case "sectPr":
				land, err := p.landscape(t.Name)
				if err != nil {
					return nil, err
				}
				if doc != nil {
					doc.LastLandscape = land
				}
			default:
				if err := p.skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

func (p *parser) paragraph(end xml.Name) (*Paragraph, error) {
	if err := p.b.paragraph(); err != nil {
		return nil, err
	}
	para := &Paragraph{}
	if err := p.inline(end, para, runProps{}); err != nil {
		return nil, err
	}
	para.Runs = mergeRuns(para.Runs)
	return para, nil
}

type runProps struct{ bold, italic bool }

// inline reads paragraph content until end, descending into every wrapper
// that holds runs (hyperlinks, smart tags, simple fields, content controls,
// insertions) and skipping what is not printed text (deletions, field
// codes, drawings).
func (p *parser) inline(end xml.Name, para *Paragraph, rp runProps) error {
	for {
		tok, err := p.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return nil
			}
		case xml.StartElement:
			if !isW(t.Name) {
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			switch t.Name.Local {
			case "pPr":
				if err := p.paraProps(t.Name, para); err != nil {
					return err
				}
			case "r":
				if err := p.run(t.Name, para, rp); err != nil {
					return err
				}
			case "hyperlink", "smartTag", "fldSimple", "sdt", "sdtContent", "ins", "customXml", "dir", "bdo", "moveTo":
				if err := p.inline(t.Name, para, rp); err != nil {
					return err
				}
			default: // del, moveFrom, bookmarks, proofErr, sdtPr, oMath ...
				if err := p.skip(); err != nil {
					return err
				}
			}
		}
	}
}

func (p *parser) paraProps(end xml.Name, para *Paragraph) error {
	return p.elements(end, func(t xml.StartElement) (bool, error) {
		if !isW(t.Name) {
			return false, nil
		}
		switch t.Name.Local {
		case "pStyle":
			para.Style, _ = attr(t, "val")
		case "jc":
			para.Align, _ = attr(t, "val")
		case "numPr":
			para.List = true
			return true, p.numPr(t.Name, para)
		case "sectPr":
			para.SectionBreak = true
			land, err := p.landscape(t.Name)
			para.Landscape = land
			return true, err
		}
		return false, nil
	})
}

// elements calls f with each child element of the element that ends at
// end. f either reads the child's content itself and says so (true), or
// leaves it to be skipped (false): the property readers below name the
// children they know and pass over the rest, so this loop exists once.
func (p *parser) elements(end xml.Name, f func(t xml.StartElement) (read bool, err error)) error {
	for {
		tok, err := p.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return nil
			}
		case xml.StartElement:
			read, err := f(t)
			if err != nil {
				return err
			}
			if !read {
				if err := p.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// landscape reads a w:sectPr: is its page landscape (w:orient, or a page
// wider than high)?
func (p *parser) landscape(end xml.Name) (bool, error) {
	land := false
	err := p.elements(end, func(t xml.StartElement) (bool, error) {
		if isW(t.Name) && t.Name.Local == "pgSz" {
			o, _ := attr(t, "orient")
			w, _ := attr(t, "w")
			h, _ := attr(t, "h")
			wi, err1 := strconv.Atoi(w)
			hi, err2 := strconv.Atoi(h)
			land = o == "landscape" || (err1 == nil && err2 == nil && wi > hi)
		}
		return false, nil
	})
	return land, err
}

func (p *parser) run(end xml.Name, para *Paragraph, rp runProps) error {
	var text strings.Builder
	flush := func() error {
		if text.Len() > 0 {
			if err := p.b.run(text.Len()); err != nil {
				return err
			}
			para.Runs = append(para.Runs, Run{Text: text.String(), Bold: rp.bold, Italic: rp.italic})
			text.Reset()
		}
		return nil
	}
	for {
		tok, err := p.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return flush()
			}
		case xml.StartElement:
			if t.Name.Space == nsMC && t.Name.Local == "AlternateContent" {
				flush()
				if err := p.textBoxes(t.Name, para); err != nil {
					return err
				}
				continue
			}
			if !isW(t.Name) {
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			switch t.Name.Local {
			case "drawing", "pict", "object":
				flush()
				if err := p.textBoxes(t.Name, para); err != nil {
					return err
				}
				continue
			case "rPr":
				if err := p.runProps(t.Name, &rp); err != nil {
					return err
				}
				continue
			case "t":
				s, err := p.chars(t.Name)
				if err != nil {
					return err
				}
				// A non-breaking space only keeps words on one line (vanban
				// writes them where layout.Glue says): the model has plain
				// spaces, and its writers put them back.
				text.WriteString(strings.ReplaceAll(s, "\u00a0", " "))
				continue
			case "tab", "ptab":
				text.WriteByte('\t')
			case "br", "cr":
				text.WriteByte('\n')
			case "noBreakHyphen":
				text.WriteByte('-')
			case "sym":
				font, _ := attr(t, "font")
				char, _ := attr(t, "char")
				text.WriteRune(symbolRune(font, char))
			case "footnoteReference":
				if err := flush(); err != nil {
					return err
				}
				id, _ := attr(t, "id")
				note := p.foot[id]
				if n := len(para.Runs); n > 0 && para.Runs[n-1].Footnote == "" {
					para.Runs[n-1].Footnote = note
				} else {
					para.Runs = append(para.Runs, Run{Footnote: note})
				}
			}
			if err := p.skip(); err != nil {
				return err
			}
		}
	}
}

func (p *parser) runProps(end xml.Name, rp *runProps) error {
	return p.elements(end, func(t xml.StartElement) (bool, error) {
		if isW(t.Name) {
			switch t.Name.Local {
			case "b":
				rp.bold = onOff(t)
			case "i":
				rp.italic = onOff(t)
			}
		}
		return false, nil
	})
}

// chars reads the character data of a w:t.
func (p *parser) chars(end xml.Name) (string, error) {
	var b strings.Builder
	for {
		tok, err := p.next()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := p.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			if t.Name == end {
				return b.String(), nil
			}
		}
	}
}

func (p *parser) table(end xml.Name, doc *Document) (*Table, error) {
	tbl := &Table{}
	for {
		tok, err := p.next()
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return tbl, nil
			}
		case xml.StartElement:
			if !isW(t.Name) {
				if err := p.skip(); err != nil {
					return nil, err
				}
				continue
			}
			switch t.Name.Local {
			case "tr":
				row, err := p.row(t.Name, doc)
				if err != nil {
					return nil, err
				}
				tbl.Rows = append(tbl.Rows, row)
			case "sdt", "sdtContent", "customXml", "ins":
				// Rows wrapped in a content control: read them in place.
				inner, err := p.table(t.Name, doc)
				if err != nil {
					return nil, err
				}
				tbl.Rows = append(tbl.Rows, inner.Rows...)
			case "tblGrid":
				grid, err := p.tblGrid(t.Name)
				if err != nil {
					return nil, err
				}
				tbl.Grid = grid
			default:
				if err := p.skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

// tblGrid reads the grid column widths (w:gridCol w:w), at most
// maxSpan of them; a missing or unreadable width counts as 0.
func (p *parser) tblGrid(end xml.Name) ([]int, error) {
	var out []int
	err := p.elements(end, func(t xml.StartElement) (bool, error) {
		if isW(t.Name) && t.Name.Local == "gridCol" && len(out) < maxSpan {
			w := 0
			for _, a := range t.Attr {
				if a.Name.Local == "w" {
					if v, err := strconv.Atoi(a.Value); err == nil && v > 0 && v < 1<<24 {
						w = v
					}
				}
			}
			out = append(out, w)
		}
		return false, nil
	})
	return out, err
}

func (p *parser) row(end xml.Name, doc *Document) (Row, error) {
	var row Row
	for {
		tok, err := p.next()
		if err != nil {
			return row, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return row, nil
			}
		case xml.StartElement:
			if !isW(t.Name) {
				if err := p.skip(); err != nil {
					return row, err
				}
				continue
			}
			switch t.Name.Local {
			case "trPr":
				if err := p.rowProps(t.Name, &row); err != nil {
					return row, err
				}
			case "tc":
				c, err := p.cell(t.Name, doc)
				if err != nil {
					return row, err
				}
				row.Cells = append(row.Cells, c)
			case "sdt", "sdtContent", "customXml":
				inner, err := p.row(t.Name, doc)
				if err != nil {
					return row, err
				}
				row.Cells = append(row.Cells, inner.Cells...)
			default:
				if err := p.skip(); err != nil {
					return row, err
				}
			}
		}
	}
}

func (p *parser) cell(end xml.Name, doc *Document) (Cell, error) {
	c := Cell{Span: 1}
	for {
		tok, err := p.next()
		if err != nil {
			return c, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name == end {
				return c, nil
			}
		case xml.StartElement:
			if !isW(t.Name) {
				if err := p.skip(); err != nil {
					return c, err
				}
				continue
			}
			switch t.Name.Local {
			case "tcPr":
				if err := p.cellProps(t.Name, &c); err != nil {
					return c, err
				}
			case "p":
				para, err := p.paragraph(t.Name)
				if err != nil {
					return c, err
				}
				c.Blocks = append(c.Blocks, Block{Para: para})
			case "tbl":
				tbl, err := p.table(t.Name, doc)
				if err != nil {
					return c, err
				}
				c.Blocks = append(c.Blocks, Block{Table: tbl})
			case "sdt", "sdtContent", "customXml":
				bs, err := p.blocks(t.Name, doc)
				if err != nil {
					return c, err
				}
				c.Blocks = append(c.Blocks, bs...)
			default:
				if err := p.skip(); err != nil {
					return c, err
				}
			}
		}
	}
}

func (p *parser) rowProps(end xml.Name, row *Row) error {
	return p.elements(end, func(t xml.StartElement) (bool, error) {
		if isW(t.Name) && t.Name.Local == "tblHeader" {
			row.Header = onOff(t)
		}
		return false, nil
	})
}

// nsMC is the markup-compatibility namespace of mc:AlternateContent, which
// wraps a DrawingML text box (mc:Choice) and its VML copy (mc:Fallback).
const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// textBoxes walks a drawing (w:drawing, w:pict or mc:AlternateContent)
// until end and reads the paragraphs of every w:txbxContent in it. Of an
// mc:AlternateContent only the first branch that holds a text box is read,
// so a box saved twice (DrawingML and VML) comes out once.
func (p *parser) textBoxes(end xml.Name, para *Paragraph) error {
	alt := end.Space == nsMC && end.Local == "AlternateContent"
	found := false
	depth := p.depth
	for {
		tok, err := p.next()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if p.depth < depth {
				return nil
			}
		case xml.StartElement:
			switch {
			case isW(t.Name) && t.Name.Local == "txbxContent":
				bs, err := p.blocks(t.Name, nil)
				if err != nil {
					return err
				}
				para.TextBoxes = append(para.TextBoxes, bs...)
			case alt && t.Name.Space == nsMC && (t.Name.Local == "Choice" || t.Name.Local == "Fallback"):
				if found {
					if err := p.skip(); err != nil {
						return err
					}
					continue
				}
				before := len(para.TextBoxes)
				if err := p.textBoxes(t.Name, para); err != nil {
					return err
				}
				found = len(para.TextBoxes) > before
			case t.Name.Space == nsMC && t.Name.Local == "AlternateContent":
				if err := p.textBoxes(t.Name, para); err != nil {
					return err
				}
			}
		}
	}
}

// maxSpan bounds gridSpan: a hostile value must not make the caller build
// a million empty columns.
const maxSpan = 256

func (p *parser) cellProps(end xml.Name, c *Cell) error {
	return p.elements(end, func(t xml.StartElement) (bool, error) {
		if !isW(t.Name) {
			return false, nil
		}
		switch t.Name.Local {
		case "gridSpan":
			v, _ := attr(t, "val")
			if n, err := strconv.Atoi(v); err == nil && n > 1 {
				c.Span = min(n, maxSpan)
			}
		case "vMerge":
			// No val means "continue" (ECMA-376 §17.4.85).
			if v, _ := attr(t, "val"); v == "restart" {
				c.Merge = MergeRestart
			} else {
				c.Merge = MergeContinue
			}
		}
		return false, nil
	})
}

func mergeRuns(rs []Run) []Run {
	var out []Run
	for _, r := range rs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Footnote == "" && last.Bold == r.Bold && last.Italic == r.Italic {
				last.Text += r.Text
				last.Footnote = r.Footnote
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// parseFootnotes maps footnote IDs to their text; the separator notes Word
// writes (types separator, continuationSeparator) are left out.
func parseFootnotes(data []byte, b *bounds) (map[string]string, error) {
	p := newParser(data, nil, b)
	out := map[string]string{}
	for {
		tok, err := p.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) || se.Name.Local != "footnote" {
			continue
		}
		id, _ := attr(se, "id")
		typ, _ := attr(se, "type")
		bs, err := p.blocks(se.Name, nil)
		if err != nil {
			return nil, err
		}
		if typ != "" && typ != "normal" {
			continue
		}
		var parts []string
		for _, b := range bs {
			if b.Para != nil {
				if t := strings.TrimSpace(b.Para.Text()); t != "" {
					parts = append(parts, t)
				}
			}
		}
		out[id] = strings.Join(parts, " ")
	}
}

// symbols maps the characters offices insert from Word's symbol fonts
// (w:sym: Insert > Symbol, a font's code point at U+F0xx) to a character
// vanban's fonts print, by font and low byte: a ticked box and an empty
// one ("☑ Có / ☐ Không" in an appraisal table), ticks, crosses, bullets
// and arrows. The ticked ballot boxes become a black square and the empty
// boxes a white one, as forms printed without a symbol font mark them;
// vanban's fonts have neither ☑ nor ✓.
var symbols = map[string]map[byte]rune{
	"wingdings": {
		0xFE: '■', 0xFD: '■', 0x78: '■', 0x6E: '■', // ☑ ☒ ⌧ ■
		0x6F: '□', 0x70: '□', 0x71: '□', 0x72: '□', 0xA8: '□', // □ ◻ ❑ ❒
		0xFC: '√', 0xFB: '×', // ✓ ✗
		0x9F: '•', 0xA7: '▪', 0x6C: '●', 0xA1: '○',
		0x75: '♦', 0x76: '♦', 0x77: '♦',
		0xD8: '►', 0xE0: '→', 0xE8: '→', 0xF0: '→',
	},
	"wingdings 2": {
		0x52: '■', 0x53: '■', 0x54: '■', 0x51: '■', // ☑ ☒
		0xA3: '□', 0x2A: '□', 0x50: '√', 0x4F: '×',
	},
	"symbol": {
		0xB7: '•', 0xAE: '→', 0xDE: '→', 0xB4: '×', 0x2D: '-', 0xD6: '√', 0xB0: '°', 0xB1: '±',
	},
}

// symbolRune is the character of a w:sym: its printable equivalent when
// symbols knows it; else, for a symbol font, a private-use character
// (U+F0xx, as Word stores it) that the importer reports and leaves out,
// so it is never lost silently; a plain font's code point as it is.
func symbolRune(font, char string) rune {
	n, err := strconv.ParseUint(char, 16, 32)
	if err != nil || n > unicode.MaxRune {
		return 0xF000
	}
	f := strings.ToLower(strings.TrimSpace(font))
	if table, ok := symbols[f]; ok || isSymbolFont(f) {
		// Word writes a symbol font's character at F000 + its byte;
		// older files at the byte itself.
		if n <= 0xFF || (n >= 0xF000 && n <= 0xF0FF) {
			if r, ok := table[byte(n)]; ok {
				return r
			}
			return rune(0xF000 + n&0xFF)
		}
	}
	return rune(n)
}

// isSymbolFont: a font whose characters are pictures, not letters.
func isSymbolFont(f string) bool {
	return strings.HasPrefix(f, "wingdings") || strings.HasPrefix(f, "webdings") || f == "symbol" || strings.Contains(f, "dingbat")
}
