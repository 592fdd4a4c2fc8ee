package importer

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
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

	// lineAt maps a source line (0-based) to the pointer of the part it
	// went into, so a dropped line can name the part it was next to.
	lineAt map[int]string
	// folded lists the pointers settle had to shorten, for the tests: a
	// recogniser that names a field the document never has shows here.
	folded []string
}

// Note is one line of the report: the JSON Pointer of the field concerned
// ("" for the whole document), a message in Vietnamese and English, and
// the source line the field was read from, when there is one.
type Note struct {
	Path   string `json:"path"`
	VI     string `json:"message_vi"`
	EN     string `json:"message_en"`
	Source string `json:"source,omitempty"`
	// Line is the source paragraph's number (1-based, as Drop.Line) when
	// the note was read from one line.
	Line int `json:"line,omitempty"`
	// Supplied: the importer filled the field itself (a default or a
	// placeholder); there is no source line, and the message says so.
	Supplied bool `json:"supplied,omitempty"`
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
	// Path is the JSON Pointer of the part the line was next to in the
	// source ("/body/3", "/distribution"), when there is one.
	Path string `json:"path,omitempty"`
}

// add is the one place a note is recorded: every recogniser, for every
// input format, goes through it, so each note carries its pointer and, when
// the field was read from the file, the source line (trimmed for the clerk)
// and its number. line is 0-based, -1 when unknown.
func (r *Report) add(notes *[]Note, path string, line int, src, vi, en string) {
	n := Note{Path: path, VI: vi, EN: en, Source: sourceLine(src)}
	if line >= 0 {
		n.Line = line + 1
		r.place(line, path)
	}
	*notes = append(*notes, n)
}

// sourceLine trims a source line for the report: spaces folded, and cut
// at a word after about 160 characters with "…" (the clerk needs to find
// the line, not read it again).
func sourceLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 160
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	cut := max
	for k := max; k > max-30; k-- {
		if rs[k] == ' ' {
			cut = k
			break
		}
	}
	return strings.TrimSpace(string(rs[:cut])) + " …"
}

// place records that source line (0-based) went into the part at path.
// The first part named for a line keeps it, unless a later one lies inside
// it (a budget noted at /body, then placed at its block /body/4).
func (r *Report) place(line int, path string) {
	if line < 0 || path == "" {
		return
	}
	if r.lineAt == nil {
		r.lineAt = map[int]string{}
	}
	if old, ok := r.lineAt[line]; !ok || strings.HasPrefix(path, old+"/") {
		r.lineAt[line] = path
	}
}

// recognised and guessed add a note about the document as a whole or a
// count over many lines; recognisedFrom, guessedFrom and the At forms
// (which also know the line's number) add a note with the source line the
// field was read from, so the editor can show the clerk where it came from.
func (r *Report) recognised(path, vi, en string) {
	r.add(&r.Recognised, path, -1, "", vi, en)
}

func (r *Report) guessed(path, vi, en string) {
	r.add(&r.Guessed, path, -1, "", vi, en)
}

func (r *Report) recognisedFrom(path, src, vi, en string) {
	r.add(&r.Recognised, path, -1, src, vi, en)
}

func (r *Report) guessedFrom(path, src, vi, en string) {
	r.add(&r.Guessed, path, -1, src, vi, en)
}

func (r *Report) recognisedAt(path string, line int, src, vi, en string) {
	r.add(&r.Recognised, path, line, src, vi, en)
}

func (r *Report) guessedAt(path string, line int, src, vi, en string) {
	r.add(&r.Guessed, path, line, src, vi, en)
}

// supplied adds a guess for a field the importer filled itself, with no
// source line: the message says what was supplied.
func (r *Report) supplied(path, vi, en string) {
	r.add(&r.Guessed, path, -1, "", vi, en)
	r.Guessed[len(r.Guessed)-1].Supplied = true
}

