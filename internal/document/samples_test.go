package document

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// samplesDir holds the public sample documents, transcribed from the seed
// documents. They are the contract's worked examples (README, CLI demos,
// fuzz seeds), so a sample that no longer decodes is a broken promise.
var samplesDir = filepath.Join("..", "..", "samples")

// wantSamples are the transcriptions of the five seed documents; a missing
// one means a seed is no longer covered.
var wantSamples = []struct {
	file string
	typ  string
	// draft samples have no number yet.
	numbered bool
}{
	{"ha-nam-2014-ke-hoach.json", TypeKeHoach, false},
	{"vinh-linh-2024-ke-hoach-du-thao.json", TypeKeHoach, false},
	{"gia-lai-2023-ke-hoach-du-an-8.json", TypeKeHoach, true},
	{"lang-son-2018-2025-ke-hoach.json", TypeKeHoach, false},
	{"thua-thien-hue-2020-cong-van.json", TypeCongVan, true},
}

func TestSamplesPresent(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(samplesDir, "*.json"))
	if err != nil {
		t.Fatalf("glob samples: %v", err)
	}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f))
	}
	for _, w := range wantSamples {
		if !slices.Contains(got, w.file) {
			t.Errorf("samples/%s is missing", w.file)
		}
	}
}

func TestSamplesDecode(t *testing.T) {
	for _, w := range wantSamples {
		t.Run(w.file, func(t *testing.T) {
			d := decodeSample(t, w.file)
			if d.Type != w.typ {
				t.Errorf("type = %q, want %q", d.Type, w.typ)
			}
			if got := d.Number != ""; got != w.numbered {
				t.Errorf("number = %q, want numbered=%v", d.Number, w.numbered)
			}
		})
	}
}

// TestSamplesAllDecode covers any sample added later without a row above.
func TestSamplesAllDecode(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(samplesDir, "*.json"))
	if err != nil {
		t.Fatalf("glob samples: %v", err)
	}
	if len(files) == 0 {
		t.Fatal("no samples found")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			decodeSample(t, filepath.Base(f))
		})
	}
}

// TestSamplesRoundTrip marshals each decoded sample and decodes it again:
// the contract must read back what it writes, or a client echoing a
// document would change it.
func TestSamplesRoundTrip(t *testing.T) {
	for _, w := range wantSamples {
		t.Run(w.file, func(t *testing.T) {
			d := decodeSample(t, w.file)
			out, err := json.Marshal(d)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			again, err := DecodeBytes(out, Limits{})
			if err != nil {
				t.Fatalf("decode of re-marshalled sample: %v", findingsOf(err))
			}
			if !reflect.DeepEqual(d, again) {
				t.Errorf("round trip changed the document:\nfirst:  %s\nsecond: %s", out, mustMarshal(t, again))
			}
		})
	}
}

// TestSamplesNormalized checks that the samples are already in the one
// spelling Normalize produces (NFC, single spaces, no stray blanks at the
// ends): a transcription that still carries extraction artefacts would be
// silently rewritten by the pipeline and no longer match its own file.
func TestSamplesNormalized(t *testing.T) {
	for _, w := range wantSamples {
		t.Run(w.file, func(t *testing.T) {
			d := decodeSample(t, w.file)
			n := decodeSample(t, w.file)
			Normalize(n, nil)
			if !reflect.DeepEqual(d, n) {
				t.Errorf("Normalize changed the sample:\nbefore: %s\nafter:  %s", mustMarshal(t, d), mustMarshal(t, n))
			}
		})
	}
}

func decodeSample(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samplesDir, name))
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	d, err := DecodeBytes(data, Limits{})
	if err != nil {
		t.Fatalf("decode %s: %v", name, findingsOf(err))
	}
	return d
}

// findingsOf lists every finding of a DecodeError, not only the first.
func findingsOf(err error) any {
	var de *DecodeError
	if errors.As(err, &de) {
		return de.Findings
	}
	return err
}

func mustMarshal(t *testing.T, d *Document) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return b
}
