//go:build integration

package editor_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// newBlank presses a "new document" button and waits for the server's
// blank (GET /v1/document-types/{code}/blank) to be put in place: another
// document object of type typ than the one open before the press.
func newBlank(sel, typ string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Evaluate[chromedp.Void](`window.__before = window.vanban.state.doc`),
		chromedp.Click(chromedp.CSS(sel)),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`window.vanban.state.doc !== window.__before && window.vanban.state.doc.type === %q`, typ),
			chromedp.WithPollingTimeout(10*time.Second)))
}

// fourMucPlan is a kế hoạch drafted with the usual four mục (I-IV), some
// with sub-headings: the start of the tests that move and nest blocks.
// It is test data, opened as a clerk opens a JSON file; a new document in
// the page is always the server's blank.
const fourMucPlan = `{
  "schema": "vanban/v2", "draft": true, "type": "ke_hoach",
  "issuer": {"name": ["ỦY BAN NHÂN DÂN"], "abbreviation": "UBND"},
  "date": {"year": 2026}, "summary": "", "intro": [""],
  "body": [
    {"heading": {"title": "MỤC ĐÍCH, YÊU CẦU", "children": [
      {"heading": {"title": "Mục đích", "children": [{"paragraph": ""}]}},
      {"heading": {"title": "Yêu cầu", "children": [{"paragraph": ""}]}}]}},
    {"heading": {"title": "NỘI DUNG", "children": [{"heading": {"title": "", "children": [{"item": {"text": ""}}]}}]}},
    {"heading": {"title": "KINH PHÍ", "children": [{"paragraph": ""}]}},
    {"heading": {"title": "TỔ CHỨC THỰC HIỆN", "children": [{"heading": {"title": "", "children": [{"paragraph": ""}]}}]}}
  ],
  "signature": {"authority": [{"prefix": "TM.", "title": "ỦY BAN NHÂN DÂN"}, {"prefix": "KT.", "title": "CHỦ TỊCH"}], "title": "PHÓ CHỦ TỊCH", "name": ""},
  "distribution": {"recipients": [{"name": ""}], "archive": {"units": []}},
  "options": {}
}`

// openPlan opens fourMucPlan through the page's "Mở tệp JSON…" and waits
// for its four mục.
func (s *session) openPlan() {
	s.t.Helper()
	p := filepath.Join(s.t.TempDir(), "ke-hoach-bon-muc.json")
	if err := os.WriteFile(p, []byte(fourMucPlan), 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.step("open a kế hoạch with four mục",
		chromedp.SetUploadFiles(chromedp.CSS("#file-input"), []string{p}),
		poll(`window.vanban.state.doc.body.length === 4 && window.vanban.state.doc.body[3].heading.title === "TỔ CHỨC THỰC HIỆN"`))
}
