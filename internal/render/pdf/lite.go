package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/go-pdf/fpdf"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/render/layout"
)

// The lite faces are the four faces cut down to liteRanges. fpdf parses and
// subsets the font it is given on every document, and a font of a few
// hundred glyphs instead of 2,600 makes that cheaper. Cutting takes about
// 20 ms, most of a one-shot `vanban render`, so the cuts are built ahead of
// time into fonts/lite (see package fonts for why they carry another font
// name) and read from the injected fs.FS on the first PDF render; a file
// system without them, or with files that do not match its full faces, is
// cut at run time as before. Both paths give fpdf the same bytes, so the
// PDFs are the same either way (TestLiteFonts checks it).

// liteFiles are the prebuilt lite faces inside the fonts fs.FS, by
// layout.FaceIndex.
var liteFiles = [4]string{fonts.LiteRegular, fonts.LiteBold, fonts.LiteItalic, fonts.LiteBoldItalic}

// liteCutset is what the lite cut of face f keeps: every character of
// liteRanges the face has, in code point order.
func liteCutset(f *layout.Face) []rune {
	var cut []rune
	for _, rg := range liteRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if f.Has(r) {
				cut = append(cut, r)
			}
		}
	}
	return cut
}

// cutLite cuts lite face fi from the full face at run time.
func cutLite(fo *layout.Fonts, fi layout.FaceIndex) ([]byte, error) {
	data, err := fo.Data(fi)
	if err != nil {
		return nil, err
	}
	cut := fpdf.UTF8CutFont(data, string(liteCutset(fo.Face(fi))))
	if len(cut) == 0 {
		return nil, errors.New("cannot subset")
	}
	return cut, nil
}

// loadLite reads the four prebuilt lite faces from fsys and returns them
// as cutLite would have made them from fo. It fails when a file is missing
// or does not agree with its full face, and the caller then cuts.
func loadLite(fsys fs.FS, fo *layout.Fonts) ([4][]byte, error) {
	var out [4][]byte
	if fsys == nil {
		return out, errors.New("no file system")
	}
	for i, name := range liteFiles {
		fi := layout.FaceIndex(i)
		shipped, err := fs.ReadFile(fsys, name)
		if err != nil {
			return out, err
		}
		lite, err := withName(shipped, fo.Table(fi, "name"))
		if err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
		if err := sameFace(lite, fo, fi); err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
		out[i] = lite
	}
	return out, nil
}

// withName returns the shipped lite face with name, the name table of the
// full face it was cut from, laid out as fpdf lays out a cut. The shipped
// file is renamed because it is distributed (package fonts); what fpdf
// embeds in a document is a subset of the original font, which the OFL
// allows under its own name, and is byte for byte what cutting at run time
// embeds.
func withName(shipped, name []byte) ([]byte, error) {
	tables, err := layout.FontTables(shipped)
	if err != nil {
		return nil, err
	}
	if tables["name"] == nil || name == nil {
		return nil, errors.New("no name table")
	}
	tables["name"] = name
	return assembleSFNT(tables)
}

// sameFace checks that a lite face belongs to the full face: the same font
// revision and dates in head, exactly the characters liteCutset keeps, and
// the same advance widths and vertical metrics. It guards against an
// injected font file system whose lite files were cut from other faces or
// another version; it does not compare glyph outlines (that would cost a
// cut), which TestLiteFonts pins for the committed files byte for byte.
func sameFace(lite []byte, fo *layout.Fonts, fi layout.FaceIndex) error {
	lt, err := layout.FontTables(lite)
	if err != nil {
		return err
	}
	lh, fh := lt["head"], fo.Table(fi, "head")
	// fontRevision (4:8) and the created and modified dates (20:36).
	if len(lh) < 36 || len(fh) < 36 || !bytes.Equal(lh[4:8], fh[4:8]) || !bytes.Equal(lh[20:36], fh[20:36]) {
		return errors.New("head table does not match the full face")
	}
	// The cut copies OS/2 unchanged: weight, style bits, vendor, ranges.
	if !bytes.Equal(lt["OS/2"], fo.Table(fi, "OS/2")) {
		return errors.New("OS/2 table does not match the full face")
	}
	f := fo.Face(fi)
	lf, err := layout.ParseFace(lite)
	if err != nil {
		return err
	}
	if lf.Ascent() != f.Ascent() || lf.Descent() != f.Descent() || lf.LineGap() != f.LineGap() {
		return errors.New("vertical metrics differ from the full face")
	}
	keep := liteCutset(f)
	for _, r := range keep {
		if !lf.Has(r) || lf.Advance(r) != f.Advance(r) {
			return fmt.Errorf("character U+%04X differs from the full face", r)
		}
	}
	n := 0
	for r := rune(0); r < 0x10000; r++ {
		if lf.Has(r) {
			n++
		}
	}
	if n != len(keep) {
		return fmt.Errorf("%d characters, want %d", n, len(keep))
	}
	return nil
}

// assembleSFNT writes tables as a TrueType file exactly as fpdf's cut does
// (UTF8CutFont): tags in byte order, each table padded to four bytes, its
// checksum in the directory, and head's checkSumAdjustment over the file.
// Matching fpdf byte for byte is what lets a prebuilt face stand in for a
// run-time cut without changing a PDF.
func assembleSFNT(tables map[string][]byte) ([]byte, error) {
	if len(tables["head"]) < 12 {
		return nil, errors.New("no head table")
	}
	// fpdf zeroes checkSumAdjustment before the checksums; it is set last.
	head := slices.Clone(tables["head"])
	clear(head[8:12])
	tables = maps.Clone(tables)
	tables["head"] = head
	tags := slices.Sorted(maps.Keys(tables))
	n := len(tags)
	search, selector := 1, 0
	for search*2 <= n {
		search *= 2
		selector++
	}
	search *= 16
	size := 12 + 16*n
	for _, t := range tags {
		size += pad4(len(tables[t]))
	}
	out := make([]byte, 12+16*n, size)
	be := binary.BigEndian
	be.PutUint32(out[0:], 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(search))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(n*16-search))
	offset, headAt := 12+16*n, 0
	for i, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			headAt = offset
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], sfntChecksum(t))
		be.PutUint32(rec[8:], uint32(offset))
		be.PutUint32(rec[12:], uint32(len(t)))
		offset += pad4(len(t))
	}
	for _, tag := range tags {
		t := tables[tag]
		out = append(out, t...)
		out = append(out, make([]byte, pad4(len(t))-len(t))...)
	}
	be.PutUint32(out[headAt+8:], fpdfAdjustment(sfntChecksum(out)))
	return out, nil
}

// fpdfAdjustment is head's checkSumAdjustment as fpdf computes it:
// 0xB1B0AFBA minus the file checksum, in 16-bit halves, where a borrow from
// the high half is added instead of subtracted (so the high half is 2 too
// large when the low half borrows). Readers do not check the value, but
// the embedded subset copies it, so it must be fpdf's to keep PDFs equal.
func fpdfAdjustment(sum uint32) uint32 {
	hi, lo := sum>>16, sum&0xFFFF
	xh, xl := uint32(0xB1B0), uint32(0xAFBA)
	if lo > xl {
		xl += 1 << 16
		xh++
	}
	low := xl - lo
	if hi > xh {
		xh += 1 << 16
	}
	return (xh-hi)&0xFFFF<<16 | low&0xFFFF
}

func pad4(n int) int { return (n + 3) &^ 3 }

// sfntChecksum is the TrueType table checksum: the sum of big-endian
// 32-bit words, the last one padded with zeros.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
