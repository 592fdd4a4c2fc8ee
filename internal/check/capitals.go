package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/vntext"
)

const refCapitals = "NĐ30 Phụ lục II (viết hoa tên cơ quan, tổ chức, đơn vị hành chính)"

// Phụ lục II writes the name of a body with a capital on its kind word's
// first letter only ("Ủy ban nhân dân", "Trung tâm") and on the specific
// name ("Sở Tài chính", "Bộ Giáo dục và Đào tạo"); an administrative unit
// keeps its unit word lower case and capitalises each syllable of the
// place ("tỉnh Quảng Trị"). The tables below are deliberately small: a
// kind word is also an ordinary word ("Trường hợp", "Phòng, chống",
// "Bộ tiêu chí"), so a name is recognised only by a field the rule knows,
// and nothing is reported when unsure.

// capKind is a word naming the kind of a body. loose kinds are ordinary
// words too often ("ban chỉ đạo" of a meeting, "trung tâm" of a town):
// their name is checked only in the middle of a sentence, where the
// capital shows the writer meant a body.
type capKind struct {
	words []string // lower case
	loose bool
}

var capKinds = func() []capKind {
	var out []capKind
	for _, k := range []struct {
		s     string
		loose bool
	}{
		{"ủy ban nhân dân", false}, {"uỷ ban nhân dân", false}, {"hội đồng nhân dân", false},
		{"văn phòng", false}, {"tổng cục", false}, {"chi cục", false}, {"bệnh viện", false},
		{"trung tâm", true}, {"bộ", false}, {"sở", false}, {"cục", false}, {"vụ", false},
		{"ban", true}, {"phòng", true}, {"trường", true},
	} {
		out = append(out, capKind{strings.Fields(k.s), k.loose})
	}
	return out
}()

// capFields are specific names as Phụ lục II writes them after a kind
// word: each group's first word is capitalised (the first, and the first
// after "và", "," or "-"). A later capital inside a group ("Công
// Thương") is the office's own spelling and not required.
var capFields = []string{
	"Tài chính - Kế hoạch", "Tài chính", "Y tế", "Nội vụ", "Tư pháp", "Xây dựng", "Công Thương",
	"Giáo dục và Đào tạo", "Kế hoạch và Đầu tư", "Tài nguyên và Môi trường",
	"Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường", "Giao thông vận tải",
	"Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao",
	"Văn hóa - Thông tin", "Khoa học và Công nghệ", "Thông tin và Truyền thông", "Ngoại vụ",
	"Ngoại giao", "Dân tộc và Tôn giáo", "Quốc phòng", "Công an", "Thuế", "Hải quan", "Thống kê",
	"Kiểm lâm", "Quản lý thị trường", "Kinh tế - Hạ tầng", "Đa khoa", "Chỉ đạo", "Tuyên giáo",
	"Dân vận", "Nội chính", "Pháp chế", "Chính phủ", "Quốc hội",
	"Ủy ban nhân dân", "Hội đồng nhân dân",
}

// capField is a capFields entry split into words, with the words that
// must start with a capital.
type capField struct {
	name  string
	fold  []string // the words, marks removed, for matching
	first []bool   // the word opens a group: it takes a capital
}

var capFieldTable = func() []capField {
	var out []capField
	for _, f := range capFields {
		cf := capField{name: f}
		open := true
		for _, w := range strings.Fields(f) {
			t := strings.Trim(w, ",")
			switch {
			case w == "-":
				open = true
				continue
			case t == "và":
				cf.fold = append(cf.fold, "va")
				cf.first = append(cf.first, false)
				open = true
				continue
			}
			cf.fold = append(cf.fold, vntext.Fold(t))
			cf.first = append(cf.first, open)
			open = strings.HasSuffix(w, ",")
		}
		out = append(out, cf)
	}
	return out
}()

// capProvinces are the provinces and centrally run cities: the place
// names a lower-case "tỉnh quảng trị" is recognised by. The document's own
// capitalised names after a unit word ("huyện Vĩnh Linh", or "HUYỆN VĨNH
// LINH" in its header) join them.
var capProvinces = []string{
	"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế", "Hà Giang",
	"Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái",
	"Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ", "Vĩnh Phúc",
	"Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa",
	"Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên",
	"Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
	"Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
	"Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
}

