package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// checkType: the type code is in the Phụ lục III table. An empty code is
// left to the "required" tag.
func checkType(c *checker) {
	if c.d.Type != "" && !c.known {
		c.add("nd30.type.unknown", "/type",
			fmt.Sprintf("Loại văn bản %q không có trong Phụ lục III.", c.d.Type),
			fmt.Sprintf("unknown document type %q (see the Phụ lục III table)", c.d.Type))
	}
}

// checkIssuerName: every line of the issuing body's name is upper case.
// Presence is the model's "required" tag.
func checkIssuerName(c *checker) {
	for i, l := range c.d.Issuer.Name {
		if l != "" && !vntext.IsUpper(l) {
			c.add("nd30.issuer.name_case", document.Pointer("issuer", "name", i),
				fmt.Sprintf("Tên cơ quan ban hành phải in hoa: %q.", l),
				fmt.Sprintf("issuing body name must be upper case: %q", l))
		}
	}
}

// checkIssuerParent: every parent-body line is upper case.
func checkIssuerParent(c *checker) {
	for i, l := range c.d.Issuer.Parent {
		if !vntext.IsUpper(l) {
			c.add("nd30.issuer.parent_case", document.Pointer("issuer", "parent", i),
				fmt.Sprintf("Tên cơ quan chủ quản phải in hoa: %q.", l),
				fmt.Sprintf("parent body name must be upper case: %q", l))
		}
	}
}

// abbreviationOK reports whether s can stand as one group of a ký hiệu:
// letters (upper case), digits and "&", nothing else.
func abbreviationOK(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) && !unicode.IsLower(r):
		case unicode.IsDigit(r), r == '&':
		default:
			return false
		}
	}
	return true
}

// checkIssuerAbbreviation: the body and unit abbreviations go into the
// derived ký hiệu and the Lưu line, so they must be single upper-case
// groups.
func checkIssuerAbbreviation(c *checker) {
	for _, f := range []struct{ name, v string }{{"abbreviation", c.d.Issuer.Abbreviation}, {"unit", c.d.Issuer.Unit}} {
		if f.v != "" && !abbreviationOK(f.v) {
			c.add("nd30.issuer.abbreviation_format", document.Pointer("issuer", f.name),
				fmt.Sprintf("Chữ viết tắt %q phải in hoa, không có khoảng trắng, \"-\" hay \"/\".", f.v),
				fmt.Sprintf("abbreviation %q must be upper case without spaces, \"-\" or \"/\"", f.v))
		}
	}
}

// checkIssuerUnit: a công văn's ký hiệu is <BODY>-<UNIT>; without a
// symbol it can only be derived from issuer.unit.
func checkIssuerUnit(c *checker) {
	if c.letter() && c.d.Symbol == "" && c.d.Issuer.Unit == "" {
		c.add("nd30.issuer.unit_missing", "/issuer/unit",
			"Công văn chưa có ký hiệu: cần đơn vị soạn thảo (viết tắt) để lập ký hiệu <CƠ QUAN>-<ĐƠN VỊ>.",
			"a công văn without symbol needs issuer.unit to derive the symbol <BODY>-<UNIT>")
	}
}

// typeAbbreviations are the Phụ lục III abbreviations; some keep lower-case
// letters (CTr, QyĐ, TTr, TrS), which is the only place a ký hiệu may.
var typeAbbreviations = func() map[string]bool {
	m := map[string]bool{"SY": true, "TrS": true, "SL": true}
	for _, t := range document.Types {
		if t.Abbreviation != "" {
			m[t.Abbreviation] = true
		}
	}
	return m
}()

// symbolYear is the year group a legal normative document (văn bản quy
// phạm pháp luật) carries between its number and ký hiệu: "Số:
// 06/2020/QĐ-UBND" (Luật Ban hành văn bản quy phạm pháp luật), which the
// model holds as number "06" and symbol "2020/QĐ-UBND". It returns the
// year and the rest, or 0 and s when there is none.
func symbolYear(s string) (year int, rest string) {
	if len(s) > 5 && s[4] == '/' && allDigits(s[:4]) && (s[:2] == "19" || s[:2] == "20") {
		y, _ := strconv.Atoi(s[:4])
		return y, s[5:]
	}
	return 0, s
}

