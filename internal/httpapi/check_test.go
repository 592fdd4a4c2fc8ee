package httpapi

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/check"
)

// tinyDOCX is a one-paragraph .docx with an A4 section whose left margin
// is 20 mm (NĐ30 asks 30-35).
func tinyDOCX(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>` +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134"/></w:sectPr></w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheck(t *testing.T) {
	docx := tinyDOCX(t)
	tests := []struct {
		name        string
		field, file string
		content     []byte
		contentType string
		status      int
		code        string
		contains    []string
	}{
		{name: "docx", field: "file", file: "vb.docx", content: docx, status: 200,
			contains: []string{`"format":"docx"`, `"rule":"page.margins"`, `"element":"section 1 left margin"`, `"severity":"send-back"`}},
		{name: "neither docx nor pdf", field: "file", file: "vb.txt", content: []byte("Kế hoạch"), status: 422, code: CodeUnreadableFile},
		{name: "broken zip", field: "file", file: "vb.docx", content: []byte("PK\x03\x04broken"), status: 422, code: CodeUnreadableFile},
		{name: "no file", field: "", status: 400, code: CodeBadRequest},
		{name: "not multipart", content: []byte(validDoc), contentType: "application/json", status: 415, code: CodeUnsupportedMedia},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, nil)
			body, ct := string(tt.content), tt.contentType
			if ct == "" {
				body, ct = upload(t, tt.field, tt.file, tt.content)
			}
			rec := do(s.Handler(), "POST", "/v1/check", body, map[string]string{"Content-Type": ct})
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %.500s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.code != "" {
				if e := errorOf(t, rec); e.Code != tt.code || e.VI == "" || e.EN == "" {
					t.Errorf("error = %+v, want code %s", e, tt.code)
				}
				return
			}
			var rep check.Report
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			compact := strings.ReplaceAll(strings.ReplaceAll(rec.Body.String(), "\n", ""), " ", "")
			for _, want := range tt.contains {
				if !strings.Contains(compact, strings.ReplaceAll(want, " ", "")) {
					t.Errorf("body lacks %q: %.800s", want, rec.Body.String())
				}
			}
		})
	}
}
