package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type options struct {
	server  string
	only    []string
	settle  time.Duration
	timeout time.Duration
	env     []string
}

// attack is one hostile request: what to send, prepared once.
type attack struct {
	name, what string
	method     string
	path       string
	header     map[string]string
	// prepare makes the body, and any header that depends on it.
	prepare func(plan []byte) ([]byte, map[string]string)
	// maxBody, when set, bounds the answer's size (the 900 KB path).
	maxBody int
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("vanban-attack", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var only string
	fs.StringVar(&o.server, "server", "", "the vanban binary to attack (required; started on 127.0.0.1 only)")
	fs.StringVar(&only, "only", "", "comma-separated attack names (default: all)")
	fs.DurationVar(&o.settle, "settle", 8*time.Second, "wait after an attack before reading the memory kept")
	fs.DurationVar(&o.timeout, "timeout", 60*time.Second, "client deadline of one hostile request")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.server == "" {
		fmt.Fprintln(stderr, "vanban-attack: --server is required")
		return 2
	}
	o.only = strings.FieldsFunc(only, func(r rune) bool { return r == ',' })
	attacks := attacks()
	var results []result
	for _, a := range attacks {
		if len(o.only) > 0 && !slices.Contains(o.only, a.name) {
			continue
		}
		for _, n := range []int{1, 3} {
			fmt.Fprintf(stderr, "== %s ×%d\n", a.name, n)
			r, err := runAttack(o, a, n, stderr)
			if err != nil {
				fmt.Fprintln(stderr, "vanban-attack:", err)
				return 1
			}
			results = append(results, r)
		}
	}
	report(stdout, attacks, results)
	if len(o.only) == 0 || slices.Contains(o.only, "checks") {
		if !checks(o, stdout, stderr) {
			return 1
		}
	}
	for _, r := range results {
		if !r.ok() {
			return 1
		}
	}
	return 0
}

// Targets of the review: peak RSS under each attack, and three at once.
const (
	targetOne   = 300 << 20
	targetThree = 600 << 20
	// targetValidate is the longest a small validate may wait for an
	// answer (any answer: 200, or 429 with Retry-After) during an attack:
	// the server's 5 s queue wait, and slack for a host shared with other
	// work.
	targetValidate = 8 * time.Second
)

type result struct {
	name          string
	n             int
	statuses      map[string]int
	took          time.Duration
	maxBody       int
	bodyLimit     int
	base, peak    int64 // bytes
	kept          int64
	validate      []time.Duration
	validateCodes map[string]int
}

func (r result) ok() bool {
	target := int64(targetOne)
	if r.n > 1 {
		target = targetThree
	}
	if r.peak > target || r.statuses["error"] > 0 {
		return false
	}
	if r.bodyLimit > 0 && r.maxBody > r.bodyLimit {
		return false
	}
	return len(r.validate) > 0 && slices.Max(r.validate) <= targetValidate && r.validateCodes["no answer"] == 0
}

func runAttack(o options, a attack, n int, stderr io.Writer) (result, error) {
	srv, err := start(o.server, o.env, stderr)
	if err != nil {
		return result{}, err
	}
	defer srv.stop()
	r := result{name: a.name, n: n, statuses: map[string]int{}, validateCodes: map[string]int{}, bodyLimit: a.maxBody}
	r.base, _ = memory(srv.pid, "VmRSS")
	small, err := sample(srv.base, "thua-thien-hue-2020-cong-van", "")
	if err != nil {
		return r, err
	}
	plan, err := sample(srv.base, "ha-nam-2014-ke-hoach", "")
	if err != nil {
		return r, err
	}
	body, extra := a.prepare(plan)
	header := map[string]string{}
	for k, v := range a.header {
		header[k] = v
	}
	for k, v := range extra {
		header[k] = v
	}

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var mu sync.Mutex
	// The prober: one small validate every 250 ms while the attack runs.
	wg.Add(1)
	go func() {
		defer wg.Done()
		client := &http.Client{Timeout: 30 * time.Second}
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(250 * time.Millisecond):
			}
			t0 := time.Now()
			code := send(client, srv.base, "POST", "/v1/validate", map[string]string{"Content-Type": "application/json"}, small, nil)
			mu.Lock()
			r.validate = append(r.validate, time.Since(t0))
			r.validateCodes[code]++
			mu.Unlock()
		}
	}()

	start := time.Now()
	var attackers sync.WaitGroup
	for range n {
		attackers.Add(1)
		go func() {
			defer attackers.Done()
			client := &http.Client{Timeout: o.timeout}
			size := 0
			code := send(client, srv.base, a.method, a.path, header, body, &size)
			mu.Lock()
			r.statuses[code]++
			r.maxBody = max(r.maxBody, size)
			mu.Unlock()
		}()
	}
	attackers.Wait()
	r.took = time.Since(start)
	// One more second of probes after the attack, then stop them.
	time.Sleep(time.Second)
	cancel()
	wg.Wait()
	time.Sleep(o.settle)
	r.peak, _ = memory(srv.pid, "VmHWM")
	r.kept, _ = memory(srv.pid, "VmRSS")
	return r, nil
}

