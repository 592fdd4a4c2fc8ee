package rollover

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/vntext"
)

// ReadRenames reads a rename table: CSV with two columns, old name and new
// name, one unit a line. A first line "old,new" (any case) is a header and
// skipped. Names are compared after Unicode NFC.
func ReadRenames(r io.Reader) ([]Rename, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var out []Rename
	line := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("rename table: %w", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != 2 {
			return nil, fmt.Errorf("rename table: line %d: want 2 columns (old,new), got %d", line, len(rec))
		}
		old, nw := vntext.NFC(strings.TrimSpace(rec[0])), vntext.NFC(strings.TrimSpace(rec[1]))
		if line == 1 && strings.EqualFold(old, "old") && strings.EqualFold(nw, "new") {
			continue
		}
		if old == "" {
			return nil, fmt.Errorf("rename table: line %d: empty old name", line)
		}
		out = append(out, Rename{Old: old, New: nw})
	}
	return out, nil
}

// sortedRenames orders the table longest old name first, so that "xã Vĩnh
// Giang Mới" is renamed before "xã Vĩnh Giang" could match inside it, and
// adds the upper-case form of each pair for headings and the issuer name.
func sortedRenames(rs []Rename) []Rename {
	var out []Rename
	for _, r := range rs {
		r.Old, r.New = vntext.NFC(r.Old), vntext.NFC(r.New)
		out = append(out, r)
		if up := (Rename{Old: vntext.Upper(r.Old), New: vntext.Upper(r.New)}); up.Old != r.Old {
			out = append(out, up)
		}
	}
	slices.SortStableFunc(out, func(a, b Rename) int { return len(b.Old) - len(a.Old) })
	return out
}

// rename applies the table to s, whole words only, and records each
// replacement. Two different old names becoming the same new one in one
// string (a merger) is sent to review: "xã A, xã B" now reads "xã C, xã C".
func (r *roller) rename(path, s string) string {
	if len(r.renames) == 0 {
		return s
	}
	var b strings.Builder
	used := map[string][]string{} // new name → old names replaced by it
	changed := false
	for i := 0; i < len(s); {
		matched := false
		if wordStart(s, i) {
			for _, rn := range r.renames {
				if strings.HasPrefix(s[i:], rn.Old) && wordEnd(s, i+len(rn.Old)) {
					b.WriteString(rn.New)
					r.edit(path, rn.Old, rn.New, CodeRename, "rename table")
					if !slices.Contains(used[rn.New], rn.Old) {
						used[rn.New] = append(used[rn.New], rn.Old)
					}
					i += len(rn.Old)
					matched, changed = true, true
					break
				}
			}
		}
		if !matched {
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			i += n
		}
	}
	if !changed {
		return s
	}
	out := b.String()
	for _, nw := range sortedKeys(used) {
		if olds := used[nw]; len(olds) > 1 {
			r.review(path, out, CodeRenameMerged,
				fmt.Sprintf("%s now all read %q: merge the repeated names by hand", strings.Join(quoteAll(olds), ", "), nw), false)
		}
	}
	return out
}

// noteRenames sends a căn cứ line that names a renamed unit to review: a
// cited document keeps the name it was issued under.
func (r *roller) noteRenames(path, s string) {
	for _, rn := range r.renames {
		if i := strings.Index(s, rn.Old); i >= 0 && wordStart(s, i) && wordEnd(s, i+len(rn.Old)) {
			r.review(path, context(s, i, i+len(rn.Old)), CodeRename,
				fmt.Sprintf("căn cứ names %q (renamed %q): a cited document keeps the name it was issued under; left unchanged", rn.Old, rn.New), false)
			return
		}
	}
}

func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	c, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(c) && !unicode.IsDigit(c)
}

func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(c) && !unicode.IsDigit(c)
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
