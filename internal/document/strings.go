package document

import (
	"reflect"
	"strings"
)

// TextField is one string of a document with its JSON Pointer.
type TextField struct {
	Path string
	Text string
	// Printed is false for codes that never reach paper (schema, type,
	// options, a row's kind, an appendix's orientation).
	Printed bool
}

// notPrinted are members whose values are codes, not text.
var notPrinted = map[string]bool{"/schema": true, "/type": true, "/options": true}

// EachString calls f on every non-empty string of d, in document order, by
// reflection over the model (as Normalize does), so a field added to the
// contract is seen without touching the callers. A Text given as one plain
// run is reported at its own path (it was a JSON string); runs at
// ".../i/text" and ".../i/footnote".
func EachString(d *Document, f func(TextField)) {
	w := stringWalker{paths: true, f: f}
	w.walk(reflect.ValueOf(d).Elem(), "", true, true)
}

// eachStringNoPath is EachString without the pointers (Path is ""), for
// callers that only count: building a pointer per string is most of the
// walk's cost.
func eachStringNoPath(d *Document, f func(TextField)) {
	w := stringWalker{f: f}
	w.walk(reflect.ValueOf(d).Elem(), "", true, true)
}

type stringWalker struct {
	paths bool
	f     func(TextField)
}

func (w stringWalker) join(path string, parts ...any) string {
	if !w.paths {
		return ""
	}
	return Join(path, parts...)
}

func (w stringWalker) walk(v reflect.Value, path string, root, printed bool) {
	f := w.f
	switch v.Type() {
	case textType:
		t := v.Interface().(Text)
		if len(t) == 1 && !t[0].Bold && !t[0].Italic && t[0].Footnote == "" {
			if t[0].Text != "" {
				f(TextField{path, t[0].Text, printed})
			}
			return
		}
		for i, r := range t {
			if r.Text != "" {
				f(TextField{w.join(path, i, "text"), r.Text, printed})
			}
			if r.Footnote != "" {
				f(TextField{w.join(path, i, "footnote"), r.Footnote, printed})
			}
		}
		return
	case cellType:
		c := v.Interface().(Cell)
		if c.Num == nil && c.Str != "" {
			f(TextField{path, c.Str, printed})
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			f(TextField{path, v.String(), printed})
		}
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), path, root, printed)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), w.join(path, i), false, printed)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name := JSONName(t.Field(i))
			if name == "" {
				continue
			}
			pr := printed && !(root && notPrinted["/"+name]) && name != "kind" && name != "orientation"
			w.walk(v.Field(i), w.join(path, name), false, pr)
		}
	}
}

// JSONName is the member name a struct field has in the JSON contract, or
// "" for a field that is not part of it.
func JSONName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}
