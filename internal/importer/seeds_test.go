package importer_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/templates"
)

// minSimilarity is the bar: the words of the rendered import match
// the seed's words with a difflib ratio of at least 0.97.
const minSimilarity = 0.97

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

func testEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() { eng, engErr = engine.New(templates.FS, fonts.FS, document.Limits{}) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}

// seedFiles returns the seed texts: the shared folder beside the module
// when it is there (the originals), else the copies in testdata.
func seedFiles(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	local, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	if err != nil || len(local) == 0 {
		t.Fatalf("no seed copies in testdata/seeds: %v", err)
	}
	for _, f := range local {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	shared, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	for _, f := range shared {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if old, ok := out[name]; ok && !bytes.Equal(old, data) {
			t.Errorf("testdata/seeds/%s differs from the shared seed: copy it again", name)
		}
		out[name] = data
	}
	return out
}

// TestSeedsSimilarity is the measurement: import each seed text,
// validate it as a draft, render the PDF, extract its text with pdftotext
// (-raw: content-stream order, which keeps table cells in row order) and
// compare the words with the seed's.
func TestSeedsSimilarity(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	seeds := seedFiles(t)
	names := make([]string, 0, len(seeds))
	for n := range seeds {
		names = append(names, n)
	}
	sort.Strings(names)
	e := testEngine(t)
	for _, name := range names {
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			data := seeds[name]
			d, rep, err := importer.ImportText(data, importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			c := e.CheckDocument(d, true)
			if !c.Valid() {
				t.Fatalf("imported document is invalid: %v", c.Findings.Errors())
			}
			var pdf bytes.Buffer
			if _, err := e.RenderChecked(context.Background(), c, engine.PDF, &pdf); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "out.pdf")
			if err := os.WriteFile(in, pdf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			txt, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", in, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			got := ratio(words(string(data)), words(string(txt)))
			t.Logf("%s: similarity %.4f (%d recognised, %d guessed, %d warning(s))", name, got, len(rep.Recognised), len(rep.Guessed), len(c.Findings.Warnings()))
			if got < minSimilarity {
				t.Errorf("%s: similarity %.4f, want at least %.2f", name, got, minSimilarity)
			}
		})
	}
}
