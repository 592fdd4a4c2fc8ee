package importer

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// recogniser reads lines into a document, zone by zone: header, body
// (with bases, intro and closing), the Nơi nhận and signature blocks, and
// the appendices.
type recogniser struct {
	lines []line
	d     *document.Document
	rep   *Report
	docx  bool
	// vbStyles: the DOCX uses vanban's own paragraph styles, which are
	// trusted over the text.
	vbStyles bool
	// wrapped: the text was hard-wrapped at a fixed width, so a paragraph
	// spans several lines; width is that width in characters.
	wrapped bool
	width   int

	issuerLines []string
	numberSrc   int            // source line of "Số:", for the report
	issuerSrc   int            // source line of the first issuer line
	sigSrc      map[string]int // source line of each signature line
	issuerStyle bool           // issuer lines came with vanban's styles
	typeFound   bool
	kemTheo     string
}

func recognise(lines []line, rep *Report, docx bool) *document.Document {
	r := &recogniser{lines: lines, rep: rep, docx: docx, d: &document.Document{Schema: document.SchemaV1}, issuerSrc: -1}
	for i := range lines {
		lines[i].src = i
		if lines[i].pageNo {
			rep.drop(i, lines[i].text(), true, "Số trang của bản PDF: hệ thống tự đánh số trang khi in.", "a page number of the PDF: the system numbers pages when it prints")
			lines[i].blank = true
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l.style, "Vb") {
			r.vbStyles = true
			break
		}
	}
	if !docx {
		r.wrapped, r.width = detectWrap(lines)
		if r.wrapped {
			rep.recognised("", fmt.Sprintf("Văn bản bị ngắt dòng ở khoảng %d ký tự: đã nối các dòng thành đoạn.", r.width),
				fmt.Sprintf("the text is hard-wrapped at about %d characters: lines were joined into paragraphs", r.width))
		}
	}
	start := r.header()
	end := len(lines)
	closeAt := r.findClosing(start, end)
	bodyEnd := closeAt
	if closeAt == end {
		// No Nơi nhận or signature: an appendix heading still ends the
		// body (a text copied without its closing block).
		for i := start; i < end; i++ {
			if l := lines[i]; l.style == "VbPhuLuc" || (l.table == nil && appendixHeadRE.MatchString(l.text())) {
				bodyEnd, closeAt = i, i
				break
			}
		}
	}
	closeEnd := r.closingEnd(closeAt, end)
	r.body(lines[start:bodyEnd])
	r.closing(lines[closeAt:closeEnd])
	r.afterSignature(closeEnd, end)
	r.finish()
	document.Normalize(r.d, nil)
	r.asWritten()
	if usesV2(r.d) {
		r.d.Schema = document.SchemaV2
	}
	r.audit()
	rep.settle(r.d)
	return r.d
}

// detectWrap: text whose lines never exceed a width of 60-120 characters
// and are mostly near it was wrapped by the extraction.
func detectWrap(lines []line) (bool, int) {
	var lens []int
	for _, l := range lines {
		if t := l.text(); !l.blank && t != "" {
			lens = append(lens, utf8.RuneCountInString(t))
		}
	}
	if len(lens) < 20 {
		return false, 0
	}
	sort.Ints(lens)
	p90 := lens[len(lens)*9/10]
	maxLen := lens[len(lens)-1]
	if p90 >= 50 && p90 <= 120 && maxLen <= 140 {
		return true, p90
	}
	return false, 0
}

// header reads the header block and the type and trích yếu; it returns
// the index of the first line of the body.
func (r *recogniser) header() int {
	d := r.d
	ls := r.lines
	i := 0
	sawNation := false
	sawNumber := false
	for i < len(ls) {
		l := ls[i]
		t := l.text()
		if l.blank || (t == "" && l.table == nil) {
			i++
			continue
		}
		if l.table != nil || l.cells != nil {
			break
		}
		switch {
		case l.style == "VbCoQuanChuQuan" || l.style == "VbCoQuan":
			if !r.issuerStyle {
				r.issuerSrc = l.src
			}
			r.issuerStyle = true
			if l.style == "VbCoQuanChuQuan" {
				d.Issuer.Parent = append(d.Issuer.Parent, t)
			} else {
				d.Issuer.Name = append(d.Issuer.Name, t)
			}
			i++
		case ruleRE.MatchString(t):
			i++
		case isNation(t):
			sawNation = true
			r.printed(l, t, "Quốc hiệu")
			i++
		case isMotto(t):
			r.printed(l, t, "Tiêu ngữ")
			i++
		case numberRE.MatchString(t) && !sawNumber:
			sawNumber = true
			r.numberSrc = l.src
			r.number(numberRE.FindStringSubmatch(t)[1], l.src, t)
			r.printed(l, strings.TrimSpace(t[:len(t)-len(numberRE.FindStringSubmatch(t)[1])]), "Nhãn \"Số:\"")
			i++
		case sawNumber && d.Symbol == "" && symbolLineRE.MatchString(t):
			// "Số: 453" and "/TB-UBND" on separate lines: a PDF's text
			// layer interleaves the two header columns.
			num := d.Number
			r.number(num+t, l.src, t)
			r.rep.guessedAt("/number", l.src, t, "Số và ký hiệu nằm trên hai dòng (hai cột bị trộn khi trích văn bản): đã ghép lại.",
				"the number and the symbol were on two lines (the header columns were interleaved by the extraction): joined")
			i++
		case r.typeFound && !kinhGuiRE.MatchString(t):
			// After the type name and trích yếu only Kính gửi belongs to
			// the header (a tờ trình has one), and a công điện's sender
			// line with the list it is sent to (forms.go).
			if d.Type == compose.TypeTelegram && len(d.Competence) == 0 {
				if j := r.telegram(i); j > i {
					i = j
					continue
				}
			}
			return i
		case placeDateRE.MatchString(t) && d.Place == "" && wordCount(placeDateRE.FindStringSubmatch(t)[1]) <= 8:
			i = r.placeDate(i)
		case subjectRE.MatchString(t) && d.Subject == "" && !r.typeFound:
			i = r.subject(i)
		case kinhGuiRE.MatchString(t):
			i = r.addressees(i)
		case !r.typeFound && l.style != "VbTrichYeu" && isTypeLine(t):
			dt, _ := typeByName(t)
			d.Type = dt.Code
			r.typeFound = true
			r.rep.recognisedAt("/type", l.src, t, "Tên loại văn bản: "+dt.Name+".", "document type: "+dt.Name)
			r.printed(l, t, "Tên loại văn bản")
			i = r.summary(i + 1)
		case !r.typeFound && l.style != "VbTrichYeu" && (sawNumber || sawNation) && typeQualified(t):
			dt, extra, _ := typeByPrefix(t)
			d.Type = dt.Code
			r.typeFound = true
			r.rep.recognisedAt("/type", l.src, t, "Tên loại văn bản: "+dt.Name+".", "document type: "+dt.Name)
			// The type line as the office writes it ("GIẤY MỜI HỌP")
			// is the title; the type's name starts it.
			d.Title = strings.Join(strings.Fields(t), " ")
			r.rep.recognisedAt("/title", l.src, t, "Tên loại ghi thêm \""+extra+"\": giữ như viết.", "the type line adds \""+extra+"\": kept as written")
			i = r.summary(i + 1)
		case isCaps(t) && !r.typeFound && !sawNumber && d.Place == "" && len(r.issuerLines) < 5 && !r.issuerStyle:
			if len(r.issuerLines) == 0 {
				r.issuerSrc = l.src
			}
			r.issuerLines = append(r.issuerLines, t)
			i++
		default:
			return i
		}
	}
	return i
}

