package plantemplate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/vanban/vanban/internal/document"
)

// Finding codes.
const (
	CodeSyntax          = "template.syntax"           // a {{...}} that does not parse
	CodeUnsupported     = "template.unsupported"      // range, with, define… or a function not offered
	CodeMissingVariable = "template.missing_variable" // used in the template, absent in the row
	CodeUnusedVariable  = "template.unused_variable"  // a column the template never uses
	CodeExec            = "template.exec"             // a function failed (words of a non-number…)
	CodeNotANumber      = "template.not_a_number"     // a numeric field given a non-number
	CodeJSON            = "template.json"             // the template is not JSON
	CodeTooLarge        = "template.too_large"        // the generated text is over the size limit
)

const ruleTemplate = "vanban plan template"

// Template is a parsed plan template, safe for concurrent use.
type Template struct {
	root   any
	fields map[string]*field // by JSON Pointer
	order  []string          // pointers in document order
	vars   []string          // every variable used, sorted
}

// field is one templated string of the template.
type field struct {
	path string
	segs []string
	tmpl *template.Template
	vars []string
	// single is the variable name when the whole string is exactly
	// {{.Name}}: its value then keeps its JSON type.
	single string
}

// Parse reads a template: a v1 document in JSON whose strings may hold
// {{...}} actions. A template that is not JSON, or whose actions do not
// parse or use what is not offered, is returned as a *document.DecodeError
// carrying every problem with its JSON Pointer.
func Parse(data []byte) (*Template, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, &document.DecodeError{Findings: document.Findings{finding("", CodeJSON, document.Error,
			"Mẫu không phải JSON hợp lệ: "+err.Error(), "template: not valid JSON: "+err.Error())}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &document.DecodeError{Findings: document.Findings{finding("", CodeJSON, document.Error,
			"Có dữ liệu thừa sau mẫu JSON.", "template: unexpected data after the JSON value")}}
	}
	if _, ok := root.(map[string]any); !ok {
		return nil, &document.DecodeError{Findings: document.Findings{finding("", CodeJSON, document.Error,
			"Mẫu phải là một đối tượng JSON (một văn bản).", "template: must be a JSON object (one document)")}}
	}
	t := &Template{root: root, fields: map[string]*field{}}
	var fs document.Findings
	t.collect(root, nil, &fs)
	if len(fs) > 0 {
		return nil, &document.DecodeError{Findings: fs}
	}
	seen := map[string]bool{}
	for _, p := range t.order {
		for _, v := range t.fields[p].vars {
			if !seen[v] {
				seen[v] = true
				t.vars = append(t.vars, v)
			}
		}
	}
	slices.Sort(t.vars)
	return t, nil
}

// Vars returns the names of the variables the template uses, sorted.
func (t *Template) Vars() []string { return slices.Clone(t.vars) }

// collect finds every templated string under v, in document order (object
// keys sorted, as the output JSON is).
func (t *Template) collect(v any, segs []string, fs *document.Findings) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			t.collect(x[k], append(slices.Clip(segs), k), fs)
		}
	case []any:
		for i, e := range x {
			t.collect(e, append(slices.Clip(segs), strconv.Itoa(i)), fs)
		}
	case string:
		if !strings.Contains(x, "{{") {
			return
		}
		path := pointer(segs)
		tm, err := template.New(path).Option("missingkey=error").Funcs(funcs).Parse(x)
		if err != nil {
			*fs = append(*fs, finding(path, CodeSyntax, document.Error,
				"Biến mẫu sai cú pháp: "+err.Error(), "template syntax: "+err.Error()))
			return
		}
		f := &field{path: path, segs: segs, tmpl: tm}
		var bad []string
		walkNodes(tm.Tree.Root, &f.vars, &bad)
		if len(bad) > 0 {
			*fs = append(*fs, finding(path, CodeUnsupported, document.Error,
				"Mẫu dùng cấu trúc không được hỗ trợ: "+strings.Join(bad, ", "),
				"template uses what is not supported: "+strings.Join(bad, ", ")))
			return
		}
		f.single = singleVar(tm.Tree.Root)
		t.fields[path] = f
		t.order = append(t.order, path)
	}
}

