//go:build integration

package editor_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// click presses the first element matching a CSS selector.
func click(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(sel))
}

// tool presses one of the buttons beside a body block.
func tool(block, action string) chromedp.Action[chromedp.Void] {
	return click(fmt.Sprintf(`[data-path=%q] > .block-row > .block-tools [data-action=%q]`, block, action))
}

// addBody presses the n-th button of the body's add bar (1 tiêu đề,
// 2 đoạn văn, 3 gạch đầu dòng, 4 bảng, 5 kinh phí).
func addBody(n int) chromedp.Action[chromedp.Void] {
	return click(fmt.Sprintf(`.outline[data-path="/body"] > ol > li.addbar > button:nth-child(%d)`, n))
}

// choose sets a select's value and fires change, as picking with the keyboard does.
func choose(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const s = document.querySelector(%q);
		s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true}));
	})()`, sel, value))
}

// TestEditorOperations edits a new kế hoạch through the page's buttons and
// checks the JSON behind the form after each step. The steps build on each
// other, in order.
func TestEditorOperations(t *testing.T) {
	s := openEditor(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	const doc = "window.vanban.state.doc"
	const titles = doc + ".body.map(b => b.heading ? b.heading.title : Object.keys(b)[0])"
	tbl := doc + ".body[5].table"
	s.openPlan()
	steps := []struct {
		name string
		do   []chromedp.Action[chromedp.Void]
		expr string // JavaScript whose JSON value is compared with want
		want string
	}{
		{"the four mục", nil,
			titles, `["MỤC ĐÍCH, YÊU CẦU","NỘI DUNG","KINH PHÍ","TỔ CHỨC THỰC HIỆN"]`},
		{"move up", []chromedp.Action[chromedp.Void]{tool("/body/1", "up")},
			titles, `["NỘI DUNG","MỤC ĐÍCH, YÊU CẦU","KINH PHÍ","TỔ CHỨC THỰC HIỆN"]`},
		{"indent under the heading above", []chromedp.Action[chromedp.Void]{tool("/body/1", "indent")},
			`[` + titles + `, ` + doc + `.body[0].heading.children.map(b => b.heading.title)]`,
			`[["NỘI DUNG","KINH PHÍ","TỔ CHỨC THỰC HIỆN"],["","MỤC ĐÍCH, YÊU CẦU"]]`},
		{"outdent", []chromedp.Action[chromedp.Void]{tool("/body/0/heading/children/1", "outdent")},
			titles, `["NỘI DUNG","MỤC ĐÍCH, YÊU CẦU","KINH PHÍ","TỔ CHỨC THỰC HIỆN"]`},
		{"move down", []chromedp.Action[chromedp.Void]{tool("/body/0", "down")},
			titles, `["MỤC ĐÍCH, YÊU CẦU","NỘI DUNG","KINH PHÍ","TỔ CHỨC THỰC HIỆN"]`},
		{"badges show the server's labels", nil,
			`[...document.querySelectorAll('.outline[data-path="/body"] > ol > li.block-heading > .block-row > .badge')].map(b => b.textContent)`,
			`["I.","II.","III.","IV."]`},
		{"typed labels follow a move", []chromedp.Action[chromedp.Void]{
			chromedp.Evaluate[chromedp.Void](doc + `.body.forEach((b, i) => { b.heading.label = ["I.","II.","III.","IV."][i]; })`),
			tool("/body/2", "up"),
		},
			`[` + titles + `, ` + doc + `.body.map(b => b.heading.label)]`,
			`[["MỤC ĐÍCH, YÊU CẦU","KINH PHÍ","NỘI DUNG","TỔ CHỨC THỰC HIỆN"],["I.","II.","III.","IV."]]`},
		{"and move back", []chromedp.Action[chromedp.Void]{tool("/body/1", "down")},
			`[` + titles + `, ` + doc + `.body.map(b => b.heading.label)]`,
			`[["MỤC ĐÍCH, YÊU CẦU","NỘI DUNG","KINH PHÍ","TỔ CHỨC THỰC HIỆN"],["I.","II.","III.","IV."]]`},
		{"add a paragraph and type", []chromedp.Action[chromedp.Void]{addBody(2), insertText("Đoạn thử.")},
			doc + ".body[4]", `{"paragraph":"Đoạn thử."}`},
		{"turn it into a bullet", []chromedp.Action[chromedp.Void]{choose(`[data-path="/body/4"] > .block-row select.kind`, "item")},
			doc + ".body[4]", `{"item":{"text":"Đoạn thử."}}`},
		{"delete it", []chromedp.Action[chromedp.Void]{tool("/body/4", "delete")},
			doc + ".body.length", `4`},
		{"budget with live total and words", []chromedp.Action[chromedp.Void]{addBody(5), replaceText(`[data-path="/body/4/budget/items/0/amount"]`, "1500000")},
			`[` + doc + `.body[4].budget.items[0].amount, document.querySelector(".budget-total").textContent]`,
			`[1500000,"Tổng cộng: 1.500.000 đồng (Một triệu năm trăm nghìn đồng chẵn)"]`},
		{"budget in triệu đồng", []chromedp.Action[chromedp.Void]{choose(`[data-path="/body/4/budget/unit"]`, "triệu đồng")},
			`document.querySelector(".budget-total").textContent`,
			`"Tổng cộng: 1.500.000 triệu đồng (Một nghìn năm trăm tỷ đồng chẵn)"`},
		{"table: add a row", []chromedp.Action[chromedp.Void]{addBody(4), click(`[data-path="/body/5"] .table-editor > .addbar > button:nth-child(1)`)},
			tbl + ".rows", `[{"cells":["1","",null]},{"cells":["2",null,null]}]`},
		{"table: add a numeric column", []chromedp.Action[chromedp.Void]{click(`[data-path="/body/5"] details.columns > .addbar > button:nth-child(2)`)},
			`[` + tbl + `.columns.length, ` + tbl + `.rows.map(r => r.cells.length)]`, `[4,[4,4]]`},
		{"table: group a column", []chromedp.Action[chromedp.Void]{click(`[data-path="/body/5/table/columns/2"] > .row.col button[title^="Tách thành nhóm"]`)},
			`[` + tbl + `.columns[2], ` + tbl + `.rows.map(r => r.cells.length)]`, `[{"title":"Số lượng","children":[{"title":"","numeric":true}]},[4,4]]`},
		{"table: add a column to the group", []chromedp.Action[chromedp.Void]{click(`[data-path="/body/5/table/columns/2"] > .row.col button[title="Thêm cột con vào nhóm"]`)},
			tbl + ".rows", `[{"cells":["1","",null,null,null]},{"cells":["2",null,null,null,null]}]`},
		{"table: total row and live column sums", []chromedp.Action[chromedp.Void]{
			click(`[data-path="/body/5"] .table-editor > .addbar > button:nth-child(2)`),
			replaceText(`[data-path="/body/5/table/rows/0/cells/2"]`, "5"),
			replaceText(`[data-path="/body/5/table/rows/1/cells/2"]`, "1.234"),
		},
			`[` + tbl + `.rows[2], ` + tbl + `.rows[1].cells[2], document.querySelector('[data-path="/body/5/table/rows/2/cells/0"]').placeholder]`,
			`[{"kind":"total","label":"Tổng cộng","cells":[null,null,null]},1234,"1.239"]`},
		{"signature preset", []chromedp.Action[chromedp.Void]{choose(`#sec-chuky .preset select`, "0"), click(`#sec-chuky .preset button`)},
			doc + ".signature", `{"authority":[{"prefix":"TM.","title":"ỦY BAN NHÂN DÂN"}],"title":"CHỦ TỊCH","name":""}`},
		{"Lưu line from units", []chromedp.Action[chromedp.Void]{replaceText(`[data-path="/distribution/archive/units"]`, "KGVX, KTTH")},
			`[` + doc + `.distribution.archive.units, document.querySelector("#sec-noinhan .preview-line").textContent]`,
			`[["KGVX","KTTH"],"- Lưu: VT, KGVX, KTTH."]`},
		{"switch to công văn keeps the trích yếu", []chromedp.Action[chromedp.Void]{
			replaceText(`[data-path="/summary"]`, "tổ chức tập huấn"),
			choose(`[data-path="/type"]`, "cong_van"),
		},
			`[` + doc + `.summary, ` + doc + `.subject, !!document.querySelector('[data-path="/subject"]'), !!document.querySelector('[data-path="/addressees/0"]')]`,
			`[null,"tổ chức tập huấn",true,true]`},
		{"open a JSON file", []chromedp.Action[chromedp.Void]{
			chromedp.SetUploadFiles(chromedp.CSS("#file-input"), []string{filepath.Join(root, "samples", "thua-thien-hue-2020-cong-van.json")}),
			poll(doc + `.issuer.abbreviation === "SLĐTBXH"`),
		},
			`[` + doc + `.type, document.querySelector('[data-path="/subject"]').value.startsWith("hướng dẫn")]`, `["cong_van",true]`},
		{"undo the open", []chromedp.Action[chromedp.Void]{click(`#notice [data-action="undo"]`)},
			`[` + doc + `.subject, ` + doc + `.body.length]`, `["tổ chức tập huấn",6]`},
		{"a sample that mixes tone marks gets the note", []chromedp.Action[chromedp.Void]{
			poll(`!!document.querySelector('#sample-select option[value="ha-nam-2014-ke-hoach"]')`),
			choose(`#sample-select`, "ha-nam-2014-ke-hoach"),
			click(`#open-sample`),
			poll(doc + `.issuer.abbreviation === "UBND" && ` + doc + `.place === "Hà Nam"`),
		},
			`[...document.querySelectorAll('#findings .finding.info')].map(b => b.dataset.code)`, `["text.tone_unified"]`},
	}
	for _, st := range steps {
		s.step(st.name, st.do...)
		// Derived displays (labels, totals, words, the Lưu line) follow the
		// server's answer to the edit: wait for it, then compare.
		_ = chromedp.Do(s.ctx, chromedp.Poll[chromedp.Void](
			fmt.Sprintf("JSON.stringify((%s) ?? null) === %q", st.expr, st.want),
			chromedp.WithPollingTimeout(5*time.Second)))
		// JSON.stringify drops undefined; map it to null for the comparison.
		got := s.js("(" + st.expr + ") ?? null")
		if got != st.want {
			s.shot("failed-" + st.name)
			t.Fatalf("%s:\n got %s\nwant %s", st.name, got, st.want)
		}
		if st.name == "table: total row and live column sums" {
			s.step("scroll", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-path="/body/4"]').scrollIntoView()`))
			s.shot("editor-budget-table")
		}
	}
}
