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
package fonts

import "embed"

//go:embed *.ttf LICENSE-LiberationSerif.txt
var FS embed.FS

// File names of the four faces inside FS.
const (
	Regular    = "LiberationSerif-Regular.ttf"
	Bold       = "LiberationSerif-Bold.ttf"
	Italic     = "LiberationSerif-Italic.ttf"
	BoldItalic = "LiberationSerif-BoldItalic.ttf"
)
