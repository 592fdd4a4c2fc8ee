package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/store"
	"github.com/vanban/vanban/internal/validate"
)

// The drafting desk: drafts kept in the store (Options.Drafts), shared by
// the office of whoever signed in, each save a version. Writes name the
// version they are based on in If-Match; the store checks and writes in
// one transaction, so a stale save is a 412, never a lost update.

// defaultOffice is the office of API keys, of office users named without
// "@office", and of everybody when sign-in is off.
const defaultOffice = "default"

// Limits of a comment.
const (
	maxCommentPath  = 512
	maxCommentRunes = 4000
)

// caller is who is asking: the draft's owner or author, the office
// whose drafts they share, and the role they act in (roles.go).
type caller struct {
	who, office string
	role        Role
}

// callerOf reads the identity the gate already checked: a bearer key, a
// session's office user ("user:name@office"), or nobody when sign-in is
// off.
func (s *Server) callerOf(c *gin.Context) caller {
	if c.GetHeader("Authorization") != "" {
		return caller{who: "key", office: defaultOffice, role: RoleLead}
	}
	if ck, err := c.Request.Cookie(sessionCookie); err == nil {
		if sess := s.sessions.get(ck.Value, time.Now()); sess != nil {
			return s.identify(sess.who)
		}
	}
	return caller{who: "anonymous", office: defaultOffice, role: RoleLead}
}

// identify is the caller a session stands for: its office and name, and
// the role of an office user (a key's session acts as a lead).
func (s *Server) identify(sessionWho string) caller {
	who := officeOf(sessionWho)
	who.role = RoleLead
	if user, ok := strings.CutPrefix(sessionWho, "user:"); ok {
		who.role = s.roleOf(user)
	}
	return who
}

// officeOf splits a session's identity: an office user is named
// "name@office" in VANBAN_USERS; a name without "@" and a key sign-in
// belong to the default office.
func officeOf(who string) caller {
	name, ok := strings.CutPrefix(who, "user:")
	if !ok {
		return caller{who: who, office: defaultOffice}
	}
	if i := strings.LastIndex(name, "@"); i > 0 && i < len(name)-1 {
		return caller{who: name, office: name[i+1:]}
	}
	return caller{who: name, office: defaultOffice}
}

// DraftRequest is the body of POST /v1/drafts and PUT /v1/drafts/{id}.
type DraftRequest struct {
	// Document is the vanban/v2 document; on PUT it may be left out to
	// change only the status.
	Document json.RawMessage `json:"document,omitempty"`
	// Status is du_thao, trinh_duyet or da_ban_hanh; empty keeps it.
	Status store.Status `json:"status,omitempty"`
	// Number and Date (YYYY-MM-DD) are written into the document when it
	// is issued; the document's own are used when they are empty.
	Number string `json:"number,omitempty"`
	Date   string `json:"date,omitempty"`
}

// DraftInfo is a draft without its document, as listed.
type DraftInfo struct {
	ID        string       `json:"id"`
	Office    string       `json:"office"`
	Owner     string       `json:"owner"`
	Type      string       `json:"type"`
	Summary   string       `json:"summary"`
	Status    store.Status `json:"status"`
	Number    string       `json:"number,omitempty"`
	IssuedOn  string       `json:"issued_on,omitempty"`
	Version   int          `json:"version"`
	CreatedAt time.Time    `json:"created_at"`
	UpdatedAt time.Time    `json:"updated_at"`
	UpdatedBy string       `json:"updated_by"`
}

// DraftResponse is one draft with its document and, after a save, the
// findings of its check.
type DraftResponse struct {
	DraftInfo
	Document json.RawMessage   `json:"document"`
	Findings document.Findings `json:"findings,omitempty"`
	// Moves are the status changes the caller may make on the draft now,
	// so the editor offers exactly those buttons (movesFor).
	Moves []Move `json:"moves"`
}

// Move is a status change, with the words of the editor's button.
type Move struct {
	To    store.Status `json:"to"`
	Label string       `json:"label"`
}

// moveLabels name each status change for the clerk, by its target.
var moveLabels = []Move{
	{To: store.StatusReview, Label: "Trình duyệt"},
	{To: store.StatusIssued, Label: "Ban hành"},
	{To: store.StatusDraft, Label: "Trả lại để sửa"},
}

