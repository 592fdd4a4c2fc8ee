package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

type ctxKey int

const requestIDKey ctxKey = iota

// maxRequestIDLen bounds an accepted X-Request-ID, so a client cannot make
// every log line arbitrarily long.
const maxRequestIDLen = 64

// requestID accepts the caller's X-Request-ID when it is printable and
// short (keeping only [A-Za-z0-9._:-]), generates one otherwise, and echoes
// it. It travels in the request context: it is request data, not a
// dependency.
func (s *Server) requestID(c *gin.Context) {
	id := sanitizeRequestID(c.GetHeader("X-Request-ID"))
	if id == "" {
		id = newRequestID()
	}
	c.Header("X-Request-ID", id)
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), requestIDKey, id))
	c.Next()
}

func sanitizeRequestID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= maxRequestIDLen {
			break
		}
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._:-", r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

func requestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// routeLabel is the route pattern for logs and metrics; unmatched paths
// share one label so that scanners cannot blow up the metric cardinality.
func routeLabel(c *gin.Context) string {
	if p := c.FullPath(); p != "" {
		return p
	}
	return "unmatched"
}

// observe writes the request log line and the request metrics once the
// handlers are done, also when a handler ends a streamed answer by
// panicking with http.ErrAbortHandler (recoverPanic lets only that one
// through).
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	w := &sentWriter{ResponseWriter: c.Writer}
	c.Writer = w
	defer func() {
		v := recover()
		s.logRequest(c, w, time.Since(start), v != nil)
		if v != nil {
			panic(v)
		}
	}()
	c.Next()
}

// sentWriter remembers whether writing the answer failed: the client had
// gone, and never received the status the handler chose.
type sentWriter struct {
	gin.ResponseWriter
	failed bool
}

// Unwrap lets http.ResponseController reach the connection (the batch
// sets its own write deadline through it).
func (w *sentWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *sentWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	if err != nil {
		w.failed = true
	}
	return n, err
}

func (w *sentWriter) WriteString(s string) (int, error) {
	n, err := w.ResponseWriter.WriteString(s)
	if err != nil {
		w.failed = true
	}
	return n, err
}

// logRequest logs what the client received. A client that went away
// before the answer (its connection closed, so the request context was
// cancelled, or a write failed) is logged as 499 with client_gone, and the
// status the handler chose as status_chosen: a 200 nobody received must
// not read as served.
func (s *Server) logRequest(c *gin.Context, w *sentWriter, d time.Duration, aborted bool) {
	status := c.Writer.Status()
	chosen := status
	gone := w.failed || errors.Is(c.Request.Context().Err(), context.Canceled)
	if gone {
		status = statusClientClosed
	}
	route := routeLabel(c)
	s.metrics.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(status)).Inc()
	s.metrics.latency.WithLabelValues(route, c.Request.Method).Observe(d.Seconds())
	level := slog.LevelInfo
	switch {
	case status >= 500:
		level = slog.LevelError
	case status >= 400:
		level = slog.LevelWarn
	}
	attrs := []slog.Attr{
		slog.String("method", c.Request.Method),
		slog.String("route", route),
		slog.String("path", clip(c.Request.URL.Path, maxLogPathBytes)),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(d.Microseconds())/1000),
		slog.String("request_id", requestIDFrom(c.Request.Context())),
		slog.Int64("bytes_in", max(c.Request.ContentLength, 0)),
		slog.Int("bytes_out", max(c.Writer.Size(), 0)),
		slog.String("remote", c.ClientIP()),
	}
	if gone {
		attrs = append(attrs, slog.Bool("client_gone", true), slog.Int("status_chosen", chosen))
		level = max(level, slog.LevelWarn)
	}
	if aborted {
		// The status was sent before the answer broke off.
		attrs = append(attrs, slog.Bool("aborted", true))
		level = max(level, slog.LevelWarn)
	}
	s.log.LogAttrs(c.Request.Context(), level, "request", attrs...)
}

// recoverPanic turns a panic into the JSON 500 with the request id; the
// stack goes to the log, never to the client.
func (s *Server) recoverPanic(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v) // net/http's own signal to drop the connection
		}
		s.log.LogAttrs(c.Request.Context(), slog.LevelError, "panic",
			slog.String("request_id", requestIDFrom(c.Request.Context())),
			slog.String("panic", fmt.Sprint(v)),
			slog.String("stack", string(debug.Stack())))
		s.writeError(c, fmt.Errorf("panic: %v", v))
	}()
	c.Next()
}

// exposedHeaders are the response headers a script of another origin may
// read: every custom header of the API, the batch's trailers included.
var exposedHeaders = strings.Join(append([]string{"Content-Disposition", "X-Request-ID", "Retry-After",
	"ETag", "Location", "X-Vanban-Warnings", "X-Vanban-Pages", "X-Vanban-Signature-Area", "X-Vanban-Notes"}, batchTrailers...), ", ")

// cors answers browsers from the configured origins. A preflight never
// reaches a handler: it is answered here with 204.
func (s *Server) cors(c *gin.Context) {
	origin := c.GetHeader("Origin")
	if origin == "" || len(s.cfg.CORSOrigins) == 0 {
		c.Next()
		return
	}
	h := c.Writer.Header()
	h.Add("Vary", "Origin")
	allowed := slices.Contains(s.cfg.CORSOrigins, "*") || slices.Contains(s.cfg.CORSOrigins, origin)
	if !allowed {
		c.Next()
		return
	}
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Expose-Headers", exposedHeaders)
	if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-ID, If-Match, If-None-Match, "+csrfHeader)
		h.Set("Access-Control-Max-Age", "600")
		c.AbortWithStatus(http.StatusNoContent)
		return
	}
	c.Next()
}

// bearer returns the token of an "Authorization: Bearer <token>" header.
// The scheme name is case-insensitive (RFC 9110 §11.1), so "bearer" works
// too.
func bearer(h string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}
