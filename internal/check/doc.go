// Package check reviews a .docx or a PDF against the measurable rules of
// NĐ 30/2020/NĐ-CP (Phụ lục I) as a Văn phòng reviewer does before
// signature, whoever produced the file.
//
// Each format is read into one neutral model (para.go): paragraphs with
// their text, resolved font, size, weight, alignment, indent and spacing,
// the page they are on and whether they sit in a table cell, plus the
// pages' size and margins and where the page numbers are. The rules
// (rules.go, text.go) then run once over that model, so a rule exists once
// for both formats:
//
//   - DOCX (docx.go): formatting resolved the way Word does, from
//     docDefaults through the table, paragraph and character styles (with
//     their basedOn chains) to direct formatting; sections from w:sectPr;
//     page numbers from PAGE fields in the headers.
//   - PDF (pdf.go): poppler's positioned words from importer/pdfread, with
//     the font and size pdftohtml names for each word, grouped into lines.
//
// The content rules are those of validate, run on the document importer
// reads from the same bytes (content.go). The Vietnamese text rules go
// beyond layout: text not in NFC, TCVN3/VNI remnants, mixed tone-mark
// styles, a wrong dash in the Tiêu ngữ, double spaces, a repeated word,
// numbering that jumps, and names of bodies and administrative units
// capitalised against Phụ lục II (capitals.go: small tables, nothing
// reported when unsure).
//
// Parity (parity.go) lays a DOCX out with LibreOffice in a private temp
// directory and profile, under a deadline, and compares every line of
// every page with a PDF.
//
// Every finding names the element, what the file has, what NĐ30 asks, the
// rule, the page (0 when unknown) and a severity: send back, ask for a
// fix, or cosmetic.
package check
