package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestSession: the editor's sign-in exchanges a key or an office user's
// password for an HttpOnly, SameSite=Strict cookie; a change made with the
// cookie needs the CSRF token; nothing secret reaches the log.
func TestSession(t *testing.T) {
	const (
		key  = "key-0123456789abcdef"
		pass = "correct-horse-battery"
	)
	log, logs := logBuffer()
	s := newTestServer(t, func(o *Options) {
		o.Config.APIKeys = []string{key}
		o.Config.Users = map[string]string{"vanthu": pass}
		o.Logger = log
	})
	h := s.Handler()
	login := func(body string) (*http.Cookie, string, int) {
		rec := do(h, "POST", "/auth/login", body, map[string]string{"Content-Type": "application/json"})
		var sess *http.Cookie
		for _, c := range rec.Result().Cookies() {
			if c.Name == sessionCookie {
				sess = c
			}
		}
		var out SessionResponse
		_ = json.Unmarshal(rec.Body.Bytes(), &out)
		return sess, out.CSRF, rec.Code
	}
	for _, tt := range []struct {
		name, body string
		status     int
	}{
		{"wrong key", `{"key":"nope-0123456789abcdef"}`, 401},
		{"wrong password", `{"user":"vanthu","password":"nope"}`, 401},
		{"unknown user", `{"user":"x","password":"` + pass + `"}`, 401},
		{"not json", `key=` + key, 400},
	} {
		if _, _, code := login(tt.body); code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, code, tt.status)
		}
	}
	if rec := do(h, "POST", "/auth/login", `{"key":"`+key+`"}`, map[string]string{"Content-Type": "text/plain"}); rec.Code != 415 {
		t.Errorf("text/plain login: %d", rec.Code)
	}

	for _, body := range []string{`{"key":"` + key + `"}`, `{"user":"vanthu","password":"` + pass + `"}`} {
		ck, csrf, code := login(body)
		if code != 200 || ck == nil || csrf == "" {
			t.Fatalf("login %s: status %d, cookie %v, csrf %q", body, code, ck, csrf)
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/" {
			t.Errorf("cookie %+v: want HttpOnly, SameSite=Strict, Path=/", ck)
		}
		cookie := sessionCookie + "=" + ck.Value
		tests := []struct {
			name   string
			header map[string]string
			method string
			target string
			status int
		}{
			{"read with cookie", map[string]string{"Cookie": cookie}, "GET", "/v1/document-types", 200},
			{"post without token", map[string]string{"Cookie": cookie}, "POST", "/v1/validate", 403},
			{"post with wrong token", map[string]string{"Cookie": cookie, csrfHeader: "x" + csrf}, "POST", "/v1/validate", 403},
			{"post with token", map[string]string{"Cookie": cookie, csrfHeader: csrf}, "POST", "/v1/validate", 200},
			{"token without cookie", map[string]string{csrfHeader: csrf}, "POST", "/v1/validate", 401},
			{"forged cookie", map[string]string{"Cookie": sessionCookie + "=forged", csrfHeader: csrf}, "POST", "/v1/validate", 401},
			{"bearer still works", map[string]string{"Authorization": "Bearer " + key}, "POST", "/v1/validate", 200},
		}
		for _, tt := range tests {
			rec := do(h, tt.method, tt.target, validDoc, tt.header)
			if rec.Code != tt.status {
				t.Errorf("%s: status %d, want %d: %s", tt.name, rec.Code, tt.status, rec.Body)
			}
		}
		rec := do(h, "GET", "/auth/session", "", map[string]string{"Cookie": cookie})
		var info SessionResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &info); err != nil || !info.SignedIn || !info.Required || info.CSRF != csrf || !info.Users {
			t.Errorf("session info %s", rec.Body)
		}
		if rec := do(h, "POST", "/auth/logout", "", map[string]string{"Cookie": cookie}); rec.Code != 403 {
			t.Errorf("logout without token: %d", rec.Code)
		}
		if rec := do(h, "POST", "/auth/logout", "", map[string]string{"Cookie": cookie, csrfHeader: csrf}); rec.Code != 200 {
			t.Errorf("logout: %d", rec.Code)
		}
		if rec := do(h, "GET", "/v1/document-types", "", map[string]string{"Cookie": cookie}); rec.Code != 401 {
			t.Errorf("after logout: %d", rec.Code)
		}
		if strings.Contains(logs.String(), ck.Value) || strings.Contains(logs.String(), csrf) {
			t.Error("a session token reached the log")
		}
	}
	if l := logs.String(); strings.Contains(l, key) || strings.Contains(l, pass) {
		t.Error("a key or a password reached the log")
	}
}

// TestLoginThrottled: wrong passwords past the rate answer 429.
func TestLoginThrottled(t *testing.T) {
	s := newTestServer(t, func(o *Options) { o.Config.Users = map[string]string{"vanthu": "correct-horse-battery"} })
	codes := map[int]int{}
	for range loginFailuresPerSecond + 3 {
		codes[do(s.Handler(), "POST", "/auth/login", `{"user":"vanthu","password":"guess"}`, nil).Code]++
	}
	if codes[401] != loginFailuresPerSecond || codes[429] != 3 {
		t.Errorf("codes = %v", codes)
	}
}
