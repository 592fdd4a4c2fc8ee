package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	addr        string
	server      string
	pid         int
	sample      string
	requests    int
	duration    time.Duration
	concurrency []int
	soak        int
	soakConc    int
	soakLimit   time.Duration
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "vanban-load:", err)
		return 2
	}
	if o.server != "" {
		stop, err := startServer(&o, stderr)
		if err != nil {
			fmt.Fprintln(stderr, "vanban-load:", err)
			return 1
		}
		defer stop()
	}
	if err := load(o, stdout); err != nil {
		fmt.Fprintln(stderr, "vanban-load:", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("vanban-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "server address; loopback only")
	fs.StringVar(&o.server, "server", "", "vanban binary to start on a free loopback port (and stop at the end); overrides --addr and --pid")
	fs.IntVar(&o.pid, "pid", 0, "server process id, to read its RSS from /proc (0: do not report RSS)")
	fs.StringVar(&o.sample, "sample", "", "sample to post (name from /v1/samples); default: every sample in turn")
	fs.IntVar(&o.requests, "requests", 2000, "requests per scenario (at most)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "time per scenario (at most)")
	conc := fs.String("concurrency", "1,8,32", "comma-separated concurrencies")
	fs.IntVar(&o.soak, "soak", 10000, "PDF renders between the two RSS readings (0 to skip)")
	fs.IntVar(&o.soakConc, "soak-concurrency", 8, "concurrency of the soak")
	fs.DurationVar(&o.soakLimit, "soak-duration", 3*time.Minute, "time limit of the soak")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	for _, p := range strings.Split(*conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 || n > 1024 {
			return o, fmt.Errorf("--concurrency: %q: want integers from 1 to 1024", p)
		}
		o.concurrency = append(o.concurrency, n)
	}
	if o.requests < 1 || o.duration <= 0 || o.soak < 0 || o.soakConc < 1 || o.soakLimit <= 0 {
		return o, errors.New("--requests, --duration, --soak-concurrency and --soak-duration must be positive")
	}
	if o.server == "" {
		if err := checkLoopback(o.addr); err != nil {
			return o, err
		}
	}
	return o, nil
}

// checkLoopback refuses any address but this machine's, so the tool can
// never be pointed at somebody else's server.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--addr %q: only loopback addresses (127.0.0.1, ::1, localhost) are allowed", addr)
	}
	return nil
}

// startServer runs `BINARY serve` on a free loopback port and returns a
// function that stops it with SIGTERM.
func startServer(o *options, stderr io.Writer) (func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("free port: %w", err)
	}
	o.addr = ln.Addr().String()
	ln.Close()
	cmd := exec.Command(o.server, "serve", "--addr", o.addr)
	cmd.Env = append(os.Environ(), "VANBAN_LOG_LEVEL=error")
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", o.server, err)
	}
	o.pid = cmd.Process.Pid
	stop := func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + o.addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return stop, nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	return nil, errors.New("server not ready after 10 s")
}

// request is one prepared call: the same bytes are posted every time.
type request struct {
	path string
	body []byte
}

func load(o options, out io.Writer) error {
	base := "http://" + o.addr
	client := &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        1024,
			MaxIdleConnsPerHost: 1024,
			IdleConnTimeout:     time.Minute,
		},
	}
	docs, err := fetchSamples(client, base, o.sample)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "vanban-load: %s, %d sample(s), at most %d requests or %s per scenario\n\n", base, len(docs), o.requests, o.duration)
	if o.pid > 0 {
		fmt.Fprintf(out, "server RSS at start: %s\n\n", rss(o.pid))
	}
	fmt.Fprintf(out, "| scenario | concurrency | requests | errors | req/s | p50 | p99 | max |\n")
	fmt.Fprintf(out, "|---|---:|---:|---:|---:|---:|---:|---:|\n")
	failed := 0
	var notes []string
	for _, sc := range []struct{ name, path string }{
		{"validate", "/v1/validate"}, {"docx", "/v1/render/docx"}, {"pdf", "/v1/render/pdf"},
	} {
		reqs := make([]request, len(docs))
		for i, d := range docs {
			reqs[i] = request{path: sc.path + d.query, body: d.body}
		}
		for _, c := range o.concurrency {
			r := hammer(client, base, reqs, c, o.requests, o.duration)
			failed += r.errors
			fmt.Fprintf(out, "| %s | %d | %d | %d | %.0f | %s | %s | %s |\n",
				sc.name, c, r.count, r.errors, r.rate(), ms(r.percentile(50)), ms(r.percentile(99)), ms(r.percentile(100)))
			if r.firstErr != "" {
				notes = append(notes, fmt.Sprintf("%s at %d: first error: %s", sc.name, c, r.firstErr))
			}
		}
	}
	for _, n := range notes {
		fmt.Fprintln(out, n)
	}
	if o.soak > 0 {
		reqs := make([]request, len(docs))
		for i, d := range docs {
			reqs[i] = request{path: "/v1/render/pdf" + d.query, body: d.body}
		}
		before := "n/a (no --pid)"
		if o.pid > 0 {
			before = rss(o.pid)
		}
		r := hammer(client, base, reqs, o.soakConc, o.soak, o.soakLimit)
		failed += r.errors
		after := "n/a"
		if o.pid > 0 {
			after = rss(o.pid)
		}
		fmt.Fprintf(out, "\nsoak: %d PDF renders at concurrency %d in %.1f s (%.0f/s, p99 %s, %d errors)\n",
			r.count, o.soakConc, r.elapsed.Seconds(), r.rate(), ms(r.percentile(99)), r.errors)
		if r.firstErr != "" {
			fmt.Fprintf(out, "soak: first error: %s\n", r.firstErr)
		}
		fmt.Fprintf(out, "server RSS before soak: %s; after: %s\n", before, after)
	}
	if failed > 0 {
		return fmt.Errorf("%d request(s) failed", failed)
	}
	return nil
}

