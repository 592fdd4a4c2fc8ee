package validate

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/compose"
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

// checkLabels: labels are printed as written, so a skipped or repeated
// one ("d)" then "g)", "8." then "10.") is a slip for the author to look
// at, never a reason to refuse the document. Each label is compared with
// the sibling before it of the same rung (compose.Follows); the first of a
// list should open it (1, I, a). A label vanban cannot read ("A.", "Bước
// 1:") is printed as written and not sequenced.
func checkLabels(c *checker) {
	c.eachSiblings(func(base string, bs []document.Block) {
		var prev compose.Label
		unlabelled := 0 // headings since prev (or the start) whose label is computed
		for i, b := range bs {
			if b.Heading == nil {
				continue
			}
			written := strings.TrimSpace(b.Heading.Label)
			if written == "" {
				unlabelled++
				continue
			}
			cur := compose.ParseLabel(written)
			p := document.Join(base, i, "heading", "label")
			switch {
			case cur.Rung == compose.RungNone, cur.Rung == compose.RungArticle:
				// Articles run on through Chương and Mục: checkArticles.
			case prev.Rung == cur.Rung && !compose.Follows(prev.Advance(unlabelled), cur):
				want := prev.Advance(unlabelled + 1).Format(written)
				c.add("nd30.body.label_sequence", p,
					fmt.Sprintf("Số thứ tự %q không nối tiếp đề mục trước (chờ %q); in đúng như đã viết.", written, want),
					fmt.Sprintf("label %q does not follow the one before it (expected %q); printed as written", written, want))
			case prev.Rung != cur.Rung && cur.Parts[len(cur.Parts)-1] != unlabelled+1:
				first := cur
				first.Parts = append([]int(nil), cur.Parts...)
				first.Parts[len(first.Parts)-1] = unlabelled + 1
				want := first.Format(written)
				c.add("nd30.body.label_sequence", p,
					fmt.Sprintf("Số thứ tự %q mở đầu một cấp nhưng không bắt đầu từ đầu (chờ %q); in đúng như đã viết.", written, want),
					fmt.Sprintf("label %q opens a level but does not start at the first (expected %q); printed as written", written, want))
			}
			prev, unlabelled = cur, 0
		}
	})
}

// checkArticles: Điều are numbered through the whole text, across its
// Phần, Chương and Mục (Điều 6 opens Chương II after Điều 5), so each
// written "Điều n." follows the one before it in document order; the
// numbering restarts in each attached text and appendix.
func checkArticles(c *checker) {
	var walk func(base string, bs []document.Block, prev *compose.Label)
	walk = func(base string, bs []document.Block, prev *compose.Label) {
		for i, b := range bs {
			if b.Heading == nil {
				continue
			}
			written := strings.TrimSpace(b.Heading.Label)
			if cur := compose.ParseLabel(written); cur.Rung == compose.RungArticle && len(cur.Parts) == 1 {
				if (prev.Rung == 0 && !cur.First()) || (prev.Rung != 0 && !compose.Follows(*prev, cur)) {
					want := compose.Label{Rung: compose.RungArticle, Parts: []int{1}}
					if prev.Rung != 0 {
						want = prev.Advance(1)
					}
					c.add("nd30.body.label_sequence", document.Join(base, i, "heading", "label"),
						fmt.Sprintf("Số thứ tự %q không nối tiếp Điều trước (chờ %q); in đúng như đã viết.", written, want.Format(written)),
						fmt.Sprintf("label %q does not follow the article before it (expected %q); printed as written", written, want.Format(written)))
				}
				*prev = cur
			}
			walk(document.Join(base, i, "heading", "children"), b.Heading.Children, prev)
		}
	}
	walk("/body", c.d.Body, &compose.Label{})
	for i, a := range c.d.Attachments {
		walk(document.Pointer("attachments", i, "blocks"), a.Blocks, &compose.Label{})
	}
	for i, a := range c.d.Appendices {
		walk(document.Pointer("appendices", i, "blocks"), a.Blocks, &compose.Label{})
	}
}

// eachSiblings calls f with every list of sibling blocks: the body, each
// appendix, the children of each heading and item.
func (c *checker) eachSiblings(f func(base string, bs []document.Block)) {
	var walk func(base string, bs []document.Block)
	walk = func(base string, bs []document.Block) {
		f(base, bs)
		for i, b := range bs {
			switch {
			case b.Heading != nil:
				walk(document.Join(base, i, "heading", "children"), b.Heading.Children)
			case b.Item != nil:
				walk(document.Join(base, i, "item", "children"), b.Item.Children)
			}
		}
	}
	walk("/body", c.d.Body)
	for i, a := range c.d.Attachments {
		walk(document.Pointer("attachments", i, "blocks"), a.Blocks)
	}
	for i, a := range c.d.Appendices {
		walk(document.Pointer("appendices", i, "blocks"), a.Blocks)
	}
}

// MaxHeadingDepth is the deepest numbered ladder vanban prints: real
// documents go I. → 1. → 1.1. → 1.1.1. → a). Divisions (Phần, Chương,
// Mục) sit above the ladder and do not count.
const MaxHeadingDepth = 5

// checkHeadingDepth: at most MaxHeadingDepth numbered levels.
func checkHeadingDepth(c *checker) {
	max := MaxHeadingDepth
	c.eachBlock(func(b blockInfo) {
		if b.Heading != nil && b.Depth-b.Divisions == max+1 {
			// Reported once, at the first level too deep; deeper ones are
			// under it and would only repeat it.
			c.add("nd30.body.heading_depth", b.Path,
				fmt.Sprintf("Đề mục cấp %d: tối đa %d cấp; chuyển thành gạch đầu dòng.", b.Depth-b.Divisions, max),
				fmt.Sprintf("heading at level %d: at most %d levels; use bullet items", b.Depth-b.Divisions, max))
		}
	})
}

// MaxItemDepth is how deep bullets go: "-", then "+", then "*".
const MaxItemDepth = 3

// checkItemDepth: "-", "+", "*", nothing below.
func checkItemDepth(c *checker) {
	c.eachBlock(func(b blockInfo) {
		if b.Item != nil && b.Items == MaxItemDepth+1 {
			c.add("nd30.body.item_depth", b.Path,
				fmt.Sprintf("Gạch đầu dòng cấp %d: chỉ có \"-\", \"+\" rồi \"*\".", b.Items),
				fmt.Sprintf("bullet item at depth %d: only \"-\", \"+\" then \"*\" exist", b.Items))
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
	report := func(t document.Text, p string, ok bool) {
		if ok && strings.HasSuffix(strings.TrimSpace(t.Plain()), "./.") {
			c.add("nd30.body.final_mark", p,
				"Không gõ \"./.\" ở cuối: hệ thống tự thêm (sẽ không in lặp).",
				"do not type \"./.\" at the end: it is added when printed (and will not be doubled)")
		}
	}
	report(t, p, ok)
	// An attached text ends with its own "./.", printed the same way.
	for i, a := range c.d.Attachments {
		report(lastText(a.Blocks, document.Pointer("attachments", i, "blocks")))
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
