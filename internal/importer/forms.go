package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
)

// The layouts of the Phụ lục III forms the other files do not read (Mẫu
// 1.6 công điện, 1.8 giấy giới thiệu, 1.9 biên bản, 1.10 giấy nghỉ phép,
// and a document issued jointly by two bodies), recognised by their words
// and places as NĐ30's Mẫu and offices lay them out:
//
//   - two signature blocks side by side (a biên bản's thư ký on the left
//     and chủ tọa/chủ trì on the right, a joint document's second body on
//     the left): a table whose columns each open with a title in
//     capitals and end with a name, or a line holding two titles and then
//     a line holding two names, tab-separated or as a PDF's two columns;
//     the left block is the cosignature;
//   - a công điện's sender line, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH … điện:"
//     (wrapped, or with "điện:" on its own line) under the trích yếu, and
//     the "- …;" lines after it: competence and addressees;
//   - the opening of a form with no trích yếu (giấy giới thiệu, giấy nghỉ
//     phép): the sentences up to the one ending in ":" ("… trân trọng
//     giới thiệu:", "… cấp cho:") are its intro, the labelled lines after
//     them (Ông/Bà:, Chức vụ:, …) its body;
//   - a joint header: the issuing lines of two bodies stacked on the left,
//     split where the second body's name starts, told by the ký hiệu that
//     carries both abbreviations ("KH-SNV-LĐLĐ").

// senderRE: the last line of a công điện's sender, "… điện:" (Mẫu 1.6),
// the word alone on its line or after the capitals of the title.
var senderRE = regexp.MustCompile(`^(.*?)\s*(?:điện|ĐIỆN)\s*:\s*$`)

// senderLine: the last line of a công điện's sender, capitals before
// "điện:" or the word alone.
func senderLine(t string) bool {
	m := senderRE.FindStringSubmatch(strings.TrimSpace(t))
	return m != nil && (m[1] == "" || isCaps(m[1]))
}

// telegram reads a công điện's sender lines and the list it is sent to,
// from line i (after the trích yếu); it returns the first line after them,
// i when the lines there are not a sender.
func (r *recogniser) telegram(i int) int {
	ls := r.lines
	var caps []line
	j := i
	for ; j < len(ls) && len(caps) < 5; j++ {
		l := ls[j]
		t := strings.TrimSpace(l.text())
		if l.blank || t == "" {
			continue
		}
		if l.table != nil || l.cells != nil {
			return i
		}
		if m := senderRE.FindStringSubmatch(t); m != nil && (m[1] == "" || isCaps(m[1])) {
			if m[1] != "" {
				caps = append(caps, line{runs: []document.Run{{Text: m[1]}}, src: l.src})
			}
			if len(caps) == 0 {
				return i
			}
			j++
			break
		}
		if !isCaps(t) {
			return i
		}
		caps = append(caps, line{runs: []document.Run{{Text: t}}, src: l.src})
	}
	if len(caps) == 0 || len(caps) > 4 || j > len(ls) {
		return i
	}
	if m := senderRE.FindStringSubmatch(strings.TrimSpace(ls[j-1].text())); m == nil {
		return i
	}
	for _, c := range caps {
		r.d.Competence = append(r.d.Competence, c.text())
	}
	r.rep.recognisedAt("/competence", caps[0].src, strings.Join(r.d.Competence, " ")+" điện:",
		"Dòng người gửi công điện (\"… điện:\"): "+strings.Join(r.d.Competence, " ")+".",
		"the công điện's sender line (\"… điện:\"): "+strings.Join(r.d.Competence, " "))
	r.printed(ls[j-1], "điện:", "Chữ \"điện:\" của dòng người gửi")
	// The list it is sent to: "- …;" lines, with no "Kính gửi:".
	start := j
	var out []document.Text
	for j < len(ls) {
		l := ls[j]
		if l.blank {
			j++
			continue
		}
		m := bulletRE.FindStringSubmatch(l.text())
		if m == nil || l.table != nil {
			break
		}
		r.rep.place(l.src, "/addressees/"+fmt.Sprint(len(r.d.Addressees)+len(out)))
		out = append(out, compose.TrimListMarks(cutRunPrefix(l.runs, len(l.text())-len(m[2]))))
		j++
	}
	if len(out) > 0 {
		r.d.Addressees = append(r.d.Addressees, out...)
		r.rep.recognisedAt("/addressees", ls[start].src, ls[start].text(), fmt.Sprintf("Nơi công điện gửi đến: %d nơi.", len(out)),
			fmt.Sprintf("the công điện is sent to %d addressee(s)", len(out)))
	}
	return j
}