// capUnitStrict are the unit words whose capital in mid-sentence is
// surely wrong: a province, district, town or city is not named after a
// number or an event, unlike a quận, phường, xã or thị trấn ("Quận 1",
// "Phường Điện Biên Phủ"), where Phụ lục II asks for the capital.
var capUnitStrict = map[string]bool{"tỉnh": true, "huyện": true, "thị xã": true, "thành phố": true}

// capSurnames open a person's name: a unit named after a person takes a
// capital ("Huyện Trần Văn Thời"), so such a name is left alone.
var capSurnames = map[string]bool{
	"nguyễn": true, "trần": true, "lê": true, "phạm": true, "hoàng": true, "huỳnh": true, "phan": true,
	"vũ": true, "võ": true, "đặng": true, "bùi": true, "đỗ": true, "hồ": true, "ngô": true, "dương": true,
	"lý": true, "lương": true, "đinh": true, "trịnh": true, "đào": true, "mai": true, "cao": true,
	"tôn": true, "quang": true,
}

// capNotPlace are words that follow a capitalised unit word as part of a
// body's name, not a place: "Tỉnh ủy", "Huyện Đoàn", "Thành Ủy".
var capNotPlace = map[string]bool{"ủy": true, "uỷ": true, "đoàn": true, "hội": true, "đội": true, "đảng": true}

var capTokenRe = regexp.MustCompile(`[\p{L}\p{M}]+|\p{N}+`)

// capTok is one word of a paragraph and what stands before it.
type capTok struct {
	w, low, fold string
	start, end   int
	mid          bool // in the middle of a sentence: a word before it, only spaces or a comma between
	sp           bool // only spaces between it and the word before: a name goes on
}

func capTokens(s string) []capTok {
	var out []capTok
	prevEnd := -1
	for _, loc := range capTokenRe.FindAllStringIndex(s, -1) {
		w := s[loc[0]:loc[1]]
		t := capTok{w: w, low: vntext.Lower(w), fold: vntext.Fold(w), start: loc[0], end: loc[1]}
		if prevEnd >= 0 {
			t.mid = strings.Trim(s[prevEnd:loc[0]], " \t\u00a0,") == ""
			t.sp = strings.Trim(s[prevEnd:loc[0]], " \t\u00a0") == ""
		}
		out = append(out, t)
		prevEnd = loc[1]
	}
	return out
}

