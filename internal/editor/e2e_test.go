//go:build integration

package editor_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vanban/vanban/internal/testtools"
)

// The end-to-end test drives the real binary with the system Chromium, the
// way a clerk uses the editor: open a sample, edit the trích yếu, watch the
// finding come and go, download the PDF and read its text back.
//
// Environment:
//
//	VANBAN_CHROMIUM   path of the browser (default: chromium on PATH)
//	VANBAN_E2E_URL    test a server that is already running instead of
//	                  building and starting one
//	VANBAN_E2E_SHOTS  directory to copy the screenshots into

const sampleName = "vinh-linh-2024-ke-hoach-du-thao"

// newSummary is typed into the trích yếu and must come back out of the PDF.
const newSummary = "Thử nghiệm soạn thảo kế hoạch trên trình duyệt năm 2024"

// session is one browser tab on the editor, with the server behind it.
type session struct {
	t     *testing.T
	ctx   context.Context
	srv   *server // nil when testing VANBAN_E2E_URL
	base  string
	shots string

	mu       sync.Mutex
	jsErrors []string
}

// openEditor starts the server (or uses VANBAN_E2E_URL) and a headless
// Chromium on the editor page; everything stops when the test ends.
func openEditor(t *testing.T) *session {
	t.Helper()
	return openEditorWith(t, "")
}

// openEditorWith is openEditor on a server started with apiKey as its
// only API key, when not empty: the page then asks the clerk to sign in,
// and the key is typed into its form.
func openEditorWith(t *testing.T, apiKey string) *session {
	t.Helper()
	testtools.Chromium(t) // fail before a server is started for nothing
	s := &session{t: t, base: os.Getenv("VANBAN_E2E_URL"), shots: t.TempDir()}
	if s.base == "" {
		var env []string
		if apiKey != "" {
			env = append(env, "VANBAN_API_KEYS="+apiKey)
		}
		s.srv = startServer(t, env...)
		s.base = s.srv.url
	} else if apiKey != "" {
		t.Skip("the sign-in test starts its own server")
	}
	s.base = strings.TrimRight(s.base, "/")
	checkServesEditor(t, s.base)

	openBrowser(t, s)

	if apiKey != "" {
		s.step("sign in",
			chromedp.EmulateViewport(1366, 768),
			chromedp.Navigate(s.base+"/"),
			chromedp.WaitVisible(chromedp.CSS(`#login-key`)),
		)
		s.shot("editor-sign-in")
		s.step("type the key",
			chromedp.SendKeys(chromedp.CSS(`#login-key`), "wrong-key-0123456789"),
			chromedp.Click(chromedp.CSS(`#login-submit`)),
			poll(`document.querySelector('#login-error').textContent.includes("Sai khóa")`),
			chromedp.SendKeys(chromedp.CSS(`#login-key`), apiKey),
			chromedp.Click(chromedp.CSS(`#login-submit`)),
		)
	} else {
		s.step("open editor", chromedp.EmulateViewport(1366, 768), chromedp.Navigate(s.base+"/"))
	}
	s.step("editor ready",
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#form [data-path="/body"]`)),
	)
	return s
}

// finish reports script errors and hands the screenshots over.
func (s *session) finish() {
	s.mu.Lock()
	for _, e := range s.jsErrors {
		s.t.Errorf("script error in the page: %s", e)
	}
	s.mu.Unlock()
	copyShots(s.t, s.shots)
}

func (s *session) fail(name string, err error) {
	s.t.Helper()
	s.shot("failed-" + name)
	if s.srv != nil {
		s.t.Logf("server log:\n%s", s.srv.log())
	}
	s.t.Fatalf("%s: %v", name, err)
}

// step runs actions, failing the test with a screenshot on error.
func (s *session) step(name string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	if err := chromedp.Do(s.ctx, actions...); err != nil {
		s.fail(name, err)
	}
}

func (s *session) str(name string, a chromedp.Action[string]) string {
	s.t.Helper()
	v, err := chromedp.Run(s.ctx, a)
	if err != nil {
		s.fail(name, err)
	}
	return v
}

