package validate

import (
	"fmt"
	"github.com/vanban/vanban/internal/document"

	"github.com/vanban/vanban/internal/compose"
	"regexp"
	"strconv"
	"strings"
)

// checkRecipientsMissing: every document has a Nơi nhận list; a document
// sent on paper only to its archive ("- Lưu: VT.") and to everyone else
// under "Bản điện tử:" has one.
func checkRecipientsMissing(c *checker) {
	if len(c.d.Distribution.Recipients) == 0 && len(c.d.Distribution.Electronic) == 0 {
		c.add("nd30.recipients.missing", "/distribution/recipients",
			"Thiếu danh sách nơi nhận.", "the recipient list is empty")
	}
}

// checkRecipientsEmpty: no blank line, in the paper list or the
// electronic one.
func checkRecipientsEmpty(c *checker) {
	for i, r := range c.d.Distribution.Recipients {
		if strings.TrimSpace(r.Name.Plain()) == "" {
			c.add("nd30.recipients.empty", document.Pointer("distribution", "recipients", i, "name"),
				"Dòng nơi nhận trống.", "empty recipient")
		}
	}
	for i, r := range c.d.Distribution.Electronic {
		if strings.TrimSpace(r.Name.Plain()) == "" {
			c.add("nd30.recipients.empty", document.Pointer("distribution", "electronic", i, "name"),
				"Dòng nơi nhận trống.", "empty recipient")
		}
	}
}

// checkNoteCovers: a note that covers several recipients needs a note,
// and as many lines above it as it says it covers.
func checkNoteCovers(c *checker) {
	check := func(list string, rs []document.Recipient) {
		for i, r := range rs {
			if r.NoteCovers <= 1 {
				continue
			}
			p := document.Pointer("distribution", list, i, "note_covers")
			switch {
			case strings.TrimSpace(r.Note) == "":
				c.add("nd30.recipients.note_covers", p,
					fmt.Sprintf("Dòng này ghi chú chung cho %d nơi nhận nhưng chưa có ghi chú.", r.NoteCovers),
					fmt.Sprintf("note_covers is %d but the line has no note", r.NoteCovers))
			case r.NoteCovers > i+1:
				c.add("nd30.recipients.note_covers", p,
					fmt.Sprintf("Ghi chú phủ %d dòng nhưng chỉ có %d dòng từ đầu danh sách đến đây.", r.NoteCovers, i+1),
					fmt.Sprintf("the note covers %d lines but only %d lines lead up to it", r.NoteCovers, i+1))
			}
		}
	}
	check("recipients", c.d.Distribution.Recipients)
	check("electronic", c.d.Distribution.Electronic)
}

// recipientKey is what two recipient lines are compared by: case and
// tone style do not make two bodies different.
func recipientKey(name string) string {
	return fold(strings.TrimRight(strings.TrimSpace(name), ";.,"))
}

// checkRecipientsDuplicate: each body once.
func checkRecipientsDuplicate(c *checker) {
	seen := map[string]int{}
	for i, r := range c.d.Distribution.Recipients {
		k := recipientKey(r.Name.Plain())
		if k == "" {
			continue
		}
		if j, ok := seen[k]; ok {
			c.add("nd30.recipients.duplicate", document.Pointer("distribution", "recipients", i, "name"),
				fmt.Sprintf("Nơi nhận %q lặp lại dòng %d.", r.Name.Plain(), j+1),
				fmt.Sprintf("recipient %q repeats line %d", r.Name.Plain(), j+1))
			continue
		}
		seen[k] = i
	}
}

// checkRecipientsPunctuation: the "- " and ";" are printed by the system.
func checkRecipientsPunctuation(c *checker) {
	for i, r := range c.d.Distribution.Recipients {
		n := strings.TrimSpace(r.Name.Plain())
		if n == "" {
			continue
		}
		if strings.HasPrefix(n, "-") || strings.HasPrefix(n, "+") || strings.HasSuffix(n, ";") || strings.HasSuffix(n, ".") && !strings.HasSuffix(n, "..") {
			c.add("nd30.recipients.punctuation", document.Pointer("distribution", "recipients", i, "name"),
				fmt.Sprintf("Nơi nhận %q: bỏ \"-\" ở đầu và \";\" hay \".\" ở cuối, hệ thống tự thêm.", r.Name.Plain()),
				fmt.Sprintf("recipient %q: drop the leading \"-\" and trailing \";\"/\".\", they are printed automatically", r.Name.Plain()))
		}
	}
}

