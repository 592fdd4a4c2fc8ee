package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
)

// Errors the caller maps to a response (HTTP: ErrLegacyDOC and
// ErrNoConverter → 415, ErrMalformed → 422, ErrTooLarge and ErrZipBomb →
// 413). Every error Import returns wraps exactly one of them.
var (
	// ErrLegacyDOC: a Word 97-2003 binary .doc (OLE2 compound file).
	ErrLegacyDOC = errors.New("legacy Word .doc (Word 97-2003) is not supported: open it in Word or LibreOffice and save it as .docx")
	// ErrTooLarge: the upload, the zip's entry count or its content is over
	// the limit.
	ErrTooLarge = docxread.ErrTooLarge
	// ErrZipBomb: a zip entry inflates beyond its declared size or the
	// uncompressed limit.
	ErrZipBomb = docxread.ErrZipBomb
	// ErrMalformed: not a readable .docx, PDF or text file.
	ErrMalformed = docxread.ErrMalformed
)

// Limits bound one import. Zero fields take DefaultLimits.
type Limits struct {
	MaxBytes        int64 // size of the uploaded file
	MaxEntries      int   // zip entries of a .docx
	MaxUncompressed int64 // total bytes inflated from a .docx
	MaxDepth        int   // XML nesting in a .docx
	MaxXML          int64 // XML parsed from a .docx (main part and footnotes)
	MaxParagraphs   int   // paragraphs of a .docx, or lines of a text file
	MaxRuns         int   // runs of a .docx
	MaxText         int64 // text of a .docx, in bytes
}

// DefaultLimits: a real plan is well under 1 MiB as .docx; 20 MiB leaves
// room for embedded pictures (which are never inflated).
var DefaultLimits = Limits{
	MaxBytes:        20 << 20,
	MaxEntries:      docxread.DefaultLimits.MaxEntries,
	MaxUncompressed: docxread.DefaultLimits.MaxUncompressed,
	MaxDepth:        docxread.DefaultLimits.MaxDepth,
	MaxXML:          docxread.DefaultLimits.MaxXML,
	MaxParagraphs:   docxread.DefaultLimits.MaxParagraphs,
	MaxRuns:         docxread.DefaultLimits.MaxRuns,
	MaxText:         docxread.DefaultLimits.MaxText,
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
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

// Format of an imported file.
const (
	FormatDOCX = "docx"
	FormatText = "text"
)

var (
	magicOLE2 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZip  = []byte("PK\x03\x04")
	magicRTF  = []byte(`{\rtf`)
	magicPDF  = []byte("%PDF-")
)

// Import reads a .docx, a PDF, a legacy .doc or a text file and recognises
// a document in it. name is used only to report and to break a tie (a
// ".docx" that is not a zip is malformed, not text); the format is decided
// by the content. The returned
// document is normalised (NFC, single spaces) and is a draft when its
// number, date or signer is blank; validate it before rendering.
func Import(r io.ReaderAt, size int64, name string, lim Limits) (*document.Document, *Report, error) {
	return ImportContext(context.Background(), r, size, name, lim)
}

// ImportContext is Import that stops, with ctx's error, once ctx is done:
// a service answers at its deadline and the work must end with it.
func ImportContext(ctx context.Context, r io.ReaderAt, size int64, name string, lim Limits) (*document.Document, *Report, error) {
	lim = lim.orDefault()
	if size > lim.MaxBytes {
		return nil, nil, fmt.Errorf("import: %d bytes, over the limit of %d: %w", size, lim.MaxBytes, ErrTooLarge)
	}
	if size < 0 {
		return nil, nil, fmt.Errorf("import: negative size: %w", ErrMalformed)
	}
	head := make([]byte, 8)
	n, err := r.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("import: read: %w", err)
	}
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(head, magicOLE2):
		return ImportDOC(ctx, r, size, lim)
	case bytes.HasPrefix(head, magicZip) || ext == ".docx":
		return importDOCX(ctx, r, size, lim)
	case bytes.HasPrefix(head, magicPDF):
		return ImportPDF(ctx, r, size, lim)
	case bytes.HasPrefix(head, magicRTF):
		return nil, nil, fmt.Errorf("import: RTF is not supported (save as .docx or copy the text): %w", ErrMalformed)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("import: read: %w", err)
	}
	return ImportText(data, lim)
}

// ImportDOCX reads a .docx.
func ImportDOCX(r io.ReaderAt, size int64, lim Limits) (*document.Document, *Report, error) {
	return importDOCX(context.Background(), r, size, lim)
}

func importDOCX(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*document.Document, *Report, error) {
	lim = lim.orDefault()
	if size > lim.MaxBytes {
		return nil, nil, fmt.Errorf("import: %d bytes, over the limit of %d: %w", size, lim.MaxBytes, ErrTooLarge)
	}
	dx, err := docxread.ReadContext(ctx, r, size, docxread.Limits{MaxEntries: lim.MaxEntries, MaxUncompressed: lim.MaxUncompressed,
		MaxDepth: lim.MaxDepth, MaxXML: lim.MaxXML, MaxParagraphs: lim.MaxParagraphs, MaxRuns: lim.MaxRuns, MaxText: lim.MaxText})
	if err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	rep := &Report{Format: FormatDOCX, Encoding: "utf-8", Dropped: []Drop{}}
	lines := docxLines(dx, rep)
	d := recognise(lines, rep, true)
	if err := sourceProfile(ctx, r, size, docxread.Limits{MaxEntries: lim.MaxEntries, MaxUncompressed: lim.MaxUncompressed, MaxDepth: lim.MaxDepth, MaxXML: lim.MaxXML, MaxParagraphs: lim.MaxParagraphs, MaxRuns: lim.MaxRuns, MaxText: lim.MaxText}, d, rep); err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	return d, rep, nil
}

// ImportText reads plain text (UTF-8, UTF-16 with a BOM, Windows-1252, or
// TCVN3/VNI mojibake).
func ImportText(data []byte, lim Limits) (*document.Document, *Report, error) {
	lim = lim.orDefault()
	if int64(len(data)) > lim.MaxBytes {
		return nil, nil, fmt.Errorf("import: %d bytes, over the limit of %d: %w", len(data), lim.MaxBytes, ErrTooLarge)
	}
	if bytes.HasPrefix(data, magicOLE2) {
		return nil, nil, fmt.Errorf("import: %w", ErrLegacyDOC)
	}
	if n := bytes.Count(data, []byte("\n")); n > lim.MaxParagraphs {
		return nil, nil, fmt.Errorf("import: %d lines, over the limit of %d: %w", n, lim.MaxParagraphs, ErrTooLarge)
	}
	if int64(len(data)) > lim.MaxText {
		return nil, nil, fmt.Errorf("import: %d bytes of text, over the limit of %d: %w", len(data), lim.MaxText, ErrTooLarge)
	}
	rep := &Report{Format: FormatText, Dropped: []Drop{}}
	s, err := decodeText(data, rep)
	if err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	lines := textLines(s, rep)
	d := recognise(lines, rep, false)
	return d, rep, nil
}
