package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/nguyenthenguyen/docx"
	"github.com/vanban/vanban/internal/compose"
)

// Placeholders in the template parts. They are XML comments: the template
// stays well-formed and openable as it is, and escaped user text can never
// produce "<!--", so a placeholder cannot be forged or matched by accident.
const (
	placeholderPrefix = "<!--VB:"
	phBody            = "<!--VB:BODY-->"
	phFootnotes       = "<!--VB:FOOTNOTES-->"
	phTitle           = "<!--VB:TITLE-->"
	phSubject         = "<!--VB:SUBJECT-->"
	phAuthor          = "<!--VB:AUTHOR-->"
	phKeywords        = "<!--VB:KEYWORDS-->"
	phDate            = "<!--VB:DATE-->"
	// phMark stands for the first-page header's paragraph, which carries
	// the draft mark when the document has one (compose.Document.Mark).
	phMark = "<!--VB:MARK-->"
)

// Part names the writer handles itself.
const (
	partDocument  = "word/document.xml"
	partFootnotes = "word/footnotes.xml"
	partCore      = "docProps/core.xml"
	partStyles    = "word/styles.xml"
)

// template is the base DOCX: the parts zipped once in memory and opened
// with the library, plus what the writer reads out of them.
type template struct {
	lib *docx.ReplaceDocx
	// order is the package's part order; fixed holds the parts no render
	// changes, compressed once here. The library only ever holds the parts
	// it edits (word/document.xml and its relationships), so a render
	// compresses the body and not the whole template again.
	order     []string
	fixed     map[string]rawPart
	sectXML   string // the template's closing w:sectPr, as it appears in document.xml
	page      pageSetup
	footnotes string // word/footnotes.xml text with phFootnotes
	styles    string // word/styles.xml text, restyled per document geometry
	core      string // docProps/core.xml text with the metadata placeholders
	// marked holds the parts with phMark (the first-page header), filled
	// on each render.
	marked map[string]string
}

// loadTemplate reads the unpacked parts under dir of fsys, compresses the
// fixed ones once, and opens the parts the library edits as a small .docx
// in memory (stored, not deflated: the library re-reads them on each
// render and compresses its output anyway).
func loadTemplate(fsys fs.FS, dir string) (*template, error) {
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("docx: template: %w", err)
	}
	parts := make(map[string]string, len(names))
	var order []string
	for _, p := range names {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("docx: template: %w", err)
		}
		name := strings.TrimPrefix(p, dir+"/")
		if err := wellFormed(data); err != nil {
			return nil, fmt.Errorf("docx: template: %s: %w", name, err)
		}
		parts[name] = minify(string(data))
		// [Content_Types].xml goes first, as Word writes it; the rest keep
		// WalkDir's lexical order so the zip is the same on every run.
		if name == "[Content_Types].xml" {
			order = append([]string{name}, order...)
		} else {
			order = append(order, name)
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", partDocument, "word/styles.xml",
		"word/_rels/document.xml.rels", partFootnotes, partCore} {
		if _, ok := parts[need]; !ok {
			return nil, fmt.Errorf("docx: template: missing part %s", need)
		}
	}
	t := &template{footnotes: parts[partFootnotes], core: parts[partCore]}
	if strings.Count(parts[partDocument], phBody) != 1 {
		return nil, fmt.Errorf("docx: template: %s needs exactly one %s", partDocument, phBody)
	}
	if strings.Count(t.footnotes, phFootnotes) != 1 {
		return nil, fmt.Errorf("docx: template: %s needs exactly one %s", partFootnotes, phFootnotes)
	}
	for _, ph := range []string{phTitle, phSubject, phAuthor, phKeywords, phDate} {
		if !strings.Contains(t.core, ph) {
			return nil, fmt.Errorf("docx: template: %s lacks %s", partCore, ph)
		}
	}
	if t.sectXML, t.page, err = parseSectPr(parts[partDocument]); err != nil {
		return nil, fmt.Errorf("docx: template: %s: %w", partDocument, err)
	}

	// The styles part carries the house geometry (compose.Styles) however
	// the file was last edited; a document with an office profile gets its
	// own copy at render time (Writer.Render).
	t.styles = parts[partStyles]
	if parts[partStyles], err = restyle(t.styles, compose.Styles); err != nil {
		return nil, fmt.Errorf("docx: template: %w", err)
	}

	t.order = order
	t.fixed = map[string]rawPart{}
	t.marked = map[string]string{}
	for _, name := range order {
		if libParts[name] || name == partFootnotes || name == partCore {
			continue
		}
		if strings.Contains(parts[name], phMark) {
			t.marked[name] = parts[name]
			continue
		}
		if t.fixed[name], err = compressPart(name, parts[name]); err != nil {
			return nil, fmt.Errorf("docx: template: %w", err)
		}
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, name := range order {
		if !libParts[name] {
			continue
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, fmt.Errorf("docx: template: zip: %w", err)
		}
		if _, err := io.WriteString(f, parts[name]); err != nil {
			return nil, fmt.Errorf("docx: template: zip: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: template: zip: %w", err)
	}
	data := zbuf.Bytes()
	t.lib, err = docx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("docx: template: open: %w", err)
	}
	return t, nil
}

