package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/render"
)

// fakePipeline decodes with the real decoder (so structural errors are the
// real ones) and lets each test choose the findings and the render.
type fakePipeline struct {
	lim      document.Limits
	findings func(*document.Document) document.Findings
	render   func(ctx context.Context, f engine.Format, w io.Writer) (*render.Result, error)
	check    func() // runs first in Check; tests use it to panic
}

func (p *fakePipeline) Check(data []byte, draft bool) (*engine.Checked, error) {
	if p.check != nil {
		p.check()
	}
	d, err := document.DecodeBytes(data, p.lim)
	if err != nil {
		return nil, err
	}
	var fs document.Findings
	if p.findings != nil {
		fs = p.findings(d)
	}
	return &engine.Checked{Doc: d, Findings: fs, Draft: draft}, nil
}

func (p *fakePipeline) Compose(c *engine.Checked) (*compose.Document, error) {
	if !c.Valid() {
		return nil, &engine.InvalidError{Findings: c.Findings}
	}
	return &compose.Document{Meta: compose.Meta{Title: c.Doc.Summary}}, nil
}

func (p *fakePipeline) Render(ctx context.Context, cd *compose.Document, f engine.Format, w io.Writer) (*render.Result, error) {
	if p.render != nil {
		return p.render(ctx, f, w)
	}
	magic := map[engine.Format]string{engine.DOCX: "PK\x03\x04", engine.PDF: "%PDF-1.7\n"}[f]
	_, err := io.WriteString(w, magic+cd.Meta.Title)
	return &render.Result{Pages: 2}, err
}

const validDoc = `{
  "schema": "vanban/v1",
  "type": "ke_hoach",
  "issuer": {"name": ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"], "abbreviation": "UBND"},
  "number": "1653",
  "summary": "Triển khai thực hiện Chương trình bình đẳng giới năm 2024"
}`

// warnAndErr gives a document with "error" in its summary one error and
// every document one warning.
func warnAndErr(d *document.Document) document.Findings {
	fs := document.Findings{{Path: "/date", Code: "date.blank", Severity: document.Warning, VI: "Thiếu ngày.", EN: "blank date", Rule: "NĐ30"}}
	if strings.Contains(d.Summary, "error") {
		fs = append(fs, document.Finding{Path: "/summary", Code: "summary.bad", Severity: document.Error, VI: "Sai.", EN: "bad", Rule: "NĐ30"})
	}
	return fs
}

var testSamples = fstest.MapFS{
	"gia-lai-ke-hoach.json": {Data: []byte(validDoc)},
	"README.md":             {Data: []byte("not a sample")},
}

func testConfig() Config {
	c := DefaultConfig()
	c.MaxBodyBytes = 64 << 10
	c.MaxDepth = 8
	c.MaxElements = 50
	c.RenderTimeout = 2 * time.Second
	c.QueueTimeout = 20 * time.Millisecond
	c.MaxConcurrentRenders = 2
	return c
}

// newTestServer builds a server on a fake pipeline; edit adjusts the
// options first.
func newTestServer(t testing.TB, edit func(*Options)) *Server {
	t.Helper()
	cfg := testConfig()
	o := Options{
		Config:   cfg,
		Pipeline: &fakePipeline{lim: cfg.Limits(), findings: warnAndErr},
		Samples:  testSamples,
		Schema:   []byte(`{"$schema":"https://json-schema.org/draft/2020-12/schema"}`),
	}
	if edit != nil {
		edit(&o)
	}
	if fp, ok := o.Pipeline.(*fakePipeline); ok {
		fp.lim = o.Config.Limits()
	}
	s, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func do(h http.Handler, method, target, body string, header map[string]string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// errorOf decodes the one error shape, failing the test when the body
// does not have it.
func errorOf(t *testing.T, rec *httptest.ResponseRecorder) *Error {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error Content-Type = %q, want JSON; body %q", ct, rec.Body.String())
	}
	var raw map[string]map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatalf("error body is not JSON: %v: %q", err, rec.Body.String())
	}
	for _, k := range []string{"code", "message_vi", "message_en", "request_id", "findings"} {
		if _, ok := raw["error"][k]; !ok {
			t.Errorf("error body lacks %q: %s", k, rec.Body.String())
		}
	}
	var body errorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error == nil {
		t.Fatalf("error body: %v: %q", err, rec.Body.String())
	}
	if body.Error.ID == "" || body.Error.ID != rec.Header().Get("X-Request-ID") {
		t.Errorf("request_id %q does not match X-Request-ID %q", body.Error.ID, rec.Header().Get("X-Request-ID"))
	}
	if body.Error.Findings == nil {
		t.Errorf("findings is null, want an array")
	}
	return body.Error
}

// logBuffer is a slog JSON sink tests can read.
func logBuffer() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(slog.NewJSONHandler(&syncWriter{w: &buf}, nil)), &buf
}

func fstestMap(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

// syncWriter serialises writes from concurrent requests into one buffer.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
