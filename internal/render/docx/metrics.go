package docx

import (
	"fmt"
	"io/fs"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	vfonts "github.com/vanban/vanban/fonts"
)

// metrics measures text the way Word and LibreOffice lay it out with Times
// New Roman: Liberation Serif has the same advance widths, so a rule drawn
// to a measured width ends where the printed text ends. Only the few lines
// that carry a rule (issuing body, Tiêu ngữ, trích yếu) and the Kính gửi
// block are measured, so plain per-rune advance tables are enough: no
// kerning (Word does not kern by default) and no shaping.
type metrics struct {
	faces [4]face // indexed by faceIndex
}

// face is one font face's advance widths in em units.
type face struct {
	adv      map[rune]float64
	fallback float64 // for runes the table lacks: the advance of "n"
}

func faceIndex(bold, italic bool) int {
	i := 0
	if bold {
		i |= 1
	}
	if italic {
		i |= 2
	}
	return i
}

// measuredRanges are the runes Vietnamese administrative text uses: Latin
// with Vietnamese letters, combining tone marks, general punctuation and
// the letterlike symbols that show up in tables.
var measuredRanges = [][2]rune{
	{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x2100, 0x214F},
}

func loadMetrics(fsys fs.FS) (*metrics, error) {
	files := [4]string{vfonts.Regular, vfonts.Bold, vfonts.Italic, vfonts.BoldItalic}
	m := &metrics{}
	for i, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("docx: fonts: %w", err)
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("docx: fonts: %s: %w", name, err)
		}
		var buf sfnt.Buffer
		upem := f.UnitsPerEm()
		ppem := fixed.Int26_6(upem) << 6 // advances in font units, 26.6
		fc := face{adv: make(map[rune]float64, 1100)}
		for _, rg := range measuredRanges {
			for r := rg[0]; r <= rg[1]; r++ {
				gi, err := f.GlyphIndex(&buf, r)
				if err != nil || gi == 0 {
					continue
				}
				a, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
				if err != nil {
					continue
				}
				fc.adv[r] = float64(a) / 64 / float64(upem)
			}
		}
		fc.fallback = fc.adv['n']
		if fc.fallback == 0 {
			return nil, fmt.Errorf("docx: fonts: %s: no glyph for 'n'", name)
		}
		m.faces[i] = fc
	}
	return m, nil
}

// width is the advance width of text in points.
func (m *metrics) width(text string, size float64, bold, italic bool) float64 {
	fc := &m.faces[faceIndex(bold, italic)]
	w := 0.0
	for _, r := range text {
		a, ok := fc.adv[r]
		if !ok {
			a = fc.fallback
		}
		w += a
	}
	return w * size
}

// widestLine breaks text greedily at spaces into lines no wider than max
// points, as a word processor does, and returns the widest line's width.
// A single word wider than max counts at its full width.
func (m *metrics) widestLine(text string, size float64, bold, italic bool, max float64) float64 {
	space := m.width(" ", size, bold, italic)
	widest, line := 0.0, 0.0
	for _, word := range strings.Fields(text) {
		w := m.width(word, size, bold, italic)
		switch {
		case line == 0:
			line = w
		case line+space+w <= max:
			line += space + w
		default:
			widest = maxf(widest, line)
			line = w
		}
	}
	return maxf(widest, line)
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
