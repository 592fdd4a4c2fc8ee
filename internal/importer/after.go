package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

var (
	// appendixHeadRE: the heading of an appendix as offices type it,
	// alone ("PHỤ LỤC", "Phụ lục II", "PHỤ LỤC SỐ 01") or with its title
	// run in ("Phụ lục 1: DANH SÁCH ...", "Phụ lục: Danh sách ..."). Group
	// 1 is the label, group 2 the run-in title.
	appendixHeadRE = regexp.MustCompile(`^((?:PHỤ LỤC|Phụ lục|PHỤ LỤC SỐ|Phụ lục số)(?:\s+(?:[IVXLC]+|\d+[a-z]?))?)\s*(?:[:.\-–]\s*(.*))?$`)
	// kemTheoOpenRE: the line that ties an appendix or an attached document
	// to the main one, "(Kèm theo ...)" or "(Ban hành kèm theo ...)",
	// possibly wrapped over two lines.
	kemTheoOpenRE = regexp.MustCompile(`^\(\s*(?:Ban hành\s+)?(?i:kèm theo)\b`)
	// formHeadRE: a form or list numbered after the signature ("Biểu mẫu
	// 3", "Biểu số 02", "Mẫu số 01", "BIỂU SỐ 1").
	formHeadRE = regexp.MustCompile(`^(?:Biểu mẫu|BIỂU MẪU|Biểu số|BIỂU SỐ|Mẫu số|MẪU SỐ)\s*\d+[a-zA-Z]?\b`)
	// stampRE: the text a digital signature stamps on a PDF page ("Ký bởi:
	// Sở ...", "Giờ ký: 2020-07-09T10:59:31+07:00"), copied with the text.
	stampRE = regexp.MustCompile(`^(?:Ký bởi|Giờ ký|Thời gian ký|Người ký|Ngày ký)(?:[\s:]|$)`)
	// recipSectionRE: a heading inside the Nơi nhận list, "Bản điện tử:",
	// "Bản giấy:", "Gửi qua mạng:".
	recipSectionRE = regexp.MustCompile(`^\p{Lu}[\p{L} ]{2,30}:$`)
	// electronicRE: the heading of the Nơi nhận's electronic list.
	electronicRE = regexp.MustCompile(`^(?i:bản điện tử)\s*:$`)
	// signedRE: "(Đã ký)", "(đã ký và đóng dấu)", "(Ký, ghi rõ họ tên)".
	signedRE = regexp.MustCompile(`^\(?\s*(?i:đã ký|ký)(?:[\s,:)]|$)[^()]*\)?$`)
)

