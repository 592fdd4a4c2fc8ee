package plantemplate

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Bounds of what a template may generate. A template is a few kilobytes
// but text/template would let it ask for gigabytes: {{printf "%0999999d"
// 1}} writes a megabyte per action, and {{print .X .X …}} copies a long
// value once per argument. print and printf are therefore ours, and every
// write of a row's output counts against a budget.
const (
	// maxFormatWidth bounds a printf width or precision: enough for any
	// padding a document needs ("%05d", "%.2f").
	maxFormatWidth = 64
	// maxCallOutput bounds the text one print or printf call makes.
	maxCallOutput = 1 << 20
)

// errTooLong is the error of a generated text over a bound.
var errTooLong = errors.New("the generated text is too long")

// budget is what is left of one row's output, shared by its fields.
type budget struct{ left, max int64 }

// budgetWriter writes into b while the budget lasts; text/template stops
// at its first error, so a runaway template ends at the bound.
type budgetWriter struct {
	b   *strings.Builder
	bud *budget
}

func (w budgetWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > w.bud.left {
		return 0, errTooLong
	}
	w.bud.left -= int64(len(p))
	return w.b.Write(p)
}

// cappedBuilder is a strings.Builder that refuses to grow past max.
type cappedBuilder struct {
	strings.Builder
	max int
}

func (c *cappedBuilder) Write(p []byte) (int, error) {
	if c.Len()+len(p) > c.max {
		return 0, errTooLong
	}
	return c.Builder.Write(p)
}

// safePrint is fmt.Sprint (a space between operands when neither is a
// string) whose output is bounded.
func safePrint(args ...any) (string, error) {
	out := cappedBuilder{max: maxCallOutput}
	prevString := false
	for i, a := range args {
		isString := a != nil && reflect.TypeOf(a).Kind() == reflect.String
		if i > 0 && !isString && !prevString {
			if _, err := out.Write([]byte{' '}); err != nil {
				return "", fmt.Errorf("print: %w", err)
			}
		}
		if _, err := fmt.Fprint(&out, a); err != nil {
			return "", fmt.Errorf("print: %w", err)
		}
		prevString = isString
	}
	return out.String(), nil
}

// safePrintf is fmt.Sprintf for the verbs a document needs, formatted one
// verb at a time so that no single call builds more than maxCallOutput:
// widths and precisions above maxFormatWidth, "*" widths and explicit
// argument indexes ("%[2]d") are refused, and so are missing and extra
// arguments, which fmt would print as "%!d(MISSING)" into a document.
func safePrintf(format string, args ...any) (string, error) {
	out := cappedBuilder{max: maxCallOutput}
	next := 0
	for i := 0; i < len(format); {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			if _, err := out.WriteString(format[i:]); err != nil {
				return "", err
			}
			break
		}
		if _, err := out.WriteString(format[i : i+j]); err != nil {
			return "", err
		}
		i += j
		verb, err := scanVerb(format[i:])
		if err != nil {
			return "", err
		}
		i += len(verb)
		if verb == "%%" {
			if _, err := out.WriteString("%"); err != nil {
				return "", err
			}
			continue
		}
		if next >= len(args) {
			return "", fmt.Errorf("printf: %s has no argument", verb)
		}
		if _, err := fmt.Fprintf(&out, verb, args[next]); err != nil {
			return "", fmt.Errorf("printf: %w", err)
		}
		next++
	}
	if next < len(args) {
		return "", fmt.Errorf("printf: %d argument(s) more than the format uses", len(args)-next)
	}
	return out.String(), nil
}

// WriteString writes through the cap (the embedded strings.Builder's
// would bypass it).
func (c *cappedBuilder) WriteString(s string) (int, error) { return c.Write([]byte(s)) }

// scanVerb reads one "%[flags][width][.precision]verb" at the start of s.
func scanVerb(s string) (string, error) {
	i := 1
	for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
		i++
	}
	num := func(what string) error {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > start {
			n, err := strconv.Atoi(s[start:i])
			if err != nil || n > maxFormatWidth {
				return fmt.Errorf("printf: %s %s is over the limit of %d", what, s[start:i], maxFormatWidth)
			}
		}
		return nil
	}
	if err := num("width"); err != nil {
		return "", err
	}
	if i < len(s) && s[i] == '.' {
		i++
		if err := num("precision"); err != nil {
			return "", err
		}
	}
	if i >= len(s) {
		return "", errors.New("printf: the format ends inside a verb")
	}
	switch c := s[i]; {
	case c == '*' || c == '[':
		return "", fmt.Errorf("printf: %q: computed widths and argument indexes are not supported", s[:i+1])
	case c == '%' && i == 1:
		return "%%", nil
	case c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
		return s[:i+1], nil
	}
	return "", fmt.Errorf("printf: %q is not a verb", s[:i+1])
}
