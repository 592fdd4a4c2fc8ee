package layout

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"

	vfonts "github.com/vanban/vanban/fonts"
)

// FaceIndex selects one of the four faces.
type FaceIndex int

const (
	Regular FaceIndex = iota
	Bold
	Italic
	BoldItalic
)

// FaceOf is the face for an emphasis.
func FaceOf(bold, italic bool) FaceIndex {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

// Files are the font file names of the four faces inside the fonts fs.FS,
// by FaceIndex.
var Files = [4]string{vfonts.Regular, vfonts.Bold, vfonts.Italic, vfonts.BoldItalic}

// Face is one font face's metrics. Advances are kept in font units and
// divided by unitsPerEm only when measuring, so line breaks and rule
// lengths come from the exact advances Word and LibreOffice use, not from a
// table rounded to 1/1000 em (which drifts by up to half a point on a long
// line and can move a break). No kerning (Word does not kern by default)
// and no shaping: Vietnamese text is precomposed (NFC).
type Face struct {
	unitsPerEm float64
	ascent     float64  // em fraction, hhea
	descent    float64  // em fraction, positive
	lineGap    float64  // em fraction
	gid        []uint16 // by rune, BMP only; 0 = no glyph
	advance    []uint16 // by glyph id
	fallback   float64  // em advance for a rune without a glyph: "n"
}

// Has reports whether the face maps r to a real glyph.
func (f *Face) Has(r rune) bool {
	return r >= 0 && int(r) < len(f.gid) && f.gid[r] != 0
}

// Advance is the advance width of r in em. A rune without a glyph counts as
// wide as "n" (validation rejects such text before anything is drawn).
func (f *Face) Advance(r rune) float64 {
	if !f.Has(r) {
		return f.fallback
	}
	return float64(f.advance[f.gid[r]]) / f.unitsPerEm
}

// Ascent, Descent (positive) and LineGap are the hhea metrics in em.
func (f *Face) Ascent() float64  { return f.ascent }
func (f *Face) Descent() float64 { return f.descent }
func (f *Face) LineGap() float64 { return f.lineGap }

// FitAdvance is the width in points of r at size as LibreOffice measures
// it to break a line. Writer lays text out on a reference device of
// 8640 dpi (six pixels to the twip) and takes each glyph's advance from
// it in whole pixels; a line fits when the sum of those is within the
// measure, in whole twips (Fits). Summing exact advances instead misses by
// up to two twips a line, which decides the lines that end that close to
// the measure. Kerning would move them further: the DOCX turns it off
// (w:kern 0 in the document defaults), as Word has it, and the PDF draws
// no kerning either. Measured against LibreOffice 7.4 on thousands of
// random lines in all four faces at 12-14 pt (TestLibreOfficeBreaks).
// Drawing keeps the exact advances; only line breaking and the estimates
// that must agree with it use FitAdvance.
func (f *Face) FitAdvance(r rune, size float64) float64 {
	return math.Round(f.Advance(r)*size*refPixelsPerPt) / refPixelsPerPt
}

// refPixelsPerPt is LibreOffice's reference device resolution (8640 dpi)
// in pixels per point.
const refPixelsPerPt = 8640.0 / 72

// FitWidth is the sum of s's FitAdvance at size.
func (f *Face) FitWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.FitAdvance(r, size)
	}
	return w
}

// Width is the advance width of s in points at size.
func (f *Face) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.Advance(r)
	}
	return w * size
}

// Fonts are the four faces, parsed once; read-only afterwards (the lazily
// read font files are read once, under a sync.Once), so one value serves
// concurrent renders of both writers.
type Fonts struct {
	faces  [4]*Face
	tables [4]map[string][]byte // the tables read at load (keptTables)
	fsys   fs.FS                // where the faces came from; the PDF writer reads its prebuilt cuts there too
	files  [4]fontFile
}

// fontFile is a whole font file, read on first use.
type fontFile struct {
	once sync.Once
	data []byte
	err  error
}

// keptTables are the tables LoadFonts reads: what measurement needs, and
// name, OS/2 and post, which the PDF writer compares, copies and reads
// its font descriptors from. The rest of a
// face, nine tenths of the file (glyph outlines), is read only when a
// writer embeds or cuts the whole face (Data): a one-shot `vanban validate`
// or a PDF drawn with the prebuilt code-page cuts never touches it, which
// saves copying 1.5 MB and faulting in its pages at every process start.
var keptTables = []string{"head", "hhea", "hmtx", "cmap", "maxp", "name", "OS/2", "post"}

// LoadFonts reads and parses the four faces (Files) from fsys.
func LoadFonts(fsys fs.FS) (*Fonts, error) {
	if fsys == nil {
		return nil, errors.New("layout: fonts: no file system")
	}
	fo := &Fonts{fsys: fsys}
	for i, name := range Files {
		tables, err := readTables(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("layout: fonts: %w", err)
		}
		f, err := parseTables(tables)
		if err == nil && !f.Has('n') {
			err = errors.New("no glyph for 'n'") // the width of a missing character
		}
		if err != nil {
			return nil, fmt.Errorf("layout: fonts: %s: %w", name, err)
		}
		fo.faces[i], fo.tables[i] = f, tables
	}
	return fo, nil
}

