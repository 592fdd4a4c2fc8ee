package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

// TestSecurityHeaders: every answer, success, error or editor file,
// carries the browser policies.
func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, func(o *Options) {
		o.Editor = fstestMap(map[string]string{"index.html": "<!doctype html>"})
		o.Config.APIKeys = []string{"key-0123456789abcdef"}
	})
	for _, tt := range []struct{ method, target string }{
		{"GET", "/healthz"}, {"GET", "/"}, {"GET", "/nope"}, {"POST", "/v1/validate"}, {"GET", "/v1/none"}, {"HEAD", "/healthz"},
	} {
		rec := do(s.Handler(), tt.method, tt.target, "", nil)
		h := rec.Header()
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" ||
			h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s %s (%d): headers %v", tt.method, tt.target, rec.Code, h)
		}
	}
}

// TestGateBeforeRouting: with keys on, nothing under /v1 says whether a
// path or a method exists to a caller without a key.
func TestGateBeforeRouting(t *testing.T) {
	const key = "key-0123456789abcdef"
	s := newTestServer(t, func(o *Options) { o.Config.APIKeys = []string{key} })
	tests := []struct {
		name, method, target, auth string
		status                     int
	}{
		{"unknown path", "GET", "/v1/nope", "", 401},
		{"wrong method", "GET", "/v1/validate", "", 401},
		{"v1 root", "GET", "/v1", "", 401},
		{"options", "OPTIONS", "/v1/nope", "", 401},
		{"unknown path with key", "GET", "/v1/nope", "Bearer " + key, 404},
		{"wrong method with key", "GET", "/v1/validate", "Bearer " + key, 405},
		{"open route", "GET", "/healthz", "", 200},
		{"open route HEAD", "HEAD", "/healthz", "", 200},
		{"HEAD under v1", "HEAD", "/v1/document-types", "Bearer " + key, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(s.Handler(), tt.method, tt.target, "", map[string]string{"Authorization": tt.auth})
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status >= 400 {
				errorOf(t, rec)
			}
		})
	}
}

// TestJSONBody: a JSON route refuses another Content-Type with 415, and
// takes a missing one, a +json type and a body starting with a BOM.
func TestJSONBody(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		name, ct, body string
		status         int
	}{
		{"json", "application/json; charset=utf-8", validDoc, 200},
		{"none", "", validDoc, 200},
		{"plus json", "application/vnd.vanban+json", validDoc, 200},
		{"bom", "application/json", "\ufeff" + validDoc, 200},
		{"text", "text/plain", validDoc, 415},
		{"form", "application/x-www-form-urlencoded", validDoc, 415},
		{"garbage type", "%%%", validDoc, 415},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(s.Handler(), "POST", "/v1/validate", tt.body, map[string]string{"Content-Type": tt.ct})
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == 415 && errorOf(t, rec).Code != CodeUnsupportedMedia {
				t.Errorf("code = %s", errorOf(t, rec).Code)
			}
		})
	}
}

// TestBoundedErrors: a huge path gives a small error body and log line.
func TestBoundedErrors(t *testing.T) {
	log, buf := logBuffer()
	s := newTestServer(t, func(o *Options) { o.Logger = log })
	long := "/v1/" + strings.Repeat("a", 900<<10)
	rec := do(s.Handler(), "GET", long, "", nil)
	if rec.Code != 404 || rec.Body.Len() > 4<<10 {
		t.Fatalf("status %d, body %d bytes", rec.Code, rec.Body.Len())
	}
	errorOf(t, rec)
	if buf.Len() > 4<<10 {
		t.Errorf("log line of %d bytes", buf.Len())
	}
	e := bounded(&Error{EN: strings.Repeat("é", 5000), Findings: make(document.Findings, maxErrorFindings+5)})
	if len(e.EN) > maxMessageBytes+100 || len(e.Findings) != maxErrorFindings {
		t.Errorf("bounded: %d bytes, %d findings", len(e.EN), len(e.Findings))
	}
}

// TestCORSExposes: a script of an allowed origin can read every custom
// header.
func TestCORSExposes(t *testing.T) {
	s := newTestServer(t, func(o *Options) {
		o.Config.CORSOrigins = []string{"https://office.example"}
		o.Config.APIKeys = []string{"key-0123456789abcdef"}
	})
	// A preflight carries no key; an allowed origin's is answered anyway.
	pre := do(s.Handler(), "OPTIONS", "/v1/render/pdf", "", map[string]string{"Origin": "https://office.example", "Access-Control-Request-Method": "POST"})
	if pre.Code != 204 || !strings.Contains(pre.Header().Get("Access-Control-Allow-Headers"), "X-CSRF-Token") {
		t.Errorf("preflight: %d %v", pre.Code, pre.Header())
	}
	rec := do(s.Handler(), "GET", "/healthz", "", map[string]string{"Origin": "https://office.example"})
	got := rec.Header().Get("Access-Control-Expose-Headers")
	for _, h := range []string{"X-Vanban-Signature-Area", "X-Vanban-Ok", "X-Vanban-Invalid", "X-Vanban-Failed", "X-Vanban-Pages", "X-Vanban-Notes"} {
		if !strings.Contains(got, h) {
			t.Errorf("Access-Control-Expose-Headers %q lacks %s", got, h)
		}
	}
}

