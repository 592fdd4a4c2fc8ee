package check

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Severity is how a reviewer would treat a finding.
type Severity int

const (
	// Cosmetic: noted, signed anyway.
	Cosmetic Severity = iota
	// Fix: the reviewer asks for a correction before signature.
	Fix
	// SendBack: the file is returned; it is not a valid văn bản as it is.
	SendBack
)

var severityNames = [...]string{"cosmetic", "fix", "send-back"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "unknown"
}

// MarshalText writes the severity's name, so JSON carries words.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name back.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if n == string(b) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("check: unknown severity %q", b)
}

// Finding is one problem a reviewer would point at.
type Finding struct {
	Rule     string   `json:"rule"`    // stable id, e.g. "page.margins"
	Element  string   `json:"element"` // "section 1", "Tiêu ngữ", "body paragraph 3"
	Have     string   `json:"have"`    // what the file has
	Want     string   `json:"want"`    // what NĐ30 asks
	Ref      string   `json:"ref"`     // where NĐ30 says it
	Page     int      `json:"page"`    // 1-based; 0 when the format does not tell
	Severity Severity `json:"severity"`
}

// Report is the review of one file.
type Report struct {
	File     string    `json:"file"`
	Format   string    `json:"format"` // "docx" or "pdf"
	Pages    int       `json:"pages"`  // 0 when the format does not tell (DOCX)
	Findings []Finding `json:"findings"`
	// Content lists validate's findings on the imported document, or why
	// the file could not be imported.
	Content []Finding `json:"content"`
}

// Worst is the highest severity of any finding, and whether there is one.
func (r *Report) Worst() (Severity, bool) {
	w, any := Cosmetic, false
	for _, f := range append(append([]Finding(nil), r.Findings...), r.Content...) {
		if !any || f.Severity > w {
			w, any = f.Severity, true
		}
	}
	return w, any
}

// Passes: no finding a reviewer would send the file back for.
func (r *Report) Passes() bool {
	w, any := r.Worst()
	return !any || w < SendBack
}

func (r *Report) sort() {
	for _, fs := range [][]Finding{r.Findings, r.Content} {
		sort.SliceStable(fs, func(i, j int) bool {
			if fs[i].Page != fs[j].Page {
				return fs[i].Page < fs[j].Page
			}
			return fs[i].Severity > fs[j].Severity
		})
	}
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteText writes the report for a person: one finding a line, then a
// summary line.
func (r *Report) WriteText(w io.Writer) error {
	counts := map[Severity]int{}
	line := func(f Finding) {
		counts[f.Severity]++
		page := ""
		if f.Page > 0 {
			page = fmt.Sprintf(" p.%d", f.Page)
		}
		fmt.Fprintf(w, "%-9s %-18s %s%s: %s; want %s [%s]\n", f.Severity, f.Rule, f.Element, page, f.Have, f.Want, f.Ref)
	}
	fmt.Fprintf(w, "%s (%s)\n", r.File, r.Format)
	for _, f := range r.Findings {
		line(f)
	}
	for _, f := range r.Content {
		line(f)
	}
	verdict := "PASS"
	if !r.Passes() {
		verdict = "FAIL"
	}
	_, err := fmt.Fprintf(w, "%s: %d send-back, %d fix, %d cosmetic\n", verdict, counts[SendBack], counts[Fix], counts[Cosmetic])
	return err
}