// closingEnd returns the line after the Nơi nhận / signature zone that
// starts at at. The zone is the layout table that holds it, and the lines
// that read as its parts: the Nơi nhận list up to its Lưu line, the
// authority and title lines in capitals, the signer's name (a rank before
// it, empty lines between them). Whatever follows, an appendix however it
// is headed, a table, an attached document with its own header, is read
// by afterSignature: a bullet after the signature is never a recipient
// and a page of text after it is never lost.
func (r *recogniser) closingEnd(at, end int) int {
	ls := r.lines
	var sawSig, sawName, sawLuu, inRecips bool
	observe := func(t, style string) {
		switch {
		case t == "":
		case noiNhanRE.MatchString(t) || style == "VbNoiNhan":
			inRecips = true
		case luuRE.MatchString(strings.TrimLeft(t, "-–• ")):
			sawLuu = true
		case bulletRE.MatchString(t) || style == "VbNoiNhanDong":
		case signedRE.MatchString(t), stampRE.MatchString(t):
		case inRecips && recipSectionRE.MatchString(t):
		case authorityRE.MatchString(t) || isCaps(t) || style == "VbQuyenHan":
			if sawName {
				break
			}
			sawSig = true
		case sawSig:
			sawName = true
		}
	}
	// accept: the text t (a line, or one column of a line) belongs to
	// the closing zone given what was seen so far.
	accept := func(t, style string) bool {
		switch {
		case style == "VbPhuLuc" || postHead(t):
			return false
		case strings.HasPrefix(style, "VbNoiNhan"), style == "VbQuyenHan", style == "VbHoTen":
		case noiNhanRE.MatchString(t):
			return !inRecips && !sawLuu
		case luuRE.MatchString(strings.TrimLeft(t, "-–• ")):
			return !sawLuu
		case inRecips && !sawName && recipSectionRE.MatchString(t):
			// A second list of the Nơi nhận ("Bản điện tử:" after the
			// paper copies and their Lưu line).
			sawLuu = false
		case bulletRE.MatchString(t):
			return inRecips && !sawLuu
		case signedRE.MatchString(t), stampRE.MatchString(t):
		case authorityRE.MatchString(t) || isCaps(t):
			return !sawName
		case sawSig && !sawName && signerLine(t):
		case !r.docx && !sawName && inRecips && !sawLuu && wordCount(t) <= 12:
			// A recipient wrapped onto a second line in text.
		default:
			return false
		}
		return true
	}
	i := at
	// takeTable reads the whole layout table the line at i belongs to.
	takeTable := func() {
		t := ls[i].tbl
		for i < end && (ls[i].tbl == t) {
			observe(ls[i].text(), ls[i].style)
			i++
		}
	}
	if i < end && ls[i].tbl != 0 {
		takeTable()
	}
	for i < end {
		l := ls[i]
		t := l.text()
		if l.blank || (t == "" && l.table == nil && l.cells == nil) {
			i++
			continue
		}
		if l.table != nil {
			return i
		}
		if l.tbl != 0 {
			// A second layout table continues the closing only when it is
			// the other half of it (Nơi nhận after a signature typed as
			// paragraphs, or a signature table after a Nơi nhận list).
			if !sawLuu && !inRecips && noiNhanRE.MatchString(t) || !sawSig && (authorityRE.MatchString(t) || isCaps(t)) && !isNation(t) {
				takeTable()
				continue
			}
			return i
		}
		if pairedSegs(l) != nil && (sawSig || pairedTitles(l)) && !sawName {
			// Two signature blocks side by side, a line of both titles
			// or both names (forms.go).
			for _, seg := range pairedSegs(l) {
				observe(seg, l.style)
			}
			i++
			continue
		}
		// A closing pasted as text may hold both columns on one line
		// ("- Sở Nội vụ;<TAB>PHÓ CHỦ TỊCH", or " | " between them).
		segs := l.cells
		if segs == nil {
			segs = splitGaps(t)
		}
		for _, seg := range segs {
			seg = strings.TrimSpace(seg)
			if seg == "" {
				continue
			}
			if !accept(seg, l.style) {
				return i
			}
			observe(seg, l.style)
		}
		i++
	}
	return i
}

// signerLine: the signer's name, possibly after a rank or academic title
// ("Thiếu tướng Trương Minh Đương", "TS. Nguyễn Văn A"): two to eight
// words, the last three capitalised.
func signerLine(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 8 || endsTerminal(t) {
		return false
	}
	// The name: a trailing run of two or more capitalised words; before
	// it at most three words of rank ("Thiếu tướng", "PGS. TS.").
	k := len(ws)
	for k > 0 && nameWordRE.MatchString(ws[k-1]) {
		k--
	}
	return len(ws)-k >= 2 && k <= 3
}

// postHead: a line that can only head what comes after a signature.
func postHead(t string) bool {
	return appendixHeadRE.MatchString(t) || formHeadRE.MatchString(t) || kemTheoOpenRE.MatchString(t)
}

// section is one appendix or attached document after the signature.
type section struct {
	from, to int // lines [from, to)
	// form: opened by a "Biểu mẫu n" heading, so the next one opens a
	// sibling (under a "PHỤ LỤC" the forms stay inside it).
	form bool
}

