// Package templates embeds the base DOCX template that the DOCX writer
// (internal/render/docx) fills in. The template is stored unpacked, one file
// per OOXML part under base/, so that every change to the page setup, the
// named styles or the page-number header is reviewable as XML in a diff; the
// writer zips the parts in memory once, when it is constructed.
//
// base/word/styles.xml carries one paragraph style per compose.Style with the
// values of compose.Styles (the docx tests fail when they differ);
// base/word/document.xml carries the page setup in its w:sectPr and the
// <!--VB:BODY--> placeholder; base/word/footnotes.xml and
// base/docProps/core.xml carry further <!--VB:...--> placeholders. The
// placeholders are XML comments so that the template stays well-formed and
// no escaped user text can ever match one.
package templates
