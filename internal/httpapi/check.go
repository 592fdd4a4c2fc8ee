package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/check"
	"github.com/vanban/vanban/internal/importer/pdfread"
)

// checkFile answers POST /v1/check: a .docx or PDF uploaded as
// multipart/form-data in the field "file" gives back its NĐ30 review
// (check.Report). The upload is read like an import's (MaxImportBytes,
// in memory, nothing kept); the review takes a worker (429 past the queue
// wait) and stops at the request deadline (503).
func (s *Server) checkFile(c *gin.Context) error {
	name, data, err := s.readUpload(c)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.RenderTimeout)
	defer cancel()
	var rep *check.Report
	if werr := s.work(ctx, func() { rep, err = check.File(ctx, name, data) }); werr != nil {
		return fmt.Errorf("check: %w", werr)
	}
	if err != nil {
		if e, ok := checkError(err); ok {
			return e
		}
		return err
	}
	writeJSON(c, http.StatusOK, rep)
	return nil
}

// checkError maps what check refuses to the public errors: a PDF with no
// poppler on the server is a format the service does not take (415); a
// file that is neither a readable .docx nor a PDF, or a PDF over the
// extraction limits, is unprocessable (422). Deadlines and the worker cap
// are left to errorFor.
func checkError(err error) (*Error, bool) {
	var missing *pdfread.MissingToolError
	switch {
	case errors.As(err, &missing):
		return &Error{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedFile, Cause: err,
			VI: "Máy chủ chưa cài công cụ đọc tệp PDF (gói poppler-utils): hãy gửi tệp .docx.",
			EN: fmt.Sprintf("this server cannot read PDF files (%v): send a .docx instead", err)}, true
	case errors.Is(err, check.ErrUnreadable), errors.Is(err, pdfread.ErrUnreadable), errors.Is(err, pdfread.ErrTooLarge):
		return &Error{Status: http.StatusUnprocessableEntity, Code: CodeUnreadableFile, Cause: err,
			VI: "Không đọc được tệp: cần tệp .docx hoặc PDF hợp lệ, trong giới hạn an toàn.",
			EN: fmt.Sprintf("the file could not be read as a .docx or PDF within the safety limits: %v", err)}, true
	}
	return nil, false
}
