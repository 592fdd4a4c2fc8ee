package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

// Importer reads an uploaded .docx or text file into a document and says
// what it recognised and guessed, stopping when ctx is done.
// ImportFunc(importer.ImportContext) is the production one; an interface,
// so handler tests can fake it.
type Importer interface {
	Import(ctx context.Context, r io.ReaderAt, size int64, name string, lim importer.Limits) (*document.Document, *importer.Report, error)
}

// ImportFunc adapts a function such as importer.ImportContext to Importer.
type ImportFunc func(ctx context.Context, r io.ReaderAt, size int64, name string, lim importer.Limits) (*document.Document, *importer.Report, error)

// Import calls f.
func (f ImportFunc) Import(ctx context.Context, r io.ReaderAt, size int64, name string, lim importer.Limits) (*document.Document, *importer.Report, error) {
	return f(ctx, r, size, name, lim)
}

// ImportResponse is the answer of POST /v1/import.
type ImportResponse struct {
	Document *document.Document `json:"document"`
	Report   *importer.Report   `json:"report"`
}

// importField is the multipart field that carries the file.
const importField = "file"

// multipartOverhead is what the multipart framing and a few small fields
// may add to the file itself before the body as a whole is refused.
const multipartOverhead = 64 << 10

// importDocument answers POST /v1/import: a multipart/form-data upload
// with the file in field "file" gives back the recognised document and the
// importer's report. The file is read into memory within MaxImportBytes
// (never spooled to disk) and nothing is kept. Importing takes a worker
// like any CPU-heavy work (429 past the queue wait) and stops at the
// request deadline (503): a small .docx can hold megabytes of XML.
func (s *Server) importDocument(c *gin.Context) error {
	if s.importer == nil {
		return notImplemented("Máy chủ này không bật chức năng nhập văn bản.",
			"importing documents is not enabled on this server")
	}
	name, data, err := s.readUpload(c)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.RenderTimeout)
	defer cancel()
	var (
		doc *document.Document
		rep *importer.Report
	)
	if werr := s.work(ctx, func() {
		doc, rep, err = s.importer.Import(ctx, bytes.NewReader(data), int64(len(data)), name,
			importer.Limits{MaxBytes: s.cfg.MaxImportBytes})
	}); werr != nil {
		return fmt.Errorf("import: %w", werr)
	}
	if err != nil {
		return err
	}
	if rep == nil {
		rep = &importer.Report{}
	}
	// Empty lists, not null, so that a client can iterate without a check.
	if rep.Recognised == nil {
		rep.Recognised = []importer.Note{}
	}
	if rep.Guessed == nil {
		rep.Guessed = []importer.Note{}
	}
	writeJSON(c, http.StatusOK, ImportResponse{Document: doc, Report: rep})
	return nil
}

// readUpload streams the multipart body and returns the name and content
// of the "file" part; other parts are skipped.
func (s *Server) readUpload(c *gin.Context) (string, []byte, error) {
	limit := s.cfg.MaxImportBytes + multipartOverhead
	if c.Request.ContentLength > limit {
		return "", nil, tooLargeError(s.cfg.MaxImportBytes)
	}
	mt, params, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		// Another media type altogether: 415, as on the JSON routes.
		return "", nil, &Error{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedMedia,
			VI: "Hãy gửi tệp dạng multipart/form-data, trong trường \"file\".",
			EN: `send the file as multipart/form-data in the field "file"`}
	}
	if params["boundary"] == "" {
		return "", nil, badRequest("Hãy gửi tệp dạng multipart/form-data, trong trường \"file\".",
			`send the file as multipart/form-data in the field "file"`)
	}
	mr := multipart.NewReader(http.MaxBytesReader(c.Writer, c.Request.Body, limit), params["boundary"])
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return "", nil, badRequest("Chưa gửi tệp: thiếu trường \"file\" (tệp .docx hoặc .txt).",
				`no file: the field "file" (a .docx or .txt file) is missing`)
		}
		if err != nil {
			return "", nil, uploadError(err)
		}
		if part.FormName() != importField {
			part.Close()
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, s.cfg.MaxImportBytes+1))
		part.Close()
		if err != nil {
			return "", nil, uploadError(err)
		}
		if int64(len(data)) > s.cfg.MaxImportBytes {
			return "", nil, tooLargeError(s.cfg.MaxImportBytes)
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return "", nil, badRequest("Tệp gửi lên trống.", "the uploaded file is empty")
		}
		return part.FileName(), data, nil
	}
}

// uploadError keeps the body limit's 413 and calls anything else a
// broken upload.
func uploadError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return err
	}
	return &Error{Status: http.StatusBadRequest, Code: CodeBadRequest, Cause: err,
		VI: "Không đọc được tệp gửi lên (dữ liệu multipart hỏng).", EN: "could not read the upload: malformed multipart body"}
}

// importError maps the importer's refusals: a legacy .doc the service
// cannot convert, or a PDF without pdftotext installed, is a format the
// service does not take (415); a .docx over the zip limits (entry count,
// inflated size: a zip bomb) or a file that is neither readable .docx nor
// text is unprocessable (422). The upload size itself is checked before
// the importer runs, so its ErrTooLarge here is about the content.
func importError(err error) (*Error, bool) {
	detail := strings.TrimPrefix(err.Error(), "import: ")
	switch {
	case errors.Is(err, importer.ErrLegacyDOC):
		return &Error{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedFile,
			VI: "Không nhận tệp .doc (Word 97-2003): hãy mở tệp bằng Word hoặc LibreOffice, lưu lại dưới dạng .docx rồi nhập lại.",
			EN: "legacy Word .doc (Word 97-2003) files are not supported: open the file in Word or LibreOffice, save it as .docx and import that"}, true
	case errors.Is(err, importer.ErrNoConverter):
		return &Error{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedFile,
			VI: "Máy chủ chưa cài công cụ đọc tệp PDF (pdftotext, gói poppler-utils): hãy gửi tệp .docx hoặc văn bản thuần.",
			EN: fmt.Sprintf("this server cannot read PDF files (%s): send a .docx or plain text instead", detail)}, true
	case errors.Is(err, importer.ErrZipBomb), errors.Is(err, importer.ErrTooLarge):
		return &Error{Status: http.StatusUnprocessableEntity, Code: CodeUnreadableFile,
			VI: "Tệp vượt giới hạn an toàn (số phần trong tệp nén, dung lượng sau giải nén, số đoạn, số đoạn chữ hoặc lượng chữ); không nhập.",
			EN: fmt.Sprintf("the file exceeds the safety limits (zip entries, inflated size, paragraphs, runs or text) and was not imported: %s", detail)}, true
	case errors.Is(err, importer.ErrMalformed):
		return &Error{Status: http.StatusUnprocessableEntity, Code: CodeUnreadableFile,
			VI: "Không đọc được tệp: cần tệp .docx hợp lệ hoặc văn bản thuần (.txt).",
			EN: fmt.Sprintf("the file could not be read as a .docx or plain text: %s", detail)}, true
	}
	return nil, false
}
