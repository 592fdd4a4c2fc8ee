package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/render/docx"
	"github.com/vanban/vanban/internal/render/layout"
	"github.com/vanban/vanban/internal/render/pdf"
	"github.com/vanban/vanban/internal/validate"
	"github.com/vanban/vanban/internal/vntext"
)

// Format is an output format.
type Format string

const (
	DOCX Format = "docx"
	PDF  Format = "pdf"
)

// Formats lists the output formats in a stable order.
var Formats = []Format{DOCX, PDF}

// ContentType is the media type of the format.
func (f Format) ContentType() string {
	switch f {
	case DOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case PDF:
		return "application/pdf"
	}
	return "application/octet-stream"
}

// ParseFormats reads "docx,pdf" into formats, rejecting unknown names.
func ParseFormats(s string) ([]Format, error) {
	var out []Format
	for _, p := range strings.Split(s, ",") {
		f := Format(strings.ToLower(strings.TrimSpace(p)))
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("unknown format %q (want docx or pdf)", p)
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// Engine holds what is expensive to build once: the parsed DOCX template and
// the parsed fonts. It is safe for concurrent use.
type Engine struct {
	limits    document.Limits
	renderers map[Format]render.Renderer
	hasGlyph  func(rune) bool
}

// New builds an engine from the template and font file systems (the
// embedded ones in production; tests may inject others).
func New(templates, fonts fs.FS, lim document.Limits) (*Engine, error) {
	// The fonts are parsed once and shared: both writers measure text with
	// the same advance widths, which is what keeps them paginating alike.
	fo, err := layout.LoadFonts(fonts)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	dw, err := docx.NewWithFonts(templates, fo)
	if err != nil {
		return nil, fmt.Errorf("engine: docx: %w", err)
	}
	pw, err := pdf.NewWithFonts(fo)
	if err != nil {
		return nil, fmt.Errorf("engine: pdf: %w", err)
	}
	return &Engine{
		limits:    lim,
		renderers: map[Format]render.Renderer{DOCX: dw, PDF: pw},
		hasGlyph:  pw.HasGlyph,
	}, nil
}

// Limits returns the decode limits in force.
func (e *Engine) Limits() document.Limits { return e.limits }

// Checked is a decoded, normalised and validated document.
type Checked struct {
	Doc      *document.Document
	Findings document.Findings
	Draft    bool
}

// Valid reports whether the document has no errors.
func (c *Checked) Valid() bool { return !c.Findings.HasErrors() }

// Check decodes, normalises and validates. A structural problem returns a
// *document.DecodeError; rule findings are returned in Checked, never as
// an error.
func (e *Engine) Check(data []byte, draft bool) (*Checked, error) {
	d, err := document.DecodeBytes(data, e.limits)
	if err != nil {
		return nil, err
	}
	return e.CheckDocument(d, draft), nil
}

// CheckDocument normalises and validates an already decoded document (batch
// and rollover build documents in memory).
func (e *Engine) CheckDocument(d *document.Document, draft bool) *Checked {
	document.Normalize(d, toneNormalizer)
	draft = draft || d.Draft
	fs := validate.Validate(d, validate.Options{Draft: draft, HasGlyph: e.hasGlyph})
	return &Checked{Doc: d, Findings: fs, Draft: draft}
}

func toneNormalizer(s, style string) string {
	switch style {
	case "old":
		return vntext.NormalizeTone(s, vntext.ToneOld)
	case "new":
		return vntext.NormalizeTone(s, vntext.ToneNew)
	}
	return s
}

// InvalidError is returned by Render for a document with errors; it carries
// every finding so callers can show them all.
type InvalidError struct{ Findings document.Findings }

func (e *InvalidError) Error() string {
	errs := e.Findings.Errors()
	if len(errs) == 0 {
		return "document is invalid"
	}
	return fmt.Sprintf("document has %d error(s); first: %s", len(errs), errs[0])
}

// ErrUnknownFormat is returned for a format the engine cannot write.
var ErrUnknownFormat = errors.New("unknown format")

// Compose builds the printed pieces of a valid document.
func (e *Engine) Compose(c *Checked) (*compose.Document, error) {
	if !c.Valid() {
		return nil, &InvalidError{Findings: c.Findings}
	}
	cd, err := compose.Compose(c.Doc, compose.Options{Draft: c.Draft})
	if err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	return cd, nil
}

// Render writes a composed document in one format. Nothing is written to
// w unless the whole file was produced.
func (e *Engine) Render(ctx context.Context, cd *compose.Document, f Format, w io.Writer) (*render.Result, error) {
	r, ok := e.renderers[f]
	if !ok {
		return nil, fmt.Errorf("render %s: %w", f, ErrUnknownFormat)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("render %s: %w", f, err)
	}
	var buf bytes.Buffer
	res, err := r.Render(ctx, &buf, cd)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", f, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("render %s: write: %w", f, err)
	}
	return res, nil
}

// RenderChecked composes and renders in one step.
func (e *Engine) RenderChecked(ctx context.Context, c *Checked, f Format, w io.Writer) (*render.Result, error) {
	cd, err := e.Compose(c)
	if err != nil {
		return nil, err
	}
	return e.Render(ctx, cd, f, w)
}
