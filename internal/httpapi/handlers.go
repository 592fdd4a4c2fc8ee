package httpapi

import (
	"archive/zip"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/forms"
	"github.com/vanban/vanban/internal/render"
)

//go:embed openapi.json
var openAPIDoc []byte

func writeJSON(c *gin.Context, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Vietnamese text and "<" in messages stay readable in the body.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only a programming error can get here (every value is plain
		// data); answer 500 without going through writeError again.
		c.Data(http.StatusInternalServerError, "application/json; charset=utf-8",
			[]byte(`{"error":{"code":"internal","message_vi":"Lỗi nội bộ.","message_en":"internal error","request_id":"","findings":[]}}`))
		return
	}
	c.Data(status, "application/json; charset=utf-8", buf.Bytes())
}

func (s *Server) healthz(c *gin.Context) error {
	writeJSON(c, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *Server) readyz(c *gin.Context) error {
	if !s.ready.Load() {
		writeJSON(c, http.StatusServiceUnavailable, map[string]string{"status": "shutting down"})
		return nil
	}
	writeJSON(c, http.StatusOK, map[string]string{"status": "ready"})
	return nil
}

func (s *Server) openAPI(c *gin.Context) error {
	serveStatic(c, "application/json; charset=utf-8", openAPISpec, s.specTag)
	return nil
}

func (s *Server) getSchema(c *gin.Context) error {
	if len(s.schema) == 0 {
		return notFound("Máy chủ này không có JSON Schema.", "no JSON Schema is configured on this server")
	}
	serveStatic(c, "application/schema+json", s.schema, s.schemaTag)
	return nil
}

// documentTypes answers the type table, each type with its form: the
// parts the editor offers and what the form calls them (package forms).
func (s *Server) documentTypes(c *gin.Context) error {
	writeJSON(c, http.StatusOK, map[string]any{"types": forms.Types(s.types)})
	return nil
}

// blankDocument answers a new draft of one type, laid out as its form
// (forms.Blank), dated this year.
func (s *Server) blankDocument(c *gin.Context) error {
	code := c.Param("code")
	for _, t := range s.types {
		if t.Code == code {
			writeJSON(c, http.StatusOK, forms.Blank(t, time.Now().Year()))
			return nil
		}
	}
	return notFound("Không có loại văn bản \""+code+"\"; xem /v1/document-types.",
		"no document type \""+code+"\"; see /v1/document-types")
}

func (s *Server) noRoute(c *gin.Context) error {
	p := c.Request.URL.Path
	if s.editor != nil && (c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead) &&
		!isAPIPath(p) && s.editorHas(p) {
		// http.ServeContent answers If-None-Match from this ETag.
		c.Header("ETag", s.editorTags[editorName(p)])
		c.Header("Cache-Control", staticCache)
		s.editor.ServeHTTP(c.Writer, c.Request)
		return nil
	}
	return notFound("Không có đường dẫn này; xem /openapi.json.", "no such path; see /openapi.json")
}

// editorHas reports whether the editor has a file at the URL path p ("/"
// is its index), so that a missing one gets the JSON 404 rather than the
// file server's plain-text one.
func (s *Server) editorHas(p string) bool {
	st, err := fs.Stat(s.editorFS, editorName(p))
	return err == nil && !st.IsDir()
}

// editorName is the editor's file at the URL path p; "/" is its index.
func editorName(p string) string {
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" {
		name = "index.html"
	}
	return name
}

// readBody reads the request body within the size limit. The body is read
// whole before a render slot is taken, so a slow upload never holds one.
func (s *Server) readBody(c *gin.Context) ([]byte, error) {
	return s.readLimited(c, s.cfg.MaxBodyBytes)
}

// readLimited is readBody with another size limit, for the routes that
// take more than one document.
func (s *Server) readLimited(c *gin.Context, limit int64) ([]byte, error) {
	if c.Request.ContentLength > limit {
		return nil, tooLargeError(limit)
	}
	data, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		return nil, &Error{Status: http.StatusBadRequest, Code: CodeBadRequest, Cause: err,
			VI: "Không đọc được dữ liệu gửi lên.", EN: "could not read the request body"}
	}
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, badRequest("Chưa gửi văn bản: phần thân yêu cầu trống.", "empty request body: send a vanban/v1 JSON document")
	}
	return data, nil
}

func queryBool(c *gin.Context, name string) (bool, error) {
	v := c.Query(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, badRequest(fmt.Sprintf("Tham số %s phải là true hoặc false.", name),
			fmt.Sprintf("query parameter %s must be true or false", name))
	}
	return b, nil
}

// check reads, decodes, normalises and validates the posted document.
func (s *Server) check(c *gin.Context) (*engine.Checked, error) {
	draft, err := queryBool(c, "draft")
	if err != nil {
		return nil, err
	}
	data, err := s.readBody(c)
	if err != nil {
		return nil, err
	}
	var (
		ck       *engine.Checked
		checkErr error
	)
	// The request's deadline covers the wait for a worker too.
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.RenderTimeout)
	defer cancel()
	run := s.work
	if len(data) <= quickCheck {
		run = s.workQuick
	}
	if err := run(ctx, func() { ck, checkErr = s.pipeline.Check(data, draft) }); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	return ck, checkErr
}