func typeQualified(t string) bool {
	_, _, ok := typeByPrefix(t)
	return ok
}

func isTypeLine(t string) bool {
	_, ok := typeByName(t)
	return ok
}

// number reads "1653/KH-UBND", "/KH-UBND" or "908/SLĐT BXH-BĐG".
func (r *recogniser) number(s string, line int, src string) {
	s = strings.TrimSpace(s)
	num, sym, ok := strings.Cut(s, "/")
	if !ok {
		num, sym = s, ""
	}
	num = strings.TrimSpace(num)
	d := r.d
	d.Number = num
	joined := strings.Join(strings.Fields(sym), "")
	if joined != strings.TrimSpace(sym) {
		r.rep.guessedAt("/symbol", line, src, fmt.Sprintf("Ký hiệu %q có khoảng trắng: đã ghép thành %q.", sym, joined),
			fmt.Sprintf("the symbol %q had spaces: joined into %q", sym, joined))
	}
	d.Symbol = joined
	if num == "" {
		r.rep.recognisedAt("/draft", line, src, "Số văn bản để trống (dự thảo).", "the number is blank (a draft)")
	} else {
		r.rep.recognisedAt("/number", line, src, "Số và ký hiệu: "+num+"/"+joined+".", "number and symbol: "+num+"/"+joined)
	}
}

// placeDate reads the place and date, joining the lines a narrow column
// wrapped ("Gia Lai, ngày 30" / "tháng 6 năm 2023").
func (r *recogniser) placeDate(i int) int {
	start := i
	t := r.lines[i].text()
	i++
	for !yearRE.MatchString(t[strings.Index(t, "ngày"):]) && i < len(r.lines) {
		n := r.lines[i].text()
		if r.lines[i].blank {
			i++
			continue
		}
		if strings.HasPrefix(n, "tháng") || strings.HasPrefix(n, "năm") || startsDigit(n) {
			t += " " + n
			i++
			continue
		}
		break
	}
	m := placeDateRE.FindStringSubmatch(t)
	d := r.d
	d.Place = strings.TrimSpace(m[1])
	dm := dateRE.FindStringSubmatch(m[2])
	d.Date.Day, _ = strconv.Atoi(dm[1])
	d.Date.Month, _ = strconv.Atoi(dm[2])
	d.Date.Year, _ = strconv.Atoi(dm[3])
	r.rep.recognisedAt("/date", r.lines[start].src, t, "Địa danh và ngày tháng: "+t+".", "place and date: "+t)
	r.rep.recognisedAt("/place", r.lines[start].src, t, "Địa danh: "+d.Place+".", "place: "+d.Place)
	for k := start; k < i; k++ {
		r.printed(r.lines[k], r.lines[k].text(), "Địa danh và ngày tháng")
	}
	return i
}

// subject reads "V/v ..." and its continuation lines.
func (r *recogniser) subject(i int) int {
	start := r.lines[i].src
	src := r.lines[i].text()
	t := subjectRE.FindStringSubmatch(src)[1]
	r.printed(r.lines[i], strings.TrimSpace(strings.TrimSuffix(src, t)), "Nhãn \"V/v\"")
	style := r.lines[i].style
	i++
	for i < len(r.lines) {
		l := r.lines[i]
		n := l.text()
		if l.blank || l.table != nil || n == "" || r.lines[i-1].cellEnd {
			break
		}
		if (style != "" && l.style == style) || (startsLower(n) && !placeDateRE.MatchString(n)) {
			t += " " + n
			i++
			continue
		}
		break
	}
	r.d.Subject = strings.TrimSpace(t)
	r.d.Type = document.TypeCongVan
	r.rep.recognisedAt("/subject", start, src, "Trích yếu công văn (V/v): "+r.d.Subject+".", "công văn subject (V/v): "+r.d.Subject)
	return i
}