// js evaluates an expression in the page and returns its value as JSON text.
func (s *session) js(expr string) string {
	s.t.Helper()
	return s.str(expr, chromedp.Evaluate[string]("JSON.stringify("+expr+")"))
}

func (s *session) shot(name string) {
	shot(s.ctx, s.t, s.shots, name)
}

// poll waits until a JavaScript expression is true in the page.
func poll(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(15*time.Second))
}

// insertText types text the way an input method commits it, so Vietnamese
// letters arrive whole.
func insertText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

// replaceText selects a field's content and types over it.
func replaceText(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).select()`, sel)),
		insertText(text),
	)
}

func TestEditorEndToEnd(t *testing.T) {
	testtools.Poppler(t)
	s := openEditor(t)
	summary := chromedp.CSS(`[data-path="/summary"]`)

	s.step("open sample",
		poll(fmt.Sprintf(`!!document.querySelector('#sample-select option[value=%q]')`, sampleName)),
		chromedp.SetValue(chromedp.CSS(`#sample-select`), sampleName),
		chromedp.Click(chromedp.CSS(`#open-sample`)),
		poll(`document.querySelector('[data-path="/summary"]').value.includes("Bình đẳng giới")`),
		waitValidated(),
	)
	if status := s.str("status", chromedp.Text(chromedp.CSS(`#status`))); !strings.HasPrefix(status, "Hợp lệ") {
		t.Errorf("sample %s: status %q, want no errors", sampleName, status)
	}

	// Clearing the trích yếu must bring a finding attached to it.
	s.step("clear trích yếu",
		chromedp.Focus(summary),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-path="/summary"]').select()`),
		chromedp.KeyEvent(kb.Backspace),
		poll(`!!document.querySelector('.finding-msg[data-finding-for="/summary"]') &&
			!!document.querySelector('#findings button[data-finding-path="/summary"]')`),
	)
	inv, err := chromedp.Run(s.ctx, chromedp.AttributeValue(summary, "aria-invalid"))
	if err != nil {
		s.fail("aria-invalid", err)
	}
	if inv.Value != "true" {
		t.Errorf("trích yếu aria-invalid = %q, want true", inv.Value)
	}
	s.shot("editor-1366x768-finding")

	// Clicking the finding jumps to the field.
	s.step("click finding",
		chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`),
		chromedp.Click(chromedp.CSS(`#findings button[data-finding-path="/summary"]`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	if focused := s.str("focus", chromedp.Evaluate[string](`document.activeElement && document.activeElement.dataset.path || ""`)); focused != "/summary" {
		t.Errorf("after clicking the finding, focus is on %q, want /summary", focused)
	}

	// Typing a trích yếu back makes the finding go away.
	s.step("type trích yếu",
		chromedp.Focus(summary),
		insertText(newSummary),
		poll(`!document.querySelector('.finding-msg[data-finding-for="/summary"]') &&
			document.body.dataset.validation === "valid"`),
	)

	// Download the PDF through the page's own download code and read it.
	pdf := s.download("#dl-pdf", ".pdf")
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("downloaded PDF starts with %q", pdf[:min(len(pdf), 8)])
	}
	text := pdfText(t, pdf)
	if !strings.Contains(squash(text), squash(newSummary)) {
		t.Errorf("PDF text does not contain the new trích yếu %q:\n%s", newSummary, text)
	}
	if docx := s.download("#dl-docx", ".docx"); !bytes.HasPrefix(docx, []byte("PK")) {
		t.Errorf("downloaded DOCX is not a zip: starts with %q", docx[:min(len(docx), 4)])
	}
	if js := s.download("#dl-json", ".json"); !bytes.Contains(js, []byte(newSummary)) {
		t.Errorf("downloaded JSON does not hold the new trích yếu:\n%s", js)
	}

	// Screenshots at the two sizes clerks use, with the preview shown.
	s.step("preview",
		poll(`!document.querySelector('#preview-frame').hidden`),
		chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`),
		chromedp.Sleep(500*time.Millisecond),
	)
	s.shot("editor-1366x768")
	s.step("resize", chromedp.EmulateViewport(1920, 1080), chromedp.Sleep(500*time.Millisecond))
	s.shot("editor-1920x1080")
	s.step("scroll to the outline", chromedp.EmulateViewport(1366, 768),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#sec-noidung').scrollIntoView()`), chromedp.Sleep(300*time.Millisecond))
	s.shot("editor-1366x768-outline")
	s.step("narrow", chromedp.EmulateViewport(900, 1000), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), chromedp.Sleep(300*time.Millisecond))
	s.shot("editor-900x1000")

	// A reload restores the draft from localStorage and says so.
	s.step("reload",
		chromedp.EmulateViewport(1366, 768),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
	)
	if restored := s.str("notice", chromedp.Text(chromedp.CSS(`#notice`))); !strings.Contains(restored, "Bản nháp đã được khôi phục") {
		t.Errorf("after reload the notice is %q, want the draft-restored notice", restored)
	}
	if value := s.str("value", chromedp.Value(summary)); value != newSummary {
		t.Errorf("after reload the trích yếu is %q, want %q", value, newSummary)
	}

	// Importing a seed text opens what the server recognised in it, with
	// the trích yếu filled, and says so.
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(root, "internal", "importer", "testdata", "seeds", "000_8d1e6aa1a21ecbf8.txt")
	s.step("import seed text",
		chromedp.SetUploadFiles(chromedp.CSS(`#import-input`), []string{seed}),
		poll(`document.querySelector('#notice').textContent.includes("Đã nhập")`),
		poll(`document.querySelector('[data-path="/summary"]').value.includes("bình đẳng giới")`),
	)
	s.shot("editor-imported")

	// With the server gone the clerk is told so, in Vietnamese.
	if s.srv != nil {
		s.srv.stop(t)
		s.step("server unreachable",
			chromedp.Focus(summary),
			insertText(" mới"),
			poll(`document.querySelector('#alert').textContent.includes("Không kết nối được máy chủ")`),
		)
		s.shot("editor-offline")
	}
}

