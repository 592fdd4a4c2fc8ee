//go:build integration

package editor_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ctrl presses a key with Ctrl (and Shift when shift is set) held.
func ctrl(key string, shift bool) chromedp.Action[chromedp.Void] {
	mods := []chromedp.Modifier{chromedp.ModifierCtrl}
	if shift {
		mods = append(mods, chromedp.ModifierShift)
	}
	return chromedp.KeyEvent(key, chromedp.KeyModifiers(mods...))
}

// TestEditorUndoRedo types two runs into the trích yếu and deletes a
// block, then takes each back with Ctrl+Z and the Hoàn tác button and
// brings it again with Ctrl+Y, Ctrl+Shift+Z and Làm lại.
func TestEditorUndoRedo(t *testing.T) {
	s := openEditor(t)
	const doc = "window.vanban.state.doc"
	const summary = `document.querySelector('[data-path="/summary"]').value`
	s.openPlan()
	s.step("a new history", poll(`document.querySelector("#undo").disabled`))
	before := s.js(doc + ".summary ?? null")

	// First run: several keystrokes, each an input event.
	s.step("type a run", chromedp.Focus(chromedp.CSS(`[data-path="/summary"]`)))
	for _, w := range []string{"Tổ ", "chức ", "tập ", "huấn"} {
		s.step("type "+w, insertText(w))
	}
	// A pause longer than the history's, then a second run.
	s.step("pause", chromedp.Sleep(1300*time.Millisecond), insertText(" cán bộ"), insertText(" xã"))
	if got := s.js(summary); got != `"Tổ chức tập huấn cán bộ xã"` {
		t.Fatalf("typed %s", got)
	}
	s.step("Ctrl+Z takes back the second run", ctrl("z", false), poll(summary+` === "Tổ chức tập huấn"`))
	if got := s.js(doc + ".summary"); got != `"Tổ chức tập huấn"` {
		t.Fatalf("document after one undo: %s", got)
	}
	if got := s.js(`document.activeElement.dataset.path`); got != `"/summary"` {
		t.Errorf("after undo focus is on %s, want the field typed in", got)
	}
	s.step("Ctrl+Z takes back the first run", ctrl("z", false),
		poll(`JSON.stringify(`+doc+`.summary ?? null) === `+jsString(before)))
	s.step("Ctrl+Y brings the first run again", ctrl("y", false), poll(summary+` === "Tổ chức tập huấn"`))
	s.step("Ctrl+Shift+Z the second", ctrl("z", true), poll(summary+` === "Tổ chức tập huấn cán bộ xã"`))

	// A deleted block comes back whole, children and all.
	const titles = `JSON.stringify(` + doc + `.body.map(b => b.heading.title))`
	want := s.js(doc + ".body")
	wantTitles := s.js(doc + ".body.map(b => b.heading.title)")
	if s.js(doc+".body[1].heading.children.length > 0") != "true" {
		t.Fatal("the block to delete should have children")
	}
	// The clerk answers yes to "delete it with its n lines?".
	s.step("delete a block", chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		tool("/body/1", "delete"), poll(doc+".body.length === 3"))
	s.step("Ctrl+Z brings it back", ctrl("z", false), poll(titles+` === `+jsString(wantTitles)))
	if got := s.js(doc + ".body"); got != want {
		t.Fatalf("the block came back changed:\n got %s\nwant %s", got, want)
	}
	if !s.has(`[data-path="/body/1/heading/title"]`) {
		t.Fatal("the restored block is not drawn")
	}
	s.step("Làm lại deletes it again", click("#redo"), poll(doc+".body.length === 3"))
	s.step("Hoàn tác brings it back", click("#undo"), poll(titles+` === `+jsString(wantTitles)))
	if got := s.js(`document.querySelector("#history-state").textContent`); got != `"Đã hoàn tác một bước."` {
		t.Errorf("screen-reader status after undo: %s", got)
	}
	// The undone document is saved like any edit.
	s.step("kept locally", poll(`JSON.parse(localStorage.getItem("vanban.editor.draft.v1")).doc.body.length === 4`))
}

// jsString quotes a JSON text as a JavaScript string literal.
func jsString(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			b = append(b, '\\', byte(r))
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}

// has tells whether a selector matches in the page.
func (s *session) has(sel string) bool {
	s.t.Helper()
	return s.js("!!document.querySelector("+jsString(sel)+")") == "true"
}
