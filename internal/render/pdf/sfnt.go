package pdf

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/vanban/vanban/internal/render/layout"
)

// TrueType file surgery for the prebuilt code-page cuts: renaming a cut
// (the OFL's Reserved Font Name rule, package fonts) and laying the tables
// out again exactly as fpdf's cut does, so that a prebuilt file and a cut
// made at run time are the same bytes.

// The names of the cuts vanban ships (package fonts). The family and PostScript names replace the
// Reserved Font Name; the version and description say what the file is.
const (
	cutFamily     = "Vanban Serif VI"
	cutPostScript = "VanbanSerifVI"
)

type nameRecord struct {
	platform, encoding, language, id uint16
	raw                              []byte
}

// text decodes the record: UTF-16BE for Unicode and Windows, bytes for Mac
// (ASCII in these fonts).
func (r nameRecord) text() string {
	if r.platform == 1 {
		return string(r.raw)
	}
	u := make([]uint16, len(r.raw)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(r.raw[2*i:])
	}
	return string(utf16.Decode(u))
}

func (r nameRecord) encode(s string) []byte {
	if r.platform == 1 {
		return []byte(s)
	}
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.BigEndian.AppendUint16(out, u)
	}
	return out
}

// nameRecords reads the format 0 name table of a font file.
func nameRecords(font []byte) ([]nameRecord, error) {
	tables, err := layout.FontTables(font)
	if err != nil {
		return nil, err
	}
	return nameTableRecords(tables["name"])
}

// nameTableRecords reads a format 0 name table.
func nameTableRecords(nt []byte) ([]nameRecord, error) {
	if len(nt) < 6 || binary.BigEndian.Uint16(nt) != 0 {
		return nil, errors.New("no format 0 name table")
	}
	n := int(binary.BigEndian.Uint16(nt[2:]))
	store := int(binary.BigEndian.Uint16(nt[4:]))
	recs := make([]nameRecord, n)
	for i := range recs {
		at := 6 + 12*i
		if at+12 > len(nt) {
			return nil, errors.New("truncated name table")
		}
		u := func(k int) uint16 { return binary.BigEndian.Uint16(nt[at+2*k:]) }
		ln, off := int(u(4)), int(u(5))
		if store+off+ln > len(nt) {
			return nil, errors.New("name string out of range")
		}
		recs[i] = nameRecord{u(0), u(1), u(2), u(3), nt[store+off : store+off+ln]}
	}
	return recs, nil
}

// renameCut gives a cut of a face the names of a Modified Version
// (package fonts explains why) and lays it out as fpdf does.
func renameCut(cut []byte) ([]byte, error) {
	recs, err := nameRecords(cut)
	if err != nil {
		return nil, err
	}
	full, ps := "", ""
	for _, r := range recs {
		if r.platform == 3 && r.id == 4 {
			full = strings.ReplaceAll(r.text(), "Liberation Serif", cutFamily)
		}
		if r.platform == 3 && r.id == 6 {
			ps = strings.ReplaceAll(r.text(), "LiberationSerif", cutPostScript)
		}
	}
	if full == "" || ps == "" {
		return nil, errors.New("no full or PostScript name")
	}
	for i, r := range recs {
		s := r.text()
		switch r.id {
		case 1, 4, 16, 17, 18, 21, 22:
			s = strings.ReplaceAll(s, "Liberation Serif", cutFamily)
		case 3:
			s = "vanban: " + full + ": 2.1.5 subset"
		case 5:
			s += "; Vietnamese subset made by vanban"
		case 6:
			s = ps
		case 10:
			s += " " + cutFamily + " is a Modified Version of it under the SIL Open Font License: a subset for Vietnamese text, made by vanban."
		default:
			continue
		}
		recs[i].raw = r.encode(s)
	}
	var tbl, store []byte
	tbl = binary.BigEndian.AppendUint16(tbl, 0)
	tbl = binary.BigEndian.AppendUint16(tbl, uint16(len(recs)))
	tbl = binary.BigEndian.AppendUint16(tbl, uint16(6+12*len(recs)))
	for _, r := range recs {
		for _, v := range []uint16{r.platform, r.encoding, r.language, r.id, uint16(len(r.raw)), uint16(len(store))} {
			tbl = binary.BigEndian.AppendUint16(tbl, v)
		}
		store = append(store, r.raw...)
	}
	tables, err := layout.FontTables(cut)
	if err != nil {
		return nil, err
	}
	tables["name"] = append(tbl, store...)
	return assembleSFNT(tables)
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

// postScriptName is name ID 6 of a name table (Windows record first), the
// name a PDF gives the font.
func postScriptName(nt []byte) (string, error) {
	recs, err := nameTableRecords(nt)
	if err != nil {
		return "", err
	}
	name := ""
	for _, r := range recs {
		if r.id == 6 && (name == "" || r.platform == 3) {
			name = r.text()
		}
	}
	if name == "" {
		return "", errors.New("no PostScript name")
	}
	return name, nil
}
