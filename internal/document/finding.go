package document

import (
	"fmt"
	"strconv"
	"strings"
)

// Severity of a finding. Errors block rendering; warnings do not; an info
// note says what vanban decided for the clerk (nothing to fix).
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Finding is one problem with a document: where (a JSON Pointer into the
// input), what (a stable code other systems can switch on), how bad, a
// message for the clerk in Vietnamese and for the integrator in English, and
// the rule it comes from. Field is the clerk's name of the field at Path
// (FieldLabel), so no message has to name a JSON field.
type Finding struct {
	Path     string   `json:"path"`
	Field    string   `json:"field,omitempty"`
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	VI       string   `json:"message_vi"`
	EN       string   `json:"message_en"`
	Rule     string   `json:"rule"`
}

func (f Finding) String() string {
	p := f.Path
	if p == "" {
		p = "/"
	}
	return fmt.Sprintf("%s %s %s: %s", f.Severity, p, f.Code, f.EN)
}

// Findings is a list of findings with helpers used by every caller.
type Findings []Finding

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (fs Findings) Errors() Findings { return fs.filter(Error) }

// Warnings returns only the warnings.
func (fs Findings) Warnings() Findings { return fs.filter(Warning) }

// Infos returns only the info notes.
func (fs Findings) Infos() Findings { return fs.filter(Info) }

func (fs Findings) filter(s Severity) Findings {
	out := Findings{}
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Pointer builds a JSON Pointer (RFC 6901) from path segments; strings are
// escaped, ints are array indices. Validation builds one for every node it
// visits, so this appends into one buffer and escapes only when needed.
func Pointer(parts ...any) string { return Join("", parts...) }

// Join appends segments to an existing pointer.
func Join(base string, parts ...any) string {
	b := make([]byte, 0, len(base)+8*len(parts))
	b = append(b, base...)
	for _, p := range parts {
		b = append(b, '/')
		switch v := p.(type) {
		case int:
			b = strconv.AppendInt(b, int64(v), 10)
		case string:
			if strings.ContainsAny(v, "~/") {
				v = pointerEscaper.Replace(v)
			}
			b = append(b, v...)
		default:
			b = fmt.Append(b, v)
		}
	}
	return string(b)
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// PointerTokens splits JSON Pointer p into its reference tokens, unescaped
// (RFC 6901): none for "", the whole document. ok is false when p is not a
// pointer (neither empty nor starting with "/").
func PointerTokens(p string) (tokens []string, ok bool) {
	if p == "" {
		return nil, true
	}
	if p[0] != '/' {
		return nil, false
	}
	tokens = strings.Split(p[1:], "/")
	for i, t := range tokens {
		if strings.Contains(t, "~") {
			tokens[i] = pointerUnescaper.Replace(t)
		}
	}
	return tokens, true
}

// DecodeError is returned by Decode when the input is not a well-formed v1
// document. It carries every structural finding, not only the first.
type DecodeError struct {
	Findings Findings
	// Syntax is set for malformed JSON, with a 1-based line and column.
	Syntax       bool
	Line, Column int
}

func (e *DecodeError) Error() string {
	if len(e.Findings) == 0 {
		return "decode: invalid document"
	}
	if len(e.Findings) == 1 {
		return "decode: " + e.Findings[0].String()
	}
	return fmt.Sprintf("decode: %s (and %d more)", e.Findings[0], len(e.Findings)-1)
}