// work runs fn once one of Config.Workers is free, waiting at most
// QueueTimeout (then errBusy: 429 with Retry-After) and never past ctx.
// Workers are the one cap on CPU-heavy work: checking, rendering,
// importing and every item of a batch take one (see workQueue). Requests
// run in the order they arrived, each at full speed, instead of all at
// once at a fraction of it: the same throughput, and a tail latency close
// to the median (see Config.Workers). The wait is bounded so that a
// request behind stuck ones gets an answer, never silence.
func (s *Server) work(ctx context.Context, fn func()) error {
	return s.workWait(ctx, s.cfg.QueueTimeout, false, fn)
}

// workQuick is work in the quick lane: checking a small document.
func (s *Server) workQuick(ctx context.Context, fn func()) error {
	return s.workWait(ctx, s.cfg.QueueTimeout, true, fn)
}

// workUntil is work waiting as long as ctx allows: for the renders and the
// batch items that already hold a render slot, whose deadline bounds it.
func (s *Server) workUntil(ctx context.Context, fn func()) error {
	return s.workWait(ctx, -1, false, fn)
}

func (s *Server) workWait(ctx context.Context, wait time.Duration, quick bool, fn func()) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !s.workers.tryAcquire() {
		s.metrics.waiting.Inc()
		err := s.workers.acquire(ctx, wait, quick)
		s.metrics.waiting.Dec()
		if errors.Is(err, errBusy) {
			s.metrics.rejected.Inc()
		}
		if err != nil {
			return err
		}
	}
	defer s.workers.release()
	fn()
	return nil
}

// quickCheck is the body size up to which checking a document counts as
// quick work: a real document is a few kilobytes.
const quickCheck = 64 << 10

// ValidateResponse is the answer of POST /v1/validate.
type ValidateResponse struct {
	Valid    bool              `json:"valid"`
	Errors   document.Findings `json:"errors"`
	Warnings document.Findings `json:"warnings"`
	// Notes say what vanban decided for the clerk (severity info), e.g.
	// the tone-mark style a mixed document is printed in.
	Notes document.Findings `json:"notes"`
}

func (s *Server) validate(c *gin.Context) error {
	ck, err := s.check(c)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, ValidateResponse{
		Valid:    ck.Valid(),
		Errors:   ck.Findings.Errors(),
		Warnings: ck.Findings.Warnings(),
		Notes:    ck.Findings.Infos(),
	})
	return nil
}

// rendered is one finished file.
type rendered struct {
	format engine.Format
	data   []byte
	result *render.Result
}

// prepare checks and composes the posted document; an invalid one comes
// back as *engine.InvalidError, which errorFor turns into 422.
func (s *Server) prepare(c *gin.Context) (*engine.Checked, *compose.Document, error) {
	ck, err := s.check(c)
	if err != nil {
		return nil, nil, err
	}
	cd, err := s.pipeline.Compose(ck)
	if err != nil {
		return nil, nil, err
	}
	return ck, cd, nil
}

func (s *Server) renderOne(f engine.Format) func(*gin.Context) error {
	return func(c *gin.Context) error {
		ck, cd, err := s.prepare(c)
		if err != nil {
			return err
		}
		files, err := s.render(c.Request.Context(), cd, []engine.Format{f})
		if err != nil {
			return err
		}
		out := files[0]
		name := FileName(ck.Doc)
		h := c.Writer.Header()
		h.Set("Content-Disposition", ContentDisposition(name+"."+string(f)))
		h.Set("Cache-Control", "no-store")
		h.Set("X-Vanban-Warnings", strconv.Itoa(len(ck.Findings.Warnings())))
		if out.result != nil && out.result.Pages > 0 {
			h.Set("X-Vanban-Pages", strconv.Itoa(out.result.Pages))
		}
		if out.result != nil && len(out.result.Notes) > 0 {
			h.Set("X-Vanban-Notes", notesHeader(out.result.Notes))
		}
		if out.result != nil && out.result.Signature != nil {
			// Where the signer block was drawn, for digital-signing tools:
			// page from 1, rectangle in PDF points from the bottom-left.
			a := out.result.Signature
			h.Set("X-Vanban-Signature-Area", fmt.Sprintf("page=%d; x=%.2f; y=%.2f; width=%.2f; height=%.2f", a.Page, a.X, a.Y, a.W, a.H))
		}
		c.Data(http.StatusOK, f.ContentType(), out.data)
		return nil
	}
}

// notesHeader lists what the writer decided about the layout (info
// findings such as table.header_once, a table header printed once because
// it takes over a third of the page) as codes, "code=path" where the note
// has a JSON Pointer, so an API client learns it without parsing the file;
// the wording (Vietnamese and English) is printed by `vanban render`. Codes and
// pointers are ASCII; anything else is dropped rather than break the
// header.
func notesHeader(notes document.Findings) string {
	var b strings.Builder
	for _, n := range notes {
		item := n.Code
		if n.Path != "" {
			item += "=" + n.Path
		}
		if !isHeaderSafe(item) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(item)
	}
	return b.String()
}

func isHeaderSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x21 || c > 0x7e || c == ',' {
			return false
		}
	}
	return s != ""
}

// queryFormats reads ?formats=docx,pdf; both when absent.
func queryFormats(c *gin.Context) ([]engine.Format, error) {
	q := c.Query("formats")
	if q == "" {
		return engine.Formats, nil
	}
	formats, err := engine.ParseFormats(q)
	if err != nil {
		return nil, badRequest("Tham số formats chỉ nhận docx, pdf hoặc docx,pdf.",
			"query parameter formats: "+err.Error())
	}
	return formats, nil
}

func (s *Server) renderZip(c *gin.Context) error {
	formats, err := queryFormats(c)
	if err != nil {
		return err
	}
	ck, cd, err := s.prepare(c)
	if err != nil {
		return err
	}
	files, err := s.render(c.Request.Context(), cd, formats)
	if err != nil {
		return err
	}
	name := FileName(ck.Doc)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		// The files are compressed already (DOCX is a zip, PDF streams
		// are deflated); storing them saves time and costs little.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name + "." + string(f.format), Method: zip.Store, Modified: zipTime(cd)})
		if err != nil {
			return fmt.Errorf("zip: %s: %w", f.format, err)
		}
		if _, err := w.Write(f.data); err != nil {
			return fmt.Errorf("zip: %s: %w", f.format, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: close: %w", err)
	}
	h := c.Writer.Header()
	h.Set("Content-Disposition", ContentDisposition(name+".zip"))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Vanban-Warnings", strconv.Itoa(len(ck.Findings.Warnings())))
	c.Data(http.StatusOK, "application/zip", buf.Bytes())
	return nil
}

// zipTime stamps the entries with the document's own date, so the same
// document always gives the same zip.
func zipTime(cd *compose.Document) time.Time {
	if t := cd.Meta.Date; !t.IsZero() && t.Year() >= 1980 {
		return t
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// render renders cd in each format under one render slot and the request
// deadline. The render runs in its own goroutine so that the client gets
// its 503 at the deadline even if a writer does not watch ctx; the slot is
// held until that goroutine really ends, so the cap stays true.
func (s *Server) render(ctx context.Context, cd *compose.Document, formats []engine.Format) ([]rendered, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RenderTimeout)
	defer cancel()
	release, err := s.acquire(ctx)
	if err != nil {
		return nil, err
	}
	type outcome struct {
		files []rendered
		err   error
	}
	done := make(chan outcome, 1)
	go func() {
		defer release()
		defer func() {
			if v := recover(); v != nil {
				s.log.LogAttrs(ctx, slog.LevelError, "render panic",
					slog.String("request_id", requestIDFrom(ctx)), slog.String("panic", fmt.Sprint(v)),
					slog.String("stack", string(debug.Stack())))
				done <- outcome{err: fmt.Errorf("render: panic: %v", v)}
			}
		}()
		var files []rendered
		for _, f := range formats {
			var (
				buf  bytes.Buffer
				res  *render.Result
				rerr error
				took time.Duration
			)
			err := s.workUntil(ctx, func() {
				start := time.Now()
				res, rerr = s.pipeline.Render(ctx, cd, f, &buf)
				took = time.Since(start)
			})
			if err != nil {
				err = fmt.Errorf("render: %w", err)
			} else {
				err = rerr
			}
			if err != nil {
				done <- outcome{err: err}
				return
			}
			s.metrics.renders.WithLabelValues(string(f)).Observe(took.Seconds())
			files = append(files, rendered{format: f, data: buf.Bytes(), result: res})
		}
		done <- outcome{files: files}
	}()
	var o outcome
	select {
	case o = <-done:
	case <-ctx.Done():
		o.err = fmt.Errorf("render: %w", ctx.Err())
	}
	if errors.Is(o.err, context.DeadlineExceeded) {
		s.metrics.timeouts.WithLabelValues(formatsLabel(formats)).Inc()
	}
	return o.files, o.err
}

// acquire takes a render slot, waiting at most QueueTimeout (and never
// past the request deadline). The returned release is idempotent.
func (s *Server) acquire(ctx context.Context) (func(), error) {
	start := time.Now()
	select {
	case s.slots <- struct{}{}:
	default:
		t := time.NewTimer(s.cfg.QueueTimeout)
		defer t.Stop()
		select {
		case s.slots <- struct{}{}:
		case <-t.C:
			s.metrics.rejected.Inc()
			return nil, errBusy
		case <-ctx.Done():
			return nil, fmt.Errorf("render: wait for a slot: %w", ctx.Err())
		}
	}
	s.metrics.queueWait.Observe(time.Since(start).Seconds())
	s.metrics.inFlight.Inc()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.metrics.inFlight.Dec()
			<-s.slots
		})
	}, nil
}

func formatsLabel(formats []engine.Format) string {
	parts := make([]string, len(formats))
	for i, f := range formats {
		parts[i] = string(f)
	}
	return strings.Join(parts, ",")
}
