package engine

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/templates"
)

func newEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := New(templates.FS, fonts.FS, document.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func readSample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPipelineRendersBothFormats(t *testing.T) {
	e := newEngine(t)
	c, err := e.Check(readSample(t, "thua-thien-hue-2020-cong-van.json"), false)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Valid() {
		t.Fatalf("sample invalid: %v", c.Findings.Errors())
	}
	cd, err := e.Compose(c)
	if err != nil {
		t.Fatal(err)
	}
	magic := map[Format]string{DOCX: "PK\x03\x04", PDF: "%PDF-"}
	for _, f := range Formats {
		var buf bytes.Buffer
		if _, err := e.Render(context.Background(), cd, f, &buf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte(magic[f])) {
			t.Errorf("%s: output starts %q", f, buf.Bytes()[:8])
		}
	}
}

// The document's own draft flag has the effect of --draft: a transcribed
// plan whose number is unknown validates without errors.
func TestDraftFlagInDocument(t *testing.T) {
	e := newEngine(t)
	data := readSample(t, "ha-nam-2014-ke-hoach.json")
	c, err := e.Check(data, false)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Valid() || !c.Draft {
		t.Fatalf("draft sample: valid=%v draft=%v %v", c.Valid(), c.Draft, c.Findings.Errors())
	}
	undrafted := bytes.Replace(data, []byte(`"draft": true,`), nil, 1)
	c, err = e.Check(undrafted, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Valid() {
		t.Fatal("without the draft flag a blank number must be an error")
	}
}

// An invalid document is never rendered, and nothing reaches the writer.
func TestInvalidDocumentWritesNothing(t *testing.T) {
	e := newEngine(t)
	data := bytes.Replace(readSample(t, "thua-thien-hue-2020-cong-van.json"), []byte(`"name": "Phan Minh Nguyệt"`), []byte(`"name": ""`), 1)
	c, err := e.Check(data, false)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, err = e.RenderChecked(context.Background(), c, PDF, &buf)
	var ie *InvalidError
	if !errors.As(err, &ie) || len(ie.Findings.Errors()) == 0 {
		t.Fatalf("err = %v, want *InvalidError with findings", err)
	}
	if buf.Len() != 0 {
		t.Fatalf("%d bytes written for an invalid document", buf.Len())
	}
}

func TestDecodeErrorIsStructural(t *testing.T) {
	e := newEngine(t)
	_, err := e.Check([]byte(`{"schema":"vanban/v1","type":"ke_hoach","oops":1}`), false)
	var de *document.DecodeError
	if !errors.As(err, &de) || de.Findings[0].Path != "/oops" {
		t.Fatalf("err = %v, want a DecodeError at /oops", err)
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		in      string
		want    []Format
		wantErr bool
	}{
		{"pdf", []Format{PDF}, false},
		{"docx, PDF", []Format{DOCX, PDF}, false},
		{"pdf,pdf", []Format{PDF}, false},
		{"odt", nil, true},
		{"", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseFormats(tt.in)
		if (err != nil) != tt.wantErr || len(got) != len(tt.want) {
			t.Errorf("ParseFormats(%q) = %v, %v", tt.in, got, err)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParseFormats(%q) = %v", tt.in, got)
			}
		}
	}
}

func TestRenderHonoursCancelledContext(t *testing.T) {
	e := newEngine(t)
	c, err := e.Check(readSample(t, "thua-thien-hue-2020-cong-van.json"), false)
	if err != nil {
		t.Fatal(err)
	}
	cd, err := e.Compose(c)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if _, err := e.Render(ctx, cd, PDF, &buf); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Fatalf("err = %v, %d bytes", err, buf.Len())
	}
}

// New does not build the DOCX writer: a PDF-only or validate-only run never
// pays for the template. DOCX renders build it once, also when they race.
func TestDOCXWriterIsLazy(t *testing.T) {
	e := newEngine(t)
	c, err := e.Check(readSample(t, "thua-thien-hue-2020-cong-van.json"), false)
	if err != nil {
		t.Fatal(err)
	}
	cd, err := e.Compose(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Render(context.Background(), cd, PDF, io.Discard); err != nil {
		t.Fatal(err)
	}
	if e.docx != nil {
		t.Fatal("a PDF render built the DOCX writer")
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			var buf bytes.Buffer
			_, err := e.Render(context.Background(), cd, DOCX, &buf)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if e.docx == nil {
		t.Fatal("no DOCX writer after DOCX renders")
	}
}

func TestPrepare(t *testing.T) {
	broken := fstest.MapFS{"nothing.txt": &fstest.MapFile{Data: []byte("x")}}
	tests := []struct {
		name      string
		templates fs.FS
		formats   []Format
		wantErr   bool
	}{
		{"all formats", templates.FS, nil, false},
		{"pdf only", templates.FS, []Format{PDF}, false},
		{"unknown format", templates.FS, []Format{"odt"}, true},
		// A broken template no longer fails New; it fails Prepare and the
		// DOCX render, and leaves PDF alone.
		{"broken template, docx", broken, []Format{DOCX}, true},
		{"broken template, pdf", broken, []Format{PDF}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(tt.templates, fonts.FS, document.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Prepare(tt.formats...); (err != nil) != tt.wantErr {
				t.Fatalf("Prepare(%v) = %v, want error %v", tt.formats, err, tt.wantErr)
			}
		})
	}
	if _, err := New(nil, fonts.FS, document.Limits{}); err == nil {
		t.Error("New with no template file system: want an error")
	}
}

// BenchmarkOneShotPDF is the work of one `vanban render --format pdf`
// process after package initialisation: a fresh engine, check, compose and
// one PDF render. What a long-running service does once (fonts, code-page
// fonts) counts here on every iteration.
func BenchmarkOneShotPDF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "thua-thien-hue-2020-cong-van.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		e, err := New(templates.FS, fonts.FS, document.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		c, err := e.Check(data, false)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.RenderChecked(context.Background(), c, PDF, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// A document that mixes tone styles is printed whole in its majority
// style, the Quốc hiệu too, with a note; one in the old style stays old.
func TestPipelineUnifiesToneMarks(t *testing.T) {
	e := newEngine(t)
	cases := []struct {
		sample, nation string
		note           bool
	}{
		{"ha-nam-2014-ke-hoach.json", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", true},
		{"thua-thien-hue-2020-cong-van.json", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false},
	}
	for _, tc := range cases {
		c, err := e.Check(readSample(t, tc.sample), true)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(c.Findings.Infos()) > 0 && c.Findings.Infos()[0].Code == "text.tone_unified"; got != tc.note {
			t.Errorf("%s: tone note %v, want %v: %v", tc.sample, got, tc.note, c.Findings.Infos())
		}
		cd, err := e.Compose(c)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := cd.Dump(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "nation VbQuocHieu | "+tc.nation) {
			t.Errorf("%s: Quốc hiệu is not %q", tc.sample, tc.nation)
		}
		if tc.note && (strings.Contains(b.String(), "Ủy ban") || strings.Contains(b.String(), "ỦY BAN")) {
			t.Errorf("%s: old-style words are still printed beside the new ones", tc.sample)
		}
	}
}
