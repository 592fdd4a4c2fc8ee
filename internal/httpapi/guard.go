package httpapi

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/document"
)

// contentSecurityPolicy is sent on every response. The editor loads only
// its own modules and styles, talks only to this origin and shows the PDF
// preview from a blob: URL; nothing may frame any page of the service.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"frame-src 'self' blob:; object-src blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the browser policies on every response, errors and
// the editor's files included, before any handler can write.
func (s *Server) securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	c.Next()
}

// isAPIPath reports whether p is under /v1, where a key is required.
func isAPIPath(p string) bool { return p == "/v1" || strings.HasPrefix(p, "/v1/") }

// gate checks the key of every /v1 request before the router looks at the
// path or the method, so that without a key an unknown path, a wrong
// method and a real route all answer the same 401 and reveal nothing.
func (s *Server) gate(c *gin.Context) {
	// An allowed browser's preflight was answered by cors already; any
	// other OPTIONS needs a key like the rest.
	if !isAPIPath(c.Request.URL.Path) {
		c.Next()
		return
	}
	if err := s.authorize(c); err != nil {
		s.writeError(c, err)
		return
	}
	c.Next()
}

// jsonBody refuses a body that says it is not JSON (415): a browser may
// send text/plain across origins without a preflight, and a client that
// sends a form by mistake deserves to be told. A missing Content-Type is
// taken as JSON, for scripts that post a file as is.
func jsonBody(c *gin.Context) error {
	ct := c.GetHeader("Content-Type")
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && (mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
		return nil
	}
	return &Error{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedMedia,
		VI: "Dữ liệu gửi lên phải là JSON (Content-Type: application/json).",
		EN: "the request body must be JSON (Content-Type: application/json)"}
}

// utf8BOM is what some Windows editors put before a JSON file; RFC 8259
// lets a parser ignore it, and a clerk's saved file should not be refused
// for it.
var utf8BOM = []byte("\xef\xbb\xbf")

func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, utf8BOM) }

// Bounds of what an error answer or a log line repeats from the request:
// a message or a path may quote the client's input, which must not make
// an answer or a log line arbitrarily large.
const (
	maxMessageBytes  = 1024
	maxLogPathBytes  = 256
	maxErrorFindings = 1000
)

// clip cuts s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// bounded returns e with every client-derived string clipped and at most
// maxErrorFindings findings (the count of the rest is said in the message).
func bounded(e *Error) *Error {
	e.VI, e.EN = clip(e.VI, maxMessageBytes), clip(e.EN, maxMessageBytes)
	if n := len(e.Findings); n > maxErrorFindings {
		e.Findings = e.Findings[:maxErrorFindings:maxErrorFindings]
		e.VI += " (chỉ liệt kê " + strconv.Itoa(maxErrorFindings) + " trong " + strconv.Itoa(n) + " chỗ)"
		e.EN += " (only " + strconv.Itoa(maxErrorFindings) + " of " + strconv.Itoa(n) + " findings listed)"
	}
	if len(e.Findings) > 0 {
		fs := make(document.Findings, len(e.Findings))
		for i, f := range e.Findings {
			f.Path = clip(f.Path, maxMessageBytes)
			f.VI, f.EN = clip(f.VI, maxMessageBytes), clip(f.EN, maxMessageBytes)
			fs[i] = f
		}
		e.Findings = fs
	}
	return e
}
