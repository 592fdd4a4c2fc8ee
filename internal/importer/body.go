package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// unit is one paragraph (or table) of the body after line assembly.
type unit struct {
	runs   []document.Run
	src    int // source line (the first one, for a joined paragraph)
	style  string
	list   bool
	table  *rawTable
	budget *document.Budget

	// whole: the runs as written, label included (set by classify before
	// it cuts a label off).
	whole []document.Run

	// Set by classify.
	kind  string // "heading", "item", "para", "table", "budget"
	label string
	lkind string // label kind: roman, arabic, decimal, letter
	depth int    // item depth: 0 for "-", 1 for "+"
	// marker: an item's "*" or "•" as written ("" for "-" and "+").
	marker string
	plain  bool
}

func (u *unit) text() string {
	var b strings.Builder
	for _, r := range u.runs {
		b.WriteString(r.Text)
	}
	return strings.TrimSpace(b.String())
}

// assemble joins text lines into paragraphs and gathers table rows. DOCX
// paragraphs are already whole: each line is a unit.
func (r *recogniser) assemble(ls []line) []unit {
	var out []unit
	var cur *unit
	curLines, lastLen := 0, 0
	lastText := ""
	blank := false
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if l.table != nil {
			flush()
			out = append(out, unit{table: l.table, src: l.src})
			continue
		}
		if !r.docx && !l.blank {
			if rows, next := textTable(ls, i); rows != nil {
				flush()
				out = append(out, unit{table: tableFromRows(rows), src: l.src})
				i = next - 1
				blank = false
				continue
			}
		}
		if l.blank || l.text() == "" {
			blank = true
			if r.docx {
				flush()
			}
			continue
		}
		t := l.text()
		if r.docx {
			flush()
			u := unit{runs: trimRuns(l.runs), style: l.style, list: l.list, src: l.src}
			out = append(out, u)
			continue
		}
		join := false
		if cur != nil && !startsBlock(t) {
			switch {
			case startsLower(t):
				join = true
			case blank:
			case startsDigit(t):
				join = r.wrapped || !endsTerminal(lastText)
			case strings.HasPrefix(t, "&") || strings.HasPrefix(t, "("):
				join = !endsTerminal(lastText)
			case r.wrapped:
				w := float64(r.width)
				switch {
				case endsTerminal(lastText) && float64(lastLen) < 0.85*w:
				case curLines >= 2 && float64(lastLen) < 0.6*w:
				default:
					join = true
				}
			}
		}
		n := utf8.RuneCountInString(t)
		switch {
		case join && hasFootnote(l.runs):
			cur.runs = append(cur.runs, document.Run{Text: " "})
			cur.runs = append(cur.runs, trimRuns(l.runs)...)
			curLines++
		case join && cur.runs[len(cur.runs)-1].Footnote != "":
			cur.runs = append(cur.runs, document.Run{Text: " " + t})
			curLines++
		case join:
			cur.runs[len(cur.runs)-1].Text += " " + t
			curLines++
		case hasFootnote(l.runs):
			// Footnotes written as text were attached to their runs.
			flush()
			cur = &unit{runs: trimRuns(l.runs), src: l.src}
			curLines = 1
		default:
			flush()
			cur = &unit{runs: []document.Run{{Text: t}}, src: l.src}
			curLines = 1
		}
		lastLen, lastText = n, t
		blank = false
	}
	flush()
	return out
}

func trimRuns(rs []document.Run) []document.Run {
	out := append([]document.Run(nil), rs...)
	for len(out) > 0 && strings.TrimSpace(out[0].Text) == "" && out[0].Footnote == "" {
		out = out[1:]
	}
	if len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " \t")
	}
	return out
}

