package httpapi

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/store"
)

// withRoles: lan is a clerk by default, hoa a reviewer, sep a lead, all of
// ubnd; minh (so-tc) is a clerk of another office.
func withRoles(c *Config) {
	c.Users["hoa@ubnd"] = officePass
	c.Users["sep@ubnd"] = officePass
	c.Roles = map[string]Role{"hoa@ubnd": RoleReviewer, "sep@ubnd": RoleLead}
}

func etagOf(rec *httptest.ResponseRecorder) map[string]string {
	return map[string]string{"If-Match": rec.Header().Get("ETag")}
}

// TestRoles walks a draft through the workflow with each role doing what
// it may, and refused (403 forbidden_role, in both languages) what it may
// not; the audit trail names the role of every step.
func TestRoles(t *testing.T) {
	s, st := draftServerWith(t, t.TempDir(), withRoles)
	defer st.Close()
	h := s.Handler()
	lan, hoa, sep := signIn(t, h, "lan@ubnd"), signIn(t, h, "hoa@ubnd"), signIn(t, h, "sep@ubnd")
	doc, number := draftSample(t)

	var sess SessionResponse
	_ = json.Unmarshal(hoa.do("GET", "/auth/session", "", nil).Body.Bytes(), &sess)
	if sess.Role != RoleReviewer || sess.User != "hoa@ubnd" || strings.Join(sess.May, ",") != "decide,comment,resolve" {
		t.Errorf("session says %+v, want hoa@ubnd reviewer who may decide, comment, resolve", sess)
	}

	forbidden := func(what string, rec *httptest.ResponseRecorder) {
		t.Helper()
		if rec.Code != 403 {
			t.Errorf("%s: %d %s, want 403", what, rec.Code, rec.Body.String())
			return
		}
		if e := errorOf(t, rec); e.Code != CodeForbiddenRole || e.VI == "" || e.EN == "" {
			t.Errorf("%s: %+v", what, e)
		}
	}
	forbidden("reviewer creates", hoa.do("POST", "/v1/drafts", `{"document":`+doc+`}`, nil))
	rec := lan.do("POST", "/v1/drafts", `{"document":`+doc+`}`, nil)
	if rec.Code != 201 {
		t.Fatalf("clerk creates: %d %s", rec.Code, rec.Body.String())
	}
	d := decodeDraft(t, rec)
	path := "/v1/drafts/" + d.ID

	forbidden("reviewer edits", hoa.do("PUT", path, setSummary(t, d.Document, "Sửa của người duyệt"), etagOf(rec)))
	forbidden("clerk comments", lan.do("POST", path+"/comments", `{"path":"/summary","text":"x"}`, nil))
	forbidden("reviewer deletes", hoa.do("DELETE", path, "", etagOf(rec)))
	rec = hoa.do("POST", path+"/comments", `{"path":"/summary","text":"Rút gọn trích yếu"}`, nil)
	if rec.Code != 201 {
		t.Fatalf("reviewer comments: %d %s", rec.Code, rec.Body.String())
	}
	var cm CommentInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &cm)
	if rec := lan.do("POST", path+"/comments/"+cm.ID+"/resolve", "", nil); rec.Code != 200 {
		t.Errorf("clerk resolves: %d %s", rec.Code, rec.Body.String())
	}
	forbidden("reviewer submits", hoa.do("PUT", path, `{"status":"trinh_duyet"}`, map[string]string{"If-Match": `"1"`}))
	rec = lan.do("PUT", path, `{"status":"trinh_duyet"}`, map[string]string{"If-Match": `"1"`})
	if rec.Code != 200 {
		t.Fatalf("clerk submits: %d %s", rec.Code, rec.Body.String())
	}
	forbidden("clerk returns", lan.do("PUT", path, `{"status":"du_thao"}`, etagOf(rec)))
	forbidden("clerk issues", lan.do("PUT", path, `{"status":"da_ban_hanh","number":"`+number+`","date":"2023-06-30"}`, etagOf(rec)))
	// A reviewer's decision that sends the text back unchanged is no edit.
	cur := decodeDraft(t, rec)
	rec = hoa.do("PUT", path, `{"status":"du_thao","document":`+string(cur.Document)+`}`, etagOf(rec))
	if rec.Code != 200 || decodeDraft(t, rec).Status != store.StatusDraft {
		t.Fatalf("reviewer returns: %d %s", rec.Code, rec.Body.String())
	}
	rec = lan.do("PUT", path, `{"status":"trinh_duyet"}`, etagOf(rec))
	if rec.Code != 200 {
		t.Fatalf("clerk submits again: %d %s", rec.Code, rec.Body.String())
	}
	rec = hoa.do("PUT", path, `{"status":"da_ban_hanh","number":"`+number+`","date":"2023-06-30"}`, etagOf(rec))
	if rec.Code != 200 {
		t.Fatalf("reviewer issues: %d %s", rec.Code, rec.Body.String())
	}
	// A lead does both, on a draft of their own.
	rec = sep.do("POST", "/v1/drafts", `{"document":`+doc+`,"status":"trinh_duyet"}`, nil)
	if rec.Code != 201 {
		t.Fatalf("lead creates for review: %d %s", rec.Code, rec.Body.String())
	}
	if rec := sep.do("PUT", "/v1/drafts/"+decodeDraft(t, rec).ID, `{"status":"du_thao"}`, etagOf(rec)); rec.Code != 200 {
		t.Errorf("lead returns: %d %s", rec.Code, rec.Body.String())
	}

	var audit struct{ Audit []AuditInfo }
	_ = json.Unmarshal(lan.do("GET", path+"/audit", "", nil).Body.Bytes(), &audit)
	var trail []string
	for _, a := range audit.Audit {
		trail = append(trail, a.Actor+" "+a.Role+" "+a.Action)
	}
	want := "lan@ubnd  created|hoa@ubnd reviewer commented|lan@ubnd  resolved|lan@ubnd clerk status|hoa@ubnd reviewer status|lan@ubnd clerk status|hoa@ubnd reviewer status"
	if got := strings.Join(trail, "|"); got != want {
		t.Errorf("audit\n got %s\nwant %s", got, want)
	}
}