// checkArchiveMissing: the Lưu line is part of every Nơi nhận.
func checkArchiveMissing(c *checker) {
	dist := c.d.Distribution
	if dist.Archive == nil && dist.ArchiveLine == "" {
		c.add("nd30.recipients.archive_missing", "/distribution",
			"Thiếu dòng \"Lưu: VT, ...\": điền các đơn vị lưu (hoặc chép nguyên văn dòng Lưu).",
			"the \"Lưu: VT, ...\" line is missing (archive or archive_line)")
	}
}

// checkArchiveBoth: one source for the Lưu line.
func checkArchiveBoth(c *checker) {
	dist := c.d.Distribution
	if dist.Archive != nil && dist.ArchiveLine != "" {
		c.add("nd30.recipients.archive_both", "/distribution/archive_line",
			"Dòng Lưu vừa chép nguyên văn vừa lập từ các đơn vị lưu: chỉ giữ một cách.", "give either archive or archive_line, not both")
	}
}

// checkArchiveLine: a verbatim Lưu line reads "Lưu: VT, <UNITS>.". Real
// issued documents carry slips ("Lưu VT,VX.", no final "."), so this is a
// warning: a faithful transcription keeps them.
func checkArchiveLine(c *checker) {
	l := c.d.Distribution.ArchiveLine
	if l == "" || compose.ArchiveLineOK(l) {
		return
	}
	if fixed, ok := compose.RepairArchiveLine(l); ok {
		c.add("nd30.recipients.archive_line", "/distribution/archive_line",
			fmt.Sprintf("Dòng lưu %q sai dạng (cần \"Lưu: VT, <ĐƠN VỊ>.\"); bản in sẽ ghi %q.", l, fixed),
			fmt.Sprintf("archive line %q is malformed (want \"Lưu: VT, <UNITS>.\"); it is printed as %q", l, fixed))
		return
	}
	c.add("nd30.recipients.archive_line", "/distribution/archive_line",
		fmt.Sprintf("Dòng lưu %q sai dạng: cần \"Lưu: VT, <ĐƠN VỊ>.\".", l),
		fmt.Sprintf("archive line %q is malformed: want \"Lưu: VT, <UNITS>.\"", l))
}

// archiveUnitRE is one unit of a structured Lưu line: an upper-case
// abbreviation with an optional copy count, "TCCB" or "TCCB(02)".
var archiveUnitRE = regexp.MustCompile(`^[\p{Lu}\d&]+(?:\(\d+\))?$`)

// checkArchiveUnits: structured units are abbreviations, and VT (văn thư)
// is printed by the system, not repeated.
func checkArchiveUnits(c *checker) {
	a := c.d.Distribution.Archive
	if a == nil {
		return
	}
	for i, u := range a.Units {
		p := document.Pointer("distribution", "archive", "units", i)
		switch {
		case u == "VT":
			c.add("nd30.recipients.archive_unit", p,
				"Không ghi VT trong các đơn vị lưu: hệ thống tự in \"Lưu: VT, ...\".",
				"do not list VT in units: \"Lưu: VT, ...\" is printed automatically")
		case !archiveUnitRE.MatchString(u):
			c.add("nd30.recipients.archive_unit", p,
				fmt.Sprintf("Đơn vị lưu %q phải là chữ viết tắt in hoa (ví dụ \"VX\", \"TCCB(02)\").", u),
				fmt.Sprintf("archive unit %q must be an upper-case abbreviation (e.g. \"VX\", \"TCCB(02)\")", u))
		}
	}
}

// isArchiveText reports a recipient line that is really the Lưu line.
func isArchiveText(s string) bool {
	k := fold(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "-")))
	return strings.HasPrefix(k, "luu:") || strings.HasPrefix(k, "luu vt") || strings.HasPrefix(k, "luu :")
}