// afterSignature reads everything after the closing zone into appendices.
// A new one starts at an explicit "Phụ lục" heading, at the header table
// of an attached document (it has its own Quốc hiệu), and at the title
// block of each "(Kèm theo ...)" line once the current one has content:
// those three cover lists ("DANH SÁCH"), regulations ("ĐIỀU LỆ", "QUY
// ĐỊNH") and forms attached without the word "Phụ lục". Forms numbered
// under one "PHỤ LỤC" ("Biểu mẫu 1", "Biểu mẫu 2" ...) stay inside it;
// forms after the signature with no such umbrella open one appendix each.
// Content with no heading at all (a table right after the signature)
// becomes an appendix too, its title guessed and reported.
func (r *recogniser) afterSignature(from, end int) {
	ls := r.lines
	for from < end && (ls[from].blank || (ls[from].text() == "" && ls[from].table == nil && ls[from].cells == nil)) {
		from++
	}
	if from >= end {
		return
	}
	var secs []section
	cur := section{from: from}
	// content: the first line of the current section past its title
	// block, -1 while none has been seen.
	content := -1
	for i := from; i < end; i++ {
		l := ls[i]
		t := l.text()
		if l.blank || (t == "" && l.table == nil && l.cells == nil) {
			continue
		}
		split := -1
		switch {
		case l.style == "VbPhuLuc" || (l.table == nil && appendixHeadRE.MatchString(t)):
			split = i
		case l.tbl != 0 && isNation(t):
			// The header table of an attached document: it starts at the
			// table's first line; its other lines are skipped here.
			split = i
			for split > cur.from && ls[split-1].tbl == l.tbl {
				split--
			}
			for i+1 < end && ls[i+1].tbl == l.tbl {
				i++
			}
		case l.table == nil && kemTheoOpenRE.MatchString(t) && content >= 0:
			split = titleBlockStart(ls, cur.from, i)
		case l.table == nil && formHeadRE.MatchString(t) && (cur.form || content < 0 && i == cur.from):
			split = i
		}
		if split >= 0 {
			// A section ends only once it has content before the split:
			// a sentence-case subtitle between "QUY ĐỊNH" and its "(Ban
			// hành kèm theo ...)" line is part of the title block that
			// opens the section, not its content.
			if content >= 0 && content < split && split > cur.from {
				cur.to = split
				secs = append(secs, cur)
				cur = section{from: split}
			}
			if split == cur.from && formHeadRE.MatchString(ls[split].text()) {
				cur.form = true
			}
			content = -1
			continue
		}
		if content < 0 && (l.table != nil || l.cells != nil || !titleLike(l)) {
			content = i
		}
	}
	cur.to = end
	secs = append(secs, cur)
	for _, s := range secs {
		r.appendix(ls[s.from:s.to], len(r.d.Appendices))
	}
}

// titleLike: a line that can be part of an appendix's title block.
func titleLike(l line) bool {
	t := l.text()
	return isCaps(t) || l.style == "VbTenPhuLuc" || formHeadRE.MatchString(t) || kemTheoOpenRE.MatchString(t)
}

// titleBlockStart walks back from a "(Kèm theo ...)" line at k over the
// title lines above it (capitals, a Phụ lục or Biểu mẫu heading) and
// returns the first of them.
//
// A title in sentence case under a capitals name ("DANH SÁCH" / "Xã,
// phường trọng điểm ... năm 2025") is part of the block: up to three such
// lines are taken while no capitals line has been met, when they do not
// end a sentence and do not open an item.
func titleBlockStart(ls []line, from, k int) int {
	j := k
	sentence := 0
	sawCaps := false
	for j-1 >= from {
		p := ls[j-1]
		t := p.text()
		if p.blank || t == "" {
			if sawCaps {
				break
			}
			j--
			continue
		}
		if p.table != nil || p.cells != nil {
			break
		}
		switch {
		case isCaps(t) || appendixHeadRE.MatchString(t) || formHeadRE.MatchString(t) || p.style == "VbTenPhuLuc":
			sawCaps = true
		case !sawCaps && sentence < 3 && !endsTerminal(t) && !strings.HasSuffix(t, ")") && !startsBlock(t) && wordCount(t) <= 40:
			sentence++
		default:
			j = -j // stop
		}
		if j < 0 {
			j = -j
			break
		}
		j--
	}
	if !sawCaps {
		// Sentence-case lines alone are not a title block.
		j = k
	}
	for j < k && (ls[j].blank || ls[j].text() == "") {
		j++
	}
	return j
}

