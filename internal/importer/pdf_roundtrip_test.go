package importer_test

import (
	"bytes"
	"context"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/importer"
)

// TestRoundTripPDF renders every sample to PDF with vanban and imports the
// PDF back: the header, type, trích yếu, signature and Nơi nhận come back,
// the document validates as a draft without errors, and the composed
// PDF printed from it holds the first PDF's words (recall ≥ 0.99: a PDF
// has no styles to carry vanban's own structure, so this tests the layout
// recovery, not an identity).
func TestRoundTripPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
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
			if why, ok := formGaps[name]; ok {
				t.Skip(why)
			}
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
