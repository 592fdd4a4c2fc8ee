// Package layout is the one source of the geometry both writers draw with:
// the DOCX writer (package docx) writes these numbers into Word XML, and the
// PDF writer (package pdf) places its lines with the same numbers. Parity,
// the PDF paginating page for page like LibreOffice's rendering of the DOCX,
// holds only as long as the two agree, so nothing here may be copied into
// either writer: a decision made twice drifts apart (the header column split
// once did).
//
// What lives here:
//   - units: twips (a DOCX's unit) and points; every length both writers
//     use is rounded to whole twips first, so both round alike;
//   - the page in twips, from compose.Page;
//   - text measurement with the Liberation Serif faces (the same advance
//     widths as Times New Roman), loaded once from the injected fonts fs.FS;
//   - the header block's column split, rule lengths and the rule paragraph's
//     metrics, paragraph spacing as Word and LibreOffice collapse it, data
//     table columns, cell padding and row heights, the closing block split,
//     and the Kính gửi indents;
//   - the decisions both writers must take alike about long pieces (which
//     rows may split across pages, which header rows repeat, whether a Kính
//     gửi list keeps together), on estimated heights (split.go);
//   - the line-breaking rules: where a line must not break (Glue), which
//     the PDF line breaker obeys and the DOCX expresses with non-breaking
//     spaces and hyphens (breaks.go).
//
// What does not: wording, numbering and totals (package compose), and how
// each format expresses the geometry (XML, or PDF operators).
package layout