// send makes one request and says what came back: the status, or
// "no answer" when the client deadline passed, or "error".
func send(client *http.Client, base, method, path string, header map[string]string, body []byte, size *int) string {
	req, err := http.NewRequest(method, base+path, bytes.NewReader(body))
	if err != nil {
		return "error"
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return "no answer"
		}
		return "error"
	}
	defer resp.Body.Close()
	n, _ := io.Copy(io.Discard, resp.Body)
	if size != nil {
		*size = int(n)
	}
	code := strconv.Itoa(resp.StatusCode)
	if ra := resp.Header.Get("Retry-After"); ra != "" {
		code += " (Retry-After " + ra + ")"
	}
	return code
}

type server struct {
	base string
	pid  int
	stop func()
}

// start runs the binary on a free loopback port and waits until it is
// ready.
func start(bin string, env []string, stderr io.Writer) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("free port: %w", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Env = append(append(os.Environ(), "VANBAN_LOG_LEVEL=error"), env...)
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &server{base: "http://" + addr, pid: cmd.Process.Pid}
	s.stop = func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(40 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.stop()
	return nil, errors.New("server not ready after 15 s")
}

// memory reads a field of /proc/PID/status (VmRSS, VmHWM) in bytes.
func memory(pid int, field string) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("%s not in /proc/%d/status", field, pid)
}

