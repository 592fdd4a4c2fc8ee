//go:build integration

package editor_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vanban/vanban/internal/testtools"
)

// TestEditorUnvisitedFields: a blank form shows no finding until a field
// is visited or the clerk presses Kiểm tra; then only that field's.
func TestEditorUnvisitedFields(t *testing.T) {
	s := openEditor(t)
	const errors = `window.vanban.state.findings.filter(f => f.severity === "error")`
	s.step("new kế hoạch", newBlank("#new-kh", "ke_hoach"), waitValidated(), poll(errors+".length > 0"))
	if n := s.js(`document.querySelectorAll("#findings .finding, #form .finding-msg, #form [aria-invalid]").length`); n != "0" {
		t.Fatalf("blank form shows %s findings before any field is visited; the server found %s", n, s.js(errors+".map(f => f.path)"))
	}
	if st := s.str("status", chromedp.Text(chromedp.CSS(`#status`))); strings.Contains(st, "lỗi") && !strings.Contains(st, "chưa có lỗi") {
		t.Errorf("status of a blank form: %q", st)
	}
	// Pick a field the blank form has an error on, visit it and leave.
	path := strings.Trim(s.js(errors+`.map(f => f.path).find(p => document.querySelector('#form input[data-path="' + p + '"], #form textarea[data-path="' + p + '"]'))`), `"`)
	if path == "" || path == "null" {
		t.Fatalf("no blank field with an error among %s", s.js(errors+".map(f => f.path)"))
	}
	sel := fmt.Sprintf(`[data-path=%q]`, path)
	s.step("visit "+path, chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`),
		poll(fmt.Sprintf(`!!document.querySelector('.finding-msg[data-finding-for=%q]')`, path)))
	if n := s.js(`[...document.querySelectorAll("#findings .finding.error")].filter(b => b.dataset.findingPath !== ` + jsString(path) + `).length`); n != "0" {
		t.Errorf("after visiting %s, %s findings of other fields are listed", path, n)
	}
	s.step("Kiểm tra shows them all", click("#check-all"), waitValidated(),
		poll(`document.querySelectorAll("#findings .finding.error").length === `+errors+`.length`))
	if st := s.str("status", chromedp.Text(chromedp.CSS(`#status`))); !strings.Contains(st, "lỗi") {
		t.Errorf("status after Kiểm tra: %q", st)
	}
}

// TestEditorPreviewOutOfDate: the preview is marked out of date, for eyes
// and screen readers, from the first edit until a new one replaces it, and
// stays so while the document has errors or its type was switched.
func TestEditorPreviewOutOfDate(t *testing.T) {
	s := openEditor(t)
	const stale = `document.querySelector(".preview-panel").dataset.stale === "1"`
	const banner = `document.querySelector("#preview-stale")`
	fresh := `!document.querySelector("#preview-frame").hidden && !(` + stale + `) && ` + banner + `.hidden`
	s.step("open sample",
		poll(fmt.Sprintf(`!!document.querySelector('#sample-select option[value=%q]')`, sampleName)),
		chromedp.SetValue(chromedp.CSS(`#sample-select`), sampleName),
		chromedp.Click(chromedp.CSS(`#open-sample`)),
		poll(`document.querySelector('[data-path="/summary"]').value.includes("Bình đẳng giới")`),
		poll(fresh))
	// An edit marks it at once, before any answer of the server.
	s.step("type", chromedp.Focus(chromedp.CSS(`[data-path="/summary"]`)), insertText(" năm 2025"))
	if got := s.js(stale + ` && !` + banner + `.hidden && ` + banner + `.getAttribute("role") === "status" && document.querySelector("#preview-frame").title.includes("đã cũ")`); got != "true" {
		t.Fatalf("right after an edit the preview is not marked out of date: %s", s.js(banner+".textContent"))
	}
	s.step("a new preview clears the mark", poll(fresh))
	s.shot("editor-preview-fresh")

	// Errors: the last good preview stays, marked, with the reason.
	s.step("clear the trích yếu", chromedp.Focus(chromedp.CSS(`[data-path="/summary"]`)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-path="/summary"]').select()`),
		insertText(" "), chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-path="/summary"]').select()`),
		chromedp.KeyEvent("\b"),
		poll(`document.body.dataset.validation === "invalid"`),
		poll(banner+`.textContent.includes("có lỗi")`))
	s.step("still marked later", chromedp.Sleep(2*time.Second))
	if got := s.js(stale); got != "true" {
		t.Errorf("with errors present the preview lost its out-of-date mark")
	}
	s.shot("editor-preview-stale")
	s.step("type it back", insertText("Về triển khai"), poll(fresh))

	// Switching the type: the old preview is of the other form.
	s.step("switch to công văn", choose(`[data-path="/type"]`, "cong_van"), poll(stale))
}

// TestEditorDraftMarkAndPrint: the DỰ THẢO option is a document option the
// server prints, and In prints a preview made from the document as it is.
func TestEditorDraftMarkAndPrint(t *testing.T) {
	testtools.Poppler(t)
	s := openEditor(t)
	const doc = "window.vanban.state.doc"
	s.step("open sample",
		poll(fmt.Sprintf(`!!document.querySelector('#sample-select option[value=%q]')`, sampleName)),
		chromedp.SetValue(chromedp.CSS(`#sample-select`), sampleName),
		chromedp.Click(chromedp.CSS(`#open-sample`)),
		poll(`document.querySelector('[data-path="/summary"]').value.includes("Bình đẳng giới")`),
		waitValidated())
	s.step("tick DỰ THẢO", click(`[data-path="/options/draft_mark"]`), poll(doc+`.options.draft_mark === true`))
	// Printing while the preview is out of date makes a new one first.
	s.step("print", chromedp.Evaluate[chromedp.Void](`window.vanban.lastPrint = null`), click("#print"),
		poll(`!!window.vanban.lastPrint`))
	if got := s.js(`!(document.querySelector(".preview-panel").dataset.stale === "1")`); got != "true" {
		t.Error("printed a preview that is out of date")
	}
	pdf := s.download("#dl-pdf", ".pdf")
	if text := pdfText(t, pdf); !strings.Contains(text, "DỰ THẢO") {
		t.Errorf("the PDF of a document with the DỰ THẢO option has no mark:\n%.300s", text)
	}
}
