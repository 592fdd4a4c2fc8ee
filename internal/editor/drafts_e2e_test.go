//go:build integration

package editor_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/vanban/vanban/internal/testtools"
)

const draftsPass = "correct-horse-battery"

// openBrowser is a headless Chromium on srv's editor for a session s
// whose server is already started; openEditorWith and the drafts tests
// share it.
func openBrowser(t *testing.T, s *session) {
	t.Helper()
	chrome := testtools.Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		// The build machines have no network: without these Chromium
		// stalls on start-up trying to reach Google services.
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "vi-VN"), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 768),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	// Script errors fail the test: a broken handler is invisible otherwise.
	bctx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok && e.ExceptionDetails != nil {
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			s.mu.Lock()
			s.jsErrors = append(s.jsErrors, msg)
			s.mu.Unlock()
		}
	}))
	t.Cleanup(cancelBrowser)
	s.ctx = bctx
	t.Cleanup(s.finish)
}

// signInAs opens the editor at s.base and signs in as an office user.
func (s *session) signInAs(user string) {
	s.t.Helper()
	s.step("sign in as "+user,
		chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(s.base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#login-user`)),
		chromedp.SendKeys(chromedp.CSS(`#login-user`), user),
		chromedp.SendKeys(chromedp.CSS(`#login-password`), draftsPass),
		chromedp.Click(chromedp.CSS(`#login-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#drafts-pane`)),
	)
}

// apiUser is the second clerk, working through the API with her own
// session.
type apiUser struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

func signInAPI(t *testing.T, base, user string) *apiUser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	u := &apiUser{t: t, base: base, c: &http.Client{Jar: jar, Timeout: 10 * time.Second}}
	var out struct{ CSRF string }
	if code := u.call("POST", "/auth/login", fmt.Sprintf(`{"user":%q,"password":%q}`, user, draftsPass), nil, &out); code != 200 {
		t.Fatalf("sign in %s: %d", user, code)
	}
	u.csrf = out.CSRF
	return u
}

