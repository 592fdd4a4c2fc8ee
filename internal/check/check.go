package check

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/internal/validate"
)

// File reviews one .docx or PDF, told apart by its content (the name is
// only reported).
func File(ctx context.Context, name string, data []byte) (*Report, error) {
	var d *doc
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		d, err = readPDF(ctx, data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		d, err = readDOCX(data)
	default:
		return nil, fmt.Errorf("check %s: neither a .docx nor a PDF: %w", filepath.Base(name), ErrUnreadable)
	}
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", filepath.Base(name), err)
	}
	rep := &Report{File: filepath.Base(name), Format: d.format, Pages: d.pages, Findings: review(d), Content: content(ctx, name, data)}
	rep.sort()
	return rep, nil
}

func review(d *doc) []Finding {
	r := &reviewer{d: d}
	for _, rule := range layoutRules {
		rule(r)
	}
	for _, rule := range textRules {
		rule(r)
	}
	if r.out == nil {
		r.out = []Finding{}
	}
	return r.out
}

// content runs validate's rules on the document the importer reads from
// the same bytes.
func content(ctx context.Context, name string, data []byte) []Finding {
	out := []Finding{}
	d, _, err := importer.ImportContext(ctx, bytes.NewReader(data), int64(len(data)), name, importer.Limits{})
	if err != nil {
		return append(out, Finding{Rule: "content.import", Element: "document", Have: err.Error(), Want: "a document vanban can read", Ref: "vanban import", Severity: Cosmetic})
	}
	for _, f := range validate.Validate(d, validate.Options{Draft: true}) {
		sev := Cosmetic
		switch f.Severity {
		case document.Error:
			sev = Fix
		case document.Warning:
		default:
			continue
		}
		out = append(out, Finding{Rule: f.Code, Element: f.Path, Have: f.VI, Want: f.EN, Ref: f.Rule, Severity: sev})
	}
	return out
}