// textTable reads a grid starting at ls[i]: consecutive lines that are rows
// ("a | b | c" or "a<TAB>b<TAB>c") with the same cell count, or groups of
// tab-led lines, one cell per line, separated by blank lines (the seeds'
// tab form). It returns nil when there is no grid of at least two rows.
func textTable(ls []line, i int) ([][]string, int) {
	if ls[i].cells != nil {
		var rows [][]string
		j := i
		for j < len(ls) && (ls[j].cells != nil || ls[j].blank) {
			if ls[j].cells != nil {
				if len(rows) > 0 && len(ls[j].cells) != len(rows[0]) {
					break
				}
				rows = append(rows, ls[j].cells)
			}
			j++
		}
		if len(rows) >= 2 && len(rows[0]) >= 2 {
			return rows, j
		}
		return nil, i
	}
	if !ls[i].tab {
		return nil, i
	}
	var rows [][]string
	var row []string
	j := i
	for j < len(ls) {
		l := ls[j]
		if l.blank {
			if len(row) > 0 {
				rows = append(rows, row)
				row = nil
			}
			j++
			continue
		}
		if !l.tab {
			break
		}
		row = append(row, l.text())
		j++
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	if len(rows) < 2 || len(rows[0]) < 2 {
		return nil, i
	}
	for _, rw := range rows {
		if len(rw) != len(rows[0]) {
			return nil, i
		}
	}
	return rows, j
}

// classify decides what each unit is: heading (with its label), bullet
// item, paragraph, table.
func (r *recogniser) classify(us []unit) []unit {
	last := map[string]int{} // last number seen per label kind, for sequence checks
	quoted := false
	for k := range us {
		u := &us[k]
		if u.table != nil {
			u.kind = "table"
			continue
		}
		if u.kind != "" {
			continue
		}
		t := u.text()
		// A quotation of several paragraphs (a law's clauses quoted in a
		// công văn: “1. ... / 2. ...”) stays text as written: its labels
		// are the quoted document's, not this one's.
		// Curly quotes pair up; a straight quote toggles.
		open := strings.Count(t, "“") - strings.Count(t, "”")
		straight := strings.Count(t, "\"")%2 == 1
		opens := (open > 0 && strings.HasPrefix(t, "“")) || (straight && strings.HasPrefix(t, "\""))
		if quoted || opens {
			switch {
			case quoted:
				quoted = !(open < 0 || strings.Contains(t, "”") || straight)
			default:
				quoted = true
			}
			u.kind = "para"
			continue
		}
		switch u.style {
		case "VbGach", "VbCong":
			if m := bulletRE.FindStringSubmatch(t); m != nil {
				u.runs = cutRunPrefix(u.runs, len(t)-len(m[2]))
			}
			u.kind, u.depth = "item", 0
			if u.style == "VbCong" {
				u.depth = 1
			}
			continue
		}
		if kind, label, rest := labelOf(t); kind != "" && r.acceptLabel(kind, label, last) {
			u.kind, u.label, u.lkind = "heading", label, kind
			u.whole = u.runs
			u.runs = cutRunPrefix(u.runs, len(t)-len(rest))
			switch {
			case r.vbStyles:
				u.plain = u.style == "VbNoiDung"
			case r.docx:
				u.plain = kind != "roman" && !runsBold(u.runs)
			default:
				u.plain = kind != "roman" && plainKhoan(rest)
			}
			continue
		}
		if m := bulletRE.FindStringSubmatch(t); m != nil && !ruleRE.MatchString(t) {
			u.kind = "item"
			if m[1] == "+" {
				u.depth = 1
			}
			if m[1] == "*" || m[1] == "•" {
				// A marker the default ladder (- / + ) would not print
				// is kept as written.
				u.marker = m[1]
			}
			u.runs = cutRunPrefix(u.runs, len(t)-len(m[2]))
			continue
		}
		if u.list {
			u.kind = "item"
			r.rep.guessedFrom("", t, "Đoạn đánh số tự động của Word \""+short(t)+"\": nhập như gạch đầu dòng.", "Word auto-numbered paragraph \""+short(t)+"\": imported as a bullet")
			continue
		}
		u.kind = "para"
	}
	return mixedLadder(r.articles(us))
}

// mixedLadder: a document numbered I. / 1. / a) that also numbers some
// khoản "3.1.", "3.2." (common in plans: one section in decimal style)
// cannot be printed with either numbering computed throughout; the
// decimal-labelled khoản stay paragraphs as written, and the points a)
// keep their level. Only a document that puts points a) right under a
// khoản 1. is mixed; I. / 1. / 1.1. / a) is a decimal ladder (tree sets
// it).
func mixedLadder(us []unit) []unit {
	underArabic, decimals := 0, 0
	above := ""
	for _, u := range us {
		if u.kind == "heading" {
			switch u.lkind {
			case "letter":
				if above == "arabic" {
					underArabic++
				}
			case "decimal":
				decimals++
				above = u.lkind
			default:
				above = u.lkind
			}
		}
	}
	if underArabic == 0 || decimals == 0 {
		return us
	}
	return decimalsAsText(us)
}

// decimalsAsText turns decimal-labelled headings back into the paragraphs
// they were written as.
func decimalsAsText(us []unit) []unit {
	for k := range us {
		if u := &us[k]; u.kind == "heading" && u.lkind == "decimal" && u.whole != nil {
			u.kind, u.runs, u.label, u.lkind = "para", u.whole, "", ""
		}
	}
	return us
}

// dieuRE: an article of a quyết định or a regulation, "Điều 1." or "Điều
// 2:" with its title or text run in.
var dieuRE = regexp.MustCompile(`^Điều\s+\d+\s*[.:]`)

// articleRE: an article, "Điều 1." or "Điều 2:", label as written in
// group 1, its number in group 2, its title or text run in after it.
var articleRE = regexp.MustCompile(`^(Điều\s+(\d+)\s*[.:])\s*(.*)$`)

// divisionRE: a division of a text written in articles, "Chương I",
// "Mục 1", "Phần thứ nhất", with its title run in or on the next line.
var divisionRE = regexp.MustCompile(`^((?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+|thứ\s+\p{L}+|THỨ\s+\p{Lu}+))\s*[.:]?\s*(.*)$`)

// articles reads a text written in articles (a quyết định's Điều, a quy
// chế's Chương and Điều): each "Điều n." that continues the sequence
// (Điều 1, or the one after the last; a quoted "Điều 5." of a law in a
// công văn does not) is a heading of the article rung, its khoản "1." and
// điểm "a)" under it restart with each article, and when articles are
// there, "Chương I" / "Mục 1" / "Phần thứ nhất" lines are division
// headings above them with their title in capitals from the next line.
// Labels are kept as written ("Điều 2:"); the model's article scheme
// prints them. Units before the first article are left alone, so a
// preamble's list stays a list.
func (r *recogniser) articles(us []unit) []unit {
	last := 0
	var out []unit
	seen := false
	for k := 0; k < len(us); k++ {
		u := us[k]
		if u.table != nil || u.kind == "item" {
			out = append(out, u)
			continue
		}
		t := u.text()
		if m := articleRE.FindStringSubmatch(t); m != nil {
			n := 0
			fmt.Sscanf(m[2], "%d", &n)
			if n == 1 || n == last+1 || (r.vbStyles && n > 0) {
				last, seen = n, true
				runs := u.runs
				if u.whole != nil {
					runs = u.whole
				}
				u.whole = runs
				u.kind, u.label, u.lkind = "heading", strings.TrimSpace(m[1]), "article"
				u.runs = cutRunPrefix(runs, len(t)-len(m[3]))
				switch {
				case r.vbStyles:
					u.plain = u.style == "VbNoiDung"
				case r.docx:
					u.plain = !runsBold(u.runs)
				default:
					u.plain = plainKhoan(m[3])
				}
				out = append(out, u)
				continue
			}
		}
		if !seen && u.kind == "heading" && u.lkind != "roman" && u.whole != nil && hasArticleAfter(us[k:]) {
			// A khoản-like line before the first article of a text
			// written in articles (the preamble) stays text.
			u.kind, u.runs, u.label, u.lkind = "para", u.whole, "", ""
		}
		if m := divisionRE.FindStringSubmatch(t); m != nil && (hasArticleAfter(us[k+1:]) || romanNext(us[k+1:], m[2] == "")) {
			u.whole = u.runs
			u.kind, u.label, u.lkind = "heading", m[1], "division"
			title := strings.TrimSpace(m[2])
			if title == "" && k+1 < len(us) && us[k+1].table == nil && isCaps(us[k+1].text()) && !articleRE.MatchString(us[k+1].text()) {
				u.runs = trimRuns(us[k+1].runs)
				k++
			} else {
				u.runs = cutRunPrefix(u.runs, len(t)-len(m[2]))
			}
			out = append(out, u)
			continue
		}
		out = append(out, u)
	}
	return out
}

// divisionLine: a line that is a division's label alone ("Phần thứ
// nhất", "CHƯƠNG II"), its title on the next line: in a PDF it never
// continues the centred line above it (a trích yếu) nor the title under it.
func divisionLine(t string) bool {
	m := divisionRE.FindStringSubmatch(strings.TrimSpace(t))
	return m != nil && m[2] == ""
}

// romanNext: a division line ("Phần thứ nhất") is followed, after its
// title line when the title is not run in, by a mục "I.": the parts of a
// đề án or báo cáo tổng kết, whose mục restart in each part, as the
// khoản of a text in articles restart in each Điều.
func romanNext(us []unit, titled bool) bool {
	if titled {
		if len(us) == 0 || us[0].table != nil || !isCaps(us[0].text()) {
			return false
		}
		us = us[1:]
	}
	return len(us) > 0 && us[0].kind == "heading" && us[0].lkind == "roman"
}

// hasArticleAfter: an "Điều 1." line is among us.
func hasArticleAfter(us []unit) bool {
	for _, u := range us {
		if m := articleRE.FindStringSubmatch(u.text()); u.table == nil && m != nil {
			return true
		}
	}
	return false
}

func short(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

// acceptLabel checks that a label continues the numbering, so that a
// wrapped line starting "2023. ..." or "3. ..." out of turn stays text.
func (r *recogniser) acceptLabel(kind, label string, last map[string]int) bool {
	n := 0
	switch kind {
	case "roman":
		n = romanValue(strings.TrimSuffix(label, "."))
	case "arabic":
		fmt.Sscanf(label, "%d", &n)
	case "letter":
		n = letterIndex(label)
	case "decimal":
		return true
	}
	if r.vbStyles {
		last[kind] = n
		return true
	}
	ok := n == 1 || n == last[kind]+1 || (r.docx && n > 0)
	if !ok {
		return false
	}
	last[kind] = n
	// A higher level restarts the numbering below it.
	switch kind {
	case "roman":
		last["arabic"], last["letter"] = 0, 0
	case "arabic":
		last["letter"] = 0
	}
	return true
}

// letterIndex is the position of a điểm label's letter in compose.Alpha's
// sequence ("đ)" → 5), 0 when it is not one.
func letterIndex(label string) int {
	r, _ := utf8.DecodeRuneInString(label)
	for n := 1; n <= compose.AlphaLetters; n++ {
		if compose.Alpha(n) == string(r) {
			return n
		}
	}
	return 0
}

// plainKhoan guesses whether a numbered khoản opens running text (printed
// plain) rather than heading a section: a long sentence that ends in "."
// or ":". Only a guess for text; DOCX says it with its style.
func plainKhoan(title string) bool {
	t := strings.TrimSpace(title)
	return wordCount(t) >= 15 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":"))
}

