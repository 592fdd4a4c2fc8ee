package validate

import (
	"errors"
	"fmt"
	"github.com/vanban/vanban/internal/document"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
)

// tagValidator runs the `validate:` tags of the model. It is built once:
// validator caches each struct's parsed tags, and building one per call
// would parse them again every time. It is safe for concurrent use.
var tagValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Namespaces then read "Document.issuer.name[0]" instead of Go names,
	// which is what a JSON Pointer needs.
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return jsonName(f) })
	return v
})

// checkStructure runs the model's tags. validator only descends into a
// slice when its tag says "dive", and the model's block trees are slices
// of structs without one, so it is run on the document and again on every
// struct element of every slice, each time with that element's pointer as
// the base path.
func checkStructure(c *checker) {
	c.validateStruct(reflect.ValueOf(c.d).Elem(), "")
	walkSlices(reflect.ValueOf(c.d).Elem(), "", c.validateStruct)
}

// walkSlices calls f on every struct element of every slice under v
// (directly or through pointers and nested structs), with its path.
func walkSlices(v reflect.Value, path string, f func(v reflect.Value, path string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkSlices(v.Elem(), path, f)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if name := jsonName(t.Field(i)); name != "" {
				walkSlices(v.Field(i), document.Join(path, name), f)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			e := v.Index(i)
			p := document.Join(path, i)
			if s := e; s.Kind() == reflect.Struct || (s.Kind() == reflect.Pointer && !s.IsNil() && s.Elem().Kind() == reflect.Struct) {
				f(e, p)
			}
			walkSlices(e, p, f)
		}
	}
}

// validateStruct runs the tags on one struct and translates the errors.
func (c *checker) validateStruct(v reflect.Value, base string) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || !v.CanAddr() || !hasTags(v.Type()) {
		return
	}
	err := tagValidator().Struct(v.Addr().Interface())
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return
	}
	for _, fe := range verrs {
		c.addTagError(base, fe)
	}
}

// tagged caches hasTags per struct type.
var tagged sync.Map // reflect.Type → bool

// hasTags reports whether validating a value of struct type t can find
// anything: a field with a `validate:` tag, or a struct field (not a
// slice, which validator does not enter) that has one. Most elements of
// the body (runs, cells, blocks) have none, and skipping them keeps
// Validate linear and cheap.
func hasTags(t reflect.Type) bool {
	if v, ok := tagged.Load(t); ok {
		return v.(bool)
	}
	tagged.Store(t, false) // a recursive type ends here
	found := false
	for i := 0; i < t.NumField() && !found; i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if tag := f.Tag.Get("validate"); tag != "" && tag != "-" {
			found = true
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && hasTags(ft) {
			found = true
		}
	}
	tagged.Store(t, found)
	return found
}

// namespacePointer turns validator's namespace ("Block.table.columns[2]",
// already in JSON names) into a JSON Pointer below base. The first segment
// is the Go type the validation started from and is dropped.
func namespacePointer(base, ns string) string {
	_, rest, ok := strings.Cut(ns, ".")
	if !ok {
		return base
	}
	var parts []any
	for _, seg := range strings.Split(rest, ".") {
		name, idx, _ := strings.Cut(seg, "[")
		if name != "" {
			parts = append(parts, name)
		}
		for idx != "" {
			var n string
			n, idx, _ = strings.Cut(idx, "]")
			if i, err := strconv.Atoi(n); err == nil {
				parts = append(parts, i)
			} else {
				parts = append(parts, n)
			}
			idx = strings.TrimPrefix(idx, "[")
		}
	}
	return document.Join(base, parts...)
}

func (c *checker) addTagError(base string, fe validator.FieldError) {
	path := namespacePointer(base, fe.Namespace())
	field := fe.Field()
	// The clerk reads the field's name in the form, not its JSON name.
	label := document.FieldLabel(path)
	param := fe.Param()
	many := fe.Kind() == reflect.Slice || fe.Kind() == reflect.Map
	switch fe.Tag() {
	case "required":
		c.add("schema.required", path,
			fmt.Sprintf("Chưa điền %s.", lowerFirst(label)),
			fmt.Sprintf("required field %q is missing or empty", field))
	case "oneof":
		c.add("schema.oneof", path,
			fmt.Sprintf("%s: giá trị “%v” không nằm trong các giá trị được chọn.", label, fe.Value()),
			fmt.Sprintf("%q is %v, not one of: %s", field, fe.Value(), param))
	case "min":
		if many {
			c.add("schema.min", path,
				fmt.Sprintf("%s cần ít nhất %s dòng.", label, param),
				fmt.Sprintf("%q needs at least %s elements", field, param))
		} else {
			c.add("schema.min", path,
				fmt.Sprintf("%s là %v, nhỏ hơn mức tối thiểu %s.", label, fe.Value(), param),
				fmt.Sprintf("%q is %v, below the minimum %s", field, fe.Value(), param))
		}
	case "max":
		if many {
			c.add("schema.max", path,
				fmt.Sprintf("%s có quá %s dòng.", label, param),
				fmt.Sprintf("%q has more than %s elements", field, param))
		} else {
			c.add("schema.max", path,
				fmt.Sprintf("%s là %v, lớn hơn mức tối đa %s.", label, fe.Value(), param),
				fmt.Sprintf("%q is %v, above the maximum %s", field, fe.Value(), param))
		}
	default:
		c.add("schema.invalid", path,
			fmt.Sprintf("%s có giá trị không hợp lệ.", label),
			fmt.Sprintf("%q fails the %q constraint", field, fe.Tag()))
	}
}

// checkBlockKinds: exactly one kind per block, in the body and appendices.
func checkBlockKinds(c *checker) {
	c.eachBlock(func(b blockInfo) {
		n := 0
		for _, set := range []bool{b.Heading != nil, b.Paragraph != nil, b.Item != nil, b.Table != nil, b.Budget != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			c.add("schema.block_kind", b.Path,
				fmt.Sprintf("Khối nội dung có %d loại; cần đúng một: tiêu đề, đoạn văn, gạch đầu dòng, bảng hoặc kinh phí.", n),
				fmt.Sprintf("block has %d kinds set; exactly one of heading, paragraph, item, table, budget is needed", n))
		}
	})
}

// lowerFirst lowers the first letter of a field's name for use inside a
// sentence ("Chưa điền tên cơ quan ban hành.").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