// addressees reads "Kính gửi: X" or "Kính gửi:" followed by "- X;" lines.
// Each addressee keeps its runs: emphasis and footnotes (a footnote
// listing the xã behind "UBND các xã có cụm công nghiệp").
func (r *recogniser) addressees(i int) int {
	start := r.lines[i].src
	src := r.lines[i].text()
	first := strings.TrimSpace(kinhGuiRE.FindStringSubmatch(src)[1])
	r.printed(r.lines[i], strings.TrimSpace(strings.TrimSuffix(src, first)), "Nhãn \"Kính gửi\"")
	tbl := r.lines[i].tbl
	listDone := !r.lines[i].cellEnd // the label's cell holds the list itself
	var out []document.Text
	if first != "" {
		out = append(out, cutRunPrefix(r.lines[i].runs, len(src)-len(first)))
	}
	i++
	for i < len(r.lines) {
		l := r.lines[i]
		n := l.text()
		if l.blank {
			i++
			continue
		}
		if m := bulletRE.FindStringSubmatch(n); m != nil && (first == "" || len(out) > 0 && strings.HasPrefix(first, "-")) {
			out = append(out, cutRunPrefix(l.runs, len(n)-len(m[2])))
			i++
			continue
		}
		if tbl != 0 && l.tbl == tbl && !listDone {
			// "Kính gửi:" in a table: the cell beside it is the list,
			// bulleted or not.
			out = append(out, trimRuns(l.runs))
			listDone = l.cellEnd
			i++
			continue
		}
		break
	}
	for k := range out {
		// The dash and the ";" or "." are printed by the system.
		out[k] = compose.TrimListMarks(out[k])
	}
	r.d.Addressees = append(r.d.Addressees, out...)
	if r.d.Type == "" {
		r.d.Type = document.TypeCongVan
	}
	if len(out) == 0 {
		r.rep.guessedAt("/addressees", start, src, "Có dòng \"Kính gửi:\" nhưng không đọc được nơi gửi nào sau nó: cần kiểm tra.",
			"a \"Kính gửi:\" line with no addressee read after it: check it")
	} else {
		r.rep.recognisedAt("/addressees", start, src, fmt.Sprintf("Kính gửi: %d nơi.", len(out)), fmt.Sprintf("Kính gửi: %d addressee(s)", len(out)))
	}
	if notes := countFootnotes(out); notes > 0 {
		r.rep.recognisedAt("/addressees", start, src, fmt.Sprintf("Chú thích ở dòng Kính gửi: %d, giữ với nơi gửi.", notes),
			fmt.Sprintf("%d footnote(s) on the addressees, kept with them", notes))
	}
	return i
}

func countFootnotes(ts []document.Text) int {
	n := 0
	for _, t := range ts {
		for _, r := range t {
			if r.Footnote != "" {
				n++
			}
		}
	}
	return n
}

// summary reads the trích yếu under the type name: its first line and the
// lines that continue it (lower-case start, or caps under caps, or the
// same DOCX style).
func (r *recogniser) summary(i int) int {
	ls := r.lines
	for i < len(ls) && (ls[i].blank || ruleRE.MatchString(ls[i].text())) {
		i++
	}
	if i >= len(ls) || ls[i].table != nil {
		return i
	}
	t := ls[i].text()
	if (startsBlock(t) && !strings.HasPrefix(t, "Trên")) || ls[i].running || openingLine(r.d.Type, t) {
		return i
	}
	if !r.docx && wordCount(t) > 30 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":")) {
		// A long sentence with its full stop under the type name is the
		// first paragraph of the body (a giấy mời or thông báo with no
		// trích yếu), not a trích yếu, which has no final stop.
		r.rep.guessedAt("/body", ls[i].src, t, "Dưới tên loại là một câu văn dài, không phải trích yếu: để trống trích yếu, câu này vào phần nội dung.",
			"under the type name is a long sentence, not a summary: the summary is left blank and the sentence goes to the body")
		return i
	}
	if r.docx && !runsBold(ls[i].runs) && (ls[i].style == "VbNoiDung" || ls[i].align == "both") {
		// NĐ30 sets a trích yếu bold and centred: a regular paragraph
		// justified (or in vanban's body style) under the type name is
		// the first of the body of a form printed without one (giấy mời).
		r.rep.guessedAt("/body", ls[i].src, t, "Dưới tên loại là đoạn văn thường (không đậm, căn đều hai lề), không phải trích yếu: để trống trích yếu, đoạn này vào phần nội dung.",
			"under the type name is a regular justified paragraph, not a summary: the summary is left blank and the paragraph goes to the body")
		return i
	}
	style, align, bold := ls[i].style, ls[i].align, runsBold(ls[i].runs)
	start := ls[i].src
	lines := []string{t}
	i++
	for i < len(ls) {
		blanks := 0
		j := i
		for j < len(ls) && ls[j].blank {
			j++
			blanks++
		}
		if j >= len(ls) || ls[j].table != nil {
			break
		}
		n := ls[j].text()
		join := false
		switch {
		case divisionLine(n):
			// "Phần thứ nhất" centred and bold under the trích yếu opens
			// the body of a đề án or báo cáo.
		case r.docx && (kinhGuiRE.MatchString(n) || startsBlock(n) || ruleRE.MatchString(n) || blanks > 0 && style == ""):
		case r.docx && r.d.Type == compose.TypeTelegram && senderLine(n):
			// A công điện's sender line ("… điện:") under its trích yếu.
		case r.docx && isCaps(n) && !isCaps(t):
			// Capitals under a sentence-case trích yếu: the authority line
			// of a quyết định ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...").
		case r.docx:
			// A trích yếu typed over several paragraphs: they share its
			// style, or are centred like it, or bold like it without the
			// first having ended a sentence.
			join = (style != "" && summaryStyle(ls[j].style) == summaryStyle(style)) ||
				(align == "center" && ls[j].align == "center") ||
				(bold && runsBold(ls[j].runs) && !endsTerminal(t) && wordCount(n) <= 40)
		case startsLower(n):
			join = true
		case blanks == 0 && !startsBlock(n) && isCaps(t) && isCaps(n):
			join = true
		}
		if !join {
			break
		}
		t += " " + n
		lines = append(lines, n)
		i = j + 1
	}
	r.d.Summary = strings.TrimSpace(t)
	if r.docx && len(lines) > 1 && len(lines) <= 6 {
		// Paragraphs of a .docx are the author's line breaks (a text or
		// PDF line may be the extraction's wrap): kept as summary_lines.
		r.d.SummaryLines = lines
	}
	r.rep.recognisedAt("/summary", start, t, "Trích yếu: "+r.d.Summary+".", "summary (trích yếu): "+r.d.Summary)
	return i
}