// TestRolesOff: without VANBAN_ROLES nobody is told apart, and a key acts
// as a lead.
func TestRolesOff(t *testing.T) {
	s, st := draftServer(t, t.TempDir())
	defer st.Close()
	for _, tt := range []struct {
		who  string
		want Role
	}{{"user:lan@ubnd", RoleLead}, {"key", RoleLead}} {
		if got := s.identify(tt.who).role; got != tt.want {
			t.Errorf("%s: %s, want %s", tt.who, got, tt.want)
		}
	}
	s2, st2 := draftServerWith(t, t.TempDir(), withRoles)
	defer st2.Close()
	for _, tt := range []struct {
		who  string
		want Role
	}{{"user:lan@ubnd", RoleClerk}, {"user:hoa@ubnd", RoleReviewer}, {"user:sep@ubnd", RoleLead}, {"key", RoleLead}} {
		if got := s2.identify(tt.who).role; got != tt.want {
			t.Errorf("with roles, %s: %s, want %s", tt.who, got, tt.want)
		}
	}
}

func TestParseRoles(t *testing.T) {
	got, err := ParseRoles("hoa@ubnd:reviewer, sep@ubnd:lead")
	if err != nil || got["hoa@ubnd"] != RoleReviewer || got["sep@ubnd"] != RoleLead {
		t.Errorf("%v %v", got, err)
	}
	for _, bad := range []string{"hoa", "hoa:boss", ":clerk"} {
		if _, err := ParseRoles(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	cfg := testConfig()
	cfg.Users = map[string]string{"lan@ubnd": officePass}
	cfg.Roles = map[string]Role{"ghost@ubnd": RoleLead}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "roles") {
		t.Errorf("a role for no user: %v", err)
	}
}

// TestTemplates: built-in templates are the samples and start a valid
// draft each; an office saves a draft as its own template, which another
// office does not see; names are unique in the office; only the owner or
// a lead deletes; a built-in one cannot be deleted.
func TestTemplates(t *testing.T) {
	s, st := draftServerWith(t, t.TempDir(), withRoles)
	defer st.Close()
	h := s.Handler()
	lan, hoa, sep, minh := signIn(t, h, "lan@ubnd"), signIn(t, h, "hoa@ubnd"), signIn(t, h, "sep@ubnd"), signIn(t, h, "minh@so-tc")

	var list struct{ Templates []TemplateInfo }
	_ = json.Unmarshal(lan.do("GET", "/v1/templates", "", nil).Body.Bytes(), &list)
	if len(list.Templates) != len(s.samples.list) || len(list.Templates) == 0 {
		t.Fatalf("%d built-in templates, want the %d samples", len(list.Templates), len(s.samples.list))
	}
	for _, tpl := range list.Templates {
		if !tpl.Builtin || !strings.HasPrefix(tpl.ID, builtinPrefix) || tpl.Document != nil || strings.TrimSpace(tpl.Name) == "" {
			t.Errorf("listed %+v", tpl)
		}
		rec := lan.do("POST", "/v1/templates/"+tpl.ID+"/drafts", "", nil)
		if rec.Code != 201 {
			t.Errorf("draft from %s: %d %.300s", tpl.ID, rec.Code, rec.Body.String())
			continue
		}
		d := decodeDraft(t, rec)
		var m map[string]json.RawMessage
		_ = json.Unmarshal(d.Document, &m)
		if _, has := m["number"]; has || string(m["draft"]) != "true" || d.Status != store.StatusDraft || d.Owner != "lan@ubnd" || d.Type != tpl.Type {
			t.Errorf("draft from %s: %+v number %s draft %s", tpl.ID, d.DraftInfo, m["number"], m["draft"])
		}
	}
	if rec := lan.do("POST", "/v1/templates/builtin:nope/drafts", "", nil); rec.Code != 404 {
		t.Errorf("unknown built-in: %d", rec.Code)
	}
	if rec := lan.do("DELETE", "/v1/templates/"+list.Templates[0].ID, "", nil); rec.Code != 409 {
		t.Errorf("delete built-in: %d", rec.Code)
	}

	doc, _ := draftSample(t)
	rec := lan.do("POST", "/v1/drafts", `{"document":`+doc+`}`, nil)
	draftID := decodeDraft(t, rec).ID
	rec = lan.do("POST", "/v1/templates", `{"name":"Kế hoạch dân tộc thiểu số","draft_id":"`+draftID+`"}`, nil)
	if rec.Code != 201 {
		t.Fatalf("save as template: %d %s", rec.Code, rec.Body.String())
	}
	var own TemplateInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &own)
	if own.Builtin || own.Owner != "lan@ubnd" || own.Type != "ke_hoach" || own.Name != "Kế hoạch dân tộc thiểu số" {
		t.Errorf("own template %+v", own)
	}
	for _, tt := range []struct {
		name string
		who  *clerk
		body string
		code int
		want string
	}{
		{"same name folded", sep, `{"name":"KẾ HOẠCH DÂN TỘC THIỂU SỐ","draft_id":"` + draftID + `"}`, 409, CodeDuplicateName},
		{"reviewer", hoa, `{"name":"Khác","draft_id":"` + draftID + `"}`, 403, CodeForbiddenRole},
		{"both sources", lan, `{"name":"Khác","draft_id":"` + draftID + `","document":` + doc + `}`, 422, CodeInvalidStructure},
		{"no source", lan, `{"name":"Khác"}`, 422, CodeInvalidStructure},
		{"no name", lan, `{"name":" - ","document":` + doc + `}`, 422, CodeInvalidStructure},
		{"unknown field", lan, `{"name":"Khác","draft":"x"}`, 422, CodeInvalidStructure},
		{"bad document", lan, `{"name":"Khác","document":{"schema":"vanban/v2","colour":1}}`, 422, ""},
		{"draft of another office", minh, `{"name":"Khác","draft_id":"` + draftID + `"}`, 404, CodeNotFound},
	} {
		rec := tt.who.do("POST", "/v1/templates", tt.body, nil)
		if rec.Code != tt.code || (tt.want != "" && errorOf(t, rec).Code != tt.want) {
			t.Errorf("%s: %d %.300s, want %d %s", tt.name, rec.Code, rec.Body.String(), tt.code, tt.want)
		}
	}
	rec = sep.do("POST", "/v1/templates", `{"name":"Mẫu của lãnh đạo","document":`+doc+`}`, nil)
	var lead TemplateInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &lead)

	_ = json.Unmarshal(lan.do("GET", "/v1/templates?type=ke_hoach", "", nil).Body.Bytes(), &list)
	if len(list.Templates) < 2 || list.Templates[0].Builtin || list.Templates[1].Builtin {
		t.Errorf("the office's own come first: %+v", list.Templates[:2])
	}
	for _, tpl := range list.Templates {
		if tpl.Type != "ke_hoach" {
			t.Errorf("type filter let %s through", tpl.Type)
		}
	}
	_ = json.Unmarshal(minh.do("GET", "/v1/templates", "", nil).Body.Bytes(), &list)
	for _, tpl := range list.Templates {
		if !tpl.Builtin {
			t.Errorf("minh sees ubnd's template %+v", tpl)
		}
	}
	if rec := minh.do("GET", "/v1/templates/"+own.ID, "", nil); rec.Code != 404 {
		t.Errorf("minh gets ubnd's template: %d", rec.Code)
	}
	rec = hoa.do("GET", "/v1/templates/"+own.ID, "", nil)
	var got TemplateInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &got)
	if rec.Code != 200 || !strings.Contains(string(got.Document), "thiểu số") {
		t.Errorf("reviewer reads the template: %d %.200s", rec.Code, rec.Body.String())
	}
	rec = lan.do("POST", "/v1/templates/"+own.ID+"/drafts", "", nil)
	if rec.Code != 201 || decodeDraft(t, rec).Summary == "" {
		t.Errorf("draft from own template: %d %.200s", rec.Code, rec.Body.String())
	}

	if rec := lan.do("DELETE", "/v1/templates/"+lead.ID, "", nil); rec.Code != 403 {
		t.Errorf("clerk deletes the lead's template: %d", rec.Code)
	}
	if rec := sep.do("DELETE", "/v1/templates/"+own.ID, "", nil); rec.Code != 204 {
		t.Errorf("lead deletes the clerk's template: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("DELETE", "/v1/templates/"+own.ID, "", nil); rec.Code != 404 {
		t.Errorf("deleted twice: %d", rec.Code)
	}
}

