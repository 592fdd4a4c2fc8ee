// Package plantemplate fills a plan template with a data table: one v1
// document per data row, e.g. the yearly plan of each commune of a
// district from one template and one CSV.
//
// # Template
//
// A template is a v1 document in JSON (see internal/document) whose string
// values may contain Go text/template actions. Variables name the data
// columns: {{.Nam}}, {{.DonVi}}, {{.KinhPhi}}. Only these are offered:
//
//	{{.Name}}              the value of column Name
//	{{upper .DonVi}}       Vietnamese upper case ("xã Vĩnh Tú" → "XÃ VĨNH TÚ")
//	{{lower .X}}           Vietnamese lower case
//	{{num .KinhPhi}}       Vietnamese grouping (370000000 → "370.000.000", 12.5 → "12,5")
//	{{words .KinhPhi}}     a whole number in words, no unit ("ba trăm bảy mươi triệu")
//	{{add .Nam -1}}        whole-number addition (last year)
//	{{if .X}}…{{else}}…{{end}}, eq ne lt le gt ge and or not print printf len index
//
// print and printf are bounded versions of the built-ins: a width or
// precision above 64, a "*" width, an argument index "%[2]d", a missing or
// extra argument are errors, and one call makes at most 1 MiB. Everything
// a row generates counts against the document size limit
// (template.too_large), so a few kilobytes of template cannot ask for
// gigabytes.
//
// range, with, define/template, variable declarations and every other
// function are refused when the template is parsed, so that each variable
// a template reads can be checked against each row. Object keys are never
// templated.
//
// Typed values: a JSON string whose whole content is exactly one variable,
// "{{.KinhPhi}}", is replaced by the variable's value with the type the
// contract wants at that place: a number for a numeric field ("date":
// {"year": "{{.Nam}}"}, "total": "{{.KinhPhi}}", "amount": ...), a number
// for a table cell when the value reads as one (else the text), true/false
// for a boolean. Numbers may be written plainly (1250000, 12.5) or with
// Vietnamese grouping ("1.250.000", "12,5"); when both readings are
// possible the Vietnamese one wins ("3.190" is 3190). Anything else in the
// string ("{{num .KinhPhi}}", "năm {{.Nam}}") gives text.
//
// Table rows from data: rows vary per unit, so they come from JSON lines,
// whose values may be arrays and objects: "rows": "{{.Rows}}" in the
// template and {"Rows": [{"cells": ["Lớp", 3]}]} in the data line insert
// the rows as given. A fixed table whose cells vary is written with one
// variable per cell and works from CSV too.
//
// The filled template is encoded to JSON and decoded with
// document.DecodeBytes, so the contract's checks (unknown fields, wrong
// types, limits) apply to every generated document as to any other input.
//
// # Data
//
// CSV with a header row naming the variables (a UTF-8 BOM is skipped;
// values are trimmed and always text), or JSON lines: one JSON object a
// line. ReadData chooses by extension (.csv; .jsonl, .ndjson, .json). A row
// is named, for output files, by its DonVi, TenDonVi, Ten or Name column,
// else its first column (see Row.Name).
//
// # Findings
//
// Execute returns document.Finding values whose message names the row by
// its 1-based data line ("units.csv line 3") and whose Path is the JSON
// Pointer of the template field:
//
//	template.missing_variable  error    a variable the template uses is absent from the row
//	template.unused_variable   warning  a column no template field uses (Path "")
//	template.not_a_number      error    a numeric field got a value that is not a number
//	template.exec              error    a function failed (words of a non-number…)
//	template.too_large         error    the generated text is over the document size limit
//	template.syntax, template.unsupported, template.json  from Parse
//
// A row with an error gives no document. Parse reports template problems
// as a *document.DecodeError, every one with its pointer.
package plantemplate
