package httpapi

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// TestProfilesAPI keeps an office's profiles: a lead creates, replaces
// and deletes one under its ETag, everyone of the office reads it, a
// clerk is refused, another office never sees it, and the service's own
// profile is listed beside them.
func TestProfilesAPI(t *testing.T) {
	s, st := draftServerWith(t, t.TempDir(), withRoles)
	defer st.Close()
	left := 32.0
	s.service = &document.Profile{Name: "Dịch vụ", MarginLeft: &left}
	h := s.Handler()
	lan, sep, minh := signIn(t, h, "lan@ubnd"), signIn(t, h, "sep@ubnd"), signIn(t, h, "minh@so-tc")
	path := "/v1/profiles/" + url.PathEscape("Sở Nội vụ")
	create := map[string]string{"If-None-Match": "*"}
	body := `{"margin_left":35,"margin_right":15,"line_spacing":1.5,"first_indent":10}`

	if rec := lan.do("PUT", path, body, create); rec.Code != 403 || errorOf(t, rec).Code != CodeForbiddenRole {
		t.Errorf("clerk creates: %d %s, want 403", rec.Code, rec.Body.String())
	}
	if rec := sep.do("PUT", path, body, nil); rec.Code != 428 {
		t.Errorf("no If-Match nor If-None-Match: %d, want 428", rec.Code)
	}
	rec := sep.do("PUT", path, body, create)
	if rec.Code != 201 || rec.Header().Get("ETag") != `"1"` || rec.Header().Get("Location") != path {
		t.Fatalf("lead creates: %d %v %s", rec.Code, rec.Header(), rec.Body.String())
	}
	var got ProfileInfo
	_ = json.Unmarshal(rec.Body.Bytes(), &got)
	if got.Name != "Sở Nội vụ" || got.Profile.Name != "Sở Nội vụ" || got.Profile.MarginLeft == nil || *got.Profile.MarginLeft != 35 || got.UpdatedBy != "sep@ubnd" {
		t.Errorf("created %+v", got)
	}
	if rec := sep.do("PUT", "/v1/profiles/SO%20NOI%20VU", body, create); rec.Code != 409 || errorOf(t, rec).Code != CodeDuplicateName {
		t.Errorf("the same name folded: %d, want 409", rec.Code)
	}

	// Everyone of the office reads; another office does not see it.
	var list ProfilesResponse
	rec = lan.do("GET", "/v1/profiles", "", nil)
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != 200 || len(list.Profiles) != 1 ||
		list.Service == nil || *list.Service.MarginLeft != 32 {
		t.Errorf("clerk lists: %d %s", rec.Code, rec.Body.String())
	}
	rec = minh.do("GET", "/v1/profiles", "", nil)
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list.Profiles) != 0 {
		t.Errorf("another office lists: %s", rec.Body.String())
	}
	if rec := minh.do("GET", path, "", nil); rec.Code != 404 {
		t.Errorf("another office reads: %d, want 404", rec.Code)
	}
	rec = lan.do("GET", "/v1/profiles/so%20noi%20vu", "", nil)
	if rec.Code != 200 || rec.Header().Get("ETag") != `"1"` {
		t.Fatalf("clerk reads by folded name: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("GET", path, "", map[string]string{"If-None-Match": `"1"`}); rec.Code != 304 {
		t.Errorf("revalidate: %d, want 304", rec.Code)
	}

	// Replace under the ETag; a stale one is 412 in the profile's words.
	rec = sep.do("PUT", path, `{"name":"Sở Nội vụ","margin_left":30}`, map[string]string{"If-Match": `"1"`})
	if rec.Code != 200 || rec.Header().Get("ETag") != `"2"` {
		t.Fatalf("replace: %d %s", rec.Code, rec.Body.String())
	}
	if rec := sep.do("PUT", path, body, map[string]string{"If-Match": `"1"`}); rec.Code != 412 || errorOf(t, rec).Code != CodeStale {
		t.Errorf("stale replace: %d %s, want 412", rec.Code, rec.Body.String())
	}
	if rec := lan.do("DELETE", path, "", map[string]string{"If-Match": `"2"`}); rec.Code != 403 {
		t.Errorf("clerk deletes: %d, want 403", rec.Code)
	}
	if rec := sep.do("DELETE", path, "", nil); rec.Code != 428 {
		t.Errorf("delete without If-Match: %d, want 428", rec.Code)
	}
	if rec := sep.do("DELETE", path, "", map[string]string{"If-Match": `"1"`}); rec.Code != 412 {
		t.Errorf("stale delete: %d, want 412", rec.Code)
	}
	if rec := sep.do("DELETE", path, "", map[string]string{"If-Match": `"2"`}); rec.Code != 204 {
		t.Errorf("delete: %d %s", rec.Code, rec.Body.String())
	}
	if rec := lan.do("GET", path, "", nil); rec.Code != 404 {
		t.Errorf("read a deleted profile: %d, want 404", rec.Code)
	}
}