// summaryStyle: the styles vanban gives a trích yếu's lines
// (VbTrichYeuDong for each line the author broke, VbTrichYeu for the
// last) are one family.
func summaryStyle(s string) string {
	if strings.HasPrefix(s, "VbTrichYeu") {
		return "VbTrichYeu"
	}
	return s
}

// findClosing returns the first line of the Nơi nhận / signature zone.
func (r *recogniser) findClosing(start, end int) int {
	for i := start; i < end; i++ {
		l := r.lines[i]
		if l.style == "VbNoiNhan" || l.style == "VbQuyenHan" || l.sigPair || pairedTitles(l) {
			return i
		}
		if l.style != "" && r.vbStyles {
			continue
		}
		t := l.text()
		if noiNhanRE.MatchString(t) || authorityRE.MatchString(t) {
			return i
		}
	}
	return end
}

// closing reads the Nơi nhận list and the signature block, whose lines may
// come in any order: extraction often interleaves the two columns line by
// line. Each line is told by its form: "- X;" is a recipient, "Lưu" the
// archive line, "TM."/"KT." and capitals the signature, a capitalised name
// the signer.
func (r *recogniser) closing(ls []line) {
	d := r.d
	paired := false // laid out as two signature blocks side by side
	for _, l := range ls {
		paired = paired || l.sigPair || pairedTitles(l)
	}
	ls = unpair(ls)
	// blocks are the signature blocks read before the current one (sig,
	// name): a title after a name opens another, the right one of two
	// side by side (biên bản, joint document).
	var blocks []block
	namedBy := false // the current block's name was read as a name
	var sig []string
	var recips, elec []string
	electronic := false
	archive := ""
	name := ""
	nameSrc, archiveSrc := 0, 0
	interleaved := false
	lastKind := ""
	// recipNotes and elecNotes are the footnotes on each recipient, by its
	// index in recips or elec: a footnote goes with the segment of the
	// line its mark ends.
	recipNotes, elecNotes := map[int][]runNote{}, map[int][]runNote{}
	// recipAt and elecAt are the source lines of each recipient, for the
	// report.
	var recipAt, elecAt []int
	for _, l := range ls {
		segs := splitGaps(l.text())
		if l.cells != nil {
			// A closing table pasted as text, "- Sở Nội vụ; | PHÓ CHỦ
			// TỊCH": the cells are the two columns' lines.
			segs = l.cells
		}
		lineNotes := footnotesOf(l.runs)
		for _, seg := range segs {
			segNotes := lineNotes
			if len(segs) > 1 {
				segNotes = notesIn(lineNotes, seg)
			}
			t := strings.TrimSpace(seg)
			if t == "" {
				continue
			}
			kind := ""
			switch {
			case l.style == "VbHoTen":
				kind = "name"
			case noiNhanRE.MatchString(t):
				kind = "head"
				rest := strings.TrimSpace(noiNhanRE.FindStringSubmatch(t)[1])
				r.printed(l, strings.TrimSpace(strings.TrimSuffix(t, rest)), "Nhãn \"Nơi nhận\"")
				if rest != "" {
					t, kind = rest, "recipient"
				}
			case strings.HasPrefix(t, "(") && strings.Contains(vntext.Lower(t), "ký"), vntext.Lower(t) == "đã ký":
				// "(Đã ký)", "(Ký, ghi rõ họ tên)": a note of the copy,
				// not of the document.
				r.rep.drop(l.src, t, false, "Ghi chú về chữ ký của bản sao: không thuộc nội dung văn bản.", "a note on the copy's signature: not part of the document")
				continue
			case l.style == "VbQuyenHan" || authorityRE.MatchString(t) || (isCaps(t) && !bulletRE.MatchString(t)):
				kind = "sig"
			case bulletRE.MatchString(t) || luuRE.MatchString(t) || l.style == "VbNoiNhanDong":
				kind = "recipient"
			case stampRE.MatchString(t):
				r.rep.drop(l.src, t, false, "Dòng của dấu chữ ký số (người ký, giờ ký): không thuộc nội dung văn bản.", "a digital-signature stamp line (signer, time): not part of the document")
				continue
			case electronicRE.MatchString(t):
				// "Bản điện tử:" heads the list of those who get the
				// document only electronically; the system prints the
				// heading over distribution.electronic.
				kind = "head"
				electronic = true
				r.printed(l, t, "Nhãn \"Bản điện tử\"")
			case recipSectionRE.MatchString(t) && !authorityRE.MatchString(t):
				// Another group heading ("Bản giấy:"): the model has no
				// field for it; kept as a line of the list, as printed.
				kind = "recipient"
				r.rep.guessedAt("/distribution/recipients", l.src, t, "Nơi nhận có nhiều nhóm: dòng tiêu đề nhóm được giữ như một dòng nơi nhận.",
					"the Nơi nhận has several groups: the group heading is kept as a line of the list")
			case looksLikeName(t) && len(sig) > 0:
				kind = "name"
			default:
				kind = "more"
			}
			if lastKind != "" && kind != lastKind && ((kind == "sig" && lastKind == "recipient") || (kind == "recipient" && lastKind == "sig")) && len(recips) > 0 && len(sig) > 0 {
				interleaved = true
			}
			switch kind {
			case "recipient":
				if m := bulletRE.FindStringSubmatch(t); m != nil {
					t = m[2]
				}
				switch {
				case luuRE.MatchString(t):
					archive, archiveSrc = t, l.src
				case electronic:
					elec = append(elec, t)
					elecNotes[len(elec)-1] = segNotes
					elecAt = append(elecAt, l.src)
				default:
					recips = append(recips, t)
					recipNotes[len(recips)-1] = segNotes
					recipAt = append(recipAt, l.src)
				}
			case "sig":
				if len(sig) > 0 && (namedBy || paired && lastKind != "sig") {
					// A title after the name, or, in two blocks side by
					// side, after the Nơi nhận under the left one (a
					// draft's blocks have no name yet), opens the next.
					blocks = append(blocks, block{sig: sig, name: name, nameSrc: nameSrc})
					sig, name, namedBy = nil, "", false
				}
				sig = append(sig, t)
				if r.sigSrc == nil {
					r.sigSrc = map[string]int{}
				}
				r.sigSrc[t] = l.src
			case "name":
				namedBy = true
				if name != "" {
					r.rep.drop(nameSrc, name, false, "Có hai dòng họ tên người ký: giữ dòng sau.", "two signer-name lines: the later one is kept")
				}
				name, nameSrc = t, l.src
			case "more":
				// A recipient wrapped onto a second line.
				if n := len(elec); electronic && n > 0 {
					elec[n-1] += " " + t
					elecNotes[n-1] = append(elecNotes[n-1], segNotes...)
				} else if n := len(recips); n > 0 && archive == "" {
					recips[n-1] += " " + t
					recipNotes[n-1] = append(recipNotes[n-1], segNotes...)
					r.rep.guessedAt("/distribution/recipients", l.src, t, "Dòng \""+t+"\" được nối vào nơi nhận phía trên.", "the line \""+t+"\" was joined to the recipient above")
				} else if len(sig) > 0 && name == "" {
					name, nameSrc = t, l.src
				} else {
					r.rep.drop(l.src, t, false, "Dòng trong khối ký và nơi nhận không đọc được là nơi nhận, chức vụ hay họ tên.", "a line of the signature and Nơi nhận block that reads as neither a recipient, a title nor a name")
				}
			}
			if kind != "head" {
				lastKind = kind
			}
		}
	}
	if interleaved && len(blocks) == 0 {
		r.rep.recognisedAt("/distribution", ls[0].src, ls[0].text(), "Nơi nhận và chữ ký bị trích xen kẽ từng dòng: đã tách ra.", "Nơi nhận and the signature were extracted interleaved line by line: separated")
	}
	for i, s := range recips {
		d.Distribution.Recipients = append(d.Distribution.Recipients, recipient(s, recipNotes[i]))
	}
	for i, s := range elec {
		d.Distribution.Electronic = append(d.Distribution.Electronic, recipient(s, elecNotes[i]))
	}
	if len(elec) > 0 {
		for k, at := range elecAt {
			r.rep.place(at, "/distribution/electronic/"+strconv.Itoa(k))
		}
		r.rep.recognisedAt("/distribution/electronic", elecAt[0], elec[0], fmt.Sprintf("Bản điện tử: %d nơi.", len(elec)), fmt.Sprintf("Bản điện tử: %d recipient(s)", len(elec)))
	}
	if len(recips) > 0 {
		for k, at := range recipAt {
			r.rep.place(at, "/distribution/recipients/"+strconv.Itoa(k))
		}
		r.rep.recognisedAt("/distribution/recipients", recipAt[0], recips[0], fmt.Sprintf("Nơi nhận: %d nơi.", len(recips)), fmt.Sprintf("Nơi nhận: %d recipient(s)", len(recips)))
	}
	if archive != "" {
		r.archive(archive, archiveSrc)
		if d.Distribution.Archive != nil {
			r.rep.drop(archiveSrc, "Lưu: VT", true, "Nhãn \"Lưu: VT\": hệ thống in lại từ dữ liệu.", "printed again by the system from the model")
		}
	}
	for _, t := range sig {
		r.rep.place(r.sigSrc[t], "/signature")
	}
	if name != "" {
		r.rep.place(nameSrc, "/signature/name")
	}
	if n := len(blocks); n > 0 && name == "" && !paired {
		// Capitals after the signer's name with no name of their own
		// are a second capacity of the same signer ("PHÓ GIÁM ĐỐC SỞ
		// …" under "TRƯỞNG ĐOÀN"), not a second block.
		sig, name, nameSrc = append(blocks[n-1].sig, sig...), blocks[n-1].name, blocks[n-1].nameSrc
		blocks = blocks[:n-1]
	}
	r.signature(sig, name)
	r.cosign(blocks)
	if d.Signature.Name != "" {
		r.rep.recognisedAt("/signature/name", nameSrc, name, "Họ tên người ký: "+d.Signature.Name+".", "signer's name: "+d.Signature.Name)
	}
}

