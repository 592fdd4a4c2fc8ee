// Package validate checks a decoded, normalised document against the form
// rules of Nghị định 30/2020/NĐ-CP (NĐ30) and against its own arithmetic
// (budgets and table totals), and returns every problem as a
// document.Finding with a JSON Pointer into the input.
//
// Validate never changes the document and never stops at the first problem:
// a clerk fixing a form wants the whole list. Each rule is one small function
// with a stable code (see Rules, which the README's table is generated
// from); errors block rendering, warnings are format slips that real issued
// documents carry and that a faithful transcription must be allowed to keep
// (a Lưu line written "Lưu VT,VX.", an appendix whose target row is not
// reached).
//
// Three kinds of checks live here:
//
//   - structural: the `validate:` tags on the model structs (required,
//     oneof, min/max), run by go-playground/validator and translated to
//     findings whose paths use the JSON names (codes "schema.*");
//   - form: NĐ30 and its Phụ lục I/III samples ("nd30.*");
//   - arithmetic and text: budgets, tables, control characters, legacy
//     (TCVN3/VNI) mojibake, mixed tone-mark styles and missing font glyphs
//     ("budget.*", "table.*", "text.*").
//
// Findings come back in document order (the order of the JSON contract's
// fields, then array indices), so a list shown to a clerk reads top to
// bottom like the document.
package validate
