package httpapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/batch"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/plantemplate"
)

// EngineBatcher is the production Batcher: package batch on the real
// engine. A Runner is built per batch because its options (workers, draft)
// are per request; building one costs nothing.
func EngineBatcher(eng *engine.Engine) Batcher { return engineBatcher{eng} }

type engineBatcher struct{ eng *engine.Engine }

func (b engineBatcher) Run(ctx context.Context, items []batch.Item, formats []engine.Format, w io.Writer, opt batch.Options) (*batch.Manifest, error) {
	return batch.New(b.eng, opt).Run(ctx, items, formats, w)
}

// batchRequest is the body of POST /v1/batch: a template with its data
// rows, or a list of documents; exactly one of the two.
type batchRequest struct {
	Template  json.RawMessage   `json:"template"`
	Rows      []json.RawMessage `json:"rows"`
	Documents []json.RawMessage `json:"documents"`
}

// batchZipName is the download name of a batch; the items' own names are
// inside it.
const batchZipName = "Văn bản hàng loạt.zip"

// batchTrailers carry the manifest's counts, known only once the zip has
// been streamed; a client that reads trailers need not open the manifest.
var batchTrailers = []string{"X-Vanban-Ok", "X-Vanban-Invalid", "X-Vanban-Failed"}

// envelopeDepth is the nesting the batch body adds around each document
// ({"documents": [ ... ]}); the depth limit allows it on top of MaxDepth so
// that a document is held to the same depth in a batch as alone.
const envelopeDepth = 2

// renderBatch answers POST /v1/batch with a streamed zip of every item's
// files and manifest.json (package batch). Problems with the request as a
// whole (size, count, malformed body, a template that does not parse) are
// answered before any rendering, in the JSON error shape; problems with one
// item are recorded in the manifest and the other items are still rendered.
//
// Concurrency: the batch waits for one render slot like any render (429
// past the queue wait), then takes up to Config.BatchWorkers-1 more slots
// that are free at that moment, and renders with one worker per slot held.
// It holds them for its whole run, so the renders in flight never exceed
// MaxConcurrentRenders and a batch never queues ahead of single renders.
func (s *Server) renderBatch(c *gin.Context) error {
	if s.batch == nil {
		return notImplemented("Máy chủ này không bật chức năng xuất hàng loạt.",
			"batch rendering is not enabled on this server")
	}
	formats, err := queryFormats(c)
	if err != nil {
		return err
	}
	draft, err := queryBool(c, "draft")
	if err != nil {
		return err
	}
	items, err := s.batchItems(c)
	if err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.BatchTimeout)
	defer cancel()
	workers, release, err := s.acquireBatch(ctx, s.cfg.BatchWorkers)
	if err != nil {
		return s.batchError(err)
	}
	defer release()
	// The server's write deadline is sized for one render; a batch streams
	// for up to its own deadline. httptest's recorder cannot set one, which
	// is harmless.
	_ = http.NewResponseController(c.Writer).SetWriteDeadline(time.Now().Add(s.cfg.BatchTimeout + 30*time.Second))

	start := time.Now()
	out := &zipStream{w: c.Writer}
	man, err := s.batch.Run(ctx, items, formats, out, batch.Options{Workers: workers, Draft: draft, Gate: s.workUntil})
	if man != nil {
		for _, it := range man.Items {
			s.metrics.batchItems.WithLabelValues(string(it.Status)).Inc()
		}
	}
	if err != nil {
		if !out.started {
			s.metrics.batches.WithLabelValues("failed").Inc()
			return s.batchError(err)
		}
		// Half a zip is already on the wire: end the connection without
		// the final chunk, so the client sees a failed download rather
		// than a complete-looking, truncated archive.
		s.metrics.batches.WithLabelValues("aborted").Inc()
		s.log.LogAttrs(c.Request.Context(), slog.LevelWarn, "batch aborted",
			slog.String("request_id", requestIDFrom(c.Request.Context())),
			slog.Int("items", len(items)), slog.Int("written", len(man.Items)),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.Any("error", err))
		panic(http.ErrAbortHandler)
	}
	s.metrics.batches.WithLabelValues("complete").Inc()
	h := c.Writer.Header()
	h.Set("X-Vanban-Ok", strconv.Itoa(man.OK))
	h.Set("X-Vanban-Invalid", strconv.Itoa(man.Invalid))
	h.Set("X-Vanban-Failed", strconv.Itoa(man.Failed))
	return nil
}

