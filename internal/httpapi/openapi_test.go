package httpapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestOpenAPILint checks the served /openapi.json: it parses, every
// "$ref" resolves to a component that exists, the Document component is
// the full document schema, and it compiles in a standard JSON Schema
// validator and accepts every sample (OpenAPI 3.1 schemas are draft
// 2020-12).
func TestOpenAPILint(t *testing.T) {
	var spec struct {
		OpenAPI    string `json:"openapi"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPISpec, &spec); err != nil {
		t.Fatal(err)
	}
	if spec.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", spec.OpenAPI)
	}
	var whole any
	if err := json.Unmarshal(openAPISpec, &whole); err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`"\$ref":\s*"([^"]*)"`).FindAllSubmatch(openAPISpec, -1) {
		ref := string(m[1])
		ptr, ok := strings.CutPrefix(ref, "#/")
		if !ok {
			t.Errorf("$ref %q is not local", ref)
			continue
		}
		var at any = whole
		for _, part := range strings.Split(ptr, "/") {
			obj, _ := at.(map[string]any)
			if at = obj[part]; at == nil {
				break
			}
		}
		if at == nil {
			t.Errorf("$ref %q does not resolve", ref)
		}
	}
	for _, def := range []string{"Document", "Block", "Heading", "Attachment", "Appendix", "Recipient"} {
		if _, ok := spec.Components.Schemas[def]; !ok {
			t.Errorf("component %s is missing", def)
		}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPISpec))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://vanban.invalid/openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("https://vanban.invalid/openapi.json#/components/schemas/Document")
	if err != nil {
		t.Fatalf("Document does not compile: %v", err)
	}
	files, _ := filepath.Glob("../../samples/*.json")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"schema":"vanban/v2","type":"ke_hoach","colour":"red"}`))
	if sch.Validate(bad) == nil {
		t.Error("Document accepts an unknown field")
	}
}
