package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/render/layout"
)

const family = "LiberationSerif"

// Writer renders composed documents as PDF. It is safe for concurrent use:
// everything it holds is read-only after New, but for the paged fonts,
// each built once (paged.go).
type Writer struct {
	fonts *layout.Fonts // metrics and font files, shared with the DOCX writer

	// codes numbers the repertoire as single-byte pages, and
	// pagedFonts holds each face cut to each page, by face and page, each
	// built on first use (paged.go).
	codes      *codePages
	pagedFonts [4][]pagedFont
}

// repertoireRanges bound what the code pages hold (paged.go): Latin with
// Vietnamese letters, combining marks, general punctuation, currency,
// letterlike symbols, arrows and mathematical operators, as far as all
// four faces have them.
var repertoireRanges = [][2]rune{
	{0x20, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
	{0x20A0, 0x20CF}, {0x2100, 0x215F}, {0x2190, 0x21FF}, {0x2200, 0x22FF},
}

var _ render.Renderer = (*Writer)(nil)

// New reads and parses the four Liberation Serif faces from fsys (file
// names fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic).
func New(fsys fs.FS) (*Writer, error) {
	fo, err := layout.LoadFonts(fsys)
	if err != nil {
		return nil, fmt.Errorf("pdf: new: %w", err)
	}
	return NewWithFonts(fo)
}

// NewWithFonts is New with fonts already loaded (layout.LoadFonts), so that
// a process running both writers parses the faces once.
func NewWithFonts(fo *layout.Fonts) (*Writer, error) {
	if fo == nil {
		return nil, errors.New("pdf: new: no fonts")
	}
	w := &Writer{fonts: fo, codes: newCodePages(fo)}
	for i := range w.pagedFonts {
		w.pagedFonts[i] = make([]pagedFont, len(w.codes.pages))
	}
	return w, nil
}

// Prepare loads (or cuts) every paged font now instead of on first use,
// so that a service's first request is as fast as the rest.
func (w *Writer) Prepare() error {
	for fi := range layout.FaceIndex(4) {
		for p := range w.codes.pages {
			if _, err := w.paged(fi, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// fullFaces returns the four whole font files, for a document with a
// character outside the code pages.
func (w *Writer) fullFaces() ([4][]byte, error) {
	var full [4][]byte
	for i := range full {
		data, err := w.fonts.Data(layout.FaceIndex(i))
		if err != nil {
			return full, fmt.Errorf("pdf: %w", err)
		}
		full[i] = data
	}
	return full, nil
}

// HasGlyph reports whether all four faces can draw r. Validation uses it to
// report characters the PDF could only show as boxes.
func (w *Writer) HasGlyph(r rune) bool {
	return w.fonts.Has(r)
}

// MissingGlyphError names a character of the document that the font
// cannot draw.
type MissingGlyphError struct {
	Rune rune
	Text string // the text it was found in
}

func (e *MissingGlyphError) Error() string {
	return fmt.Sprintf("pdf: character %q (U+%04X) in %q has no glyph in the font", e.Rune, e.Rune, e.Text)
}

// Render lays out d and writes the PDF to out. Nothing is written when it
// fails.
func (w *Writer) Render(ctx context.Context, out io.Writer, d *compose.Document) (*render.Result, error) {
	if d == nil {
		return nil, fmt.Errorf("pdf: render: nil document")
	}
	if err := w.checkGlyphs(d); err != nil {
		return nil, err
	}
	// Paged single-byte fonts when every character has a code page, the
	// UTF-8 path with the full faces otherwise (paged.go).
	var faces [4][]byte
	paged := w.fits(d)
	if !paged {
		var err error
		if faces, err = w.fullFaces(); err != nil {
			return nil, err
		}
	}
	doc := w.newFpdf(d.Meta, faces)
	r := &renderer{ctx: ctx, w: w, pdf: doc, d: d, geo: d.Geo(), notes: map[int]string{}, paged: paged}
	for _, fn := range d.Footnotes {
		r.notes[fn.ID] = fn.Text
	}
	for i := range d.Sections {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("pdf: render: %w", err)
		}
		if err := r.section(i, &d.Sections[i]); err != nil {
			return nil, fmt.Errorf("pdf: render: %w", err)
		}
	}
	if r.pageCount == 0 { // an empty document is still one blank page
		doc.AddPage()
		r.pageCount = 1
	}
	if r.fontErr != nil {
		return nil, r.fontErr
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: output: %w", err)
	}
	if _, err := out.Write(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("pdf: write: %w", err)
	}
	return &render.Result{Pages: r.pageCount, Signature: r.signature, Notes: r.layout}, nil
}

// newFpdf starts a document with the four faces and deterministic metadata.
func (w *Writer) newFpdf(m compose.Meta, faces [4][]byte) *fpdf.Fpdf {
	doc := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           pageSize(),
	})
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	doc.SetCatalogSort(true)
	// Page streams go out uncompressed. fpdf v0.9.0 makes a new zlib
	// writer (about 650 KB, zeroed) for every page, which was half of what
	// a render cost once the fonts were paged: a ten-page plan takes 4.5 ms
	// instead of 10.5 ms, for a file of 280 KB instead of 175 KB. The fonts
	// inside stay compressed (paged.go).
	doc.SetCompression(false)
	doc.SetLang("vi-VN")
	doc.SetCreationDate(m.Date)
	doc.SetModificationDate(m.Date)
	doc.SetTitle(m.Title, true)
	doc.SetAuthor(m.Author, true)
	doc.SetSubject(m.Subject, true)
	doc.SetKeywords(m.Keywords, true)
	doc.SetCreator(m.Creator, true)
	doc.SetProducer("vanban (fpdf)", true)
	for i, data := range faces {
		if data != nil {
			doc.AddUTF8FontFromBytes(family, fpdfStyle[i], data)
		}
	}
	doc.SetDrawColor(0, 0, 0)
	doc.SetTextColor(0, 0, 0)
	return doc
}

// checkGlyphs fails on the first character no face can draw, so a PDF
// never shows a box or "?" in its place.
func (w *Writer) checkGlyphs(d *compose.Document) error {
	check := func(s string) error {
		for _, r := range s {
			if r == '\t' || r == '\n' || r == '\r' {
				continue
			}
			if r == utf8.RuneError || !w.HasGlyph(r) {
				return &MissingGlyphError{Rune: r, Text: s}
			}
		}
		return nil
	}
	var err error
	visitText(d, func(s string) bool {
		err = check(s)
		return err == nil
	})
	return err
}

// fits reports whether every character of d has a code page.
func (w *Writer) fits(d *compose.Document) bool {
	ok := true
	visitText(d, func(s string) bool {
		for _, r := range s {
			if _, _, in := w.codes.lookup(r); !in && r != '\t' && r != '\n' && r != '\r' {
				ok = false
				return false
			}
		}
		return true
	})
	return ok
}

// visitText calls fn on every string the document prints until fn returns
// false.
func visitText(d *compose.Document, fn func(string) bool) {
	paras := func(ps []compose.Para) bool {
		for _, p := range ps {
			if !fn(p.Label) {
				return false
			}
			for _, r := range p.Runs {
				if !fn(r.Text) {
					return false
				}
			}
		}
		return true
	}
	cells := func(rows [][]compose.Cell) bool {
		for _, row := range rows {
			for _, c := range row {
				for _, r := range c.Runs {
					if !fn(r.Text) {
						return false
					}
				}
			}
		}
		return true
	}
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			ok := true
			switch {
			case b.Header != nil:
				h := b.Header
				ok = paras(h.Agency) && paras(h.Nation) && paras([]compose.Para{h.Number, h.PlaceDate}) && paras(h.Subject)
			case b.Para != nil:
				ok = paras([]compose.Para{*b.Para})
			case b.Addressees != nil:
				ok = fn(b.Addressees.Lead)
				for i := range b.Addressees.Lines {
					ok = ok && fn(b.Addressees.LineText(i))
				}
			case b.Table != nil:
				ok = cells(b.Table.Header) && cells(b.Table.Rows)
			case b.Closing != nil:
				ok = paras(b.Closing.Recipients) && paras(b.Closing.Signer)
			}
			if !ok {
				return
			}
		}
	}
	for _, f := range d.Footnotes {
		if !fn(f.Text) {
			return
		}
	}
}

// pageSize is A4 portrait in points, rounded to twips as in the DOCX.
func pageSize() fpdf.SizeType {
	p := layout.PageOf(compose.Page, false)
	return fpdf.SizeType{Wd: layout.Pt(p.W), Ht: layout.Pt(p.H)}
}
