package docxread

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// docx builds a .docx whose body is paras paragraphs of runs runs of text.
func docx(t *testing.T, paras, runs int, text string) []byte {
	t.Helper()
	var body strings.Builder
	for range paras {
		body.WriteString("<w:p>")
		for range runs {
			body.WriteString("<w:r><w:t>" + text + "</w:t></w:r>")
		}
		body.WriteString("</w:p>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="` + nsW + `"><w:body>` + body.String() + `</w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLimits: each bound refuses the first document over it, with
// ErrTooLarge, and takes the one at it.
func TestLimits(t *testing.T) {
	tests := []struct {
		name        string
		paras, runs int
		text        string
		lim         Limits
		want        error
	}{
		{"paragraphs at the limit", 10, 1, "a", Limits{MaxParagraphs: 10}, nil},
		{"paragraphs over", 11, 1, "a", Limits{MaxParagraphs: 10}, ErrTooLarge},
		{"runs at the limit", 2, 5, "a", Limits{MaxRuns: 10}, nil},
		{"runs over", 2, 6, "a", Limits{MaxRuns: 10}, ErrTooLarge},
		{"text over", 1, 1, strings.Repeat("x", 101), Limits{MaxText: 100}, ErrTooLarge},
		{"xml over", 100, 1, "abc", Limits{MaxXML: 1000}, ErrTooLarge},
		{"defaults take a real size", 900, 5, "Nội dung kế hoạch", Limits{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := docx(t, tt.paras, tt.runs, tt.text)
			doc, err := Read(bytes.NewReader(data), int64(len(data)), tt.lim)
			if tt.want == nil {
				if err != nil || len(doc.Blocks) != tt.paras {
					t.Fatalf("err = %v, blocks %v", err, doc)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestReadContext: a done context stops the parse with its error.
func TestReadContext(t *testing.T) {
	data := docx(t, 5000, 1, "a")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadContext(ctx, bytes.NewReader(data), int64(len(data)), Limits{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestPackageLimits: Read and ReadFormat open the package alike
// (openPackage): too many entries is ErrTooLarge, a declared size over the
// limit ErrZipBomb, before anything is inflated; a file that is no zip is
// ErrMalformed.
func TestPackageLimits(t *testing.T) {
	data := docx(t, 3, 2, "Nội dung")
	readers := map[string]func([]byte, Limits) error{
		"Read": func(b []byte, lim Limits) error {
			_, err := Read(bytes.NewReader(b), int64(len(b)), lim)
			return err
		},
		"ReadFormat": func(b []byte, lim Limits) error {
			_, err := ReadFormat(context.Background(), bytes.NewReader(b), int64(len(b)), lim)
			return err
		},
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"within", data, Limits{}, nil},
		{"entries at the limit", data, Limits{MaxEntries: 1}, nil},
		{"entries over", withEntries(t, data, 2), Limits{MaxEntries: 2}, ErrTooLarge},
		{"declared size over", data, Limits{MaxUncompressed: 100}, ErrZipBomb},
		{"not a zip", []byte("not a zip"), Limits{}, ErrMalformed},
	}
	for name, read := range readers {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				err := read(tt.data, tt.lim)
				if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
					t.Errorf("err = %v, want %v", err, tt.want)
				}
			})
		}
	}
}

// withEntries is the package data with n more (empty) entries.
func withEntries(t *testing.T, data []byte, n int) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		if _, err := zw.Create(fmt.Sprintf("extra%d.xml", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
