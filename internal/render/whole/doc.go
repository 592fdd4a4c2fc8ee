// Package whole holds the end-to-end tests of the rule "valid means printed
// whole": every document that validates without errors composes and
// renders in both formats, and every word it prints is in the PDF's text
// (pdftotext) and in the DOCX's text (word/document.xml), in order, with no
// line broken where a reviewer would bounce it (layout.BadBreaks). The
// documents are the samples and generated ones with very long pieces
// (gen_test.go); a fuzz target builds random valid documents from a seed.
// The package has no code of its own: it only drives the pipeline.
package whole
