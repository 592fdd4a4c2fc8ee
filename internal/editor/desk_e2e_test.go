//go:build integration

package editor_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestEditorTemplatesAndRecipients: a clerk starts a draft from a
// built-in template, picks a Nơi nhận from the office's directory by
// typing it without marks, and saves the draft as the office's own
// template, which the list then shows; a reviewer cannot edit it.
func TestEditorTemplatesAndRecipients(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end browser test skipped with -short")
	}
	env := []string{"VANBAN_USERS=lan@ubnd:" + draftsPass + ",hoa@ubnd:" + draftsPass, "VANBAN_ROLES=hoa@ubnd:reviewer",
		"VANBAN_DATA_DIR=" + t.TempDir()}
	srv := startServer(t, env...)
	lan := signInAPI(t, srv.url, "lan@ubnd")
	const wanted = "Sở Tài chính tỉnh Quảng Trị"
	for _, name := range []string{wanted, "Sở Tư pháp tỉnh Quảng Trị", "Phòng Tài nguyên và Môi trường"} {
		if code := lan.call("POST", "/v1/recipients", fmt.Sprintf(`{"name":%q}`, name), nil, nil); code != 201 {
			t.Fatalf("add %s: %d", name, code)
		}
	}
	s := &session{t: t, srv: srv, base: srv.url, shots: t.TempDir()}
	openBrowser(t, s)
	s.signInAs("lan@ubnd")
	tpl := "builtin:" + sampleName
	s.step("start a draft from a built-in template",
		poll(`!document.querySelector('#open-templates').hidden`),
		chromedp.Click(chromedp.CSS(`#open-templates`)),
		poll(`document.querySelector('#templates-pane').open`),
		poll(fmt.Sprintf(`!!document.querySelector('#templates-list li[data-id=%q] [data-action="start-from-template"]')`, tpl)),
		// The side pane scrolls; a script click is what a keyboard user's
		// Enter on the focused button does.
		scriptClick(fmt.Sprintf(`#templates-list li[data-id=%q] [data-action="start-from-template"]`, tpl)),
		poll(`window.vanban.state.doc.draft === true && !("number" in window.vanban.state.doc)`),
		poll(`!document.querySelector('#templates-pane').open`),
		poll(`document.querySelector('#drafts-list').children.length === 1`),
	)
	field := `[data-path="/distribution/recipients/0/name"]`
	s.step("pick a recipient from the directory by typing it without marks",
		replaceText(field, "so tai"),
		poll(fmt.Sprintf(`[...document.querySelectorAll('.recipient-options [role=option]')].some((o) => o.textContent.includes(%q))`, wanted)),
		poll(fmt.Sprintf(`document.querySelector(%q).getAttribute('aria-expanded') === "true"`, field)),
	)
	s.shot("recipient-options")
	s.step("choose it with the keyboard",
		chromedp.KeyEvent(kb.ArrowDown),
		poll(fmt.Sprintf(`document.querySelector(%q).getAttribute('aria-activedescendant') !== null`, field)),
		chromedp.KeyEvent(kb.Enter),
		poll(fmt.Sprintf(`window.vanban.state.doc.distribution.recipients[0].name === %q`, wanted)),
		poll(`document.querySelector('.recipient-options').hidden`),
	)
	s.shot("recipient-picked")
	s.step("save the draft as the office's template",
		chromedp.Click(chromedp.CSS(`#open-templates`)),
		poll(`document.querySelector('#templates-pane').open`),
		chromedp.Click(chromedp.CSS(`#template-name`)),
		poll(`document.querySelector('#template-name').value.length > 0`),
		replaceText(`#template-name`, "Kế hoạch bình đẳng giới của xã"),
		scriptClick(`[data-action="save-template"]`),
		poll(`[...document.querySelectorAll('#templates-list .templates-group')][0].textContent.includes("Kế hoạch bình đẳng giới của xã")`),
		chromedp.Click(chromedp.CSS(`#templates-pane [data-action="close"]`)),
	)
	s.step("the directory lists the office's recipients",
		chromedp.Click(chromedp.CSS(`#open-recipients`)),
		poll(`document.querySelector('#recipients-pane').open`),
		poll(`document.querySelector('#recipients-list').children.length === 3`),
		replaceText(`#recipients-q`, "tu phap"),
		poll(`document.querySelector('#recipients-list').children.length === 1 && document.querySelector('#recipients-list').textContent.includes("Sở Tư pháp")`),
	)
	s.shot("recipients-directory")
	var list struct {
		Templates []struct {
			Name    string `json:"name"`
			Builtin bool   `json:"builtin"`
			Owner   string `json:"owner"`
		} `json:"templates"`
	}
	lan.call("GET", "/v1/templates", "", nil, &list)
	if len(list.Templates) == 0 || list.Templates[0].Builtin || list.Templates[0].Owner != "lan@ubnd" {
		t.Fatalf("templates %+v", list.Templates)
	}
	hoa := signInAPI(t, srv.url, "hoa@ubnd")
	if code := hoa.call("POST", "/v1/recipients", `{"name":"Sở Y tế"}`, nil, nil); code != 403 {
		t.Errorf("a reviewer edits the directory: %d, want 403", code)
	}

	// A reviewer is offered what the role may do: the directory to read,
	// no templates to draft from. (A restart ends Lan's browser session.)
	srv.stop(t)
	srv2 := startServer(t, env...)
	s.srv, s.base = srv2, srv2.url
	s.signInAs("hoa@ubnd")
	s.step("a reviewer reads the directory and drafts nothing",
		poll(`!document.querySelector('#open-recipients').hidden`),
		poll(`document.querySelector('#open-templates').hidden`),
		chromedp.Click(chromedp.CSS(`#open-recipients`)),
		poll(`document.querySelector('#recipients-list').children.length === 3`),
		poll(`!document.querySelector('.recipients-add') && !document.querySelector('[data-action="edit-recipient"]')`),
	)
	if js := strings.Join(s.jsErrors, "\n"); js != "" {
		t.Errorf("script errors:\n%s", js)
	}
}

// scriptClick clicks the element of sel from a script.
func scriptClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).click()`, sel))
}
