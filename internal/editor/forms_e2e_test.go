//go:build integration

package editor_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEditorForms drives the editor as a clerk drafting the forms of
// Phụ lục III, editing a dự toán table and importing a file:
//   - a new quyết định comes from the server's blank with its thẩm quyền,
//     its "Xét đề nghị …" line and Điều; "+ Điều" adds Điều 4, labelled
//     by the server, and an attached text can be added;
//   - a table gets a section row whose subtotal, computed by the server,
//     shows in its blank cell as the rows under it are typed;
//   - after an import the report is beside the fields and in its panel.
func TestEditorForms(t *testing.T) {
	s := openEditor(t)
	defer s.finish()

	// A quyết định with its own fields.
	s.step("new quyết định",
		poll(`!!document.querySelector('#new-form option[value="quyet_dinh"]')`),
		chromedp.SetValue(chromedp.CSS(`#new-form`), "quyet_dinh"),
		chromedp.Click(chromedp.CSS(`[data-action="new-form"]`)),
		poll(`!!document.querySelector('[data-path="/competence"]')`),
		waitValidated(),
	)
	if got := s.js(`document.querySelector('textarea[data-path="/competence"]').value`); got != `"CHỦ TỊCH ỦY BAN NHÂN DÂN"` {
		t.Errorf("thẩm quyền field holds %s", got)
	}
	if got := s.js(`[...document.querySelectorAll('#sec-cancu h3')].map((e) => e.textContent)`); !strings.Contains(got, "Xét đề nghị") {
		t.Errorf("căn cứ heading of a quyết định: %s", got)
	}
	if got := s.js(`document.querySelector('.form-sample').dataset.sample`); got != `"1.2"` {
		t.Errorf("form sample %s, want 1.2", got)
	}
	addDieu := `[...document.querySelectorAll('.outline[data-path="/body"] > ol > li.addbar button')].find((b) => b.textContent === "+ Điều")`
	s.step("add Điều 4",
		poll(`!!document.querySelector('[data-label-for="/body/2"]') && document.querySelector('[data-label-for="/body/2"]').textContent === "Điều 3."`),
		poll("!!"+addDieu),
		chromedp.Evaluate[chromedp.Void](addDieu+`.click()`),
		poll(`document.activeElement && document.activeElement.dataset.path === "/body/3/heading/title"`),
		insertText("Phạm vi áp dụng"),
		poll(`document.querySelector('[data-label-for="/body/3"]').textContent === "Điều 4."`),
	)
	if got := s.js(`window.vanban.state.doc.body[3].heading.title`); got != `"Phạm vi áp dụng"` {
		t.Errorf("Điều 4 title in the document: %s", got)
	}
	s.step("add an attached text",
		chromedp.Click(chromedp.CSS(`#sec-kemtheo [data-add-part="attachments"]`)),
		poll(`!!document.querySelector('[data-path="/attachments/0/name"]')`),
		insertText("QUY CHẾ"),
		poll(`window.vanban.state.doc.attachments[0].name === "QUY CHẾ"`),
	)
	s.shot("editor-quyet-dinh")

	// A dự toán: a section row shows its subtotal from the server.
	s.step("new kế hoạch with a table",
		newBlank("#new-kh", "ke_hoach"),
		poll(`!!document.querySelector('.outline[data-path="/body"]')`),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('.outline[data-path="/body"] > ol > li.addbar button')].find((b) => b.textContent === "+ Bảng").click()`),
		poll(`!!document.querySelector('[data-action="add-section"]')`),
	)
	tp := strings.Trim(s.js(`document.querySelector('[data-action="add-section"]').closest('.table-editor').parentElement.closest('[data-path]').dataset.path + "/table"`), `"`)
	cell := func(r, c int) string { return fmt.Sprintf(`[data-path="%s/rows/%d/cells/%d"]`, tp, r, c) }
	s.step("section row and two lines",
		chromedp.Click(chromedp.CSS(`[data-action="add-section"]`)),
		poll(fmt.Sprintf(`!!document.querySelector('%s')`, cell(1, 2))),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('.table-editor .addbar button')].find((b) => b.textContent === "+ Thêm dòng").click()`),
		poll(fmt.Sprintf(`!!document.querySelector('%s')`, cell(2, 2))),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('.table-editor .addbar button')].find((b) => b.textContent === "+ Thêm dòng").click()`),
		poll(fmt.Sprintf(`!!document.querySelector('%s')`, cell(3, 2))),
		chromedp.Focus(chromedp.CSS(cell(2, 2))), insertText("5"),
		chromedp.Focus(chromedp.CSS(cell(3, 2))), insertText("7"),
		poll(fmt.Sprintf(`document.querySelector('%s').placeholder === "12"`, cell(1, 2))),
	)
	if got := s.js(`window.vanban.state.doc` + jsPath(tp) + `.rows[1]`); !strings.Contains(got, `"kind":"section"`) || strings.Contains(got, "12") {
		t.Errorf("section row %s: want a section with its subtotal left to the server", got)
	}
	s.step("show the section row", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector('%s').scrollIntoView({block: "center"})`, cell(1, 2))))
	s.shot("editor-table-section")

	// An import: the report beside the fields and in its panel.
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(root, "internal", "importer", "testdata", "seeds", "000_8d1e6aa1a21ecbf8.txt")
	s.step("import",
		chromedp.SetUploadFiles(chromedp.CSS(`#import-input`), []string{seed}),
		poll(`!!document.querySelector('#import-report')`),
		poll(`!!document.querySelector('#form .import-note[data-import-for="/summary"]')`),
	)
	if got := s.js(`document.querySelector('#import-report').textContent`); !strings.Contains(got, "Kết quả nhập") {
		t.Errorf("import panel: %s", got)
	}
	if got := s.js(`document.querySelector('#form .import-note[data-import-for="/summary"]').textContent`); !strings.Contains(got, "Trích yếu") {
		t.Errorf("note beside the trích yếu: %s", got)
	}
	s.shot("editor-import-report")
	// The notes survive a redraw (a structural edit) and go with Hoàn tác.
	s.step("redraw keeps the notes",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#form [data-path="/draft"]').click()`),
		poll(`!!document.querySelector('#form .import-note[data-import-for="/summary"]')`),
		chromedp.Click(chromedp.CSS(`#notice [data-action="undo"]`)),
		poll(`!document.querySelector('#import-report') && !document.querySelector('#form .import-note')`),
	)
}

// jsPath turns a JSON Pointer into a JavaScript property path: /body/4/table → ["body"][4]["table"].
func jsPath(p string) string {
	var b strings.Builder
	for _, tok := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		fmt.Fprintf(&b, "[%q]", tok)
	}
	return b.String()
}
