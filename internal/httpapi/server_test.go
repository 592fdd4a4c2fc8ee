package httpapi

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/render"
)

func TestRoutes(t *testing.T) {
	s := newTestServer(t, nil)
	h := s.Handler()
	deep := `{"schema":"vanban/v1","type":"ke_hoach","body":[[[[[[[[[[1]]]]]]]]]]}`
	many := `{"schema":"vanban/v1","type":"ke_hoach","addressees":[` + strings.Repeat(`"a",`, 60) + `"a"]}`
	big := `{"schema":"vanban/v1","summary":"` + strings.Repeat("x", 70<<10) + `"}`
	withErr := strings.Replace(validDoc, "Triển khai", "error", 1)
	tests := []struct {
		name, method, target, body string
		status                     int
		contentType                string // prefix
		code                       string // error code, when an error
		contains                   []string
		findingPath                string // a finding must name this path
	}{
		{name: "healthz", method: "GET", target: "/healthz", status: 200, contentType: "application/json", contains: []string{`"ok"`}},
		{name: "readyz", method: "GET", target: "/readyz", status: 200, contentType: "application/json", contains: []string{`"ready"`}},
		{name: "metrics", method: "GET", target: "/metrics", status: 200, contentType: "text/plain", contains: []string{"go_goroutines", "vanban_renders_in_flight"}},
		{name: "openapi", method: "GET", target: "/openapi.json", status: 200, contentType: "application/json", contains: []string{`"openapi": "3.1.0"`}},
		{name: "schema", method: "GET", target: "/v1/schema", status: 200, contentType: "application/schema+json", contains: []string{"2020-12"}},
		{name: "document types", method: "GET", target: "/v1/document-types", status: 200, contentType: "application/json", contains: []string{`"code":"ke_hoach"`, `"name":"Kế hoạch"`}},
		{name: "document types with forms", method: "GET", target: "/v1/document-types", status: 200, contentType: "application/json",
			contains: []string{`"code":"quyet_dinh"`, `"form":{"sample":"1.2"`, `"key":"competence","label":"Thẩm quyền ban hành"`, `"levels":["Điều"`}},
		{name: "blank quyết định", method: "GET", target: "/v1/document-types/quyet_dinh/blank", status: 200, contentType: "application/json",
			contains: []string{`"type":"quyet_dinh"`, `"competence":["CHỦ TỊCH ỦY BAN NHÂN DÂN"]`, `"name":"Như Điều 3"`}},
		{name: "blank of no type", method: "GET", target: "/v1/document-types/nope/blank", status: 404, code: CodeNotFound},
		{name: "samples", method: "GET", target: "/v1/samples", status: 200, contentType: "application/json", contains: []string{`"name":"gia-lai-ke-hoach"`, `"url":"/v1/samples/gia-lai-ke-hoach"`, `"title":"Triển khai`}},
		{name: "sample", method: "GET", target: "/v1/samples/gia-lai-ke-hoach", status: 200, contentType: "application/json", contains: []string{`"vanban/v1"`}},
		{name: "sample with .json", method: "GET", target: "/v1/samples/gia-lai-ke-hoach.json", status: 200, contentType: "application/json"},
		{name: "sample missing", method: "GET", target: "/v1/samples/nope", status: 404, code: CodeNotFound},
		{name: "sample traversal", method: "GET", target: "/v1/samples/..%2Fserver.go", status: 404, code: CodeNotFound},
		{name: "validate valid", method: "POST", target: "/v1/validate", body: validDoc, status: 200, contentType: "application/json",
			contains: []string{`"valid":true`, `"errors":[]`, `"code":"date.blank"`}},
		{name: "validate draft", method: "POST", target: "/v1/validate?draft=true", body: validDoc, status: 200, contentType: "application/json", contains: []string{`"valid":true`}},
		{name: "validate invalid", method: "POST", target: "/v1/validate", body: withErr, status: 200, contentType: "application/json",
			contains: []string{`"valid":false`, `"path":"/summary"`}},
		{name: "validate bad draft", method: "POST", target: "/v1/validate?draft=maybe", body: validDoc, status: 400, code: CodeBadRequest},
		{name: "validate empty", method: "POST", target: "/v1/validate", status: 400, code: CodeBadRequest},
		{name: "validate malformed", method: "POST", target: "/v1/validate", body: "{\n  \"schema\": \"vanban/v1\",\n  \"type\" \"x\"\n}", status: 400,
			code: CodeMalformedJSON, contains: []string{"line 3", "dòng 3"}},
		{name: "validate unknown field", method: "POST", target: "/v1/validate", body: `{"schema":"vanban/v1","type":"ke_hoach","issuer":{"nmae":["A"]}}`,
			status: 422, code: CodeInvalidStructure, findingPath: "/issuer/nmae"},
		{name: "validate wrong type", method: "POST", target: "/v1/validate", body: `{"schema":"vanban/v1","type":"ke_hoach","number":1653}`,
			status: 422, code: CodeInvalidStructure, findingPath: "/number"},
		{name: "validate too deep", method: "POST", target: "/v1/validate", body: deep, status: 422, code: CodeInvalidStructure, contains: []string{"8", `"path":"/body/0/0/0/0/0/0/0"`}},
		{name: "validate too many", method: "POST", target: "/v1/validate", body: many, status: 422, code: CodeInvalidStructure, findingPath: "/addressees"},
		{name: "validate too large", method: "POST", target: "/v1/validate", body: big, status: 413, code: CodeTooLarge},
		{name: "render pdf", method: "POST", target: "/v1/render/pdf", body: validDoc, status: 200, contentType: "application/pdf", contains: []string{"%PDF-"}},
		{name: "render docx", method: "POST", target: "/v1/render/docx", body: validDoc, status: 200,
			contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", contains: []string{"PK\x03\x04"}},
		{name: "render pdf invalid", method: "POST", target: "/v1/render/pdf", body: withErr, status: 422, code: CodeInvalidDocument, findingPath: "/summary"},
		{name: "render docx malformed", method: "POST", target: "/v1/render/docx", body: `{"schema":`, status: 400, code: CodeMalformedJSON},
		{name: "render zip", method: "POST", target: "/v1/render?formats=docx,pdf", body: validDoc, status: 200, contentType: "application/zip"},
		{name: "render zip default formats", method: "POST", target: "/v1/render", body: validDoc, status: 200, contentType: "application/zip"},
		{name: "render zip bad format", method: "POST", target: "/v1/render?formats=docx,odt", body: validDoc, status: 400, code: CodeBadRequest, contains: []string{"odt"}},
		{name: "render zip invalid", method: "POST", target: "/v1/render", body: withErr, status: 422, code: CodeInvalidDocument},
		{name: "render too large", method: "POST", target: "/v1/render/pdf", body: big, status: 413, code: CodeTooLarge},
		{name: "unknown path", method: "GET", target: "/v2/validate", status: 404, code: CodeNotFound},
		{name: "wrong method", method: "GET", target: "/v1/validate", status: 405, code: CodeMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(h, tt.method, tt.target, tt.body, nil)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body.String())
			}
			if rec.Header().Get("X-Request-ID") == "" {
				t.Errorf("no X-Request-ID echoed")
			}
			if tt.code != "" {
				e := errorOf(t, rec)
				if e.Code != tt.code {
					t.Errorf("code = %q, want %q", e.Code, tt.code)
				}
				if e.VI == "" || e.EN == "" {
					t.Errorf("empty message: %+v", e)
				}
				if tt.findingPath != "" && !slices.ContainsFunc(e.Findings, func(f document.Finding) bool { return f.Path == tt.findingPath }) {
					t.Errorf("no finding at %s: %+v", tt.findingPath, e.Findings)
				}
			} else if tt.findingPath != "" {
				t.Fatal("findingPath needs code")
			}
			if tt.contentType != "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.contentType) {
				t.Errorf("Content-Type = %q, want %q", rec.Header().Get("Content-Type"), tt.contentType)
			}
			for _, want := range tt.contains {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("body lacks %q: %.400s", want, rec.Body.String())
				}
			}
		})
	}
}

