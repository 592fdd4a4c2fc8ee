package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vanban/vanban/internal/document"
)

// compileSchema compiles the generated JSON Schema with a standard
// draft 2020-12 validator: a schema that only our own code can read is no
// contract.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(document.SchemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://vanban.invalid/schema/v2.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// schemaBlind says, for each invalid sample the schema accepts while the
// server refuses it, why the schema cannot see the fault: rules about
// meaning (calendar, arithmetic, NĐ30 wording) are not structure. Every
// other disagreement fails the test.
var schemaBlind = map[string]string{
	"bien-ban-one-signature.json":      "whether a second signature is needed depends on the type",
	"bad-date.json":                    "30 February is two integers in range; the calendar check is the server's",
	"budget-not-adding-up.json":        "sums are arithmetic, not structure",
	"budget-words.json":                "an amount in words is compared with the total",
	"cong-van-without-addressees.json": "whether Kính gửi is needed depends on the type",
	"control-char.json":                "control characters are a text rule (any JSON string is a string)",
	"heading-too-deep.json":            "nesting depth of headings counts levels across the tree",
	"item-too-deep.json":               "nesting depth of items counts levels across the tree",
	"kt-not-deputy.json":               "KT. and the signer's title are NĐ30 wording",
	"missing-archive.json":             "archive or archive_line: a rule between two optional fields",
	"missing-signer-name.json":         "a blank name is allowed in a draft; the draft flag may come from the request",
	"mojibake.json":                    "legacy encodings are a text rule",
	"table-cell-count.json":            "cells per row depend on the column tree",
	"table-number-as-string.json":      "whether a cell must be a number depends on its column",
	"table-total-mismatch.json":        "totals are arithmetic",
	"tm-individual.json":               "TM. before a collective body is NĐ30 wording",
	"tm-ubnd-abbreviated.json":         "TM. ỦY BAN NHÂN DÂN is NĐ30 wording",
	"unpadded-number.json":             "number padding is NĐ30 wording",
	"vv-on-ke-hoach.json":              "the V/v prefix is NĐ30 wording",
}

// TestSchemaAgreesWithServer runs every sample and every invalid sample
// through the compiled JSON Schema and through the server's decode and
// validate, and requires them to agree, or the difference to be
// explained in schemaBlind. The schema may be more lenient than the
// server (meaning is not structure); it must never refuse what the server
// accepts.
func TestSchemaAgreesWithServer(t *testing.T) {
	sch := compileSchema(t)
	var files []string
	for _, dir := range []string{samplesDir, invalidDir} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range fs {
			if !strings.HasSuffix(f, ".expected.json") {
				files = append(files, f)
			}
		}
	}
	if len(files) < 10 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			schemaOK := true
			var schemaErr error
			if inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data)); err != nil {
				schemaOK, schemaErr = false, err
			} else if err := sch.Validate(inst); err != nil {
				schemaOK, schemaErr = false, err
			}
			serverOK := true
			d, err := document.DecodeBytes(data, document.Limits{})
			if err != nil {
				serverOK = false
			} else {
				document.Normalize(d, nil)
				serverOK = len(Validate(d, Options{}).Errors()) == 0
			}
			why, blind := schemaBlind[name]
			switch {
			case schemaOK == serverOK && !blind:
			case schemaOK == serverOK && blind:
				if !schemaOK {
					// The schema catches it after all: the note is stale.
					t.Errorf("schemaBlind says %q, but the schema refuses it too: %v", why, schemaErr)
				}
			case !schemaOK && serverOK:
				t.Errorf("the schema refuses what the server accepts: %v", schemaErr)
			case schemaOK && !serverOK && !blind:
				t.Errorf("the server refuses it and the schema accepts it, with no explanation in schemaBlind")
			}
		})
	}
}
