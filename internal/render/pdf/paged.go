package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/render/layout"
)

// Code pages: why the PDF writer does not hand fpdf UTF-8 fonts.
//
// fpdf's UTF-8 (CID) fonts cost about 15 ms per document whatever the
// document: AddUTF8FontFromBytes parses the face and hashes a 65,536-entry
// width table through encoding/json to name it, and Output cuts and
// compresses the subset again. None of that can be shared between
// documents through fpdf's API, and it was three quarters of a render.
//
// fpdf's simple TrueType fonts (AddFontFromBytes) cost next to nothing per
// document: a 256-entry definition and a font file that is embedded as
// given, already compressed. They are single-byte, so the repertoire is
// split into code pages of at most 224 characters (codes 32-255). Page 0
// holds ASCII at its own codes (but for 13 rarely used signs) and every
// Vietnamese letter, quote and dash, so a Vietnamese document needs one
// page per face. Each (face, page) pair is a cut of the face to just that
// page's characters, prebuilt and compressed in the fonts file system
// (package fonts) or cut once per Writer when it is missing there; a
// document embeds the pairs it draws with. The encoding is a /Differences
// array of "uniXXXX" glyph names, which text extraction maps back to
// Unicode, and the cut keeps a (3,1) cmap so viewers find each glyph by
// that Unicode value.
//
// Glyphs, metrics and positions are those of the UTF-8 path: only the way
// characters are numbered inside the PDF changes. A document with a
// character outside the pages (outside repertoireRanges) still takes
// the UTF-8 path with the full faces.

// firstCode is the first single-byte code a page uses: fpdf writes widths
// for codes 32-255 only.
const firstCode = 32

// priority is the order the repertoire is laid out in after the ASCII
// that keeps its own codes: the letters and marks Vietnamese text uses
// come first, and exactly fill page 0 (129 codes from 127 to 255, and the
// 13 of rareASCII), so that a document in Vietnamese embeds one font per
// face.
const priority = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ" +
	"“”‘’–—…•" +
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

// rareASCII are the ASCII characters administrative text seldom uses. They
// give their codes on page 0 to Vietnamese letters and move to page 1.
const rareASCII = "`^_{|}~\\@#$<>"

// codePages numbers a repertoire as single-byte pages.
type codePages struct {
	pages [][]rune // by page, the rune at each code (0 where unused)
	at    []uint16 // by rune, page<<8 | code; 0 = no page. The space is on every page
}

// lookup returns the page and code of r.
func (cp *codePages) lookup(r rune) (page int, code byte, ok bool) {
	if r < 0 || int(r) >= len(cp.at) || cp.at[r] == 0 {
		return 0, 0, false
	}
	pc := cp.at[r]
	return int(pc >> 8), byte(pc), true
}

// newCodePages lays out the runes all four faces have inside
// repertoireRanges.
func newCodePages(fo *layout.Fonts) *codePages {
	repertoire := map[rune]bool{}
	for _, rg := range repertoireRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if fo.Has(r) {
				repertoire[r] = true
			}
		}
	}
	var order []rune
	for _, r := range priority {
		if repertoire[r] {
			order = append(order, r)
		}
	}
	rest := []rune{}
	for r := range repertoire {
		if (r > 0x7E || strings.ContainsRune(rareASCII, r)) && !strings.ContainsRune(priority, r) {
			rest = append(rest, r)
		}
	}
	slices.Sort(rest)
	order = append(order, rest...)

	// The free codes of each page, in order: on page 0 those of rareASCII
	// and 127-255, on the others 33-255 (32 is the space everywhere).
	var free0 []int
	for c := firstCode; c <= 0xFF; c++ {
		if c > 0x7E || strings.ContainsRune(rareASCII, rune(c)) {
			free0 = append(free0, c)
		}
	}
	var freeN []int
	for c := firstCode + 1; c <= 0xFF; c++ {
		freeN = append(freeN, c)
	}

	top := rune(0x7E)
	for _, r := range order {
		top = max(top, r)
	}
	cp := &codePages{at: make([]uint16, top+1)}
	page := make([]rune, 256)
	for r := rune(firstCode); r <= 0x7E; r++ {
		if !strings.ContainsRune(rareASCII, r) {
			page[r] = r
			cp.at[r] = uint16(r)
		}
	}
	free := free0
	for _, r := range order {
		if len(free) == 0 {
			cp.pages = append(cp.pages, page)
			page = make([]rune, 256)
			page[' '] = ' '
			free = freeN
		}
		code := free[0]
		free = free[1:]
		page[code] = r
		cp.at[r] = uint16(len(cp.pages))<<8 | uint16(code)
	}
	cp.pages = append(cp.pages, page)
	return cp
}

// width is the advance of code c on page p in face f as the PDF states it
// (/Widths): in 1/1000 em, rounded.
func (cp *codePages) width(f *layout.Face, p int, c byte) int {
	r := cp.pages[p][c]
	if r == 0 {
		return 0
	}
	return int(math.Round(f.Advance(r) * 1000))
}

