// Package importer turns an existing document, a .docx file or plain text
// copied from a portal or a PDF, into the model (package document, v2), so
// that last year's plans can be validated, rolled over and re-rendered.
//
// The import is a recognition, not a conversion: the printed layout of a
// văn bản hành chính (Nghị định 30/2020/NĐ-CP) says what each line is. The
// header block gives the issuing body (parent and issuing lines), the số and
// ký hiệu, the place and date (blank in a draft: "Số: /KH-UBND", "ngày
// tháng năm 2024"); the type name ("KẾ HOẠCH") or a "V/v" line gives the
// type and the trích yếu; "Kính gửi" the addressees; "Căn cứ" lines the
// bases; the numbering ladder (I. / 1. / a) / - / +, or 1.1. / 1.1.1.) the
// body tree; "Nơi nhận" and the TM./KT. chain the closing blocks, even when
// text extraction interleaved the two columns line by line; "PHỤ LỤC" and
// its "(Kèm theo ...)" line the appendices. Amount lines that add up to a
// stated total become a budget block; grids (DOCX tables with gridSpan and
// vMerge, text rows separated by "|" or tabs) become tables with their
// column tree, merged cells and column kinds, and with the section rows,
// totals and formulas their numbers prove (tablestruct.go: tried with
// compose.CalcTable, kept only where the written numbers agree and no
// blank cell would print a computed one). DOCX paragraph styles written by vanban itself are trusted
// first, so a document rendered by vanban imports back to the same JSON.
//
// What follows the signature is never lost nor read as Nơi nhận: a text
// issued with a quyết định (QUY ĐỊNH, ĐIỀU LỆ, DANH SÁCH … with its own
// header or "(Ban hành kèm theo ...)" line) becomes an attachment, with
// its name, trích yếu and Điều; appendices however headed ("Phụ lục",
// "Biểu số", a table with no heading) become appendices, label and
// "(Kèm theo ...)" line kept as written where they differ from the
// derived ones.
//
// The Phụ lục III forms have their own layouts (forms.go): two signature
// blocks side by side (a biên bản's thư ký, a joint document's second
// body) give the cosignature, a công điện's "… điện:" line and its list
// the competence and addressees, the opening of a giấy giới thiệu or
// giấy nghỉ phép its intro, and a ký hiệu with two abbreviations splits a
// joint header into issuer and co_issuer.
//
// Every choice the importer had to guess is listed in the Report next to
// what it recognised, with the source line, so a clerk knows what to
// check; every source paragraph the model does not hold is listed as
// dropped with its text and why (the audit in audit.go checks it). Text in the legacy
// TCVN3 and VNI encodings is detected and converted (package vntext).
//
// A born-digital PDF is read through its text layer (package pdfread:
// poppler's pdftotext and pdftohtml, found at run time): the words' places
// give the header and closing columns, paragraphs and footnotes, and the
// page numbers and signature stamps it drops are listed in the Report. A
// legacy .doc is converted to .docx by LibreOffice when soffice is
// installed.
//
// The office's habit comes along: the margins, body size, line spacing,
// first-line indent and agency size the source sets (a .docx's styles and
// sections, a PDF's text positions) become options.profile where they are
// inside NĐ30's range and differ from the house style, each noted in the
// Report (profile.go, profile_pdf.go).
//
// Input is bounded (Limits): the upload size, and for a .docx the zip entry
// count, the uncompressed size and the XML depth (package docxread); the
// external tools run under a deadline with their output capped. A legacy
// .doc that cannot be converted, a PDF without pdftotext installed, an
// oversized upload, a zip bomb or a malformed file is refused with an error
// that wraps ErrLegacyDOC, ErrNoConverter, ErrTooLarge, ErrZipBomb or
// ErrMalformed, and nothing else is returned.
package importer
