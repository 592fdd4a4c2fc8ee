package httpapi

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/samples"
	"github.com/vanban/vanban/templates"
)

// BenchmarkHandler measures one request through the whole stack (router,
// middleware, the real engine) without the network, per route and sample:
//
//	go test -run '^$' -bench Handler -benchmem ./internal/httpapi
func BenchmarkHandler(b *testing.B) {
	cfg := DefaultConfig()
	eng, err := engine.New(templates.FS, fonts.FS, cfg.Limits())
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Config: cfg, Pipeline: eng, Samples: samples.FS})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	names, _ := fs.Glob(samples.FS, "*.json")
	for _, route := range []string{"/v1/validate", "/v1/render/docx", "/v1/render/pdf"} {
		for _, name := range names {
			data, _ := fs.ReadFile(samples.FS, name)
			b.Run(strings.TrimPrefix(route, "/v1/")+"/"+strings.TrimSuffix(name, ".json"), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, route+"?draft=true", strings.NewReader(string(data))))
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: %d %s", route, rec.Code, rec.Body.String())
					}
				}
			})
		}
	}
}

// BenchmarkOverhead is the cost of the HTTP layer alone (routing,
// middleware, body read, render slot, headers) on a pipeline that does
// nothing.
func BenchmarkOverhead(b *testing.B) {
	cfg := testConfig()
	s, err := New(Options{Config: cfg, Pipeline: &fakePipeline{lim: cfg.Limits()}})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/render/pdf", strings.NewReader(validDoc)))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
