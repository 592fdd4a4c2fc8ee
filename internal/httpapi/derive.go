package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/compose"
)

// ComposePreview is the answer of POST /v1/compose-preview: the strings
// and numbers the document will print with (compose.Derived), and the file
// name a download gets. The editor shows these instead of deriving them
// again in JavaScript.
type ComposePreview struct {
	*compose.Derived
	FileName string `json:"file_name"`
}

// composePreview decodes and normalises the document as /v1/validate does
// and answers what compose derives from it, valid or not.
func (s *Server) composePreview(c *gin.Context) error {
	ck, err := s.check(c)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, ComposePreview{Derived: compose.Derive(ck.Doc), FileName: FileName(ck.Doc)})
	return nil
}
