package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/internal/testengine"
)

var testEngine = testengine.Shared

// seedFiles returns the seed texts: the shared folder beside the module
// when it is there (the originals), else the copies in testdata.
func seedFiles(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	local, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	if err != nil || len(local) == 0 {
		t.Fatalf("no seed copies in testdata/seeds: %v", err)
	}
	for _, f := range local {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	shared, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	for _, f := range shared {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if old, ok := out[name]; ok && !bytes.Equal(old, data) {
			t.Errorf("testdata/seeds/%s differs from the shared seed: copy it again", name)
		}
		out[name] = data
	}
	return out
}