// openingForm: a form whose sample has no trích yếu and opens with a
// sentence ending in ":" before labelled lines (Mẫu 1.8, 1.10). A giấy
// mời has its own reading (time, place, who is invited).
func openingForm(typ string) bool {
	dt, ok := document.LookupType(typ)
	return ok && dt.SummaryOptional() && typ != "giay_moi"
}

// formOpening takes the intro of a form with no trích yếu off the front
// of the units before its body: the paragraphs up to the first one ending
// in ":" ("Sở Nội vụ … trân trọng giới thiệu:", "Giám đốc … cấp cho:"),
// when that comes within the first three and something follows it.
func (r *recogniser) formOpening(pre []unit) []unit {
	d := r.d
	if !openingForm(d.Type) || d.Summary != "" || len(d.Intro) > 0 || len(d.Bases) > 0 {
		return pre
	}
	for k := 0; k < len(pre) && k < 3; k++ {
		u := pre[k]
		if u.table != nil || u.kind != "para" {
			return pre
		}
		if !strings.HasSuffix(strings.TrimSpace(u.text()), ":") {
			continue
		}
		if k+1 >= len(pre) {
			return pre
		}
		for _, v := range pre[:k+1] {
			r.rep.place(v.src, "/intro/"+fmt.Sprint(len(d.Intro)))
			d.Intro = append(d.Intro, document.Text(v.runs))
		}
		r.rep.recognisedAt("/intro", pre[0].src, pre[0].text(), fmt.Sprintf("Lời mở đầu của %s (đến dòng kết thúc bằng \":\"): %d đoạn.", formName(d.Type), k+1),
			fmt.Sprintf("the opening of the %s (up to the line ending in \":\"): %d paragraph(s)", formName(d.Type), k+1))
		return pre[k+1:]
	}
	return pre
}

// minutesEndRE: the lines that close a biên bản (Mẫu 1.9): "Cuộc họp
// (hội nghị, hội thảo) kết thúc vào … giờ …", "Biên bản được lập thành
// … bản", "Biên bản đã được đọc lại …".
var minutesEndRE = regexp.MustCompile(`^(?:(?:Cuộc|Buổi|Phiên|Kỳ|Hội nghị|Hội thảo)\b[^.;]{0,40}?\bkết thúc\b|Biên bản(?: này)? (?:được|đã được|đã|lập|làm|kết thúc))`)

// passedRE: the line that closes a nghị quyết of a council (Mẫu 1.1),
// "Nghị quyết này được Hội đồng nhân dân … Khóa …, Kỳ họp thứ …
// thông qua ngày …".
var passedRE = regexp.MustCompile(`^Nghị quyết này (?:đã )?được\b.*\bthông qua\b`)

// sessionRE: the term and session a council's nghị quyết names under the
// council (Mẫu 1.1), "KHÓA X, KỲ HỌP THỨ 5", run into the line above when
// a PDF's text joins the centred lines.
var sessionRE = regexp.MustCompile(`\s(KHÓA|KHOÁ)\s+[IVXLC\d]+\s*[,\-–]\s*KỲ HỌP\b`)

// sessionLines splits "HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA X, KỲ HỌP THỨ 5"
// into the council's line and the session's, as the Mẫu prints them.
func sessionLines(t string) []string {
	if loc := sessionRE.FindStringIndex(t); loc != nil && loc[0] > 0 {
		return []string{strings.TrimSpace(t[:loc[0]]), strings.TrimSpace(t[loc[0]:])}
	}
	return []string{t}
}

// formClosing: the paragraph t after the last numbered part opens the
// closing of the body ("Trên đây là …"; a biên bản's "Cuộc họp kết thúc
// …", a nghị quyết's "Nghị quyết này được … thông qua …"). A giấy giới thiệu or giấy nghỉ phép has none: its "Đề nghị …" and
// "Giấy này có giá trị …" lines are its text.
func (r *recogniser) formClosing(t string) bool {
	switch {
	case openingForm(r.d.Type):
		return false
	case r.d.Type == "bien_ban" && minutesEndRE.MatchString(t), r.d.Type == "nghi_quyet" && passedRE.MatchString(t):
		return true
	}
	return closingCueRE.MatchString(t)
}

// textFirst: a form whose Mẫu has no opening paragraph, its text starting
// at once under the header (a công điện under its sender and list, a biên
// bản with its time, place and who attended), so the paragraphs before
// its first numbered part are body, not intro.
func textFirst(typ string) bool {
	return typ == compose.TypeTelegram || typ == "bien_ban"
}

