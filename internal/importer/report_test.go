package importer_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

// pointerResolves is the test's own JSON Pointer reader (RFC 6901), apart
// from the importer's, so a fault in one is not hidden by the other.
func pointerResolves(v any, p string) bool {
	if p == "" {
		return true
	}
	if p[0] != '/' {
		return false
	}
	for _, tok := range strings.Split(p[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return false
			}
			v = x[i]
		default:
			return false
		}
	}
	return true
}

// reportProblems lists what breaks the report's contract for a clerk:
// every recognised or guessed note names a field of d that is there,
// says it in Vietnamese, and shows the source line the field was read
// from unless the importer supplied the value (and says so) or the note
// is about the file as a whole; a dropped line next to a part names it.
func reportProblems(d *document.Document, rep *importer.Report) []string {
	b, err := json.Marshal(d)
	if err != nil {
		return []string{err.Error()}
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return []string{err.Error()}
	}
	var out []string
	placed := false
	for kind, ns := range map[string][]importer.Note{"recognised": rep.Recognised, "guessed": rep.Guessed} {
		for _, n := range ns {
			switch {
			case !pointerResolves(v, n.Path):
				out = append(out, kind+" "+n.Path+": the pointer is not in the document ("+n.EN+")")
			case n.VI == "":
				out = append(out, kind+" "+n.Path+": no Vietnamese message")
			case n.Path != "" && !n.Supplied && n.Source == "":
				out = append(out, kind+" "+n.Path+": no source line ("+n.EN+")")
			case n.Supplied && n.Source != "":
				out = append(out, kind+" "+n.Path+": supplied, yet a source line")
			case len([]rune(n.Source)) > 170:
				out = append(out, kind+" "+n.Path+": source line not trimmed")
			}
			placed = placed || n.Line > 0
		}
	}
	for _, dr := range rep.Dropped {
		switch {
		case dr.Path != "" && !pointerResolves(v, dr.Path):
			out = append(out, "dropped line "+strconv.Itoa(dr.Line)+" "+dr.Path+": the pointer is not in the document")
		case placed && dr.Line > 0 && dr.Path == "":
			out = append(out, "dropped line "+strconv.Itoa(dr.Line)+" ("+dr.Text+"): no pointer")
		}
	}
	return out
}

func TestReportPointersSamples(t *testing.T) {
	for name, want := range sampleDocs(t) {
		t.Run(name, func(t *testing.T) {
			data := renderDOCX(t, want)
			got, rep, err := importer.Import(bytes.NewReader(data), int64(len(data)), name+".docx", importer.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Recognised) == 0 {
				t.Fatal("nothing recognised")
			}
			for _, p := range reportProblems(got, rep) {
				t.Error(p)
			}
		})
	}
}

// TestReportPointersCorpus runs the same contract over a few real
// documents of each input kind: .docx, born-digital .pdf (when poppler is
// installed) and the reference text as pasted.
func TestReportPointersCorpus(t *testing.T) {
	dir := os.Getenv("VANBAN_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus at %s", dir)
	}
	for _, pre := range []string{""} {
		fs, _ := filepath.Glob(filepath.Join(dir, pre+"[0-9]*"))
		for _, f := range fs {
			ext := filepath.Ext(f)
			t.Run(filepath.Base(f), func(t *testing.T) {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				got, rep, err := importer.Import(bytes.NewReader(data), int64(len(data)), filepath.Base(f), importer.Limits{})
				if err != nil {
					if ext == ".pdf" {
						t.Skip(err)
					}
					t.Fatal(err)
				}
				for _, p := range reportProblems(got, rep) {
					t.Error(p)
				}
			})
		}
	}
}

// TestReportProblemsFail: the checker above catches each broken case, so
// the tests built on it can fail.
func TestReportProblemsFail(t *testing.T) {
	d := &document.Document{Summary: "Kế hoạch", Body: []document.Block{{Paragraph: &document.Text{{Text: "x"}}}}}
	for _, tc := range []struct {
		name string
		rep  importer.Report
		bad  bool
	}{
		{"good", importer.Report{Recognised: []importer.Note{{Path: "/summary", VI: "Trích yếu", Source: "Kế hoạch", Line: 3}},
			Dropped: []importer.Drop{{Line: 4, Text: "y", Path: "/body/0"}}}, false},
		{"whole document", importer.Report{Recognised: []importer.Note{{Path: "", VI: "Bảng mã"}}}, false},
		{"supplied", importer.Report{Guessed: []importer.Note{{Path: "/summary", VI: "Mặc định", Supplied: true}}}, false},
		{"missing field", importer.Report{Recognised: []importer.Note{{Path: "/subject", VI: "V/v", Source: "V/v"}}}, true},
		{"index out of range", importer.Report{Recognised: []importer.Note{{Path: "/body/1", VI: "Mục", Source: "I."}}}, true},
		{"no source", importer.Report{Recognised: []importer.Note{{Path: "/summary", VI: "Trích yếu"}}}, true},
		{"no Vietnamese", importer.Report{Recognised: []importer.Note{{Path: "/summary", EN: "summary", Source: "Kế hoạch"}}}, true},
		{"supplied with source", importer.Report{Guessed: []importer.Note{{Path: "/summary", VI: "Mặc định", Supplied: true, Source: "x"}}}, true},
		{"drop without pointer", importer.Report{Recognised: []importer.Note{{Path: "/summary", VI: "Trích yếu", Source: "Kế hoạch", Line: 3}},
			Dropped: []importer.Drop{{Line: 4, Text: "y"}}}, true},
		{"drop bad pointer", importer.Report{Dropped: []importer.Drop{{Line: 4, Text: "y", Path: "/body/9"}}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := reportProblems(d, &tc.rep); (len(got) > 0) != tc.bad {
				t.Errorf("problems %q, want bad=%v", got, tc.bad)
			}
		})
	}
}