// TestEditorWithKeys: with API keys on, the clerk signs in once through
// the page's form and then works as usual: validation, a PDF download and
// an import all go through the session cookie and its CSRF token. The
// cookie stays out of reach of scripts, and the key never reaches the log.
func TestEditorWithKeys(t *testing.T) {
	const key = "e2e-key-0123456789abcdef"
	s := openEditorWith(t, key)
	s.step("open sample",
		poll(fmt.Sprintf(`!!document.querySelector('#sample-select option[value=%q]')`, sampleName)),
		chromedp.SetValue(chromedp.CSS(`#sample-select`), sampleName),
		chromedp.Click(chromedp.CSS(`#open-sample`)),
		poll(`document.querySelector('[data-path="/summary"]').value.includes("Bình đẳng giới")`),
		waitValidated(),
	)
	if status := s.str("status", chromedp.Text(chromedp.CSS(`#status`))); !strings.HasPrefix(status, "Hợp lệ") {
		t.Errorf("status %q after signing in, want the sample valid", status)
	}
	if pdf := s.download("#dl-pdf", ".pdf"); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("downloaded PDF starts with %q", pdf[:min(len(pdf), 8)])
	}
	if cookies := s.js(`document.cookie`); strings.Contains(cookies, "vanban_session") {
		t.Errorf("the session cookie is readable by scripts: %q", cookies)
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(root, "internal", "importer", "testdata", "seeds", "000_8d1e6aa1a21ecbf8.txt")
	s.step("import with the session",
		chromedp.SetUploadFiles(chromedp.CSS(`#import-input`), []string{seed}),
		poll(`document.querySelector('#notice').textContent.includes("Đã nhập")`),
	)
	if s.srv != nil {
		if log := s.srv.log(); strings.Contains(log, key) {
			t.Error("the API key reached the server log")
		}
	}
	// Signing out ends the session: the page asks to sign in again.
	s.shot("editor-signed-in")
	s.step("sign out",
		chromedp.Click(chromedp.CSS(`#sign-out`)),
		chromedp.WaitVisible(chromedp.CSS(`#login-key`)),
	)
}

