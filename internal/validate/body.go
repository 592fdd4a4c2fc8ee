package validate

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

func blank(t document.Text) bool { return strings.TrimSpace(t.Plain()) == "" }

// checkEmptyHeadings: every heading has a title.
func checkEmptyHeadings(c *checker) {
	c.eachBlock(func(b blockInfo) {
		if b.Heading != nil && blank(b.Heading.Title) {
			c.add("nd30.body.empty_heading", document.Join(b.Path, "heading", "title"),
				"Đề mục không có tiêu đề.", "heading without a title")
		}
	})
}

// checkEmptyTexts: no empty paragraph or item, in the intro, body, closing
// or appendices. An empty line is a layout instruction the composer owns.
func checkEmptyTexts(c *checker) {
	report := func(p string) {
		c.add("nd30.body.empty_text", p, "Đoạn văn hoặc gạch đầu dòng trống.", "empty paragraph or item")
	}
	for i, t := range c.d.Intro {
		if blank(t) {
			report(document.Pointer("intro", i))
		}
	}
	c.eachBlock(func(b blockInfo) {
		switch {
		case b.Paragraph != nil && blank(*b.Paragraph):
			report(document.Join(b.Path, "paragraph"))
		case b.Item != nil && blank(b.Item.Text):
			report(document.Join(b.Path, "item", "text"))
		}
	})
	for i, t := range c.d.Closing {
		if blank(t) {
			report(document.Pointer("closing", i))
		}
	}
}

// checkLabels: a label typed by the author matches the computed one.
func checkLabels(c *checker) {
	c.eachBlock(func(b blockInfo) {
		if b.Heading == nil || b.Heading.Label == "" || b.Label == "" {
			return
		}
		if got := strings.TrimSpace(b.Heading.Label); got != b.Label {
			c.add("nd30.body.label_sequence", document.Join(b.Path, "heading", "label"),
				fmt.Sprintf("Số thứ tự %q sai: ở vị trí này phải là %q.", got, b.Label),
				fmt.Sprintf("label %q is out of sequence: expected %q", got, b.Label))
		}
	})
}

// checkHeadingDepth: I./1./a) is three levels (four with decimal numbering).
func checkHeadingDepth(c *checker) {
	max := maxLevel(c.d.Options.Numbering)
	c.eachBlock(func(b blockInfo) {
		if b.Heading != nil && b.Level == max+1 {
			// Reported once, at the first level too deep; deeper ones are
			// under it and would only repeat it.
			c.add("nd30.body.heading_depth", b.Path,
				fmt.Sprintf("Đề mục cấp %d: tối đa %d cấp; chuyển thành gạch đầu dòng.", b.Level, max),
				fmt.Sprintf("heading at level %d: at most %d levels; use bullet items", b.Level, max))
		}
	})
}

// checkItemDepth: "-" then "+", nothing below.
func checkItemDepth(c *checker) {
	c.eachBlock(func(b blockInfo) {
		if b.Item != nil && b.Items == 3 {
			c.add("nd30.body.item_depth", b.Path,
				"Gạch đầu dòng cấp 3: chỉ có \"-\" rồi \"+\".",
				"bullet item at depth 3: only \"-\" then \"+\" exist")
		}
	})
}

// lastText finds the last text of a block list: the paragraph, item or
// heading title that the "./." mark would follow.
func lastText(blocks []document.Block, base string) (document.Text, string, bool) {
	if len(blocks) == 0 {
		return nil, "", false
	}
	i := len(blocks) - 1
	b, p := blocks[i], document.Join(base, i)
	switch {
	case b.Paragraph != nil:
		return *b.Paragraph, document.Join(p, "paragraph"), true
	case b.Item != nil:
		if t, tp, ok := lastText(b.Item.Children, document.Join(p, "item", "children")); ok {
			return t, tp, true
		}
		return b.Item.Text, document.Join(p, "item", "text"), true
	case b.Heading != nil:
		if t, tp, ok := lastText(b.Heading.Children, document.Join(p, "heading", "children")); ok {
			return t, tp, true
		}
		return b.Heading.Title, document.Join(p, "heading", "title"), true
	}
	// A table or budget ends the body: the mark goes after it, not into
	// it, so there is no text to check.
	return nil, "", false
}

// checkFinalMark: "./." is printed by the system after the last sentence.
func checkFinalMark(c *checker) {
	var (
		t  document.Text
		p  string
		ok bool
	)
	if n := len(c.d.Closing); n > 0 {
		t, p, ok = c.d.Closing[n-1], document.Pointer("closing", n-1), true
	} else {
		t, p, ok = lastText(c.d.Body, "/body")
	}
	if ok && strings.HasSuffix(strings.TrimSpace(t.Plain()), "./.") {
		c.add("nd30.body.final_mark", p,
			"Không gõ \"./.\" ở cuối: hệ thống tự thêm (sẽ không in lặp).",
			"do not type \"./.\" at the end: it is added when printed (and will not be doubled)")
	}
}

// fold lower-cases s and strips its diacritics ("KINH PHÍ" → "kinh phi"),
// so section titles match whatever case and tone style they were typed in.
func fold(s string) string { return vntext.Fold(s) }

// planSections are the parts of a kế hoạch clerks expect (Mẫu 1.4 and
// practice), each matched by any of its keys in a level-1 heading title.
var planSections = []struct {
	keys   []string
	vi, en string
}{
	{[]string{"muc dich", "yeu cau"}, "Mục đích, yêu cầu", "purpose and requirements"},
	{[]string{"noi dung", "nhiem vu"}, "Nội dung (nhiệm vụ)", "content (tasks)"},
	{[]string{"kinh phi"}, "Kinh phí", "budget"},
	{[]string{"to chuc thuc hien"}, "Tổ chức thực hiện", "organisation of implementation"},
}

// checkPlanSections: a kế hoạch has its usual sections (one warning each).
func checkPlanSections(c *checker) {
	if c.d.Type != document.TypeKeHoach {
		return
	}
	var titles []string
	for _, b := range c.d.Body {
		if b.Heading != nil {
			titles = append(titles, fold(b.Heading.Title.Plain()))
		}
	}
	for _, s := range planSections {
		found := false
		for _, t := range titles {
			for _, k := range s.keys {
				if strings.Contains(t, k) {
					found = true
				}
			}
		}
		if !found {
			c.add("nd30.plan.section_missing", "/body",
				fmt.Sprintf("Kế hoạch thiếu phần \"%s\" (đề mục cấp I).", s.vi),
				fmt.Sprintf("the kế hoạch has no %s section (level-1 heading)", s.en))
		}
	}
}
