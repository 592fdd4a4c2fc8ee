package pdf

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
)

// TestItalicLineReserve: an italic line must fit its width less
// layout.Fonts.ItalicReserve, as LibreOffice breaks it; an upright one
// may fill the width. The case is the căn cứ that broke one word earlier
// in LibreOffice's rendering of our DOCX than in the PDF.
func TestItalicLineReserve(t *testing.T) {
	w := newWriter(t)
	const text = "Căn cứ Luật số 15/2012/QH13 ngày 20/6/2012 về Xử lý vi phạm hành chính, sửa đổi bổ sung năm 2025;"
	spec := compose.Styles[compose.StyleBasis]
	first := func(italic bool) (string, float64) {
		s := spec
		s.Italic = italic
		fi := layout.FaceOf(false, italic)
		// The width the first line (with its indent) just fits, upright:
		// 0.4 pt to spare, less than the italic reserve.
		words := "Căn cứ Luật số 15/2012/QH13 ngày 20/6/2012 về Xử lý vi phạm hành chính,"
		width := layout.IndentPt(s.FirstIndent) + w.fonts.Width(words, s.Size, false, italic) + 0.4
		p := w.layoutPara(compose.Para{Style: compose.StyleBasis, Runs: []compose.Run{{Text: text}}}, width, s)
		var b strings.Builder
		for i, wd := range p.lines[0].words {
			if i > 0 {
				b.WriteByte(' ')
			}
			for _, pc := range wd.pieces {
				b.WriteString(pc.text)
			}
		}
		return b.String(), w.fonts.ItalicReserve(fi, s.Size)
	}
	tests := []struct {
		italic  bool
		wantEnd string
		reserve float64
	}{
		{false, "chính,", 0},
		{true, "hành", 1.3},
	}
	for _, tt := range tests {
		got, reserve := first(tt.italic)
		if !strings.HasSuffix(got, tt.wantEnd) {
			t.Errorf("italic %v: first line %q, want it to end with %q", tt.italic, got, tt.wantEnd)
		}
		if reserve != tt.reserve {
			t.Errorf("italic %v: reserve %v, want %v", tt.italic, reserve, tt.reserve)
		}
	}
}

// TestItalicGluedPieces: a glued hyphen or space is a piece of its own,
// as LibreOffice makes w:noBreakHyphen and U+00A0 a portion of their own;
// in italic text it is ItalicReserve wider than its glyph, upright as wide.
func TestItalicGluedPieces(t *testing.T) {
	w := newWriter(t)
	for _, italic := range []bool{false, true} {
		s := compose.Styles[compose.StyleBody]
		s.Italic = italic
		p := w.layoutPara(compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: "theo 164/LĐTBXH-BĐG và 70.000.000 đồng"}}}, 400, s)
		fixed, extra := 0, 0.0
		for _, wd := range p.lines[0].words {
			sum := 0.0
			for _, pc := range wd.pieces {
				if pc.fixed {
					fixed++
				}
				sum += pc.w
			}
			text := ""
			for _, pc := range wd.pieces {
				text += pc.text
			}
			extra += sum - w.fonts.Width(text, s.Size, false, italic)
		}
		const want = 2 // the hyphen in the reference, the space before "đồng"
		if fixed != want {
			t.Errorf("italic %v: %d fixed pieces, want %d", italic, fixed, want)
		}
		if wantExtra := float64(want) * w.fonts.ItalicReserve(layout.FaceOf(false, italic), s.Size); extra < wantExtra-0.001 || extra > wantExtra+0.001 {
			t.Errorf("italic %v: words %.3f pt wider than their glyphs, want %.3f", italic, extra, wantExtra)
		}
	}
}
