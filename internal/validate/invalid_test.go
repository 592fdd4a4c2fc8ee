package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// invalidDir holds broken inputs, each NAME.json with NAME.expected.json
// listing exactly the findings the pipeline must give.
const invalidDir = "../../samples/invalid"

// expected is one line of a NAME.expected.json file.
type expected struct {
	Code     string            `json:"code"`
	Path     string            `json:"path"`
	Severity document.Severity `json:"severity"`
}

// pipeline is what the CLI and the service run before composing: decode
// (whose findings count as well), normalise, validate.
func pipeline(data []byte, opt Options) (document.Findings, error) {
	d, err := document.DecodeBytes(data, document.Limits{})
	if err != nil {
		var de *document.DecodeError
		if errors.As(err, &de) {
			return de.Findings, nil
		}
		return nil, err
	}
	document.Normalize(d, nil)
	return Validate(d, opt), nil
}

func TestInvalidSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(invalidDir, "*.json"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".expected.json") {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			wantData, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".expected.json")
			if err != nil {
				t.Fatalf("no expected file: %v", err)
			}
			var want []expected
			if err := json.Unmarshal(wantData, &want); err != nil {
				t.Fatalf("expected file: %v", err)
			}
			fs, err := pipeline(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := make([]expected, 0, len(fs))
			for _, f := range fs {
				got = append(got, expected{f.Code, f.Path, f.Severity})
			}
			key := func(e expected) string { return fmt.Sprintf("%s %s %s", e.Path, e.Code, e.Severity) }
			cmp := func(a, b expected) int { return strings.Compare(key(a), key(b)) }
			slices.SortFunc(got, cmp)
			slices.SortFunc(want, cmp)
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n%s\nwant:\n%s", dump(fs), strings.Join(func() []string {
					var s []string
					for _, w := range want {
						s = append(s, "  "+key(w))
					}
					return s
				}(), "\n"))
			}
		})
	}
	if n < 12 {
		t.Errorf("want at least 12 invalid samples, have %d", n)
	}
}