// recipient splits "Bộ LĐTBXH (để b/c);" into the name and the note. A
// note printed on its own line under the recipient comes after the
// recipient's ";" ("Báo Bắc Giang; (để đưa tin)"): that mark is not part of
// the name. Footnotes on the line go at the end of the name, where a
// clerk puts the mark.
func recipient(s string, footnotes []runNote) document.Recipient {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ";,."))
	rc := document.Recipient{Name: document.PlainText(s)}
	if m := noteRE.FindStringSubmatch(s); m != nil {
		rc = document.Recipient{Name: document.PlainText(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(m[1]), ";,"))), Note: m[2]}
	}
	for i, n := range footnotes {
		if i == 0 {
			rc.Name[0].Footnote = n.note
			continue
		}
		rc.Name = append(rc.Name, document.Run{Footnote: n.note})
	}
	return rc
}

// runNote is a footnote and the text its mark follows.
type runNote struct{ before, note string }

// footnotesOf lists the footnotes of a line's runs.
func footnotesOf(rs []document.Run) []runNote {
	var out []runNote
	for _, r := range rs {
		if r.Footnote != "" {
			out = append(out, runNote{strings.TrimSpace(r.Text), r.Footnote})
		}
	}
	return out
}

// notesIn keeps the footnotes whose mark ends a stretch of seg: a line
// read as several columns gives each column's recipient its own.
func notesIn(ns []runNote, seg string) []runNote {
	var out []runNote
	for _, n := range ns {
		tail := n.before
		if k := len(tail) - 12; k > 0 {
			for k < len(tail) && !utf8.RuneStart(tail[k]) {
				k++
			}
			tail = tail[k:]
		}
		if tail != "" && strings.Contains(seg, tail) {
			out = append(out, n)
		}
	}
	return out
}