// allowed are the functions a template may call: ours and the harmless
// built-ins (comparisons, logic, print, len, index).
var allowed = map[string]bool{
	"upper": true, "lower": true, "num": true, "words": true, "add": true,
	"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"and": true, "or": true, "not": true, "print": true, "printf": true, "len": true, "index": true,
}

// walkNodes records the variables a template reads and anything it may
// not use. range and with change what "." means, so a variable inside them
// could not be checked against the row; they are refused.
func walkNodes(n parse.Node, vars, bad *[]string) {
	addVar := func(name string) {
		if !slices.Contains(*vars, name) {
			*vars = append(*vars, name)
		}
	}
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return
		}
		for _, c := range x.Nodes {
			walkNodes(c, vars, bad)
		}
	case *parse.ActionNode:
		walkNodes(x.Pipe, vars, bad)
	case *parse.PipeNode:
		if x == nil {
			return
		}
		if len(x.Decl) > 0 {
			*bad = append(*bad, "variable declarations ($x := …)")
		}
		for _, c := range x.Cmds {
			walkNodes(c, vars, bad)
		}
	case *parse.CommandNode:
		for _, a := range x.Args {
			walkNodes(a, vars, bad)
		}
	case *parse.FieldNode:
		addVar(x.Ident[0])
	case *parse.VariableNode:
		if len(x.Ident) > 1 && x.Ident[0] == "$" {
			addVar(x.Ident[1])
		} else {
			*bad = append(*bad, "variables ("+x.String()+")")
		}
	case *parse.ChainNode:
		walkNodes(x.Node, vars, bad)
	case *parse.IdentifierNode:
		if !allowed[x.Ident] {
			*bad = append(*bad, "function "+x.Ident)
		}
	case *parse.IfNode:
		walkNodes(x.Pipe, vars, bad)
		walkNodes(x.List, vars, bad)
		walkNodes(x.ElseList, vars, bad)
	case *parse.RangeNode:
		*bad = append(*bad, "range")
	case *parse.WithNode:
		*bad = append(*bad, "with")
	case *parse.TemplateNode:
		*bad = append(*bad, "template")
	case *parse.BreakNode, *parse.ContinueNode:
		*bad = append(*bad, "break/continue")
	}
}

// singleVar returns Name when the whole template is exactly {{.Name}}.
func singleVar(root *parse.ListNode) string {
	if root == nil || len(root.Nodes) != 1 {
		return ""
	}
	a, ok := root.Nodes[0].(*parse.ActionNode)
	if !ok || len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 1 {
		return ""
	}
	f, ok := a.Pipe.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return ""
	}
	return f.Ident[0]
}

// pointer is the JSON Pointer of segs (document.Pointer).
func pointer(segs []string) string {
	parts := make([]any, len(segs))
	for i, s := range segs {
		parts[i] = s
	}
	return document.Pointer(parts...)
}

func finding(path, code string, sev document.Severity, vi, en string) document.Finding {
	return document.Finding{Path: path, Code: code, Severity: sev, VI: vi, EN: en, Rule: ruleTemplate}
}

// Result is one document made from one data row.
type Result struct {
	Row Row
	// JSON is the generated document; nil when a variable was missing or
	// a substitution failed.
	JSON []byte
	// Doc is JSON decoded; nil when it does not decode as v1.
	Doc *document.Document
	// Findings of the template (missing and unused variables, failed
	// functions) and of decoding. Rule findings (NĐ30) come later, from
	// the engine.
	Findings document.Findings
}

