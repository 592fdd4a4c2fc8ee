// Package docx renders a composed document (package compose) as a Word
// file laid out as Nghị định 30/2020/NĐ-CP requires: A4, the template's
// margins, Times New Roman, the two-column header block, rules under the
// issuing body's name, the Tiêu ngữ and the trích yếu, literal labels (no
// Word auto-numbering), real footnotes, data tables with repeating header
// rows, the Nơi nhận block beside the signature, and one section per
// appendix with its own orientation and page numbers restarting at 1.
//
// The output goes through github.com/nguyenthenguyen/docx over the base
// template in package templates, whose styles an office may restyle in
// Word. That library only substitutes plain text, so this package writes
// the body XML itself (escaping all user text), substitutes it for the one
// body placeholder, and fills the parts the library cannot reach (footnotes,
// core properties) by rewriting the finished zip in memory. Every document
// is checked (a zip, well-formed XML, no placeholder left) before a byte
// reaches the caller's writer.
//
// The writer decides geometry only, and takes every number the PDF writer
// must agree with from package layout: column widths, rule lengths
// (measured with the Liberation Serif metrics, equal to Times New Roman's),
// indents, table cell padding and grid lines.
// Wording, numbering and totals come from compose.
package docx
