//go:build integration

package importer_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/internal/testtools"
)

// TestRoundTripPDF renders every sample to PDF with vanban and imports the
// PDF back: the header, type, trích yếu, signature and Nơi nhận come back,
// the document validates as a draft without errors, and the composed
// PDF printed from it holds the first PDF's words (recall ≥ 0.99: a PDF
// has no styles to carry vanban's own structure, so this tests the layout
// recovery, not an identity).
func TestRoundTripPDF(t *testing.T) {
	testtools.Poppler(t)
	e := testEngine(t)
	wordRE := regexp.MustCompile(`\w+`)
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range wordRE.FindAllString(strings.ToLower(strings.NewReplacer("**", " ", "_", " ").Replace(s)), -1) {
			m[w]++
		}
		return m
	}
	for name, want := range sampleDocs(t) {
		t.Run(name, func(t *testing.T) {
			c := e.CheckDocument(want, true)
			var buf bytes.Buffer
			if _, err := e.RenderChecked(context.Background(), c, engine.PDF, &buf); err != nil {
				t.Fatal(err)
			}
			got, _, err := importer.Import(bytes.NewReader(buf.Bytes()), int64(buf.Len()), name+".pdf", importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if errs := e.CheckDocument(got, true).Findings.Errors(); len(errs) > 0 {
				t.Errorf("imported document has errors: %v", errs)
			}
			if got.Type != want.Type || got.Number != want.Number || got.Date != want.Date || got.Place != want.Place ||
				got.Summary != want.Summary || got.Subject != want.Subject {
				t.Errorf("header: got %s %q %v %q %q %q", got.Type, got.Number, got.Date, got.Place, got.Summary, got.Subject)
			}
			if g, w := got.Signature, want.Signature; g.Title != w.Title || g.Name != w.Name || len(g.Authority) != len(w.Authority) {
				t.Errorf("signature %+v, want %+v", g, w)
			}
			if g, w := len(got.Distribution.Recipients), len(want.Distribution.Recipients); g != w {
				t.Errorf("%d recipients, want %d", g, w)
			}
			again := e.CheckDocument(got, true)
			var buf2 bytes.Buffer
			if _, err := e.RenderChecked(context.Background(), again, engine.PDF, &buf2); err != nil {
				t.Fatal(err)
			}
			ref, out := count(pdfText(t, buf.Bytes())), count(pdfText(t, buf2.Bytes()))
			total, hit := 0, 0
			for w, n := range ref {
				total += n
				hit += min(n, out[w])
			}
			if r := float64(hit) / float64(total); r < 0.99 {
				t.Errorf("composed word recall %.4f < 0.99", r)
			}
		})
	}
}

// pdfText is pdftotext's text of a PDF.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestSeedsSimilarity is the measurement: import each seed text,
// validate it as a draft, render the PDF, extract its text with pdftotext
// (-raw: content-stream order, which keeps table cells in row order) and
// compare the words with the seed's.
func TestSeedsSimilarity(t *testing.T) {
	testtools.Poppler(t)
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

// minSimilarity is the bar: the words of the rendered import match
// the seed's words with a difflib ratio of at least 0.97.
const minSimilarity = 0.97

// wordRE: a word is a maximal run of letters, digits and combining marks,
// so punctuation and the "|" cell separators of the seeds do not count, and
// "370.000.000đ" reads "370", "000", "000đ" as pdftotext prints it.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}\p{M}]+`)

func words(s string) []string { return wordRE.FindAllString(norm.NFC.String(s), -1) }
