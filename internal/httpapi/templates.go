package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/store"
)

// Templates: the office's usual plans to start a draft from. The
// repository's samples are built in (id "builtin:<sample>", read-only,
// the same for every office and always the binary's own version); the
// office adds its own by saving any draft, or a document, under a name.
// "New draft from template" (POST /v1/templates/{id}/drafts) copies the
// template's document into a new draft with the number and the day and
// month cleared and the draft mark set, as a clerk starts one.

const (
	builtinPrefix   = "builtin:"
	maxTemplateName = 200
)

// TemplateRequest is the body of POST /v1/templates: a name and either
// the draft to save as a template or a document.
type TemplateRequest struct {
	Name     string          `json:"name"`
	DraftID  string          `json:"draft_id,omitempty"`
	Document json.RawMessage `json:"document,omitempty"`
}

// TemplateInfo is a template as listed; GET /v1/templates/{id} adds its
// document.
type TemplateInfo struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	// Builtin templates come with vanban and cannot be deleted.
	Builtin   bool            `json:"builtin"`
	Owner     string          `json:"owner,omitempty"`
	CreatedAt *time.Time      `json:"created_at,omitempty"`
	Document  json.RawMessage `json:"document,omitempty"`
}

func templateOf(t store.Template) TemplateInfo {
	at := t.CreatedAt
	return TemplateInfo{ID: t.ID, Name: t.Name, Type: t.Type, Summary: t.Summary, Owner: t.Owner, CreatedAt: &at,
		Document: t.Body}
}

// builtinOf names a sample by its trích yếu; a form without one (a giấy
// mời) by its type and the sample's name.
func (s *Server) builtinOf(si SampleInfo) TemplateInfo {
	name := si.Title
	if name == "" {
		name = si.Type
		for _, t := range s.types {
			if t.Code == si.Type {
				name = t.Name
			}
		}
		name += " (" + si.Name + ")"
	}
	return TemplateInfo{ID: builtinPrefix + si.Name, Name: name, Type: si.Type, Summary: si.Title, Builtin: true}
}

// builtin finds a built-in template by id.
func (s *Server) builtin(id string) (TemplateInfo, []byte, bool) {
	name, ok := strings.CutPrefix(id, builtinPrefix)
	if !ok {
		return TemplateInfo{}, nil, false
	}
	for _, si := range s.samples.list {
		if si.Name == name {
			return s.builtinOf(si), s.samples.data[name], true
		}
	}
	return TemplateInfo{}, nil, false
}

func (s *Server) listTemplates(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	typ := c.Query("type")
	own, err := st.Templates(c.Request.Context(), s.callerOf(c).office)
	if err != nil {
		return err
	}
	// The office's own first: they are its usual plans.
	out := []TemplateInfo{}
	for _, t := range own {
		if typ == "" || t.Type == typ {
			out = append(out, templateOf(t))
		}
	}
	for _, si := range s.samples.list {
		if typ == "" || si.Type == typ {
			out = append(out, s.builtinOf(si))
		}
	}
	c.Header("Cache-Control", "private, no-cache")
	writeJSON(c, http.StatusOK, map[string]any{"templates": out})
	return nil
}

// template returns a template with its document, built-in or the
// office's.
func (s *Server) template(c *gin.Context, st store.Store, office, id string) (TemplateInfo, error) {
	if t, body, ok := s.builtin(id); ok {
		t.Document = body
		return t, nil
	}
	if strings.HasPrefix(id, builtinPrefix) {
		return TemplateInfo{}, notFound("Không có mẫu có sẵn này; xem /v1/templates.", "no such built-in template; see /v1/templates")
	}
	t, err := st.Template(c.Request.Context(), office, id)
	if err != nil {
		return TemplateInfo{}, err
	}
	return templateOf(t), nil
}

func (s *Server) getTemplate(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	t, err := s.template(c, st, s.callerOf(c).office, c.Param("id"))
	if err != nil {
		return err
	}
	// A template does not change: it is replaced by deleting and saving.
	c.Header("Cache-Control", "private, no-cache")
	writeJSON(c, http.StatusOK, t)
	return nil
}