func TestRenderHeaders(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	for _, f := range []string{"pdf", "docx"} {
		rec := do(h, "POST", "/v1/render/"+f, validDoc, nil)
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", f, rec.Code, rec.Body.String())
		}
		want := `attachment; filename="Ke-hoach-1653-KH-UBND.` + f + `"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%201653-KH-UBND.` + f
		if got := rec.Header().Get("Content-Disposition"); got != want {
			t.Errorf("%s: Content-Disposition\n got %s\nwant %s", f, got, want)
		}
		if got := rec.Header().Get("X-Vanban-Warnings"); got != "1" {
			t.Errorf("%s: X-Vanban-Warnings = %q, want 1", f, got)
		}
	}
}

func TestRenderZip(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	rec := do(h, "POST", "/v1/render?formats=pdf,docx", validDoc, nil)
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.HasPrefix(data, []byte("%PDF-")) && !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("%s: unexpected content %q", f.Name, data[:min(len(data), 10)])
		}
	}
	if want := []string{"Kế hoạch 1653-KH-UBND.pdf", "Kế hoạch 1653-KH-UBND.docx"}; !slices.Equal(names, want) {
		t.Errorf("entries = %q, want %q", names, want)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="Ke-hoach-1653-KH-UBND.zip"`) {
		t.Errorf("Content-Disposition = %q", cd)
	}
}

func TestSchemaMissing(t *testing.T) {
	h := newTestServer(t, func(o *Options) { o.Schema = nil }).Handler()
	rec := do(h, "GET", "/v1/schema", "", nil)
	if rec.Code != 404 || errorOf(t, rec).Code != CodeNotFound {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
}

func TestReadyzShuttingDown(t *testing.T) {
	s := newTestServer(t, nil)
	s.SetReady(false)
	if rec := do(s.Handler(), "GET", "/readyz", "", nil); rec.Code != 503 {
		t.Fatalf("readyz = %d, want 503", rec.Code)
	}
	if rec := do(s.Handler(), "GET", "/healthz", "", nil); rec.Code != 200 {
		t.Fatalf("healthz = %d, want 200", rec.Code)
	}
}

func TestAPIKeys(t *testing.T) {
	const key = "k3y-0123456789abcdef"
	h := newTestServer(t, func(o *Options) { o.Config.APIKeys = []string{"other-0123456789abcdef", key} }).Handler()
	tests := []struct {
		name, method, target, auth string
		status                     int
	}{
		{"no key", "POST", "/v1/validate", "", 401},
		{"wrong key", "POST", "/v1/validate", "Bearer nope-0123456789abcdef", 401},
		{"basic scheme", "POST", "/v1/validate", "Basic " + key, 401},
		{"right key", "POST", "/v1/validate", "Bearer " + key, 200},
		{"scheme in lower case", "POST", "/v1/validate", "bearer " + key, 200},
		{"another scheme", "POST", "/v1/validate", "Basic " + key, 401},
		{"key without scheme", "POST", "/v1/validate", key, 401},
		{"right key render", "POST", "/v1/render/pdf", "Bearer " + key, 200},
		{"samples need key", "GET", "/v1/samples", "", 401},
		{"healthz open", "GET", "/healthz", "", 200},
		{"readyz open", "GET", "/readyz", "", 200},
		{"metrics open", "GET", "/metrics", "", 200},
		{"openapi open", "GET", "/openapi.json", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.auth != "" {
				hdr["Authorization"] = tt.auth
			}
			body := ""
			if tt.method == "POST" {
				body = validDoc
			}
			rec := do(h, tt.method, tt.target, body, hdr)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.status == 401 {
				if e := errorOf(t, rec); e.Code != CodeUnauthorized {
					t.Errorf("code = %q", e.Code)
				}
				if rec.Header().Get("WWW-Authenticate") == "" {
					t.Errorf("no WWW-Authenticate")
				}
			}
		})
	}
}

func TestCORS(t *testing.T) {
	h := newTestServer(t, func(o *Options) { o.Config.CORSOrigins = []string{"https://editor.example"} }).Handler()
	tests := []struct {
		name, method, origin string
		status               int
		allow                string
	}{
		{"preflight allowed", "OPTIONS", "https://editor.example", 204, "https://editor.example"},
		{"preflight other origin", "OPTIONS", "https://evil.example", 405, ""},
		{"simple allowed", "POST", "https://editor.example", 200, "https://editor.example"},
		{"simple other origin", "POST", "https://evil.example", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{"Origin": tt.origin}
			body := validDoc
			if tt.method == "OPTIONS" {
				hdr["Access-Control-Request-Method"] = "POST"
				body = ""
			}
			rec := do(h, tt.method, "/v1/validate", body, hdr)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tt.allow {
				t.Errorf("Allow-Origin = %q, want %q", got, tt.allow)
			}
		})
	}
}

func TestRequestID(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	tests := []struct {
		name, in, want string
	}{
		{"kept", "abc-123_x.y:z", "abc-123_x.y:z"},
		{"sanitised", "abc\r\nX-Evil: 1<script>", "abcX-Evil:1script"},
		{"bounded", strings.Repeat("a", 500), strings.Repeat("a", maxRequestIDLen)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(h, "GET", "/v1/samples/none", "", map[string]string{"X-Request-ID": tt.in})
			if got := rec.Header().Get("X-Request-ID"); got != tt.want {
				t.Errorf("X-Request-ID = %q, want %q", got, tt.want)
			}
			if e := errorOf(t, rec); e.ID != tt.want {
				t.Errorf("request_id = %q, want %q", e.ID, tt.want)
			}
		})
	}
	a := do(h, "GET", "/healthz", "", nil).Header().Get("X-Request-ID")
	b := do(h, "GET", "/healthz", "", map[string]string{"X-Request-ID": "\x01\x02"}).Header().Get("X-Request-ID")
	if len(a) != 24 || len(b) != 24 || a == b {
		t.Errorf("generated ids %q, %q: want two distinct 24-hex ids", a, b)
	}
}

func TestPanicIsJSON500(t *testing.T) {
	logger, logs := logBuffer()
	h := newTestServer(t, func(o *Options) {
		o.Logger = logger
		o.Pipeline = &fakePipeline{check: func() { panic("boom in check") }}
	}).Handler()
	rec := do(h, "POST", "/v1/validate", validDoc, map[string]string{"X-Request-ID": "req-panic"})
	if rec.Code != 500 {
		t.Fatalf("status = %d", rec.Code)
	}
	e := errorOf(t, rec)
	if e.Code != CodeInternal || e.ID != "req-panic" {
		t.Errorf("error = %+v", e)
	}
	if strings.Contains(rec.Body.String(), "boom") || strings.Contains(rec.Body.String(), "goroutine") {
		t.Errorf("panic detail leaked to the client: %s", rec.Body.String())
	}
	if !strings.Contains(logs.String(), "boom in check") || !strings.Contains(logs.String(), "goroutine") {
		t.Errorf("panic and stack not logged: %s", logs.String())
	}
}

func TestRenderPanicIsJSON500(t *testing.T) {
	h := newTestServer(t, func(o *Options) {
		o.Pipeline = &fakePipeline{render: func(context.Context, engine.Format, io.Writer) (*render.Result, error) { panic("boom in render") }}
	}).Handler()
	rec := do(h, "POST", "/v1/render/pdf", validDoc, nil)
	if rec.Code != 500 || errorOf(t, rec).Code != CodeInternal || strings.Contains(rec.Body.String(), "boom") {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
}

func TestRenderError(t *testing.T) {
	h := newTestServer(t, func(o *Options) {
		o.Pipeline = &fakePipeline{render: func(context.Context, engine.Format, io.Writer) (*render.Result, error) {
			return nil, errors.New("pdf: font: secret path /opt/x")
		}}
	}).Handler()
	rec := do(h, "POST", "/v1/render/pdf", validDoc, nil)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "secret") {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
}

func TestRenderDeadline(t *testing.T) {
	tests := []struct {
		name   string
		render func(ctx context.Context, f engine.Format, w io.Writer) (*render.Result, error)
	}{
		{"writer honours ctx", func(ctx context.Context, f engine.Format, w io.Writer) (*render.Result, error) {
			<-ctx.Done()
			return nil, fmt.Errorf("render %s: %w", f, ctx.Err())
		}},
		{"writer ignores ctx", func(ctx context.Context, f engine.Format, w io.Writer) (*render.Result, error) {
			time.Sleep(300 * time.Millisecond)
			return &render.Result{}, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, func(o *Options) {
				o.Config.RenderTimeout = 50 * time.Millisecond
				o.Pipeline = &fakePipeline{render: tt.render}
			})
			start := time.Now()
			rec := do(s.Handler(), "POST", "/v1/render/pdf", validDoc, nil)
			if d := time.Since(start); d > 250*time.Millisecond {
				t.Errorf("answered after %s; the deadline is 50ms", d)
			}
			if rec.Code != 503 {
				t.Fatalf("status = %d: %s", rec.Code, rec.Body.String())
			}
			if e := errorOf(t, rec); e.Code != CodeTimeout || !strings.Contains(e.EN, "50ms") {
				t.Errorf("error = %+v", e)
			}
			if rec.Header().Get("Retry-After") == "" {
				t.Errorf("no Retry-After")
			}
		})
	}
}

func TestConcurrencyCap(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 4)
	s := newTestServer(t, func(o *Options) {
		o.Config.MaxConcurrentRenders = 1
		o.Config.QueueTimeout = 30 * time.Millisecond
		o.Pipeline = &fakePipeline{render: func(ctx context.Context, f engine.Format, w io.Writer) (*render.Result, error) {
			started <- struct{}{}
			<-release
			_, err := io.WriteString(w, "%PDF-")
			return &render.Result{}, err
		}}
	})
	h := s.Handler()
	var wg sync.WaitGroup
	first := make(chan int, 1)
	wg.Go(func() { first <- do(h, "POST", "/v1/render/pdf", validDoc, nil).Code })
	<-started
	start := time.Now()
	rec := do(h, "POST", "/v1/render/pdf", validDoc, nil)
	if rec.Code != 429 {
		t.Fatalf("saturated: status = %d, want 429", rec.Code)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("429 took %s; the queue wait is 30ms", d)
	}
	if e := errorOf(t, rec); e.Code != CodeBusy || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("error = %+v, Retry-After %q", e, rec.Header().Get("Retry-After"))
	}
	// Validation does not take a render slot.
	if rec := do(h, "POST", "/v1/validate", validDoc, nil); rec.Code != 200 {
		t.Errorf("validate while saturated = %d", rec.Code)
	}
	close(release)
	wg.Wait()
	if code := <-first; code != 200 {
		t.Errorf("first render = %d", code)
	}
	if rec := do(h, "POST", "/v1/render/pdf", validDoc, nil); rec.Code != 200 {
		t.Errorf("after release: %d", rec.Code)
	}
	metrics := do(h, "GET", "/metrics", "", nil).Body.String()
	for _, want := range []string{"vanban_render_rejected_total 1", "vanban_renders_in_flight 0", `vanban_render_duration_seconds_count{format="pdf"} 2`,
		`vanban_http_requests_total{method="POST",route="/v1/render/pdf",status="429"} 1`,
		`vanban_http_request_duration_seconds_count{method="POST",route="/v1/render/pdf"} 3`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestRequestLog(t *testing.T) {
	logger, logs := logBuffer()
	h := newTestServer(t, func(o *Options) { o.Logger = logger }).Handler()
	do(h, "POST", "/v1/render/pdf", validDoc, map[string]string{"X-Request-ID": "req-log"})
	var line map[string]any
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatalf("log line is not JSON: %q", l)
		}
	}
	for k, want := range map[string]any{"msg": "request", "method": "POST", "route": "/v1/render/pdf", "status": float64(200), "request_id": "req-log"} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v", k, line[k], want)
		}
	}
	for _, k := range []string{"duration_ms", "bytes_in", "bytes_out"} {
		if _, ok := line[k]; !ok {
			t.Errorf("log lacks %s: %v", k, line)
		}
	}
}

func TestEditor(t *testing.T) {
	editor := fstestMap(map[string]string{"index.html": "<h1>vanban</h1>", "app.js": "console.log(1)"})
	h := newTestServer(t, func(o *Options) { o.Editor = editor }).Handler()
	tests := []struct {
		target   string
		status   int
		contains string
	}{
		{"/", 200, "<h1>vanban</h1>"},
		{"/app.js", 200, "console.log"},
		{"/missing.css", 404, `"not_found"`},
		{"/../../etc/passwd", 404, `"not_found"`},
		{"/v1/nothing", 404, `"not_found"`},
	}
	for _, tt := range tests {
		rec := do(h, "GET", tt.target, "", nil)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("%s: %d %q", tt.target, rec.Code, rec.Body.String())
		}
	}
}

// TestOpenAPIMatchesRoutes keeps /openapi.json and the router in step:
// every registered route is documented, and every documented operation
// is registered.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := newTestServer(t, nil)
	var spec struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &spec); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if spec.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q", spec.OpenAPI)
	}
	documented := map[string]bool{}
	for p, ops := range spec.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	registered := map[string]bool{}
	for _, r := range s.router.Routes() {
		if r.Method == "HEAD" {
			continue // every GET route answers HEAD too; the spec says so once
		}
		p := r.Path
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, ":") {
				p = strings.Replace(p, seg, "{"+seg[1:]+"}", 1)
			}
		}
		registered[r.Method+" "+p] = true
		if !documented[r.Method+" "+p] {
			t.Errorf("route %s %s is not in openapi.json", r.Method, p)
		}
	}
	for op := range documented {
		if !registered[op] {
			t.Errorf("openapi.json documents %s, which is not registered", op)
		}
	}
}

// TestServeGraceful starts a real listener, cancels while a render is in
// flight, and checks that the render finishes, new connections are
// refused and Serve returns nil.
func TestServeGraceful(t *testing.T) {
	inRender := make(chan struct{})
	s := newTestServer(t, func(o *Options) {
		o.Pipeline = &fakePipeline{render: func(ctx context.Context, f engine.Format, w io.Writer) (*render.Result, error) {
			close(inRender)
			time.Sleep(200 * time.Millisecond)
			_, err := io.WriteString(w, "%PDF-")
			return &render.Result{}, err
		}}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	type result struct {
		status int
		body   string
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Post(addr+"/v1/render/pdf", "application/json", strings.NewReader(validDoc))
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- result{status: resp.StatusCode, body: string(b)}
	}()
	<-inRender
	cancel()
	r := <-got
	if r.err != nil || r.status != 200 || r.body != "%PDF-" {
		t.Fatalf("in-flight render: %+v", r)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
	if _, err := (&http.Client{Timeout: time.Second}).Get(addr + "/healthz"); err == nil {
		t.Errorf("a new request was served after shutdown")
	}
	if s.ready.Load() {
		t.Errorf("still ready after shutdown")
	}
}

func TestNewRejects(t *testing.T) {
	cfg := testConfig()
	bad := cfg
	bad.MaxConcurrentRenders = 0
	tests := []struct {
		name string
		o    Options
	}{
		{"no pipeline", Options{Config: cfg}},
		{"bad config", Options{Config: bad, Pipeline: &fakePipeline{}}},
	}
	for _, tt := range tests {
		if _, err := New(tt.o); err == nil {
			t.Errorf("%s: New succeeded", tt.name)
		}
	}
}