// batchError maps the errors a batch can end with before any output; the
// deadline is the batch's, not a single render's.
func (s *Server) batchError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Status: http.StatusServiceUnavailable, Code: CodeTimeout, RetryAfter: 1, Cause: err,
			VI: fmt.Sprintf("Không xuất xong lô văn bản trong thời hạn %s; hãy chia nhỏ lô hoặc thử lại.", s.cfg.BatchTimeout),
			EN: fmt.Sprintf("the batch did not finish within the %s deadline; split it or retry later", s.cfg.BatchTimeout)}
	}
	return err
}

// zipStream is a batch's response body. It sends the status and the
// attachment headers with the first byte, so that a batch failing before
// any output (no slot, deadline) still answers in the JSON error shape.
type zipStream struct {
	w       gin.ResponseWriter
	started bool
}

func (z *zipStream) Write(p []byte) (int, error) {
	if !z.started {
		z.started = true
		h := z.w.Header()
		h.Set("Content-Type", "application/zip")
		h.Set("Content-Disposition", ContentDisposition(batchZipName))
		h.Set("Cache-Control", "no-store")
		h.Set("Trailer", strings.Join(batchTrailers, ", "))
		z.w.WriteHeader(http.StatusOK)
	}
	return z.w.Write(p)
}

// batchItems decodes the batch body into the items to render. Every
// problem here concerns the request as a whole and is returned as a
// *document.DecodeError (400 for malformed JSON, 422 with the path for the
// rest); problems of one item are left for the manifest.
func (s *Server) batchItems(c *gin.Context) ([]batch.Item, error) {
	limit := s.cfg.MaxBatchBytes
	if c.Request.ContentLength > limit {
		return nil, tooLargeError(limit)
	}
	req, err := decodeBatch(http.MaxBytesReader(c.Writer, c.Request.Body, limit), s.cfg.MaxDepth+envelopeDepth, s.cfg.MaxBatchItems)
	if err != nil {
		return nil, err
	}
	hasTemplate := len(req.Template) > 0 && !isNull(req.Template)
	switch {
	case hasTemplate && req.Documents != nil:
		return nil, structureError("", "batch.ambiguous",
			"Chỉ gửi một trong hai: \"template\" kèm \"rows\", hoặc \"documents\".",
			`send either "template" with "rows", or "documents", not both`)
	case !hasTemplate && req.Documents == nil:
		return nil, structureError("", "batch.empty",
			"Thiếu dữ liệu: gửi \"template\" kèm \"rows\", hoặc \"documents\".",
			`send "template" with "rows", or "documents"`)
	case hasTemplate:
		return s.templateItems(req)
	}
	if req.Rows != nil {
		return nil, structureError("/rows", "batch.rows_without_template",
			"\"rows\" chỉ dùng kèm \"template\".", `"rows" needs a "template"`)
	}
	if err := s.checkCount("/documents", len(req.Documents)); err != nil {
		return nil, err
	}
	items := make([]batch.Item, len(req.Documents))
	for i, raw := range req.Documents {
		items[i] = batch.Item{Source: fmt.Sprintf("documents[%d]", i), JSON: raw}
	}
	return items, nil
}

