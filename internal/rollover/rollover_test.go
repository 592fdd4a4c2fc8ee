package rollover

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/golden"
	"github.com/vanban/vanban/internal/testengine"
	"github.com/vanban/vanban/samples"
)

var testEngine = testengine.Shared

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/")

// TestSamples rolls every sample over to the year after its plan year and
// compares the change report with testdata/<name>.report.golden. The
// result must decode again as a v1 document.
func TestSamples(t *testing.T) {
	all, err := samples.Decoded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		name, d := s.Name+".json", s.Doc
		t.Run(name, func(t *testing.T) {
			from, _ := planYear(d, 0)
			out, rep, err := Roll(d, from+1, Options{})
			if err != nil {
				t.Fatal(err)
			}
			js, err := Marshal(out)
			if err != nil {
				t.Fatal(err)
			}
			again, err := document.DecodeBytes(js, document.Limits{})
			if err != nil {
				t.Fatalf("rolled document does not decode: %v", err)
			}
			// A sample that validates as a draft must still validate
			// once rolled over.
			eng := testEngine(t)
			if eng.CheckDocument(d, true).Valid() {
				if c := eng.CheckDocument(again, true); !c.Valid() {
					t.Errorf("rolled draft is invalid: %v", c.Findings.Errors())
				}
			}
			if out.Number != "" || out.Date.Day != 0 || out.Date.Month != 0 {
				t.Errorf("number/date not cleared: %q %+v", out.Number, out.Date)
			}
			var got bytes.Buffer
			if err := rep.WriteText(&got); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", strings.TrimSuffix(name, ".json")+".report.golden"), got.Bytes(), *update)
		})
	}
}