// TestRecipientsDirectory: entries typed and found by prefix without
// marks; a duplicate name refused; an issued draft's Nơi nhận learned
// (without "Như Điều 4"), only in its office; a reviewer cannot edit the
// directory.
func TestRecipientsDirectory(t *testing.T) {
	s, st := draftServerWith(t, t.TempDir(), withRoles)
	defer st.Close()
	h := s.Handler()
	lan, hoa, minh := signIn(t, h, "lan@ubnd"), signIn(t, h, "hoa@ubnd"), signIn(t, h, "minh@so-tc")

	rec := lan.do("POST", "/v1/recipients", `{"name":"  Sở Tài   chính ","kind":"agency","group":"Sở, ngành"}`, nil)
	if rec.Code != 201 {
		t.Fatalf("add: %d %s", rec.Code, rec.Body.String())
	}
	var added RecipientInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &added)
	if added.Name != "Sở Tài chính" || added.Source != store.SourceManual {
		t.Errorf("added %+v", added)
	}
	for _, tt := range []struct {
		name string
		who  *clerk
		body string
		code int
		path string
	}{
		{"duplicate", lan, `{"name":"SO TAI CHINH"}`, 409, ""},
		{"reviewer", hoa, `{"name":"Sở Y tế"}`, 403, ""},
		{"bad kind", lan, `{"name":"Sở Y tế","kind":"boss"}`, 422, "/kind"},
		{"no letters", lan, `{"name":" ; "}`, 422, "/name"},
		{"too long", lan, `{"name":"` + strings.Repeat("a", 301) + `"}`, 422, "/name"},
		{"unknown field", lan, `{"name":"Sở Y tế","note":"x"}`, 422, ""},
	} {
		rec := tt.who.do("POST", "/v1/recipients", tt.body, nil)
		if rec.Code != tt.code || (tt.path != "" && !strings.Contains(rec.Body.String(), `"path":"`+tt.path+`"`)) {
			t.Errorf("%s: %d %.300s, want %d %s", tt.name, rec.Code, rec.Body.String(), tt.code, tt.path)
		}
	}

	// Issuing teaches the directory the document's Nơi nhận.
	doc, number := draftSample(t)
	var m map[string]any
	_ = json.Unmarshal([]byte(doc), &m)
	dist := m["distribution"].(map[string]any)
	dist["recipients"] = []any{map[string]any{"name": "Như Điều 4"}, map[string]any{"name": "Sở Tài chính;"},
		map[string]any{"name": "Phòng Dân tộc huyện;"}, map[string]any{"name": "Đ/c Chủ tịch UBND tỉnh;", "note": "để b/c"}}
	b, _ := json.Marshal(m)
	rec = lan.do("POST", "/v1/drafts", `{"document":`+string(b)+`}`, nil)
	rec = lan.do("PUT", "/v1/drafts/"+decodeDraft(t, rec).ID, `{"status":"trinh_duyet"}`, etagOf(rec))
	path := "/v1/drafts/" + decodeDraft(t, rec).ID
	if got := search(t, lan, "phong"); len(got) != 0 {
		t.Errorf("learned before the issue: %+v", got)
	}
	rec = hoa.do("PUT", path, `{"status":"da_ban_hanh","number":"`+number+`","date":"2023-06-30"}`, etagOf(rec))
	if rec.Code != 200 {
		t.Fatalf("issue: %d %s", rec.Code, rec.Body.String())
	}
	all := search(t, lan, "")
	byName := map[string]RecipientInfo{}
	for _, r := range all {
		byName[r.Name] = r
	}
	if len(all) != 3 || byName["Sở Tài chính"].Uses != 1 || byName["Sở Tài chính"].Source != store.SourceManual ||
		byName["Phòng Dân tộc huyện"].Source != store.SourceLearnt || byName["Đ/c Chủ tịch UBND tỉnh"].Kind != store.KindPerson {
		t.Errorf("directory after the issue: %+v", all)
	}
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"dan toc", []string{"Phòng Dân tộc huyện"}},
		{"SỞ", []string{"Sở Tài chính"}},
		{"chu t", []string{"Đ/c Chủ tịch UBND tỉnh"}},
		{"nhu dieu", nil},
	} {
		var got []string
		for _, r := range search(t, lan, tt.q) {
			got = append(got, r.Name)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("q=%q: %q, want %q", tt.q, got, tt.want)
		}
	}
	if got := search(t, minh, ""); len(got) != 0 {
		t.Errorf("minh sees ubnd's directory: %+v", got)
	}
	if rec := lan.do("GET", "/v1/recipients?kind=boss", "", nil); rec.Code != 400 {
		t.Errorf("bad kind filter: %d", rec.Code)
	}

	learned := byName["Phòng Dân tộc huyện"]
	rec = lan.do("PUT", "/v1/recipients/"+learned.ID, `{"name":"Phòng Dân tộc huyện Vĩnh Linh","kind":"unit"}`, nil)
	var edited RecipientInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &edited)
	if rec.Code != 200 || edited.Kind != "unit" || edited.Source != store.SourceManual || edited.Uses != 1 {
		t.Errorf("edit: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("PUT", "/v1/recipients/"+learned.ID, `{"name":"Sở tài chính"}`, nil); rec.Code != 409 {
		t.Errorf("rename onto another: %d", rec.Code)
	}
	if rec := minh.do("DELETE", "/v1/recipients/"+learned.ID, "", nil); rec.Code != 404 {
		t.Errorf("minh deletes: %d", rec.Code)
	}
	if rec := hoa.do("DELETE", "/v1/recipients/"+learned.ID, "", nil); rec.Code != 403 {
		t.Errorf("reviewer deletes: %d", rec.Code)
	}
	if rec := lan.do("DELETE", "/v1/recipients/"+learned.ID, "", nil); rec.Code != 204 {
		t.Errorf("delete: %d", rec.Code)
	}
}

func search(t *testing.T, c *clerk, q string) []RecipientInfo {
	t.Helper()
	rec := c.do("GET", "/v1/recipients?q="+strings.ReplaceAll(q, " ", "+"), "", nil)
	var out struct{ Recipients []RecipientInfo }
	if err := json.Unmarshal(rec.Body.Bytes(), &out); rec.Code != 200 || err != nil {
		t.Fatalf("search %q: %d %s", q, rec.Code, rec.Body.String())
	}
	return out.Recipients
}