// call sends a request and decodes a JSON answer into out (when not nil);
// it returns the status and, through hdr, the ETag.
func (u *apiUser) call(method, path, body string, hdr map[string]string, out any) int {
	u.t.Helper()
	req, _ := http.NewRequest(method, u.base+path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-CSRF-Token", u.csrf)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := u.c.Do(req)
	if err != nil {
		u.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if hdr != nil {
		hdr["ETag"] = res.Header.Get("ETag")
	}
	if out != nil && res.StatusCode < 300 {
		if err := json.Unmarshal(data, out); err != nil {
			u.t.Fatalf("%s %s: %v: %s", method, path, err, data)
		}
	}
	return res.StatusCode
}

type draftJSON struct {
	ID       string                     `json:"id"`
	Summary  string                     `json:"summary"`
	Version  int                        `json:"version"`
	Document map[string]json.RawMessage `json:"document"`
}

// TestEditorDrafts: two clerks of one office share a draft. Lan edits in
// the browser, autosave keeps it on the server; Hòa saves another version
// and comments on the trích yếu through the API; Lan's next autosave gets
// 412, she reloads, sees Hòa's text and comment beside the field, resolves
// it and goes on. After a server restart the draft is still listed and
// opens.
func TestEditorDrafts(t *testing.T) {
	testtools.Chromium(t)
	dataDir := t.TempDir()
	env := []string{"VANBAN_USERS=lan@ubnd:" + draftsPass + ",hoa@ubnd:" + draftsPass, "VANBAN_DATA_DIR=" + dataDir}
	srv := startServer(t, env...)
	s := &session{t: t, srv: srv, base: srv.url, shots: t.TempDir()}
	openBrowser(t, s)
	s.signInAs("lan@ubnd")
	s.step("open a sample and edit it",
		poll(fmt.Sprintf(`!!document.querySelector('#sample-select option[value=%q]')`, sampleName)),
		chromedp.SetValue(chromedp.CSS(`#sample-select`), sampleName),
		chromedp.Click(chromedp.CSS(`#open-sample`)),
		poll(`document.querySelector('[data-path="/summary"]').value.length > 0`),
		replaceText(`[data-path="/summary"]`, "Kế hoạch của Lan"),
		poll(`document.querySelector('#save-state').dataset.state === "saved"`),
		poll(`document.querySelector('#drafts-list').textContent.includes("Kế hoạch của Lan")`),
	)

	hoa := signInAPI(t, srv.url, "hoa@ubnd")
	var list struct {
		Drafts []draftJSON `json:"drafts"`
	}
	hoa.call("GET", "/v1/drafts", "", nil, &list)
	if len(list.Drafts) != 1 || list.Drafts[0].Summary != "Kế hoạch của Lan" {
		t.Fatalf("Hòa sees %+v", list.Drafts)
	}
	id := list.Drafts[0].ID
	hdr := map[string]string{}
	var d draftJSON
	hoa.call("GET", "/v1/drafts/"+id, "", hdr, &d)
	d.Document["summary"], _ = json.Marshal("Kế hoạch của Hòa")
	doc, _ := json.Marshal(d.Document)
	if code := hoa.call("PUT", "/v1/drafts/"+id, `{"document":`+string(doc)+`}`, map[string]string{"If-Match": hdr["ETag"]}, nil); code != 200 {
		t.Fatalf("Hòa saves: %d", code)
	}
	if code := hoa.call("POST", "/v1/drafts/"+id+"/comments", `{"path":"/summary","text":"Xem lại trích yếu"}`, nil, nil); code != 201 {
		t.Fatalf("Hòa comments: %d", code)
	}

	s.step("a stale autosave is stopped, and the draft reloaded",
		replaceText(`[data-path="/summary"]`, "Kế hoạch của Lan, sửa tiếp"),
		poll(`document.querySelector('#save-state').dataset.state === "conflict"`),
		chromedp.Click(chromedp.CSS(`[data-action="reload-draft"]`)),
		poll(`document.querySelector('[data-path="/summary"]').value === "Kế hoạch của Hòa"`),
		poll(`(document.querySelector('.draft-comment') || {textContent: ""}).textContent.includes("Xem lại trích yếu")`),
	)
	s.shot("drafts-comment")
	s.step("Lan resolves the comment and saves on top of Hòa's version",
		chromedp.Click(chromedp.CSS(`[data-action="resolve-comment"]`)),
		poll(`!document.querySelector('.draft-comment')`),
		replaceText(`[data-path="/summary"]`, "Kế hoạch chung của Lan và Hòa"),
		poll(`document.querySelector('#save-state').dataset.state === "saved"`),
	)
	s.step("Lan sends the draft for review from the buttons the server offers",
		poll(`!!document.querySelector('#draft-moves [data-to="trinh_duyet"]')`),
		chromedp.Click(chromedp.CSS(`#draft-moves [data-to="trinh_duyet"]`)),
		poll(`!!document.querySelector('#draft-moves [data-to="da_ban_hanh"]') && !document.querySelector('#draft-moves [data-to="trinh_duyet"]')`),
	)
	var st struct {
		Status string `json:"status"`
	}
	hoa.call("GET", "/v1/drafts/"+id, "", nil, &st)
	if st.Status != "trinh_duyet" {
		t.Errorf("status after the button: %q, want trinh_duyet", st.Status)
	}
	var comments struct {
		Comments []struct {
			Resolved   bool   `json:"resolved"`
			ResolvedBy string `json:"resolved_by"`
		} `json:"comments"`
	}
	hoa.call("GET", "/v1/drafts/"+id+"/comments", "", nil, &comments)
	if len(comments.Comments) != 1 || !comments.Comments[0].Resolved || comments.Comments[0].ResolvedBy != "lan@ubnd" {
		t.Errorf("comments %+v", comments.Comments)
	}
	var versions struct {
		Versions []struct {
			Author string `json:"author"`
		} `json:"versions"`
	}
	hoa.call("GET", "/v1/drafts/"+id+"/versions", "", nil, &versions)
	var authors []string
	for _, v := range versions.Versions {
		authors = append(authors, v.Author)
	}
	if got := strings.Join(authors, ","); !strings.HasPrefix(got, "lan@ubnd,hoa@ubnd,lan@ubnd") {
		t.Errorf("version authors %s", got)
	}

	// Restart on the same data directory: every draft is still there.
	srv.stop(t)
	srv2 := startServer(t, env...)
	s.srv, s.base = srv2, srv2.url
	s.signInAs("hoa@ubnd")
	s.step("the draft survives a restart",
		poll(`document.querySelector('#drafts-list').textContent.includes("Kế hoạch chung của Lan và Hòa")`),
		chromedp.Click(chromedp.CSS(`#drafts-list li[data-id="`+id+`"] [data-action="open"]`)),
		poll(`document.querySelector('[data-path="/summary"]').value === "Kế hoạch chung của Lan và Hòa"`),
	)
	s.shot("drafts-after-restart")
}
