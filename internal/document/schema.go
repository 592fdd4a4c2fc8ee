package document

import _ "embed"

// SchemaJSON is the JSON Schema (draft 2020-12) of contract v1, generated
// from the Go types and their comments by TestSchemaUpToDate (run
// `go test ./internal/document -run Schema -update` after changing the
// model) and served at GET /v1/schema.
//
//go:embed schema.json
var SchemaJSON []byte