// TestBatchCountedWhileRead: an envelope of a million tiny items is refused
// at the item limit with the path, not decoded whole first.
func TestBatchCountedWhileRead(t *testing.T) {
	s := newTestServer(t, func(o *Options) {
		o.Batch = &fakeBatch{}
		o.Config.MaxBatchBytes = 4 << 20
	})
	body := `{"documents":[` + strings.Repeat("0,", 1<<20) + `0]}`
	rec := do(s.Handler(), "POST", "/v1/batch", body, nil)
	if rec.Code != 422 {
		t.Fatalf("status %d: %.300s", rec.Code, rec.Body)
	}
	e := errorOf(t, rec)
	if len(e.Findings) != 1 || e.Findings[0].Path != "/documents" || e.Findings[0].Code != "batch.too_many" {
		t.Errorf("findings = %+v", e.Findings)
	}
}

// TestValidateNotStuck: with every worker held, a small validate is
// answered 429 with Retry-After after the queue wait, not left waiting.
func TestValidateNotStuck(t *testing.T) {
	s := oneWorker(t)
	hold(s)
	defer func() { s.workers.release() }()
	start := time.Now()
	rec := do(s.Handler(), "POST", "/v1/validate", validDoc, nil)
	if rec.Code != 429 || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("status %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("answered after %s", d)
	}
}

// TestLogClientGone: a client that went away is logged as such, with the
// status the handler had chosen.
func TestLogClientGone(t *testing.T) {
	log, buf := logBuffer()
	s := newTestServer(t, func(o *Options) { o.Logger = log })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/healthz", nil).WithContext(ctx)
	s.Handler().ServeHTTP(httptest.NewRecorder(), req)
	var line struct {
		Status     int  `json:"status"`
		ClientGone bool `json:"client_gone"`
		Chosen     int  `json:"status_chosen"`
	}
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	if line.Status != statusClientClosed || !line.ClientGone || line.Chosen != http.StatusOK {
		t.Errorf("log = %s", buf)
	}
}

// TestImportBounded: an import takes a worker (429 when none frees up)
// and gets the request deadline in its context: at the deadline the
// client has its 503 and the worker is free again.
func TestImportBounded(t *testing.T) {
	blocking := ImportFunc(func(ctx context.Context, _ io.ReaderAt, _ int64, _ string, _ importer.Limits) (*document.Document, *importer.Report, error) {
		<-ctx.Done()
		return nil, nil, fmt.Errorf("import: %w", ctx.Err())
	})
	s := newTestServer(t, func(o *Options) {
		o.Importer = blocking
		o.Config.Workers = 1
		o.Config.RenderTimeout = 100 * time.Millisecond
	})
	body, ct := upload(t, "file", "a.txt", []byte("Kế hoạch"))
	start := time.Now()
	rec := do(s.Handler(), "POST", "/v1/import", body, map[string]string{"Content-Type": ct})
	if rec.Code != 503 || time.Since(start) > 2*time.Second {
		t.Fatalf("status %d after %s, want 503 at the deadline", rec.Code, time.Since(start))
	}
	if n := s.workers.busy(); n != 0 {
		t.Errorf("%d workers still held after the deadline", n)
	}
	hold(s)
	defer func() { s.workers.release() }()
	if rec := do(s.Handler(), "POST", "/v1/import", body, map[string]string{"Content-Type": ct}); rec.Code != 429 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("with no worker free: status %d", rec.Code)
	}
}

// TestBatchItemsShareWorkers: the batch runs every item through the
// service's worker cap.
func TestBatchItemsShareWorkers(t *testing.T) {
	fb := &fakeBatch{}
	s := newTestServer(t, func(o *Options) { o.Batch = fb })
	if rec := do(s.Handler(), "POST", "/v1/batch", `{"documents":[`+validDoc+`]}`, nil); rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if fb.opt.Gate == nil {
		t.Fatal("the batch runs without the worker gate")
	}
	hold(s)
	hold(s)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	ran := false
	if err := fb.opt.Gate(ctx, func() { ran = true }); err == nil || ran {
		t.Errorf("gate with every worker busy: err %v, ran %v", err, ran)
	}
}

// TestWriteDeadlineReachable: the access log's writer wrapper still lets
// http.ResponseController set a write deadline on the connection, which a
// long batch needs.
func TestWriteDeadlineReachable(t *testing.T) {
	s := newTestServer(t, nil)
	var got error
	s.router.GET("/test-deadline", func(c *gin.Context) {
		got = http.NewResponseController(c.Writer).SetWriteDeadline(time.Now().Add(time.Minute))
		c.Status(204)
	})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/test-deadline")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got != nil {
		t.Errorf("SetWriteDeadline through the wrapper: %v", got)
	}
}