// mark and sourceSince let a caller give the source line to the notes a
// recogniser that does not know it (a table's column checks) adds.
type noteMark struct{ recognised, guessed int }

func (r *Report) mark() noteMark { return noteMark{len(r.Recognised), len(r.Guessed)} }

func (r *Report) sourceSince(m noteMark, line int, src string) {
	for _, ns := range [][]Note{r.Recognised[m.recognised:], r.Guessed[m.guessed:]} {
		for k := range ns {
			if ns[k].Source == "" && !ns[k].Supplied {
				ns[k].Source = sourceLine(src)
				if line >= 0 {
					ns[k].Line = line + 1
					r.place(line, ns[k].Path)
				}
			}
		}
	}
}

// placeDrops gives each dropped line without a pointer the pointer of the
// part nearest to it in the source; between two as near, the one after it,
// since a dropped label ("Nơi nhận:", "QUYẾT ĐỊNH:", "Phụ lục I") heads
// what follows.
func (r *Report) placeDrops() {
	if len(r.lineAt) == 0 {
		return
	}
	lines := make([]int, 0, len(r.lineAt))
	for l := range r.lineAt {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for k := range r.Dropped {
		d := &r.Dropped[k]
		if d.Path != "" || d.Line < 1 {
			continue
		}
		at := d.Line - 1
		i := sort.SearchInts(lines, at) // first placed line at or after at
		switch {
		case i < len(lines) && (i == 0 || lines[i]-at <= at-lines[i-1]):
			d.Path = r.lineAt[lines[i]]
		case i > 0:
			d.Path = r.lineAt[lines[i-1]]
		}
	}
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
			switch {
			case n.Source != "" && n.Line > 0:
				if _, err := fmt.Fprintf(w, "  %-28s ← %s (đoạn %d)\n", "", n.Source, n.Line); err != nil {
					return err
				}
			case n.Source != "":
				if _, err := fmt.Fprintf(w, "  %-28s ← %s\n", "", n.Source); err != nil {
					return err
				}
			case n.Supplied:
				if _, err := fmt.Fprintf(w, "  %-28s ← do hệ thống điền, không có trong tệp / supplied, not in the file\n", ""); err != nil {
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
		if d.Path != "" {
			if _, err := fmt.Fprintf(w, "      ở chỗ / next to %s\n", d.Path); err != nil {
				return err
			}
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

// settle places the dropped lines (placeDrops) and keeps every pointer of
// the report resolvable in the imported document d (as JSON): a note about a field the importer later folded
// into another (a ký hiệu the system derives, an empty list) names the
// nearest part that is there, so the editor can place it.
func (r *Report) settle(d any) {
	b, err := json.Marshal(d)
	if err != nil {
		return
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return
	}
	fix := func(p string) string {
		if p != "" && !resolves(v, p) {
			r.folded = append(r.folded, p)
		}
		for p != "" && !resolves(v, p) {
			p = p[:strings.LastIndexByte(p, '/')]
		}
		return p
	}
	for _, ns := range [][]Note{r.Recognised, r.Guessed} {
		for k := range ns {
			ns[k].Path = fix(ns[k].Path)
		}
	}
	// A line whose part is gone does not place a dropped line next to it.
	for l, p := range r.lineAt {
		if p = fix(p); p == "" {
			delete(r.lineAt, l)
		} else {
			r.lineAt[l] = p
		}
	}
	r.placeDrops()
	for k := range r.Dropped {
		r.Dropped[k].Path = fix(r.Dropped[k].Path)
	}
}

// resolves reports whether JSON Pointer p names a value in v.
func resolves(v any, p string) bool {
	toks, ok := document.PointerTokens(p)
	if !ok {
		return false
	}
	for _, tok := range toks {
		switch x := v.(type) {
		case map[string]any:
			y, ok := x[tok]
			if !ok {
				return false
			}
			v = y
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return false
			}
			v = x[i]
		default:
			return false
		}
	}
	return true
}