func runsBold(rs []document.Run) bool {
	for _, r := range rs {
		if strings.TrimSpace(r.Text) != "" && !r.Bold {
			return false
		}
	}
	return len(rs) > 0
}

// cutRunPrefix removes n bytes of text from the start of the runs (a label
// or bullet the model prints itself).
func cutRunPrefix(rs []document.Run, n int) []document.Run {
	rs = trimRuns(rs)
	out := append([]document.Run(nil), rs...)
	for n > 0 && len(out) > 0 {
		if len(out[0].Text) <= n {
			n -= len(out[0].Text)
			if out[0].Footnote != "" {
				out[0].Text = ""
				break
			}
			out = out[1:]
			continue
		}
		out[0].Text = out[0].Text[n:]
		n = 0
	}
	return trimRuns(out)
}

var amountRE = `(\d{1,3}(?:\.\d{3})+|\d+)\s*(` + unitAlternation() + `|VNĐ|VND|đ)`

// unitAlternation is the regexp alternation of the money units
// (vntext.MoneyUnits), longest first so "nghìn đồng" wins over "đồng".
func unitAlternation() string {
	us := vntext.MoneyUnits()
	sort.SliceStable(us, func(i, j int) bool { return len(us[i].Name) > len(us[j].Name) })
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = regexp.QuoteMeta(u.Name)
	}
	return strings.Join(names, "|")
}