// archive keeps the Lưu line structured when the structured form prints
// it exactly, and verbatim otherwise, so the paper is unchanged.
func (r *recogniser) archive(s string, line int) {
	d := r.d
	s = strings.TrimSpace(s)
	if a, ok := parseArchive(s); ok && compose.ArchiveLine(a) == "- "+s {
		d.Distribution.Archive = &a
		r.rep.recognisedAt("/distribution/archive", line, s, "Dòng Lưu: "+s+".", "Lưu line: "+s)
		return
	}
	d.Distribution.ArchiveLine = s
	r.rep.recognisedAt("/distribution/archive_line", line, s, "Dòng Lưu giữ nguyên như in: "+s+".", "Lưu line kept as printed: "+s)
}

// parseArchive reads "Lưu: VT, A, B. x(30)." into an Archive.
func parseArchive(s string) (document.Archive, bool) {
	var a document.Archive
	rest, ok := strings.CutPrefix(s, "Lưu: VT")
	if !ok {
		return a, false
	}
	rest = strings.TrimSuffix(rest, ".")
	units, tail, _ := strings.Cut(rest, ". ")
	for _, u := range strings.Split(units, ",") {
		u = strings.TrimSpace(u)
		if u == "" {
			continue
		}
		if c, n, ok := cutCopies(u); ok && tail == "" {
			u, a.Copies = c, n
		}
		if !abbreviationLike(u) {
			return a, false
		}
		a.Units = append(a.Units, u)
	}
	if tail != "" {
		if c, n, ok := cutCopies(tail); ok {
			tail, a.Copies = c, n
		}
		if strings.ContainsAny(tail, " ,.;:") {
			return a, false
		}
		a.Drafter = tail
	}
	return a, true
}

func cutCopies(s string) (string, int, bool) {
	if !strings.HasSuffix(s, ")") {
		return s, 0, false
	}
	open := strings.LastIndex(s, "(")
	if open < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[open+1 : len(s)-1])
	if err != nil || n <= 0 {
		return s, 0, false
	}
	return s[:open], n, true
}

func abbreviationLike(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '&' || r == '-' || (r >= '0' && r <= '9') || (vntext.IsUpper(string(r)) && hasLetter(string(r))))
	})
}

// signature reads the capitals of the signing block: prefixed lines are
// the authority chain, the last unprefixed one the signer's title; a
// capitals line between two prefixed ones continues the one above ("TM.
// ỦY BAN NHÂN" / "DÂN").
func (r *recogniser) signature(lines []string, name string) {
	r.signatureAt("/signature", lines, name)
}

// signatureAt reads a signature block into d.Signature, its report notes
// at ptr ("/signature", or "/cosignature" for the left block of two).
func (r *recogniser) signatureAt(ptr string, lines []string, name string) {
	d := r.d
	type entry struct{ prefix, title string }
	var es []entry
	for _, t := range splitChain(lines) {
		if m := authorityRE.FindStringSubmatch(t); m != nil {
			es = append(es, entry{m[1] + ".", strings.TrimSpace(m[2])})
			continue
		}
		es = append(es, entry{"", t})
	}
	if len(es) == 0 {
		r.rep.supplied(ptr, "Không tìm thấy khối chữ ký.", "no signature block found")
		return
	}
	// A one-word line right under a prefixed one finishes it ("TM. ỦY
	// BAN NHÂN" / "DÂN"). The first other unprefixed line after the chain
	// is the title; capitals after it are a second capacity ("PHÓ CHỦ
	// TỊCH UBND TỈNH" under "PHÓ TRƯỞNG BAN"), which the model has no
	// field for: listed as dropped.
	var merged []entry
	titled := false
	for k, e := range es {
		switch {
		case e.prefix == "" && k > 0 && es[k-1].prefix != "" && wordCount(e.title) == 1 && len(merged) > 0:
			merged[len(merged)-1].title += " " + e.title
			continue
		case e.prefix == "" && titled:
			r.rep.drop(r.sigSrc[e.title], e.title, false, "Dòng chức danh thứ hai của người ký: mô hình giữ một chức vụ; thêm vào nếu cần.",
				"a second capacity line of the signer: the model keeps one title; add it back if needed")
			continue
		case e.prefix == "":
			titled = true
		}
		merged = append(merged, e)
	}
	n := len(merged)
	title := merged[n-1]
	chain := merged[:n-1]
	if title.prefix != "" {
		// No title line: the signer holds the office the chain names.
		r.rep.guessedAt(ptr+"/title", r.sigSrc[lines[0]], strings.Join(lines, " / "), "Không có dòng chức vụ riêng: lấy dòng quyền hạn cuối làm chức vụ.", "no separate title line: the last authority line is taken as the title")
	}
	d.Signature.Title = title.title
	for _, e := range chain {
		if e.prefix == "" {
			d.Signature.Title = e.title + " " + d.Signature.Title
			continue
		}
		d.Signature.Authority = append(d.Signature.Authority, document.Authority{Prefix: e.prefix, Title: e.title})
	}
	d.Signature.Rank, d.Signature.Name = splitRank(name)
	desc := ""
	for _, a := range d.Signature.Authority {
		desc += a.Prefix + " " + a.Title + " / "
	}
	desc += d.Signature.Title
	if name != "" {
		desc += ", " + name
	}
	src := strings.Join(lines, " / ")
	if name != "" {
		src += " / " + name
	}
	r.rep.recognisedAt(ptr, r.sigSrc[lines[0]], src, "Chữ ký: "+desc+".", "signature: "+desc)
	if name == "" {
		r.rep.supplied(ptr, "Chưa có họ tên người ký (dự thảo).", "no signer name yet (a draft)")
	}
}

