package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// corpusDir is the shared corpus of real documents (see the project
// README); VANBAN_CORPUS overrides it. Tests that need it skip without it.
func corpusDir(t testing.TB) string {
	dir := os.Getenv("VANBAN_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus at %s", dir)
	}
	return dir
}

func corpusFiles(t testing.TB, ext string) []string {
	fs, _ := filepath.Glob(filepath.Join(corpusDir(t), "[0-9][0-9]-*"+ext))
	sort.Strings(fs)
	if len(fs) == 0 {
		t.Skip("empty corpus")
	}
	return fs
}

// recallOf is corpus-score's measure: the share of the reference's words
// (a multiset) found in got.
func recallOf(ref, got []string) float64 {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	n := 0
	for _, w := range ref {
		if have[w] > 0 {
			have[w]--
			n++
		}
	}
	return float64(n) / float64(max(1, len(ref)))
}

// TestCorpusNothingDropped: for every .docx of the corpus, the model's
// words plus the report's dropped lines cover the reference text (word
// recall ≥ 0.995): whatever the importer does not keep, it says.
func TestCorpusNothingDropped(t *testing.T) {
	for _, f := range corpusFiles(t, ".docx") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := os.ReadFile(strings.TrimSuffix(f, ".docx") + ".txt")
			if err != nil {
				t.Skip("no reference text")
			}
			d, rep, err := ImportDOCX(bytes.NewReader(data), int64(len(data)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := modelWords(d)
			for _, x := range rep.Dropped {
				got = append(got, words(x.Text)...)
			}
			// The reference writes footnote markers "[n]" and a "________"
			// rule before the footnote texts; the renderer numbers
			// footnotes itself, so those are not words of the document.
			rw := words(refFootnoteRE.ReplaceAllString(string(ref), " "))
			if rc := recallOf(rw, got); rc < 0.995 {
				t.Errorf("model + dropped word recall %.4f < 0.995", rc)
				missing := missingWords(rw, got)
				t.Logf("missing (%d): %s", len(missing), strings.Join(missing[:min(len(missing), 40)], " "))
			}
		})
	}
}

var refFootnoteRE = regexp.MustCompile(`\[\d+\]|(?m)^_{3,}$`)

func missingWords(ref, got []string) []string {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	var out []string
	for _, w := range ref {
		if have[w] > 0 {
			have[w]--
			continue
		}
		out = append(out, w)
	}
	return out
}

// TestCorpusTextNothingDropped: the reference texts of the corpus's PDFs
// are text as a PDF viewer copies it (columns interleaved, page numbers,
// signature stamps); imported as text, the model's words plus the dropped
// lines cover them (recall ≥ 0.995). The importer corrects the text
// layer's "ƣ" to "ư", so the reference is compared corrected.
func TestCorpusTextNothingDropped(t *testing.T) {
	for _, f := range corpusFiles(t, ".pdf") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			ref, err := os.ReadFile(strings.TrimSuffix(f, ".pdf") + ".txt")
			if err != nil {
				t.Skip("no reference text")
			}
			d, rep, err := ImportText(ref, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := modelWords(d)
			for _, x := range rep.Dropped {
				got = append(got, words(x.Text)...)
			}
			rw := words(strings.NewReplacer("ƣ", "ư", "Ƣ", "Ư").Replace(string(ref)))
			if rc := recallOf(rw, got); rc < 0.995 {
				m := missingWords(rw, got)
				t.Errorf("model + dropped word recall %.4f < 0.995; missing: %s", rc, strings.Join(m[:min(len(m), 40)], " "))
			}
		})
	}
}
