package httpapi

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/batch"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/samples"
	"github.com/vanban/vanban/templates"
)

// fakeBatch stands in for package batch: an item with template errors or
// a document that does not decode is invalid, every other one gets one
// entry per format; run, when set, replaces all of that.
type fakeBatch struct {
	mu    sync.Mutex
	items []batch.Item
	opt   batch.Options
	run   func(ctx context.Context, w io.Writer) error
}

func (f *fakeBatch) Run(ctx context.Context, items []batch.Item, formats []engine.Format, w io.Writer, opt batch.Options) (*batch.Manifest, error) {
	items = slices.Clone(items)
	for i := range items {
		// Template rows are filled when their turn comes, as package
		// batch does.
		if fill := items[i].Fill; fill != nil {
			d, fs := fill()
			items[i].Doc, items[i].Findings, items[i].Fill = d, append(items[i].Findings, fs...), nil
		}
	}
	f.mu.Lock()
	f.items, f.opt = items, opt
	f.mu.Unlock()
	man := &batch.Manifest{Schema: batch.ManifestSchema, Formats: formats, Draft: opt.Draft, Total: len(items), Items: []batch.ItemResult{}}
	if f.run != nil {
		return man, f.run(ctx, w)
	}
	zw := zip.NewWriter(w)
	for i, it := range items {
		r := batch.ItemResult{Index: i, Source: it.Source, Files: []string{}, Findings: append(document.Findings{}, it.Findings...)}
		var de *document.DecodeError
		if it.Doc == nil {
			if _, err := document.DecodeBytes(it.JSON, document.Limits{}); errors.As(err, &de) {
				r.Findings = append(r.Findings, de.Findings...)
			}
		}
		if r.Findings.HasErrors() {
			r.Status = batch.StatusInvalid
			man.Invalid++
		} else {
			r.Status = batch.StatusOK
			man.OK++
			for _, fm := range formats {
				name := fmt.Sprintf("item-%d.%s", i+1, fm)
				fw, err := zw.Create(name)
				if err != nil {
					return man, err
				}
				if _, err := io.WriteString(fw, "content"); err != nil {
					return man, err
				}
				r.Files = append(r.Files, name)
			}
		}
		man.Items = append(man.Items, r)
	}
	fw, err := zw.Create(batch.ManifestName)
	if err != nil {
		return man, err
	}
	if err := json.NewEncoder(fw).Encode(man); err != nil {
		return man, err
	}
	return man, zw.Close()
}

const batchTemplate = `{"schema":"vanban/v1","type":"ke_hoach",
  "issuer":{"name":["ỦY BAN NHÂN DÂN","{{upper .DonVi}}"],"abbreviation":"UBND"},
  "date":{"year":"{{.Nam}}"},
  "summary":"Bình đẳng giới trên địa bàn {{.DonVi}} năm {{.Nam}}, kinh phí {{.KinhPhi}} đồng"}`

