// Package fonts embeds the Times New Roman metric clone vanban prints with:
// Liberation Serif 2.1.5 (Debian fonts-liberation2), regular, bold, italic
// and bold italic, under the SIL Open Font License 1.1
// (LICENSE-LiberationSerif.txt). Its advance widths equal Times New Roman's,
// so a DOCX that names "Times New Roman" and a PDF drawn with this font
// break lines at the same places, and its glyphs cover every precomposed
// Vietnamese letter.
//
// The files are exposed as an fs.FS so that callers inject them; tests can
// substitute their own.
//
// # Code-page cuts
//
// paged/ holds each face cut to each of the PDF writer's single-byte code
// pages (internal/render/pdf/paged.go): about 224 characters each, zlib
// compressed, as fpdf embeds them. They are built ahead of time so that a
// one-shot PDF render does not spend 10-20 ms cutting and compressing; the
// writer checks that a file is a cut of its face to its page and cuts at
// run time when it is missing or does not fit, giving the same bytes. They
// are generated, deterministically, from the faces above by
//
//	go test ./internal/render/pdf -run PagedFontFiles -update
//
// and that test fails when the committed files are stale.
//
// Licensing. A cut-down font file distributed in this repository and in
// the binary is a Modified Version under the OFL ("deleting ... any of the
// components of the Original Version"); the OFL FAQ says so for subset
// webfonts (2.6) and for fonts transformed for inclusion in a product
// (1.21). "Liberation" is a Reserved Font Name (and Arimo, Tinos and
// Cousine are reserved for the digitized data it is based on), so condition
// 3 forbids a Modified Version to present it as its font name. The cuts
// are therefore renamed "Vanban Serif VI" (PostScript
// VanbanSerifVI-Regular, -Bold, -Italic, -BoldItalic) in their name tables,
// while the copyright (name ID 0), trademark (7), licence (13, 14) and the
// description crediting the original design (10) are kept, and the version
// string says they are a subset. They are under the OFL like the originals,
// and LICENSE-LiberationSerif.txt, whose notice and licence condition 2
// requires with every copy, covers them (its first stanza says so).
//
// A PDF embeds the subsets it draws with; embedding a subset of an OFL
// font in a document is expressly allowed (FAQ 1.11, 1.12). The PDF names
// each one by the design it shows, as a subset ("VNAAAA+LiberationSerif"),
// so that a reader checking the fonts of an official document sees the
// Times New Roman metric clone it was typeset with.
package fonts

import "embed"

//go:embed *.ttf LICENSE-LiberationSerif.txt paged/*.z
var FS embed.FS

// File names of the four faces inside FS.
const (
	Regular    = "LiberationSerif-Regular.ttf"
	Bold       = "LiberationSerif-Bold.ttf"
	Italic     = "LiberationSerif-Italic.ttf"
	BoldItalic = "LiberationSerif-BoldItalic.ttf"
)

// PagedDir is the folder of the code-page cuts inside FS, named
// VanbanSerifVI-<Regular|Bold|Italic|BoldItalic>-<page>.z.
const PagedDir = "paged"