// finish fills what the header left open: the issuer (split into parent
// and issuing body, or inferred from the text), the abbreviation and
// symbol, the place and year, the draft flag.
func (r *recogniser) finish() {
	d := r.d
	if d.Type == "" {
		d.Type = document.TypeKeHoach
		r.rep.supplied("/type", "Không thấy tên loại văn bản: mặc định là Kế hoạch.", "no document type found: defaulted to Kế hoạch")
	}
	if !r.issuerStyle && len(r.issuerLines) > 0 {
		k := 0
		for j, l := range r.issuerLines {
			if startsAgency(l) {
				k = j
			}
		}
		d.Issuer.Parent = append([]string(nil), r.issuerLines[:k]...)
		d.Issuer.Name = append([]string(nil), r.issuerLines[k:]...)
	}
	if len(d.Issuer.Name) > 0 {
		msg := strings.Join(d.Issuer.Name, " / ")
		if len(d.Issuer.Parent) > 0 {
			msg = strings.Join(d.Issuer.Parent, " / ") + " → " + msg
		}
		src := strings.Join(r.issuerLines, " / ")
		if r.issuerStyle {
			src = strings.Join(append(append([]string(nil), d.Issuer.Parent...), d.Issuer.Name...), " / ")
		}
		r.rep.recognisedAt("/issuer", r.issuerSrc, src, "Cơ quan ban hành: "+msg+".", "issuer: "+msg)
	} else {
		r.inferIssuer()
	}
	r.coIssuer()
	r.symbolParts()
	if d.Place == "" {
		if p := placeOf(d.Issuer.Name); p != "" {
			d.Place = p
			r.rep.guessedAt("/place", r.issuerSrc, strings.Join(d.Issuer.Name, " "), "Không có địa danh: lấy theo tên cơ quan: "+p+".", "no place: taken from the issuer's name: "+p)
		}
	}
	if d.Date.Year == 0 {
		src := d.Summary + " " + d.Subject + " " + r.kemTheo
		if m := yearRE.FindString(src); m != "" {
			d.Date.Year, _ = strconv.Atoi(m)
			r.rep.guessedFrom("/date/year", strings.TrimSpace(src), "Không có ngày ban hành: lấy năm "+m+" trong trích yếu.", "no date: the year "+m+" was taken from the summary")
		}
	}
	if d.Number == "" || d.Date.Day == 0 || d.Date.Month == 0 || d.Date.Year == 0 || d.Signature.Name == "" {
		d.Draft = true
		r.rep.supplied("/draft", "Số, ngày hoặc người ký còn trống: nhập như dự thảo.", "the number, date or signer is blank: imported as a draft")
	}
}

// inferIssuer guesses the issuing body of a text without a header from
// the sentences that name it ("Ủy ban nhân dân tỉnh xây dựng kế hoạch",
// "... tỉnh Hà Nam").
func (r *recogniser) inferIssuer() {
	d := r.d
	var texts []string
	for _, t := range d.Intro {
		texts = append(texts, t.Plain())
	}
	for _, t := range d.Closing {
		texts = append(texts, t.Plain())
	}
	for _, t := range d.Bases {
		texts = append(texts, t.Plain())
	}
	texts = append(texts, d.Summary, d.Place)
	all := strings.Join(texts, " \n ")
	unit, from := "", ""
	for _, u := range unitWords {
		for _, p := range []string{"Ủy ban nhân dân " + u, "Uỷ ban nhân dân " + u, "UBND " + u} {
			if strings.Contains(all, p) && unit == "" {
				unit = u
				for _, t := range texts {
					if strings.Contains(t, p) {
						from = t
						break
					}
				}
			}
		}
	}
	place := ""
	if unit != "" {
		for _, t := range texts {
			if p := placeAfter(t, unit); p != "" {
				place = p
				break
			}
		}
		if place == "" && d.Place != "" {
			place = d.Place
		}
	}
	if unit == "" || place == "" {
		d.Issuer.Name = []string{"CƠ QUAN BAN HÀNH"}
		d.Issuer.Abbreviation = "CQ"
		r.rep.supplied("/issuer", "Không tìm thấy cơ quan ban hành: điền tạm \"CƠ QUAN BAN HÀNH\", cần sửa.", "no issuing body found: a placeholder was filled in, correct it")
		return
	}
	d.Issuer.Name = []string{"ỦY BAN NHÂN DÂN", vntext.Upper(unit + " " + place)}
	d.Issuer.Abbreviation = "UBND"
	d.Issuer.ShortName = "UBND " + unit
	r.rep.guessedFrom("/issuer", from, "Văn bản không có phần đầu: cơ quan ban hành suy ra từ nội dung: Ủy ban nhân dân "+unit+" "+place+".",
		"the text has no header: the issuer was inferred from the content: Ủy ban nhân dân "+unit+" "+place)
}

// placeOf takes the place from the issuer's name ("TỈNH GIA LAI" → "Gia
// Lai").
func placeOf(name []string) string {
	for _, l := range slices.Backward(name) {
		low := vntext.Lower(strings.TrimSpace(l))
		for _, u := range unitWords {
			if rest, ok := strings.CutPrefix(low, u+" "); ok {
				ws := strings.Fields(rest)
				for k, w := range ws {
					ws[k] = vntext.CapitalizeFirst(w)
				}
				return strings.Join(ws, " ")
			}
		}
	}
	return ""
}

// symbolParts sets the issuer's abbreviation (and a công văn's unit) from
// the ký hiệu, and drops the symbol when it is the one the system derives.
func (r *recogniser) symbolParts() {
	d := r.d
	t, _ := document.LookupType(d.Type)
	parts := strings.Split(d.Symbol, "-")
	if d.Symbol != "" && len(parts) >= 2 {
		if t.IsLetter() {
			if d.Issuer.Abbreviation == "" {
				d.Issuer.Abbreviation = parts[0]
			}
			if d.Issuer.Unit == "" {
				d.Issuer.Unit = strings.Join(parts[1:], "-")
			}
		} else if d.Issuer.Abbreviation == "" {
			// "TTr-CAT(PC04)": police and army offices add the drafting
			// unit in brackets; the issuer's abbreviation is before it,
			// and the symbol is kept as written.
			d.Issuer.Abbreviation = parts[1]
			if k := strings.IndexByte(parts[1], '('); k > 0 && strings.HasSuffix(parts[1], ")") {
				d.Issuer.Abbreviation = parts[1][:k]
			}
		}
	}
	if d.Issuer.Abbreviation == "" {
		d.Issuer.Abbreviation = abbreviate(d.Issuer.Name)
		r.rep.guessedAt("/issuer/abbreviation", r.issuerSrc, strings.Join(d.Issuer.Name, " "), "Chữ viết tắt của cơ quan suy ra từ tên: "+d.Issuer.Abbreviation+".", "the issuer's abbreviation was derived from its name: "+d.Issuer.Abbreviation)
	}
	if d.Symbol != "" {
		sym := d.Symbol
		d.Symbol = ""
		if compose.Symbol(d) != sym {
			d.Symbol = sym
		} else {
			r.rep.drop(r.numberSrc, sym, true, "Ký hiệu: hệ thống ghép lại từ loại văn bản và cơ quan ban hành.", "the symbol: the system builds it again from the type and the issuer")
		}
	}
}