var (
	budgetHeadRE = regexp.MustCompile(`^([^:]{3,300}?)\s*:\s*` + amountRE + `\s*(?:\(([^()]*)\))?\s*(.*)$`)
	budgetItemRE = regexp.MustCompile(`^([^:]{2,300}?)\s*:\s*` + amountRE + `\s*(, trong đó:|;|\.|,)?\s*$`)
	headTailRE   = regexp.MustCompile(`^(?i:,?\s*(?:trong đó|chia ra|cụ thể|gồm|bao gồm)[^:]{0,20}:?|\.?)$`)
)

// unitOf is the budget unit of a matched unit word; VNĐ, VND and đ are
// đồng.
func unitOf(s string) string {
	if u, ok := vntext.LookupMoneyUnit(s); ok {
		return u.Name
	}
	return vntext.DefaultMoneyUnit
}

func parseAmount(s string) (int64, bool) {
	v, err := vntext.ParseUint(s)
	if err != nil || v > 1<<53 {
		return 0, false
	}
	return int64(v), true
}

// budgets finds amount lines under a stated total ("Ngân sách ...:
// 370.000.000 đồng (...), trong đó:" then "- ...: 70.000.000đ" lines) and
// turns them into a budget block when the parts add up to the total (and
// the words, when given, read the total). Otherwise the lines stay as
// printed and the report says why.
func (r *recogniser) budgets(us []unit, path string) []unit {
	var out []unit
	for i := 0; i < len(us); i++ {
		u := us[i]
		if u.kind != "para" {
			out = append(out, u)
			continue
		}
		m := budgetHeadRE.FindStringSubmatch(u.text())
		if m == nil || !headTailRE.MatchString(strings.TrimSpace(m[5])) {
			out = append(out, u)
			continue
		}
		total, ok := parseAmount(m[2])
		if !ok {
			out = append(out, u)
			continue
		}
		unitName := unitOf(m[3])
		b := &document.Budget{Label: strings.TrimSpace(m[1]), Total: &total, Unit: unitName, Words: strings.TrimSpace(m[4])}
		j := i + 1
		var parent *document.BudgetItem
		for j < len(us) {
			v := us[j]
			t := v.text()
			// "Trong đó:" between amount lines is the budget's own wording;
			// elsewhere ("Cụ thể như sau:" before a table) it is text.
			if v.kind == "para" && connectorRE.MatchString(t) && j+1 < len(us) && us[j+1].kind == "item" && budgetItemRE.MatchString(us[j+1].text()) {
				j++
				continue
			}
			if v.kind != "item" {
				break
			}
			im := budgetItemRE.FindStringSubmatch(t)
			if im == nil || unitOf(im[3]) != unitName {
				break
			}
			amt, ok := parseAmount(im[2])
			if !ok {
				break
			}
			it := document.BudgetItem{Text: strings.TrimSpace(im[1]), Amount: &amt}
			if v.depth == 0 || parent == nil {
				b.Items = append(b.Items, it)
				parent = &b.Items[len(b.Items)-1]
			} else {
				parent.Items = append(parent.Items, it)
			}
			j++
		}
		why := budgetAgrees(b)
		if why != "" {
			r.rep.guessedAt(path, u.src, u.text(), "Các dòng kinh phí giữ nguyên như in: "+why+".", "the budget lines were kept as printed: "+budgetWhyEN[why])
			out = append(out, u)
			continue
		}
		out = append(out, unit{kind: "budget", budget: b, src: u.src})
		r.rep.recognisedAt(path, u.src, u.text(), fmt.Sprintf("Kinh phí: %s %s, %d dòng chi tiết, khớp tổng.", vntext.FormatInt(total), unitName, len(b.Items)),
			fmt.Sprintf("budget: %s %s with %d line(s) that add up", vntext.FormatInt(total), unitName, len(b.Items)))
		i = j - 1
	}
	return out
}

var budgetWhyEN = map[string]string{
	"không có dòng chi tiết và không có số tiền bằng chữ": "no breakdown and no amount in words",
	"các khoản không cộng đúng tổng":                      "the parts do not add up to the total",
	"số tiền bằng chữ không khớp":                         "the amount in words does not match",
}