// openingLine: under the type name of a form with no trích yếu, a line
// ending in ":" opens its text ("… trân trọng giới thiệu:"); a trích
// yếu never ends so.
func openingLine(typ, t string) bool {
	return openingForm(typ) && strings.HasSuffix(strings.TrimSpace(t), ":")
}

func formName(typ string) string {
	if dt, ok := document.LookupType(typ); ok {
		return dt.Name
	}
	return typ
}

// sigTitle: a line that can open a signature block: an authority line
// ("TM. …", "KT. …") or a short title in capitals ("THƯ KÝ", "CHỦ TỌA",
// "NGƯỜI GHI BIÊN BẢN"), not the Quốc hiệu.
func sigTitle(t string) bool {
	t = strings.TrimSpace(t)
	return authorityRE.MatchString(t) || (isCaps(t) && wordCount(t) <= 12 && !isNation(t) && !isMotto(t) && !bulletRE.MatchString(t))
}

// sigName: the signer's name under a signature block.
func sigName(t string) bool {
	t = strings.TrimSpace(t)
	return looksLikeName(t) || signerLine(t)
}

// signatureColumn: the texts of one column of a layout, top to bottom,
// read as a signature block: a title, more titles or notes ("(Ký, ghi rõ
// họ tên)"), then a name, which ends the column or is followed by a Nơi
// nhận (vanban puts it under the left block), so a data table's column of
// names under a heading is none. A draft has no name yet: titles alone
// count when named is false.
func signatureColumn(ts []string, named bool) bool {
	if len(ts) == 0 || !sigTitle(ts[0]) {
		return false
	}
	for k, t := range ts[1:] {
		switch {
		case sigName(t):
			return k+2 == len(ts) || noiNhanRE.MatchString(ts[k+2])
		case sigTitle(t), signedRE.MatchString(t):
		default:
			return !named && noiNhanRE.MatchString(t)
		}
	}
	return !named
}

// signaturePair: grid rows (the texts of each cell, one entry per
// paragraph) holding two signature blocks side by side: two columns each
// of which reads as a signature block, one of them with a name.
func signaturePair(cols [][]string) bool {
	var full [][]string
	for _, c := range cols {
		if len(c) > 0 {
			full = append(full, c)
		}
	}
	if len(full) != 2 {
		return false
	}
	named := signatureColumn(full[0], true) || signatureColumn(full[1], true)
	return named && signatureColumn(full[0], false) && signatureColumn(full[1], false)
}

// docxSignaturePair: a DOCX table laid out as two signature blocks side
// by side, read by its grid columns; in vanban's own styles, two cells
// that open with a signature line (a draft's blocks have no name yet).
func docxSignaturePair(t *docxread.Table) bool {
	for _, row := range t.Rows {
		n := 0
		for k := range row.Cells {
			for _, b := range row.Cells[k].Blocks {
				if b.Para != nil && strings.TrimSpace(b.Para.Text()) != "" {
					if b.Para.Style == "VbQuyenHan" {
						n++
					}
					break
				}
			}
		}
		if n == 2 {
			return true
		}
	}
	var cols [][]string
	for _, row := range t.Rows {
		lo := 0
		for k := range row.Cells {
			c := &row.Cells[k]
			for len(cols) <= lo {
				cols = append(cols, nil)
			}
			if c.Merge != docxread.MergeContinue {
				for _, b := range c.Blocks {
					if b.Para == nil {
						return false
					}
					for _, s := range strings.Split(b.Para.Text(), "\n") {
						if s = strings.TrimSpace(s); s != "" {
							cols[lo] = append(cols[lo], s)
						}
					}
				}
			}
			lo += max(c.Span, 1)
		}
	}
	return signaturePair(cols)
}

// rowsSignaturePair: rows of cell texts (a PDF's two columns read as a
// grid) holding two signature blocks side by side.
func rowsSignaturePair(rows [][]string) bool {
	var cols [][]string
	for _, row := range rows {
		for k, c := range row {
			for len(cols) <= k {
				cols = append(cols, nil)
			}
			if c = strings.TrimSpace(c); c != "" {
				cols[k] = append(cols[k], c)
			}
		}
	}
	return signaturePair(cols)
}

// pairedSegs: the columns of a line that holds two signature blocks'
// lines side by side ("THƯ KÝ<TAB>CHỦ TỌA", then the two names), its
// cells or its text cut at tabs and wide gaps; nil otherwise.
func pairedSegs(l line) []string {
	segs := l.cells
	if segs == nil {
		segs = splitGaps(l.text())
	}
	var out []string
	for _, s := range segs {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) != 2 {
		return nil
	}
	for _, s := range out {
		if !sigTitle(s) && !sigName(s) && !signedRE.MatchString(s) {
			return nil
		}
	}
	return out
}

