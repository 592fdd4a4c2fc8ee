//go:build integration

package whole

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/testtools"
	"github.com/vanban/vanban/samples"
)

// referenceDir holds the reference texts of the real documents the samples
// are transcribed from: the seeds' texts and the corpus's NN-….txt, copied
// into the repository so that the test runs on a clean clone.
var referenceDir = filepath.Join("..", "..", "..", "samples", "testdata", "reference")

// minRecall is the bar for a transcribed sample: the share of the
// source's words that our rendering prints.
const minRecall = 0.99

// transcribed maps each sample transcribed from a real document to that
// document's reference text.
var transcribed = []struct{ sample, reference string }{
	{"ha-nam-2014-ke-hoach.json", "000_8d1e6aa1a21ecbf8.txt"},
	{"vinh-linh-2024-ke-hoach-du-thao.json", "001_adfcd6d1a549b9d9.txt"},
	{"gia-lai-2023-ke-hoach-du-an-8.json", "002_dae6f2419c71434e.txt"},
	{"lang-son-2018-2025-ke-hoach.json", "003_b0919228bd626365.txt"},
	{"thua-thien-hue-2020-cong-van.json", "004_76826afc34e00b0b.txt"},
	{"lam-dong-2026-quyet-dinh-dieu-le.json", "07-qd-lamdong-dieu-le-hoi-cuu-giao-chuc.txt"},
	{"lao-cai-2026-quyet-dinh-phu-luc.json", "12-qd-laocai-sct-kiem-tra-hoa-chat-2026.txt"},
	{"lao-cai-2025-quyet-dinh-uy-quyen.json", "13-qd-laocai-ubnd-uy-quyen-vlncn-du-thao.txt"},
	{"lao-cai-2025-bao-cao-vlncn.json", "22-bc-laocai-ubnd-vlncn-2025.txt"},
	{"lam-dong-2026-to-trinh-kinh-gui.json", "24-ttr-lamdong-snv-bvd-hiep-hoi-bds.txt"},
	{"lam-dong-2026-thong-bao-ket-luan.json", "29-tb-lamdong-ket-luan-hop-cchc-2026.txt"},
	{"ha-noi-2026-thong-bao-treo-co.json", "33-tb-hanoi-453-treo-co-2026.txt"},
	{"lam-dong-2026-giay-moi-hop.json", "36-gm-lamdong-85-hop-cchc-2026.txt"},
}

// wordRE is corpus-score's \w+ (Python's str pattern): letters, digits
// and the underscore.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// wordTokens are the lower-cased NFC word tokens of text, exactly as
// corpus-score counts them.
func wordTokens(text string) []string {
	return wordRE.FindAllString(strings.ToLower(norm.NFC.String(text)), -1)
}

// recall is the share of ref's words, as a multiset, that got holds, and
// the words it lacks ("word ×n" when n > 1), sorted.
func recall(ref, got []string) (float64, []string) {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	need := map[string]int{}
	for _, w := range ref {
		need[w]++
	}
	found := 0
	var lost []string
	for w, n := range need {
		k := min(n, have[w])
		found += k
		switch {
		case n-k == 1:
			lost = append(lost, w)
		case n-k > 1:
			lost = append(lost, fmt.Sprintf("%s ×%d", w, n-k))
		}
	}
	sort.Strings(lost)
	return float64(found) / float64(max(1, len(ref))), lost
}

// pdfPlainText is pdftotext's default reading of a PDF, as corpus-score
// runs it (no -raw, no -layout).
func pdfPlainText(tb testing.TB, data []byte) string {
	tb.Helper()
	testtools.Poppler(tb)
	f := filepath.Join(tb.TempDir(), "in.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestRecallDefinition(t *testing.T) {
	cases := []struct {
		name, ref, got string
		want           float64
		lost           []string
	}{
		{"same words, other order and case", "Ủy ban nhân dân", "DÂN nhân BAN ủy", 1, nil},
		{"NFD reads as NFC", "Hòa", "Ho\u0300a", 1, nil},
		{"punctuation is not a word", "Số: 453/TB-UBND", "số 453 tb ubnd", 1, nil},
		{"a multiset: a repeated word counts twice", "xã xã phường", "xã phường", 2.0 / 3, []string{"xã"}},
		{"missing words are listed with their count", "a b b b c", "a c", 2.0 / 5, []string{"b ×3"}},
		{"a spelling is another word", "uỷ ban", "ủy ban", 0.5, []string{"uỷ"}},
		{"an empty reference", "", "anything", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, lost := recall(wordTokens(c.ref), wordTokens(c.got))
			if got != c.want || !slices.Equal(lost, c.lost) {
				t.Errorf("recall = %v, missing %q; want %v, %q", got, lost, c.want, c.lost)
			}
		})
	}
}

// TestTranscribedSamplesRecall renders every sample transcribed from a
// real document and measures the word recall of our PDF (pdftotext) and
// DOCX (word/document.xml and footnotes) against that document's reference
// text: each must reach the 0.99. A sample not in the table must
// be a built example (its issuer or content invented), so a new
// transcription cannot go unmeasured.
func TestTranscribedSamplesRecall(t *testing.T) {
	names, err := fs.Glob(samples.FS, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		i := slices.IndexFunc(transcribed, func(s struct{ sample, reference string }) bool { return s.sample == n })
		if i < 0 && !strings.HasPrefix(n, "mau-") {
			t.Errorf("samples/%s is neither in the transcribed table nor a built example (mau-…)", n)
		}
	}
	for _, s := range transcribed {
		t.Run(strings.TrimSuffix(s.sample, ".json"), func(t *testing.T) {
			data, err := fs.ReadFile(samples.FS, s.sample)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := os.ReadFile(filepath.Join(referenceDir, s.reference))
			if err != nil {
				t.Fatal(err)
			}
			r, err := pipeline(t, data)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			want := wordTokens(string(ref))
			for _, out := range []struct{ format, text string }{
				{"pdf", pdfPlainText(t, r.pdf)},
				{"docx", docxText(t, r.docx)},
			} {
				got, lost := recall(want, wordTokens(out.text))
				t.Logf("%s recall %.4f (%d words in %s); missing: %s", out.format, got, len(want), s.reference, strings.Join(lost, ", "))
				if got < minRecall {
					t.Errorf("%s word recall %.4f < %.2f against %s; missing: %s",
						out.format, got, minRecall, s.reference, strings.Join(lost, ", "))
				}
			}
		})
	}
}