// encode cuts s into runs of one page each and calls emit for each run
// with its page, its bytes and its width in em. Spaces join the run they
// fall in. It reports false, having emitted the runs before it, at the
// first character with no page: the writer checks a whole document first
// (Writer.fits) and only then draws it this way.
func (cp *codePages) encode(s string, adv func(rune) float64, emit func(page int, b []byte, em float64)) bool {
	var buf []byte
	page, em := -1, 0.0
	for _, r := range s {
		p, code, ok := cp.lookup(r)
		if !ok {
			return false
		}
		if r == ' ' && page >= 0 {
			p = page
		}
		if p != page && len(buf) > 0 {
			emit(page, buf, em)
			buf, em = buf[:0], 0
		}
		page = p
		buf = append(buf, code)
		em += adv(r)
	}
	if len(buf) > 0 {
		emit(page, buf, em)
	}
	return true
}

// pagedFont is one face cut to one code page, ready for AddFontFromBytes.
type pagedFont struct {
	once     sync.Once
	def      []byte // fpdf's JSON font definition
	z        []byte // the cut face (cutPage), zlib-compressed
	prebuilt bool   // z came from the fonts file system, not a run-time cut
	err      error
}

// pagedFamily is the fpdf family of code page p.
func pagedFamily(p int) string { return fmt.Sprintf("vnp%d", p) }

// styleNames name the faces in the prebuilt files' names, by
// layout.FaceIndex.
var styleNames = [4]string{"Regular", "Bold", "Italic", "BoldItalic"}

// pagedFile is where face fi cut to page p is prebuilt inside the fonts
// file system: a zlib stream of cutPage's bytes, under the cut's own name
// (package fonts).
func pagedFile(fi layout.FaceIndex, p int) string {
	return fmt.Sprintf("%s/%s-%s-%d.z", fonts.PagedDir, cutPostScript, styleNames[fi], p)
}

// paged returns face fi cut to page p, loading or building it on first
// use.
func (w *Writer) paged(fi layout.FaceIndex, p int) (*pagedFont, error) {
	pf := &w.pagedFonts[fi][p]
	pf.once.Do(func() {
		var size int
		pf.z, size, pf.prebuilt, pf.err = w.pagedData(fi, p)
		if pf.err == nil {
			pf.def, pf.err = w.pagedDef(fi, p, size)
		}
		if pf.err != nil {
			pf.err = fmt.Errorf("pdf: font %s page %d: %w", layout.Files[fi], p, pf.err)
		}
	})
	return pf, pf.err
}

// pagedData returns the compressed cut of face fi to page p: the prebuilt
// file when there is one that is a cut of this face to this page, a cut
// made now otherwise. Both give the same bytes (TestPagedFontFiles), so a
// PDF does not depend on where its fonts came from.
// The size is that of the font file, uncompressed.
func (w *Writer) pagedData(fi layout.FaceIndex, p int) (z []byte, size int, prebuilt bool, err error) {
	if fsys := w.fonts.FS(); fsys != nil {
		if z, err := fs.ReadFile(fsys, pagedFile(fi, p)); err == nil {
			if data, err := inflate(z); err == nil && w.isPageCut(data, fi, p) {
				return z, len(data), true, nil
			}
		}
	}
	cut, err := w.cutPage(fi, p)
	if err != nil {
		return nil, 0, false, err
	}
	z, err = compress(cut)
	return z, len(cut), false, err
}

// cutPage cuts face fi to the characters of page p and renames the cut as
// a Modified Version (sfnt.go, package fonts).
func (w *Writer) cutPage(fi layout.FaceIndex, p int) ([]byte, error) {
	data, err := w.fonts.Data(fi)
	if err != nil {
		return nil, err
	}
	var cutset []rune
	for _, r := range w.codes.pages[p] {
		if r != 0 {
			cutset = append(cutset, r)
		}
	}
	cut := fpdf.UTF8CutFont(data, string(cutset))
	if len(cut) == 0 {
		return nil, errors.New("cannot subset")
	}
	return renameCut(cut)
}

