package httpapi

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// Sessions let a clerk use the editor when keys are on: the login form
// exchanges an API key, or an office user and password, for a session
// cookie. Systems keep sending "Authorization: Bearer <key>".
//
// The session cookie is HttpOnly (no script can read it) and
// SameSite=Strict (no other site's page sends it). Every request that
// changes something must also carry the session's CSRF token in the
// X-CSRF-Token header; the token is given by the login answer and by
// GET /auth/session, and is also set as a readable cookie (double submit),
// which another origin can neither read nor set.
const (
	sessionCookie = "vanban_session"
	csrfCookie    = "vanban_csrf"
	csrfHeader    = "X-CSRF-Token"
	// maxSessions bounds the store: a flood of logins must not grow
	// memory; past it the oldest session is dropped.
	maxSessions = 10000
	// maxLoginBody bounds the login form's body.
	maxLoginBody = 4 << 10
	// loginFailuresPerSecond caps wrong passwords tried per second over
	// the whole service, so a password cannot be guessed at line speed.
	loginFailuresPerSecond = 5
)

type session struct {
	csrf    string
	who     string
	expires time.Time
}

// sessionStore holds live sessions by the SHA-256 of their token, so the
// tokens themselves are never kept.
type sessionStore struct {
	mu       sync.Mutex
	ttl      time.Duration
	m        map[[32]byte]*session
	order    [][32]byte // creation order, for eviction
	failWin  time.Time
	failures int
}

func newSessionStore(ttl time.Duration) *sessionStore {
	return &sessionStore{ttl: ttl, m: map[[32]byte]*session{}}
}

func randomToken() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func (st *sessionStore) create(who string, now time.Time) (token string, s *session) {
	token = randomToken()
	s = &session{csrf: randomToken(), who: who, expires: now.Add(st.ttl)}
	st.mu.Lock()
	defer st.mu.Unlock()
	for len(st.m) >= maxSessions && len(st.order) > 0 {
		delete(st.m, st.order[0])
		st.order = st.order[1:]
	}
	k := sha256.Sum256([]byte(token))
	st.m[k] = s
	st.order = append(st.order, k)
	return token, s
}

func (st *sessionStore) get(token string, now time.Time) *session {
	if token == "" {
		return nil
	}
	k := sha256.Sum256([]byte(token))
	st.mu.Lock()
	defer st.mu.Unlock()
	s := st.m[k]
	if s == nil {
		return nil
	}
	if now.After(s.expires) {
		delete(st.m, k)
		return nil
	}
	return s
}

func (st *sessionStore) remove(token string) {
	k := sha256.Sum256([]byte(token))
	st.mu.Lock()
	defer st.mu.Unlock()
	delete(st.m, k)
}

// failed counts a wrong login and reports whether the service-wide rate
// of them is over the cap.
func (st *sessionStore) failed(now time.Time) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if now.Sub(st.failWin) >= time.Second {
		st.failWin, st.failures = now, 0
	}
	st.failures++
	return st.failures > loginFailuresPerSecond
}

func (st *sessionStore) throttled(now time.Time) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return now.Sub(st.failWin) < time.Second && st.failures >= loginFailuresPerSecond
}

// authRequired: keys or office users are configured.
func (s *Server) authRequired() bool { return len(s.cfg.APIKeys) > 0 || len(s.cfg.Users) > 0 }

// errUnauthorized is the one 401; it says how to sign in both ways.
func errUnauthorized() *Error {
	return &Error{Status: http.StatusUnauthorized, Code: CodeUnauthorized,
		VI: "Chưa đăng nhập: hãy đăng nhập trong trình soạn thảo, hoặc gửi khóa API (tiêu đề Authorization: Bearer <khóa>).",
		EN: "not signed in: sign in through the editor, or send an API key (Authorization: Bearer <key>)"}
}

// authorize accepts a valid bearer key, or a live session cookie with its
// CSRF token on every request that is not a read.
func (s *Server) authorize(c *gin.Context) error {
	if !s.authRequired() {
		return nil
	}
	if h := c.GetHeader("Authorization"); h != "" {
		token, ok := bearer(h)
		if ok && s.validKey(token) {
			return nil
		}
		return errUnauthorized()
	}
	ck, err := c.Request.Cookie(sessionCookie)
	if err != nil {
		return errUnauthorized()
	}
	sess := s.sessions.get(ck.Value, time.Now())
	if sess == nil {
		return errUnauthorized()
	}
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return nil
	}
	if got := c.GetHeader(csrfHeader); got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(sess.csrf)) != 1 {
		return &Error{Status: http.StatusForbidden, Code: CodeCSRF,
			VI: "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang và đăng nhập lại.",
			EN: "missing or wrong CSRF token (X-CSRF-Token); reload the page and sign in again"}
	}
	return nil
}

// validKey compares the token with every key as SHA-256 digests in
// constant time, so neither the timing nor the position of a match leaks.
func (s *Server) validKey(token string) bool {
	got := sha256.Sum256([]byte(strings.TrimSpace(token)))
	match := 0
	for _, k := range s.cfg.APIKeys {
		want := sha256.Sum256([]byte(k))
		match |= subtle.ConstantTimeCompare(got[:], want[:])
	}
	return match == 1
}