// waitValidated waits until the page has answered a validation round.
func waitValidated() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`["valid","invalid"].includes(document.body.dataset.validation)`, chromedp.WithPollingTimeout(15*time.Second))
}

// download clicks a download button and returns the bytes the page saved.
func (s *session) download(button, ext string) []byte {
	s.t.Helper()
	s.step("download "+ext,
		chromedp.Evaluate[chromedp.Void](`window.vanban.lastDownload = null`),
		chromedp.Click(chromedp.CSS(button)),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`!!(window.vanban.lastDownload && window.vanban.lastDownload.name.endsWith(%q))`, ext), chromedp.WithPollingTimeout(20*time.Second)),
	)
	b64, err := chromedp.Run(s.ctx, chromedp.Evaluate[string](`(async () => {
		const buf = new Uint8Array(await window.vanban.lastDownload.blob.arrayBuffer());
		let s = "";
		for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
		return btoa(s);
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		s.fail("read download "+ext, err)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		s.t.Fatalf("download %s: decode: %v", ext, err)
	}
	return data
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// squash folds whitespace, so a trích yếu wrapped over two lines still matches.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func shot(ctx context.Context, t *testing.T, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
	}
}

// copyShots copies the screenshots to VANBAN_E2E_SHOTS, for people (and CI
// artefacts) to look at.
func copyShots(t *testing.T, dir string) {
	dst := os.Getenv("VANBAN_E2E_SHOTS")
	if dst == "" {
		return
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Errorf("screenshots: %v", err)
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			err = os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644)
		}
		if err != nil {
			t.Errorf("screenshots: %v", err)
		}
	}
	t.Logf("screenshots copied to %s", dst)
}

// server is the real vanban binary serving on a loopback port.
type server struct {
	url  string
	cmd  *exec.Cmd
	out  *lockedBuffer
	once sync.Once
	done chan struct{}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (s *server) log() string {
	s.out.mu.Lock()
	defer s.out.mu.Unlock()
	return s.out.b.String()
}

func startServer(t *testing.T, env ...string) *server {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "vanban")
	build := exec.Command("go", "build", "-o", bin, "./cmd/vanban")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/vanban: %v\n%s", err, out)
	}
	addr, err := freeAddr()
	if err != nil {
		t.Fatal(err)
	}
	s := &server{url: "http://" + addr, out: &lockedBuffer{}, done: make(chan struct{})}
	s.cmd = exec.Command(bin, "serve", "--addr", addr)
	// Settings from the developer's shell (API keys, say) must not change
	// what the test sees.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "VANBAN_") {
			s.cmd.Env = append(s.cmd.Env, kv)
		}
	}
	// Drafts go to a fresh SQLite file, never into the source tree.
	s.cmd.Env = append(s.cmd.Env, "VANBAN_DATA_DIR="+filepath.Join(t.TempDir(), "data"))
	s.cmd.Env = append(s.cmd.Env, env...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("start vanban serve: %v", err)
	}
	go func() { _ = s.cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.stop(t) })

	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.url + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
		select {
		case <-s.done:
			t.Fatalf("vanban serve exited early:\n%s", s.log())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("vanban serve not ready after 30s (%v):\n%s", err, s.log())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkServesEditor fails early, with the reason, when the binary answers
// "/" with something other than the editor.
func checkServesEditor(t *testing.T, url string) {
	t.Helper()
	res, err := http.Get(url + "/")
	if err != nil {
		t.Fatalf("GET /: %v", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / answered %s (%s), not the editor: is editor.FS() passed as httpapi.Options.Editor in cmd/vanban/serve.go?",
			res.Status, res.Header.Get("Content-Type"))
	}
}

func (s *server) stop(t *testing.T) {
	s.once.Do(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(10 * time.Second):
			t.Errorf("vanban serve did not stop within 10s of SIGTERM; killing it")
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	})
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// moduleRoot walks up from the test's directory to go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("go.mod not found above the test directory")
		}
		dir = up
	}
}