// templateItems parses the template and fills it with each row.
func (s *Server) templateItems(req *batchRequest) ([]batch.Item, error) {
	if err := s.checkCount("/rows", len(req.Rows)); err != nil {
		return nil, err
	}
	if int64(len(req.Template)) > s.cfg.MaxBodyBytes {
		// A template is one document; every row executes all of it.
		return nil, structureError("/template", "batch.template_too_large",
			fmt.Sprintf("Mẫu lớn hơn giới hạn %d byte của một văn bản.", s.cfg.MaxBodyBytes),
			fmt.Sprintf("the template is larger than the %d-byte limit of one document", s.cfg.MaxBodyBytes))
	}
	t, err := plantemplate.Parse(req.Template)
	if err != nil {
		var de *document.DecodeError
		if errors.As(err, &de) {
			// The template's pointers are relative to it; the client
			// wants them in the body it sent.
			out := &document.DecodeError{Findings: slices.Clone(de.Findings)}
			for i := range out.Findings {
				out.Findings[i].Path = "/template" + out.Findings[i].Path
			}
			return nil, out
		}
		return nil, fmt.Errorf("batch: template: %w", err)
	}
	rows := make([]plantemplate.Row, len(req.Rows))
	for i, raw := range req.Rows {
		path := document.Pointer("rows", i)
		dec := json.NewDecoder(bytes.NewReader(raw))
		// Numbers stay json.Number, so 370000000 is not read as a float
		// and printed as 3.7e+08.
		dec.UseNumber()
		var values map[string]any
		if err := dec.Decode(&values); err != nil || values == nil {
			return nil, structureError(path, "batch.row",
				"Mỗi dòng dữ liệu phải là một đối tượng JSON {\"Biến\": giá trị}.",
				`each row must be a JSON object {"Variable": value}`)
		}
		if len(values) > s.cfg.MaxElements {
			return nil, structureError(path, "decode.too_many",
				fmt.Sprintf("Dòng dữ liệu có quá %d biến.", s.cfg.MaxElements),
				fmt.Sprintf("the row has more than %d variables", s.cfg.MaxElements))
		}
		cols := make([]string, 0, len(values))
		for k := range values {
			cols = append(cols, k)
		}
		slices.Sort(cols)
		rows[i] = plantemplate.Row{Line: i + 1, Source: "rows", Values: values, Columns: cols}
	}
	return batch.FromTemplate(t, rows, s.cfg.Limits()), nil
}

// checkCount applies MaxBatchItems and refuses an empty batch.
func (s *Server) checkCount(path string, n int) error {
	switch {
	case n == 0:
		return structureError(path, "batch.empty", "Lô văn bản trống: cần ít nhất một mục.", "the batch is empty: send at least one item")
	case n > s.cfg.MaxBatchItems:
		return structureError(path, "batch.too_many",
			fmt.Sprintf("Lô có %d mục, vượt quá giới hạn %d; hãy chia thành nhiều lô.", n, s.cfg.MaxBatchItems),
			fmt.Sprintf("the batch has %d items, over the limit of %d; split it", n, s.cfg.MaxBatchItems))
	}
	return nil
}