// budgetAgrees returns "" when b is safe to import as a budget block, or
// why not.
func budgetAgrees(b *document.Budget) string {
	if len(b.Items) == 0 && b.Words == "" {
		return "không có dòng chi tiết và không có số tiền bằng chữ"
	}
	if b.Words != "" {
		u, _ := vntext.LookupMoneyUnit(b.Unit)
		if dong, ok := u.InDong(*b.Total); !ok || !vntext.WordsEqual(b.Words, dong) {
			return "số tiền bằng chữ không khớp"
		}
	}
	if len(b.Items) > 0 {
		var sum int64
		for _, it := range b.Items {
			sum += *it.Amount
			if len(it.Items) > 0 {
				var sub int64
				for _, s := range it.Items {
					sub += *s.Amount
				}
				if sub != *it.Amount {
					return "các khoản không cộng đúng tổng"
				}
			}
		}
		if sum != *b.Total {
			return "các khoản không cộng đúng tổng"
		}
	}
	return ""
}

// body reads the body zone: bases and intro before the first heading,
// the tree, and the closing paragraphs after the last heading's content.
func (r *recogniser) body(ls []line) {
	d := r.d
	us := r.classify(r.assemble(ls))
	us = r.budgets(us, "/body")
	first := len(us)
	for k, u := range us {
		// The body starts at the first heading, item or table, or at the
		// first article ("Điều 1.") of a quyết định.
		if u.kind == "heading" || u.kind == "item" || u.kind == "table" || u.kind == "budget" || (u.table == nil && dieuRE.MatchString(u.text())) {
			first = k
			break
		}
	}
	hasHeadings := first < len(us)
	// Bases and intro.
	pre := r.formOpening(r.competence(us[:first]))
	introStarted := false
	baseAt, introAt := -1, -1
	var rest []unit
	for k, u := range pre {
		t := u.text()
		// "Xét đề nghị ..." / "Theo đề nghị ..." closes the căn cứ lines of
		// a quyết định or tờ trình with a full stop: a base after a base.
		afterBase := len(d.Bases) > 0 && (strings.HasPrefix(t, "Theo đề nghị") || strings.HasPrefix(t, "Xét"))
		isBase := u.style == "VbCanCu" || (!r.vbStyles && !introStarted &&
			(strings.HasPrefix(t, "Căn cứ") || afterBase || ((strings.HasPrefix(t, "Thực hiện") || strings.HasPrefix(t, "Theo") || strings.HasPrefix(t, "Xét")) && strings.HasSuffix(t, ";"))))
		if isBase {
			if len(d.Bases) == 0 {
				baseAt = u.src
			}
			r.rep.place(u.src, "/bases/"+strconv.Itoa(len(d.Bases)))
			d.Bases = append(d.Bases, document.Text(u.runs))
			continue
		}
		if !hasHeadings || textFirst(d.Type) {
			rest = append(rest, pre[k:]...)
			break
		}
		introStarted = true
		if len(d.Intro) == 0 {
			introAt = u.src
		}
		r.rep.place(u.src, "/intro/"+strconv.Itoa(len(d.Intro)))
		d.Intro = append(d.Intro, document.Text(u.runs))
	}
	if len(d.Bases) > 0 {
		r.rep.recognisedAt("/bases", baseAt, d.Bases[0].Plain(), fmt.Sprintf("Căn cứ ban hành: %d dòng.", len(d.Bases)), fmt.Sprintf("%d căn cứ line(s)", len(d.Bases)))
	}
	if len(d.Intro) > 0 {
		r.rep.recognisedAt("/intro", introAt, d.Intro[0].Plain(), fmt.Sprintf("Đoạn mở đầu: %d đoạn.", len(d.Intro)), fmt.Sprintf("%d intro paragraph(s)", len(d.Intro)))
	}
	main := append(rest, us[first:]...)
	// Closing: trailing paragraphs after the last heading, from the first
	// one that reads like a closing ("Trên đây là ...").
	lastStruct := -1
	for k, u := range main {
		if u.kind != "para" {
			lastStruct = k
		}
	}
	closeAt := len(main)
	for k := lastStruct + 1; k < len(main); k++ {
		// A form's own closing words ("Nghị quyết này được … thông qua
		// …") written as the only text of the last article ("Điều 3.
		// Hiệu lực thi hành") are that article's text, as offices also
		// write them: only a generic cue opens a closing there.
		if k == lastStruct+1 && lastStruct >= 0 && main[lastStruct].kind == "heading" && strings.HasPrefix(main[lastStruct].label, "Điều") && !closingCueRE.MatchString(main[k].text()) {
			continue
		}
		if r.formClosing(main[k].text()) {
			closeAt = k
			break
		}
	}
	if n := len(main); !r.vbStyles && !openingForm(d.Type) && closeAt == n && n > 0 && lastStruct < n-1 {
		// The body's last sentence, the one that carries the final "./.",
		// addressing the recipients ("Sở ... thông báo cho các đơn vị
		// được biết và thực hiện./.", "đề nghị ... xem xét./."), is the
		// closing, not a paragraph of the last khoản.
		if t := strings.TrimSpace(main[n-1].text()); (strings.HasSuffix(t, "/.") || strings.HasSuffix(t, "./")) && finalCueRE.MatchString(t) {
			closeAt = n - 1
		}
	}
	for _, u := range main[closeAt:] {
		r.rep.place(u.src, "/closing/"+strconv.Itoa(len(d.Closing)))
		d.Closing = append(d.Closing, document.Text(u.runs))
	}
	if len(d.Closing) > 0 {
		r.rep.recognisedAt("/closing", main[closeAt].src, d.Closing[0].Plain(), fmt.Sprintf("Đoạn kết: %d đoạn.", len(d.Closing)), fmt.Sprintf("%d closing paragraph(s)", len(d.Closing)))
	}
	d.Body = r.tree(main[:closeAt], "/body")
	if len(d.Body) > 0 {
		b := main[:closeAt]
		r.rep.recognisedAt("/body", b[0].src, b[0].text(), fmt.Sprintf("Nội dung: %d phần ở cấp đầu (mục, đoạn, bảng), giữ thứ bậc như viết.", len(d.Body)),
			fmt.Sprintf("body: %d top-level part(s) (headings, paragraphs, tables), the ladder kept as written", len(d.Body)))
	}
	r.stripFinalMark()
}