// movesFor lists the status changes who may make from status: those the
// workflow allows (store.Status.CanMove) and the role permits (permitMove).
func movesFor(who caller, status store.Status) []Move {
	out := []Move{}
	for _, m := range moveLabels {
		if m.To != status && status.CanMove(m.To) && permitMove(who, status, m.To) == nil {
			out = append(out, m)
		}
	}
	return out
}

func infoOf(d store.Draft) DraftInfo {
	return DraftInfo{ID: d.ID, Office: d.Office, Owner: d.Owner, Type: d.Type, Summary: d.Summary, Status: d.Status,
		Number: d.Number, IssuedOn: d.IssuedOn, Version: d.Version, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, UpdatedBy: d.UpdatedBy}
}

// etag is the draft's version as a strong entity tag.
func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// ifMatch reads the version a write is based on. Without it a write is
// refused (428): a client that never read the draft must not overwrite it.
func ifMatch(c *gin.Context) (int, error) {
	h := strings.TrimSpace(c.GetHeader("If-Match"))
	if h == "" {
		return 0, &Error{Status: http.StatusPreconditionRequired, Code: CodePreconditionRequired,
			VI: "Thiếu tiêu đề If-Match: hãy gửi ETag của lần đọc dự thảo gần nhất.",
			EN: "If-Match is required: send the ETag of your last read of the draft"}
	}
	v, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(h, "W/"), `"`))
	if err != nil || v < 1 {
		return 0, badRequest("Tiêu đề If-Match phải là ETag của dự thảo, ví dụ \"3\".", `If-Match must be the draft's ETag, e.g. "3"`)
	}
	return v, nil
}

func (s *Server) drafts() (store.Store, error) {
	if s.store == nil {
		return nil, notImplemented("Máy chủ này không lưu dự thảo.", "this server keeps no drafts")
	}
	return s.store, nil
}

// writeList answers a list of the office's shared records under key, each
// shown by view; shared records change under the reader, so it is
// revalidated every time.
func writeList[T, U any](c *gin.Context, key string, items []T, view func(T) U) {
	out := make([]U, 0, len(items))
	for _, it := range items {
		out = append(out, view(it))
	}
	c.Header("Cache-Control", "private, no-cache")
	writeJSON(c, http.StatusOK, map[string]any{key: out})
}

// deskAs is the preamble of a drafting-desk handler: the store, the
// caller, and the caller's right to do a (permit's 403 otherwise).
func (s *Server) deskAs(c *gin.Context, a action) (store.Store, caller, error) {
	st, err := s.drafts()
	if err != nil {
		return nil, caller{}, err
	}
	who := s.callerOf(c)
	if err := permit(who, a); err != nil {
		return nil, caller{}, err
	}
	return st, who, nil
}

// readDraftRequest reads and strictly decodes the envelope; the document
// inside is checked by checkDraft.
func (s *Server) readDraftRequest(c *gin.Context) (DraftRequest, error) {
	var req DraftRequest
	// The envelope adds a few fields around one document.
	data, err := s.readLimited(c, s.cfg.MaxBodyBytes+4<<10)
	if err != nil {
		return req, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, structureError("", "draft.envelope",
			"Dữ liệu phải là {\"document\": {...}, \"status\", \"number\", \"date\"}: "+err.Error(),
			`the body must be {"document": {...}, "status", "number", "date"}: `+err.Error())
	}
	if req.Status != "" && !req.Status.Valid() {
		return req, structureError("/status", "draft.status",
			"Trạng thái phải là du_thao, trinh_duyet hoặc da_ban_hanh.", "status must be du_thao, trinh_duyet or da_ban_hanh")
	}
	return req, nil
}

