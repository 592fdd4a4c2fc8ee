package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
)

// Limits bound what Decode accepts, so that one request cannot exhaust the
// service. The zero value means DefaultLimits.
type Limits struct {
	MaxBytes    int64 // size of the JSON text
	MaxDepth    int   // nesting of objects and arrays
	MaxElements int   // entries in any one array or object
}

// DefaultLimits fit the largest real plan many times over.
var DefaultLimits = Limits{MaxBytes: 4 << 20, MaxDepth: 40, MaxElements: 5000}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxElements > 0 {
		d.MaxElements = l.MaxElements
	}
	return d
}

const ruleContract = "vanban JSON v1"

func decodeFinding(path, code, vi, en string) Finding {
	return Finding{Path: path, Field: FieldLabel(path), Code: code, Severity: Error, VI: vi, EN: en, Rule: ruleContract}
}

// Decode reads one v1 document. Every structural problem (malformed JSON,
// unknown field, wrong type, excessive size or depth) is returned in a
// *DecodeError with the JSON Pointer of the offending place; Decode never
// returns a partially filled document with a nil error.
func Decode(r io.Reader, lim Limits) (*Document, error) {
	lim = lim.orDefault()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("decode: read: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &DecodeError{Findings: Findings{decodeFinding("", "decode.too_large",
			fmt.Sprintf("Dữ liệu vượt quá giới hạn %d byte.", lim.MaxBytes),
			fmt.Sprintf("input exceeds the limit of %d bytes", lim.MaxBytes))}}
	}
	return DecodeBytes(data, lim)
}

// DecodeBytes is Decode on a byte slice.
func DecodeBytes(data []byte, lim Limits) (*Document, error) {
	lim = lim.orDefault()
	if int64(len(data)) > lim.MaxBytes {
		return nil, &DecodeError{Findings: Findings{decodeFinding("", "decode.too_large",
			fmt.Sprintf("Dữ liệu vượt quá giới hạn %d byte.", lim.MaxBytes),
			fmt.Sprintf("input exceeds the limit of %d bytes", lim.MaxBytes))}}
	}
	// Depth is checked on the token stream before anything is built, so a
	// deeply nested input costs no more than its bytes.
	if err := CheckDepth(data, lim.MaxDepth); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, SyntaxError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, TrailingData(data, dec.InputOffset())
	}
	w := walker{lim: lim}
	w.walk(v, reflect.TypeOf(Document{}), "")
	if len(w.out) > 0 {
		return nil, &DecodeError{Findings: w.out}
	}
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		// The walk accepts exactly what Unmarshal accepts; reaching here is
		// a bug, reported rather than hidden.
		return nil, &DecodeError{Findings: Findings{decodeFinding("", "decode.invalid",
			"Tài liệu không hợp lệ: "+err.Error(), "invalid document: "+err.Error())}}
	}
	switch d.Schema {
	case SchemaV2, SchemaV1:
		// v2 only adds optional fields, so a v1 document is read as the
		// v2 document it already is; its schema value is kept, so that
		// it writes back exactly as it came.
	default:
		return nil, &DecodeError{Findings: Findings{decodeFinding("/schema", "decode.schema",
			fmt.Sprintf("Trường \"schema\" phải là %q (hoặc %q).", SchemaV2, SchemaV1),
			fmt.Sprintf("\"schema\" must be %q (or %q)", SchemaV2, SchemaV1))}}
	}
	return &d, nil
}

// TrailingData is the error for bytes after a complete JSON value, at
// offset off of data.
func TrailingData(data []byte, off int64) *DecodeError {
	line, col := lineCol(data, off)
	return &DecodeError{Syntax: true, Line: line, Column: col, Findings: Findings{decodeFinding("", "decode.trailing_data",
		fmt.Sprintf("Có dữ liệu thừa sau tài liệu JSON (dòng %d, cột %d).", line, col),
		fmt.Sprintf("unexpected data after the JSON document (line %d, column %d)", line, col))}}
}

// SyntaxError turns an encoding/json decoding failure of data (a syntax
// error or a premature end) into a DecodeError with the 1-based line and
// column of the offending character. The service's batch envelope uses it
// too, so every malformed body is reported the same way.
func SyntaxError(data []byte, err error) *DecodeError {
	var se *json.SyntaxError
	off := int64(len(data))
	msg := err.Error()
	if errors.As(err, &se) {
		// Offset counts the offending byte as read; point at it.
		off = max(se.Offset-1, 0)
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of input"
	}
	line, col := lineCol(data, off)
	return &DecodeError{Syntax: true, Line: line, Column: col, Findings: Findings{decodeFinding("", "decode.syntax",
		fmt.Sprintf("JSON sai cú pháp ở dòng %d, cột %d.", line, col),
		fmt.Sprintf("malformed JSON at line %d, column %d: %s", line, col, msg))}}
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else if c&0xC0 != 0x80 { // count characters, not UTF-8 continuation bytes
			col++
		}
	}
	return line, col
}