func upperFirst(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// titleWord: a capital, then lower case ("Quảng"), not an acronym.
func titleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[n:] {
		if unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

func allUpper(w string) bool { return vntext.IsUpper(w) }

// matchWords: the lower-case words ws at ts[i:].
func matchWords(ts []capTok, i int, ws []string) bool {
	if i+len(ws) > len(ts) {
		return false
	}
	for k, w := range ws {
		if ts[i+k].low != w || k > 0 && !ts[i+k].sp {
			return false
		}
	}
	return true
}

// capPlaces gathers the place names of the document: each run of
// capitalised words after a unit word, and the rest of an all-capitals
// line after one ("UBND HUYỆN VĨNH LINH"), with the provinces.
func capPlaces(paras []Para) map[string]string {
	out := map[string]string{}
	addName := func(ws []string) {
		var fold, name []string
		for _, w := range ws {
			fold = append(fold, vntext.Fold(w))
			name = append(name, vntext.CapitalizeFirst(vntext.Lower(w)))
		}
		if len(ws) > 0 {
			out[strings.Join(fold, " ")] = strings.Join(name, " ")
		}
	}
	for _, p := range capProvinces {
		addName(strings.Fields(p))
	}
	for _, p := range paras {
		ts := capTokens(p.Text)
		upperLine := vntext.IsUpper(p.Text)
		for i := range ts {
			n := unitAt(ts, i)
			if n == 0 {
				continue
			}
			j := i + n
			var ws []string
			for ; j < len(ts) && len(ws) < 4; j++ {
				w := ts[j].w
				if !ts[j].sp {
					break
				}
				if upperLine && allUpper(w) || !upperLine && titleWord(w) {
					ws = append(ws, w)
					continue
				}
				break
			}
			// A header line names one place and ends there; in a sentence
			// the run of capitals is the name.
			if len(ws) >= 2 && (!upperLine || j == len(ts)) && !capNotPlace[vntext.Lower(ws[0])] {
				addName(ws)
			}
		}
	}
	return out
}

// capUnits are vntext.AdminUnits split into words.
var capUnits = func() [][]string {
	var out [][]string
	for _, u := range vntext.AdminUnits {
		out = append(out, strings.Fields(u))
	}
	return out
}()

// unitAt: the number of words of the unit word at ts[i], 0 if none.
func unitAt(ts []capTok, i int) int {
	for _, ws := range capUnits {
		if matchWords(ts, i, ws) {
			return len(ws)
		}
	}
	return 0
}

// capitals: names of bodies and administrative units written against
// Phụ lục II, in the text outside the lines printed in capitals (the
// header, the title). Each wrong form is reported once, where it first
// stands.
func capitals(r *reviewer) {
	places := capPlaces(r.d.paras)
	seen := map[string]bool{}
	for i, p := range r.d.paras {
		if vntext.IsUpper(p.Text) {
			continue
		}
		for _, h := range capHits(p.Text, places) {
			if seen[h.have] {
				continue
			}
			seen[h.have] = true
			r.add(Fix, "text.capitals", r.paraName(i), p.Page, refCapitals, h.want, "%q in %q", h.have, around(p.Text, h.at, len(h.have)))
		}
	}
}

// capHit is a wrong form, what Phụ lục II asks, and where it starts.
type capHit struct {
	have, want string
	at         int
}

// capHits finds the wrong forms in one paragraph's text.
func capHits(s string, places map[string]string) []capHit {
	ts := capTokens(s)
	var out []capHit
	span := func(i, j int) string { return s[ts[i].start:ts[j-1].end] }
	for i := 0; i < len(ts); i++ {
		h, n := kindHit(ts, i, span)
		if n == 0 {
			h, n = unitHit(ts, i, span, places)
		}
		if h.have != "" {
			h.at = ts[i].start
			out = append(out, h)
		}
		if n > 0 {
			i += n - 1
		}
	}
	return out
}

// kindHit: "Ủy Ban Nhân Dân" (a capital inside the kind word) and "Sở tài
// chính" (a known field not capitalised) at ts[i].
func kindHit(ts []capTok, i int, span func(i, j int) string) (capHit, int) {
	for _, k := range capKinds {
		if !matchWords(ts, i, k.words) || !upperFirst(ts[i].w) || allUpper(ts[i].w) {
			continue
		}
		n := len(k.words)
		kind := vntext.CapitalizeFirst(strings.Join(k.words, " "))
		inner := false
		for _, t := range ts[i+1 : i+n] {
			inner = inner || upperFirst(t.w)
		}
		if inner {
			// "ỦY BAN NHÂN DÂN" in capitals is a heading's, not this.
			if allUpper(span(i, i+n)) {
				continue
			}
			return capHit{have: span(i, i+n), want: kind}, n
		}
		if k.loose && !ts[i].mid {
			return capHit{}, 0
		}
		for _, f := range capFieldTable {
			if !fieldAt(ts, i+n, f) {
				continue
			}
			for x, first := range f.first {
				if first && !upperFirst(ts[i+n+x].w) {
					return capHit{have: span(i, i+n+len(f.fold)), want: kind + " " + f.name}, n + len(f.fold)
				}
			}
			return capHit{}, 0
		}
		return capHit{}, 0
	}
	return capHit{}, 0
}

// fieldAt: the field f starts at ts[i]. A longer name ("Cục Thuế tỉnh")
// is judged on the words the table knows.
func fieldAt(ts []capTok, i int, f capField) bool {
	if i+len(f.fold) > len(ts) {
		return false
	}
	for k, w := range f.fold {
		if ts[i+k].fold != w {
			return false
		}
	}
	// Only spaces after the kind word: "Bộ, Sở Y tế" is two names.
	return ts[i].sp
}

// unitHit: "Tỉnh Quảng Trị" in mid-sentence, "huyện vĩnh linh" (a known
// place not capitalised), and the two names Phụ lục II capitalises
// whole, "Thành phố Hồ Chí Minh" and "Thủ đô Hà Nội".
func unitHit(ts []capTok, i int, span func(i, j int) string, places map[string]string) (capHit, int) {
	if matchWords(ts, i, []string{"thủ", "đô"}) && i+4 <= len(ts) && ts[i+2].sp && ts[i+3].sp && ts[i+2].fold == "ha" && ts[i+3].fold == "noi" {
		if have := span(i, i+4); have != "Thủ đô Hà Nội" && !allUpper(have) {
			return capHit{have: have, want: "Thủ đô Hà Nội"}, 4
		}
		return capHit{}, 4
	}
	n := unitAt(ts, i)
	if n == 0 || allUpper(ts[i].w) {
		return capHit{}, 0
	}
	unit := vntext.NFC(strings.Join(strings.Fields(span(i, i+n)), " "))
	lowUnit := vntext.Lower(unit)
	// The longest known place after the unit word, in any case.
	var name string
	m := 0
	for k := min(4, len(ts)-i-n); k >= 1; k-- {
		var fold []string
		for _, t := range ts[i+n : i+n+k] {
			if !t.sp {
				break
			}
			fold = append(fold, t.fold)
		}
		if nm, ok := places[strings.Join(fold, " ")]; ok && len(fold) == k {
			name, m = nm, k
			break
		}
	}
	if m > 0 {
		// The place as written, each word with its capital (its own
		// tone-mark style kept: "Hoà Bình" is not a capitals matter).
		var ws []string
		nameOK := true
		for _, t := range ts[i+n : i+n+m] {
			ws = append(ws, vntext.CapitalizeFirst(t.w))
			nameOK = nameOK && upperFirst(t.w)
		}
		// The unit word is judged in mid-sentence only, and only where a
		// capital is surely wrong; "Thành phố Hồ Chí Minh" always has it.
		wantUnit, unitOK := unit, true
		switch {
		case lowUnit == "thành phố" && name == "Hồ Chí Minh":
			wantUnit = "Thành phố"
			unitOK = unit == wantUnit || !ts[i].mid && upperFirst(unit)
		case ts[i].mid && capUnitStrict[lowUnit] && !capSurnames[ts[i+n].low]:
			wantUnit = lowUnit
			unitOK = unit == lowUnit
		}
		if have := span(i, i+n+m); (!nameOK || !unitOK) && !allUpper(have) {
			return capHit{have: have, want: wantUnit + " " + strings.Join(ws, " ")}, n + m
		}
		return capHit{}, n + m
	}
	// An unknown name: only a capital unit word in mid-sentence before a
	// capitalised name, for the units never named after a number or event.
	if !ts[i].mid || !capUnitStrict[lowUnit] || !titleWord(ts[i].w) || i+n >= len(ts) {
		return capHit{}, 0
	}
	j := i + n
	for j < len(ts) && j-i-n < 4 && ts[j].sp && titleWord(ts[j].w) {
		j++
	}
	if j-i-n < 2 || capSurnames[ts[i+n].low] || capNotPlace[ts[i+n].low] {
		return capHit{}, 0
	}
	return capHit{have: span(i, j), want: fmt.Sprintf("%s %s", lowUnit, span(i+n, j))}, j - i
}

// around is the hit at s[at:at+n] with some 30 letters either side.
func around(s string, at, n int) string {
	before, after := []rune(s[:at]), []rune(s[at+n:])
	pre, post := "", ""
	if len(before) > 30 {
		before, pre = before[len(before)-30:], "…"
	}
	if len(after) > 30 {
		after, post = after[:30], "…"
	}
	return strings.TrimSpace(pre + string(before) + s[at:at+n] + string(after) + post)
}
