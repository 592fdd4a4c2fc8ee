package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/klauspost/compress/gzhttp"
)

// Responses are compressed and cacheable.
//
// Compression is gzhttp's (github.com/klauspost/compress): it negotiates
// Accept-Encoding with its q-values, sets Vary, skips small bodies, keeps
// streaming answers flushing, and decides by the response's Content-Type.
// Only the types below are compressed, so a PDF, a DOCX or a zip (already
// deflated inside) is never compressed twice, whatever route sends it.
var compressible = []string{
	"application/json", "application/schema+json", "application/problem+json",
	"text/html", "text/css", "text/javascript", "application/javascript", "text/plain", "image/svg+xml",
}

// withCompression wraps the router in the gzip handler.
func withCompression(h http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.ContentTypes(compressible))
	if err != nil {
		// The options are constants; an error is a build defect that
		// every test of the package would show.
		panic("httpapi: gzip: " + err.Error())
	}
	return wrap(h)
}

// Static answers (the editor's files, /openapi.json, the schema and the
// samples) carry an ETag, the hash of their bytes, and "Cache-Control:
// no-cache": a browser keeps them and asks each time whether they
// changed, which a 304 answers without the body. The editor's file names
// carry no hash, so validating is what keeps a new release from being
// served stale. The tags are weak (W/): the same file is sent gzipped or
// not, byte-different but the same content.

// staticCache is how the static answers are told to be cached.
const staticCache = "no-cache"

// contentTag is the weak entity tag of data.
func contentTag(data []byte) string {
	sum := sha256.Sum256(data)
	return `W/"` + hex.EncodeToString(sum[:12]) + `"`
}

// fileTags hashes every file of fsys once, at start-up: the files are
// embedded and never change while the server runs.
func fileTags(fsys fs.FS) (map[string]string, error) {
	tags := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		tags[p] = contentTag(data)
		return nil
	})
	return tags, err
}

// notModified reports whether the request's If-None-Match names tag
// (weak comparison, RFC 9110 §13.1.2).
func notModified(r *http.Request, tag string) bool {
	inm := r.Header.Get("If-None-Match")
	if inm == "" {
		return false
	}
	want := strings.TrimPrefix(tag, "W/")
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// serveStatic answers with data that changes only with the binary: its
// tag, revalidation, and 304 when the client has it already.
func serveStatic(c *gin.Context, contentType string, data []byte, tag string) {
	c.Header("ETag", tag)
	c.Header("Cache-Control", staticCache)
	if notModified(c.Request, tag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, contentType, data)
}