// decisionLineRE: the centred line between the căn cứ and the articles
// of a quyết định or nghị quyết, "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:", also
// spaced out ("Q U Y Ế T  Đ Ị N H:") or without its colon.
var decisionLineRE = regexp.MustCompile(`^(?:Q\s*U\s*Y\s*Ế\s*T\s+(?:Đ\s*Ị\s*N\s*H|N\s*G\s*H\s*Ị))\s*:?$`)

// competence takes the thẩm quyền lines off the preamble pre of a
// document whose form has them (Mẫu 1.1–1.3: quyết định, nghị quyết;
// compose.DecisionLine names them): the lines in capitals above the first
// "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "ỦY BAN NHÂN DÂN TỈNH …",
// "GIÁM ĐỐC SỞ …", wrapped or not) go to competence, and the
// "QUYẾT ĐỊNH:" line, which the system prints, is listed as dropped.
// Anything else stays in the preamble for bases and intro.
func (r *recogniser) competence(pre []unit) []unit {
	d := r.d
	if compose.DecisionLine(d.Type) == "" {
		return pre
	}
	out := pre[:0:0]
	lead := true
	for k, u := range pre {
		t := strings.TrimSpace(u.text())
		switch {
		case u.table != nil:
		case decisionLineRE.MatchString(t):
			r.rep.drop(u.src, t, true, "Dòng \""+t+"\": hệ thống tự in giữa căn cứ và các điều.", "the \""+t+"\" line: the system prints it between the căn cứ and the articles")
			continue
		case lead && isCaps(t) && len(d.Competence) < 4 && competenceBefore(pre[k+1:]):
			ls := sessionLines(t)
			d.Competence = append(d.Competence, ls...)
			r.rep.recognisedAt("/competence", u.src, t, "Thẩm quyền ban hành: "+strings.Join(ls, " / ")+".", "issuing competence: "+strings.Join(ls, " / "))
			continue
		}
		lead = false
		out = append(out, u)
	}
	return out
}

// competenceBefore: the units after a capitals line are more capitals
// lines and then a căn cứ, so the line heads the căn cứ as a thẩm quyền
// line does.
func competenceBefore(us []unit) bool {
	for _, u := range us {
		t := strings.TrimSpace(u.text())
		switch {
		case u.table != nil:
			return false
		case strings.HasPrefix(t, "Căn cứ"):
			return true
		case !isCaps(t):
			return false
		}
	}
	return false
}

// stripFinalMark removes the "./." the system prints after the last
// sentence; the model stores the sentence without it.
func (r *recogniser) stripFinalMark() {
	d := r.d
	var t *document.Text
	path := "/body"
	switch {
	case len(d.Closing) > 0:
		t = &d.Closing[len(d.Closing)-1]
		path = "/closing/" + strconv.Itoa(len(d.Closing)-1)
	default:
		t = lastText(d.Body)
	}
	if t == nil {
		return
	}
	if src := t.Plain(); cutFinalMark(t) {
		r.rep.recognisedFrom(path, src, "Dấu kết thúc \"./.\" đã bỏ (hệ thống tự in).", "the final \"./.\" was removed (the system prints it)")
	}
}

// cutFinalMark removes a "./." (or its slips "/." and "./") from the end
// of t, leaving the sentence's own full stop, and reports whether it did.
func cutFinalMark(t *document.Text) bool {
	if t == nil || len(*t) == 0 {
		return false
	}
	last := &(*t)[len(*t)-1]
	s := strings.TrimRight(last.Text, " \t")
	for _, mark := range []string{"./.", "/.", "./"} {
		if strings.HasSuffix(s, mark) {
			last.Text = strings.TrimSuffix(s, mark) + "."
			if strings.HasSuffix(last.Text, "..") && !strings.HasSuffix(last.Text, "...") {
				last.Text = strings.TrimSuffix(last.Text, ".")
			}
			return true
		}
	}
	return false
}

