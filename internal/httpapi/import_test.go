package httpapi

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/internal/importer/pdfread"
)

// fakeImport refuses by content ("LEGACY", "BOMB", "MANY", "BAD") and
// otherwise returns a document whose trích yếu is the file's text.
func fakeImport(_ context.Context, r io.ReaderAt, size int64, name string, lim importer.Limits) (*document.Document, *importer.Report, error) {
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, err
	}
	text := strings.TrimSpace(string(data))
	for prefix, err := range map[string]error{"LEGACY": importer.ErrLegacyDOC, "BOMB": importer.ErrZipBomb, "MANY": importer.ErrTooLarge, "BAD": importer.ErrMalformed, "NOPDF": &pdfread.MissingToolError{Tool: "pdftotext", Package: "poppler-utils"}} {
		if strings.HasPrefix(text, prefix) {
			return nil, nil, fmt.Errorf("import: docx: %w", err)
		}
	}
	rep := &importer.Report{Format: importer.FormatText, Encoding: "utf-8",
		Guessed: []importer.Note{{Path: "/type", VI: "Đoán loại văn bản từ " + name + ".", EN: "type guessed from " + name}}}
	return &document.Document{Schema: document.SchemaV1, Type: "ke_hoach", Summary: text}, rep, nil
}

// upload builds a multipart body with the given file parts (field →
// name → content) plus a plain field.
func upload(t *testing.T, field, name string, content []byte) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.WriteField("note", "ignored"); err != nil {
		t.Fatal(err)
	}
	if field != "" {
		fw, err := mw.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(content)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String(), mw.FormDataContentType()
}

func TestImport(t *testing.T) {
	tests := []struct {
		name        string
		field, file string
		content     string
		contentType string // overrides the multipart one
		edit        func(*Options)
		status      int
		code        string
		contains    []string
	}{
		{name: "text", field: "file", file: "ke-hoach.txt", content: "Kế hoạch bình đẳng giới năm 2024", status: 200,
			contains: []string{`"summary":"Kế hoạch bình đẳng giới năm 2024"`, `"guessed":[{"path":"/type"`, "ke-hoach.txt", `"recognised":[]`}},
		{name: "legacy doc", field: "file", file: "cu.doc", content: "LEGACY", status: 415, code: CodeUnsupportedFile, contains: []string{".docx", "Word 97-2003"}},
		{name: "pdf without pdftotext", field: "file", file: "vb.pdf", content: "NOPDF", status: 415, code: CodeUnsupportedFile, contains: []string{"pdftotext", "PDF"}},
		{name: "zip bomb", field: "file", file: "bom.docx", content: "BOMB", status: 422, code: CodeUnreadableFile},
		{name: "too many entries", field: "file", file: "nhieu.docx", content: "MANY", status: 422, code: CodeUnreadableFile},
		{name: "malformed", field: "file", file: "hong.docx", content: "BAD", status: 422, code: CodeUnreadableFile},
		{name: "too large", field: "file", file: "lon.txt", content: strings.Repeat("x", 300), edit: func(o *Options) { o.Config.MaxImportBytes = 200 },
			status: 413, code: CodeTooLarge, contains: []string{"200"}},
		{name: "body too large", field: "file", file: "lon.txt", content: strings.Repeat("x", 200<<10), edit: func(o *Options) { o.Config.MaxImportBytes = 1000 },
			status: 413, code: CodeTooLarge},
		{name: "no file field", field: "", status: 400, code: CodeBadRequest, contains: []string{`\"file\"`}},
		{name: "other field name", field: "upload", file: "a.txt", content: "x", status: 400, code: CodeBadRequest},
		{name: "empty file", field: "file", file: "a.txt", content: " \n", status: 400, code: CodeBadRequest},
		{name: "not multipart", content: validDoc, contentType: "application/json", status: 415, code: CodeUnsupportedMedia, contains: []string{"multipart/form-data"}},
		{name: "multipart without boundary", content: "x", contentType: "multipart/form-data", status: 400, code: CodeBadRequest},
		{name: "broken multipart", content: "--x\r\nnot a part", contentType: "multipart/form-data; boundary=x", status: 400, code: CodeBadRequest},
		{name: "no importer", field: "file", file: "a.txt", content: "x", edit: func(o *Options) { o.Importer = nil }, status: 501, code: CodeNotImplemented},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, func(o *Options) {
				o.Importer = ImportFunc(fakeImport)
				if tt.edit != nil {
					tt.edit(o)
				}
			})
			body, ct := tt.content, tt.contentType
			if ct == "" {
				body, ct = upload(t, tt.field, tt.file, []byte(tt.content))
			}
			rec := do(s.Handler(), "POST", "/v1/import", body, map[string]string{"Content-Type": ct})
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %.500s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.code != "" {
				if e := errorOf(t, rec); e.Code != tt.code || e.VI == "" || e.EN == "" {
					t.Errorf("error = %+v, want code %s", e, tt.code)
				}
			}
			for _, want := range tt.contains {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("body lacks %q: %.500s", want, rec.Body.String())
				}
			}
		})
	}
}

// TestImportRealImporter runs package importer behind the route: a seed
// text gives a document with its trích yếu, and the refusals keep their
// statuses.
func TestImportRealImporter(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "seeds", "000_8d1e6aa1a21ecbf8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var manyEntries bytes.Buffer
	zw := zip.NewWriter(&manyEntries)
	for i := range 2100 {
		if _, err := zw.Create(fmt.Sprintf("f%d.xml", i)); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	tests := []struct {
		name, file string
		content    []byte
		status     int
		code       string
	}{
		{"seed text", "ha-nam.txt", seed, 200, ""},
		{"legacy doc", "cu.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), 415, CodeUnsupportedFile},
		{"not a zip", "hong.docx", []byte("PK\x03\x04 this is not a zip"), 422, CodeUnreadableFile},
		{"too many entries", "nhieu.docx", manyEntries.Bytes(), 422, CodeUnreadableFile},
	}
	s := newTestServer(t, func(o *Options) {
		o.Importer = ImportFunc(importer.ImportContext)
		o.Config.MaxImportBytes = 1 << 20
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ct := upload(t, "file", tt.file, tt.content)
			rec := do(s.Handler(), "POST", "/v1/import", body, map[string]string{"Content-Type": ct})
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %.500s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.code != "" {
				if e := errorOf(t, rec); e.Code != tt.code {
					t.Errorf("code = %q, want %q", e.Code, tt.code)
				}
				return
			}
			var got ImportResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Document == nil || !strings.Contains(got.Document.Summary, "bình đẳng giới") || got.Report == nil || got.Report.Format != importer.FormatText {
				t.Errorf("import = %+v, report %+v", got.Document, got.Report)
			}
		})
	}
}
