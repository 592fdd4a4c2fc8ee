// Package pdf writes a composed document as a PDF with go-pdf/fpdf, drawing
// every line itself: no LibreOffice or browser is involved.
//
// Layout follows the DOCX writer rule for rule so that the PDF and
// LibreOffice's rendering of the DOCX paginate alike: every length both
// writers share (page, header columns, rules and their spacing, paragraph
// spacing collapsed as Word and LibreOffice collapse it, table columns,
// cell padding and row heights, the closing block) and the text
// measurement come from package layout; this package adds Word's greedy
// line breaking on LibreOffice's whole-twip character widths
// (layout.Face.FitAdvance; glyphs are drawn at their exact advances), never
// at layout.Glue, widow and
// orphan control, keep-with-next, repeated table header rows, and the
// continuation of everything taller than a page: a table row (the header
// block's, the closing block's, a data row) splits between the lines of
// its cells where layout says it may, and a footnote continues in the next
// page's footnote area. Nothing a document prints is left off a page. Justified lines are laid
// out word by word at explicit x positions, because PDF word spacing (Tw)
// does not apply to the two-byte glyph codes of an embedded Unicode font.
//
// Output is deterministic: dates come from compose.Meta, objects are
// written in sorted order, so golden tests compare whole files.
package pdf