// sample fetches one of the server's samples.
func sample(base, name, key string) ([]byte, error) {
	req, err := http.NewRequest("GET", base+"/v1/samples/"+name, nil)
	if err != nil {
		return nil, err
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("sample: %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func report(w io.Writer, attacks []attack, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "attack\tat once\tanswers\ttook\tpeak RSS\tRSS after\tvalidate p50 / max\tvalidate answers\ttarget")
	for _, r := range results {
		lat := append([]time.Duration(nil), r.validate...)
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		p50, mx := time.Duration(0), time.Duration(0)
		if len(lat) > 0 {
			p50, mx = lat[len(lat)/2], lat[len(lat)-1]
		}
		verdict := "ok"
		if !r.ok() {
			verdict = "MISSED"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.1f s\t%s\t%s\t%d / %d ms\t%s\t%s\n", r.name, r.n, counts(r.statuses), r.took.Seconds(),
			mib(r.peak), mib(r.kept), p50.Milliseconds(), mx.Milliseconds(), counts(r.validateCodes), verdict)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, a := range attacks {
		fmt.Fprintf(w, "  %-14s %s\n", a.name, a.what)
	}
	fmt.Fprintf(w, "  targets: peak RSS < %s alone, < %s three at once; a small validate answered within %s\n\n",
		mib(targetOne), mib(targetThree), targetValidate)
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// attacks are the cases of the review, in its order.
func attacks() []attack {
	jsonCT := map[string]string{"Content-Type": "application/json"}
	return []attack{
		{name: "import-bomb", what: "POST /v1/import: a small .docx that inflates to 60 MiB of plain paragraphs",
			method: "POST", path: "/v1/import", prepare: func(plan []byte) ([]byte, map[string]string) {
				b, ct := multipartFile("bomb.docx", paragraphBomb(60<<20))
				return b, map[string]string{"Content-Type": ct}
			}},
		{name: "import-paragraphs", what: "POST /v1/import: a .docx of 15 MiB of XML (under the XML bound) in 300,000 short paragraphs",
			method: "POST", path: "/v1/import", prepare: func([]byte) ([]byte, map[string]string) {
				b, ct := multipartFile("paragraphs.docx", paragraphBomb(15<<20))
				return b, map[string]string{"Content-Type": ct}
			}},
		{name: "import-at-bounds", what: "POST /v1/import: a .docx just inside the bounds: 19,000 paragraphs of 400 bytes (7.6 MB of text)",
			method: "POST", path: "/v1/import", prepare: func([]byte) ([]byte, map[string]string) {
				text := strings.Repeat("Ủy ban nhân dân xã triển khai kế hoạch. ", 10)[:400]
				b, ct := multipartFile("bounds.docx", docxOf(19000, text))
				return b, map[string]string{"Content-Type": ct}
			}},
		{name: "batch-zeros", what: `POST /v1/batch: 32 MiB of {"documents":[0,0,…]}`,
			method: "POST", path: "/v1/batch", header: jsonCT, prepare: func(plan []byte) ([]byte, map[string]string) {
				n := (32<<20 - 64) / 2
				return []byte(`{"documents":[` + strings.Repeat("0,", n) + `0]}`), nil
			}},
		{name: "printf", what: `POST /v1/batch: 8.4 KB of {{printf "%0999999d" 1}} in a template, four rows`,
			method: "POST", path: "/v1/batch", header: jsonCT, prepare: func(plan []byte) ([]byte, map[string]string) {
				act := `{{printf \"%0999999d\" 1}}`
				summary := strings.Repeat(act, 8400/len(act))
				return []byte(`{"template":{"schema":"vanban/v1","type":"ke_hoach","summary":"` + summary + `"},` +
					`"rows":[{"A":1},{"A":2},{"A":3},{"A":4}]}`), nil
			}},
		{name: "long-word", what: "POST /v1/render/pdf: one unbroken word of 1,000,000 characters",
			method: "POST", path: "/v1/render/pdf", header: jsonCT, prepare: func(plan []byte) ([]byte, map[string]string) {
				return withParagraphs(plan, 1, strings.Repeat("a", 1_000_000)), nil
			}},
		{name: "big-document", what: "POST /v1/render/pdf: a legitimate 3.4 MiB document (3,800 paragraphs)",
			method: "POST", path: "/v1/render/pdf", header: jsonCT, prepare: func(plan []byte) ([]byte, map[string]string) {
				para := strings.Repeat("Ủy ban nhân dân các xã, phường, thị trấn tổ chức triển khai thực hiện kế hoạch. ", 9)
				return withParagraphs(plan, 3800, para), nil
			}},
		{name: "long-path", what: "GET /v1/<900 KB>: the error answer must stay small",
			method: "GET", path: "/v1/" + strings.Repeat("a", 900<<10), maxBody: 4 << 10,
			prepare: func(plan []byte) ([]byte, map[string]string) { return nil, nil }},
	}
}

// withParagraphs is the plan sample with its body replaced by n
// paragraphs of text.
func withParagraphs(sample []byte, n int, text string) []byte {
	var doc map[string]any
	if err := json.Unmarshal(sample, &doc); err != nil {
		panic("sample: " + err.Error()) // the binary's own sample
	}
	body := make([]map[string]string, n)
	for i := range body {
		body[i] = map[string]string{"paragraph": text}
	}
	doc["body"] = body
	b, _ := json.Marshal(doc)
	return b
}

// paragraphBomb is a .docx whose document.xml is size bytes of short
// paragraphs: deflate shrinks it some 300 times.
func paragraphBomb(size int) []byte {
	const para = "<w:p><w:r><w:t>Nội dung đoạn văn.</w:t></w:r></w:p>"
	return docxBody(size/len(para), para)
}

// docxOf is a .docx of n paragraphs of text.
func docxOf(n int, text string) []byte {
	return docxBody(n, "<w:p><w:r><w:t>"+text+"</w:t></w:r></w:p>")
}

// docxBody is a .docx whose body is n copies of para.
func docxBody(n int, para string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for range n {
		io.WriteString(w, para)
	}
	io.WriteString(w, `</w:body></w:document>`)
	zw.Close()
	return buf.Bytes()
}

func multipartFile(name string, data []byte) ([]byte, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	return buf.Bytes(), mw.FormDataContentType()
}

// checks runs the review's protocol findings against a server with keys
// on, one line each; it reports whether all held.
func checks(o options, w io.Writer, stderr io.Writer) bool {
	key := "attack-key-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	const origin = "https://office.example"
	srv, err := start(o.server, append(slices.Clone(o.env), "VANBAN_API_KEYS="+key, "VANBAN_CORS_ORIGINS="+origin), stderr)
	if err != nil {
		fmt.Fprintln(stderr, "vanban-attack:", err)
		return false
	}
	defer srv.stop()
	client := &http.Client{Timeout: 30 * time.Second}
	doc, err := sample(srv.base, "thua-thien-hue-2020-cong-van", key)
	if err != nil {
		fmt.Fprintln(stderr, "vanban-attack:", err)
		return false
	}
	do := func(method, path string, header map[string]string, body []byte) (*http.Response, []byte) {
		req, _ := http.NewRequest(method, srv.base+path, bytes.NewReader(body))
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			return &http.Response{StatusCode: 0, Header: http.Header{}}, nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
		return resp, b
	}
	bearer := map[string]string{"Authorization": "Bearer " + key, "Content-Type": "application/json"}
	all := true
	check := func(name string, ok bool, got string) {
		mark := "ok  "
		if !ok {
			mark, all = "FAIL", false
		}
		fmt.Fprintf(w, "  %s %-58s %s\n", mark, name, got)
	}
	fmt.Fprintln(w, "protocol checks (keys on):")
	resp, _ := do("GET", "/healthz", nil, nil)
	h := resp.Header
	check("security headers on every answer", strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") &&
		h.Get("X-Content-Type-Options") == "nosniff" && h.Get("X-Frame-Options") == "DENY" && h.Get("Referrer-Policy") != "",
		h.Get("X-Content-Type-Options")+" "+h.Get("X-Frame-Options")+" "+h.Get("Referrer-Policy"))
	resp, _ = do("HEAD", "/healthz", nil, nil)
	check("HEAD /healthz answers 200", resp.StatusCode == 200, resp.Status)
	resp, _ = do("GET", "/v1/nope", nil, nil)
	check("unknown /v1 path without a key: 401", resp.StatusCode == 401, resp.Status)
	resp, _ = do("GET", "/v1/validate", nil, nil)
	check("wrong method without a key: 401", resp.StatusCode == 401, resp.Status)
	resp, b := do("POST", "/v1/validate", map[string]string{"Authorization": "Bearer " + key, "Content-Type": "text/plain"}, doc)
	check("text/plain body: 415 in the JSON error shape", resp.StatusCode == 415 && bytes.Contains(b, []byte(`"code":"unsupported_media_type"`)), resp.Status)
	resp, _ = do("POST", "/v1/validate", bearer, append([]byte("\ufeff"), doc...))
	check("JSON body with a UTF-8 BOM accepted", resp.StatusCode == 200, resp.Status)
	resp, _ = do("GET", "/healthz", map[string]string{"Origin": origin}, nil)
	exp := resp.Header.Get("Access-Control-Expose-Headers")
	check("CORS exposes the custom headers", strings.Contains(exp, "X-Vanban-Signature-Area") && strings.Contains(exp, "X-Vanban-Ok"), exp)
	resp, b = do("GET", "/v1/"+strings.Repeat("a", 900<<10), bearer, nil)
	check("900 KB path: small JSON error", resp.StatusCode == 404 && len(b) < 4<<10, fmt.Sprintf("%s, %d bytes", resp.Status, len(b)))
	resp, b = do("POST", "/auth/login", map[string]string{"Content-Type": "application/json"}, []byte(`{"key":"`+key+`"}`))
	var sess struct{ CSRF string }
	_ = json.Unmarshal(b, &sess)
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "vanban_session" {
			cookie = c
		}
	}
	check("login: HttpOnly, SameSite=Strict session cookie", resp.StatusCode == 200 && cookie != nil && cookie.HttpOnly &&
		cookie.SameSite == http.SameSiteStrictMode && sess.CSRF != "", resp.Status)
	if cookie != nil {
		withCookie := map[string]string{"Cookie": "vanban_session=" + cookie.Value, "Content-Type": "application/json"}
		resp, _ = do("POST", "/v1/validate", withCookie, doc)
		check("session without the CSRF token: 403", resp.StatusCode == 403, resp.Status)
		withCookie["X-CSRF-Token"] = sess.CSRF
		resp, _ = do("POST", "/v1/validate", withCookie, doc)
		check("session with the CSRF token: 200", resp.StatusCode == 200, resp.Status)
	}
	fmt.Fprintln(w)
	return all
}