// checkDraft decodes the document through the one strict contract and
// validates it (as a draft, or as issued), on a worker like any check.
func (s *Server) checkDraft(c *gin.Context, data []byte, issued bool) (*engine.Checked, error) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.RenderTimeout)
	defer cancel()
	var (
		ck  *engine.Checked
		err error
	)
	if werr := s.work(ctx, func() { ck, err = s.pipeline.Check(data, !issued) }); werr != nil {
		return nil, fmt.Errorf("check draft: %w", werr)
	}
	if err != nil {
		var de *document.DecodeError
		if errors.As(err, &de) {
			// Paths name the field in the request, inside "document".
			out := *de
			out.Findings = make(document.Findings, len(de.Findings))
			for i, f := range de.Findings {
				f.Path = "/document" + f.Path
				out.Findings[i] = f
			}
			return nil, &out
		}
		return nil, err
	}
	if issued && !ck.Valid() {
		return nil, &Error{Status: http.StatusUnprocessableEntity, Code: CodeInvalidDocument, Findings: ck.Findings,
			VI: fmt.Sprintf("Không ban hành được: văn bản còn %d lỗi.", len(ck.Findings.Errors())),
			EN: fmt.Sprintf("cannot issue: the document has %d error(s)", len(ck.Findings.Errors()))}
	}
	return ck, nil
}

func summaryOf(d *document.Document) string {
	if d.Summary != "" {
		return d.Summary
	}
	return d.Subject
}

// issue writes the number and the date into the document and clears its
// draft mark, so what is stored is what was validated as issued.
func issue(doc []byte, number, date string) ([]byte, string, string, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return nil, "", "", structureError("/document", "draft.document", "Văn bản phải là một đối tượng JSON.", "the document must be a JSON object")
	}
	if number == "" {
		_ = json.Unmarshal(m["number"], &number)
	}
	var d document.Date
	if date != "" {
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			return nil, "", "", structureError("/date", "draft.date", "Ngày ban hành phải có dạng YYYY-MM-DD.", "date must be YYYY-MM-DD")
		}
		d = document.Date{Day: t.Day(), Month: int(t.Month()), Year: t.Year()}
	} else {
		_ = json.Unmarshal(m["date"], &d)
	}
	if strings.TrimSpace(number) == "" {
		return nil, "", "", structureError("/number", "draft.number", "Cần số văn bản để ban hành.", "a number is needed to issue the document")
	}
	if d.Day == 0 || d.Month == 0 || d.Year == 0 {
		return nil, "", "", structureError("/date", "draft.date", "Cần đủ ngày, tháng, năm ban hành.", "a full date is needed to issue the document")
	}
	m["number"], _ = json.Marshal(number)
	m["date"], _ = json.Marshal(d)
	delete(m, "draft")
	if raw, ok := m["options"]; ok {
		var opts map[string]json.RawMessage
		if json.Unmarshal(raw, &opts) == nil && opts != nil {
			delete(opts, "draft_mark") // an issued text carries no "DỰ THẢO" box
			m["options"], _ = json.Marshal(opts)
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil, "", "", err
	}
	return out, number, fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day), nil
}

func (s *Server) createDraft(c *gin.Context) error {
	st, who, err := s.deskAs(c, actEdit)
	if err != nil {
		return err
	}
	req, err := s.readDraftRequest(c)
	if err != nil {
		return err
	}
	if len(req.Document) == 0 || isNull(req.Document) {
		return structureError("/document", "draft.document", "Thiếu văn bản (document).", "document is required")
	}
	if req.Status == store.StatusIssued {
		return structureError("/status", "draft.status", "Dự thảo mới chưa thể ban hành ngay; hãy lưu rồi trình duyệt.",
			"a new draft cannot be issued at once; save it and send it for review")
	}
	if req.Status == store.StatusReview {
		if err := permit(who, actSubmit); err != nil {
			return err
		}
	}
	ck, err := s.checkDraft(c, req.Document, false)
	if err != nil {
		return err
	}
	d, err := st.Create(c.Request.Context(), store.Draft{Office: who.office, Owner: who.who, Type: ck.Doc.Type,
		Summary: summaryOf(ck.Doc), Status: req.Status, Body: compact(req.Document)})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/drafts/"+d.ID)
	writeDraft(c, who, http.StatusCreated, d, ck.Findings)
	return nil
}

