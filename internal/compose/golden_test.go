package compose

import (
	"bytes"
	"encoding/json"
	"flag"
	"github.com/vanban/vanban/internal/golden"
	"io/fs"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/samples"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// sampleNames lists samples/*.json.
func sampleNames(t testing.TB) []string {
	t.Helper()
	names, err := fs.Glob(samples.FS, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// loadSample decodes and normalises one sample, as the pipeline does
// before compose.
func loadSample(t testing.TB, name string) *document.Document {
	t.Helper()
	data, err := fs.ReadFile(samples.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.DecodeBytes(data, document.Limits{})
	if err != nil {
		t.Fatalf("%s: decode: %v", name, err)
	}
	document.Normalize(d, nil)
	return d
}

func TestGolden(t *testing.T) {
	names := sampleNames(t)
	if len(names) == 0 {
		t.Skip("no samples/*.json yet")
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			d := loadSample(t, name)
			before, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Compose(d, Options{})
			if err != nil {
				t.Fatalf("compose: %v", err)
			}
			after, _ := json.Marshal(d)
			if !bytes.Equal(before, after) {
				t.Error("Compose changed its input")
			}
			var got bytes.Buffer
			if err := out.Dump(&got); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", strings.TrimSuffix(name, ".json")+".golden"), got.Bytes(), *update)
			// Composing twice gives the same result: no state leaks
			// between calls and nothing depends on the clock.
			again, err := Compose(d, Options{})
			if err != nil || !reflect.DeepEqual(out, again) {
				t.Error("second Compose differs from the first")
			}
		})
	}
}

// lineDiff reports the first differing lines, enough to find the change.
func itoa(n int) string { return strconv.Itoa(n) }

func BenchmarkCompose(b *testing.B) {
	names := sampleNames(b)
	if len(names) == 0 {
		b.Skip("no samples/*.json yet")
	}
	// The largest sample by size is the most work.
	largest, size := "", -1
	for _, n := range names {
		data, _ := fs.ReadFile(samples.FS, n)
		if len(data) > size {
			largest, size = n, len(data)
		}
	}
	d := loadSample(b, largest)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
