package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// UnmarshalJSON accepts a plain string or an array of runs.
func (t *Text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = Text{{Text: s}}
		return nil
	}
	var runs []Run
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&runs); err != nil {
		return err
	}
	*t = Text(runs)
	return nil
}

// IsPlain reports a Text of one run without emphasis or footnote: the one
// JSON writes as a plain string, and all a v1 field held.
func (t Text) IsPlain() bool {
	return len(t) == 1 && !t[0].Bold && !t[0].Italic && t[0].Footnote == ""
}

// MarshalJSON writes a single plain run as a string, the short form.
func (t Text) MarshalJSON() ([]byte, error) {
	if t.IsPlain() {
		return json.Marshal(t[0].Text)
	}
	return json.Marshal([]Run(t))
}

// Plain returns the text without emphasis.
func (t Text) Plain() string {
	var b strings.Builder
	for _, r := range t {
		b.WriteString(r.Text)
	}
	return b.String()
}

// PlainText is a convenience for building a Text from a string.
func PlainText(s string) Text { return Text{{Text: s}} }

// PlainTexts builds one plain Text per string (a list of addressees).
func PlainTexts(ss ...string) []Text {
	out := make([]Text, len(ss))
	for i, s := range ss {
		out[i] = PlainText(s)
	}
	return out
}

// Cell is a table cell: a number, a string or null (blank). A string made
// only of a dash ("-") is the customary "none" and counts as zero in sums.
type Cell struct {
	Num  *float64
	Str  string
	Null bool
	// Raw keeps the number as written, so 3.190 stays exact when printed.
	Raw string
}

// UnmarshalJSON accepts a number, a string or null.
func (c *Cell) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*c = Cell{Null: true}
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = Cell{Str: s}
	default:
		f, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			return errors.New("cell must be a number, a string or null")
		}
		*c = Cell{Num: &f, Raw: string(b)}
	}
	return nil
}

// MarshalJSON writes the cell back in its input form.
func (c Cell) MarshalJSON() ([]byte, error) {
	switch {
	case c.Num != nil:
		if c.Raw != "" {
			return []byte(c.Raw), nil
		}
		return json.Marshal(*c.Num)
	case c.Null:
		return []byte("null"), nil
	default:
		return json.Marshal(c.Str)
	}
}

// NumCell returns a numeric cell.
func NumCell(f float64) Cell { return Cell{Num: &f} }

// IsDash reports the customary "-" meaning none.
func (c Cell) IsDash() bool { s := strings.TrimSpace(c.Str); return s == "-" || s == "–" }

// IsBlank reports a null or empty cell.
func (c Cell) IsBlank() bool { return c.Num == nil && (c.Null || strings.TrimSpace(c.Str) == "") }
