package render

import (
	"context"
	"io"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// Renderer writes one composed document to w. Implementations must not
// write anything to w when they fail part way: they render into memory,
// check the result, and copy it out only when it is whole.
type Renderer interface {
	Render(ctx context.Context, w io.Writer, d *compose.Document) (*Result, error)
}

// Result describes what was written.
type Result struct {
	// Pages is the page count when the writer knows it (the PDF writer
	// does; a DOCX is paginated by the word processor that opens it).
	Pages int
	// Signature is where the signer block was drawn, for digital-signing
	// tools; nil when unknown.
	Signature *Area
	// Notes are info findings about how the document was laid out (a
	// table header printed once: layout.HeaderOnce); both writers return
	// the same ones.
	Notes document.Findings
}

// Area is a rectangle on a page, in PDF points with the origin at the
// page's bottom-left corner (PDF user space), page numbers from 1.
type Area struct {
	Page int     `json:"page"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"width"`
	H    float64 `json:"height"`
}