// compress is the zlib stream fpdf embeds as a font file.
func compress(b []byte) ([]byte, error) {
	var zb bytes.Buffer
	zw, err := zlib.NewWriterLevel(&zb, zlib.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return zb.Bytes(), nil
}

// isPageCut checks that a prebuilt file is a cut of face fi to page p: the
// same font revision and dates, exactly the page's characters, with the
// full face's advance widths. It guards against a fonts file system whose
// prebuilt files come from other faces or another repertoire; it does not
// compare outlines, which TestPagedFontFiles pins for the committed files.
func (w *Writer) isPageCut(data []byte, fi layout.FaceIndex, p int) bool {
	tables, err := layout.FontTables(data)
	if err != nil {
		return false
	}
	head, fullHead := tables["head"], w.fonts.Table(fi, "head")
	// fontRevision (4:8) and the created and modified dates (20:36).
	if len(head) < 36 || len(fullHead) < 36 || !bytes.Equal(head[4:8], fullHead[4:8]) || !bytes.Equal(head[20:36], fullHead[20:36]) {
		return false
	}
	cut, err := layout.ParseFace(data)
	if err != nil {
		return false
	}
	full, n := w.face(fi), 0
	for _, r := range w.codes.pages[p] {
		if r == 0 {
			continue
		}
		if !cut.Has(r) || cut.Advance(r) != full.Advance(r) {
			return false
		}
		n++
	}
	for r := rune(0); r < 0x10000; r++ {
		if cut.Has(r) {
			n--
		}
	}
	return n == 0
}

// pagedDef writes fpdf's definition of face fi on page p: the /Widths,
// the /Differences encoding and the font descriptor.
func (w *Writer) pagedDef(fi layout.FaceIndex, p int, size int) ([]byte, error) {
	page := w.codes.pages[p]
	face := w.face(fi)
	desc := fontDesc(w.fonts, fi)
	cw := make([]int, 256)
	var diff strings.Builder
	prev := -2
	for code, r := range page {
		if r == 0 {
			cw[code] = desc.MissingWidth
			continue
		}
		cw[code] = w.codes.width(face, p, byte(code))
		if r == rune(code) {
			continue // ASCII at its own code: WinAnsi's name
		}
		if code != prev+1 {
			fmt.Fprintf(&diff, "%d ", code)
		}
		fmt.Fprintf(&diff, "/%s ", glyphName(r))
		prev = code
	}
	ps, err := postScriptName(w.fonts.Table(fi, "name"))
	if err != nil {
		return nil, err
	}
	return json.Marshal(map[string]any{
		"Tp": "TrueType",
		// A subset tag (six capitals and "+") per face and page: PDF
		// readers must not take two subsets of one font for the same.
		"Name":         fmt.Sprintf("VN%c%cAA+%s", 'A'+rune(p), 'A'+rune(fi), ps),
		"Desc":         desc,
		"Up":           -100,
		"Ut":           50,
		"Cw":           cw,
		"Diff":         strings.TrimSpace(diff.String()),
		"File":         fmt.Sprintf("vnp%d-%d.z", p, fi),
		"OriginalSize": size,
	})
}

// maxFontFile bounds what inflate reads: a cut of one code page is about
// 50 KB.
const maxFontFile = 1 << 20

// inflate reads a zlib stream of at most maxFontFile bytes.
func inflate(z []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxFontFile+1))
	if err == nil && len(data) > maxFontFile {
		err = errors.New("font file too large")
	}
	return data, err
}

// glyphName is the Adobe Glyph List name text extraction maps back to r.
func glyphName(r rune) string {
	if r == ' ' {
		return "space"
	}
	return fmt.Sprintf("uni%04X", r)
}

// fontDesc is the PDF font descriptor of face fi, read from its head,
// hhea, OS/2 and post metrics, in 1/1000 em.
func fontDesc(fo *layout.Fonts, fi layout.FaceIndex) fpdf.FontDescType {
	be := binary.BigEndian
	head, os2 := fo.Table(fi, "head"), fo.Table(fi, "OS/2")
	upem := float64(be.Uint16(head[18:]))
	scale := func(v int16) int { return int(math.Round(float64(v) * 1000 / upem)) }
	f := fo.Face(fi)
	d := fpdf.FontDescType{
		Flags: 2 | 32, // serif, nonsymbolic
		StemV: 80,
	}
	d.FontBBox.Xmin = scale(int16(be.Uint16(head[36:])))
	d.FontBBox.Ymin = scale(int16(be.Uint16(head[38:])))
	d.FontBBox.Xmax = scale(int16(be.Uint16(head[40:])))
	d.FontBBox.Ymax = scale(int16(be.Uint16(head[42:])))
	// Ascent and Descent are not the hhea line (0.891, 0.216) but the line
	// box text extractors give LibreOffice's PDFs, whose descriptors say 0
	// and which poppler reads as 0.95 and 0.35: extractors size each
	// word's box from these two numbers and group words into lines and
	// columns by those boxes, so with the same numbers a table row whose
	// cells wrap, or two cells close together, read alike from both PDFs
	// (vanban check --parity). The glyphs are embedded, so no viewer lays
	// text out with them.
	d.Ascent, d.Descent = 950, -350
	if len(os2) >= 90 && be.Uint16(os2) >= 2 {
		d.CapHeight = scale(int16(be.Uint16(os2[88:])))
		weight := float64(be.Uint16(os2[4:]))
		d.StemV = 50 + int(math.Pow(weight/65, 2))
	} else {
		d.CapHeight = int(math.Round(f.Ascent() * 1000))
	}
	if post := fo.Table(fi, "post"); len(post) >= 8 {
		d.ItalicAngle = int(math.Round(float64(int32(be.Uint32(post[4:]))) / 65536))
	}
	if d.ItalicAngle != 0 {
		d.Flags |= 64
	}
	d.MissingWidth = int(math.Round(f.Advance('n') * 1000))
	return d
}