// appendix reads one appendix or attached document: an attached
// document's own header (listed as dropped: the model keeps one header),
// the heading ("Phụ lục II", printed again by the system), the title lines
// in capitals, the "(Kèm theo ...)" line (derived again from the main
// document's number and date), then blocks like the body's.
func (r *recogniser) appendix(ls []line, idx int) {
	d := r.d
	a := document.Appendix{}
	path := fmt.Sprintf("/appendices/%d", idx)
	i := 0
	skipBlank := func() {
		for i < len(ls) && (ls[i].blank || (ls[i].text() == "" && ls[i].table == nil && ls[i].cells == nil)) {
			i++
		}
	}
	skipBlank()
	// An attached document's header table: its lines are kept aside
	// until the section is known to be an attachment or an appendix.
	var own []line
	if i < len(ls) && ls[i].tbl != 0 {
		t0 := ls[i].tbl
		nation := false
		for k := i; k < len(ls) && ls[k].tbl == t0; k++ {
			nation = nation || isNation(ls[k].text())
		}
		if nation {
			for i < len(ls) && ls[i].tbl == t0 {
				own = append(own, ls[i])
				i++
			}
		}
	}
	skipBlank()
	var title []string
	heading, ref := "", ""
	headAt := -1 // the source line the appendix starts at, for the report
	if i < len(ls) {
		headAt = ls[i].src
	}
	if i < len(ls) && ls[i].table == nil {
		t := ls[i].text()
		if m := appendixHeadRE.FindStringSubmatch(t); m != nil || ls[i].style == "VbPhuLuc" {
			if m != nil {
				// The label as written ("Phụ lục:", "PHỤ LỤC SỐ 01"); a
				// run-in title after it is the title.
				heading = strings.TrimSpace(t)
				if m[2] != "" {
					heading = m[1]
					title = append(title, m[2])
				}
			} else {
				heading = t
			}
			i++
		}
	}
	for i < len(ls) {
		l := ls[i]
		t := l.text()
		if l.blank || t == "" && l.table == nil && l.cells == nil {
			i++
			continue
		}
		if kemTheoOpenRE.MatchString(t) {
			// The "(Kèm theo ...)" line, maybe wrapped: up to ")". Kept
			// as written (ref); the parent's short name is read off it.
			ref = t
			i++
			for !strings.Contains(ref, ")") && i < len(ls) && ls[i].table == nil && !ls[i].blank {
				ref += " " + ls[i].text()
				i++
			}
			r.kemTheo = ref
			if m := kemTheoRE.FindStringSubmatch(ref); m != nil {
				if k := strings.LastIndex(m[1], " của "); k >= 0 {
					who := strings.TrimSpace(m[1][k+len(" của "):])
					if who != "" && d.Issuer.ShortName == "" {
						d.Issuer.ShortName = who
					}
				}
			}
			break
		}
		if l.table != nil || l.cells != nil || l.style == "VbDuongKe" {
			break
		}
		if !isCaps(t) && l.style != "VbTenPhuLuc" && !(len(title) == 0 && heading == "" && formHeadRE.MatchString(t)) && !subtitleBeforeKemTheo(ls, i) {
			break
		}
		if len(title) > 0 && wordCount(strings.Join(title, " "))+wordCount(t) > 60 {
			break
		}
		title = append(title, t)
		i++
	}
	if attachedText(heading, ref, own, title, d.Type) {
		r.attachment(ls[i:], own, title, ref, headAt)
		return
	}
	r.ownHeader(own, false)
	a.Label, a.Ref = heading, ref
	a.Title = strings.Join(title, " ")
	if a.Title == "" {
		a.Title = "PHỤ LỤC"
		r.rep.supplied(path+"/title", "Nội dung sau chữ ký không có tiêu đề: nhập như một phụ lục, tiêu đề tạm \"PHỤ LỤC\", cần sửa.",
			"content after the signature has no title: imported as an appendix titled \"PHỤ LỤC\" for now; correct it")
	}
	rest := ls[i:]
	landscape := false
	for _, l := range rest {
		landscape = landscape || l.landscape
	}
	// A grid extracted one cell per line, with "|" between cells.
	cells, isStream := streamCells(rest)
	if isStream {
		if rt := tableFromStream(cells); rt != nil {
			n0 := r.rep.mark()
			t := rt.model(path+"/blocks/0/table", r.rep)
			r.rep.sourceSince(n0, rest[0].src, rt.text())
			if t != nil {
				a.Blocks = append(a.Blocks, document.Block{Table: t})
				if len(leafPtrs(t.Columns)) > 8 {
					landscape = true
				}
				r.rep.recognisedAt(path+"/blocks/0/table", rest[0].src, rt.text(), fmt.Sprintf("Bảng phụ lục: %d cột, %d dòng (đọc từ các ô tách bằng \"|\").", len(leafPtrs(t.Columns)), len(t.Rows)),
					fmt.Sprintf("appendix table: %d column(s), %d row(s) (read from cells separated by \"|\")", len(leafPtrs(t.Columns)), len(t.Rows)))
			}
		} else {
			isStream = false
		}
	}
	if !isStream {
		us := r.classify(r.assemble(rest))
		if r.d.Options.Numbering != "decimal" {
			// Numbering is the document's: an appendix's "1.1." under a
			// body numbered I./1./a) stays as written.
			us = decimalsAsText(us)
		}
		us = r.budgets(us, path)
		a.Blocks = r.tree(us, path+"/blocks")
		if !r.docx {
			for _, b := range a.Blocks {
				if b.Table != nil && len(leafPtrs(b.Table.Columns)) > 8 {
					landscape = true
				}
			}
		}
	}
	if landscape {
		a.Orientation = "landscape"
	}
	d.Appendices = append(d.Appendices, a)
	src := heading
	if src == "" {
		src = a.Title
	}
	r.rep.recognisedAt(path, headAt, src, "Phụ lục: "+a.Title+".", "appendix: "+a.Title)
}

