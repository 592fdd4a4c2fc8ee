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
	"sync"

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

// Engine holds what is expensive to build once: the parsed fonts, the PDF
// writer and, on first use, the parsed DOCX template. It is safe for
// concurrent use.
type Engine struct {
	limits    document.Limits
	templates fs.FS
	fonts     *layout.Fonts
	pdf       *pdf.Writer

	// The DOCX writer is built on the first DOCX render (or Prepare), not
	// in New: parsing and zipping the template is a few milliseconds that a
	// one-shot `vanban render --format pdf` or `vanban validate` never
	// needs.
	docxOnce sync.Once
	docx     *docx.Writer
	docxErr  error

	// profile is the service's house style (VANBAN_PROFILE), used by a
	// document that names none of its own (options.profile).
	profile *document.Profile
}

// UseProfile makes p the house style of every document checked after it
// that has no options.profile of its own: an office running its own
// service prints in its own habit. p must pass ProfileFindings; nil
// returns to vanban's house style.
func (e *Engine) UseProfile(p *document.Profile) { e.profile = p }

// ProfileFindings are the errors of p as a document's options.profile
// (each value inside NĐ30's range), by the validator every document goes
// through, so a service profile is held to the same ranges.
func ProfileFindings(p *document.Profile) document.Findings {
	d := &document.Document{Options: document.Options{Profile: p}}
	var out document.Findings
	for _, f := range validate.Validate(d, validate.Options{Draft: true}) {
		if f.Severity == document.Error && strings.HasPrefix(f.Path, "/options/profile") {
			out = append(out, f)
		}
	}
	return out
}

// New builds an engine from the template and font file systems (the
// embedded ones in production; tests may inject others). It parses the
// fonts, which validation needs for its glyph check; the DOCX template is
// read on first use (Prepare reads it now).
func New(templates, fonts fs.FS, lim document.Limits) (*Engine, error) {
	if templates == nil {
		return nil, errors.New("engine: docx: no template file system")
	}
	// The fonts are parsed once and shared: both writers measure text with
	// the same advance widths, which is what keeps them paginating alike.
	fo, err := layout.LoadFonts(fonts)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	pw, err := pdf.NewWithFonts(fo)
	if err != nil {
		return nil, fmt.Errorf("engine: pdf: %w", err)
	}
	return &Engine{limits: lim, templates: templates, fonts: fo, pdf: pw}, nil
}

// Prepare builds now what the engine otherwise builds on first use for the
// formats (all of them when none is given): the DOCX template and the
// PDF writer's code-page fonts. A long-running service calls it at start, so
// that a broken asset fails the start rather than a request, and the first
// request is as fast as the rest.
func (e *Engine) Prepare(formats ...Format) error {
	if len(formats) == 0 {
		formats = Formats
	}
	for _, f := range formats {
		switch f {
		case DOCX:
			if _, err := e.docxWriter(); err != nil {
				return err
			}
		case PDF:
			if err := e.pdf.Prepare(); err != nil {
				return fmt.Errorf("engine: %w", err)
			}
		default:
			return fmt.Errorf("prepare %s: %w", f, ErrUnknownFormat)
		}
	}
	return nil
}

// docxWriter builds the DOCX writer once.
func (e *Engine) docxWriter() (*docx.Writer, error) {
	e.docxOnce.Do(func() {
		e.docx, e.docxErr = docx.NewWithFonts(e.templates, e.fonts)
		if e.docxErr != nil {
			e.docxErr = fmt.Errorf("engine: docx: %w", e.docxErr)
		}
	})
	return e.docx, e.docxErr
}

// renderer is the writer for f.
func (e *Engine) renderer(f Format) (render.Renderer, error) {
	switch f {
	case PDF:
		return e.pdf, nil
	case DOCX:
		return e.docxWriter()
	}
	return nil, ErrUnknownFormat
}

// Limits returns the decode limits in force.
func (e *Engine) Limits() document.Limits { return e.limits }

// Checked is a decoded, normalised and validated document.
type Checked struct {
	Doc      *document.Document
	Findings document.Findings
	Draft    bool
	// Tone is what normalisation did about tone marks; compose prints the
	// Quốc hiệu in its style.
	Tone document.ToneReport
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
	if d.Options.Profile == nil && e.profile != nil {
		p := *e.profile
		d.Options.Profile = &p
	}
	tone := document.NormalizeWith(d, document.ToneRules{Move: vntext.MoveTone, Count: vntext.DetectToneStyle})
	draft = draft || d.Draft
	fs := validate.Validate(d, validate.Options{Draft: draft, HasGlyph: e.pdf.HasGlyph, Tone: tone})
	return &Checked{Doc: d, Findings: fs, Draft: draft, Tone: tone}
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
	cd, err := compose.Compose(c.Doc, compose.Options{Draft: c.Draft, Tone: c.Tone.Style})
	if err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	return cd, nil
}

// Render writes a composed document in one format. Nothing is written to
// w unless the whole file was produced.
func (e *Engine) Render(ctx context.Context, cd *compose.Document, f Format, w io.Writer) (*render.Result, error) {
	r, err := e.renderer(f)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", f, err)
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
