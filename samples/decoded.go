package samples

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/document"
)

// Sample is one sample: its name (the file name without ".json"), its
// bytes and its decoded document.
type Sample struct {
	Name string
	Data []byte
	Doc  *document.Document
}

// Decoded reads and decodes every sample, in name order, with the default
// limits; an error names the sample. The tests that run every sample read
// them here rather than each walking FS.
func Decoded() ([]Sample, error) {
	names, err := fs.Glob(FS, "*.json")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("samples: none embedded")
	}
	sort.Strings(names)
	out := make([]Sample, 0, len(names))
	for _, n := range names {
		data, err := fs.ReadFile(FS, n)
		if err != nil {
			return nil, err
		}
		d, err := document.DecodeBytes(data, document.Limits{})
		if err != nil {
			return nil, fmt.Errorf("samples: %s: %w", n, err)
		}
		out = append(out, Sample{Name: strings.TrimSuffix(n, ".json"), Data: data, Doc: d})
	}
	return out, nil
}