func batchBody(fields map[string]string) string {
	var parts []string
	for _, k := range []string{"template", "rows", "documents", "extra"} {
		if v, ok := fields[k]; ok {
			parts = append(parts, fmt.Sprintf("%q: %s", k, v))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func docs(n int, doc string) string {
	return "[" + strings.TrimSuffix(strings.Repeat(doc+",", n), ",") + "]"
}

// unzip reads every entry of a zip answer.
func unzip(t *testing.T, body []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
		names = append(names, f.Name)
	}
	return files, names
}

func manifestOf(t *testing.T, files map[string][]byte) *batch.Manifest {
	t.Helper()
	var m batch.Manifest
	if err := json.Unmarshal(files[batch.ManifestName], &m); err != nil {
		t.Fatalf("manifest: %v: %q", err, files[batch.ManifestName])
	}
	return &m
}

func TestBatch(t *testing.T) {
	rows := `[{"DonVi":"xã Vĩnh Tú","Nam":2025,"KinhPhi":370000000},{"DonVi":"xã Vĩnh Thái","Nam":2025,"KinhPhi":15000000}]`
	broken := `{"schema":"vanban/v1","type":"ke_hoach","titel":"x"}`
	tests := []struct {
		name, target, body string
		edit               func(*Options)
		status             int
		code               string   // error code, when an error
		findingPath        string   // an error finding must name this path
		entries            []string // zip entries, when 200
		ok, invalid        int      // manifest counts, when 200
		check              func(t *testing.T, f *fakeBatch)
	}{
		{name: "template and rows", target: "/v1/batch", body: batchBody(map[string]string{"template": batchTemplate, "rows": rows}),
			status: 200, entries: []string{"item-1.docx", "item-1.pdf", "item-2.docx", "item-2.pdf", "manifest.json"}, ok: 2,
			check: func(t *testing.T, f *fakeBatch) {
				if len(f.items) != 2 || f.items[0].Doc == nil || f.items[0].Source != "rows line 1" || f.items[0].Name != "xã Vĩnh Tú" {
					t.Fatalf("items = %+v", f.items)
				}
				d := f.items[0].Doc
				// UseNumber: 370000000 stays digits, not 3.7e+08.
				if want := "Bình đẳng giới trên địa bàn xã Vĩnh Tú năm 2025, kinh phí 370000000 đồng"; d.Summary != want {
					t.Errorf("summary = %q, want %q", d.Summary, want)
				}
				if d.Date.Year != 2025 || d.Issuer.Name[1] != "XÃ VĨNH TÚ" {
					t.Errorf("year %d, issuer %q", d.Date.Year, d.Issuer.Name)
				}
			}},
		{name: "documents", target: "/v1/batch?formats=pdf&draft=true", body: batchBody(map[string]string{"documents": docs(2, validDoc)}),
			status: 200, entries: []string{"item-1.pdf", "item-2.pdf", "manifest.json"}, ok: 2,
			check: func(t *testing.T, f *fakeBatch) {
				if len(f.items) != 2 || f.items[1].Source != "documents[1]" || f.items[1].Name != "" || !f.opt.Draft {
					t.Errorf("items = %+v, opt %+v", f.items, f.opt)
				}
			}},
		{name: "one broken item still renders the others", target: "/v1/batch",
			body:   batchBody(map[string]string{"documents": "[" + validDoc + "," + broken + "," + validDoc + "]"}),
			status: 200, entries: []string{"item-1.docx", "item-1.pdf", "item-3.docx", "item-3.pdf", "manifest.json"}, ok: 2, invalid: 1},
		{name: "row missing a variable", target: "/v1/batch",
			body:   batchBody(map[string]string{"template": batchTemplate, "rows": `[{"DonVi":"xã A","Nam":2025,"KinhPhi":1},{"DonVi":"xã B","Nam":2025}]`}),
			status: 200, entries: []string{"item-1.docx", "item-1.pdf", "manifest.json"}, ok: 1, invalid: 1},
		{name: "workers bounded by the free slots", target: "/v1/batch", body: batchBody(map[string]string{"documents": docs(1, validDoc)}),
			edit:   func(o *Options) { o.Config.MaxConcurrentRenders, o.Config.BatchWorkers = 3, 8 },
			status: 200, entries: []string{"item-1.docx", "item-1.pdf", "manifest.json"}, ok: 1,
			check: func(t *testing.T, f *fakeBatch) {
				if f.opt.Workers != 3 {
					t.Errorf("workers = %d, want 3", f.opt.Workers)
				}
			}},
		{name: "too many documents", target: "/v1/batch", body: batchBody(map[string]string{"documents": docs(4, validDoc)}),
			edit: func(o *Options) { o.Config.MaxBatchItems = 3 }, status: 422, code: CodeInvalidStructure, findingPath: "/documents"},
		{name: "too many rows", target: "/v1/batch", body: batchBody(map[string]string{"template": batchTemplate, "rows": rows}),
			edit: func(o *Options) { o.Config.MaxBatchItems = 1 }, status: 422, code: CodeInvalidStructure, findingPath: "/rows"},
		{name: "too large", target: "/v1/batch", body: batchBody(map[string]string{"documents": docs(20, validDoc)}),
			edit: func(o *Options) { o.Config.MaxBatchBytes = 1000 }, status: 413, code: CodeTooLarge},
		{name: "batch limit above the document limit", target: "/v1/batch", body: batchBody(map[string]string{"documents": docs(300, validDoc)}),
			status: 200, ok: 300},
		{name: "malformed", target: "/v1/batch", body: "{\n\"documents\": [}", status: 400, code: CodeMalformedJSON},
		{name: "truncated", target: "/v1/batch", body: `{"documents": [`, status: 400, code: CodeMalformedJSON},
		{name: "trailing data", target: "/v1/batch", body: `{"documents": [{}]} {}`, status: 400, code: CodeMalformedJSON},
		{name: "empty body", target: "/v1/batch", body: "", status: 400, code: CodeBadRequest},
		{name: "neither", target: "/v1/batch", body: `{}`, status: 422, code: CodeInvalidStructure},
		{name: "both", target: "/v1/batch", body: batchBody(map[string]string{"template": batchTemplate, "rows": rows, "documents": docs(1, validDoc)}),
			status: 422, code: CodeInvalidStructure},
		{name: "rows without template", target: "/v1/batch", body: batchBody(map[string]string{"rows": rows, "documents": docs(1, validDoc)}),
			status: 422, code: CodeInvalidStructure, findingPath: "/rows"},
		{name: "template without rows", target: "/v1/batch", body: batchBody(map[string]string{"template": batchTemplate}),
			status: 422, code: CodeInvalidStructure, findingPath: "/rows"},
		{name: "empty documents", target: "/v1/batch", body: `{"documents": []}`, status: 422, code: CodeInvalidStructure, findingPath: "/documents"},
		{name: "unknown field", target: "/v1/batch", body: batchBody(map[string]string{"documents": docs(1, validDoc), "extra": "1"}),
			status: 422, code: CodeInvalidStructure, findingPath: "/extra"},
		{name: "rows not an array", target: "/v1/batch", body: batchBody(map[string]string{"template": batchTemplate, "rows": `{"DonVi":"x"}`}),
			status: 422, code: CodeInvalidStructure, findingPath: "/rows"},
		{name: "row not an object", target: "/v1/batch", body: batchBody(map[string]string{"template": batchTemplate, "rows": `[{"DonVi":"x"}, 3]`}),
			status: 422, code: CodeInvalidStructure, findingPath: "/rows/1"},
		{name: "template does not parse", target: "/v1/batch",
			body:   batchBody(map[string]string{"template": `{"schema":"vanban/v1","summary":"{{range .X}}{{end}}"}`, "rows": rows}),
			status: 422, code: CodeInvalidStructure, findingPath: "/template/summary"},
		{name: "template over the document limit", target: "/v1/batch",
			body:   batchBody(map[string]string{"template": `{"schema":"vanban/v1","summary":"` + strings.Repeat("x", 70<<10) + `"}`, "rows": rows}),
			edit:   func(o *Options) { o.Config.MaxBatchBytes = 1 << 20 },
			status: 422, code: CodeInvalidStructure, findingPath: "/template"},
		{name: "template not an object", target: "/v1/batch", body: batchBody(map[string]string{"template": `"x"`, "rows": rows}),
			status: 422, code: CodeInvalidStructure, findingPath: "/template"},
		{name: "too deep", target: "/v1/batch", body: batchBody(map[string]string{"documents": `[{"body":[[[[[[[[[1]]]]]]]]]}]`}),
			status: 422, code: CodeInvalidStructure},
		{name: "bad formats", target: "/v1/batch?formats=odt", body: batchBody(map[string]string{"documents": docs(1, validDoc)}), status: 400, code: CodeBadRequest},
		{name: "bad draft", target: "/v1/batch?draft=perhaps", body: batchBody(map[string]string{"documents": docs(1, validDoc)}), status: 400, code: CodeBadRequest},
		{name: "no batch runner", target: "/v1/batch", body: batchBody(map[string]string{"documents": docs(1, validDoc)}),
			edit: func(o *Options) { o.Batch = nil }, status: 501, code: CodeNotImplemented},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fb := &fakeBatch{}
			s := newTestServer(t, func(o *Options) {
				o.Batch = fb
				if tt.edit != nil {
					tt.edit(o)
				}
			})
			rec := do(s.Handler(), "POST", tt.target, tt.body, nil)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %.500s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.code != "" {
				e := errorOf(t, rec)
				if e.Code != tt.code || e.VI == "" || e.EN == "" {
					t.Errorf("error = %+v, want code %s", e, tt.code)
				}
				if tt.findingPath != "" && !slices.ContainsFunc(e.Findings, func(f document.Finding) bool { return f.Path == tt.findingPath }) {
					t.Errorf("no finding at %s: %+v", tt.findingPath, e.Findings)
				}
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/zip" {
				t.Errorf("Content-Type = %q", ct)
			}
			if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="Van-ban-hang-loat.zip"`) || !strings.Contains(cd, "filename*=UTF-8''V%C4%83n") {
				t.Errorf("Content-Disposition = %q", cd)
			}
			files, names := unzip(t, rec.Body.Bytes())
			if tt.entries != nil && !slices.Equal(names, tt.entries) {
				t.Errorf("entries = %q, want %q", names, tt.entries)
			}
			m := manifestOf(t, files)
			if m.OK != tt.ok || m.Invalid != tt.invalid {
				t.Errorf("manifest ok %d invalid %d, want %d %d", m.OK, m.Invalid, tt.ok, tt.invalid)
			}
			tr := rec.Result().Trailer
			if tr.Get("X-Vanban-Ok") != fmt.Sprint(tt.ok) || tr.Get("X-Vanban-Invalid") != fmt.Sprint(tt.invalid) {
				t.Errorf("trailers = %v", tr)
			}
			if tt.check != nil {
				tt.check(t, fb)
			}
		})
	}
}

// TestBatchFailures covers a batch that cannot start or stops: the render
// cap, the batch deadline before any output, the client going away, and a
// failure after the zip has started, which must break the download.
func TestBatchFailures(t *testing.T) {
	body := batchBody(map[string]string{"documents": docs(2, validDoc)})

	t.Run("saturated", func(t *testing.T) {
		release := make(chan struct{})
		started := make(chan struct{})
		s := newTestServer(t, func(o *Options) {
			o.Config.MaxConcurrentRenders = 1
			o.Config.QueueTimeout = 20 * time.Millisecond
			o.Batch = &fakeBatch{run: func(ctx context.Context, w io.Writer) error {
				close(started)
				<-release
				_, err := w.Write([]byte("PK"))
				return err
			}}
		})
		var wg sync.WaitGroup
		wg.Go(func() { do(s.Handler(), "POST", "/v1/batch", body, nil) })
		<-started
		rec := do(s.Handler(), "POST", "/v1/render/pdf", validDoc, nil)
		if rec.Code != 429 || errorOf(t, rec).Code != CodeBusy {
			t.Errorf("render during a batch on the only slot: %d", rec.Code)
		}
		close(release)
		wg.Wait()
	})

	t.Run("deadline before output", func(t *testing.T) {
		s := newTestServer(t, func(o *Options) {
			o.Config.BatchTimeout = 30 * time.Millisecond
			o.Batch = &fakeBatch{run: func(ctx context.Context, w io.Writer) error {
				<-ctx.Done()
				return fmt.Errorf("batch: %w", ctx.Err())
			}}
		})
		rec := do(s.Handler(), "POST", "/v1/batch", body, nil)
		if rec.Code != 503 {
			t.Fatalf("status = %d: %s", rec.Code, rec.Body.String())
		}
		if e := errorOf(t, rec); e.Code != CodeTimeout || !strings.Contains(e.EN, "30ms") {
			t.Errorf("error = %+v", e)
		}
	})

	t.Run("client gone", func(t *testing.T) {
		stopped := make(chan error, 1)
		s := newTestServer(t, func(o *Options) {
			o.Batch = &fakeBatch{run: func(ctx context.Context, w io.Writer) error {
				<-ctx.Done()
				stopped <- ctx.Err()
				return ctx.Err()
			}}
		})
		ctx, cancel := context.WithCancel(context.Background())
		req := httptest.NewRequest("POST", "/v1/batch", strings.NewReader(body)).WithContext(ctx)
		time.AfterFunc(20*time.Millisecond, cancel)
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		select {
		case err := <-stopped:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("batch stopped with %v", err)
			}
		case <-time.After(2 * time.Second):
			t.Fatal("the batch did not see the client go")
		}
		if rec.Code != statusClientClosed {
			t.Errorf("status = %d", rec.Code)
		}
	})

	t.Run("failure mid-stream breaks the download", func(t *testing.T) {
		logger, logs := logBuffer()
		s := newTestServer(t, func(o *Options) {
			o.Logger = logger
			o.Batch = &fakeBatch{run: func(ctx context.Context, w io.Writer) error {
				if _, err := w.Write(bytes.Repeat([]byte("PK"), 64<<10)); err != nil {
					return err
				}
				return errors.New("batch: write: disk on fire")
			}}
		})
		srv := httptest.NewServer(s.Handler())
		defer srv.Close()
		resp, err := http.Post(srv.URL+"/v1/batch", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("status = %d", resp.StatusCode)
		}
		if _, err := io.ReadAll(resp.Body); err == nil {
			t.Errorf("the truncated zip read as complete")
		}
		metrics := do(s.Handler(), "GET", "/metrics", "", nil).Body.String()
		for _, want := range []string{`vanban_batches_total{outcome="aborted"} 1`, "vanban_renders_in_flight 0"} {
			if !strings.Contains(metrics, want) {
				t.Errorf("metrics lack %q", want)
			}
		}
		for _, want := range []string{`"msg":"batch aborted"`, `"aborted":true`, "disk on fire"} {
			if !strings.Contains(logs.String(), want) {
				t.Errorf("log lacks %q: %s", want, logs.String())
			}
		}
	})
}

// TestBatchRealEngine runs the production Batcher: two sample documents
// give a zip with both formats of each and the manifest, and a broken one
// among them is reported without stopping the others.
func TestBatchRealEngine(t *testing.T) {
	cfg := DefaultConfig() // the samples need the real decode limits
	eng, err := engine.New(templates.FS, fonts.FS, cfg.Limits())
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Config: cfg, Pipeline: eng, Batch: EngineBatcher(eng), Samples: samples.FS})
	if err != nil {
		t.Fatal(err)
	}
	a, err := samples.FS.ReadFile("ha-nam-2014-ke-hoach.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := samples.FS.ReadFile("thua-thien-hue-2020-cong-van.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		documents     []string
		entries       []string
		ok, invalid   int
		invalidSource string
	}{
		{"two documents", []string{string(a), string(b)},
			[]string{"documents-0.docx", "documents-0.pdf", "documents-1.docx", "documents-1.pdf", "manifest.json"}, 2, 0, ""},
		{"one broken", []string{string(a), `{"schema":"vanban/v1","type":"ke_hoach"}`, string(b)},
			[]string{"documents-0.docx", "documents-0.pdf", "documents-2.docx", "documents-2.pdf", "manifest.json"}, 2, 1, "documents[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"documents": [` + strings.Join(tt.documents, ",") + `]}`
			rec := do(s.Handler(), "POST", "/v1/batch", body, nil)
			if rec.Code != 200 {
				t.Fatalf("status = %d: %.500s", rec.Code, rec.Body.String())
			}
			files, names := unzip(t, rec.Body.Bytes())
			if !slices.Equal(names, tt.entries) {
				t.Errorf("entries = %q, want %q", names, tt.entries)
			}
			for name, data := range files {
				want := map[bool]string{true: "%PDF-", false: "PK\x03\x04"}[strings.HasSuffix(name, ".pdf")]
				if name != batch.ManifestName && !bytes.HasPrefix(data, []byte(want)) {
					t.Errorf("%s starts %q", name, data[:min(len(data), 8)])
				}
			}
			m := manifestOf(t, files)
			if m.Schema != batch.ManifestSchema || m.OK != tt.ok || m.Invalid != tt.invalid || m.Total != len(tt.documents) {
				t.Errorf("manifest = %+v", m)
			}
			for _, it := range m.Items {
				if it.Status == batch.StatusInvalid && (it.Source != tt.invalidSource || !it.Findings.HasErrors()) {
					t.Errorf("invalid item = %+v", it)
				}
			}
		})
	}
}