func compact(raw []byte) []byte {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

func writeDraft(c *gin.Context, who caller, status int, d store.Draft, fs document.Findings) {
	c.Header("ETag", etag(d.Version))
	// Shared drafts change under the reader: revalidate every time.
	c.Header("Cache-Control", "private, no-cache")
	writeJSON(c, status, DraftResponse{DraftInfo: infoOf(d), Document: d.Body, Findings: fs, Moves: movesFor(who, d.Status)})
}

func (s *Server) getDraft(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	d, err := st.Get(c.Request.Context(), s.callerOf(c).office, c.Param("id"))
	if err != nil {
		return err
	}
	if inm := c.GetHeader("If-None-Match"); inm != "" && strings.Contains(inm, etag(d.Version)) {
		c.Header("ETag", etag(d.Version))
		c.Status(http.StatusNotModified)
		return nil
	}
	writeDraft(c, s.callerOf(c), http.StatusOK, d, nil)
	return nil
}

func (s *Server) saveDraft(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	base, err := ifMatch(c)
	if err != nil {
		return err
	}
	req, err := s.readDraftRequest(c)
	if err != nil {
		return err
	}
	who := s.callerOf(c)
	ctx := c.Request.Context()
	// The current draft tells what the save does: which status change,
	// and whether the text changes, which decides the role it needs. A
	// newer version than base makes the save fail in the store anyway.
	cur, err := st.Get(ctx, who.office, c.Param("id"))
	if err != nil {
		return err
	}
	doc := req.Document
	if len(doc) == 0 || isNull(doc) {
		// A status change alone keeps the document of the version it is
		// based on.
		doc = cur.Body
	}
	if err := permitSave(who, cur, req, doc); err != nil {
		return err
	}
	ch := store.Change{Status: req.Status, Actor: who.who, Role: string(who.role)}
	issuing := req.Status == store.StatusIssued
	if issuing {
		if doc, ch.Number, ch.IssuedOn, err = issue(doc, req.Number, req.Date); err != nil {
			return err
		}
	}
	ck, err := s.checkDraft(c, doc, issuing)
	if err != nil {
		return err
	}
	ch.Type, ch.Summary, ch.Body = ck.Doc.Type, summaryOf(ck.Doc), compact(doc)
	if issuing {
		ch.Recipients = directoryEntries(ck.Doc)
	}
	d, err := st.Save(ctx, who.office, c.Param("id"), base, ch)
	if err != nil {
		return err
	}
	writeDraft(c, who, http.StatusOK, d, ck.Findings)
	return nil
}

func (s *Server) deleteDraft(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	base, err := ifMatch(c)
	if err != nil {
		return err
	}
	who := s.callerOf(c)
	if err := permit(who, actEdit); err != nil {
		return err
	}
	if err := st.Delete(c.Request.Context(), who.office, c.Param("id"), base, who.who); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// DraftList answers GET /v1/drafts.
type DraftList struct {
	Drafts []DraftInfo `json:"drafts"`
	// NextCursor, when set, is the cursor of the next page.
	NextCursor string `json:"next_cursor,omitempty"`
}

func (s *Server) listDrafts(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	q := store.Query{Office: s.callerOf(c).office, Type: c.Query("type"), Summary: c.Query("q"),
		Status: store.Status(c.Query("status")), Cursor: c.Query("cursor")}
	if q.Status != "" && !q.Status.Valid() {
		return badRequest("Tham số status phải là du_thao, trinh_duyet hoặc da_ban_hanh.", "status must be du_thao, trinh_duyet or da_ban_hanh")
	}
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > store.MaxLimit {
			return badRequest(fmt.Sprintf("Tham số limit phải từ 1 đến %d.", store.MaxLimit), fmt.Sprintf("limit must be 1 to %d", store.MaxLimit))
		}
		q.Limit = n
	}
	p, err := st.List(c.Request.Context(), q)
	if err != nil {
		return err
	}
	out := DraftList{Drafts: make([]DraftInfo, 0, len(p.Drafts)), NextCursor: p.Next}
	for _, d := range p.Drafts {
		out.Drafts = append(out.Drafts, infoOf(d))
	}
	c.Header("Cache-Control", "private, no-cache")
	writeJSON(c, http.StatusOK, out)
	return nil
}

// VersionInfo is one save in a draft's history.
type VersionInfo struct {
	N         int             `json:"n"`
	Status    store.Status    `json:"status"`
	Author    string          `json:"author"`
	CreatedAt time.Time       `json:"created_at"`
	Document  json.RawMessage `json:"document,omitempty"`
}

func (s *Server) listVersions(c *gin.Context) error {
	return draftList(s, c, "versions", store.Store.Versions, func(v store.Version) VersionInfo {
		return VersionInfo{N: v.N, Status: v.Status, Author: v.Author, CreatedAt: v.CreatedAt}
	})
}

// draftList answers one of a draft's own lists (versions, comments, audit)
// in the caller's office: get reads it from the store, view shows each.
func draftList[T, U any](s *Server, c *gin.Context, key string,
	get func(store.Store, context.Context, string, string) ([]T, error), view func(T) U) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	items, err := get(st, c.Request.Context(), s.callerOf(c).office, c.Param("id"))
	if err != nil {
		return err
	}
	writeList(c, key, items, view)
	return nil
}