// bracketUnit splits a group written with its drafting unit in brackets,
// as the police and the army write their ký hiệu ("TTr-CAT(PC04)": Công an
// tỉnh, Phòng PC04): the body "CAT" and the unit "PC04".
func bracketUnit(p string) (body, unit string, ok bool) {
	i := strings.IndexByte(p, '(')
	if i <= 0 || !strings.HasSuffix(p, ")") {
		return p, "", false
	}
	return p[:i], p[i+1 : len(p)-1], true
}

// symbolParts splits a ký hiệu into its groups, without a year group
// (symbolYear) and with a bracketed drafting unit cut from the last group
// (bracketUnit); ok is false when the symbol is not well-formed: spaces,
// another "/", fewer than two groups, an empty group, or lower case
// outside a type abbreviation.
func symbolParts(s string) (parts []string, ok bool) {
	_, s = symbolYear(s)
	if strings.ContainsFunc(s, unicode.IsSpace) || strings.Contains(s, "/") {
		return nil, false
	}
	parts = strings.Split(s, "-")
	if len(parts) < 2 {
		return parts, false
	}
	if body, unit, ok := bracketUnit(parts[len(parts)-1]); ok {
		if !abbreviationOK(unit) {
			return parts, false
		}
		parts[len(parts)-1] = body
	}
	for _, p := range parts {
		if !typeAbbreviations[p] && !abbreviationOK(p) {
			return parts, false
		}
	}
	return parts, true
}

// checkSymbolYear: the year group of a legal normative document's number
// is the year it is issued in.
func checkSymbolYear(c *checker) {
	y, _ := symbolYear(c.d.Symbol)
	if y == 0 || c.d.Date.Year == 0 || y == c.d.Date.Year {
		return
	}
	c.add("nd30.symbol.year", "/symbol",
		fmt.Sprintf("Năm trong số, ký hiệu (%d) khác năm ban hành (%d).", y, c.d.Date.Year),
		fmt.Sprintf("the year in the number and symbol (%d) differs from the year of issue (%d)", y, c.d.Date.Year))
}

// checkSymbolFormat: when given, the ký hiệu is <TYPE>-<BODY>[-...]
// (công văn <BODY>-<UNIT>), upper case, no spaces.
func checkSymbolFormat(c *checker) {
	s := c.d.Symbol
	if s == "" {
		return
	}
	if _, ok := symbolParts(s); !ok {
		want := "<LOẠI>-<CƠ QUAN>"
		wantEN := "<TYPE>-<BODY>"
		if c.letter() {
			want, wantEN = "<CƠ QUAN>-<ĐƠN VỊ>", "<BODY>-<UNIT>"
		}
		c.add("nd30.symbol.format", "/symbol",
			fmt.Sprintf("Ký hiệu %q sai dạng: cần %s, in hoa, không có khoảng trắng.", s, want),
			fmt.Sprintf("symbol %q is malformed: want %s, upper case, no spaces", s, wantEN))
	}
}

// checkSymbolType: the type part agrees with the type; a công văn has none.
func checkSymbolType(c *checker) {
	parts, ok := symbolParts(c.d.Symbol)
	if c.d.Symbol == "" || !ok || !c.known {
		return
	}
	switch {
	case c.letter() && typeAbbreviations[parts[0]] && parts[0] != c.d.Issuer.Abbreviation:
		c.add("nd30.symbol.type_mismatch", "/symbol",
			fmt.Sprintf("Ký hiệu công văn không có phần tên loại (%q); dạng đúng <CƠ QUAN>-<ĐƠN VỊ>.", parts[0]),
			fmt.Sprintf("a công văn symbol has no type part (%q); want <BODY>-<UNIT>", parts[0]))
	case c.typed() && parts[0] != c.typ.Abbreviation:
		c.add("nd30.symbol.type_mismatch", "/symbol",
			fmt.Sprintf("Ký hiệu %q: phần tên loại là %q, cần %q (%s).", c.d.Symbol, parts[0], c.typ.Abbreviation, c.typ.Name),
			fmt.Sprintf("symbol %q: type part is %q, want %q (%s)", c.d.Symbol, parts[0], c.typ.Abbreviation, c.typ.Name))
	}
}

// checkSymbolIssuer: the body part agrees with issuer.abbreviation.
func checkSymbolIssuer(c *checker) {
	parts, ok := symbolParts(c.d.Symbol)
	if c.d.Symbol == "" || !ok || !c.known || c.d.Issuer.Abbreviation == "" {
		return
	}
	body := parts[0]
	if c.typed() {
		body = parts[1]
	}
	if body != c.d.Issuer.Abbreviation {
		c.add("nd30.symbol.issuer_mismatch", "/symbol",
			fmt.Sprintf("Ký hiệu %q: phần cơ quan là %q, khác chữ viết tắt %q của cơ quan ban hành.", c.d.Symbol, body, c.d.Issuer.Abbreviation),
			fmt.Sprintf("symbol %q: body part %q differs from issuer.abbreviation %q", c.d.Symbol, body, c.d.Issuer.Abbreviation))
	}
}