// attachedNameRE: the name of a text a quyết định or nghị quyết issues
// with it (Mẫu 1.3): a quy chế, quy định, điều lệ, kế hoạch, danh sách,
// quy trình, chương trình, phương án, đề án, hướng dẫn, bảng giá … with
// its subject run in or on the next lines.
var attachedNameRE = regexp.MustCompile(`^(QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|KẾ HOẠCH|DANH SÁCH|DANH MỤC|QUY TRÌNH|CHƯƠNG TRÌNH|PHƯƠNG ÁN|ĐỀ ÁN|HƯỚNG DẪN|BẢNG GIÁ|TIÊU CHÍ|NỘI QUY|CHIẾN LƯỢC|QUY HOẠCH)(?:\s+(.*))?$`)

// attachedText tells an attached text (văn bản ban hành kèm theo) from an
// appendix: it is never headed "Phụ lục" or "Biểu số", and it has its own
// agency header (a Quốc hiệu table), or a "(Ban hành kèm theo …)" line, or
// a document name ("QUY ĐỊNH", "DANH SÁCH" …) under a quyết định or nghị
// quyết, the forms that issue texts (Mẫu 1.3).
func attachedText(heading, ref string, own []line, title []string, typ string) bool {
	if heading != "" || len(title) == 0 || formHeadRE.MatchString(title[0]) || !attachedNameRE.MatchString(title[0]) {
		return false
	}
	issues := compose.DecisionLine(typ) != ""
	return len(own) > 0 || strings.Contains(strings.ToLower(ref), "ban hành kèm theo") || issues
}