type sampleDoc struct {
	body  []byte
	query string // "?draft=true" for a sample that is only valid as a draft
}

// fetchSamples downloads the samples from the server itself and checks
// each validates, so the load measures renders, not 422s.
func fetchSamples(client *http.Client, base, only string) ([]sampleDoc, error) {
	var list struct {
		Samples []struct {
			Name string `json:"name"`
		} `json:"samples"`
	}
	if err := getJSON(client, base+"/v1/samples", &list); err != nil {
		return nil, err
	}
	var docs []sampleDoc
	for _, s := range list.Samples {
		if only != "" && s.Name != only {
			continue
		}
		resp, err := client.Get(base + "/v1/samples/" + s.Name)
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", s.Name, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", s.Name, err)
		}
		d := sampleDoc{body: body}
		for _, q := range []string{"", "?draft=true"} {
			var v struct {
				Valid bool `json:"valid"`
			}
			if err := postJSON(client, base+"/v1/validate"+q, body, &v); err != nil {
				return nil, fmt.Errorf("sample %s: %w", s.Name, err)
			}
			if v.Valid {
				d.query = q
				docs = append(docs, d)
				break
			}
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no valid sample %q on the server", only)
	}
	return docs, nil
}

func getJSON(client *http.Client, url string, v any) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func postJSON(client *http.Client, url string, body []byte, v any) error {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		return fmt.Errorf("POST %s: %s: %s", url, resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

type result struct {
	count, errors int
	firstErr      string
	elapsed       time.Duration
	latencies     []time.Duration
}

func (r result) rate() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.count) / r.elapsed.Seconds()
}

// percentile uses the nearest-rank method on the sorted latencies.
func (r result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(p/100*float64(len(r.latencies))+0.5) - 1
	return r.latencies[min(max(i, 0), len(r.latencies)-1)]
}

// hammer sends up to n requests from c workers, cycling through reqs,
// and stops early when limit has passed.
func hammer(client *http.Client, base string, reqs []request, c, n int, limit time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var (
		next     atomic.Int64
		mu       sync.Mutex
		res      result
		wg       sync.WaitGroup
		firstErr sync.Once
	)
	lat := make([][]time.Duration, c)
	start := time.Now()
	for w := range c {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				rq := reqs[int(i)%len(reqs)]
				t0 := time.Now()
				err := post(ctx, client, base+rq.path, rq.body)
				if ctx.Err() != nil {
					return // cut off by the time limit: not a server error
				}
				lat[w] = append(lat[w], time.Since(t0))
				if err != nil {
					mu.Lock()
					res.errors++
					mu.Unlock()
					firstErr.Do(func() { res.firstErr = err.Error() })
				}
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	for _, l := range lat {
		res.latencies = append(res.latencies, l...)
	}
	res.count = len(res.latencies)
	slices.Sort(res.latencies)
	return res
}

func post(ctx context.Context, client *http.Client, url string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// Read the whole answer: the latency includes receiving the file.
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	return nil
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) + " ms"
}

// rss reads VmRSS from /proc/PID/status.
func rss(pid int) string {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "n/a (" + err.Error() + ")"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			fields := strings.Fields(v)
			if kb, err := strconv.Atoi(fields[0]); err == nil {
				return fmt.Sprintf("%.1f MiB", float64(kb)/1024)
			}
		}
	}
	return "n/a"
}
