package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(addr string, renders int, timeout time.Duration, keys []string) bool
		wantErr bool
	}{
		{name: "defaults", check: func(addr string, _ int, timeout time.Duration, keys []string) bool {
			return addr == ":8080" && timeout == 10*time.Second && keys == nil
		}},
		{name: "env over defaults", env: map[string]string{"VANBAN_ADDR": ":9090", "VANBAN_MAX_CONCURRENT_RENDERS": "3"},
			check: func(addr string, renders int, _ time.Duration, _ []string) bool {
				return addr == ":9090" && renders == 3
			}},
		{name: "flags over env", args: []string{"--addr", "127.0.0.1:7000", "--render-timeout", "2s", "--api-keys", "flag-key-0123456789abcdef"},
			env: map[string]string{"VANBAN_ADDR": ":9090", "VANBAN_RENDER_TIMEOUT": "5s", "VANBAN_API_KEYS": "env-key-0123456789abcdef"},
			check: func(addr string, _ int, timeout time.Duration, keys []string) bool {
				return addr == "127.0.0.1:7000" && timeout == 2*time.Second && slices.Equal(keys, []string{"flag-key-0123456789abcdef"})
			}},
		{name: "bad env", env: map[string]string{"VANBAN_MAX_DEPTH": "x"}, wantErr: true},
		{name: "bad flag", args: []string{"--max-body-bytes", "lots"}, wantErr: true},
		{name: "out of range", args: []string{"--max-concurrent-renders", "0"}, wantErr: true},
		{name: "stray argument", args: []string{"extra"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := "data"
			cfg, err := serveConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard, &dataDir)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && !tt.check(cfg.Addr, cfg.MaxConcurrentRenders, cfg.RenderTimeout, cfg.APIKeys) {
				t.Errorf("config = %+v", cfg)
			}
		})
	}
}

func TestServeExitCodes(t *testing.T) {
	noEnv := func(string) string { return "" }
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"-h"}, 0},
		{"bad flag", []string{"--nope"}, 2},
		{"address in use or invalid", []string{"--addr", "256.0.0.1:1"}, 1},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if got := serve(context.Background(), tt.args, noEnv, &stderr, nil); got != tt.want {
			t.Errorf("%s: exit %d, want %d; stderr %s", tt.name, got, tt.want, stderr.String())
		}
	}
}

// sampleNames lists the samples the server offers.
func sampleNames(t *testing.T, base string) []string {
	t.Helper()
	resp, err := http.Get(base + "/v1/samples")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Samples []struct{ Name string } `json:"samples"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range list.Samples {
		names = append(names, s.Name)
	}
	if len(names) == 0 {
		t.Fatal("no samples served")
	}
	return names
}

var magic = map[string][]byte{"docx": []byte("PK\x03\x04"), "pdf": []byte("%PDF-"), "zip": []byte("PK\x03\x04")}

// renderAll renders every sample in both formats (and once as a zip)
// through the API and returns one file of each format.
func renderAll(t *testing.T, base string) map[string][]byte {
	t.Helper()
	one := map[string][]byte{}
	for _, name := range sampleNames(t, base) {
		resp, err := http.Get(base + "/v1/samples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		draft := strings.Contains(name, "du-thao")
		for _, target := range []string{"/v1/render/docx", "/v1/render/pdf", "/v1/render?formats=docx,pdf"} {
			url := base + target
			if draft {
				url += map[bool]string{true: "&", false: "?"}[strings.Contains(url, "?")] + "draft=true"
			}
			resp, err := http.Post(url, "application/json", bytes.NewReader(doc))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s %s: %d %s", name, target, resp.StatusCode, body)
				continue
			}
			format := map[string]string{"application/pdf": "pdf", "application/zip": "zip"}[resp.Header.Get("Content-Type")]
			if format == "" {
				format = "docx"
			}
			if !bytes.HasPrefix(body, magic[format]) {
				t.Errorf("%s %s: starts %q, want %q", name, target, body[:min(8, len(body))], magic[format])
			}
			if !strings.Contains(resp.Header.Get("Content-Disposition"), "filename*=UTF-8''") {
				t.Errorf("%s %s: Content-Disposition %q", name, target, resp.Header.Get("Content-Disposition"))
			}
			if format == "zip" {
				if zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body))); err != nil || len(zr.File) != 2 {
					t.Errorf("%s: zip: %v", name, err)
				}
			}
			if one[format] == nil {
				one[format] = body
			}
		}
	}
	return one
}

// TestServeInProcess runs the real engine behind the real server in this
// process: every sample renders in both formats, then cancelling the
// context (what SIGTERM does) exits 0.
func TestServeInProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every sample with the real engine")
	}
	dataDir := t.TempDir()
	start := func() (base string, stop func()) {
		ctx, cancel := context.WithCancel(context.Background())
		addrc := make(chan net.Addr, 1)
		exit := make(chan int, 1)
		var stderr lockedBuffer
		go func() {
			exit <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--log-level", "warn", "--data-dir", dataDir}, func(string) string { return "" }, &stderr,
				func(a net.Addr) { addrc <- a })
		}()
		select {
		case a := <-addrc:
			base = "http://" + a.String()
		case code := <-exit:
			cancel()
			t.Fatalf("serve exited %d: %s", code, stderr.String())
		}
		return base, func() {
			cancel()
			if code := <-exit; code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
		}
	}
	base, stop := start()
	renderAll(t, base)
	checkBatchAndImport(t, base)
	id := postDraft(t, base)
	stop()
	// A restart on the same data directory keeps the draft.
	base, stop = start()
	defer stop()
	resp, err := http.Get(base + "/v1/drafts/" + id)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("ETag") != `"1"` {
		t.Errorf("draft after restart: %d %q", resp.StatusCode, resp.Header.Get("ETag"))
	}
}

// postDraft stores a sample as a draft through the served API (sign-in
// is off, so it goes to the default office) and returns its id.
func postDraft(t *testing.T, base string) string {
	t.Helper()
	name := sampleNames(t, base)[0]
	resp, err := http.Get(base + "/v1/samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp, err = http.Post(base+"/v1/drafts", "application/json", strings.NewReader(`{"document":`+string(doc)+`}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil || resp.StatusCode != 201 || d.ID == "" {
		t.Fatalf("create draft: %d %v", resp.StatusCode, err)
	}
	return d.ID
}

// checkBatchAndImport checks that serve wires the batch runner and the
// importer: a batch of one sample gives a zip with its manifest, and an
// import of a short text answers with a document.
func checkBatchAndImport(t *testing.T, base string) {
	t.Helper()
	name := sampleNames(t, base)[0]
	resp, err := http.Get(base + "/v1/samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp, err = http.Post(base+"/v1/batch?formats=pdf&draft=true", "application/json",
		strings.NewReader(`{"documents": [`+string(doc)+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("batch: %d %s", resp.StatusCode, body)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil || len(zr.File) != 2 || zr.File[1].Name != "manifest.json" {
		t.Errorf("batch zip: %v, %d entries", err, len(zr.File))
	}

	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("file", "ke-hoach.txt")
	io.WriteString(fw, "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n")
	mw.Close()
	resp, err = http.Post(base+"/v1/import", mw.FormDataContentType(), &form)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"document"`)) || !bytes.Contains(body, []byte(`"report"`)) {
		t.Errorf("import: %d %.300s", resp.StatusCode, body)
	}
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