// ownHeader lists the header table of a text after the signature as
// dropped: the Quốc hiệu and the agency lines the system prints again
// (attached: it prints the issuer's header over an attached text), the
// rest (its own number, place and date) not printed.
func (r *recogniser) ownHeader(own []line, attached bool) {
	// The attached text's agency lines, folded (no marks, so "UỶ" and
	// "ỦY" agree) and joined since it may break them elsewhere, are the
	// issuer's own when they read as its name, with or without its parent.
	fold := func(ts ...string) string {
		return strings.Join(strings.Fields(vntext.Fold(strings.Join(ts, " "))), " ")
	}
	var agency []string
	for _, l := range own {
		if t := l.text(); isCaps(t) && !isNation(t) && !isMotto(t) {
			agency = append(agency, t)
		}
	}
	src := r.issuerLines
	if len(src) == 0 {
		src = append(append([]string{}, r.d.Issuer.Parent...), r.d.Issuer.Name...)
	}
	same := len(agency) > 0 && (fold(agency...) == fold(src...) || fold(agency...) == fold(r.d.Issuer.Name...))
	isAgency := map[string]bool{}
	for _, t := range agency {
		isAgency[t] = true
	}
	for _, l := range own {
		t := l.text()
		switch {
		case isNation(t) || isMotto(t):
			r.rep.drop(l.src, t, true, "Quốc hiệu, tiêu ngữ của văn bản kèm theo: hệ thống in ở đầu văn bản.", "the attached document's Quốc hiệu and motto: printed at the top of the document")
		case attached && same && isAgency[t]:
			r.rep.drop(l.src, t, true, "Tên cơ quan ở đầu văn bản kèm theo: hệ thống in lại từ cơ quan ban hành.", "the agency over the attached text: printed again from the issuer")
		case attached:
			r.rep.drop(l.src, t, false, "Phần đầu của văn bản kèm theo (số, ngày riêng): văn bản kèm theo không có số, ngày riêng (Mẫu 1.3).", "the attached text's own header line (number, date): an attached text has none of its own (Mẫu 1.3)")
		default:
			r.rep.drop(l.src, t, false, "Phần đầu (cơ quan, số, ngày) của văn bản kèm theo: mô hình giữ một phần đầu cho cả văn bản; phụ lục được in với tiêu đề và dòng \"Kèm theo\".", "the attached document's own header (issuer, number, date): the model keeps one header; the appendix prints with its title and \"Kèm theo\" line")
		}
	}
}