// pairedTitles: a line opening two signature blocks side by side.
func pairedTitles(l line) bool {
	s := pairedSegs(l)
	return s != nil && sigTitle(s[0]) && sigTitle(s[1]) && !noiNhanRE.MatchString(s[0])
}

// unpair reads a run of lines holding two signature blocks side by side
// (from a line of two titles to the line of two names) as the two blocks,
// left then right, one line each, so the closing reads the left block
// first as it reads a flattened table.
func unpair(ls []line) []line {
	var out []line
	for i := 0; i < len(ls); {
		if !pairedTitles(ls[i]) {
			out = append(out, ls[i])
			i++
			continue
		}
		var cols [2][]line
		j := i
		for ; j < len(ls); j++ {
			if ls[j].blank || strings.TrimSpace(ls[j].text()) == "" {
				continue
			}
			s := pairedSegs(ls[j])
			if s == nil {
				break
			}
			for k := range s {
				cols[k] = append(cols[k], line{runs: []document.Run{{Text: s[k]}}, src: ls[j].src, tbl: ls[j].tbl})
			}
			if sigName(s[0]) && sigName(s[1]) {
				j++
				break
			}
		}
		out = append(out, cols[0]...)
		out = append(out, cols[1]...)
		i = j
	}
	return out
}

// block is one signature block read from the closing zone.
type block struct {
	sig     []string
	name    string
	nameSrc int
}

// cosign sets the cosignature from the left block of two read side by
// side; a third block has no field in the model and is listed as dropped.
func (r *recogniser) cosign(bs []block) {
	if len(bs) == 0 {
		return
	}
	for _, b := range bs[1:] {
		r.rep.drop(r.sigSrc[b.sig[0]], strings.Join(append(b.sig, b.name), " / "), false,
			"Khối chữ ký thứ ba: mô hình giữ hai khối (người ký và người ký bên trái).", "a third signature block: the model holds two (the signer and the one on the left)")
	}
	b := bs[0]
	sig := r.d.Signature
	r.d.Signature = document.Signature{}
	r.signatureAt("/cosignature", b.sig, b.name)
	cs := r.d.Signature
	r.d.Signature = sig
	r.d.Cosignature = &cs
	for _, t := range b.sig {
		r.rep.place(r.sigSrc[t], "/cosignature")
	}
	if b.name != "" {
		r.rep.place(b.nameSrc, "/cosignature/name")
		r.rep.recognisedAt("/cosignature/name", b.nameSrc, b.name, "Họ tên người ký bên trái: "+cs.Name+".", "the left signer's name: "+cs.Name)
	}
}

// coIssuer splits the issuing lines of a joint document (văn bản liên
// tịch) into its two bodies when the ký hiệu names two ("KH-SNV-LĐLĐ"):
// the second body starts at a line that opens with an agency word
// ("LIÊN ĐOÀN …") where the first body's name above it (from its own
// agency word, under any parent line) abbreviates to the first
// abbreviation or the lines from it to the second, so "ỦY BAN NHÂN DÂN /
// TỈNH X" is never split.
func (r *recogniser) coIssuer() {
	d := r.d
	if d.CoIssuer != nil {
		return
	}
	parts := strings.Split(d.Symbol, "-")
	if len(parts) != 3 || parts[1] == "" || parts[2] == "" {
		return
	}
	a, b := parts[1], parts[2]
	all := append(append([]string(nil), d.Issuer.Parent...), d.Issuer.Name...)
	for k := len(all) - 1; k >= 1; k-- {
		if !startsAgency(all[k]) {
			continue
		}
		j := -1
		for x := 0; x < k; x++ {
			if startsAgency(all[x]) {
				j = x
			}
		}
		if j < 0 || (abbreviate(all[j:k]) != a && abbreviate(all[k:]) != b) {
			continue
		}
		d.Issuer.Parent = append([]string(nil), all[:j]...)
		d.Issuer.Name = append([]string(nil), all[j:k]...)
		d.CoIssuer = &document.Issuer{Name: append([]string(nil), all[k:]...), Abbreviation: b}
		if d.Issuer.Abbreviation == "" {
			d.Issuer.Abbreviation = a
		}
		r.rep.recognisedAt("/co_issuer", r.issuerSrc, strings.Join(all, " / "),
			"Văn bản liên tịch: cơ quan thứ hai "+strings.Join(d.CoIssuer.Name, " ")+" ("+b+", theo ký hiệu).",
			"a joint document: the second body "+strings.Join(d.CoIssuer.Name, " ")+" ("+b+", from the ký hiệu)")
		return
	}
}
