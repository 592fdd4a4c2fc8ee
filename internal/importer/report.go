package importer

import (
	"fmt"
	"io"
	"strings"
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
	// Dropped lists every source paragraph, or part of one, that is not in
	// the model, with why: nothing leaves the import without a line here.
	// Printed ones (the Quốc hiệu, the "Số:" label, a derived "(Kèm theo
	// ...)" line) are printed again by the system from the model; the
	// others are lost unless the clerk adds them back.
	Dropped []Drop `json:"dropped"`
}

// Note is one line of the report: the JSON Pointer of the field concerned
// ("" for the whole document), a message in Vietnamese and English, and
// the source line the field was read from, when there is one.
type Note struct {
	Path   string `json:"path"`
	VI     string `json:"message_vi"`
	EN     string `json:"message_en"`
	Source string `json:"source,omitempty"`
}

// Drop is a source paragraph, or the part of one, that the model does not
// hold.
type Drop struct {
	// Line is the paragraph's number in reading order (1-based; a table
	// cell's paragraphs count one by one).
	Line int    `json:"line"`
	Text string `json:"text"`
	// Printed: the system prints this text again from the model.
	Printed bool   `json:"printed"`
	VI      string `json:"reason_vi"`
	EN      string `json:"reason_en"`
}

func (r *Report) recognised(path, vi, en string) {
	r.Recognised = append(r.Recognised, Note{Path: path, VI: vi, EN: en})
}

func (r *Report) guessed(path, vi, en string) {
	r.Guessed = append(r.Guessed, Note{Path: path, VI: vi, EN: en})
}

// from sets the source line of the last note added (recognised or
// guessed, whichever came last to the given list).
func (r *Report) from(notes []Note, src string) {
	if n := len(notes); n > 0 && src != "" {
		notes[n-1].Source = src
	}
}

// recognisedFrom and guessedFrom add a note with the source line it was
// read from, so the editor can show the clerk where a field came from.
func (r *Report) recognisedFrom(path, src, vi, en string) {
	r.recognised(path, vi, en)
	r.from(r.Recognised, src)
}

func (r *Report) guessedFrom(path, src, vi, en string) {
	r.guessed(path, vi, en)
	r.from(r.Guessed, src)
}

// drop lists text of source line idx (0-based) as not in the model.
func (r *Report) drop(idx int, text string, printed bool, vi, en string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	r.Dropped = append(r.Dropped, Drop{Line: idx + 1, Text: text, Printed: printed, VI: vi, EN: en})
}

// WriteText prints the report for a terminal: recognised parts first, then
// the guesses, each with its path.
func (r *Report) WriteText(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "nhập / import: %s, %s: %d nhận ra / recognised, %d đoán / guessed, %d bỏ / dropped\n", r.Format, r.Encoding, len(r.Recognised), len(r.Guessed), r.lost()); err != nil {
		return err
	}
	for _, sec := range []struct {
		head  string
		notes []Note
	}{{"đã nhận ra / recognised", r.Recognised}, {"đoán, cần kiểm tra / guessed (check these)", r.Guessed}} {
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
			if n.Source != "" {
				if _, err := fmt.Fprintf(w, "  %-28s ← %s\n", "", n.Source); err != nil {
					return err
				}
			}
		}
	}
	// Lost text in full: that is what the clerk must put back by hand;
	// the printed labels only as a count.
	printed := 0
	for _, d := range r.Dropped {
		if d.Printed {
			printed++
			continue
		}
		if _, err := fmt.Fprintf(w, "  bỏ / dropped, đoạn %d: %q\n      %s / %s\n", d.Line, d.Text, d.VI, d.EN); err != nil {
			return err
		}
	}
	if printed > 0 {
		if _, err := fmt.Fprintf(w, "  %d dòng hoặc nhãn do hệ thống in lại từ dữ liệu (Quốc hiệu, \"Số:\", ngày tháng ...) / %d lines or labels the system prints again\n", printed, printed); err != nil {
			return err
		}
	}
	return nil
}

// lost counts the dropped text the system does not print again.
func (r *Report) lost() int {
	n := 0
	for _, d := range r.Dropped {
		if !d.Printed {
			n++
		}
	}
	return n
}
