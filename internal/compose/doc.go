// Package compose turns a validated document into its printed pieces: every
// word, label, number and total that will appear on paper, in order, with a
// semantic style per paragraph. The DOCX and PDF writers draw this one
// composed document and decide geometry only (where a line breaks, how wide
// a column is); neither decides wording, numbering or totals on its own, so
// the two outputs cannot disagree about content.
//
// Labels a document gives are printed as written, in whatever ladder its
// author used (Phần/Chương/Mục/Điều, I./1./1.1./a)/a./(1)); labels it
// leaves out are computed by the numbering scheme (Numbering). ParseLabel
// reads a written label into its rung and number, the one reading the
// validator's sequence checks share.
//
// The style table (Styles) and the page setup (Page) are shared by both
// writers for the same reason: the DOCX template's named styles are checked
// against Styles in the docx tests, and the PDF writer reads Styles directly.
//
// The derived strings are stated here once: heading labels (Roman, Alpha,
// HeadingLabel, StartLevel and Walk, which the validator checks labels
// with), the ký hiệu (Symbol), the Lưu line (ArchiveLine,
// DocumentArchiveLine). Derive reports all of them, with budget totals and
// amounts in words and computed table cells, keyed by JSON Pointer, for the
// editor (POST /v1/compose-preview), so no client derives them again.
// rulebook_test.go fails when a rule table appears a second time anywhere
// in the repository.
package compose
