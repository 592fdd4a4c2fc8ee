package pdf

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/go-pdf/fpdf"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/render/layout"
)

// fontsDir is the fonts package's directory, where -update writes the
// code-page cuts.
var fontsDir = filepath.Join("..", "..", "..", "fonts")

// TestPagedFontFiles is the generator of fonts/paged and its staleness
// check: with -update it writes every face cut to every code page, renamed
// and compressed; without, it fails unless each committed file inflates to
// exactly what a run-time cut gives, and unless the committed set is
// exactly the cuts (no file left over from an older repertoire).
func TestPagedFontFiles(t *testing.T) {
	fo, err := layout.LoadFonts(fonts.FS)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWithFonts(fo)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(fontsDir, fonts.PagedDir)
	want := map[string]bool{}
	for fi := range layout.FaceIndex(4) {
		for p := range w.codes.pages {
			name := pagedFile(fi, p)
			want[path.Base(name)] = true
			t.Run(path.Base(name), func(t *testing.T) {
				cut, err := w.cutPage(fi, p)
				if err != nil {
					t.Fatal(err)
				}
				again, err := w.cutPage(fi, p)
				if err != nil || !bytes.Equal(cut, again) {
					t.Fatalf("two cuts differ (err %v): the generator must be deterministic", err)
				}
				file := filepath.Join(fontsDir, filepath.FromSlash(name))
				if *update {
					z, err := compress(cut)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(file, z, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				z, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/render/pdf -run PagedFontFiles -update)", err)
				}
				got, err := inflate(z)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, cut) {
					t.Fatalf("%s is stale (%d bytes, want %d): run go test ./internal/render/pdf -run PagedFontFiles -update", name, len(got), len(cut))
				}
				if !w.isPageCut(got, fi, p) {
					t.Error("the writer would not take the committed file as this cut")
				}
				if p > 0 && w.isPageCut(got, fi, p-1) {
					t.Error("the writer would take the committed file for another page")
				}
				orig, err := fo.Data(fi)
				if err != nil {
					t.Fatal(err)
				}
				checkCutNames(t, got, orig)
			})
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			if *update {
				if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
					t.Fatal(err)
				}
				continue
			}
			t.Errorf("%s/%s is not a cut of the current code pages: run -update", fonts.PagedDir, e.Name())
		}
	}
}

// checkCutNames checks a shipped cut's name table against the original's:
// no Reserved Font Name in the names, and the copyright, trademark and
// licence records unchanged.
func checkCutNames(t *testing.T, shipped, orig []byte) {
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

// assembleSFNT must lay a file out exactly as fpdf's cut does, or a
// prebuilt face could not stand in for a run-time cut.
func TestAssembleMatchesFPDF(t *testing.T) {
	fo, err := layout.LoadFonts(fonts.FS)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		data, err := fo.Data(layout.FaceIndex(i))
		if err != nil {
			t.Fatal(err)
		}
		cut := fpdf.UTF8CutFont(data, "Kế hoạch năm 2025")
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

// The writer takes a prebuilt cut when it is one of its face to its page
// and cuts otherwise; the PDFs are identical either way.
func TestPagedSource(t *testing.T) {
	regular0, bold0 := pagedFile(layout.Regular, 0), pagedFile(layout.Bold, 0)
	for _, tc := range []struct {
		name     string
		fsys     fs.FS
		prebuilt func(fi layout.FaceIndex, p int) bool
	}{
		{"embedded", fonts.FS, func(layout.FaceIndex, int) bool { return true }},
		{"no prebuilt files", fontsWithout(t, func(m fstest.MapFS) {
			for name := range m {
				if strings.HasPrefix(name, fonts.PagedDir+"/") {
					delete(m, name)
				}
			}
		}), func(layout.FaceIndex, int) bool { return false }},
		{"another face's file", fontsWithout(t, func(m fstest.MapFS) { m[bold0] = m[regular0] }),
			func(fi layout.FaceIndex, p int) bool { return fi != layout.Bold || p != 0 }},
		{"another page's file", fontsWithout(t, func(m fstest.MapFS) { m[regular0] = m[pagedFile(layout.Regular, 1)] }),
			func(fi layout.FaceIndex, p int) bool { return fi != layout.Regular || p != 0 }},
		{"empty file", fontsWithout(t, func(m fstest.MapFS) { m[regular0] = &fstest.MapFile{} }),
			func(fi layout.FaceIndex, p int) bool { return fi != layout.Regular || p != 0 }},
		{"not zlib", fontsWithout(t, func(m fstest.MapFS) { m[regular0] = &fstest.MapFile{Data: []byte("not a font")} }),
			func(fi layout.FaceIndex, p int) bool { return fi != layout.Regular || p != 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := New(tc.fsys)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Prepare(); err != nil {
				t.Fatal(err)
			}
			for fi := range layout.FaceIndex(4) {
				for p := range w.codes.pages {
					pf, _ := w.paged(fi, p)
					if want := tc.prebuilt(fi, p); pf.prebuilt != want {
						t.Errorf("face %d page %d: prebuilt = %v, want %v", fi, p, pf.prebuilt, want)
					}
				}
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

// Concurrent first renders share one load of each paged font and give the
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