func (s *Server) getVersion(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Param("n"))
	if err != nil || n < 1 {
		return notFound("Không có phiên bản này.", "no such version")
	}
	v, err := st.Version(c.Request.Context(), s.callerOf(c).office, c.Param("id"), n)
	if err != nil {
		return err
	}
	// A version never changes: it may be cached as long as the client likes.
	c.Header("Cache-Control", "private, max-age=31536000, immutable")
	writeJSON(c, http.StatusOK, VersionInfo{N: v.N, Status: v.Status, Author: v.Author, CreatedAt: v.CreatedAt, Document: v.Body})
	return nil
}

// CommentRequest is the body of POST /v1/drafts/{id}/comments.
type CommentRequest struct {
	// Path is the JSON Pointer of the field commented on ("" for the
	// whole document), as in findings.
	Path string `json:"path"`
	Text string `json:"text"`
}

// CommentInfo is one comment.
type CommentInfo struct {
	ID         string     `json:"id"`
	Path       string     `json:"path"`
	Text       string     `json:"text"`
	Author     string     `json:"author"`
	CreatedAt  time.Time  `json:"created_at"`
	Resolved   bool       `json:"resolved"`
	ResolvedBy string     `json:"resolved_by,omitempty"`
	ResolvedAt *time.Time `json:"resolved_at,omitempty"`
}

func commentOf(c store.Comment) CommentInfo {
	out := CommentInfo{ID: c.ID, Path: c.Path, Text: c.Text, Author: c.Author, CreatedAt: c.CreatedAt,
		Resolved: !c.ResolvedAt.IsZero(), ResolvedBy: c.ResolvedBy}
	if out.Resolved {
		t := c.ResolvedAt
		out.ResolvedAt = &t
	}
	return out
}

// validPointer: "" or "/"-led segments whose "~" escapes are ~0 or ~1
// (RFC 6901).
func validPointer(p string) bool {
	if p == "" {
		return true
	}
	if p[0] != '/' || len(p) > maxCommentPath || !utf8.ValidString(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '~' && (i+1 == len(p) || (p[i+1] != '0' && p[i+1] != '1')) {
			return false
		}
	}
	return true
}

func (s *Server) addComment(c *gin.Context) error {
	st, who, err := s.deskAs(c, actComment)
	if err != nil {
		return err
	}
	data, err := s.readLimited(c, 16<<10)
	if err != nil {
		return err
	}
	var req CommentRequest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return structureError("", "comment.body", `Ý kiến phải là {"path", "text"}.`, `a comment must be {"path", "text"}`)
	}
	if !validPointer(req.Path) {
		return structureError("/path", "comment.path", "Đường dẫn trường phải là JSON Pointer, ví dụ /summary.", "path must be a JSON Pointer, e.g. /summary")
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(req.Text)); n == 0 || n > maxCommentRunes || !utf8.ValidString(req.Text) {
		return structureError("/text", "comment.text", fmt.Sprintf("Nội dung ý kiến phải có từ 1 đến %d ký tự.", maxCommentRunes),
			fmt.Sprintf("text must be 1 to %d characters", maxCommentRunes))
	}
	cm, err := st.AddComment(c.Request.Context(), who.office, store.Comment{DraftID: c.Param("id"), Path: req.Path,
		Text: strings.TrimSpace(req.Text), Author: who.who, Role: string(who.role)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, commentOf(cm))
	return nil
}

func (s *Server) listComments(c *gin.Context) error {
	return draftList(s, c, "comments", store.Store.Comments, commentOf)
}

func (s *Server) resolveComment(c *gin.Context) error {
	st, who, err := s.deskAs(c, actResolve)
	if err != nil {
		return err
	}
	cm, err := st.ResolveComment(c.Request.Context(), who.office, c.Param("id"), c.Param("cid"), who.who)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, commentOf(cm))
	return nil
}