// abbreviate derives "UBND" from "ỦY BAN NHÂN DÂN", and initials otherwise
// ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "SLĐTBXH").
func abbreviate(name []string) string {
	if len(name) == 0 {
		return "CQ"
	}
	first := vntext.Upper(strings.TrimSpace(name[0]))
	if strings.HasPrefix(first, "ỦY BAN NHÂN DÂN") || strings.HasPrefix(first, "UỶ BAN NHÂN DÂN") || strings.HasPrefix(first, "UBND") {
		return "UBND"
	}
	var b strings.Builder
	for _, w := range strings.Fields(vntext.Upper(strings.Join(name, " "))) {
		if w == "VÀ" || !hasLetter(w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "CQ"
	}
	return b.String()
}

// printed lists text of a source line that the system prints again from
// the model (the Quốc hiệu, a label such as "Số:" or "Kính gửi:"), so the
// report accounts for it; what names it is said in Vietnamese first.
func (r *recogniser) printed(l line, text, what string) {
	r.rep.drop(l.src, text, true, what+": hệ thống in lại từ dữ liệu.", "printed again by the system from the model")
}

// splitGaps cuts a closing line at tabs and typed space gaps (gapRE), but
// not inside brackets: "Lưu: VT, CST (PLP) (    b)." is one line.
func splitGaps(s string) []string {
	parts := gapRE.Split(s, -1)
	seps := gapRE.FindAllString(s, -1)
	var out []string
	for k, p := range parts {
		if n := len(out); n > 0 && strings.Count(out[n-1], "(") > strings.Count(out[n-1], ")") {
			out[n-1] += seps[k-1] + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// usesV2: d holds something only the v2 contract can say (a thẩm quyền
// line, an attached text, an appendix label or reference as written,
// Bản điện tử, a grouped note, a rank, an article or division label, an
// item marker, a group row …), so it is written as "vanban/v2"; a
// document v1 can hold stays "vanban/v1", readable by v1 clients.
func usesV2(d *document.Document) bool {
	if len(d.Competence) > 0 || d.Title != "" || len(d.TitleNotes) > 0 || len(d.SummaryLines) > 0 || len(d.Attachments) > 0 ||
		d.Cosignature != nil || d.CoIssuer != nil || len(d.Distribution.Electronic) > 0 || d.Signature.Rank != "" {
		return true
	}
	for _, rc := range d.Distribution.Recipients {
		if rc.NoteCovers > 1 || !rc.Name.IsPlain() {
			return true
		}
	}
	if d.Type != document.TypeCongVan && len(d.Addressees) > 0 {
		return true
	}
	for _, a := range d.Addressees {
		if !a.IsPlain() {
			return true // runs on an addressee: v1 held a string
		}
	}
	for _, a := range d.Appendices {
		if a.Label != "" || a.Agency || a.Ref != "" || blocksV2(a.Blocks) {
			return true
		}
	}
	return blocksV2(d.Body)
}

// blocksV2: a heading labelled in a rung v1 refused (Điều, Chương …), an
// item marker or a group row.
func blocksV2(bs []document.Block) bool {
	for _, b := range bs {
		switch {
		case b.Heading != nil:
			if r := compose.ParseLabel(b.Heading.Label).Rung; r == compose.RungArticle || r.Division() || blocksV2(b.Heading.Children) {
				return true
			}
		case b.Item != nil:
			if b.Item.Marker != "" || blocksV2(b.Item.Children) {
				return true
			}
		case b.Table != nil:
			for _, row := range b.Table.Rows {
				if row.Kind == document.RowGroup {
					return true
				}
			}
		}
	}
	return false
}

// chainStepRE finds a second authority step run into a line ("ỦY BAN NHÂN
// DÂN KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"), as a PDF or a
// paste that lost the line breaks gives it.
var chainStepRE = regexp.MustCompile(`\s(?:` + prefixAlternation() + `)\s*\.\s*\p{Lu}`)

// splitChain cuts each signature line before every authority prefix run
// into it, so each step of the chain is its own line: "ỦY BAN NHÂN DÂN
// KT. CHỦ TỊCH" reads "ỦY BAN NHÂN DÂN" (continuing "TM.") and "KT. CHỦ
// TỊCH".
func splitChain(lines []string) []string {
	var out []string
	for _, t := range lines {
		for {
			loc := chainStepRE.FindStringIndex(t)
			if loc == nil || !isCaps(t[:loc[0]]) {
				break
			}
			out = append(out, strings.TrimSpace(t[:loc[0]]))
			t = strings.TrimSpace(t[loc[0]:])
		}
		out = append(out, t)
	}
	return out
}

// rankRE: a cấp bậc before the signer's name in the police and the army,
// "Thiếu tướng", "Đại tá", "Trung úy" …: a grade word (Thiếu, Trung,
// Thượng, Đại) and a rank (úy, tá, tướng), in either tone style.
var rankRE = regexp.MustCompile(`^((?:Thiếu|Trung|Thượng|Đại)\s+(?:úy|uý|tá|tướng))\s+(\S.*)$`)

// splitRank takes the rank off the signer's name line into its own field
// ("Thiếu tướng Trương Minh Đương").
func splitRank(name string) (rank, rest string) {
	if m := rankRE.FindStringSubmatch(strings.TrimSpace(name)); m != nil {
		return m[1], m[2]
	}
	return "", name
}
