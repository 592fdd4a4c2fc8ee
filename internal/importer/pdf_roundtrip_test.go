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

	"github.com/vanban/vanban/internal/document"
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
	for name, want := range withBuiltForms(t, sampleDocs(t)) {
		t.Run(name, func(t *testing.T) {
			if why, ok := formGaps[name]; ok {
				t.Skip(why)
			}
			c := e.CheckDocument(want, true)
			var buf bytes.Buffer
			if _, err := e.RenderChecked(context.Background(), c, engine.PDF, &buf); err != nil {
				t.Fatal(err)
			}
			got, rep, err := importer.Import(bytes.NewReader(buf.Bytes()), int64(buf.Len()), name+".pdf", importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range reportProblems(got, rep) {
				t.Error("report: " + p)
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
			// The parts of the Phụ lục III forms (forms.go): the left
			// signature, the công điện's sender and list, a joint
			// document's second body, a form's opening.
			if g, w := formParts(got), formParts(want); g != w {
				t.Errorf("form parts:\n got %s\nwant %s", g, w)
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
			for _, p := range reportProblems(d, rep) {
				t.Error("report: " + p)
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

// TestRoundTripPDFAddresseeFootnote: a footnote on a Kính gửi line comes
// back from vanban's own PDF on its addressee, one on a Nơi nhận line on
// its recipient, neither as a dropped line, and
// a list of addressees under a công văn's V/v is not read into the header
// columns.
func TestRoundTripPDFAddresseeFootnote(t *testing.T) {
	testtools.Poppler(t)
	e := testEngine(t)
	const note = "Gồm Trung tâm Bảo trợ xã hội tỉnh và Cơ sở cai nghiện ma túy."
	tests := []struct {
		name       string
		addressees []document.Text
		note       string // the last addressee's footnote
	}{
		{"several", []document.Text{document.PlainText("Phòng Lao động - TB và XH các huyện"), {{Text: "Trung tâm Bảo trợ xã hội", Footnote: note}}}, note},
		{"one", []document.Text{{{Text: "Trung tâm Bảo trợ xã hội", Footnote: note}}}, note},
		{"several without a footnote", document.PlainTexts("Phòng Lao động - TB và XH các huyện", "Trung tâm Bảo trợ xã hội"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDocs(t)["thua-thien-hue-2020-cong-van"]
			d.Schema = document.SchemaV2
			d.Addressees = tt.addressees
			const recipNote = "Để phối hợp theo dõi."
			if tt.note != "" {
				d.Distribution.Recipients[1].Name = document.Text{{Text: "Giám đốc", Footnote: recipNote}}
			}
			var buf bytes.Buffer
			if _, err := e.RenderChecked(context.Background(), e.CheckDocument(d, true), engine.PDF, &buf); err != nil {
				t.Fatal(err)
			}
			got, rep, err := importer.Import(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "cv.pdf", importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if g, w := len(got.Addressees), len(tt.addressees); g != w {
				t.Fatalf("%d addressees, want %d: %+v", g, w, got.Addressees)
			}
			last := got.Addressees[len(got.Addressees)-1]
			if last.Plain() != "Trung tâm Bảo trợ xã hội" || last[len(last)-1].Footnote != tt.note {
				t.Errorf("last addressee = %+v, want footnote %q", last, tt.note)
			}
			if rs := got.Distribution.Recipients; len(rs) != 2 || rs[1].Name.Plain() != "Giám đốc" || rs[1].Note != "để b/c" ||
				(tt.note != "" && rs[1].Name[len(rs[1].Name)-1].Footnote != recipNote) {
				t.Errorf("recipients = %+v, want the footnote on Giám đốc", rs)
			}
			for _, dr := range rep.Dropped {
				if strings.Contains(dr.Text, "cai nghiện") || strings.Contains(dr.Text, "theo dõi") {
					t.Errorf("the footnote was reported dropped: %+v", dr)
				}
			}
			if v2 := got.Schema == document.SchemaV2; v2 != (tt.note != "") {
				t.Errorf("schema %q: runs on an addressee need v2, plain ones do not", got.Schema)
			}
		})
	}
}
