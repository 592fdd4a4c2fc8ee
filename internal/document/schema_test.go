package document

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
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
	if _, ok := s.Definitions["Run"]; !ok {
		s.Definitions["Run"] = r.ReflectFromType(reflect.TypeOf(Run{}))
		s.Definitions["Run"].Version = ""
		s.Definitions["Run"].ID = ""
	}
	if d, ok := s.Definitions["Document"]; ok {
		d.Required = []string{"schema", "type", "issuer", "signature", "distribution"}
		d.Properties.Set("schema", &jsonschema.Schema{Type: "string", Enum: []any{SchemaV2, SchemaV1}, Description: "Contract version (phiên bản hợp đồng dữ liệu): vanban/v2, or vanban/v1 read as v2."})
		codes := make([]any, len(Types))
		for i, dt := range Types {
			codes[i] = dt.Code
		}
		d.Properties.Set("type", &jsonschema.Schema{Type: "string", Enum: codes, Description: "Document type (tên loại văn bản), a code from Phụ lục III."})
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
