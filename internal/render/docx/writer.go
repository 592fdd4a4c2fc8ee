package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"strings"
	"time"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/render/layout"
	"github.com/vanban/vanban/templates"
)

// Writer renders composed documents to DOCX. It is safe for concurrent use:
// everything it builds in New is read-only afterwards.
type Writer struct {
	t *template
	m *layout.Fonts
}

var _ render.Renderer = (*Writer)(nil)

// New reads the base template from tmpl (the unpacked parts under
// templates.Base, normally templates.FS) and the Liberation Serif faces
// from fonts (normally fonts.FS), checks both, and zips the template once
// so that each Render only builds the body.
func New(tmpl fs.FS, fonts fs.FS) (*Writer, error) {
	if tmpl == nil || fonts == nil {
		return nil, errors.New("docx: new: template and fonts file systems are required")
	}
	m, err := layout.LoadFonts(fonts)
	if err != nil {
		return nil, fmt.Errorf("docx: new: %w", err)
	}
	return NewWithFonts(tmpl, m)
}

// NewWithFonts is New with fonts already loaded (layout.LoadFonts), so that
// a process running both writers parses the faces once.
func NewWithFonts(tmpl fs.FS, m *layout.Fonts) (*Writer, error) {
	if tmpl == nil || m == nil {
		return nil, errors.New("docx: new: template and fonts are required")
	}
	t, err := loadTemplate(tmpl, templates.Base)
	if err != nil {
		return nil, err
	}
	if err := checkPage(t.page); err != nil {
		return nil, err
	}
	return &Writer{t: t, m: m}, nil
}

// Render writes d as a DOCX to w. It builds the whole file in memory,
// reopens it to check that it is a zip whose document part is well-formed
// XML with no placeholder left, and writes nothing to w unless that holds.
//
// The library (github.com/nguyenthenguyen/docx) substitutes the body into
// word/document.xml and writes the package. It cannot touch other parts, so
// the footnotes part and the core properties are filled in afterwards by
// copying its zip entry by entry (the untouched entries are copied still
// compressed, not re-encoded) and replacing those two.
func (wr *Writer) Render(ctx context.Context, w io.Writer, d *compose.Document) (*render.Result, error) {
	if d == nil {
		return nil, errors.New("docx: render: nil document")
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("docx: render: %w", err)
	}
	g := newGen(wr, d)
	defer g.release()
	if err := g.document(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("docx: render: %w", err)
	}

	lib := wr.t.lib.Editable()
	// The closing section properties first: the body may hold a copy of
	// the template's w:sectPr (the main section's, when appendices follow),
	// and the replacement must hit the template's own.
	lib.ReplaceRaw(wr.t.sectXML, g.lastSect, 1)
	lib.ReplaceRaw(phBody, string(g.x.b), 1)
	content := []byte(lib.GetContent())
	if bytes.Contains(content, []byte(placeholderPrefix)) {
		return nil, errors.New("docx: render: a placeholder is left in word/document.xml")
	}
	// The finished body is checked here, uncompressed; verify then proves
	// that the package's entry holds exactly these bytes.
	if err := checkXML(content); err != nil {
		return nil, fmt.Errorf("docx: render: %s: %w", partDocument, err)
	}
	raw := bytes.NewBuffer(make([]byte, 0, 16<<10+len(g.x.b)/4))
	if err := lib.Write(raw); err != nil {
		return nil, fmt.Errorf("docx: render: write: %w", err)
	}

	notes, err := g.footnotes()
	if err != nil {
		return nil, err
	}
	core := wr.coreXML(&d.Meta)
	if strings.Contains(notes, placeholderPrefix) || strings.Contains(core, placeholderPrefix) {
		return nil, errors.New("docx: render: a placeholder is left in the footnotes or core properties")
	}
	filled := map[string]string{partFootnotes: notes, partCore: core}
	for name, text := range wr.t.marked {
		filled[name] = strings.Replace(text, phMark, markPara(d.Mark), 1)
	}
	if st := g.geo.Styles; !maps.Equal(st, compose.Styles) {
		// An office profile: its own styles part.
		if filled[partStyles], err = restyle(wr.t.styles, st); err != nil {
			return nil, err
		}
	}
	out, err := wr.t.assemble(raw.Bytes(), filled)
	if err != nil {
		return nil, err
	}
	if err := verify(out, wr.t.order, content); err != nil {
		return nil, err
	}
	if _, err := w.Write(out); err != nil {
		return nil, fmt.Errorf("docx: render: %w", err)
	}
	return &render.Result{Notes: g.layout}, nil
}