// validUser checks an office user and password the same way: every user
// is compared, in constant time.
func (s *Server) validUser(user, password string) bool {
	gu, gp := sha256.Sum256([]byte(user)), sha256.Sum256([]byte(password))
	match := 0
	for name, pass := range s.cfg.Users {
		wu, wp := sha256.Sum256([]byte(name)), sha256.Sum256([]byte(pass))
		match |= subtle.ConstantTimeCompare(gu[:], wu[:]) & subtle.ConstantTimeCompare(gp[:], wp[:])
	}
	return match == 1
}

// loginRequest is the body of POST /auth/login: a key, or a user and a
// password.
type loginRequest struct {
	Key      string `json:"key"`
	User     string `json:"user"`
	Password string `json:"password"`
}

// SessionResponse answers GET /auth/session and POST /auth/login.
type SessionResponse struct {
	// Required: the API asks for a key or a session.
	Required bool `json:"required"`
	// SignedIn: this request carries a live session (or a valid key).
	SignedIn bool `json:"signed_in"`
	// CSRF is the token to send as X-CSRF-Token with every POST.
	CSRF string `json:"csrf,omitempty"`
	// Users: the office users sign-in is offered.
	Users bool `json:"users"`
	// User and Role: who is signed in and their role on the drafting
	// desk (clerk, reviewer, lead), so the editor offers only what the
	// API will accept.
	User string `json:"user,omitempty"`
	Role Role   `json:"role,omitempty"`
	// May lists what the role may do: edit, submit, decide, comment,
	// resolve (roles.go).
	May []string `json:"may,omitempty"`
}

func (s *Server) sessionInfo(c *gin.Context) error {
	out := SessionResponse{Required: s.authRequired(), Users: len(s.cfg.Users) > 0}
	if !out.Required {
		out.SignedIn = true
	} else if ck, err := c.Request.Cookie(sessionCookie); err == nil {
		if sess := s.sessions.get(ck.Value, time.Now()); sess != nil {
			out.SignedIn, out.CSRF = true, sess.csrf
		}
	}
	if out.SignedIn {
		who := s.callerOf(c)
		out.User, out.Role, out.May = who.who, who.role, mayDo(who.role)
	}
	c.Header("Cache-Control", "no-store")
	writeJSON(c, http.StatusOK, out)
	return nil
}

func (s *Server) login(c *gin.Context) error {
	if err := jsonBody(c); err != nil {
		return err
	}
	if !s.authRequired() {
		writeJSON(c, http.StatusOK, SessionResponse{SignedIn: true})
		return nil
	}
	now := time.Now()
	if s.sessions.throttled(now) {
		return &Error{Status: http.StatusTooManyRequests, Code: CodeBusy, RetryAfter: 1,
			VI: "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau giây lát.",
			EN: "too many failed sign-ins; retry in a moment"}
	}
	data, err := s.readLimited(c, maxLoginBody)
	if err != nil {
		return err
	}
	var req loginRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return badRequest("Dữ liệu đăng nhập phải là JSON {\"key\"} hoặc {\"user\", \"password\"}.",
			`the sign-in body must be JSON {"key"} or {"user", "password"}`)
	}
	who := ""
	switch {
	case req.Key != "" && s.validKey(req.Key):
		who = "key"
	case req.User != "" && len(s.cfg.Users) > 0 && s.validUser(req.User, req.Password):
		who = "user:" + req.User
	}
	if who == "" {
		s.sessions.failed(now)
		return &Error{Status: http.StatusUnauthorized, Code: CodeUnauthorized,
			VI: "Sai khóa, tên đăng nhập hoặc mật khẩu.", EN: "wrong key, user name or password"}
	}
	token, sess := s.sessions.create(who, now)
	secure := c.Request.TLS != nil
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: secure, SameSite: http.SameSiteStrictMode, MaxAge: int(s.cfg.SessionTTL.Seconds())})
	http.SetCookie(c.Writer, &http.Cookie{Name: csrfCookie, Value: sess.csrf, Path: "/",
		Secure: secure, SameSite: http.SameSiteStrictMode, MaxAge: int(s.cfg.SessionTTL.Seconds())})
	c.Header("Cache-Control", "no-store")
	me := s.identify(who)
	writeJSON(c, http.StatusOK, SessionResponse{Required: true, SignedIn: true, CSRF: sess.csrf, Users: len(s.cfg.Users) > 0,
		User: me.who, Role: me.role, May: mayDo(me.role)})
	return nil
}

// logout ends the session; it needs the CSRF token like any change, so
// another site cannot sign a clerk out.
func (s *Server) logout(c *gin.Context) error {
	if err := s.authorize(c); err != nil {
		return err
	}
	if ck, err := c.Request.Cookie(sessionCookie); err == nil {
		s.sessions.remove(ck.Value)
	}
	for _, name := range []string{sessionCookie, csrfCookie} {
		http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1,
			HttpOnly: name == sessionCookie, SameSite: http.SameSiteStrictMode})
	}
	writeJSON(c, http.StatusOK, SessionResponse{Required: s.authRequired()})
	return nil
}