// checkArchiveInList: the Lưu line is not a recipient.
func checkArchiveInList(c *checker) {
	for i, r := range c.d.Distribution.Recipients {
		if isArchiveText(r.Name.Plain()) {
			c.add("nd30.recipients.archive_in_list", document.Pointer("distribution", "recipients", i, "name"),
				fmt.Sprintf("%q là dòng Lưu, không phải nơi nhận: ghi các đơn vị vào phần Dòng Lưu.", r.Name.Plain()),
				fmt.Sprintf("%q is the archive line, not a recipient: use archive or archive_line", r.Name.Plain()))
		}
	}
}

func isNhuTren(name string) bool { return recipientKey(name) == "nhu tren" }

// PointsBack reports whether a Nơi nhận line names no recipient of its
// own: "Như trên" (the addressees), "Như Điều 3" (the executing article)
// or a Lưu line typed into the list. The office's directory of
// recipients skips such lines.
func PointsBack(name string) bool {
	n := strings.TrimRight(strings.TrimSpace(name), ";.,")
	return isNhuTren(n) || nhuDieuRE.MatchString(n) || isArchiveText(n)
}

// checkNhuTrenAddressees: "Như trên" points back to Kính gửi, so it needs
// addressees.
func checkNhuTrenAddressees(c *checker) {
	if len(c.d.Addressees) > 0 {
		return
	}
	for i, r := range c.d.Distribution.Recipients {
		if isNhuTren(r.Name.Plain()) {
			c.add("nd30.recipients.nhu_tren_without_addressees", document.Pointer("distribution", "recipients", i, "name"),
				"\"Như trên\" chỉ dùng khi văn bản có \"Kính gửi\".",
				"\"Như trên\" refers to the addressees, and there are none")
		}
	}
}

// checkNhuTrenFirst: a công văn's list opens with "Như trên" (Mẫu 1.5).
func checkNhuTrenFirst(c *checker) {
	rs := c.d.Distribution.Recipients
	if !c.letter() || len(c.d.Addressees) == 0 || len(rs) == 0 || isNhuTren(rs[0].Name.Plain()) {
		return
	}
	c.add("nd30.recipients.nhu_tren_first", "/distribution/recipients/0",
		"Nơi nhận của công văn bắt đầu bằng \"Như trên\".",
		"a công văn's recipient list starts with \"Như trên\"")
}

// nhuDieuRE reads a "Như Điều 3" recipient.
var nhuDieuRE = regexp.MustCompile(`^(?i)như\s+điều\s+(\d+)$`)

// articles are the numbers of the Điều at the top of the body, as
// printed: written labels, or the computed "Điều n." of the article
// numbering.
func (c *checker) articles() map[int]bool {
	out := map[int]bool{}
	n := 0
	for _, b := range c.d.Body {
		if b.Heading == nil {
			continue
		}
		n++
		l := strings.TrimSpace(b.Heading.Label)
		if l == "" && compose.Numbering(c.d) == compose.NumberingArticle {
			l = compose.HeadingLabel(compose.NumberingArticle, []int{n})
		}
		if lb := compose.ParseLabel(l); lb.Rung == compose.RungArticle && len(lb.Parts) == 1 {
			out[lb.Parts[0]] = true
		}
	}
	return out
}

// checkNhuDieu: "Như Điều 3" in Nơi nhận points at the article that says
// who executes the quyết định; that article must exist.
func checkNhuDieu(c *checker) {
	var arts map[int]bool
	for i, r := range c.d.Distribution.Recipients {
		m := nhuDieuRE.FindStringSubmatch(strings.TrimRight(strings.TrimSpace(r.Name.Plain()), ";.,"))
		if m == nil {
			continue
		}
		if arts == nil {
			arts = c.articles()
		}
		n, _ := strconv.Atoi(m[1])
		if !arts[n] {
			c.add("nd30.recipients.nhu_dieu", document.Pointer("distribution", "recipients", i, "name"),
				fmt.Sprintf("%q: văn bản không có Điều %d.", r.Name.Plain(), n),
				fmt.Sprintf("%q: the document has no Điều %d", r.Name.Plain(), n))
		}
	}
}

// minutes reports a biên bản, signed by its thư ký and its chủ tọa.
func (c *checker) minutes() bool { return c.d.Type == "bien_ban" }