func lastText(bs []document.Block) *document.Text {
	if len(bs) == 0 {
		return nil
	}
	b := &bs[len(bs)-1]
	switch {
	case b.Heading != nil:
		if t := lastText(b.Heading.Children); t != nil {
			return t
		}
		return &b.Heading.Title
	case b.Item != nil:
		if t := lastText(b.Item.Children); t != nil {
			return t
		}
		return &b.Item.Text
	case b.Paragraph != nil:
		return b.Paragraph
	}
	return nil
}

// levelOf ranks label kinds for the tree: a division (Chương, Mục,
// Phần) holds articles; an article (Điều) holds khoản and điểm as a mục
// does.
var levelOf = map[string]int{"division": 0, "article": 1, "roman": 1, "arabic": 2, "decimal": 3, "letter": 5}

// tree builds the block tree from classified units with a stack of open
// headings: a heading closes every open heading at its level or deeper; a
// "-" item goes under the innermost heading, a "+" item under the last
// "-" item.
func (r *recogniser) tree(us []unit, path string) []document.Block {
	type open struct {
		level int
		h     *document.Heading
		ptr   string // the heading block's JSON Pointer, for the report
	}
	var root []document.Block
	var stack []open
	var lastDash *document.Item
	container := func() *[]document.Block {
		if n := len(stack); n > 0 {
			return &stack[n-1].h.Children
		}
		return &root
	}
	// next is the pointer of the block about to be added to container().
	next := func() string {
		if n := len(stack); n > 0 {
			return stack[n-1].ptr + "/heading/children/" + strconv.Itoa(len(stack[n-1].h.Children))
		}
		return path + "/" + strconv.Itoa(len(root))
	}
	lastDashPtr, lastTablePtr := "", ""
	var pendingUnit, pendingTitle string
	// lastTable is the table just placed: the notes and the "Bằng chữ"
	// line printed under it belong to it.
	var lastTable *document.Table
	for k := range us {
		u := &us[k]
		if lastTable != nil && u.kind != "table" && r.underTable(lastTable, u, lastTablePtr) {
			continue
		}
		lastTable = nil
		if u.kind != "table" && u.style == string(compose.StyleTableTitle) && nextTable(us, k) {
			pendingTitle = wholeText(u)
			continue
		}
		switch u.kind {
		case "heading":
			lvl := levelOf[u.lkind]
			if u.lkind == "decimal" {
				lvl = 1 + strings.Count(strings.TrimSuffix(u.label, "."), ".") + 1
				r.d.Options.Numbering = "decimal"
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= lvl {
				stack = stack[:len(stack)-1]
			}
			h := &document.Heading{Label: u.label, Title: document.Text(u.runs), Plain: u.plain}
			var runIn []document.Run
			if u.lkind == "roman" && !r.docx {
				h.Title, runIn = splitRunIn(u.runs)
			}
			ptr := next()
			r.rep.place(u.src, ptr)
			c := container()
			*c = append(*c, document.Block{Heading: h})
			h = (*c)[len(*c)-1].Heading
			stack = append(stack, open{lvl, h, ptr})
			lastDash = nil
			if runIn != nil {
				h.Children = append(h.Children, document.Block{Paragraph: ptrText(runIn)})
				r.rep.guessedAt(ptr, u.src, u.label+" "+document.Text(u.runs).Plain(), "Mục \""+u.label+"\" có câu viết liền sau tiêu đề: tách thành đoạn văn.", "heading \""+u.label+"\" had running text after its title: split into a paragraph")
			}
		case "item":
			it := &document.Item{Text: document.Text(u.runs), Marker: u.marker}
			if u.depth > 0 && lastDash != nil {
				r.rep.place(u.src, lastDashPtr+"/item/children/"+strconv.Itoa(len(lastDash.Children)))
				lastDash.Children = append(lastDash.Children, document.Block{Item: it})
				continue
			}
			ptr := next()
			r.rep.place(u.src, ptr)
			if u.depth > 0 && (k == 0 || us[k-1].kind != "item" || us[k-1].depth == 0) {
				// A "+" list straight under a heading or a paragraph: the
				// model nests "+" only under "-", so it prints as "-".
				r.rep.guessedAt(ptr, u.src, "+ "+it.Text.Plain(), "Dòng \"+\" không nằm dưới một dòng \"-\": in thành gạch đầu dòng \"-\".",
					"a \"+\" line not under a \"-\" line: printed as a \"-\" item")
			}
			c := container()
			*c = append(*c, document.Block{Item: it})
			lastDash, lastDashPtr = (*c)[len(*c)-1].Item, ptr
			if u.depth > 0 {
				// The "+" lines that follow stay its siblings.
				lastDash = nil
			}
		case "para":
			t := u.text()
			if unitLineRE.MatchString(t) && k+1 < len(us) && us[k+1].kind == "table" {
				pendingUnit = t
				continue
			}
			r.rep.place(u.src, next())
			c := container()
			*c = append(*c, document.Block{Paragraph: ptrText(u.runs)})
			lastDash = nil
		case "table":
			ptr := next()
			n0 := r.rep.mark()
			t := u.table.model(ptr+"/table", r.rep)
			r.rep.sourceSince(n0, u.src, u.table.text())
			if t == nil {
				r.rep.drop(u.src, u.table.text(), false, "Bảng không có cột nào đọc được: không nhập được, cần thêm lại.", "a table with no readable column: not imported; add it back")
				continue
			}
			if f := u.table.reformatted; len(f) > 0 {
				r.rep.drop(u.src, strings.Join(f, " "), false,
					fmt.Sprintf("%d số trong bảng ghi khác cách hệ thống in (ví dụ %q in là %q): mô hình chưa giữ số chữ số thập phân của cột.", len(f), f[0], printedNumber(mustNumber(f[0]))),
					fmt.Sprintf("%d number(s) in the table are written otherwise than the system prints them (e.g. %q prints %q): the model keeps no decimal places per column yet", len(f), f[0], printedNumber(mustNumber(f[0]))))
			}
			t.Unit = pendingUnit
			t.Title = pendingTitle
			pendingUnit, pendingTitle = "", ""
			lastTable = t
			c := container()
			*c = append(*c, document.Block{Table: t})
			lastTable, lastTablePtr = (*c)[len(*c)-1].Table, ptr+"/table"
			lastDash = nil
			r.rep.recognisedAt(ptr+"/table", u.src, short80(u.table.text()), fmt.Sprintf("Bảng: %d cột, %d dòng%s.", len(leafPtrs(t.Columns)), len(t.Rows), describeVI(t)), fmt.Sprintf("table: %d column(s), %d row(s)%s", len(leafPtrs(t.Columns)), len(t.Rows), describeEN(t)))
		case "budget":
			r.rep.place(u.src, next())
			c := container()
			*c = append(*c, document.Block{Budget: u.budget})
			lastDash = nil
		}
	}
	return root
}

// underTable takes a paragraph printed under table t: the "Bằng chữ: …"
// line when it spells an amount of a total row, or a note in the table
// note style vanban writes (VbGhiChu). It reports whether it took it.
func (r *recogniser) underTable(t *document.Table, u *unit, path string) bool {
	text := wholeText(u)
	if strings.HasPrefix(vntext.Lower(strings.TrimLeft(text, "( ")), "bằng chữ") && t.Words == nil {
		if w := tableWords(t, text, r.d.Options); w != nil {
			t.Words = w
			r.rep.recognisedAt(path, u.src, text, "Dòng \"Bằng chữ\" dưới bảng: đọc từ số tiền của dòng tổng.", "the \"Bằng chữ\" line under the table: read from the amount of its total row")
			return true
		}
	}
	if u.style == string(compose.StyleTableNote) {
		runs := u.whole
		if len(runs) == 0 {
			runs = u.runs
		}
		t.Notes = append(t.Notes, document.Text(trimRuns(runs)))
		return true
	}
	return false
}

// nextTable: the unit after k is a table, or a unit line ("ĐVT: …") and
// then a table.
func nextTable(us []unit, k int) bool {
	for i := k + 1; i < len(us) && i <= k+2; i++ {
		if us[i].kind == "table" {
			return true
		}
		if !unitLineRE.MatchString(us[i].text()) {
			return false
		}
	}
	return false
}

// wholeText is a unit's text as written, label included.
func wholeText(u *unit) string {
	if len(u.whole) > 0 {
		return strings.TrimSpace(document.Text(u.whole).Plain())
	}
	return u.text()
}

// describeVI and describeEN name the structure read into a table for the
// report: its section rows, total rows and formulas.
func describeVI(t *document.Table) string {
	sec, tot, f := tableCounts(t)
	if sec+tot+f == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d dòng mục có tổng riêng, %d dòng tổng, %d công thức khớp số liệu)", sec, tot, f)
}

