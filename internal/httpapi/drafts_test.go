package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/store"
	"github.com/vanban/vanban/samples"
	"github.com/vanban/vanban/templates"
)

const officePass = "correct-horse-battery"

// draftServer is a real-engine server on a SQLite store in dir, with two
// clerks of one office (lan, hoa) and one of another (minh).
func draftServer(t *testing.T, dir string) (*Server, store.Store) {
	t.Helper()
	return draftServerWith(t, dir, nil)
}

// draftServerWith is draftServer with the config changed by tune first.
func draftServerWith(t *testing.T, dir string, tune func(*Config)) (*Server, store.Store) {
	t.Helper()
	cfg := testConfig()
	cfg.MaxElements = 500
	cfg.MaxDepth = 32
	cfg.MaxBodyBytes = 1 << 20
	cfg.Users = map[string]string{"lan@ubnd": officePass, "hoa@ubnd": officePass, "minh@so-tc": officePass}
	if tune != nil {
		tune(&cfg)
	}
	eng, err := engine.New(templates.FS, fonts.FS, cfg.Limits())
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Config: cfg, Pipeline: eng, Samples: samples.FS, Drafts: st})
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// clerk is one signed-in browser: its session cookie and CSRF token.
type clerk struct {
	t      *testing.T
	h      http.Handler
	cookie *http.Cookie
	csrf   string
}

func signIn(t *testing.T, h http.Handler, user string) *clerk {
	t.Helper()
	rec := do(h, "POST", "/auth/login", `{"user":"`+user+`","password":"`+officePass+`"}`, map[string]string{"Content-Type": "application/json"})
	if rec.Code != 200 {
		t.Fatalf("login %s: %d %s", user, rec.Code, rec.Body.String())
	}
	c := &clerk{t: t, h: h}
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == sessionCookie {
			c.cookie = ck
		}
	}
	var out SessionResponse
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	c.csrf = out.CSRF
	return c
}

func (c *clerk) do(method, target, body string, header map[string]string) *httptest.ResponseRecorder {
	c.t.Helper()
	var r *strings.Reader
	if body != "" {
		r = strings.NewReader(body)
	} else {
		r = strings.NewReader("")
	}
	req := httptest.NewRequest(method, target, r)
	req.AddCookie(c.cookie)
	req.Header.Set(csrfHeader, c.csrf)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	return rec
}

func decodeDraft(t *testing.T, rec *httptest.ResponseRecorder) DraftResponse {
	t.Helper()
	var d DraftResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatalf("draft body: %v: %s", err, rec.Body.String())
	}
	return d
}

// draftSample is a real document with its number and date taken out, as
// a clerk starts it.
func draftSample(t *testing.T) (doc string, number string) {
	t.Helper()
	data, err := os.ReadFile("../../samples/gia-lai-2023-ke-hoach-du-an-8.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	number = m["number"].(string)
	delete(m, "number")
	m["date"] = map[string]any{"year": 2023}
	m["draft"] = true
	b, _ := json.Marshal(m)
	return string(b), number
}

func setSummary(t *testing.T, doc json.RawMessage, summary string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatal(err)
	}
	m["summary"] = summary
	b, _ := json.Marshal(m)
	return `{"document":` + string(b) + `}`
}

