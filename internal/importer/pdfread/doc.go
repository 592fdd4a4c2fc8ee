// Package pdfread reads the text layer of a born-digital PDF (a Word or
// Aspose export, often digitally signed) into paragraphs tagged with the
// zone of the printed văn bản they belong to, so that the importer's
// recogniser can read them as it reads a .docx.
//
// It works in two steps, kept apart so the second is testable without any
// external tool:
//
//   - Extract runs poppler's pdftotext -bbox-layout (found at run time, under
//     a context deadline and an output cap) and returns each page's words
//     with their boxes; bold and italic come from the fonts pdftohtml -xml
//     names (styles.go). No Go library in reach reads positioned text from
//     these files correctly (Identity-H fonts with ToUnicode CMaps, signature
//     appearance streams drawn over the page); poppler does.
//   - Layout turns positioned words into paragraphs: words into visual lines
//     and lines into column segments; page numbers and digital-signature
//     stamps removed (and listed as dropped, with why); the header's two
//     columns told apart by x (agency, Số, V/v on the left; Quốc hiệu, Tiêu
//     ngữ, place and date on the right) and emitted as the two cells of a
//     .docx header table (so is the header of a document attached after the
//     signature, at the top of its page); the Nơi nhận and signature
//     columns likewise; body lines re-joined into paragraphs by indent, line
//     ends, spacing and the numbering ladder; footnote texts at page feet
//     attached to their marker or kept as text; known mis-encoded Vietnamese
//     glyphs repaired.
//
// What is a list label or a document type name is the importer's knowledge;
// Layout asks for it through Options, so each rule lives once.
package pdfread
