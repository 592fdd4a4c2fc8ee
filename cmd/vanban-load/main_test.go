package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:8080", true}, {"localhost:8080", true}, {"[::1]:8080", true}, {"127.1.2.3:1", true},
		{"10.0.0.1:8080", false}, {"example.com:80", false}, {":8080", false}, {"127.0.0.1", false},
	}
	for _, tt := range tests {
		if err := checkLoopback(tt.addr); (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%v", tt.addr, err, tt.ok)
		}
	}
}

func TestPercentile(t *testing.T) {
	r := result{}
	for i := 1; i <= 100; i++ {
		r.latencies = append(r.latencies, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond, 0: time.Millisecond} {
		if got := r.percentile(p); got != want {
			t.Errorf("p%v = %s, want %s", p, got, want)
		}
	}
	if (result{}).percentile(50) != 0 {
		t.Error("empty percentile not 0")
	}
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args []string
		ok   bool
	}{
		{nil, true},
		{[]string{"--concurrency", "1,4"}, true},
		{[]string{"--concurrency", "0"}, false},
		{[]string{"--addr", "192.168.1.1:80"}, false},
		{[]string{"--requests", "0"}, false},
		{[]string{"stray"}, false},
	}
	for _, tt := range tests {
		if _, err := parseFlags(tt.args, io.Discard); (err == nil) != tt.ok {
			t.Errorf("parseFlags(%q) = %v, want ok=%v", tt.args, err, tt.ok)
		}
	}
}

// TestLoad runs the whole tool against a stand-in server: it must stop at
// the request count, count the failures and print every scenario.
func TestLoad(t *testing.T) {
	var renders atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/samples", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"samples":[{"name":"a"},{"name":"b"}]}`)
	})
	mux.HandleFunc("GET /v1/samples/{name}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"schema":"vanban/v1","name":"`+r.PathValue("name")+`"}`)
	})
	mux.HandleFunc("POST /v1/validate", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		// Sample b is valid only as a draft.
		valid := !bytes.Contains(body, []byte(`"b"`)) || r.URL.Query().Get("draft") == "true"
		if valid {
			io.WriteString(w, `{"valid":true}`)
		} else {
			io.WriteString(w, `{"valid":false}`)
		}
	})
	mux.HandleFunc("POST /v1/render/{format}", func(w http.ResponseWriter, r *http.Request) {
		if renders.Add(1)%50 == 0 && r.PathValue("format") == "docx" {
			http.Error(w, "busy", http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, "%PDF-")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	o, err := parseFlags([]string{"--addr", strings.TrimPrefix(srv.URL, "http://"), "--requests", "60", "--concurrency", "1,4", "--soak", "30"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = load(o, &out)
	if err == nil || !strings.Contains(err.Error(), "failed") {
		t.Errorf("load error = %v, want the 429s counted as failures", err)
	}
	for _, want := range []string{"| validate | 1 | 60 | 0 |", "| validate | 4 | 60 | 0 |", "| pdf | 4 | 60 | 0 |", "429", "soak: 30 PDF renders"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