// TestDraftsShared walks the drafting desk as an office uses it: lan
// drafts, hoa (same office) reads and saves, lan's stale save gets 412
// and succeeds after re-reading, hoa's comment reaches lan, who resolves
// it; minh of another office sees nothing; issuing fills the number and
// date and makes the draft read-only; the audit says who did what.
func TestDraftsShared(t *testing.T) {
	s, st := draftServer(t, t.TempDir())
	defer st.Close()
	h := s.Handler()
	lan, hoa, minh := signIn(t, h, "lan@ubnd"), signIn(t, h, "hoa@ubnd"), signIn(t, h, "minh@so-tc")
	doc, number := draftSample(t)

	rec := lan.do("POST", "/v1/drafts", `{"document":`+doc+`}`, nil)
	if rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
	}
	created := decodeDraft(t, rec)
	if created.Owner != "lan@ubnd" || created.Office != "ubnd" || created.Status != store.StatusDraft || rec.Header().Get("ETag") != `"1"` {
		t.Fatalf("created %+v etag %q", created.DraftInfo, rec.Header().Get("ETag"))
	}
	path := "/v1/drafts/" + created.ID

	// Shared within the office, hidden from another.
	if rec := hoa.do("GET", path, "", nil); rec.Code != 200 || decodeDraft(t, rec).Summary != created.Summary {
		t.Fatalf("hoa reads: %d %s", rec.Code, rec.Body.String())
	}
	for _, target := range []string{path, path + "/versions", path + "/comments"} {
		if rec := minh.do("GET", target, "", nil); rec.Code != 404 {
			t.Errorf("minh GET %s: %d, want 404", target, rec.Code)
		}
	}
	if rec := minh.do("GET", "/v1/drafts", "", nil); !strings.Contains(rec.Body.String(), `"drafts":[]`) {
		t.Errorf("minh's list: %s", rec.Body.String())
	}
	if rec := minh.do("PUT", path, setSummary(t, created.Document, "x"), map[string]string{"If-Match": `"1"`}); rec.Code != 404 {
		t.Errorf("minh PUT: %d, want 404", rec.Code)
	}

	// A conflicting save is answered 412 and resolved by re-reading.
	if rec := hoa.do("PUT", path, setSummary(t, created.Document, "Bản của Hòa"), nil); rec.Code != 428 {
		t.Errorf("PUT without If-Match: %d, want 428", rec.Code)
	}
	rec = hoa.do("PUT", path, setSummary(t, created.Document, "Bản của Hòa"), map[string]string{"If-Match": `"1"`})
	if rec.Code != 200 || rec.Header().Get("ETag") != `"2"` {
		t.Fatalf("hoa saves: %d %s", rec.Code, rec.Body.String())
	}
	rec = lan.do("PUT", path, setSummary(t, created.Document, "Bản của Lan"), map[string]string{"If-Match": `"1"`})
	if rec.Code != 412 || errorOf(t, rec).Code != CodeStale {
		t.Fatalf("lan's stale save: %d %s", rec.Code, rec.Body.String())
	}
	rec = lan.do("GET", path, "", nil)
	latest := decodeDraft(t, rec)
	if latest.Summary != "Bản của Hòa" || latest.UpdatedBy != "hoa@ubnd" {
		t.Fatalf("hoa's save was lost: %+v", latest.DraftInfo)
	}
	if r := lan.do("GET", path, "", map[string]string{"If-None-Match": rec.Header().Get("ETag")}); r.Code != 304 {
		t.Errorf("If-None-Match: %d, want 304", r.Code)
	}
	rec = lan.do("PUT", path, setSummary(t, latest.Document, "Bản của Hòa và Lan"), map[string]string{"If-Match": rec.Header().Get("ETag")})
	if rec.Code != 200 || decodeDraft(t, rec).Version != 3 {
		t.Fatalf("lan saves after re-reading: %d %s", rec.Code, rec.Body.String())
	}

	// A bad document is refused before it is stored, naming the field.
	rec = lan.do("PUT", path, `{"document":{"schema":"vanban/v2","type":"ke_hoach","colour":"red"}}`, map[string]string{"If-Match": `"3"`})
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"path":"/document/colour"`) {
		t.Errorf("unknown field: %d %s", rec.Code, rec.Body.String())
	}

	// Every save is a version with who and when.
	var vs struct{ Versions []VersionInfo }
	_ = json.Unmarshal(hoa.do("GET", path+"/versions", "", nil).Body.Bytes(), &vs)
	if len(vs.Versions) != 3 || vs.Versions[0].Author != "lan@ubnd" || vs.Versions[1].Author != "hoa@ubnd" || vs.Versions[2].CreatedAt.IsZero() {
		t.Errorf("versions %+v", vs.Versions)
	}
	if rec := hoa.do("GET", path+"/versions/2", "", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Bản của Hòa") {
		t.Errorf("version 2: %d %.200s", rec.Code, rec.Body.String())
	}

	// A reviewer's comment is seen by the clerk, who resolves it.
	rec = hoa.do("POST", path+"/comments", `{"path":"/summary","text":"Trích yếu quá dài"}`, nil)
	if rec.Code != 201 {
		t.Fatalf("comment: %d %s", rec.Code, rec.Body.String())
	}
	var cm CommentInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &cm)
	if rec := hoa.do("POST", path+"/comments", `{"path":"summary","text":"x"}`, nil); rec.Code != 422 {
		t.Errorf("comment on a non-pointer: %d", rec.Code)
	}
	var cs struct{ Comments []CommentInfo }
	_ = json.Unmarshal(lan.do("GET", path+"/comments", "", nil).Body.Bytes(), &cs)
	if len(cs.Comments) != 1 || cs.Comments[0].Author != "hoa@ubnd" || cs.Comments[0].Path != "/summary" || cs.Comments[0].Resolved {
		t.Fatalf("lan sees %+v", cs.Comments)
	}
	if rec := minh.do("POST", path+"/comments/"+cm.ID+"/resolve", "", nil); rec.Code != 404 {
		t.Errorf("minh resolves: %d", rec.Code)
	}
	if rec := lan.do("POST", path+"/comments/"+cm.ID+"/resolve", "", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"resolved_by":"lan@ubnd"`) {
		t.Errorf("resolve: %d %s", rec.Code, rec.Body.String())
	}

	// dự thảo → đã ban hành directly is refused; through review it issues
	// once the engine finds no error, and the number and date are filled.
	if rec := lan.do("PUT", path, `{"status":"da_ban_hanh","number":"`+number+`","date":"2023-06-30"}`, map[string]string{"If-Match": `"3"`}); rec.Code != 409 {
		t.Errorf("draft → issued: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("PUT", path, `{"status":"trinh_duyet"}`, map[string]string{"If-Match": `"3"`}); rec.Code != 200 {
		t.Fatalf("send for review: %d %s", rec.Code, rec.Body.String())
	}
	if rec := hoa.do("PUT", path, `{"status":"da_ban_hanh","date":"2023-06-30"}`, map[string]string{"If-Match": `"4"`}); rec.Code != 422 || !strings.Contains(rec.Body.String(), `"/number"`) {
		t.Errorf("issue without a number: %d %s", rec.Code, rec.Body.String())
	}
	rec = hoa.do("PUT", path, `{"status":"da_ban_hanh","number":"`+number+`","date":"2023-06-30"}`, map[string]string{"If-Match": `"4"`})
	if rec.Code != 200 {
		t.Fatalf("issue: %d %s", rec.Code, rec.Body.String())
	}
	issued := decodeDraft(t, rec)
	if issued.Status != store.StatusIssued || issued.Number != number || issued.IssuedOn != "2023-06-30" ||
		!strings.Contains(string(issued.Document), `"number":"`+number+`"`) || strings.Contains(string(issued.Document), `"draft"`) {
		t.Errorf("issued %+v %.300s", issued.DraftInfo, issued.Document)
	}
	if rec := lan.do("PUT", path, setSummary(t, issued.Document, "sửa sau"), map[string]string{"If-Match": `"5"`}); rec.Code != 409 || errorOf(t, rec).Code != CodeReadOnly {
		t.Errorf("edit issued: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("DELETE", path, "", map[string]string{"If-Match": `"5"`}); rec.Code != 409 {
		t.Errorf("delete issued: %d", rec.Code)
	}

	var audit struct{ Audit []AuditInfo }
	_ = json.Unmarshal(lan.do("GET", path+"/audit", "", nil).Body.Bytes(), &audit)
	var trail []string
	for _, a := range audit.Audit {
		trail = append(trail, a.Actor+" "+a.Action)
	}
	want := "lan@ubnd created|hoa@ubnd saved|lan@ubnd saved|hoa@ubnd commented|lan@ubnd resolved|lan@ubnd status|hoa@ubnd status"
	if got := strings.Join(trail, "|"); got != want {
		t.Errorf("audit\n got %s\nwant %s", got, want)
	}
}

// TestDraftsListDeleteAndRestart: search and pages, delete with If-Match,
// a write without the CSRF token refused, and every draft still there
// after the server restarts on the same SQLite file.
func TestDraftsListDeleteAndRestart(t *testing.T) {
	dir := t.TempDir()
	s, st := draftServer(t, dir)
	h := s.Handler()
	lan := signIn(t, h, "lan@ubnd")
	doc, _ := draftSample(t)
	var ids []string
	for _, summary := range []string{"Kế hoạch phòng chống lụt bão", "Kế hoạch tuyên truyền", "Kế hoạch PHÒNG CHỐNG dịch"} {
		rec := lan.do("POST", "/v1/drafts", setSummary(t, json.RawMessage(doc), summary), nil)
		if rec.Code != 201 {
			t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
		}
		ids = append(ids, decodeDraft(t, rec).ID)
	}
	list := func(c *clerk, query string) DraftList {
		t.Helper()
		rec := c.do("GET", "/v1/drafts"+query, "", nil)
		if rec.Code != 200 {
			t.Fatalf("list %s: %d %s", query, rec.Code, rec.Body.String())
		}
		var l DraftList
		_ = json.Unmarshal(rec.Body.Bytes(), &l)
		return l
	}
	for _, tt := range []struct {
		query string
		n     int
	}{
		{"", 3}, {"?q=ph%C3%B2ng+ch%E1%BB%91ng", 2}, {"?type=ke_hoach&status=du_thao", 3}, {"?type=quyet_dinh", 0}, {"?status=trinh_duyet", 0},
	} {
		if l := list(lan, tt.query); len(l.Drafts) != tt.n {
			t.Errorf("list %q: %d drafts, want %d", tt.query, len(l.Drafts), tt.n)
		}
	}
	p1 := list(lan, "?limit=2")
	p2 := list(lan, "?limit=2&cursor="+p1.NextCursor)
	if len(p1.Drafts) != 2 || p1.NextCursor == "" || len(p2.Drafts) != 1 || p2.NextCursor != "" || p2.Drafts[0].ID == p1.Drafts[0].ID {
		t.Errorf("pages %+v %+v", p1, p2)
	}
	for _, q := range []string{"?limit=0", "?limit=101", "?status=x", "?cursor=!!"} {
		if rec := lan.do("GET", "/v1/drafts"+q, "", nil); rec.Code != 400 {
			t.Errorf("list %s: %d, want 400", q, rec.Code)
		}
	}

	noCSRF := *lan
	noCSRF.csrf = ""
	if rec := noCSRF.do("DELETE", "/v1/drafts/"+ids[0], "", map[string]string{"If-Match": `"1"`}); rec.Code != 403 {
		t.Errorf("delete without CSRF: %d, want 403", rec.Code)
	}
	if rec := lan.do("DELETE", "/v1/drafts/"+ids[0], "", map[string]string{"If-Match": `"2"`}); rec.Code != 412 {
		t.Errorf("stale delete: %d, want 412", rec.Code)
	}
	if rec := lan.do("DELETE", "/v1/drafts/"+ids[0], "", map[string]string{"If-Match": `"1"`}); rec.Code != 204 {
		t.Errorf("delete: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("GET", "/v1/drafts/"+ids[0], "", nil); rec.Code != 404 {
		t.Errorf("deleted draft: %d", rec.Code)
	}

	// Restart: a new server on the same file keeps every draft.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	s2, st2 := draftServer(t, dir)
	defer st2.Close()
	hoa := signIn(t, s2.Handler(), "hoa@ubnd")
	l := list(hoa, "")
	if len(l.Drafts) != 2 || l.Drafts[0].ID != ids[2] || l.Drafts[1].ID != ids[1] {
		t.Fatalf("after restart: %+v", l.Drafts)
	}
	if rec := hoa.do("GET", "/v1/drafts/"+ids[1], "", nil); rec.Code != 200 || decodeDraft(t, rec).Summary != "Kế hoạch tuyên truyền" {
		t.Errorf("after restart: %d %.200s", rec.Code, rec.Body.String())
	}
}

func TestDraftsWithoutStore(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	if rec := do(h, "GET", "/v1/drafts", "", nil); rec.Code != 501 {
		t.Errorf("no store: %d, want 501", rec.Code)
	}
}

func TestOfficeOf(t *testing.T) {
	for _, tt := range []struct{ who, name, office string }{
		{"user:lan@ubnd", "lan@ubnd", "ubnd"},
		{"user:lan", "lan", defaultOffice},
		{"user:@x", "@x", defaultOffice},
		{"user:a@", "a@", defaultOffice},
		{"key", "key", defaultOffice},
	} {
		if got := officeOf(tt.who); got.who != tt.name || got.office != tt.office {
			t.Errorf("officeOf(%q) = %+v", tt.who, got)
		}
	}
}

// TestDraftRequestErrors: every malformed write is refused with a clear
// status before anything is stored.
func TestDraftRequestErrors(t *testing.T) {
	s, st := draftServer(t, t.TempDir())
	defer st.Close()
	h := s.Handler()
	lan := signIn(t, h, "lan@ubnd")
	doc, _ := draftSample(t)
	rec := lan.do("POST", "/v1/drafts", `{"document":`+doc+`}`, nil)
	path := "/v1/drafts/" + decodeDraft(t, rec).ID
	big := `{"document":{"schema":"vanban/v2","type":"ke_hoach","summary":"` + strings.Repeat("a", 2<<20) + `"}}`
	for _, tt := range []struct {
		name, method, target, body string
		header                     map[string]string
		status                     int
		contains                   string
	}{
		{"unknown envelope field", "POST", "/v1/drafts", `{"document":` + doc + `,"colour":1}`, nil, 422, "colour"},
		{"no document", "POST", "/v1/drafts", `{"status":"du_thao"}`, nil, 422, `"/document"`},
		{"issued at once", "POST", "/v1/drafts", `{"document":` + doc + `,"status":"da_ban_hanh"}`, nil, 422, `"/status"`},
		{"unknown status", "PUT", path, `{"status":"xong"}`, map[string]string{"If-Match": `"1"`}, 422, `"/status"`},
		{"bad If-Match", "PUT", path, `{"status":"trinh_duyet"}`, map[string]string{"If-Match": `abc`}, 400, "If-Match"},
		{"send for review", "PUT", path, `{"status":"trinh_duyet"}`, map[string]string{"If-Match": `"1"`}, 200, `"trinh_duyet"`},
		{"bad issue date", "PUT", path, `{"status":"da_ban_hanh","number":"1","date":"5/12/2026"}`, map[string]string{"If-Match": `"2"`}, 422, `"/date"`},
		{"too large", "POST", "/v1/drafts", big, nil, 413, CodeTooLarge},
		{"not JSON", "POST", "/v1/drafts", `{"document":`, nil, 422, "draft.envelope"},
		{"empty comment", "POST", path + "/comments", `{"path":"/summary","text":"  "}`, nil, 422, `"/text"`},
		{"bad pointer escape", "POST", path + "/comments", `{"path":"/a~2","text":"x"}`, nil, 422, `"/path"`},
		{"unknown draft", "GET", "/v1/drafts/nope", "", nil, 404, CodeNotFound},
		{"bad version", "GET", path + "/versions/x", "", nil, 404, CodeNotFound},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := lan.do(tt.method, tt.target, tt.body, tt.header)
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("%d %.300s; want %d with %q", rec.Code, rec.Body.String(), tt.status, tt.contains)
			}
		})
	}
	var vs struct{ Versions []VersionInfo }
	_ = json.Unmarshal(lan.do("GET", path+"/versions", "", nil).Body.Bytes(), &vs)
	if len(vs.Versions) != 2 {
		t.Errorf("%d versions stored, want 2 (create, review)", len(vs.Versions))
	}
}
