package rollover

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/vanban/vanban/internal/document"
)

// Marshal writes a document as indented JSON without HTML escaping, the
// form a clerk edits by hand.
func Marshal(d *document.Document) ([]byte, error) { return marshal(d) }

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteJSON writes the report as indented JSON.
func (rep *Report) WriteJSON(w io.Writer) error {
	data, err := marshal(rep)
	if err != nil {
		return fmt.Errorf("rollover: report: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("rollover: report: %w", err)
	}
	return nil
}

// WriteText writes the report for a person: a summary line, every edit,
// then every place to review, each with its JSON Pointer.
func (rep *Report) WriteText(w io.Writer) error {
	var b bytes.Buffer
	warnings := 0
	for _, r := range rep.ToReview {
		if r.Warning {
			warnings++
		}
	}
	fmt.Fprintf(&b, "rollover %d → %d: %d edit(s), %d to review (%d warning(s))\n",
		rep.FromYear, rep.ToYear, len(rep.Edits), len(rep.ToReview), warnings)
	if len(rep.Edits) > 0 {
		b.WriteString("\nedits:\n")
		for _, e := range rep.Edits {
			fmt.Fprintf(&b, "  %s\n    %q → %q\n    [%s] %s\n", pathOrRoot(e.Path), e.Before, e.After, e.Code, e.Reason)
		}
	}
	if len(rep.ToReview) > 0 {
		b.WriteString("\nto review:\n")
		for _, r := range rep.ToReview {
			mark := ""
			if r.Warning {
				mark = "warning: "
			}
			fmt.Fprintf(&b, "  %s\n    %q\n    [%s] %s%s\n", pathOrRoot(r.Path), r.Text, r.Code, mark, r.Reason)
		}
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("rollover: report: %w", err)
	}
	return nil
}

func pathOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}
