package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/vanban/vanban/internal/document"
)

// openAPISpec is openapi.json with the full document schema in it: every
// definition of the generated JSON Schema becomes a component, so
// /openapi.json describes the request body field by field from the same
// source as /v1/schema (the Go model), never a hand-kept copy.
var openAPISpec = mustWithDocumentSchema(openAPIDoc, document.SchemaJSON)

func mustWithDocumentSchema(spec, schema []byte) []byte {
	b, err := withDocumentSchema(spec, schema)
	if err != nil {
		// Both inputs are embedded and tested; failing here is a build
		// defect, caught by the package's tests before it ships.
		panic(fmt.Sprintf("httpapi: openapi.json: %v", err))
	}
	return b
}

// withDocumentSchema puts the schema's $defs into spec's
// components.schemas, references rewritten to "#/components/schemas/…",
// and makes the Document component the schema's Document definition.
func withDocumentSchema(spec, schema []byte) ([]byte, error) {
	var s struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(bytes.ReplaceAll(schema, []byte(`"#/$defs/`), []byte(`"#/components/schemas/`)), &s); err != nil {
		return nil, fmt.Errorf("document schema: %w", err)
	}
	var o map[string]any
	if err := json.Unmarshal(spec, &o); err != nil {
		return nil, err
	}
	comp, _ := o["components"].(map[string]any)
	if comp == nil {
		return nil, fmt.Errorf("no components")
	}
	schemas, _ := comp["schemas"].(map[string]any)
	if schemas == nil {
		return nil, fmt.Errorf("no components.schemas")
	}
	for name, def := range s.Defs {
		if _, taken := schemas[name]; taken && name != "Document" {
			return nil, fmt.Errorf("component %s exists in both", name)
		}
		schemas[name] = def
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(o); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