// structureError is one finding about the request body, which errorFor
// answers with 422 and the path.
func structureError(path, code, vi, en string) error {
	return &document.DecodeError{Findings: document.Findings{{Path: path, Code: code, Severity: document.Error,
		VI: vi, EN: en, Rule: "vanban HTTP API"}}}
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// decodeBatch reads the envelope token by token as it arrives; the
// documents and rows inside stay raw. Items are counted as they are met,
// so a body of millions of tiny items is refused at item maxItems+1, after
// reading a few kilobytes of it, not 32 MiB. What has been read is kept
// (the items are slices of it) and serves the error positions; its depth
// is checked once the envelope has been read whole.
func decodeBatch(body io.Reader, maxDepth, maxItems int) (*batchRequest, error) {
	var seen bytes.Buffer
	br := bufio.NewReader(io.TeeReader(body, &seen))
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	dec := json.NewDecoder(br)
	// data is what has been read: its end is past the decoder's offset
	// (the reader reads ahead), which is all an error position needs.
	data := func() []byte { return bytes.TrimPrefix(seen.Bytes(), utf8BOM) }
	syntax := func(err error) error {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return tooLarge
		}
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return document.SyntaxError(data(), err)
	}
	wrongType := func(path string) error {
		want := batchKinds[path]
		return structureError(path, "decode.type", "Sai kiểu dữ liệu: cần "+want[0]+".", "wrong type: want "+want[1])
	}
	tok, err := dec.Token()
	if errors.Is(err, io.EOF) && len(bytes.TrimSpace(data())) == 0 {
		return nil, badRequest("Chưa gửi lô văn bản: phần thân yêu cầu trống.", "empty request body: send a batch")
	}
	if err != nil {
		return nil, syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		// Malformed JSON is said as such before its type.
		var v any
		if err := dec.Decode(&v); err != nil && !errors.Is(err, io.EOF) {
			return nil, syntax(err)
		}
		return nil, wrongType("")
	}
	var req batchRequest
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		key, _ := tok.(string)
		switch key {
		case "template":
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, syntax(err)
			}
			req.Template = raw
		case "rows", "documents":
			items, err := decodeItems(dec, "/"+key, maxItems, syntax, wrongType)
			if err != nil {
				return nil, err
			}
			if key == "rows" {
				req.Rows = items
			} else {
				req.Documents = items
			}
		default:
			q := strconv.Quote(key)
			return nil, structureError(document.Pointer(key), "decode.unknown_field",
				fmt.Sprintf("Trường %s không có trong yêu cầu xuất hàng loạt (chỉ nhận template, rows, documents).", q),
				fmt.Sprintf("unknown field %s (want template, rows or documents)", q))
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, syntax(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, tooLarge
		}
		return nil, document.TrailingData(data(), dec.InputOffset())
	}
	if err := document.CheckDepth(data(), maxDepth); err != nil {
		return nil, err
	}
	return &req, nil
}

// decodeItems reads one array of raw items (null reads as absent),
// refusing it as soon as it holds more than maxItems.
func decodeItems(dec *json.Decoder, path string, maxItems int, syntax func(error) error, wrongType func(string) error) ([]json.RawMessage, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, syntax(err)
	}
	if tok == nil {
		return nil, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		if d, ok := tok.(json.Delim); ok && d == '{' {
			// Skip the object so that a syntax error in it still wins.
			var skip json.RawMessage
			for dec.More() {
				if _, err := dec.Token(); err != nil {
					return nil, syntax(err)
				}
				if err := dec.Decode(&skip); err != nil {
					return nil, syntax(err)
				}
			}
		}
		return nil, wrongType(path)
	}
	items := []json.RawMessage{}
	for dec.More() {
		if len(items) >= maxItems {
			return nil, structureError(path, "batch.too_many",
				fmt.Sprintf("Lô có hơn %d mục, vượt quá giới hạn; hãy chia thành nhiều lô.", maxItems),
				fmt.Sprintf("the batch has more than %d items, over the limit; split it", maxItems))
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, syntax(err)
		}
		items = append(items, raw)
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return nil, syntax(err)
	}
	return items, nil
}

// batchKinds names, in Vietnamese and English, what each place of the
// batch body must hold.
var batchKinds = map[string][2]string{
	"":           {"một đối tượng JSON {\"template\", \"rows\"} hoặc {\"documents\"}", `a JSON object {"template", "rows"} or {"documents"}`},
	"/rows":      {"một mảng các dòng dữ liệu", "an array of data rows"},
	"/documents": {"một mảng các văn bản", "an array of documents"},
}

// acquireBatch takes one render slot, waiting as any render does, then up
// to want-1 more that are free right now. It returns how many it holds and
// one idempotent release for all of them.
func (s *Server) acquireBatch(ctx context.Context, want int) (int, func(), error) {
	first, err := s.acquire(ctx)
	if err != nil {
		return 0, nil, err
	}
	held := 1
	for held < want && s.tryAcquire() {
		held++
	}
	var once sync.Once
	return held, func() {
		once.Do(func() {
			first()
			for range held - 1 {
				s.metrics.inFlight.Dec()
				<-s.slots
			}
		})
	}, nil
}

// tryAcquire takes a render slot only if one is free now.
func (s *Server) tryAcquire() bool {
	select {
	case s.slots <- struct{}{}:
		s.metrics.inFlight.Inc()
		return true
	default:
		return false
	}
}
