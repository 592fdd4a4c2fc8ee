package httpapi

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/render"
)

func gunzip(t *testing.T, rec *httptest.ResponseRecorder) []byte {
	t.Helper()
	if rec.Header().Get("Content-Encoding") != "gzip" {
		return rec.Body.Bytes()
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCompression: JSON, HTML, JS and CSS are gzipped for a client that
// asks, and come back byte for byte; PDFs, DOCX files and zips never are
// (they are compressed inside already), nor is anything for a client
// that does not ask, nor a body too small to gain.
func TestCompression(t *testing.T) {
	big := strings.Repeat("Kế hoạch triển khai. ", 400)
	editorFS := fstest.MapFS{
		"index.html": {Data: []byte("<!doctype html><title>vanban</title>" + big)},
		"app.js":     {Data: []byte("export const text = `" + big + "`;")},
		"style.css":  {Data: []byte("body{font:13pt serif}/*" + big + "*/")},
		"tiny.js":    {Data: []byte("export {};")},
	}
	s := newTestServer(t, func(o *Options) {
		o.Editor = editorFS
		o.Pipeline = &fakePipeline{render: func(_ context.Context, f engine.Format, w io.Writer) (*render.Result, error) {
			magic := map[engine.Format]string{engine.DOCX: "PK\x03\x04", engine.PDF: "%PDF-1.7\n"}[f]
			_, err := io.WriteString(w, magic+big)
			return &render.Result{Pages: 1}, err
		}}
	})
	h := s.Handler()
	gz := map[string]string{"Accept-Encoding": "gzip"}
	jsonBody := map[string]string{"Accept-Encoding": "gzip", "Content-Type": "application/json"}
	cases := []struct {
		name, method, target, body string
		header                     map[string]string
		gzipped                    bool
		typ                        string
	}{
		{"openapi", "GET", "/openapi.json", "", gz, true, "application/json"},
		{"html", "GET", "/", "", gz, true, "text/html"},
		{"js", "GET", "/app.js", "", gz, true, "text/javascript"},
		{"css", "GET", "/style.css", "", gz, true, "text/css"},
		{"small js", "GET", "/tiny.js", "", gz, false, "text/javascript"},
		{"no accept-encoding", "GET", "/openapi.json", "", nil, false, "application/json"},
		{"pdf", "POST", "/v1/render/pdf", validDoc, jsonBody, false, "application/pdf"},
		{"docx", "POST", "/v1/render/docx", validDoc, jsonBody, false, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"zip", "POST", "/v1/render", validDoc, jsonBody, false, "application/zip"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := do(h, c.method, c.target, c.body, c.header)
			if rec.Code != 200 {
				t.Fatalf("%d %.200s", rec.Code, rec.Body.String())
			}
			if got := rec.Header().Get("Content-Encoding") == "gzip"; got != c.gzipped {
				t.Errorf("gzipped %v, want %v (Content-Type %q)", got, c.gzipped, rec.Header().Get("Content-Type"))
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), c.typ) {
				t.Errorf("Content-Type %q, want %s", rec.Header().Get("Content-Type"), c.typ)
			}
			if c.header != nil && !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") && c.gzipped {
				t.Errorf("Vary %q lacks Accept-Encoding", rec.Header().Get("Vary"))
			}
			plain := do(h, c.method, c.target, c.body, map[string]string{"Content-Type": "application/json"})
			if !bytes.Equal(gunzip(t, rec), plain.Body.Bytes()) && !strings.HasPrefix(c.typ, "application/zip") {
				t.Errorf("the gzipped body differs from the plain one")
			}
		})
	}
}

// TestStaticValidation: the editor's files, /openapi.json, the schema and
// a sample carry an ETag and no-cache, and a matching If-None-Match is a
// 304 without the body; a changed file has a new tag.
func TestStaticValidation(t *testing.T) {
	editorFS := fstest.MapFS{
		"index.html": {Data: []byte("<!doctype html><title>vanban</title>")},
		"app.js":     {Data: []byte("export const a = 1;")},
	}
	s := newTestServer(t, func(o *Options) { o.Editor = editorFS })
	h := s.Handler()
	for _, target := range []string{"/", "/app.js", "/openapi.json", "/v1/schema", "/v1/samples/gia-lai-ke-hoach"} {
		rec := do(h, "GET", target, "", map[string]string{"Accept-Encoding": "gzip"})
		tag := rec.Header().Get("ETag")
		if rec.Code != 200 || !strings.HasPrefix(tag, `W/"`) || rec.Header().Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: %d ETag %q Cache-Control %q", target, rec.Code, tag, rec.Header().Get("Cache-Control"))
			continue
		}
		again := do(h, "GET", target, "", map[string]string{"If-None-Match": tag, "Accept-Encoding": "gzip"})
		if again.Code != 304 || again.Body.Len() != 0 {
			t.Errorf("%s revalidated: %d with %d bytes, want 304 without a body", target, again.Code, again.Body.Len())
		}
		if stale := do(h, "GET", target, "", map[string]string{"If-None-Match": `W/"0123"`}); stale.Code != 200 {
			t.Errorf("%s with another tag: %d, want 200", target, stale.Code)
		}
	}
	other := newTestServer(t, func(o *Options) {
		o.Editor = fstest.MapFS{"index.html": editorFS["index.html"], "app.js": {Data: []byte("export const a = 2;")}}
	})
	if a, b := do(h, "GET", "/app.js", "", nil).Header().Get("ETag"), do(other.Handler(), "GET", "/app.js", "", nil).Header().Get("ETag"); a == b {
		t.Errorf("a changed file kept its tag %s", a)
	}
}

func TestNotModified(t *testing.T) {
	for _, c := range []struct {
		inm  string
		want bool
	}{
		{"", false}, {`W/"ab"`, true}, {`"ab"`, true}, {`"x", W/"ab"`, true}, {"*", true}, {`"abc"`, false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if c.inm != "" {
			r.Header.Set("If-None-Match", c.inm)
		}
		if got := notModified(r, `W/"ab"`); got != c.want {
			t.Errorf("If-None-Match %q: %v, want %v", c.inm, got, c.want)
		}
	}
}
