package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/plantemplate"
	"github.com/vanban/vanban/internal/testengine"
)

var testEngine = testengine.Shared

// communeItems fills the Vĩnh Linh commune template with its ten rows,
// repeated to n items.
func communeItems(tb testing.TB, n int) []Item {
	tb.Helper()
	dir := filepath.Join("..", "..", "samples", "templates")
	data, err := os.ReadFile(filepath.Join(dir, "vinh-linh-xa-ke-hoach-binh-dang-gioi.json"))
	if err != nil {
		tb.Fatal(err)
	}
	tm, err := plantemplate.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "vinh-linh-xa-2025.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	rows, err := plantemplate.ReadCSV("vinh-linh-xa-2025.csv", bytes.NewReader(csv))
	if err != nil {
		tb.Fatal(err)
	}
	var all []plantemplate.Row
	for len(all) < n {
		all = append(all, rows...)
	}
	return FromTemplate(tm, all[:n], document.Limits{})
}

func readZip(t *testing.T, data []byte) (names []string, man Manifest) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == ManifestName {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			if err := json.NewDecoder(rc).Decode(&man); err != nil {
				t.Fatal(err)
			}
			rc.Close()
		}
	}
	return names, man
}

// TestRunBrokenItem: one broken item among valid ones is reported, and
// every other item is still rendered, in input order.
func TestRunBrokenItem(t *testing.T) {
	items := communeItems(t, 10)
	broken := Item{Source: "broken.json", JSON: []byte(`{"schema":"vanban/v1","type":"ke_hoach",`)}
	unknown := Item{Source: "unknown.json", JSON: []byte(`{"schema":"vanban/v1","type":"ke_hoach","colour":"red"}`)}
	items = slices.Insert(items, 3, broken)
	items = append(items, unknown)
	r := New(testEngine(t), Options{Workers: 4, Draft: true})
	var buf bytes.Buffer
	var progress []int
	r.opt.Progress = func(p Progress) { progress = append(progress, p.Done) }
	man, err := r.Run(context.Background(), items, []engine.Format{engine.DOCX, engine.PDF}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if man.Total != 12 || man.OK != 10 || man.Invalid != 2 || man.Failed != 0 {
		t.Fatalf("counts total %d ok %d invalid %d failed %d; items %+v", man.Total, man.OK, man.Invalid, man.Failed, man.Items)
	}
	if st := man.Items[3]; st.Status != StatusInvalid || st.Source != "broken.json" || len(st.Findings) == 0 || st.Findings[0].Code != "decode.syntax" {
		t.Errorf("broken item: %+v", st)
	}
	if st := man.Items[11]; st.Status != StatusInvalid || st.Findings[0].Path != "/colour" {
		t.Errorf("unknown-field item: %+v", st)
	}
	if len(progress) != 12 || progress[11] != 12 {
		t.Errorf("progress = %v", progress)
	}
	names, zman := readZip(t, buf.Bytes())
	if len(names) != 21 || names[20] != ManifestName {
		t.Fatalf("zip entries = %v", names)
	}
	if names[0] != "xa-vinh-thai.docx" || names[1] != "xa-vinh-thai.pdf" || names[6] != "xa-vinh-trung.docx" {
		t.Errorf("zip order = %v", names[:8])
	}
	if zman.OK != 10 || len(zman.Items) != 12 || zman.Items[0].Source != "vinh-linh-xa-2025.csv line 2" {
		t.Errorf("manifest in zip: %+v", zman.Items[0])
	}

	// Same input, other worker count: same bytes.
	r2 := New(testEngine(t), Options{Workers: 1, Draft: true})
	var buf2 bytes.Buffer
	if _, err := r2.Run(context.Background(), items, []engine.Format{engine.DOCX, engine.PDF}, &buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("zip differs between 4 workers and 1: not deterministic")
	}
}

func TestRunTemplateFindings(t *testing.T) {
	tm, err := plantemplate.Parse([]byte(`{"schema":"vanban/v1","type":"ke_hoach","summary":"{{.Missing}}"}`))
	if err != nil {
		t.Fatal(err)
	}
	items := FromTemplate(tm, []plantemplate.Row{{Line: 2, Source: "d.csv", Values: map[string]any{"X": "1"}, Columns: []string{"X"}}}, document.Limits{})
	var buf bytes.Buffer
	man, err := New(testEngine(t), Options{}).Run(context.Background(), items, []engine.Format{engine.PDF}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	it := man.Items[0]
	if it.Status != StatusInvalid || it.Source != "d.csv line 2" {
		t.Fatalf("item = %+v", it)
	}
	var codes []string
	for _, f := range it.Findings {
		codes = append(codes, f.Code)
	}
	if !slices.Contains(codes, plantemplate.CodeMissingVariable) || !slices.Contains(codes, plantemplate.CodeUnusedVariable) {
		t.Errorf("codes = %v", codes)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n > 1000 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestRunErrors(t *testing.T) {
	items := communeItems(t, 6)
	r := New(testEngine(t), Options{Workers: 2, Draft: true})
	if _, err := r.Run(context.Background(), items, []engine.Format{engine.PDF}, &failWriter{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("writer failure: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Run(ctx, items, []engine.Format{engine.PDF}, io.Discard); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if _, err := r.Run(context.Background(), items, nil, io.Discard); err == nil {
		t.Error("no format: want an error")
	}
	// An empty batch is a zip with a manifest only.
	var buf bytes.Buffer
	if _, err := r.Run(context.Background(), nil, []engine.Format{engine.PDF}, &buf); err != nil {
		t.Fatal(err)
	}
	if names, _ := readZip(t, buf.Bytes()); !slices.Equal(names, []string{ManifestName}) {
		t.Errorf("empty batch: %v", names)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"xã Vĩnh Tú", "xa-vinh-tu"},
		{"Thị trấn Hồ Xá", "thi-tran-ho-xa"},
		{"ĐẮK LẮK", "dak-lak"},
		{"../../etc/passwd", "etc-passwd"},
		{"  ", ""},
		{"Sở LĐ-TB&XH", "so-ld-tb-xh"},
		{strings.Repeat("a", 100), strings.Repeat("a", 60)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	names := uniqueSlugs([]Item{{Name: "xã A"}, {Name: "Xã A"}, {Source: "dir/plan.json"}, {Name: "!!"}, {Name: "xa-a-2"}})
	if want := []string{"xa-a", "xa-a-2", "plan", "item-4", "xa-a-2-2"}; !slices.Equal(names, want) {
		t.Errorf("uniqueSlugs = %v, want %v", names, want)
	}
}

// BenchmarkBatch1000 renders 1 000 plans (the Vĩnh Linh commune template),
// DOCX and PDF each, with the default worker count:
//
//	go test ./internal/batch -run '^$' -bench Batch1000 -benchtime 1x
func BenchmarkBatch1000(b *testing.B) {
	items := communeItems(b, 1000)
	r := New(testEngine(b), Options{Draft: true})
	formats := []engine.Format{engine.DOCX, engine.PDF}
	b.ResetTimer()
	cpu0 := cpuTime()
	for range b.N {
		// Template items carry decoded documents that the batch normalises
		// in place; normalising twice is harmless.
		man, err := r.Run(context.Background(), items, formats, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		if man.OK != 1000 {
			b.Fatalf("ok = %d", man.OK)
		}
	}
	// CPU seconds per batch: divided by the cores, the wall time the
	// batch takes on an otherwise idle machine.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