func (s *Server) createTemplate(c *gin.Context) error {
	st, who, err := s.deskAs(c, actEdit)
	if err != nil {
		return err
	}
	data, err := s.readLimited(c, s.cfg.MaxBodyBytes+4<<10)
	if err != nil {
		return err
	}
	var req TemplateRequest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return structureError("", "template.body", `Mẫu phải là {"name", "draft_id"} hoặc {"name", "document"}.`,
			`a template must be {"name", "draft_id"} or {"name", "document"}`)
	}
	req.Name = strings.Join(strings.Fields(req.Name), " ")
	if !utf8.ValidString(req.Name) || store.NameKey(req.Name) == "" || utf8.RuneCountInString(req.Name) > maxTemplateName {
		return structureError("/name", "template.name", fmt.Sprintf("Tên mẫu phải có chữ và dài không quá %d ký tự.", maxTemplateName),
			fmt.Sprintf("name must hold letters and be at most %d characters", maxTemplateName))
	}
	hasDoc := len(req.Document) > 0 && !isNull(req.Document)
	if (req.DraftID == "") == !hasDoc {
		return structureError("/draft_id", "template.source", "Cần đúng một trong hai: draft_id (lưu một dự thảo làm mẫu) hoặc document.",
			"give exactly one of draft_id (save a draft as a template) or document")
	}
	doc := []byte(req.Document)
	if req.DraftID != "" {
		d, err := st.Get(c.Request.Context(), who.office, req.DraftID)
		if err != nil {
			return err
		}
		doc = d.Body
	}
	ck, err := s.checkDraft(c, doc, false)
	if err != nil {
		return err
	}
	t, err := st.CreateTemplate(c.Request.Context(), store.Template{Office: who.office, Owner: who.who, Name: req.Name,
		Type: ck.Doc.Type, Summary: summaryOf(ck.Doc), Body: compact(doc)})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/templates/"+t.ID)
	writeJSON(c, http.StatusCreated, templateOf(t))
	return nil
}

func (s *Server) deleteTemplate(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	who := s.callerOf(c)
	id := c.Param("id")
	if strings.HasPrefix(id, builtinPrefix) {
		return &Error{Status: http.StatusConflict, Code: CodeReadOnly,
			VI: "Mẫu có sẵn của vanban không xóa được.", EN: "a built-in template cannot be deleted"}
	}
	if err := permit(who, actEdit); err != nil {
		return err
	}
	t, err := st.Template(c.Request.Context(), who.office, id)
	if err != nil {
		return err
	}
	if who.role != RoleLead && t.Owner != who.who {
		return &Error{Status: http.StatusForbidden, Code: CodeForbiddenRole,
			VI: "Chỉ người tạo mẫu hoặc lãnh đạo được xóa mẫu này.", EN: "only the template's owner or a lead may delete it"}
	}
	if err := st.DeleteTemplate(c.Request.Context(), who.office, id); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// draftFromTemplate creates a new draft from a template.
func (s *Server) draftFromTemplate(c *gin.Context) error {
	st, who, err := s.deskAs(c, actEdit)
	if err != nil {
		return err
	}
	t, err := s.template(c, st, who.office, c.Param("id"))
	if err != nil {
		return err
	}
	doc, err := startDraft(t.Document, time.Now().Year())
	if err != nil {
		return err
	}
	ck, err := s.checkDraft(c, doc, false)
	if err != nil {
		return err
	}
	d, err := st.Create(c.Request.Context(), store.Draft{Office: who.office, Owner: who.who, Type: ck.Doc.Type,
		Summary: summaryOf(ck.Doc), Body: doc})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/drafts/"+d.ID)
	writeDraft(c, who, http.StatusCreated, d, ck.Findings)
	return nil
}

// startDraft makes a template's document a new dự thảo: no number, the
// date cut to this year (the day and month are set when it is issued),
// and the draft mark on. Everything else is the template's.
func startDraft(doc []byte, year int) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return nil, structureError("/document", "template.document", "Mẫu không phải là một văn bản JSON.", "the template is not a JSON document")
	}
	delete(m, "number")
	m["date"], _ = json.Marshal(map[string]int{"year": year})
	m["draft"] = json.RawMessage("true")
	out, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("start draft: %w", err)
	}
	return out, nil
}
