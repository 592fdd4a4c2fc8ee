// Package docxread reads the text of a Word document (.docx) into a flat
// list of paragraphs and tables: paragraph style, runs with bold, italic and
// footnote text, and table cells with their horizontal span (gridSpan) and
// vertical merge (vMerge). It reads files written by Word, LibreOffice and
// WPS alike: it matches elements by namespace and local name, walks through
// content controls (w:sdt), hyperlinks, smart tags, simple fields and
// tracked insertions, skips deletions and field codes, reads the text
// boxes of drawings (DrawingML, or the VML fallback, once), resolves Word
// automatic numbering (numbering.xml) into the labels Word prints and marks
// the rows Word repeats as table headers (w:tblHeader), turns the
// characters inserted from symbol fonts (w:sym: a ticked box, a tick, a
// bullet) into characters vanban prints, or a private-use character the
// importer reports when there is none, and resolves the main part and the footnotes through the package
// relationships rather than fixed names.
//
// Everything it reads is bounded, because the file comes from an upload:
// the zip's size, its entry count, the total uncompressed size (checked on
// the declared sizes and again on the bytes actually inflated, so a lying
// header cannot get past), the XML parsed (MaxXML: a 200 KB .docx can
// inflate to 60 MiB of paragraphs, and parsing costs many times the XML's
// size), the paragraphs, runs and bytes of text read, and the XML nesting
// depth. A file that breaks a limit or is not a well-formed package is
// refused with an error wrapping ErrTooLarge, ErrZipBomb or ErrMalformed;
// nothing is returned with it. ReadContext also stops, with the context's
// error, once its context is done (the parser looks every 4096 tokens).
//
// ReadFormat reads, under the same limits, how the file is set rather than
// what it says: the first section's margins and each paragraph's indent,
// line spacing and run size resolved through w:docDefaults and the style
// chain, from which the importer takes the office's profile.
//
// Layout and meaning are left to the caller (package importer): this
// package only reports what is in the file.
package docxread
