package httpapi

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/samples"
	"github.com/vanban/vanban/templates"
)

// TestRealEngine runs the error mapping against the real pipeline, so a
// change in the engine's error types cannot silently turn a 422 into a
// 500.
func TestRealEngine(t *testing.T) {
	h := realServer(t, testConfig()).Handler()
	bare := `{"schema":"vanban/v1","type":"ke_hoach"}`
	tests := []struct {
		name, target, body string
		status             int
		code               string
		contains           string
	}{
		{"validate bare", "/v1/validate", bare, 200, "", `"valid":false`},
		{"render bare", "/v1/render/pdf", bare, 422, CodeInvalidDocument, `"severity":"error"`},
		{"zip bare", "/v1/render", bare, 422, CodeInvalidDocument, `"path":"/`},
		{"unknown field", "/v1/render/docx", `{"schema":"vanban/v1","type":"ke_hoach","titel":"x"}`, 422, CodeInvalidStructure, `"path":"/titel"`},
		{"wrong schema", "/v1/validate", `{"schema":"vanban/v3","type":"ke_hoach"}`, 422, CodeInvalidStructure, `"path":"/schema"`},
		{"malformed", "/v1/validate", "{\n\"schema\": vanban}", 400, CodeMalformedJSON, "line 2"},
		{"compose preview bare", "/v1/compose-preview", bare, 200, "", `"archive_line":"- Lưu: VT."`},
		{"compose preview labels", "/v1/compose-preview", `{"schema":"vanban/v1","type":"ke_hoach","body":[{"heading":{"title":"A"}}]}`, 200, "", `"/body/0":{"label":"I.","level":1,"name":"Mục"}`},
		{"compose preview unknown field", "/v1/compose-preview", `{"schema":"vanban/v1","type":"ke_hoach","titel":"x"}`, 422, CodeInvalidStructure, `"path":"/titel"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(h, "POST", tt.target, tt.body, nil)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.code != "" {
				if e := errorOf(t, rec); e.Code != tt.code || len(e.Findings) == 0 {
					t.Errorf("error = %+v", e)
				}
			}
			if !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("body lacks %q: %.500s", tt.contains, rec.Body.String())
			}
		})
	}
}

// A rendered PDF tells a signing tool where the signer block is.
func TestSignatureAreaHeader(t *testing.T) {
	s := realServer(t, testConfig())
	doc, err := fs.ReadFile(samples.FS, "thua-thien-hue-2020-cong-van.json")
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/render/pdf", bytes.NewReader(doc)))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	got := rec.Header().Get("X-Vanban-Signature-Area")
	if !regexp.MustCompile(`^page=\d+; x=[\d.]+; y=[\d.]+; width=[1-9][\d.]*; height=[1-9][\d.]*$`).MatchString(got) {
		t.Fatalf("X-Vanban-Signature-Area = %q", got)
	}
	if pages := rec.Header().Get("X-Vanban-Pages"); !strings.HasPrefix(got, "page="+pages) {
		t.Errorf("signature on %q, document has %s pages: the signer block ends the letter", got, pages)
	}
}

// TestNotesHeader: a table header over a third of the page is printed
// once, and both formats say so in X-Vanban-Notes with the table's path;
// a document with nothing to say carries no such header.
func TestNotesHeader(t *testing.T) {
	s := realServer(t, DefaultConfig())
	for _, tc := range []struct {
		sample, want string
	}{
		{"gia-lai-2023-ke-hoach-du-an-8.json", "table.header_once"},
		{"thua-thien-hue-2020-cong-van.json", ""},
	} {
		doc, err := fs.ReadFile(samples.FS, tc.sample)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"pdf", "docx"} {
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/render/"+f, bytes.NewReader(doc)))
			if rec.Code != http.StatusOK {
				t.Fatalf("%s %s: status %d: %s", tc.sample, f, rec.Code, rec.Body)
			}
			got := rec.Header().Get("X-Vanban-Notes")
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("%s %s: X-Vanban-Notes = %q, want %q", tc.sample, f, got, tc.want)
			}
		}
	}
	if got := notesHeader(document.Findings{{Code: "table.header_once", Path: "/body/2/table"}, {Code: "x", Path: "/tên"}}); got != "table.header_once=/body/2/table" {
		t.Errorf("notesHeader = %q: a non-ASCII item must be left out, not break the header", got)
	}
}

// A budget unit written "Đồng" validates and renders: the validator and
// the writers read units through one table (it once answered 500).
func TestCapitalisedUnitRenders(t *testing.T) {
	s := realServer(t, DefaultConfig())
	doc, err := fs.ReadFile(samples.FS, "ha-nam-2014-ke-hoach.json")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(doc), `"unit": "đồng"`, `"unit": "Đồng"`, 1)
	if body == string(doc) {
		t.Fatal("the sample has no budget in đồng any more")
	}
	for _, target := range []string{"/v1/validate", "/v1/render/pdf", "/v1/render/docx"} {
		rec := do(s.Handler(), "POST", target+"?draft=true", body, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d: %.300s", target, rec.Code, rec.Body.String())
		}
		if target == "/v1/validate" && !strings.Contains(rec.Body.String(), `"errors":[]`) {
			t.Errorf("validate: %.500s", rec.Body.String())
		}
	}
}

// realServer is a server on the real pipeline with the embedded assets.
func realServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	eng, err := engine.New(templates.FS, fonts.FS, cfg.Limits())
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Config: cfg, Pipeline: eng, Samples: samples.FS})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
