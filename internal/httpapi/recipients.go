package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/store"
	"golang.org/x/text/unicode/norm"
)

// The recipients directory: the office's list of Nơi nhận, searched as the
// clerk types (GET /v1/recipients?q=), kept by hand and learned from every
// issued draft (saveDraft → store.Change.Recipients).

// Limits of a directory entry.
const (
	maxRecipientName  = 300
	maxRecipientGroup = 100
)

// RecipientRequest is the body of POST /v1/recipients and PUT
// /v1/recipients/{id}.
type RecipientRequest struct {
	Name string `json:"name"`
	// Kind is agency, unit, person or other; empty is agency.
	Kind  string `json:"kind,omitempty"`
	Group string `json:"group,omitempty"`
}

// RecipientInfo is one entry of the directory.
type RecipientInfo struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Group     string    `json:"group,omitempty"`
	Source    string    `json:"source"`
	Uses      int       `json:"uses"`
	UpdatedAt time.Time `json:"updated_at"`
}

func recipientOf(r store.Recipient) RecipientInfo {
	return RecipientInfo{ID: r.ID, Name: r.Name, Kind: r.Kind, Group: r.Group, Source: r.Source, Uses: r.Uses, UpdatedAt: r.UpdatedAt}
}

// personTitles open a Nơi nhận line that names a person ("Đ/c Chủ tịch",
// "Ông Nguyễn Văn A"), folded.
var personTitles = []string{"d c ", "dong chi ", "ong ", "ba "}

// recipientKind guesses the kind of a learned recipient: a person when the
// line opens with a title of address; otherwise the office says (other).
func recipientKind(name string) string {
	k := store.NameKey(name) + " "
	for _, p := range personTitles {
		if strings.HasPrefix(k, p) {
			return store.KindPerson
		}
	}
	return store.KindOther
}

func (s *Server) readRecipient(c *gin.Context) (RecipientRequest, error) {
	var req RecipientRequest
	data, err := s.readLimited(c, 4<<10)
	if err != nil {
		return req, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, structureError("", "recipient.body", `Nơi nhận phải là {"name", "kind", "group"}.`, `a recipient must be {"name", "kind", "group"}`)
	}
	req.Name = strings.Join(strings.Fields(norm.NFC.String(req.Name)), " ")
	req.Group = strings.Join(strings.Fields(norm.NFC.String(req.Group)), " ")
	if req.Kind == "" {
		req.Kind = store.KindAgency
	}
	switch {
	case !utf8.ValidString(req.Name) || store.NameKey(req.Name) == "" || utf8.RuneCountInString(req.Name) > maxRecipientName:
		return req, structureError("/name", "recipient.name", fmt.Sprintf("Tên nơi nhận phải có chữ và dài không quá %d ký tự.", maxRecipientName),
			fmt.Sprintf("name must hold letters and be at most %d characters", maxRecipientName))
	case !store.ValidKind(req.Kind):
		return req, structureError("/kind", "recipient.kind", "Loại nơi nhận phải là agency, unit, person hoặc other.", "kind must be agency, unit, person or other")
	case !utf8.ValidString(req.Group) || utf8.RuneCountInString(req.Group) > maxRecipientGroup:
		return req, structureError("/group", "recipient.group", fmt.Sprintf("Nhóm dài không quá %d ký tự.", maxRecipientGroup),
			fmt.Sprintf("group must be at most %d characters", maxRecipientGroup))
	}
	return req, nil
}

func (s *Server) listRecipients(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	q := store.RecipientQuery{Office: s.callerOf(c).office, Prefix: c.Query("q"), Kind: c.Query("kind"), Group: c.Query("group")}
	if q.Kind != "" && !store.ValidKind(q.Kind) {
		return badRequest("Tham số kind phải là agency, unit, person hoặc other.", "kind must be agency, unit, person or other")
	}
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > store.MaxLimit {
			return badRequest(fmt.Sprintf("Tham số limit phải từ 1 đến %d.", store.MaxLimit), fmt.Sprintf("limit must be 1 to %d", store.MaxLimit))
		}
		q.Limit = n
	}
	rs, err := st.Recipients(c.Request.Context(), q)
	if err != nil {
		return err
	}
	writeList(c, "recipients", rs, recipientOf)
	return nil
}

func (s *Server) addRecipient(c *gin.Context) error {
	st, who, err := s.deskAs(c, actEdit)
	if err != nil {
		return err
	}
	req, err := s.readRecipient(c)
	if err != nil {
		return err
	}
	r, err := st.AddRecipient(c.Request.Context(), store.Recipient{Office: who.office, Name: req.Name, Kind: req.Kind, Group: req.Group})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/recipients/"+r.ID)
	writeJSON(c, http.StatusCreated, recipientOf(r))
	return nil
}

func (s *Server) updateRecipient(c *gin.Context) error {
	st, who, err := s.deskAs(c, actEdit)
	if err != nil {
		return err
	}
	req, err := s.readRecipient(c)
	if err != nil {
		return err
	}
	r, err := st.UpdateRecipient(c.Request.Context(), store.Recipient{ID: c.Param("id"), Office: who.office, Name: req.Name, Kind: req.Kind, Group: req.Group})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, recipientOf(r))
	return nil
}

func (s *Server) deleteRecipient(c *gin.Context) error {
	st, who, err := s.deskAs(c, actEdit)
	if err != nil {
		return err
	}
	if err := st.DeleteRecipient(c.Request.Context(), who.office, c.Param("id")); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