// libParts are the parts the library is given: the one it edits and the
// relationships it insists on reading.
var libParts = map[string]bool{partDocument: true, "word/_rels/document.xml.rels": true}

// rawPart is a zip entry compressed ahead of time, written with CreateRaw.
type rawPart struct {
	header zip.FileHeader
	data   []byte
}

func compressPart(name, text string) (rawPart, error) {
	var b bytes.Buffer
	fw, err := flate.NewWriter(&b, flate.DefaultCompression)
	if err != nil {
		return rawPart{}, err
	}
	if _, err := io.WriteString(fw, text); err != nil {
		return rawPart{}, fmt.Errorf("%s: %w", name, err)
	}
	if err := fw.Close(); err != nil {
		return rawPart{}, fmt.Errorf("%s: %w", name, err)
	}
	return rawPart{
		header: zip.FileHeader{
			Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(text)),
			CompressedSize64: uint64(b.Len()), UncompressedSize64: uint64(len(text)),
		},
		data: b.Bytes(),
	}, nil
}

// minify drops what the repository keeps for reviewers but Word does not
// need: comments (placeholders excepted) and the indentation between tags.
// Whitespace inside an element marked xml:space="preserve" stays. The
// library recompresses word/document.xml on every render, so this is time
// saved on each document, and smaller parts for every reader.
func minify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "<!--") && !strings.HasPrefix(s[i:], placeholderPrefix) {
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				b.WriteString(s[i:])
				break
			}
			i += end + 3
			j := i
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if j < len(s) && s[j] == '<' {
				i = j
			}
			continue
		}
		if s[i] == '>' {
			b.WriteByte('>')
			j := i + 1
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			tagStart := strings.LastIndexByte(s[:i], '<')
			keep := tagStart >= 0 && strings.Contains(s[tagStart:i], `xml:space="preserve"`) && s[i-1] != '/'
			if j < len(s) && s[j] == '<' && !keep {
				i = j
				continue
			}
			i++
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// pageSetup is the template's page in twips, with the relationship ids of
// its two headers.
type pageSetup struct {
	W, H                     int
	Top, Right, Bottom, Left int
	Header, Footer, Gutter   int
	HeaderDefault            string // r:id of the header with the PAGE field
	HeaderFirst              string // r:id of the empty first-page header
}

// textWidth is the width between the margins, in twips.
func (p pageSetup) textWidth(landscape bool) int {
	w := p.W
	if landscape {
		w = p.H
	}
	return w - p.Left - p.Right - p.Gutter
}

type xmlSectPr struct {
	Headers []struct {
		Type string `xml:"type,attr"`
		ID   string `xml:"id,attr"`
	} `xml:"headerReference"`
	PgSz struct {
		W string `xml:"w,attr"`
		H string `xml:"h,attr"`
	} `xml:"pgSz"`
	PgMar struct {
		Top    string `xml:"top,attr"`
		Right  string `xml:"right,attr"`
		Bottom string `xml:"bottom,attr"`
		Left   string `xml:"left,attr"`
		Header string `xml:"header,attr"`
		Footer string `xml:"footer,attr"`
		Gutter string `xml:"gutter,attr"`
	} `xml:"pgMar"`
}

// parseSectPr finds the body's closing w:sectPr after the body placeholder
// and reads the page setup from it.
func parseSectPr(doc string) (string, pageSetup, error) {
	var p pageSetup
	at := strings.Index(doc, phBody)
	start := strings.Index(doc[at:], "<w:sectPr")
	end := strings.Index(doc[at:], "</w:sectPr>")
	if start < 0 || end < start {
		return "", p, errors.New("no w:sectPr after the body placeholder")
	}
	sect := doc[at+start : at+end+len("</w:sectPr>")]
	var s xmlSectPr
	// The fragment uses the w: and r: prefixes declared on w:document;
	// declare them again so the fragment parses alone.
	frag := `<x xmlns:w="w" xmlns:r="r">` + sect + `</x>`
	var wrap struct {
		S xmlSectPr `xml:"sectPr"`
	}
	if err := xml.Unmarshal([]byte(frag), &wrap); err != nil {
		return "", p, fmt.Errorf("w:sectPr: %w", err)
	}
	s = wrap.S
	for _, h := range s.Headers {
		switch h.Type {
		case "default":
			p.HeaderDefault = h.ID
		case "first":
			p.HeaderFirst = h.ID
		}
	}
	if p.HeaderDefault == "" || p.HeaderFirst == "" {
		return "", p, errors.New("w:sectPr needs a default and a first-page w:headerReference")
	}
	nums := []struct {
		dst *int
		v   string
		min int
		nm  string
	}{
		{&p.W, s.PgSz.W, 1, "pgSz w"}, {&p.H, s.PgSz.H, 1, "pgSz h"},
		{&p.Top, s.PgMar.Top, 0, "pgMar top"}, {&p.Right, s.PgMar.Right, 0, "pgMar right"},
		{&p.Bottom, s.PgMar.Bottom, 0, "pgMar bottom"}, {&p.Left, s.PgMar.Left, 0, "pgMar left"},
		{&p.Header, s.PgMar.Header, 0, "pgMar header"}, {&p.Footer, s.PgMar.Footer, 0, "pgMar footer"},
		{&p.Gutter, s.PgMar.Gutter, 0, "pgMar gutter"},
	}
	for _, n := range nums {
		if n.v == "" && n.nm == "pgMar gutter" {
			continue
		}
		v, err := strconv.Atoi(n.v)
		if err != nil || v < n.min {
			return "", p, fmt.Errorf("w:sectPr: %s = %q is not a twips value", n.nm, n.v)
		}
		*n.dst = v
	}
	if p.textWidth(false) < 1440 {
		return "", p, errors.New("w:sectPr: margins leave less than one inch of text width")
	}
	return sect, p, nil
}

// wellFormed reports whether data parses as XML from start to end.
func wellFormed(data []byte) error {
	// RawToken skips namespace resolution (the costly part) but does not
	// match end tags to start tags, so keep the stack here.
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []xml.Name
	roots := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				roots++
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != t.Name {
				return fmt.Errorf("unexpected end tag %s:%s", t.Name.Space, t.Name.Local)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 || roots != 1 {
		return errors.New("not one complete root element")
	}
	return nil
}

// zipFile returns the named file of a zip, or nil.
func zipFile(files []*zip.File, name string) *zip.File {
	for _, f := range files {
		if f.Name == name {
			return f
		}
	}
	return nil
}
