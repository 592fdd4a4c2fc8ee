package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// face is one font face's metrics, read once in New. Widths are kept in
// font units and divided by unitsPerEm only when measuring, so line breaks
// are computed from the same exact advances Word and LibreOffice use, not
// from fpdf's table rounded to 1/1000 em (which drifts by up to half a point
// on a long line and can move a break).
type face struct {
	unitsPerEm float64
	ascent     float64  // em fraction, hhea
	descent    float64  // em fraction, positive
	lineGap    float64  // em fraction
	gid        []uint16 // by rune, BMP only; 0 = no glyph
	advance    []uint16 // by glyph id
}

// faceIndex selects one of the four faces.
type faceIndex int

const (
	faceRegular faceIndex = iota
	faceBold
	faceItalic
	faceBoldItalic
)

func faceOf(bold, italic bool) faceIndex {
	switch {
	case bold && italic:
		return faceBoldItalic
	case bold:
		return faceBold
	case italic:
		return faceItalic
	}
	return faceRegular
}

// fpdfStyle is the style string fpdf registers each face under.
var fpdfStyle = [4]string{"", "B", "I", "BI"}

// has reports whether the face maps r to a real glyph.
func (f *face) has(r rune) bool {
	return r >= 0 && int(r) < len(f.gid) && f.gid[r] != 0
}

// width returns the advance of r in em.
func (f *face) width(r rune) float64 {
	if r < 0 || int(r) >= len(f.gid) {
		return 0
	}
	g := int(f.gid[r])
	if g >= len(f.advance) {
		g = len(f.advance) - 1
	}
	return float64(f.advance[g]) / f.unitsPerEm
}

// parseFace reads the cmap (format 4, Unicode BMP), hmtx, hhea and head
// tables of a TrueType font: all the writer needs to measure text.
func parseFace(data []byte) (*face, error) {
	if len(data) < 12 {
		return nil, errors.New("font file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	tables := map[string][]byte{}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("truncated table directory")
		}
		tag := string(data[rec : rec+4])
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		ln := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("table %q out of range", tag)
		}
		tables[tag] = data[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap", "maxp"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("missing %q table", t)
		}
	}
	head, hhea, hmtx, maxp := tables["head"], tables["hhea"], tables["hmtx"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("short head, hhea or maxp table")
	}
	f := &face{unitsPerEm: float64(binary.BigEndian.Uint16(head[18:]))}
	if f.unitsPerEm == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	f.ascent = float64(int16(binary.BigEndian.Uint16(hhea[4:]))) / f.unitsPerEm
	f.descent = -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) / f.unitsPerEm
	f.lineGap = float64(int16(binary.BigEndian.Uint16(hhea[8:]))) / f.unitsPerEm
	numMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if numMetrics == 0 || numMetrics > numGlyphs || len(hmtx) < 4*numMetrics {
		return nil, errors.New("bad hmtx table")
	}
	f.advance = make([]uint16, numGlyphs)
	for g := range numGlyphs {
		m := min(g, numMetrics-1)
		f.advance[g] = binary.BigEndian.Uint16(hmtx[4*m:])
	}
	gid, err := parseCmap4(tables["cmap"], numGlyphs)
	if err != nil {
		return nil, err
	}
	f.gid = gid
	return f, nil
}

// parseCmap4 returns the rune-to-glyph map of the (3,1) or (0,x) format 4
// subtable.
func parseCmap4(cmap []byte, numGlyphs int) ([]uint16, error) {
	if len(cmap) < 4 {
		return nil, errors.New("short cmap")
	}
	u16 := func(b []byte, at int) int {
		if at < 0 || at+2 > len(b) {
			return -1
		}
		return int(binary.BigEndian.Uint16(b[at:]))
	}
	n := u16(cmap, 2)
	var sub []byte
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, encoding := u16(cmap, rec), u16(cmap, rec+2)
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		if u16(cmap, off) == 4 {
			sub = cmap[off:]
			break
		}
	}
	if sub == nil {
		return nil, errors.New("no Unicode format 4 cmap")
	}
	segX2 := u16(sub, 6)
	if segX2 <= 0 || 16+4*segX2 > len(sub) {
		return nil, errors.New("bad cmap format 4")
	}
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	gid := make([]uint16, 0x10000)
	for s := 0; s < segX2/2; s++ {
		end, start := u16(sub, ends+2*s), u16(sub, starts+2*s)
		delta, ro := u16(sub, deltas+2*s), u16(sub, ranges+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				g = u16(sub, ranges+2*s+ro+2*(c-start))
				if g > 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g > 0 && g < numGlyphs {
				gid[c] = uint16(g)
			}
		}
	}
	return gid, nil
}
