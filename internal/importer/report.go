package importer

import (
	"fmt"
	"io"
)

// Report says what the importer recognised and what it had to guess, so
// that a clerk knows which parts of the imported document to check.
type Report struct {
	// Format is "docx", "text", "pdf" or "doc" (converted to .docx).
	Format string `json:"format"`
	// Encoding the text was read in: "utf-8", "utf-16", "windows-1252",
	// and "+tcvn3" or "+vni" when legacy Vietnamese was converted.
	Encoding string `json:"encoding"`
	// Recognised parts, in document order.
	Recognised []Note `json:"recognised"`
	// Guessed parts: inferred, defaulted or restructured. Check these.
	Guessed []Note `json:"guessed"`
	// Dropped: source text not kept in the document, each with why (a PDF's
	// page numbers and digital-signature stamps).
	Dropped []DroppedText `json:"dropped,omitempty"`
}

// DroppedText is a piece of the source left out of the document, with the
// reason in Vietnamese and English.
type DroppedText struct {
	Text string `json:"text"`
	VI   string `json:"reason_vi"`
	EN   string `json:"reason_en"`
}

func (r *Report) drop(text, vi, en string) {
	r.Dropped = append(r.Dropped, DroppedText{Text: text, VI: vi, EN: en})
}

// Note is one line of the report: the JSON Pointer of the field concerned
// ("" for the whole document) and a message in Vietnamese and English.
type Note struct {
	Path string `json:"path"`
	VI   string `json:"message_vi"`
	EN   string `json:"message_en"`
}

func (r *Report) recognised(path, vi, en string) {
	r.Recognised = append(r.Recognised, Note{Path: path, VI: vi, EN: en})
}

func (r *Report) guessed(path, vi, en string) {
	r.Guessed = append(r.Guessed, Note{Path: path, VI: vi, EN: en})
}

// WriteText prints the report for a terminal: recognised parts first, then
// the guesses, each with its path.
func (r *Report) WriteText(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "import: %s, %s: %d recognised, %d guessed\n", r.Format, r.Encoding, len(r.Recognised), len(r.Guessed)); err != nil {
		return err
	}
	for _, sec := range []struct {
		head  string
		notes []Note
	}{{"recognised", r.Recognised}, {"guessed (check these)", r.Guessed}} {
		if len(sec.notes) == 0 {
			continue
		}
		if _, err := fmt.Fprintf(w, "%s:\n", sec.head); err != nil {
			return err
		}
		for _, n := range sec.notes {
			p := n.Path
			if p == "" {
				p = "/"
			}
			if _, err := fmt.Fprintf(w, "  %-28s %s\n  %-28s %s\n", p, n.VI, "", n.EN); err != nil {
				return err
			}
		}
	}
	for _, d := range r.Dropped {
		if _, err := fmt.Fprintf(w, "  dropped: %q\n    %s\n    %s\n", d.Text, d.VI, d.EN); err != nil {
			return err
		}
	}
	return nil
}