// AuditInfo is one line of a draft's audit trail.
type AuditInfo struct {
	Actor string `json:"actor"`
	// Role is the role the actor acted in: clerk, reviewer or lead.
	Role   string    `json:"role,omitempty"`
	Action string    `json:"action"`
	Detail string    `json:"detail"`
	At     time.Time `json:"at"`
}

func (s *Server) draftAudit(c *gin.Context) error {
	return draftList(s, c, "audit", store.Store.Audit, func(a store.AuditEntry) AuditInfo {
		return AuditInfo{Actor: a.Actor, Role: a.Role, Action: a.Action, Detail: a.Detail, At: a.At}
	})
}

// storeError maps the store's errors to the public error (errorFor).
func storeError(err error) (*Error, bool) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return notFound("Không tìm thấy dự thảo (hoặc phiên bản, ý kiến, mẫu, nơi nhận, bộ thông số) này trong đơn vị của bạn.",
			"no such draft (or version, comment, template, recipient, profile) in your office"), true
	case errors.Is(err, store.ErrConflict):
		return &Error{Status: http.StatusPreconditionFailed, Code: CodeStale,
			VI: "Dự thảo đã được người khác lưu sau lần bạn đọc; hãy tải lại bản mới nhất rồi lưu lại.",
			EN: "the draft was saved by someone else since you read it; reload the latest version and save again"}, true
	case errors.Is(err, store.ErrReadOnly):
		return &Error{Status: http.StatusConflict, Code: CodeReadOnly,
			VI: "Văn bản đã ban hành, không sửa hay xóa được.", EN: "the document is issued and read-only"}, true
	case errors.Is(err, store.ErrBadMove):
		return &Error{Status: http.StatusConflict, Code: CodeBadTransition,
			VI: "Không chuyển được trạng thái này: dự thảo → trình duyệt → đã ban hành (trình duyệt có thể trả về dự thảo).",
			EN: "status change not allowed: du_thao → trinh_duyet → da_ban_hanh (trinh_duyet may go back to du_thao)"}, true
	case errors.Is(err, store.ErrDuplicate):
		return &Error{Status: http.StatusConflict, Code: CodeDuplicateName,
			VI: "Tên này đã có trong đơn vị (không phân biệt hoa thường, dấu); hãy chọn tên khác.",
			EN: "that name is already taken in your office (ignoring case and marks); choose another"}, true
	case errors.Is(err, store.ErrBadCursor):
		return badRequest("Tham số cursor không hợp lệ; hãy dùng next_cursor của trang trước.", "bad cursor: use the previous page's next_cursor"), true
	}
	return nil, false
}

// permitSave checks the role a save needs: changing the text is an edit;
// dự thảo → trình duyệt is a submit; deciding on a draft under review
// (issuing it, or returning it) is a reviewer's. A reviewer's status
// change that sends the current text back unchanged is no edit.
func permitSave(who caller, cur store.Draft, req DraftRequest, doc []byte) error {
	next := req.Status
	if next == "" {
		next = cur.Status
	}
	if !bytes.Equal(compact(doc), cur.Body) {
		if err := permit(who, actEdit); err != nil {
			return err
		}
	}
	return permitMove(who, cur.Status, next)
}

// permitMove: sending for review needs actSubmit, deciding on a draft
// under review (issuing it or returning it) actDecide.
func permitMove(who caller, from, to store.Status) error {
	switch {
	case from == store.StatusDraft && to == store.StatusReview:
		return permit(who, actSubmit)
	case from == store.StatusReview && to != store.StatusReview:
		return permit(who, actDecide)
	}
	return nil
}

// directoryEntries are the Nơi nhận lines an issued document teaches the
// office's directory: every named recipient, paper or electronic, without
// the lines that name nobody ("Như trên", "Như Điều 3", a Lưu line).
func directoryEntries(d *document.Document) []store.Recipient {
	var out []store.Recipient
	for _, list := range [][]document.Recipient{d.Distribution.Recipients, d.Distribution.Electronic} {
		for _, r := range list {
			name := r.Name.Plain() // a footnote on the line is not part of the name
			if strings.TrimSpace(name) == "" || validate.PointsBack(name) {
				continue
			}
			out = append(out, store.Recipient{Name: strings.TrimRight(strings.TrimSpace(name), ";.,"), Kind: recipientKind(name)})
		}
	}
	return out
}
