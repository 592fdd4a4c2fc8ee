package rollover

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// Options tune a rollover.
type Options struct {
	// FromYear is the plan year of the input; 0 detects it from the
	// summary ("... năm 2025") or, failing that, the date.
	FromYear int
	// Renames are applied to every string of the document, longest old
	// name first.
	Renames []Rename
}

// Rename is one row of a rename table: an administrative unit renamed or
// merged into another.
type Rename struct {
	Old, New string
}

// Edit is one change made to the document.
type Edit struct {
	Path   string `json:"path"`
	Before string `json:"before"`
	After  string `json:"after"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// Review is a place the rollover did not change but a person should read.
type Review struct {
	Path string `json:"path"`
	// Text is the stretch in question with a little context around it.
	Text    string `json:"text"`
	Code    string `json:"code"`
	Reason  string `json:"reason"`
	Warning bool   `json:"warning,omitempty"`
}

// Report lists every edit and every place to review, in document order.
type Report struct {
	FromYear int      `json:"from_year"`
	ToYear   int      `json:"to_year"`
	Edits    []Edit   `json:"edits"`
	ToReview []Review `json:"to_review"`
}

// ErrPlanYear is returned when the plan year cannot be found.
var ErrPlanYear = errors.New("rollover: cannot tell the plan year (no \"năm YYYY\" in the summary and no year in the date); give it explicitly")

// Roll returns next year's draft of d and the report of every change. d is
// not modified. The result is a draft: number and date are cleared, the
// year of the date moved.
func Roll(d *document.Document, toYear int, opt Options) (*document.Document, *Report, error) {
	if toYear < 1000 || toYear > 9999 {
		return nil, nil, fmt.Errorf("rollover: target year %d out of range", toYear)
	}
	out, err := clone(d)
	if err != nil {
		return nil, nil, err
	}
	r := &roller{renames: sortedRenames(opt.Renames), to: toYear}
	from, srcNote := planYear(out, opt.FromYear)
	if from == 0 {
		return nil, nil, ErrPlanYear
	}
	if from == toYear {
		return nil, nil, fmt.Errorf("rollover: the document is already for %d", toYear)
	}
	r.from = from
	r.rep = &Report{FromYear: from, ToYear: toYear, Edits: []Edit{}, ToReview: []Review{}}
	if srcNote != "" {
		r.rep.ToReview = append(r.rep.ToReview, Review{Path: "/summary", Text: out.Summary, Code: CodePlanYearSrc, Reason: srcNote})
	}

	if out.Number != "" {
		r.edit("/number", out.Number, "", CodeDraft, "draft: the number is given when the new plan is registered")
		out.Number = ""
	}
	oldDate := out.Date
	newDate := document.Date{Year: toYear}
	if oldDate.Year != 0 {
		// A plan for 2025 signed in December 2024 keeps that offset.
		newDate.Year = oldDate.Year + toYear - from
	}
	if oldDate != newDate {
		r.edit("/date", formatDate(oldDate), formatDate(newDate), CodeDraft, "draft: day and month cleared, the year moved")
		out.Date = newDate
	}

	v := reflect.ValueOf(out).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		switch name {
		case "schema", "type", "number", "symbol", "date", "options":
			continue
		}
		rl := roleOther
		switch name {
		case "summary", "subject", "intro", "body", "closing", "appendices":
			rl = roleText
		case "bases":
			rl = roleBasis
		}
		r.walk(v.Field(i), "/"+name, rl)
	}
	if out.Signature.Name != "" {
		r.review("/signature/name", out.Signature.Name, CodeSigner, "the signer may change for the new year", false)
	}
	return out, r.rep, nil
}

// formatDate writes a date for the report: "30/6/2023", "năm 2024", or
// the printed form with its blanks folded.
func formatDate(d document.Date) string {
	switch {
	case d.Day != 0 && d.Month != 0 && d.Year != 0:
		return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
	case d.Day == 0 && d.Month == 0 && d.Year != 0:
		return fmt.Sprintf("năm %d", d.Year)
	case d == document.Date{}:
		return "(blank)"
	}
	return strings.Join(strings.Fields(vntext.FormatDate(vntext.Date{Day: d.Day, Month: d.Month, Year: d.Year})), " ")
}

// clone deep-copies a document through its JSON form, the one copy that
// is certain to follow every field of the contract.
func clone(d *document.Document) (*document.Document, error) {
	data, err := marshal(d)
	if err != nil {
		return nil, fmt.Errorf("rollover: copy: %w", err)
	}
	c, err := document.DecodeBytes(data, document.Limits{MaxBytes: int64(len(data)) + 1})
	if err != nil {
		return nil, fmt.Errorf("rollover: copy: %w", err)
	}
	return c, nil
}

// planYear finds the year the plan is for: the "năm YYYY" of the summary
// (or subject), else the year of the date. The second result notes a
// disagreement worth reviewing.
func planYear(d *document.Document, given int) (int, string) {
	if given != 0 {
		return given, ""
	}
	var years []int
	for _, s := range []string{d.Summary, d.Subject} {
		for _, sp := range scan(s) {
			if sp.kind == kindNamYear && !slices.Contains(years, sp.year) {
				years = append(years, sp.year)
			}
		}
	}
	switch {
	case len(years) == 1:
		return years[0], ""
	case len(years) > 1:
		if slices.Contains(years, d.Date.Year) {
			return d.Date.Year, fmt.Sprintf("the summary names several years %v; %d (the date's) taken as the plan year", years, d.Date.Year)
		}
		return years[0], fmt.Sprintf("the summary names several years %v; %d taken as the plan year", years, years[0])
	}
	if d.Date.Year != 0 {
		return d.Date.Year, ""
	}
	return 0, ""
}

type roller struct {
	from, to int
	renames  []Rename
	rep      *Report
}

func (r *roller) edit(path, before, after, code, reason string) {
	r.rep.Edits = append(r.rep.Edits, Edit{Path: path, Before: before, After: after, Code: code, Reason: reason})
}

func (r *roller) review(path, text, code, reason string, warning bool) {
	r.rep.ToReview = append(r.rep.ToReview, Review{Path: path, Text: text, Code: code, Reason: reason, Warning: warning})
}

var (
	textType = reflect.TypeOf(document.Text{})
	cellType = reflect.TypeOf(document.Cell{})
)

// walk visits every string under v in document order, with its JSON
// Pointer, and rewrites it in place.
func (r *roller) walk(v reflect.Value, path string, rl role) {
	switch v.Type() {
	case textType:
		t := v.Interface().(document.Text)
		// A single plain run is written as a bare string, so its pointer
		// is the Text's own.
		short := len(t) == 1 && !t[0].Bold && !t[0].Italic && t[0].Footnote == ""
		lead := "" // the runs before, so "trước ngày " + bold "15/12/2024" is a deadline
		for i := range t {
			p := document.Join(path, i, "text")
			if short {
				p = path
			}
			t[i].Text = r.rewriteAfter(p, lead, t[i].Text, rl)
			lead += t[i].Text
			if t[i].Footnote != "" {
				t[i].Footnote = r.rewrite(document.Join(path, i, "footnote"), t[i].Footnote, rl)
			}
		}
		return
	case cellType:
		c := v.Addr().Interface().(*document.Cell)
		if c.Num == nil && !c.Null {
			c.Str = r.rewrite(path, c.Str, rl)
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			v.SetString(r.rewrite(path, s, rl))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			r.walk(v.Elem(), path, rl)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			r.walk(v.Index(i), document.Join(path, i), rl)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			r.walk(v.Field(i), document.Join(path, name), rl)
		}
	}
}

// rewrite applies the rename table, then the year rules, to one string,
// recording every edit and every doubt.
func (r *roller) rewrite(path, s string, rl role) string { return r.rewriteAfter(path, "", s, rl) }

// rewriteAfter is rewrite for a run that follows the text lead in the same
// paragraph; lead is read for deadline words only.
func (r *roller) rewriteAfter(path, lead, s string, rl role) string {
	if rl == roleBasis {
		r.noteRenames(path, s)
	} else {
		s = r.rename(path, s)
	}
	spans := scan(s)
	type repl struct {
		start, end int
		text       string
	}
	var repls []repl
	for _, sp := range spans {
		a := decide(s, lead, sp, rl, r.from, r.to)
		switch {
		case a.edit:
			r.edit(path, s[sp.start:sp.end], a.after, a.code, a.reason)
			repls = append(repls, repl{sp.start, sp.end, a.after})
		case a.review:
			r.review(path, context(s, sp.start, sp.end), a.code, a.reason, a.warning)
		}
	}
	if len(repls) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, rp := range repls {
		b.WriteString(s[last:rp.start])
		b.WriteString(rp.text)
		last = rp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// context returns s[a:b] with up to 30 runes either side, marked with "…"
// where cut, so a reviewer can find the place.
func context(s string, a, b int) string {
	const n = 30
	start := a
	for i := 0; i < n && start > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	end := b
	for i := 0; i < n && end < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	out := s[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}