// CheckDepth scans data once, before anything is decoded, and refuses
// nesting deeper than max levels with the JSON Pointer of the first value
// that goes too deep, and its line and column, so a clerk or a client can
// find it. It assumes nothing about the syntax, which the decoder checks
// afterwards; on malformed input the pointer is a best effort.
func CheckDepth(data []byte, max int) error {
	// One frame per open container: for an object the key of the member
	// being read, for an array the index of the element.
	type frame struct {
		array bool
		key   []byte // raw key bytes, still JSON-escaped
		index int
		inKey bool // the next string in this object is a key
	}
	var stack []frame
	start := -1 // where the string being read began, when it is a key
	inString, escaped := false, false
	for i, c := range data {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
				if start >= 0 {
					stack[len(stack)-1].key = data[start:i]
					start = -1
				}
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].inKey {
				stack[n-1].inKey = false
				start = i + 1
			}
		case '{', '[':
			if len(stack) >= max {
				path := make([]any, 0, len(stack))
				for _, f := range stack {
					if f.array {
						path = append(path, f.index)
					} else {
						path = append(path, unquoteKey(f.key))
					}
				}
				line, col := lineCol(data, int64(i))
				return &DecodeError{Line: line, Column: col, Findings: Findings{decodeFinding(Pointer(path...), "decode.too_deep",
					fmt.Sprintf("Dữ liệu lồng nhau quá %d cấp (dòng %d, cột %d).", max, line, col),
					fmt.Sprintf("input nests deeper than %d levels (line %d, column %d)", max, line, col))}}
			}
			stack = append(stack, frame{array: c == '[', inKey: c == '{'})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if n := len(stack); n > 0 {
				if stack[n-1].array {
					stack[n-1].index++
				} else {
					stack[n-1].inKey = true
				}
			}
		}
	}
	return nil
}

// unquoteKey decodes the bytes of an object key as JSON does.
func unquoteKey(raw []byte) string {
	if !bytes.ContainsRune(raw, '\\') {
		return string(raw)
	}
	var s string
	if err := json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &s); err != nil {
		return string(raw)
	}
	return s
}

var (
	textType = reflect.TypeOf(Text{})
	cellType = reflect.TypeOf(Cell{})
)

// walker compares a generic JSON value with the Go type it must fill and
// records every mismatch with its JSON Pointer. encoding/json stops at the
// first problem and reports unknown fields without a path; a clerk fixing a
// form needs all of them, each at its place.
type walker struct {
	lim Limits
	out Findings
}

func (w *walker) add(path, code, vi, en string) {
	if len(w.out) < 100 {
		w.out = append(w.out, decodeFinding(path, code, vi, en))
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

var kindVI = map[string]string{"null": "rỗng (null)", "string": "chuỗi", "number": "số", "boolean": "đúng/sai",
	"array": "danh sách", "object": "đối tượng", "integer": "số nguyên", "string or array of runs": "chuỗi hoặc danh sách đoạn chữ",
	"number, string or null": "số, chuỗi hoặc rỗng"}

func (w *walker) wrongType(path, want string, v any) {
	got := jsonKind(v)
	w.add(path, "decode.type",
		fmt.Sprintf("Sai kiểu dữ liệu: cần %s, nhận được %s.", kindVI[want], kindVI[got]),
		fmt.Sprintf("wrong type: want %s, got %s", want, got))
}

func (w *walker) walk(v any, t reflect.Type, path string) {
	switch t {
	case textType:
		switch x := v.(type) {
		case string:
		case []any:
			w.walk(x, reflect.TypeOf([]Run{}), path)
		default:
			w.wrongType(path, "string or array of runs", v)
		}
		return
	case cellType:
		switch v.(type) {
		case string, json.Number, nil:
		default:
			w.wrongType(path, "number, string or null", v)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v == nil {
			return
		}
		w.walk(v, t.Elem(), path)
	case reflect.String:
		if _, ok := v.(string); !ok {
			w.wrongType(path, "string", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			w.wrongType(path, "boolean", v)
		}
	case reflect.Int, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			w.wrongType(path, "integer", v)
			return
		}
		if _, err := n.Int64(); err != nil {
			w.add(path, "decode.type", "Cần một số nguyên.", "want an integer, got "+n.String())
		}
	case reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			w.wrongType(path, "number", v)
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			if v != nil {
				w.wrongType(path, "array", v)
			}
			return
		}
		if len(arr) > w.lim.MaxElements {
			w.add(path, "decode.too_many",
				fmt.Sprintf("Danh sách có %d phần tử, vượt giới hạn %d.", len(arr), w.lim.MaxElements),
				fmt.Sprintf("array has %d elements, over the limit of %d", len(arr), w.lim.MaxElements))
			return
		}
		for i, e := range arr {
			w.walk(e, t.Elem(), Join(path, i))
		}
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			if v != nil {
				w.wrongType(path, "object", v)
			}
			return
		}
		if len(obj) > w.lim.MaxElements {
			w.add(path, "decode.too_many", "Đối tượng có quá nhiều trường.", "object has too many members")
			return
		}
		fields := structFields(t)
		// Sorted keys keep the findings in a stable order.
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sortStrings(keys)
		for _, k := range keys {
			f, ok := fields[k]
			if !ok {
				w.add(Join(path, k), "decode.unknown_field",
					fmt.Sprintf("Trường %q không có trong hợp đồng dữ liệu v1.", k),
					fmt.Sprintf("unknown field %q", k))
				continue
			}
			w.walk(obj[k], f, Join(path, k))
		}
	}
}

func structFields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	return m
}

func sortStrings(s []string) { slices.Sort(s) }