func describeEN(t *document.Table) string {
	sec, tot, f := tableCounts(t)
	if sec+tot+f == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d section row(s) with subtotals, %d total row(s), %d formula(s) the numbers agree with)", sec, tot, f)
}

func ptrText(rs []document.Run) *document.Text {
	t := document.Text(rs)
	return &t
}

// splitRunIn splits "KINH PHÍ: Kinh phí thực hiện ..." into the title in
// capitals and the sentence run in after it.
func splitRunIn(rs []document.Run) (document.Text, []document.Run) {
	t := strings.TrimSpace(document.Text(rs).Plain())
	head, tail, ok := strings.Cut(t, ":")
	tail = strings.TrimSpace(tail)
	if !ok || tail == "" || !isCaps(head) || isCaps(tail) || len(rs) != 1 {
		return document.Text(rs), nil
	}
	return document.Text{{Text: strings.TrimSpace(head) + ":", Bold: rs[0].Bold, Italic: rs[0].Italic}},
		[]document.Run{{Text: tail}}
}

// streamCells reads lines closed by cell breaks into cells; it reports
// false when the lines are not such a stream.
func streamCells(ls []line) ([]string, bool) {
	breaks := 0
	for _, l := range ls {
		if l.cellEnd && l.table == nil && l.style == "" {
			breaks++
		}
	}
	if breaks < 4 {
		return nil, false
	}
	var cells []string
	var cur []string
	for _, l := range ls {
		if l.table != nil {
			return nil, false
		}
		if t := l.text(); t != "" {
			cur = append(cur, t)
		}
		if l.cellEnd {
			cells = append(cells, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		cells = append(cells, strings.Join(cur, " "))
	}
	return cells, true
}

func mustNumber(s string) float64 {
	f, _ := parseCellNumber(s)
	return f
}
