// Package pdf writes a composed document as a PDF with go-pdf/fpdf, drawing
// every line itself: no LibreOffice or browser is involved.
//
// Layout follows the DOCX writer rule for rule (package compose's Styles and
// Page, the same table geometry, Word's greedy line breaking with exact
// advance widths, widow and orphan control, keep-with-next, repeated table
// header rows) so that the PDF and LibreOffice's rendering of the DOCX
// paginate alike. Justified lines are laid out word by word at explicit x
// positions, because PDF word spacing (Tw) does not apply to the two-byte
// glyph codes of an embedded Unicode font.
//
// Output is deterministic: dates come from compose.Meta, objects are
// written in sorted order, so golden tests compare whole files.
package pdf