// checkNumberMissing: an issued document has a number.
func checkNumberMissing(c *checker) {
	if c.d.Number == "" && !c.draft() {
		c.add("nd30.number.missing", "/number",
			"Thiếu số văn bản (chỉ dự thảo mới được để trống).",
			"the number is missing (only a draft may leave it blank)")
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// checkNumberFormat: digits only, and not zero.
func checkNumberFormat(c *checker) {
	n := c.d.Number
	if n == "" {
		return
	}
	if !allDigits(n) || strings.Trim(n, "0") == "" {
		c.add("nd30.number.format", "/number",
			fmt.Sprintf("Số văn bản %q chỉ gồm chữ số, bắt đầu từ 01 (ký hiệu ghi ở ô Ký hiệu).", n),
			fmt.Sprintf("number %q must be digits only, from 01 (the symbol goes in \"symbol\")", n))
	}
}

// checkNumberPadding: below 10 with one leading zero, from 10 without.
//
// A legal normative document's number (with a year group, symbolYear)
// follows the law on legal documents, not NĐ30's "từ số 01": offices
// write it "6/2020/QĐ-UBND" as often as "06/2020/QĐ-UBND", so it is not
// held to the padding.
func checkNumberPadding(c *checker) {
	n := c.d.Number
	if !allDigits(n) || strings.Trim(n, "0") == "" {
		return
	}
	if y, _ := symbolYear(c.d.Symbol); y != 0 {
		return
	}
	v, err := strconv.Atoi(strings.TrimLeft(n, "0"))
	if err != nil {
		return // too long to be a number of the year; format is not the issue
	}
	want := strconv.Itoa(v)
	if v < 10 {
		want = "0" + want
	}
	if n != want {
		c.add("nd30.number.padding", "/number",
			fmt.Sprintf("Số văn bản %q phải ghi là %q.", n, want),
			fmt.Sprintf("number %q must be written %q", n, want))
	}
}

func (c *checker) date() vntext.Date {
	return vntext.Date{Day: c.d.Date.Day, Month: c.d.Date.Month, Year: c.d.Date.Year}
}

// checkDateMissing: an issued document has a complete date.
func checkDateMissing(c *checker) {
	if !c.draft() && !c.date().Complete() {
		c.add("nd30.date.missing", "/date",
			"Thiếu ngày, tháng hoặc năm ban hành (chỉ dự thảo mới được để trống).",
			"the date is incomplete (only a draft may leave parts blank)")
	}
}

// checkDateValid: the set parts form a real date. Parts out of their
// ranges are left to the min/max tags.
func checkDateValid(c *checker) {
	d := c.d.Date
	if d.Day < 0 || d.Day > 31 || d.Month < 0 || d.Month > 12 || d.Year < 0 || d.Year > 9999 {
		return
	}
	if err := c.date().Valid(); err != nil {
		c.add("nd30.date.invalid", "/date",
			fmt.Sprintf("Ngày %d/%d/%d không có trên lịch.", d.Day, d.Month, d.Year),
			fmt.Sprintf("%d/%d/%d is not a calendar date", d.Day, d.Month, d.Year))
	}
}

// checkDateYear: a plausible year for a văn bản of the Republic.
func checkDateYear(c *checker) {
	y := c.d.Date.Year
	if y != 0 && (y < 1945 || y > 2100) {
		c.add("nd30.date.year_range", "/date/year",
			fmt.Sprintf("Năm %d nằm ngoài khoảng 1945–2100.", y),
			fmt.Sprintf("year %d is outside 1945–2100", y))
	}
}

// checkPlaceMissing: the địa danh is printed before the date.
func checkPlaceMissing(c *checker) {
	if c.d.Place == "" {
		c.add("nd30.place.missing", "/place", "Thiếu địa danh (ví dụ \"Gia Lai\").", "the place name is missing (e.g. \"Gia Lai\")")
	}
}

// checkPlaceAbbreviated: "TP. HCM", "Tp.HCM", "HN" are abbreviations; a
// place name has no dot and no all-capitals word of two letters or more.
func checkPlaceAbbreviated(c *checker) {
	p := c.d.Place
	abbreviated := strings.Contains(p, ".")
	for _, w := range strings.Fields(p) {
		if len([]rune(w)) >= 2 && vntext.IsUpper(w) && !isRomanNumeral(w) {
			abbreviated = true
		}
	}
	if abbreviated {
		c.add("nd30.place.abbreviated", "/place",
			fmt.Sprintf("Địa danh %q có vẻ viết tắt; viết đầy đủ, ví dụ \"Thành phố Hồ Chí Minh\".", p),
			fmt.Sprintf("place %q looks abbreviated; write it in full, e.g. \"Thành phố Hồ Chí Minh\"", p))
	}
}

func isRomanNumeral(w string) bool {
	return strings.Trim(w, "IVXLCDM") == ""
}

// hasVV reports a "V/v" prefix, in any case and with any spacing.
func hasVV(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "v/v") || strings.HasPrefix(s, "v / v")
}

// checkSummaryMissing: a typed document has a trích yếu.
func checkSummaryMissing(c *checker) {
	if c.typed() && c.d.Summary == "" && !c.typ.SummaryOptional() {
		c.add("nd30.summary.missing", "/summary",
			fmt.Sprintf("%s phải có trích yếu.", c.typ.Name),
			fmt.Sprintf("a %s needs a summary", c.typ.Name))
	}
}

// checkSummaryPrefix: "V/v" belongs to công văn only.
func checkSummaryPrefix(c *checker) {
	if c.typed() && hasVV(c.d.Summary) {
		c.add("nd30.summary.vv_prefix", "/summary",
			"Trích yếu của văn bản có tên loại không bắt đầu bằng \"V/v\".",
			"a typed document's summary must not start with \"V/v\"")
	}
}

// checkSummaryCase: NĐ30 sets the trích yếu in "chữ in thường", bold; the
// type name above it is the line in capitals. A summary of a few words
// all in capitals is typed in the wrong case. It is a warning: real plans
// do it (Gia Lai, Lạng Sơn), and the document is printed as typed.
func checkSummaryCase(c *checker) {
	s := c.d.Summary
	if !c.typed() || len(strings.Fields(s)) < 3 || !vntext.IsUpper(s) || !strings.ContainsFunc(s, unicode.IsLetter) {
		return
	}
	c.add("nd30.summary.case", "/summary",
		"Trích yếu đang viết toàn chữ in hoa; NĐ30 trình bày trích yếu bằng chữ in thường, in đậm (chỉ tên loại văn bản viết in hoa).",
		"the summary is all capitals; NĐ30 sets it in normal case, bold (only the type name is in capitals)")
}

// checkSummaryAllowed: a công văn has no bold trích yếu; its subject is
// the "V/v" line.
func checkSummaryAllowed(c *checker) {
	if c.letter() && c.d.Summary != "" {
		c.add("nd30.summary.not_allowed", "/summary",
			"Công văn không có trích yếu in đậm dưới tên loại: ghi nội dung vào trích yếu \"V/v\".",
			"a công văn has no summary: put it in subject (the \"V/v\" line)")
	}
}

// checkSubjectMissing: a công văn has a "V/v" subject.
func checkSubjectMissing(c *checker) {
	if c.letter() && c.d.Subject == "" {
		c.add("nd30.subject.missing", "/subject",
			"Công văn phải có trích yếu \"V/v ...\".",
			"a công văn needs a subject (\"V/v ...\")")
	}
}

// checkSubjectAllowed: only a công văn has a "V/v" subject.
func checkSubjectAllowed(c *checker) {
	if c.typed() && c.d.Subject != "" {
		c.add("nd30.subject.not_allowed", "/subject",
			fmt.Sprintf("%s không có trích yếu \"V/v\": ghi trích yếu in đậm dưới tên loại văn bản.", c.typ.Name),
			fmt.Sprintf("a %s has no \"V/v\" subject: use summary", c.typ.Name))
	}
}

// checkSubjectPrefix: the system prints "V/v"; typing it doubles it.
func checkSubjectPrefix(c *checker) {
	if hasVV(c.d.Subject) {
		c.add("nd30.subject.vv_prefix", "/subject",
			"Không gõ \"V/v\" ở đầu trích yếu: hệ thống tự thêm.",
			"do not type \"V/v\" in subject: it is printed automatically")
	}
}

// checkAddresseesMissing: a công văn is addressed (Kính gửi).
func checkAddresseesMissing(c *checker) {
	if c.letter() && len(c.d.Addressees) == 0 {
		c.add("nd30.addressees.missing", "/addressees",
			"Công văn phải có ít nhất một nơi nhận ở \"Kính gửi\".",
			"a công văn needs at least one addressee (Kính gửi)")
	}
}

// checkAddresseesAllowed: Kính gửi belongs to the addressed forms
// (công văn, tờ trình, báo cáo, thông báo, giấy mời …), not to a quyết
// định or a kế hoạch, which name who executes them in their text.
func checkAddresseesAllowed(c *checker) {
	if c.known && !c.typ.Addressed && len(c.d.Addressees) > 0 {
		c.add("nd30.addressees.not_allowed", "/addressees",
			fmt.Sprintf("%s không có \"Kính gửi\".", c.typ.Name),
			fmt.Sprintf("a %s has no addressees (Kính gửi)", c.typ.Name))
	}
}

// checkAddresseesEmpty: no blank Kính gửi line.
func checkAddresseesEmpty(c *checker) {
	for i, a := range c.d.Addressees {
		if strings.TrimSpace(a.Plain()) == "" {
			c.add("nd30.addressees.empty", document.Pointer("addressees", i),
				"Dòng \"Kính gửi\" trống.", "empty addressee")
		}
	}
}

// checkBasesEmpty: no blank căn cứ line.
func checkBasesEmpty(c *checker) {
	for i, b := range c.d.Bases {
		if strings.TrimSpace(b.Plain()) == "" {
			c.add("nd30.bases.empty", document.Pointer("bases", i), "Dòng căn cứ trống.", "empty căn cứ line")
		}
	}
}

// checkBasesPunctuation: ";" after each căn cứ and "." after the last. In
// practice (and in the Mẫu) the căn cứ often run into an intro sentence
// ("UBND tỉnh ban hành Kế hoạch ... như sau:"), and the last one then ends
// with ";" too, so ";" is accepted on the last line when an intro follows.
func checkBasesPunctuation(c *checker) {
	n := len(c.d.Bases)
	for i, b := range c.d.Bases {
		s := strings.TrimSpace(b.Plain())
		if s == "" {
			continue
		}
		last := i == n-1
		want := ";"
		ok := strings.HasSuffix(s, ";")
		if last {
			want = "."
			ok = strings.HasSuffix(s, ".") || (len(c.d.Intro) > 0 && strings.HasSuffix(s, ";"))
		}
		if !ok {
			c.add("nd30.bases.punctuation", document.Pointer("bases", i),
				fmt.Sprintf("Căn cứ %d nên kết thúc bằng %q.", i+1, want),
				fmt.Sprintf("căn cứ %d should end with %q", i+1, want))
		}
	}
}

// checkDecisionTyped: "QUYẾT ĐỊNH:" (and "QUYẾT NGHỊ:") is printed by
// the system between the căn cứ and the articles; typed into the căn cứ
// or the intro it would print twice.
func checkDecisionTyped(c *checker) {
	line := compose.DecisionLine(c.d.Type)
	if line == "" {
		return
	}
	key := fold(strings.TrimRight(line, ":"))
	for _, f := range []struct {
		name string
		ts   []document.Text
	}{{"bases", c.d.Bases}, {"intro", c.d.Intro}} {
		for i, t := range f.ts {
			if fold(strings.TrimRight(strings.TrimSpace(t.Plain()), ": ")) == key {
				c.add("nd30.decision.typed", document.Pointer(f.name, i),
					fmt.Sprintf("Không gõ %q: hệ thống tự in giữa căn cứ và Điều 1.", line),
					fmt.Sprintf("do not type %q: it is printed between the căn cứ and Điều 1", line))
			}
		}
	}
}

// checkSummaryLines: the author's line breaks of the trích yếu read as the
// trích yếu itself, so the printed title and every rule see one text.
func checkSummaryLines(c *checker) {
	if len(c.d.SummaryLines) == 0 {
		return
	}
	var parts []string
	for _, l := range c.d.SummaryLines {
		parts = append(parts, strings.TrimSpace(l))
	}
	if j := strings.Join(parts, " "); j != strings.TrimSpace(c.d.Summary) {
		c.add("nd30.summary.lines_mismatch", "/summary_lines",
			fmt.Sprintf("Các dòng trích yếu ghép lại (%q) phải đúng bằng trích yếu (%q).", j, c.d.Summary),
			fmt.Sprintf("summary_lines joined (%q) must read exactly as summary (%q)", j, c.d.Summary))
	}
}

// checkTitle: a title line as written still names the type: "GIẤY MỜI
// HỌP" for a giấy mời, never another type's name.
func checkTitle(c *checker) {
	t := strings.TrimSpace(c.d.Title)
	if t == "" || !c.known {
		return
	}
	if c.letter() || !strings.HasPrefix(fold(t), fold(c.typ.Name)) {
		c.add("nd30.title.type_mismatch", "/title",
			fmt.Sprintf("Tên loại %q phải bắt đầu bằng tên loại văn bản %q (công văn không có tên loại).", t, vntext.Upper(c.typ.Name)),
			fmt.Sprintf("title %q must begin with the type's name %q (a công văn has none)", t, vntext.Upper(c.typ.Name)))
	}
}

// formKeys are what the text of a form says, by Phụ lục III's samples:
// a giấy mời when and where (Mẫu 1.7), a giấy giới thiệu until when it is
// valid (Mẫu 1.8), a giấy nghỉ phép from and to which day (Mẫu 1.10), a
// quyết định who executes it (its last article, Mẫu 1.2 and 1.3).
// Each key is folded (no accents, lower case), "|" separating
// alternatives, and matched anywhere in the text, whether as numbered
// points or in a sentence.
var formKeys = map[string][]struct{ key, vi, en string }{
	"giay_moi":        {{"thoi gian", "thời gian", "time"}, {"dia diem", "địa điểm", "place"}},
	"giay_gioi_thieu": {{"co gia tri den", "thời hạn có giá trị (\"có giá trị đến …\")", "the date it is valid until (\"có giá trị đến …\")"}},
	"quyet_dinh":      {{"thi hanh", "điều về trách nhiệm thi hành (\"… chịu trách nhiệm thi hành Quyết định này\")", "the article on who executes it (\"… chịu trách nhiệm thi hành Quyết định này\")"}},
	"giay_nghi_phep":  {{"tu ngay", "ngày bắt đầu nghỉ (\"từ ngày …\")", "the first day of leave (\"từ ngày …\")"}, {"den het ngay|den ngay", "ngày kết thúc (\"đến hết ngày …\")", "the last day of leave (\"đến hết ngày …\")"}},
}

// formCodes are the finding codes of formKeys, one per form.
var formCodes = map[string]string{
	"giay_moi": "nd30.invitation.time_place", "giay_gioi_thieu": "nd30.introduction.validity", "giay_nghi_phep": "nd30.leave.period",
	"quyet_dinh": "nd30.decision.executing",
}

// checkInvitation: a giấy mời, giấy giới thiệu or giấy nghỉ phép states
// what its form requires (formKeys).
func checkInvitation(c *checker) {
	keys, ok := formKeys[c.d.Type]
	if !ok {
		return
	}
	var all strings.Builder
	for _, t := range c.d.Intro {
		all.WriteString(t.Plain() + " ")
	}
	c.eachBlock(func(b blockInfo) {
		switch {
		case b.Heading != nil:
			all.WriteString(b.Heading.Title.Plain() + " ")
		case b.Paragraph != nil:
			all.WriteString(b.Paragraph.Plain() + " ")
		case b.Item != nil:
			all.WriteString(b.Item.Text.Plain() + " ")
		}
	})
	for _, t := range c.d.Closing {
		all.WriteString(t.Plain() + " ")
	}
	text := fold(all.String())
	for _, k := range keys {
		if !slices.ContainsFunc(strings.Split(k.key, "|"), func(alt string) bool { return strings.Contains(text, alt) }) {
			c.add(formCodes[c.d.Type], "/body",
				fmt.Sprintf("%s chưa nêu %s.", c.typ.Name, k.vi),
				fmt.Sprintf("the %s does not state %s", c.typ.Name, k.en))
		}
	}
}

// checkTelegram: a công điện (Mẫu 1.6) names who sends it, "… điện:"
// (competence), and whom it is sent to (addressees).
func checkTelegram(c *checker) {
	if c.d.Type != compose.TypeTelegram {
		return
	}
	if len(c.d.Competence) == 0 {
		c.add("nd30.telegram.parts", "/competence",
			"Công điện ghi người gửi, \"… điện:\".", "a công điện names its sender, \"… điện:\" (competence)")
	}
	if len(c.d.Addressees) == 0 {
		c.add("nd30.telegram.parts", "/addressees",
			"Công điện ghi nơi nhận điện (Kính gửi).", "a công điện lists whom it is sent to (addressees)")
	}
}