// TestProfilesAPIRefuses: a profile outside NĐ30's ranges, or not shaped
// like options.profile, is refused with the field's JSON Pointer, a
// stable code and both languages; nothing is stored.
func TestProfilesAPIRefuses(t *testing.T) {
	s, st := draftServerWith(t, t.TempDir(), withRoles)
	defer st.Close()
	h := s.Handler()
	sep := signIn(t, h, "sep@ubnd")
	create := map[string]string{"If-None-Match": "*"}
	cases := []struct {
		name, path, body string
		status           int
		pointer          string
	}{
		{"left margin under 30 mm", "/v1/profiles/A", `{"margin_left":25}`, 422, "/margin_left"},
		{"indent over 1.27 cm", "/v1/profiles/A", `{"first_indent":15}`, 422, "/first_indent"},
		{"spacing over 1.5", "/v1/profiles/A", `{"line_spacing":2}`, 422, "/line_spacing"},
		{"body size 12", "/v1/profiles/A", `{"body_size":12}`, 422, "/body_size"},
		{"unknown field", "/v1/profiles/A", `{"colour":"red"}`, 422, ""},
		{"not an object", "/v1/profiles/A", `[1]`, 422, ""},
		{"a number as text", "/v1/profiles/A", `{"margin_top":"20"}`, 422, ""},
		{"name without letters", "/v1/profiles/" + url.PathEscape("- ;"), `{}`, 422, "/name"},
		{"body names another profile", "/v1/profiles/A", `{"name":"B"}`, 422, "/name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := sep.do("PUT", c.path, c.body, create)
			if rec.Code != c.status {
				t.Fatalf("%d %s, want %d", rec.Code, rec.Body.String(), c.status)
			}
			e := errorOf(t, rec)
			if e.Code == "" || e.VI == "" || e.EN == "" || len(e.Findings) == 0 {
				t.Errorf("error %+v", e)
			}
			if c.pointer != "" && e.Findings[0].Path != c.pointer {
				t.Errorf("finding at %q, want %q", e.Findings[0].Path, c.pointer)
			}
		})
	}
	var list ProfilesResponse
	_ = json.Unmarshal(sep.do("GET", "/v1/profiles", "", nil).Body.Bytes(), &list)
	if len(list.Profiles) != 0 || list.Service != nil {
		t.Errorf("refused profiles stored: %+v", list)
	}
	// The extreme ends of every range are accepted.
	lo := `{"margin_top":20,"margin_bottom":20,"margin_left":30,"margin_right":15,"body_size":13,"line_spacing":1,"first_indent":10,"agency_size":12,"sign_space":20}`
	hi := `{"margin_top":25,"margin_bottom":25,"margin_left":35,"margin_right":20,"body_size":14,"line_spacing":1.5,"first_indent":12.7,"agency_size":13,"sign_space":50}`
	for name, body := range map[string]string{"Thấp": lo, "Cao": hi} {
		if rec := sep.do("PUT", "/v1/profiles/"+url.PathEscape(name), body, create); rec.Code != 201 {
			t.Errorf("%s: %d %s", name, rec.Code, rec.Body.String())
		}
	}
}

// TestProfilesWithoutStore: a server that keeps no drafts lists no office
// profile but still its own, and refuses to store one (501).
func TestProfilesWithoutStore(t *testing.T) {
	right := 15.0
	s := newTestServer(t, func(o *Options) { o.ServiceProfile = &document.Profile{Name: "Dịch vụ", MarginRight: &right} })
	rec := do(s.Handler(), "GET", "/v1/profiles", "", nil)
	var list ProfilesResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != 200 || len(list.Profiles) != 0 || list.Service == nil || *list.Service.MarginRight != 15 {
		t.Errorf("list: %d %s", rec.Code, rec.Body.String())
	}
	rec = do(s.Handler(), "PUT", "/v1/profiles/A", `{}`, map[string]string{"Content-Type": "application/json", "If-None-Match": "*"})
	if rec.Code != 501 {
		t.Errorf("put without a store: %d %s, want 501", rec.Code, rec.Body.String())
	}
}
