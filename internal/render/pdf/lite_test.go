package pdf

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/render/layout"
)

// fontsDir is the fonts package's directory, where -update writes the lite
// faces.
var fontsDir = filepath.Join("..", "..", "..", "fonts")

// TestLiteFonts is the generator of fonts/lite and its staleness check:
// with -update it writes the renamed lite faces; without, it fails unless
// the committed files are exactly what the generator makes from the
// embedded full faces, and unless putting the original name back gives
// byte for byte the run-time cut (so the PDFs do not depend on which path
// made the lite faces).
func TestLiteFonts(t *testing.T) {
	fo, err := layout.LoadFonts(fonts.FS)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range liteFiles {
		t.Run(filepath.Base(name), func(t *testing.T) {
			fi := layout.FaceIndex(i)
			cut, err := cutLite(fo, fi)
			if err != nil {
				t.Fatal(err)
			}
			again, err := cutLite(fo, fi)
			if err != nil || !bytes.Equal(cut, again) {
				t.Fatalf("two cuts differ (err %v): the generator must be deterministic", err)
			}
			want, err := renameLite(cut)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(fontsDir, filepath.FromSlash(name))
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render/pdf -run LiteFonts -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s is stale (%d bytes, want %d): run go test ./internal/render/pdf -run LiteFonts -update", name, len(got), len(want))
			}
			restored, err := withName(got, fo.Table(fi, "name"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(restored, cut) {
				t.Fatal("the shipped face with its name restored differs from the run-time cut")
			}
			if err := sameFace(restored, fo, fi); err != nil {
				t.Fatal(err)
			}
			checkLiteNames(t, got, cut)
		})
	}
}

// checkLiteNames checks the OFL rules the shipped face follows: no
// Reserved Font Name in its names, and the copyright, trademark, licence
// and credit records of the original kept unchanged.
func checkLiteNames(t *testing.T, shipped, orig []byte) {
	t.Helper()
	recs, err := nameRecords(shipped)
	if err != nil {
		t.Fatal(err)
	}
	origRecs, err := nameRecords(orig)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(origRecs) {
		t.Fatalf("%d name records, the original has %d", len(recs), len(origRecs))
	}
	for k, r := range recs {
		o := origRecs[k]
		s := r.text()
		switch r.id {
		case 1, 3, 4, 6, 16, 17, 18, 21, 22:
			for _, rfn := range []string{"Liberation", "Tinos", "Arimo", "Cousine"} {
				if strings.Contains(s, rfn) {
					t.Errorf("name ID %d (platform %d) %q uses the Reserved Font Name %q", r.id, r.platform, s, rfn)
				}
			}
		case 0, 7, 13, 14:
			if !bytes.Equal(r.raw, o.raw) {
				t.Errorf("name ID %d (platform %d) changed: %q, was %q", r.id, r.platform, s, o.text())
			}
		}
	}
}

// The generator's names. The family and PostScript names replace the
// Reserved Font Name; the version and description say what the file is.
const (
	liteFamily     = "Vanban Serif VI"
	litePostScript = "VanbanSerifVI"
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
	nt := tables["name"]
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

// renameLite gives a run-time lite cut the names of a Modified Version
// (package fonts explains why) and lays it out as fpdf does.
func renameLite(cut []byte) ([]byte, error) {
	recs, err := nameRecords(cut)
	if err != nil {
		return nil, err
	}
	full, ps := "", ""
	for _, r := range recs {
		if r.platform == 3 && r.id == 4 {
			full = strings.ReplaceAll(r.text(), "Liberation Serif", liteFamily)
		}
		if r.platform == 3 && r.id == 6 {
			ps = strings.ReplaceAll(r.text(), "LiberationSerif", litePostScript)
		}
	}
	if full == "" || ps == "" {
		return nil, errors.New("no full or PostScript name")
	}
	for i, r := range recs {
		s := r.text()
		switch r.id {
		case 1, 4, 16, 17, 18, 21, 22:
			s = strings.ReplaceAll(s, "Liberation Serif", liteFamily)
		case 3:
			s = "vanban: " + full + ": 2.1.5 subset"
		case 5:
			s += "; Vietnamese subset made by vanban"
		case 6:
			s = ps
		case 10:
			s += " " + liteFamily + " is a Modified Version of it under the SIL Open Font License: a subset for Vietnamese text, made by vanban."
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

// assembleSFNT must lay a file out exactly as fpdf's cut does, or a
// prebuilt face could not stand in for a run-time cut.
func TestAssembleMatchesFPDF(t *testing.T) {
	fo, err := layout.LoadFonts(fonts.FS)
	if err != nil {
		t.Fatal(err)
	}
	for i := range liteFiles {
		cut, err := cutLite(fo, layout.FaceIndex(i))
		if err != nil {
			t.Fatal(err)
		}
		tables, err := layout.FontTables(cut)
		if err != nil {
			t.Fatal(err)
		}
		got, err := assembleSFNT(tables)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, cut) {
			t.Errorf("face %d: reassembled cut differs from fpdf's", i)
		}
	}
}

// fontsWithout copies the embedded fonts file system, dropping or
// replacing files.
func fontsWithout(t *testing.T, edit func(fstest.MapFS)) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fonts.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fonts.FS, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	edit(m)
	return m
}

// The writer takes the prebuilt faces when they fit its full faces and cuts
// otherwise; the PDFs are identical either way.
func TestLiteSource(t *testing.T) {
	swapped := func(m fstest.MapFS) { m[fonts.LiteBold] = m[fonts.LiteRegular] }
	for _, tc := range []struct {
		name     string
		fsys     fs.FS
		prebuilt bool
	}{
		{"embedded", fonts.FS, true},
		{"no lite files", fontsWithout(t, func(m fstest.MapFS) {
			for _, f := range liteFiles {
				delete(m, f)
			}
		}), false},
		{"one missing", fontsWithout(t, func(m fstest.MapFS) { delete(m, fonts.LiteItalic) }), false},
		{"another face's file", fontsWithout(t, swapped), false},
		{"empty file", fontsWithout(t, func(m fstest.MapFS) { m[fonts.LiteBoldItalic] = &fstest.MapFile{} }), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := New(tc.fsys)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.liteFaces(); err != nil {
				t.Fatal(err)
			}
			if w.litePrebuilt != tc.prebuilt {
				t.Errorf("prebuilt = %v, want %v", w.litePrebuilt, tc.prebuilt)
			}
			s := loadSamples(t)[0]
			want, err := os.ReadFile(filepath.Join("testdata", s.name+".pdf"))
			if err != nil {
				t.Skip(err)
			}
			var buf bytes.Buffer
			if _, err := w.Render(context.Background(), &buf, s.doc); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file", s.name)
			}
		})
	}
}

// Concurrent first renders share one load of the lite faces and give the
// golden bytes (run with -race).
func TestConcurrentFirstRenders(t *testing.T) {
	w := newWriter(t)
	s := loadSamples(t)[0]
	want, err := os.ReadFile(filepath.Join("testdata", s.name+".pdf"))
	if err != nil {
		t.Skip(err)
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() {
			var buf bytes.Buffer
			if _, err := w.Render(context.Background(), &buf, s.doc); err != nil {
				t.Error(err)
			}
			got[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("render %d differs from the golden file", i)
		}
	}
}