// readTables reads the keptTables of one font file, with ReadAt when the
// file offers it and by reading the whole file otherwise.
func readTables(fsys fs.FS, name string) (map[string][]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ra, ok := f.(io.ReaderAt)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return sfntTables(data, keptTables)
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	var hdr [12]byte
	if _, err := ra.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("%s: font file too short: %w", name, err)
	}
	dir := make([]byte, 12+16*int(binary.BigEndian.Uint16(hdr[4:])))
	if _, err := ra.ReadAt(dir, 0); err != nil {
		return nil, fmt.Errorf("%s: truncated table directory: %w", name, err)
	}
	tables := map[string][]byte{}
	for i := 12; i+16 <= len(dir); i += 16 {
		tag := string(dir[i : i+4])
		if !slices.Contains(keptTables, tag) {
			continue
		}
		off := int64(binary.BigEndian.Uint32(dir[i+8:]))
		ln := int64(binary.BigEndian.Uint32(dir[i+12:]))
		if off+ln > st.Size() {
			return nil, fmt.Errorf("%s: table %q out of range", name, tag)
		}
		t := make([]byte, ln)
		if _, err := ra.ReadAt(t, off); err != nil {
			return nil, fmt.Errorf("%s: table %q: %w", name, tag, err)
		}
		tables[tag] = t
	}
	return tables, nil
}

// sfntTables splits a font file into the tables named in keep (all when
// keep is nil). The slices alias data.
func sfntTables(data []byte, keep []string) (map[string][]byte, error) {
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
		if keep == nil || slices.Contains(keep, tag) {
			tables[tag] = data[off : off+ln]
		}
	}
	return tables, nil
}

// Face returns face i.
func (fo *Fonts) Face(i FaceIndex) *Face { return fo.faces[i] }

// FS is the file system the faces were read from, so that a writer needing
// more font files (the PDF writer's prebuilt code-page cuts) reads them from the
// same injected source.
func (fo *Fonts) FS() fs.FS { return fo.fsys }

// FontTables splits a TrueType file into its tables by tag (the PDF writer
// renames its cuts with them). The slices alias data.
func FontTables(data []byte) (map[string][]byte, error) { return sfntTables(data, nil) }

// ParseFace reads the metrics of one TrueType font file. The PDF writer
// uses it to check that its prebuilt cuts agree with the full faces. A cut
// without "n" measures a character it lacks as 0 wide.
func ParseFace(data []byte) (*Face, error) {
	tables, err := sfntTables(data, keptTables)
	if err != nil {
		return nil, err
	}
	return parseTables(tables)
}

// Data is the whole font file of face i, for embedding or cutting, read
// from the file system on first use. Callers must not modify it.
func (fo *Fonts) Data(i FaceIndex) ([]byte, error) {
	f := &fo.files[i]
	f.once.Do(func() {
		f.data, f.err = fs.ReadFile(fo.fsys, Files[i])
		if f.err != nil {
			f.err = fmt.Errorf("layout: fonts: %w", f.err)
		}
	})
	return f.data, f.err
}

// Table is one of the tables of face i read at load (head, hhea, hmtx,
// cmap, maxp, name, OS/2, post), or nil. Callers must not modify it.
func (fo *Fonts) Table(i FaceIndex, tag string) []byte { return fo.tables[i][tag] }

// Has reports whether all four faces can draw r.
func (fo *Fonts) Has(r rune) bool {
	for _, f := range fo.faces {
		if !f.Has(r) {
			return false
		}
	}
	return true
}

// Width is the advance width of text in points, in the face for the
// emphasis, on one line.
func (fo *Fonts) Width(text string, size float64, bold, italic bool) float64 {
	return fo.faces[FaceOf(bold, italic)].Width(text, size)
}

// WidestLine breaks text greedily at spaces into lines no wider than max
// points, as a word processor does, and returns the widest line's width.
// A single word wider than max counts at its full width.
func (fo *Fonts) WidestLine(text string, size float64, bold, italic bool, max float64) float64 {
	f := fo.faces[FaceOf(bold, italic)]
	space := f.Width(" ", size)
	widest, line := 0.0, 0.0
	for _, word := range strings.Fields(text) {
		w := f.Width(word, size)
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

// parseTables reads the cmap (format 4, Unicode BMP), hmtx, hhea and head
// tables of a TrueType font: all the writers need to measure text.
func parseTables(tables map[string][]byte) (*Face, error) {
	for _, t := range []string{"head", "hhea", "hmtx", "cmap", "maxp"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("missing %q table", t)
		}
	}
	head, hhea, hmtx, maxp := tables["head"], tables["hhea"], tables["hmtx"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("short head, hhea or maxp table")
	}
	f := &Face{unitsPerEm: float64(binary.BigEndian.Uint16(head[18:]))}
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
	if f.Has('n') {
		f.fallback = f.Advance('n')
	}
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
		if off >= 0 && u16(cmap, off) == 4 {
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

// Fits reports whether a line natural points wide (FitAdvance, italic
// reserve included) is set within avail points by LibreOffice: it is when
// it does not pass the measure (a line exactly as wide fits). Every line
// breaker and line estimate both writers follow asks it, so the PDF's
// lines, the titles' breaks and the estimated heights that decide page
// splits wrap where LibreOffice wraps. The tolerance only absorbs the
// floating-point sum: widths are whole 1/120 pt and measures whole twips.
func Fits(natural, avail float64) bool { return natural <= avail+1e-7 }

// ItalicReserve is the room, in points, LibreOffice keeps free at the end
// of a line for italic text in face fi at size: a portion of italic text
// must fit the line less a twelfth of its font height (ascent, descent and
// line gap, as Writer adds the external leading), in whole twips, so that the slanted last letter does not reach past the
// margin (sw/source/core/text/guess.cxx). Upright faces keep none. The PDF
// line breaker keeps the same room, or an italic line that just fits in
// the PDF would wrap one word earlier in LibreOffice's rendering of the
// DOCX.
func (fo *Fonts) ItalicReserve(fi FaceIndex, size float64) float64 {
	if fi != Italic && fi != BoldItalic {
		return 0
	}
	f := fo.faces[fi]
	height := int(math.Round((f.ascent + f.descent + f.lineGap) * size * 20))
	return Pt(height / 12)
}