// assemble writes the package in the template's part order: the parts the
// library wrote are copied from its zip still compressed, the fixed parts
// from their precompressed copies, and the filled parts compressed now.
func (t *template) assemble(lib []byte, filled map[string]string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(lib), int64(len(lib)))
	if err != nil {
		return nil, fmt.Errorf("docx: assemble: the library wrote no valid zip: %w", err)
	}
	out := bytes.NewBuffer(make([]byte, 0, len(lib)+16<<10))
	zw := zip.NewWriter(out)
	raw := func(h zip.FileHeader, data []byte) error {
		fw, err := zw.CreateRaw(&h)
		if err == nil {
			_, err = fw.Write(data)
		}
		if err != nil {
			return fmt.Errorf("docx: assemble: %s: %w", h.Name, err)
		}
		return nil
	}
	for _, name := range t.order {
		if p, ok := t.fixed[name]; ok && filled[name] == "" {
			if err := raw(p.header, p.data); err != nil {
				return nil, err
			}
			continue
		}
		if text, ok := filled[name]; ok {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
			if err == nil {
				_, err = io.WriteString(fw, text)
			}
			if err != nil {
				return nil, fmt.Errorf("docx: assemble: %s: %w", name, err)
			}
			continue
		}
		f := zipFile(zr.File, name)
		if f == nil {
			return nil, fmt.Errorf("docx: assemble: the library dropped %s", name)
		}
		off, err := f.DataOffset()
		if err != nil || off < 0 || uint64(off)+f.CompressedSize64 > uint64(len(lib)) {
			return nil, fmt.Errorf("docx: assemble: %s: bad entry", name)
		}
		if err := raw(f.FileHeader, lib[off:uint64(off)+f.CompressedSize64]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: assemble: %w", err)
	}
	return out.Bytes(), nil
}

// verify reopens the finished package: it must be a zip holding every
// part of the template, and its word/document.xml entry must have the
// length and checksum of the checked content, so nothing the library or
// the assembly did can have altered it unnoticed.
func verify(data []byte, parts []string, content []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("docx: verify: not a zip: %w", err)
	}
	if len(zr.File) != len(parts) {
		return fmt.Errorf("docx: verify: %d parts, want %d", len(zr.File), len(parts))
	}
	for _, name := range parts {
		if zipFile(zr.File, name) == nil {
			return fmt.Errorf("docx: verify: no %s", name)
		}
	}
	f := zipFile(zr.File, partDocument)
	if f.UncompressedSize64 != uint64(len(content)) || f.CRC32 != crc32.ChecksumIEEE(content) {
		return fmt.Errorf("docx: verify: %s does not hold the checked content", partDocument)
	}
	return nil
}

// coreXML fills the core properties from the document's metadata. The
// dates are the document's own date, never the clock, so the same input
// gives the same file.
func (wr *Writer) coreXML(m *compose.Meta) string {
	esc := func(s string) string {
		var x xbuf
		x.text(s)
		return string(x.b)
	}
	date := m.Date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	vals := map[string]string{
		phTitle:    esc(m.Title),
		phSubject:  esc(m.Subject),
		phAuthor:   esc(m.Author),
		phKeywords: esc(m.Keywords),
		phDate:     date.UTC().Format("2006-01-02T15:04:05Z"),
	}
	// Every placeholder is an XML comment, so scanning for "<!--VB:" finds
	// them all in one pass.
	core := wr.t.core
	var b strings.Builder
	b.Grow(len(core) + 512)
	for {
		i := strings.Index(core, placeholderPrefix)
		if i < 0 {
			b.WriteString(core)
			break
		}
		b.WriteString(core[:i])
		j := strings.Index(core[i:], "-->")
		if j < 0 {
			b.WriteString(core[i:])
			break
		}
		ph := core[i : i+j+3]
		v, ok := vals[ph]
		if !ok {
			v = ph // left in place; Render refuses the result
		}
		b.WriteString(v)
		core = core[i+j+3:]
	}
	return b.String()
}

// checkPage refuses a template whose page differs from layout.PageOf: the
// PDF writer lays out on that page, and a DOCX on another would paginate
// differently.
func checkPage(p pageSetup) error {
	want := layout.PageOf(compose.Page, false)
	got := layout.Page{W: p.W, H: p.H, Top: p.Top, Bottom: p.Bottom, Left: p.Left + p.Gutter, Right: p.Right, Header: p.Header}
	if got != want {
		return fmt.Errorf("docx: new: the template's page %+v is not compose.Page %+v (twips)", got, want)
	}
	return nil
}

// markPara is the first-page header's paragraph: empty, or the draft mark
// in bold, boxed, at the right, on the page number's line (the PDF writer
// draws the same, see drawMark there).
func markPara(mark string) string {
	var x xbuf
	x.s(`<w:p><w:pPr><w:pStyle w:val="`)
	x.s(string(compose.StylePageNumber))
	x.s(`"/>`)
	if mark == "" {
		x.s(`</w:pPr></w:p>`)
		return string(x.b)
	}
	x.s(`<w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/><w:bdr w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:sz w:val="`)
	x.int(2 * compose.MarkSize)
	x.s(`"/><w:szCs w:val="`)
	x.int(2 * compose.MarkSize)
	x.s(`"/></w:rPr><w:t xml:space="preserve"> `)
	x.text(mark)
	x.s(` </w:t></w:r></w:p>`)
	return string(x.b)
}