// Execute fills the template with one row. It never returns a partial
// document: a row with a missing variable gives no JSON, only findings.
func (t *Template) Execute(row Row, lim document.Limits) *Result {
	res := &Result{Row: row}
	where := row.where()
	for _, p := range t.order {
		f := t.fields[p]
		for _, v := range f.vars {
			if _, ok := row.Values[v]; !ok {
				res.Findings = append(res.Findings, finding(f.path, CodeMissingVariable, document.Error,
					fmt.Sprintf("%s: thiếu biến %q mà mẫu dùng ở %s.", where.vi, v, f.path),
					fmt.Sprintf("%s: variable %q used at %s is missing", where.en, v, f.path)))
			}
		}
	}
	for _, c := range row.Columns {
		if !slices.Contains(t.vars, c) {
			res.Findings = append(res.Findings, finding("", CodeUnusedVariable, document.Warning,
				fmt.Sprintf("%s: cột %q không được mẫu sử dụng.", where.vi, c),
				fmt.Sprintf("%s: column %q is not used by the template", where.en, c)))
		}
	}
	if res.Findings.HasErrors() {
		return res
	}
	maxBytes := lim.MaxBytes
	if maxBytes <= 0 {
		maxBytes = document.DefaultLimits.MaxBytes
	}
	// The generated document is held to the decode size limit, as it will
	// be anyway; counting while writing stops a runaway template early.
	bud := &budget{left: maxBytes, max: maxBytes}
	tree := t.fill(t.root, nil, row, bud, &res.Findings)
	if res.Findings.HasErrors() {
		return res
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil {
		res.Findings = append(res.Findings, finding("", CodeExec, document.Error,
			"Không tạo được văn bản: "+err.Error(), "cannot build the document: "+err.Error()))
		return res
	}
	res.JSON = buf.Bytes()
	d, err := document.DecodeBytes(res.JSON, lim)
	if err != nil {
		var de *document.DecodeError
		if errors.As(err, &de) {
			res.Findings = append(res.Findings, de.Findings...)
		} else {
			res.Findings = append(res.Findings, finding("", CodeExec, document.Error, err.Error(), err.Error()))
		}
		return res
	}
	res.Doc = d
	return res
}

// fill copies v with every templated string executed.
func (t *Template) fill(v any, segs []string, row Row, bud *budget, fs *document.Findings) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = t.fill(e, append(slices.Clip(segs), k), row, bud, fs)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = t.fill(e, append(slices.Clip(segs), strconv.Itoa(i)), row, bud, fs)
		}
		return out
	case string:
		if !strings.Contains(x, "{{") {
			return x // most strings: no pointer to build
		}
		f, ok := t.fields[pointer(segs)]
		if !ok {
			return x
		}
		if f.single != "" {
			val, err := typed(row.Values[f.single], targetType(f.segs))
			if err != nil {
				where := row.where()
				*fs = append(*fs, finding(f.path, CodeNotANumber, document.Error,
					fmt.Sprintf("%s: biến %q: %v", where.vi, f.single, err),
					fmt.Sprintf("%s: variable %q: %v", where.en, f.single, err)))
				return x
			}
			return val
		}
		var b strings.Builder
		if err := f.tmpl.Execute(budgetWriter{b: &b, bud: bud}, row.Values); err != nil {
			where := row.where()
			if errors.Is(err, errTooLong) {
				*fs = append(*fs, finding(f.path, CodeTooLarge, document.Error,
					fmt.Sprintf("%s: văn bản tạo từ mẫu quá dài (giới hạn %d byte).", where.vi, bud.max),
					fmt.Sprintf("%s: the document generated from the template is too long (limit %d bytes)", where.en, bud.max)))
				return x
			}
			*fs = append(*fs, finding(f.path, CodeExec, document.Error,
				fmt.Sprintf("%s: lỗi khi điền mẫu: %v", where.vi, err),
				fmt.Sprintf("%s: executing the template: %v", where.en, err)))
			return x
		}
		return b.String()
	}
	return v
}

var (
	docType  = reflect.TypeOf(document.Document{})
	textType = reflect.TypeOf(document.Text{})
	runType  = reflect.TypeOf(document.Run{})
	cellType = reflect.TypeOf(document.Cell{})
)

// targetType is the Go type of the contract at a path, or nil when the
// path leaves the contract (decoding will report it).
func targetType(segs []string) reflect.Type {
	t := docType
	for _, s := range segs {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t == textType:
			t = runType
		case t.Kind() == reflect.Slice:
			t = t.Elem()
		case t.Kind() == reflect.Struct:
			ft, ok := jsonField(t, s)
			if !ok {
				return nil
			}
			t = ft
		default:
			return nil
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func jsonField(t reflect.Type, name string) (reflect.Type, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == name && f.IsExported() {
			return f.Type, true
		}
	}
	return nil, false
}
