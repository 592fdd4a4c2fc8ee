//go:build integration

package editor_test

import (
	"encoding/base64"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/vanban/vanban/internal/testtools"
)

// TestEditorProfiles: a lead keeps two office profiles in the page (the
// inputs' ranges are the schema's; a value outside NĐ30's is refused by
// the server at its field), a clerk chooses one in the options, the
// document carries its full values, and the preview's PDF has its left
// margin; choosing none goes back to the house style.
func TestEditorProfiles(t *testing.T) {
	testtools.Poppler(t)
	s := openEditor(t)
	defer s.finish()
	const doc = "window.vanban.state.doc"
	const fresh = `!document.querySelector("#preview-frame").hidden && document.querySelector(".preview-panel").dataset.stale !== "1"`

	s.step("open sample",
		poll(fmt.Sprintf(`!!document.querySelector('#sample-select option[value=%q]')`, sampleName)),
		chromedp.SetValue(chromedp.CSS(`#sample-select`), sampleName),
		chromedp.Click(chromedp.CSS(`#open-sample`)),
		poll(`document.querySelector('[data-path="/summary"]').value.includes("Bình đẳng giới")`),
		poll(fresh))
	house := s.previewLeft()

	s.step("open the lead's profiles",
		poll(`!!document.querySelector('[data-action="keep-profiles"]')`),
		click(`[data-action="keep-profiles"]`),
		poll(`document.querySelector("#profiles-pane").open`))
	if got := s.js(`[document.querySelector("#profile-margin_left").dataset.min, document.querySelector("#profile-margin_left").dataset.max, document.querySelector("label[for=profile-first_indent]").textContent]`); got != `["30","35","Thụt đầu dòng (10–12,7 mm)"]` {
		t.Errorf("the inputs' ranges %s, want the schema's", got)
	}
	s.step("a left margin outside NĐ30 is refused at its field",
		replaceText("#profile-name", "Lề rộng"),
		replaceText("#profile-margin_left", "40"),
		click(`[data-action="save-profile"]`),
		poll(`document.querySelector("#profile-margin_left").getAttribute("aria-invalid") === "true"`))
	if got := s.js(`document.querySelector("#profile-margin_left-msg").textContent.length > 0`); got != "true" {
		t.Errorf("no message at the refused field")
	}
	s.step("save two profiles at the ends of the ranges",
		replaceText("#profile-margin_left", "35"),
		replaceText("#profile-margin_right", "15"),
		replaceText("#profile-margin_top", "25"),
		replaceText("#profile-first_indent", "10"),
		click(`[data-action="save-profile"]`),
		poll(`!!document.querySelector('#profiles-list li[data-name="Lề rộng"]')`),
		click(`[data-action="new-profile"]`),
		replaceText("#profile-name", "Lề hẹp"),
		replaceText("#profile-margin_left", "30"),
		replaceText("#profile-margin_right", "20"),
		replaceText("#profile-line_spacing", "1,5"),
		click(`[data-action="save-profile"]`),
		poll(`!!document.querySelector('#profiles-list li[data-name="Lề hẹp"]')`))
	s.shot("editor-profiles")
	s.step("close", click(`#profiles-pane [data-action="close"]`), poll(`!document.querySelector("#profiles-pane").open`))

	cases := []struct {
		choice string
		want   string // options.profile as JSON
		left   float64
	}{
		{"p:Lề rộng", `{"name":"Lề rộng","margin_top":25,"margin_left":35,"margin_right":15,"first_indent":10}`, 35},
		{"p:Lề hẹp", `{"name":"Lề hẹp","margin_left":30,"margin_right":20,"line_spacing":1.5}`, 30},
		{"", `null`, -1},
	}
	for _, c := range cases {
		s.step("choose "+c.choice,
			poll(fmt.Sprintf(`!!document.querySelector('#profile-select option[value=%q]')`, c.choice)),
			choose("#profile-select", c.choice),
			poll(fresh))
		if got := s.js(`JSON.stringify(` + doc + `.options.profile ?? null)`); got != strconv.Quote(c.want) {
			t.Errorf("%q: options.profile %s, want %s", c.choice, got, c.want)
		}
		if c.choice == "p:Lề rộng" {
			s.step("scroll to the options", chromedp.Evaluate[chromedp.Void](`document.querySelector("#sec-tuychon").scrollIntoView()`))
			s.shot("editor-profile-chosen")
		}
		left := s.previewLeft()
		want := house
		if c.left > 0 {
			want = c.left * 72 / 25.4
		}
		if math.Abs(left-want) > 1 {
			t.Errorf("%q: the preview's text starts at x=%.1f pt, want %.1f", c.choice, left, want)
		}
	}
}

var wordX = regexp.MustCompile(`<word xMin="([0-9.]+)"`)

// previewLeft is where the body text of the preview's first page starts,
// in points (pdftotext -bbox).
func (s *session) previewLeft() float64 {
	s.t.Helper()
	b64, err := chromedp.Run(s.ctx, chromedp.Evaluate[string](`(async () => {
		const buf = new Uint8Array(await window.vanban.lastPreview.arrayBuffer());
		let s = "";
		for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
		return btoa(s);
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		s.fail("read the preview", err)
	}
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		s.t.Fatal(err)
	}
	p := filepath.Join(s.t.TempDir(), "preview.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		s.t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", p, "-").Output()
	if err != nil {
		s.t.Fatalf("pdftotext -bbox: %v", err)
	}
	// The most frequent x of the words: every body line starts at the
	// left margin (the header table may reach into it, as in Word).
	count := map[float64]int{}
	left, most := 0.0, 0
	for _, m := range wordX.FindAllSubmatch(out, -1) {
		if x, err := strconv.ParseFloat(string(m[1]), 64); err == nil {
			x = math.Round(x*10) / 10
			if count[x]++; count[x] > most {
				left, most = x, count[x]
			}
		}
	}
	if most == 0 {
		s.t.Fatal("the preview's first page has no text")
	}
	return left
}
