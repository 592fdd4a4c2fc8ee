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
// # Lite faces
//
// lite/ holds the four faces cut down to the characters Vietnamese
// administrative text uses, built ahead of time so that a one-shot PDF
// render does not spend 20 ms cutting them (the PDF writer would otherwise
// cut them on its first render; see internal/render/pdf/lite.go). They are
// generated, deterministically, from the faces above by
//
//	go test ./internal/render/pdf -run LiteFonts -update
//
// and that test fails when the committed files are stale.
//
// Licensing. A cut-down font file distributed in this repository and in
// the binary is a Modified Version under the OFL ("deleting ... any of the
// components of the Original Version"); the OFL FAQ says so for subset
// webfonts (2.6) and for fonts transformed for inclusion in a product
// (1.21). "Liberation" is a Reserved Font Name (and Arimo, Tinos and
// Cousine are reserved for the digitized data it is based on), so condition
// 3 forbids a Modified Version to present it as its font name. The lite
// files are therefore renamed "Vanban Serif VI" (PostScript
// VanbanSerifVI-Regular, -Bold, -Italic, -BoldItalic) in their name tables,
// while the copyright (name ID 0), trademark (7), licence (13, 14) and the
// description crediting the original design (10) are kept, and the version
// string says they are a subset. They are under the OFL like the originals,
// and LICENSE-LiberationSerif.txt, whose notice and licence condition 2
// requires with every copy, covers them (its first stanza says so).
//
// What the PDF writer embeds in a document is another matter: embedding a
// subset of an OFL font in a document, under its own name, is expressly
// allowed (FAQ 1.11, 1.12), and it is what every PDF producer does. So the
// writer puts the original name table back into the lite face in memory
// before handing it to fpdf; the subset each PDF embeds is byte for byte
// the one cutting the original at run time gives, and the PDFs do not
// change.
package fonts

import "embed"

//go:embed *.ttf LICENSE-LiberationSerif.txt lite/*.ttf
var FS embed.FS

// File names of the four faces inside FS.
const (
	Regular    = "LiberationSerif-Regular.ttf"
	Bold       = "LiberationSerif-Bold.ttf"
	Italic     = "LiberationSerif-Italic.ttf"
	BoldItalic = "LiberationSerif-BoldItalic.ttf"
)

// File names of the four prebuilt lite faces inside FS (Vanban Serif VI,
// the renamed subsets described above).
const (
	LiteRegular    = "lite/VanbanSerifVI-Regular.ttf"
	LiteBold       = "lite/VanbanSerifVI-Bold.ttf"
	LiteItalic     = "lite/VanbanSerifVI-Italic.ttf"
	LiteBoldItalic = "lite/VanbanSerifVI-BoldItalic.ttf"
)
