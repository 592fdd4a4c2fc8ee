package rollover

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a year-bearing stretch of text is, decided from its wording
// alone; what to do with it also depends on the plan year (see decide).
type kind int

const (
	kindRef     kind = iota // a reference to another document: never moved
	kindDate                // a full date d/m/yyyy or "ngày d tháng m năm yyyy"
	kindMonth               // "tháng m/yyyy", "quý II/yyyy"
	kindPeriod              // "giai đoạn 2021-2025", "nhiệm kỳ 2020-2025"
	kindNamYear             // "năm 2024"
	kindBare                // a lone four-digit year
)

// span is one classified stretch of a string, in byte offsets.
type span struct {
	kind       kind
	start, end int
	// year is the year (the end year of a period); from is a period's
	// first year; yearAt is the byte offset of the year digits to replace.
	year, from int
	yearAt     int
	day, month int // dates only
}

const yearRE = `((?:19|20)\d{2})`

var (
	// A document reference: the number and ký hiệu, optionally followed by
	// its date: "số 87/KH-UBND ngày 11/8/2021", "1719/QĐ-TTg, ngày
	// 14/10/2021", "30/2020/NĐ-CP", "174/QĐ- UBND ngày 21/4/2023". The ký
	// hiệu starts with an upper-case letter, which tells it from a date.
	refSymbolRE = regexp.MustCompile(`(?:[Ss]ố\s+)?\d+[a-z]?\s*/\s*(?:\d{4}\s*/\s*)?\p{Lu}[\p{L}\d&.]*(?:\s?[-–]\s?\p{Lu}[\p{L}\d&]*)*` +
		`(?:\s*,?\s*ngày\s+(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?`)
	// A law cited by its name and year: "Bộ luật Lao động năm 2019".
	refLawRE = regexp.MustCompile(`(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh)\s+\p{Lu}[^,;.()“”"]{0,80}?\s(?:năm\s+)?` + yearRE)

	dateSlashRE = regexp.MustCompile(`(?i)(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*` + yearRE)
	dateWordsRE = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+` + yearRE)
	monthRE     = regexp.MustCompile(`(?i)(?:tháng\s+(\d{1,2})|quý\s+([IV]+|\d))\s*(?:/|năm)\s*` + yearRE)

	periodRE = regexp.MustCompile(`(?i)(?:(?:giai đoạn|nhiệm kỳ|thời kỳ|năm học|niên khóa|niên khoá)\s*(?:[IVX]+\s*)?:?\s*)?\(?\s*(?:năm\s+)?` +
		yearRE + `\s*[-–—]\s*` + yearRE)
	periodWordsRE = regexp.MustCompile(`(?i)từ\s+năm\s+` + yearRE + `\s+đến\s+(?:hết\s+)?năm\s+` + yearRE)

	namYearRE = regexp.MustCompile(`(?i)năm\s+` + yearRE)
	bareRE    = regexp.MustCompile(yearRE)
)

// scan classifies every year-bearing stretch of s. Stretches do not
// overlap; a stretch found by an earlier rule wins, so a date inside a
// document reference is a reference and a year inside a period is a period.
func scan(s string) []span {
	var out []span
	taken := func(a, b int) bool {
		for _, sp := range out {
			if a < sp.end && sp.start < b {
				return true
			}
		}
		return false
	}
	add := func(sp span) {
		if !taken(sp.start, sp.end) {
			out = append(out, sp)
		}
	}
	// References first: their dates must never be read as deadlines.
	for _, m := range refSymbolRE.FindAllStringIndex(s, -1) {
		if !boundaryBefore(s, m[0]) {
			continue
		}
		sp := span{kind: kindRef, start: m[0], end: m[1], yearAt: -1}
		if ys := bareRE.FindAllStringIndex(s[m[0]:m[1]], -1); len(ys) > 0 {
			last := ys[len(ys)-1]
			sp.year = atoi(s[m[0]+last[0] : m[0]+last[1]])
		}
		add(sp)
	}
	for _, m := range refLawRE.FindAllStringSubmatchIndex(s, -1) {
		add(span{kind: kindRef, start: m[0], end: m[1], year: atoi(s[m[2]:m[3]]), yearAt: -1})
	}
	// Periods before dates and single years, so that "2021-2025" is one
	// period and not two years.
	for _, re := range []*regexp.Regexp{periodWordsRE, periodRE} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if !boundaryBefore(s, m[2]) || !boundaryAfter(s, m[5]) {
				continue
			}
			from, to := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
			if to <= from {
				continue // "2024-2019" is not a period; leave it to later rules
			}
			add(span{kind: kindPeriod, start: m[0], end: m[1], from: from, year: to, yearAt: -1})
		}
	}
	for _, re := range []*regexp.Regexp{dateWordsRE, dateSlashRE} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if !boundaryBefore(s, m[2]) || !boundaryAfter(s, m[7]) {
				continue
			}
			add(span{kind: kindDate, start: m[0], end: m[1], day: atoi(s[m[2]:m[3]]), month: atoi(s[m[4]:m[5]]),
				year: atoi(s[m[6]:m[7]]), yearAt: m[6]})
		}
	}
	for _, m := range monthRE.FindAllStringSubmatchIndex(s, -1) {
		if !boundaryAfter(s, m[7]) {
			continue
		}
		add(span{kind: kindMonth, start: m[0], end: m[1], year: atoi(s[m[6]:m[7]]), yearAt: m[6]})
	}
	for _, m := range namYearRE.FindAllStringSubmatchIndex(s, -1) {
		if !boundaryBefore(s, m[0]) || !boundaryAfter(s, m[3]) {
			continue
		}
		add(span{kind: kindNamYear, start: m[0], end: m[1], year: atoi(s[m[2]:m[3]]), yearAt: m[2]})
	}
	for _, m := range bareRE.FindAllStringSubmatchIndex(s, -1) {
		if !boundaryBefore(s, m[0]) || !boundaryAfter(s, m[1]) {
			continue
		}
		add(span{kind: kindBare, start: m[0], end: m[1], year: atoi(s[m[2]:m[3]]), yearAt: m[2]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// boundaryBefore reports whether s[i] starts a word: the rune before it is
// not a letter, a digit or one of the separators of numbers ("/", ".").
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '.'
}

// boundaryAfter reports whether s[i:] starts after a word: the next rune is
// not a letter or a digit, and not "/" followed by a digit (a longer date
// or ký hiệu).
func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == '/' {
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		return !unicode.IsDigit(next)
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// role is what part of the document a string belongs to; it limits what
// may be changed there.
type role int

const (
	roleText  role = iota // summary, subject, intro, body, closing, appendices: year rules apply
	roleBasis             // căn cứ lines: cite other documents, never moved
	roleOther             // issuer, signature, recipients…: only the rename table applies
)

// action is the outcome of one span: an edit, a review note, or nothing.
type action struct {
	edit    bool
	after   string // the span's new text, for an edit
	review  bool
	reason  string
	code    string
	warning bool // a review that is a warning (period ended)
}

// Reason codes, stable for tools that read the JSON report.
const (
	CodePlanYear     = "plan_year"          // "năm 2024" → "năm 2025"
	CodeDeadline     = "deadline"           // a reporting deadline moved
	CodeDate         = "date"               // another date of the plan year moved
	CodeReference    = "reference"          // a cited document of the plan year: kept
	CodePeriodEnded  = "period_ended"       // a period ends before the new year: kept, warned
	CodeYearBefore   = "year_before"        // the year before the plan year: may mean "last year"
	CodeYearAfter    = "year_after"         // the year after the plan year: may be a target
	CodeBareYear     = "bare_year"          // the plan year without "năm": unsure
	CodeInvalidDate  = "invalid_date"       // 29/2 in a year without it
	CodeBasis        = "basis"              // a căn cứ mentions the plan year
	CodeRename       = "rename"             // the rename table applied
	CodeRenameMerged = "rename_merged"      // two old names now read the same
	CodeDraft        = "draft"              // number and date cleared
	CodeSigner       = "signer"             // the signer may change
	CodePlanYearSrc  = "plan_year_mismatch" // the summary and the date disagree
)

// decide applies the rollover rules to one span of s; lead is the text
// before s in the same paragraph (earlier runs).
func decide(s, lead string, sp span, rl role, from, to int) action {
	shift := to - from
	text := s[sp.start:sp.end]
	moveYear := func(newYear int) string {
		off := sp.yearAt - sp.start
		return text[:off] + strconv.Itoa(newYear) + text[off+4:]
	}
	if rl == roleOther {
		return action{}
	}
	if rl == roleBasis {
		if sp.year == from || sp.from == from {
			return action{review: true, code: CodeBasis,
				reason: "căn cứ of the plan year " + strconv.Itoa(from) + ": never moved; check whether a newer document replaces it"}
		}
		if sp.kind == kindPeriod && sp.year < to {
			return periodEnded(sp, to)
		}
		return action{}
	}
	switch sp.kind {
	case kindRef:
		if sp.year == from {
			return action{review: true, code: CodeReference,
				reason: "cites a document of the plan year " + strconv.Itoa(from) + ": never moved; check whether next year's one replaces it"}
		}
	case kindPeriod:
		if sp.year < to {
			return periodEnded(sp, to)
		}
	case kindDate, kindMonth:
		switch sp.year {
		case from, from + 1:
			if sp.kind == kindDate && !validDate(sp.day, sp.month, sp.year+shift) {
				return action{review: true, code: CodeInvalidDate,
					reason: "date " + strconv.Itoa(sp.day) + "/" + strconv.Itoa(sp.month) + " does not exist in " + strconv.Itoa(sp.year+shift) + ": left unchanged"}
			}
			if isDeadline(lead + s[:sp.start]) {
				return action{edit: true, after: moveYear(sp.year + shift), code: CodeDeadline, reason: "reporting deadline moved with the plan year"}
			}
			return action{edit: true, after: moveYear(sp.year + shift), code: CodeDate, reason: "date in the plan year moved with it"}
		case from - 1:
			return action{review: true, code: CodeYearBefore, reason: "date in the year before the plan year: left unchanged; if it means last year, change it to " + strconv.Itoa(to-1)}
		}
	case kindNamYear:
		switch sp.year {
		case from:
			return action{edit: true, after: moveYear(to), code: CodePlanYear, reason: "the plan year"}
		case from - 1:
			return action{review: true, code: CodeYearBefore, reason: "the year before the plan year: left unchanged; if it means last year, change it to " + strconv.Itoa(to-1)}
		case from + 1:
			if from+1 != to {
				return action{review: true, code: CodeYearAfter, reason: "the year after the plan year: left unchanged; if it means next year, change it to " + strconv.Itoa(to+1)}
			}
			return action{review: true, code: CodeYearAfter, reason: "already the new year: left unchanged; if it means next year, change it to " + strconv.Itoa(to+1)}
		}
	case kindBare:
		if sp.year == from {
			return action{review: true, code: CodeBareYear, reason: "the plan year without \"năm\" (a table heading, a name?): left unchanged"}
		}
	}
	return action{}
}

func periodEnded(sp span, to int) action {
	return action{review: true, warning: true, code: CodePeriodEnded,
		reason: "period " + strconv.Itoa(sp.from) + "-" + strconv.Itoa(sp.year) + " ends before " + strconv.Itoa(to) + ": left unchanged; check whether the plan should cite the next period"}
}

// deadlineWords introduce a reporting deadline. They are matched on the
// few words before a date.
var deadlineWords = []string{"trước ngày", "trước", "chậm nhất", "hạn chót", "thời hạn", "báo cáo", "gửi về", "hoàn thành"}

func isDeadline(before string) bool {
	// The last 60 bytes (about 25 Vietnamese letters) reach back over
	// "trước ngày 05/6/2024 và ngày " to the word that makes the second
	// date a deadline too.
	tail := before
	if len(tail) > 60 {
		tail = tail[len(tail)-60:]
		for len(tail) > 0 && !utf8.RuneStart(tail[0]) {
			tail = tail[1:]
		}
	}
	tail = strings.ToLower(tail)
	for _, w := range deadlineWords {
		if strings.Contains(tail, w) {
			return true
		}
	}
	return false
}

func validDate(d, m, y int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return d <= days
}
