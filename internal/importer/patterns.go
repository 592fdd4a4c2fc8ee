package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// The printed forms NĐ30 prescribes, as clerks actually type them.
var (
	// authorityRE: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q.".
	authorityRE = regexp.MustCompile(`^(` + prefixAlternation() + `)\s*\.\s*(\p{Lu}.*)$`)
	// numberRE: "Số: 1653/KH-UBND", "Số: /KH-UBND", "Số 12/UBND-VX".
	// symbolLineRE: a ký hiệu alone on a line, "/TB-UBND".
	symbolLineRE = regexp.MustCompile(`^/\s*\p{Lu}[\p{L}\d&().\-\s]*$`)
	numberRE     = regexp.MustCompile(`^(?:Số|SỐ)\s*:?\s*(\S.*)?$`)
	// placeDateRE: "Gia Lai, ngày 30 tháng 6 năm 2023", "Vĩnh Linh, ngày
	// tháng năm 2024" (blank parts in a draft).
	placeDateRE = regexp.MustCompile(`^([^,\d/;:()]{2,60}),\s*ngày\b(.*)$`)
	dateRE      = regexp.MustCompile(`^\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2})?)?\s*(?:năm\s*(\d{4})?)?`)
	// subjectRE: "V/v ..." or "Về việc ..." under the number of a công văn.
	subjectRE  = regexp.MustCompile(`^(?:V/v|V/V|v/v|Về việc)\s*:?\s*(.*)$`)
	kinhGuiRE  = regexp.MustCompile(`^Kính\s+gửi\s*:?\s*(.*)$`)
	noiNhanRE  = regexp.MustCompile(`^(?i:nơi\s+nhận)\s*:?\s*(.*)$`)
	luuRE      = regexp.MustCompile(`^Lưu\b`)
	appendixRE = regexp.MustCompile(`^(?:PHỤ LỤC|Phụ lục|PHỤ LỤC SỐ|Phụ lục số)(?:\s+([IVXLC]+|\d+))?\s*:?\s*$`)
	kemTheoRE  = regexp.MustCompile(`^\(\s*Kèm theo\b(.*)\)\s*$`)
	unitLineRE = regexp.MustCompile(`^(?:ĐVT|Đơn vị tính|Đơn vị)\s*:`)
	// Labels of the numbering ladder.
	romanRE   = regexp.MustCompile(`^([IVXLC]{1,6})\.\s*(.*)$`)
	decimalRE = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){1,3})(\.?)\s+(.+)$`)
	arabicRE  = regexp.MustCompile(`^(\d{1,2})\.\s*(\S.*)$`)
	letterRE  = regexp.MustCompile(`^([a-zđ])\)\s*(.+)$`)
	bulletRE  = regexp.MustCompile(`^([-–•+*])\s*(\S.*)$`)
	ruleRE    = regexp.MustCompile(`^[-_=─—–.*\s]{3,}$`)
	yearRE    = regexp.MustCompile(`\b(19\d\d|20\d\d)\b`)
	// closingCueRE: the paragraph that closes the body ("Trên đây là Kế
	// hoạch ...", "UBND tỉnh yêu cầu ... thực hiện Kế hoạch này").
	closingCueRE = regexp.MustCompile(`^(?:Trên đây|Nhận được|Trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện|Kính (?:đề nghị|trình|mời)|Rất mong|Trân trọng)|^.{0,80}(?:^|\s)(?:kính mời|trân trọng|kính đề nghị|kính trình)(?:[\s,.;:]|$)|^.{0,60}(?:^|\s)(?:yêu cầu|đề nghị|Đề nghị)\s.*\s(?:này|trên)(?:[\s,.;:]|$)`)
	// finalCueRE: the verbs of a last sentence addressed to the recipients.
	finalCueRE  = regexp.MustCompile(`(?i)(?:^|\s)(?:đề nghị|yêu cầu|thông báo|kính mời|trân trọng)\s|(?:triển khai|tổ chức) thực hiện|xem xét|được biết`)
	connectorRE = regexp.MustCompile(`^(?i:(?:trong đó|chia ra|cụ thể|bao gồm|gồm)[^:]{0,20}):?$`)
	noteRE      = regexp.MustCompile(`^(.*\S)\s*\(((?i:để|đ/c|b/c|t/h|p/h|thay|báo cáo|thực hiện|phối hợp|chỉ đạo|biết)[^()]*)\)$`)
	nameWordRE  = regexp.MustCompile(`^\p{Lu}\p{Ll}*$`)
	// gapRE: a tab, or a run of spaces a clerk typed to push the rest of a
	// closing line to the next printed line or beside it ("TM. ỦY BAN NHÂN
	// DÂN          KT. CHỦ TỊCH").
	gapRE = regexp.MustCompile(`\t|\s{4,}`)
)

// Nation and motto lines (Quốc hiệu, Tiêu ngữ), printed by the system.
// A mistyped tone on HÒA ("CỘNG HÕA", seen in real drafts) is still the
// Quốc hiệu.
func isNation(t string) bool {
	u := vntext.Upper(t)
	return strings.Contains(u, "CỘNG HÒA XÃ HỘI") || strings.Contains(u, "CỘNG HOÀ XÃ HỘI") || strings.HasPrefix(u, "CHỦ NGHĨA VIỆT NAM") ||
		(strings.HasPrefix(u, "CỘNG H") && strings.Contains(u, "XÃ HỘI CHỦ NGHĨA"))
}

func isMotto(t string) bool {
	return strings.Contains(t, "Độc lập") && strings.Contains(t, "Tự do")
}

// typeByName finds the Phụ lục III type whose name is the line, in
// capitals as printed ("KẾ HOẠCH").
func typeByName(t string) (document.DocType, bool) {
	u := strings.Join(strings.Fields(vntext.Upper(t)), " ")
	for _, dt := range document.Types {
		if dt.IsLetter() {
			continue
		}
		if u == vntext.Upper(dt.Name) || (dt.Code == "ban_thoa_thuan" && u == "BẢN THOẢ THUẬN") || (dt.Code == "giay_uy_quyen" && u == "GIẤY UỶ QUYỀN") {
			return dt, true
		}
	}
	return document.DocType{}, false
}

// typeByPrefix reads a type name followed by a qualifier of one or two
// words in capitals ("GIẤY MỜI HỌP", "BÁO CÁO NHANH", "THÔNG BÁO KẾT
// LUẬN"): the type, and the qualifier the model has no field for.
func typeByPrefix(t string) (document.DocType, string, bool) {
	if !isCaps(t) {
		return document.DocType{}, "", false
	}
	ws := strings.Fields(vntext.Upper(t))
	for extra := 1; extra <= 2 && extra < len(ws); extra++ {
		if dt, ok := typeByName(strings.Join(ws[:len(ws)-extra], " ")); ok {
			return dt, strings.Join(ws[len(ws)-extra:], " "), true
		}
	}
	return document.DocType{}, "", false
}

func hasLetter(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }

// isCaps: a line with letters, all upper case.
func isCaps(s string) bool { return hasLetter(s) && vntext.IsUpper(s) }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

func endsTerminal(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	s = strings.TrimRight(s, "”\"’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// labelOf reads a numbering label at the start of a paragraph: its kind
// ("roman", "arabic", "decimal", "letter"), the label as printed and the
// rest.
func labelOf(t string) (kind, label, rest string) {
	if m := romanRE.FindStringSubmatch(t); m != nil && m[2] != "" && romanValue(m[1]) > 0 {
		return "roman", m[1] + ".", m[2]
	}
	if m := decimalRE.FindStringSubmatch(t); m != nil {
		return "decimal", m[1] + m[2], m[3]
	}
	if m := arabicRE.FindStringSubmatch(t); m != nil {
		return "arabic", m[1] + ".", m[2]
	}
	if m := letterRE.FindStringSubmatch(t); m != nil {
		return "letter", m[1] + ")", m[2]
	}
	return "", "", t
}

// prefixAlternation is the regexp alternation of the authority prefixes
// (document.AuthorityPrefixes) without their dots: "TM|KT|TL|TUQ|Q".
func prefixAlternation() string {
	var ps []string
	for _, p := range document.AuthorityPrefixes() {
		ps = append(ps, regexp.QuoteMeta(strings.TrimSuffix(p.Prefix, ".")))
	}
	return strings.Join(ps, "|")
}

// romanValue reads a mục number up to LX (no document has more mục),
// as the inverse of compose.Roman; 0 when s is not one.
func romanValue(s string) int {
	for n := 1; n <= 60; n++ {
		if compose.Roman(n) == s {
			return n
		}
	}
	return 0
}

// startsBlock: a text line that begins a new paragraph whatever came
// before it.
func startsBlock(t string) bool {
	if k, _, _ := labelOf(t); k != "" {
		return true
	}
	if bulletRE.MatchString(t) && !ruleRE.MatchString(t) {
		return true
	}
	for _, p := range []string{"Căn cứ ", "Trên đây", "Kính gửi", "(Kèm theo"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return noiNhanRE.MatchString(t) || authorityRE.MatchString(t) || unitLineRE.MatchString(t)
}

// agencyWords start the name of a body; in the header the last line that
// starts with one begins the issuing body, the lines above are its parent.
var agencyWords = []string{"ỦY BAN", "UỶ BAN", "UBND", "SỞ", "PHÒNG", "BAN", "CỤC", "TỔNG CỤC", "CHI CỤC", "VỤ", "VIỆN", "TRUNG TÂM", "BỘ", "HỘI ĐỒNG", "VĂN PHÒNG", "THANH TRA", "TRƯỜNG", "BỆNH VIỆN", "ĐÀI", "HỘI", "KHO BẠC", "CÔNG AN", "BỘ CHỈ HUY", "ĐẢNG ỦY", "HUYỆN ỦY", "TỈNH ỦY", "LIÊN ĐOÀN", "CÔNG ĐOÀN", "TỈNH ĐOÀN", "MẶT TRẬN"}

func startsAgency(t string) bool {
	u := vntext.Upper(t)
	for _, w := range agencyWords {
		if u == w || strings.HasPrefix(u, w+" ") {
			return true
		}
	}
	return false
}

// unitWords name administrative units, lower case before a place name.
var unitWords = vntext.AdminUnits

// placeAfter finds "<unit> <Place Name>" in s: the unit word followed by
// capitalised words.
func placeAfter(s, unit string) string {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(unit) + `\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*)*)`)
	m := re.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// looksLikeName: a signer's name, two to six capitalised words.
func looksLikeName(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		if !nameWordRE.MatchString(w) {
			return false
		}
	}
	return true
}

// wordCount counts the words of s.
func wordCount(s string) int { return len(strings.Fields(s)) }
