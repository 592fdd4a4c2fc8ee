package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// sampleDocs are the repository's sample documents, valid and invalid, as
// fuzz seeds.
func sampleDocs(f *testing.F) [][]byte {
	f.Helper()
	var out [][]byte
	for _, pattern := range []string{"../../samples/*.json", "../../samples/invalid/*.json", "../../samples/templates/*.json"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			if strings.HasSuffix(p, ".expected.json") {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		f.Fatal("no samples found")
	}
	return out
}

// FuzzBatchEnvelope: any body is decoded into at most maxItems items or
// refused with a decode error, a size error or an API error; never a
// panic, and never more items than the limit.
func FuzzBatchEnvelope(f *testing.F) {
	for _, d := range sampleDocs(f) {
		f.Add([]byte(`{"documents":[` + string(d) + `,` + string(d) + `]}`))
		f.Add([]byte(`{"template":` + string(d) + `,"rows":[{"DonVi":"xã A"}]}`))
	}
	for _, s := range []string{`{"documents":[0,0,0,0,0,0,0,0]}`, `{"documents":null}`, `{"rows":{}}`, "\ufeff{}", `[`, `{"documents":[}`, `{"x":1}`, ``} {
		f.Add([]byte(s))
	}
	const maxItems = 5
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodeBatch(bytes.NewReader(body), 40, maxItems)
		if err != nil {
			var (
				de  *document.DecodeError
				api *Error
			)
			if !errors.As(err, &de) && !errors.As(err, &api) {
				t.Fatalf("error of an unexpected kind %T: %v", err, err)
			}
			return
		}
		if len(req.Documents) > maxItems || len(req.Rows) > maxItems {
			t.Fatalf("%d documents, %d rows: over the limit of %d", len(req.Documents), len(req.Rows), maxItems)
		}
	})
}

// FuzzHTTP: any request to any route is answered without a 500, with the
// security headers, and an error in the documented JSON shape of a
// bounded size.
func FuzzHTTP(f *testing.F) {
	for _, d := range sampleDocs(f) {
		for _, path := range []string{"/v1/validate", "/v1/render/pdf", "/v1/render?formats=docx"} {
			f.Add("POST", path, "application/json", d)
		}
		f.Add("POST", "/v1/batch", "", []byte(`{"documents":[`+string(d)+`]}`))
	}
	f.Add("GET", "/v1/samples/"+strings.Repeat("%2e", 100), "", []byte(nil))
	f.Add("HEAD", "/healthz", "", []byte(nil))
	f.Add("POST", "/auth/login", "application/json", []byte(`{"key":"x"}`))
	f.Add("PUT", "/v1/validate", "text/plain", []byte("x"))
	s := newTestServer(f, func(o *Options) { o.Batch = &fakeBatch{} })
	h := s.Handler()
	f.Fuzz(func(t *testing.T, method, path, ct string, body []byte) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n\t#") || method == "" || strings.ContainsAny(method, " \r\n\t/()<>@,;:\\\"[]?={}") {
			return // not a request line net/http would hand a handler
		}
		req, err := http.NewRequest(method, "http://vanban.test"+path, bytes.NewReader(body))
		if err != nil {
			return
		}
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable && rec.Code != http.StatusNotImplemented {
			t.Fatalf("%s %s: status %d: %s", method, path, rec.Code, rec.Body)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Content-Security-Policy") == "" {
			t.Fatalf("%s %s: security headers missing: %v", method, path, rec.Header())
		}
		if rec.Code >= 400 && method != "HEAD" {
			var e errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == nil || e.Error.Code == "" {
				t.Fatalf("%s %s: %d not in the error shape: %.300s", method, path, rec.Code, rec.Body)
			}
			if rec.Body.Len() > 256<<10 {
				t.Fatalf("%s %s: error body of %d bytes", method, path, rec.Body.Len())
			}
		}
	})
}
