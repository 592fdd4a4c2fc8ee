package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
)

// Error is the public side of a failed request: what the client is told.
// The internal cause, when there is one, is logged and never sent.
type Error struct {
	Status   int               `json:"-"`
	Code     string            `json:"code"`
	VI       string            `json:"message_vi"`
	EN       string            `json:"message_en"`
	ID       string            `json:"request_id"`
	Findings document.Findings `json:"findings"`
	// RetryAfter, in seconds, is sent as the Retry-After header when set.
	RetryAfter int `json:"-"`
	// Cause is the internal error behind a 5xx, for the log only.
	Cause error `json:"-"`
}

func (e *Error) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("%d %s: %s: %v", e.Status, e.Code, e.EN, e.Cause)
	}
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.EN)
}

func (e *Error) Unwrap() error { return e.Cause }

// errorBody is the one JSON error shape every route answers with.
type errorBody struct {
	Error *Error `json:"error"`
}

// Error codes clients can switch on. They are part of the API contract.
const (
	CodeBadRequest       = "bad_request"
	CodeMalformedJSON    = "malformed_json"
	CodeInvalidStructure = "invalid_structure"
	CodeInvalidDocument  = "invalid_document"
	CodeTooLarge         = "body_too_large"
	CodeUnauthorized     = "unauthorized"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeBusy             = "too_many_requests"
	CodeTimeout          = "render_timeout"
	CodeCanceled         = "client_closed_request"
	CodeInternal         = "internal"
	CodeNotImplemented   = "not_implemented"
	CodeUnsupportedFile  = "unsupported_file"
	CodeUnreadableFile   = "unreadable_file"
	CodeUnsupportedMedia = "unsupported_media_type"
	CodeCSRF             = "csrf"
	// Drafts (drafts.go).
	CodePreconditionRequired = "precondition_required"
	CodeStale                = "stale_version"
	CodeReadOnly             = "read_only"
	CodeBadTransition        = "status_not_allowed"
	// Roles, templates, recipients (roles.go, templates.go, recipients.go).
	CodeForbiddenRole = "forbidden_role"
	CodeDuplicateName = "duplicate_name"
)

// statusClientClosed is the nginx convention for a client that went away
// before the answer; it only ever reaches the logs and metrics.
const statusClientClosed = 499

// errBusy is returned when no render slot or worker frees up within the
// queue wait.
var errBusy = errors.New("render slots saturated")

func badRequest(vi, en string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: CodeBadRequest, VI: vi, EN: en}
}

func notImplemented(vi, en string) *Error {
	return &Error{Status: http.StatusNotImplemented, Code: CodeNotImplemented, VI: vi, EN: en}
}

func notFound(vi, en string) *Error {
	return &Error{Status: http.StatusNotFound, Code: CodeNotFound, VI: vi, EN: en}
}

// errorFor maps any error a handler returns to the public error. It is the
// only place that decides statuses, so every route answers alike.
func errorFor(err error, cfg Config) *Error {
	var (
		apiErr    *Error
		decodeErr *document.DecodeError
		invalid   *engine.InvalidError
		tooLarge  *http.MaxBytesError
	)
	if e, ok := importError(err); ok {
		return e
	}
	if e, ok := storeError(err); ok {
		return e
	}
	switch {
	case errors.As(err, &apiErr):
		e := *apiErr
		return &e
	case errors.As(err, &tooLarge):
		return tooLargeError(tooLarge.Limit)
	case errors.As(err, &decodeErr):
		return decodeError(decodeErr, cfg)
	case errors.As(err, &invalid):
		return &Error{Status: http.StatusUnprocessableEntity, Code: CodeInvalidDocument,
			VI:       fmt.Sprintf("Văn bản có %d lỗi cần sửa trước khi xuất file.", len(invalid.Findings.Errors())),
			EN:       fmt.Sprintf("the document has %d error(s) to fix before it can be rendered", len(invalid.Findings.Errors())),
			Findings: invalid.Findings}
	case errors.Is(err, errBusy):
		return &Error{Status: http.StatusTooManyRequests, Code: CodeBusy, RetryAfter: 1,
			VI: "Máy chủ đang bận xuất các văn bản khác; vui lòng thử lại sau giây lát.",
			EN: "the server is busy rendering other documents; retry shortly"}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Status: http.StatusServiceUnavailable, Code: CodeTimeout, RetryAfter: 1, Cause: err,
			VI: fmt.Sprintf("Không xử lý xong văn bản trong thời hạn %s; vui lòng thử lại.", cfg.RenderTimeout),
			EN: fmt.Sprintf("the document was not processed within the %s deadline; retry later", cfg.RenderTimeout)}
	case errors.Is(err, context.Canceled):
		return &Error{Status: statusClientClosed, Code: CodeCanceled, Cause: err,
			VI: "Máy khách đã hủy yêu cầu.", EN: "the client closed the request"}
	}
	return &Error{Status: http.StatusInternalServerError, Code: CodeInternal, Cause: err,
		VI: "Lỗi nội bộ của máy chủ; hãy báo mã yêu cầu cho quản trị viên.",
		EN: "internal server error; report the request id to the administrator"}
}

func tooLargeError(limit int64) *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: CodeTooLarge,
		VI: fmt.Sprintf("Dữ liệu gửi lên vượt quá giới hạn %d byte.", limit),
		EN: fmt.Sprintf("the request body exceeds the limit of %d bytes", limit)}
}

func decodeError(e *document.DecodeError, cfg Config) *Error {
	if e.Syntax {
		out := &Error{Status: http.StatusBadRequest, Code: CodeMalformedJSON, Findings: e.Findings,
			VI: fmt.Sprintf("JSON sai cú pháp ở dòng %d, cột %d.", e.Line, e.Column),
			EN: fmt.Sprintf("malformed JSON at line %d, column %d", e.Line, e.Column)}
		if len(e.Findings) == 1 {
			out.VI, out.EN = e.Findings[0].VI, e.Findings[0].EN
		}
		return out
	}
	// The decoder's own size check agrees with the body limit; report it
	// as the same 413 whichever fired first.
	for _, f := range e.Findings {
		if f.Code == "decode.too_large" {
			return tooLargeError(cfg.MaxBodyBytes)
		}
	}
	out := &Error{Status: http.StatusUnprocessableEntity, Code: CodeInvalidStructure, Findings: e.Findings,
		VI: fmt.Sprintf("Dữ liệu không đúng cấu trúc hợp đồng vanban/v1 (%d chỗ).", len(e.Findings)),
		EN: fmt.Sprintf("the body does not follow the vanban/v1 contract (%d problem(s))", len(e.Findings))}
	if len(e.Findings) == 1 {
		f := e.Findings[0]
		out.VI, out.EN = f.VI, f.EN
		if f.Path != "" {
			out.VI += " (" + f.Path + ")"
			out.EN += " at " + f.Path
		}
	}
	return out
}

func retryAfter(h http.Header, seconds int) {
	if seconds > 0 {
		h.Set("Retry-After", strconv.Itoa(seconds))
	}
}
