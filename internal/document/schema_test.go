package document

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"
)

var update = flag.Bool("update", false, "rewrite generated files and goldens")

// generateSchema reflects the model into a JSON Schema, taking every field's
// description from its Go comment, so the contract's documentation has one
// source: model.go.
func generateSchema(t *testing.T) []byte {
	t.Helper()
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: false,
		AllowAdditionalProperties:  false,
		DoNotReference:             false,
		Mapper: func(rt reflect.Type) *jsonschema.Schema {
			switch rt {
			case reflect.TypeOf(Text{}):
				return &jsonschema.Schema{
					Description: "A paragraph: a plain string, or an array of runs with emphasis.",
					OneOf: []*jsonschema.Schema{
						{Type: "string"},
						{Type: "array", Items: &jsonschema.Schema{Ref: "#/$defs/Run"}},
					},
				}
			case reflect.TypeOf(Cell{}):
				return &jsonschema.Schema{
					Description: "A table cell: a number, a string (\"-\" means none) or null (blank; computed in total rows and sum columns).",
					OneOf:       []*jsonschema.Schema{{Type: "number"}, {Type: "string"}, {Type: "null"}},
				}
			}
			return nil
		},
	}
	if err := r.AddGoComments("github.com/vanban/vanban/internal/document", "./"); err != nil {
		t.Fatal(err)
	}
	s := r.Reflect(&Document{})
	s.ID = "https://vanban.invalid/schema/v2.json"
	s.Title = "vanban document, contract v2"
	// Run is referenced from the Text mapper, so make sure it is defined.
	// ReflectFromType wraps the definition as {"$ref": "#/$defs/Run",
	// "$defs": {"Run": …}}: taken as is, "#/$defs/Run" would point at the
	// wrapper itself, a reference with no base case that standard
	// validators (Ajv) refuse. Keep the inner definition only.
	if _, ok := s.Definitions["Run"]; !ok {
		run := r.ReflectFromType(reflect.TypeOf(Run{}))
		if inner, ok := run.Definitions["Run"]; ok {
			run = inner
		}
		run.Version, run.ID, run.Ref, run.Definitions = "", "", "", nil
		s.Definitions["Run"] = run
	}
	applyValidateTags(s.Definitions, reflect.TypeOf(Document{}), map[reflect.Type]bool{})
	if d, ok := s.Definitions["Document"]; ok {
		d.Required = []string{"schema", "type", "issuer", "signature", "distribution"}
		d.Properties.Set("schema", &jsonschema.Schema{Type: "string", Enum: []any{SchemaV2, SchemaV1}, Description: "Contract version (phiên bản hợp đồng dữ liệu): vanban/v2, or vanban/v1 read as v2."})
		codes := make([]any, len(Types))
		for i, dt := range Types {
			codes[i] = dt.Code
		}
		d.Properties.Set("type", &jsonschema.Schema{Type: "string", Enum: codes, Description: "Document type (tên loại văn bản), a code from Phụ lục III."})
	}
	// The decoder's limits (DefaultLimits.MaxElements) hold for every array.
	for _, def := range s.Definitions {
		for pair := def.Properties.Oldest(); pair != nil; pair = pair.Next() {
			if p := pair.Value; p.Type == "array" && p.MaxItems == nil {
				p.MaxItems = ptr(uint64(DefaultLimits.MaxElements))
			}
		}
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func TestSchemaUpToDate(t *testing.T) {
	got := generateSchema(t)
	if *update {
		if err := os.WriteFile("schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, SchemaJSON) {
		t.Fatal("schema.json is stale: run go test ./internal/document -run Schema -update and review the diff")
	}
}

func ptr[T any](v T) *T { return &v }

// applyValidateTags copies the constraints of the model's `validate` tags
// (the ones the server enforces with validator/v10) into the schema, so
// that enums, ranges and limits live in one place: the Go model. required
// → a non-empty value; min/max → minimum/maximum, minItems/maxItems or
// minLength/maxLength by kind; oneof → enum (with "" when omitempty);
// dive,required → non-empty items.
func applyValidateTags(defs jsonschema.Definitions, t reflect.Type, seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	def, ok := defs[t.Name()]
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		applyValidateTags(defs, f.Type, seen)
		if !ok || def.Properties == nil {
			continue
		}
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		p, found := def.Properties.Get(name)
		if !found || p == nil {
			continue
		}
		tag := f.Tag.Get("validate")
		if tag == "" {
			continue
		}
		kind := f.Type.Kind()
		target := p
		omitempty := false
		for _, part := range strings.Split(tag, ",") {
			key, val, _ := strings.Cut(part, "=")
			switch key {
			case "omitempty":
				omitempty = true
			case "dive":
				if p.Items == nil {
					p.Items = &jsonschema.Schema{}
				}
				target, kind = p.Items, f.Type.Elem().Kind()
			case "required":
				switch kind {
				case reflect.String:
					target.MinLength = ptr(uint64(1))
				case reflect.Slice:
					if target.MinItems == nil {
						target.MinItems = ptr(uint64(1))
					}
				}
				if target == p && !slices.Contains(def.Required, name) {
					def.Required = append(def.Required, name)
				}
			case "min", "max":
				n, err := strconv.ParseFloat(val, 64)
				if err != nil {
					continue
				}
				switch kind {
				case reflect.Slice:
					if key == "min" {
						target.MinItems = ptr(uint64(n))
					} else {
						target.MaxItems = ptr(uint64(n))
					}
				case reflect.String:
					if key == "min" {
						target.MinLength = ptr(uint64(n))
					} else {
						target.MaxLength = ptr(uint64(n))
					}
				default:
					if key == "min" {
						target.Minimum = json.Number(val)
					} else {
						target.Maximum = json.Number(val)
					}
				}
			case "oneof":
				var enum []any
				if omitempty {
					enum = append(enum, "")
				}
				for _, v := range strings.Fields(val) {
					enum = append(enum, v)
				}
				target.Enum = enum
			}
		}
	}
}
