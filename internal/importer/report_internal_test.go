package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func TestSourceLine(t *testing.T) {
	long := strings.Repeat("Căn cứ Luật Tổ chức ", 20)
	for _, tc := range []struct{ name, in, want string }{
		{"short", "  Số:   15/KH-UBND ", "Số: 15/KH-UBND"},
		{"empty", "", ""},
		{"long cut at a word", long, strings.TrimSpace(strings.Join(strings.Fields(long)[:40], " ")) + " …"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sourceLine(tc.in); got != tc.want {
				t.Errorf("sourceLine = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSettle: a dropped line takes the pointer of the nearest placed part
// (the next one on a tie, a label heading what follows); a pointer to a
// part the document no longer has falls back to the nearest that is there,
// and a dropped line is never placed by such a part.
func TestSettle(t *testing.T) {
	d := &document.Document{Summary: "Kế hoạch", Body: []document.Block{{Paragraph: &document.Text{{Text: "a"}}}}}
	r := &Report{}
	r.recognisedAt("/summary", 2, "Kế hoạch", "Trích yếu", "summary")
	r.recognisedAt("/symbol", 4, "Số: 1/KH", "Ký hiệu", "symbol") // no symbol in d
	r.place(6, "/body/0")
	r.place(8, "/body/3") // gone: folds to /body
	for _, l := range []int{1, 3, 4, 5, 9, 30} {
		r.drop(l, "x", true, "v", "e")
	}
	r.drop(-1, "trang 2", true, "v", "e") // a PDF page number: no line
	r.settle(d)
	if got := r.Recognised[1].Path; got != "" {
		t.Errorf("symbol note path %q, want the document", got)
	}
	want := []string{"/summary", "/summary", "/body/0", "/body/0", "/body", "/body", ""}
	for k, dr := range r.Dropped {
		if dr.Path != want[k] {
			t.Errorf("drop at line %d: path %q, want %q", dr.Line, dr.Path, want[k])
		}
	}
}

// TestReportFoldsCorpus: the recognisers name fields the imported document
// has. Only two notes may name a field the document ended without: the
// ký hiệu, when it is the one the system derives (and so is not stored),
// and Kính gửi, when no addressee was read after it (a guess to check).
func TestReportFoldsCorpus(t *testing.T) {
	allowed := map[string]bool{"/symbol": true, "/addressees": true}
	files := append(corpusFiles(t, ".docx"), corpusFiles(t, ".txt")...)
	files = append(files, corpusFiles(t, ".pdf")...)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, rep, err := Import(bytes.NewReader(data), int64(len(data)), filepath.Base(f), Limits{})
			if err != nil && filepath.Ext(f) == ".pdf" {
				t.Skip(err) // no poppler here
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.folded {
				if !allowed[p] {
					t.Errorf("a note names %s, which the imported document does not have", p)
				}
			}
		})
	}
}