// attachment reads an attached text after its title block: the name
// ("QUY ĐỊNH", or "DANH SÁCH" with its subject run in) and the trích yếu
// lines as the author breaks them, the "(Ban hành kèm theo …)" line as
// written (derived by the system when there is none), then its blocks,
// Chương/Điều or I./1. as the body's, its last sentence without the
// "./." the system prints.
func (r *recogniser) attachment(rest []line, own []line, title []string, ref string, headAt int) {
	d := r.d
	idx := len(d.Attachments)
	path := fmt.Sprintf("/attachments/%d", idx)
	r.ownHeader(own, true)
	m := attachedNameRE.FindStringSubmatch(title[0])
	a := document.Attachment{Name: m[1], Ref: ref, NoHeader: len(own) == 0}
	if s := strings.TrimSpace(m[2]); s != "" {
		a.Summary = append(a.Summary, s)
	}
	for _, t := range title[1:] {
		if len(a.Summary) < 6 {
			a.Summary = append(a.Summary, t)
		} else {
			a.Summary[5] += " " + t
		}
	}
	us := r.classify(r.assemble(rest))
	if r.d.Options.Numbering != "decimal" {
		us = decimalsAsText(us)
	}
	us = r.budgets(us, path)
	a.Blocks = r.tree(us, path+"/blocks")
	for _, l := range rest {
		if l.landscape {
			a.Orientation = "landscape"
		}
	}
	stripEnding(a.Blocks)
	if len(a.Blocks) == 0 {
		a.Blocks = []document.Block{{Paragraph: &document.Text{{Text: a.Name}}}}
		r.rep.supplied(path+"/blocks", "Văn bản kèm theo không có nội dung: cần nhập.", "the attached text has no content: fill it in")
	}
	d.Attachments = append(d.Attachments, a)
	r.rep.recognisedAt(path, headAt, title[0], "Văn bản ban hành kèm theo: "+a.Name+".", "attached text: "+a.Name)
}

// stripEnding removes the "./." the system prints after the last
// sentence of an attached text, as stripFinalMark does for the body.
func stripEnding(bs []document.Block) { cutFinalMark(lastText(bs)) }

// subtitleBeforeKemTheo: line i is a sentence-case title line with only
// such lines between it and a "(Kèm theo ...)" line (a list's subject under
// its "DANH SÁCH").
func subtitleBeforeKemTheo(ls []line, i int) bool {
	for k := i; k < len(ls) && k < i+4; k++ {
		t := ls[k].text()
		if ls[k].blank || t == "" {
			continue
		}
		if kemTheoOpenRE.MatchString(t) {
			return true
		}
		if ls[k].table != nil || endsTerminal(t) || strings.HasSuffix(t, ")") || startsBlock(t) || wordCount(t) > 40 {
			return false
		}
	}
	return false
}

// asWritten keeps an appendix's label and the "(Kèm theo …)" line of an
// appendix or attached text only where they say something the system
// would not print by itself: "Phụ lục số 01", "BIỂU SỐ 01", a reference
// to another document or date. A label or line that reads exactly as
// the derived one (spaces aside: a blank date's gaps are not kept by every
// source) is left to the system, so the number and date stay in one place.
func (r *recogniser) asWritten() {
	d := r.d
	if len(d.Appendices) == 0 && len(d.Attachments) == 0 {
		return
	}
	same := func(a, b string) bool {
		return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
	}
	labels := make([]string, len(d.Appendices))
	for i := range d.Appendices {
		labels[i], d.Appendices[i].Label = d.Appendices[i].Label, ""
	}
	der := compose.Derive(d)
	for i := range d.Appendices {
		a := &d.Appendices[i]
		if !same(labels[i], der.Appendices[document.Pointer("appendices", i)]) {
			a.Label = labels[i]
		}
		if same(a.Ref, der.AppendixRef) {
			a.Ref = ""
		}
	}
	for i := range d.Attachments {
		if a := &d.Attachments[i]; same(a.Ref, der.AttachmentRef) {
			a.Ref = ""
		}
	}
	// The short name read off a kèm theo line only feeds the derived
	// lines: it is kept when one is derived and needs it to read so.
	if short := d.Issuer.ShortName; short != "" {
		d.Issuer.ShortName = ""
		if derivedRef(d) {
			if now := compose.Derive(d); now.AppendixRef != der.AppendixRef || now.AttachmentRef != der.AttachmentRef {
				d.Issuer.ShortName = short
			}
		}
	}
}

// derivedRef: some appendix or attached text of d prints the derived kèm
// theo line (it gives none).
func derivedRef(d *document.Document) bool {
	for _, a := range d.Appendices {
		if a.Ref == "" {
			return true
		}
	}
	for _, a := range d.Attachments {
		if a.Ref == "" {
			return true
		}
	}
	return false
}
