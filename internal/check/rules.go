package check

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// The numbers of NĐ30 Phụ lục I the rules measure (nd30-rules.md §1-§9).
const (
	mm          = 72 / 25.4
	a4W, a4H    = 595.28, 841.89
	pageTol     = 2.0 // points
	marginTol   = 1.0 // points
	bodyChars   = 120 // a paragraph longer than this reads as body text
	bodyShare   = 0.9 // share of body paragraphs that must follow §3
	headBlocks  = 15  // the header block lies in the first paragraphs
	tieuNgu     = "Độc lập - Tự do - Hạnh phúc"
	refMargins  = "NĐ30 Phụ lục I §1 (định lề)"
	refPage     = "NĐ30 Phụ lục I §1 (khổ giấy A4)"
	refFont     = "NĐ30 Phụ lục I §1 (phông Times New Roman, Unicode TCVN 6909:2001)"
	refSizes    = "NĐ30 Phụ lục I §2 (cỡ chữ theo ô)"
	refBody     = "NĐ30 Phụ lục I §3 (nội dung)"
	refPageNum  = "NĐ30 Phụ lục I §4 (số trang)"
	refHeader   = "NĐ30 Phụ lục I §2 ô 1-2, §11 (Quốc hiệu, Tiêu ngữ, tên cơ quan)"
	refSo       = "NĐ30 Phụ lục I §6 (số, ký hiệu)"
	refDate     = "NĐ30 Phụ lục I §5 (địa danh, ngày tháng)"
	refTitle    = "NĐ30 Phụ lục I §2 ô 5a/5b (tên loại, trích yếu)"
	refRecip    = "NĐ30 Phụ lục I §7 (nơi nhận)"
	refSign     = "NĐ30 Phụ lục I §8 (chữ ký, quyền hạn)"
	refAppendix = "NĐ30 Phụ lục I §9 (phụ lục)"
)

type rng struct{ lo, hi float64 }

func (r rng) has(v float64) bool { return v >= r.lo-0.01 && v <= r.hi+0.01 }
func (r rng) String() string {
	if r.lo == r.hi {
		return fmt.Sprintf("%g pt", r.lo)
	}
	return fmt.Sprintf("%g-%g pt", r.lo, r.hi)
}

var (
	qhPT, tnPT, datePT, titlePT = rng{12, 13}, rng{13, 14}, rng{13, 14}, rng{13, 14}
	vvPT, bodyPT, nnPT, recPT   = rng{12, 13}, rng{13, 14}, rng{12, 12}, rng{11, 11}
	signPT, anyPT               = rng{13, 14}, rng{10, 14}
	marginsMM                   = map[string]rng{"top": {20, 25}, "bottom": {20, 25}, "left": {30, 35}, "right": {15, 20}}
)

var (
	// Loose on HÒA's marks: "CỘNG HÕA" (a bad conversion) is a Quốc hiệu to fix, not a missing one.
	quocHieuRe = regexp.MustCompile(`(?i)cộng\s*h\pL{1,3}\s*xã\s*hội\s*chủ\s*nghĩa\s*việt\s*nam`)
	quocHieuOK = regexp.MustCompile(`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM`)
	dashes     = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
	tieuNguRe  = regexp.MustCompile(`(?i)độc\s*lập\s*[-` + dashes + `]?\s*tự\s*do\s*[-` + dashes + `]?\s*hạnh\s*phúc`)
	soRe       = regexp.MustCompile(`^\s*Số(\s*)(:?)\s*(\d*)\s*(/?)\s*(\S*)`)
	soStartRe  = regexp.MustCompile(`^\s*Số\s*(?:[:/\d]|$)`)
	blank      = `[\s.…_]*`
	dateRe     = regexp.MustCompile(`([^\s,:;\t\d][^,:;\t\n]*?)\s*,\s*ngày(` + blank + `\d{0,2}` + blank + `)tháng(` + blank + `\d{0,2}` + blank + `)năm(` + blank + `\d{0,4}` + blank + `)`)
	vvRe       = regexp.MustCompile(`(^|\s)V/v\b`)
	noiNhanRe  = regexp.MustCompile(`(?i)^\s*Nơi\s+nhận\s*:?`)
	luuRe      = regexp.MustCompile(`^-?\s*Lưu\s*:`)
	authRe     = authorityRe()
	appendixRe = regexp.MustCompile(`^\s*(PHỤ\s+LỤC|Phụ\s+lục)(\s+[IVXLC0-9]+)?\s*[.:]?\s*$`)
)

// authorityRe matches a line that starts with a quyền hạn ký (TM., KT. …),
// read from the one list in document.
func authorityRe() *regexp.Regexp {
	var alts []string
	for _, p := range document.AuthorityPrefixes() {
		alts = append(alts, regexp.QuoteMeta(p.Prefix))
	}
	return regexp.MustCompile(`^(` + strings.Join(alts, "|") + `)\s*\S`)
}

// docTypeNames are the Phụ lục III names in capitals, as a title prints
// them, from the one table in document.
var docTypeNames = func() []string {
	var out []string
	for _, t := range document.Types {
		out = append(out, vntext.Upper(t.Name))
	}
	return out
}()

// summaryOptional: the type name t (as printed, possibly with a qualifier:
// "GIẤY MỜI HỌP") is a form that may have no trích yếu.
func summaryOptional(t string) bool {
	t = vntext.Upper(strings.TrimSpace(t))
	for _, ty := range document.Types {
		n := vntext.Upper(ty.Name)
		if ty.SummaryOptional() && (t == n || strings.HasPrefix(t, n+" ")) {
			return true
		}
	}
	return false
}

// reviewer collects findings over one doc.
type reviewer struct {
	d   *doc
	out []Finding
}

func (r *reviewer) add(sev Severity, rule, element string, page int, ref, want, have string, a ...any) {
	r.out = append(r.out, Finding{Rule: rule, Element: element, Have: fmt.Sprintf(have, a...), Want: want, Ref: ref, Page: page, Severity: sev})
}

// layoutRules are every rule on the neutral model, in report order.
var layoutRules = []func(*reviewer){
	pageSize, margins, fontFamily, fontEmbedded, fontColor, fontSizes, headerBlock, title, body, pageNumbers,
	recipients, recipientLines, signature, appendices,
}

func pageSize(r *reviewer) {
	for i, s := range r.d.sections {
		el, page := r.sectionName(i)
		w, h := s.Width, s.Height
		if w == 0 || h == 0 {
			continue
		}
		if w > h {
			w, h = h, w
		}
		if math.Abs(w-a4W) > pageTol || math.Abs(h-a4H) > pageTol {
			r.add(SendBack, "page.size", el, page, refPage, "A4, 210 × 297 mm", "%.0f × %.0f mm", s.Width/mm, s.Height/mm)
		}
	}
}

func (r *reviewer) sectionName(i int) (string, int) {
	if r.d.format == "pdf" {
		return fmt.Sprintf("page %d", i+1), i + 1
	}
	return fmt.Sprintf("section %d", i+1), 0
}

func margins(r *reviewer) {
	if r.d.format == "pdf" {
		pdfMargins(r)
		return
	}
	for i, s := range r.d.sections {
		el, _ := r.sectionName(i)
		if !s.Known {
			r.add(Fix, "page.margins", el, 0, refMargins, "margins set: top/bottom 20-25, left 30-35, right 15-20 mm", "no w:pgMar (the editor's defaults apply)")
			continue
		}
		got := map[string]float64{"top": s.Top, "bottom": s.Bottom, "left": s.Left, "right": s.Right}
		bad := marginProblems(got)
		if s.Width > s.Height && len(bad) > 0 {
			// Landscape: Word keeps the margins as typed, or the clerk turns
			// them with the page (binding edge on top); either is NĐ30's.
			turned := map[string]float64{"left": s.Top, "right": s.Bottom, "top": s.Left, "bottom": s.Right}
			if len(marginProblems(turned)) == 0 {
				bad = nil
			}
		}
		for _, side := range bad {
			want := marginsMM[side]
			r.add(Fix, "page.margins", el+" "+side+" margin", 0, refMargins,
				fmt.Sprintf("%g-%g mm", want.lo, want.hi), "%.1f mm", got[side]/mm)
		}
	}
}

// headerOverhangMM is how far the header block's agency column may reach
// into the left margin (see pdfMargins).
const headerOverhangMM = 5.0

// marginProblems lists the sides outside NĐ30's range (margins in points).
func marginProblems(got map[string]float64) []string {
	var out []string
	for _, side := range []string{"top", "bottom", "left", "right"} {
		want := marginsMM[side]
		if v := got[side] / mm; v < want.lo-0.5 || v > want.hi+0.5 {
			out = append(out, side)
		}
	}
	return out
}

// pdfMargins: a PDF has no margins, only ink; text closer to an edge than
// the smallest margin is a margin too small.
//
// The header block is the exception: offices let its table reach a few
// millimetres into the left margin rather than break an agency line or the
// Quốc hiệu (Word's default table indent does it too), so the agency
// column's lines beside the Quốc hiệu and Tiêu ngữ are allowed
// headerOverhangMM more.
func pdfMargins(r *reviewer) {
	for i, s := range r.d.sections {
		headerBottom := math.Inf(-1)
		vv := false
		for _, p := range r.d.paras {
			if p.Page != i+1 {
				continue
			}
			if math.IsInf(headerBottom, -1) {
				if tieuNguRe.MatchString(p.Text) {
					// the Số line and a third agency line sit up to two lines below
					headerBottom = p.Y0 + 2.5*p.Size
				}
				continue
			}
			// The công văn's V/v lines (ô 5b) are rows of the same header
			// table, under the Số line: the same overhang applies to them.
			if strings.HasPrefix(p.Text, "V/v") {
				vv = true
			}
			if !vv {
				continue
			}
			if p.X1 >= s.Width/2 {
				break
			}
			headerBottom = math.Max(headerBottom, p.Y0+0.5*p.Size)
		}
		var lo, hi, top, bot = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, p := range r.d.paras {
			if p.Page == i+1 {
				x0 := p.X0
				if p.Y0 <= headerBottom && p.X1 < s.Width/2 {
					x0 += headerOverhangMM * mm
				}
				lo, hi = math.Min(lo, x0), math.Max(hi, p.X1)
				top, bot = math.Min(top, p.Y0), math.Max(bot, p.Y0+p.Size)
			}
		}
		if math.IsInf(lo, 1) {
			continue
		}
		l, rt, t, b := marginsMM["left"], marginsMM["right"], marginsMM["top"], marginsMM["bottom"]
		if s.Width > s.Height {
			// A landscape page may be drawn turned (/Rotate) or not; only
			// the smallest margin of any side is sure.
			l, rt, t, b = marginsMM["right"], marginsMM["right"], marginsMM["right"], marginsMM["right"]
		}
		check := func(side string, gap float64, want rng) {
			if gap/mm < want.lo-1.5 {
				r.add(Fix, "page.margins", fmt.Sprintf("page %d %s margin", i+1, side), i+1, refMargins,
					fmt.Sprintf("%g-%g mm", want.lo, want.hi), "text %.1f mm from the edge", gap/mm)
			}
		}
		check("left", lo, l)
		check("right", s.Width-hi, rt)
		check("top", top, t)
		check("bottom", s.Height-bot, b)
	}
}

// timesLike: Times New Roman and its metric clones (same widths, so the
// same line breaks).
func timesLike(f string) bool {
	k := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(baseFont(f)))
	for _, t := range []string{"timesnewroman", "liberationserif", "tinos", "nimbusrom", "texgyretermes", "termes", "freeserif", "times"} {
		if strings.HasPrefix(k, t) {
			return true
		}
	}
	return false
}

var legacyFont = regexp.MustCompile(`(?i)^(\.vn|vni[-_ ]|vn[-_ ]?times|vntime)`)

func fontFamily(r *reviewer) {
	seen := map[string]bool{}
	for i, p := range r.d.paras {
		for _, f := range p.Fonts {
			if f == "" || seen[f] || timesLike(f) || strings.TrimSpace(p.Text) == "" {
				continue
			}
			seen[f] = true
			sev := Fix
			if legacyFont.MatchString(f) {
				sev = SendBack
			}
			r.add(sev, "font.family", r.paraName(i), p.Page, refFont, "Times New Roman (or a metric clone)", "%s in %q", f, snip(p.Text, 40))
		}
	}
}

// standard14 are the PDF standard fonts a reader draws with its own
// stand-ins (and Arial, Courier New as their aliases).
var standard14 = regexp.MustCompile(`(?i)^(times-(roman|bold|italic|bolditalic)|helvetica|courier|symbol|zapfdingbats|arial|couriernew)`)

// unsubset strips a font subset tag ("ABCDEF+").
func unsubset(f string) string {
	if i := strings.IndexByte(f, '+'); i == 6 {
		return f[7:]
	}
	return f
}

// fontEmbedded: a PDF prints as written only with its fonts in it; a font
// left out, or a standard-14 name, is drawn with whatever the reader has.
func fontEmbedded(r *reviewer) {
	seen := map[string]bool{}
	for _, f := range r.d.fonts {
		name := baseFont(f.Name)
		if seen[name] {
			continue
		}
		switch {
		case !f.Embedded:
			r.add(Fix, "font.embedded", "font "+name, 0, refFont, "every font embedded in the PDF", "%s not embedded", f.Name)
		case standard14.MatchString(strings.ReplaceAll(unsubset(f.Name), " ", "")):
			r.add(Fix, "font.embedded", "font "+name, 0, refFont, "Times New Roman embedded, not a standard-14 font", "standard font %s", f.Name)
		default:
			continue
		}
		seen[name] = true
	}
}

// fontColor: NĐ30 prints in black; a run coloured in the DOCX (a pasted
// link, a reviewer's red) prints in colour. Reported once a colour.
func fontColor(r *reviewer) {
	seen := map[string]bool{}
	for i, p := range r.d.paras {
		if p.Color == "" || seen[p.Color] {
			continue
		}
		seen[p.Color] = true
		r.add(Fix, "font.color", r.paraName(i), p.Page, refFont, "black (màu đen)", "colour %s in %q", p.Color, snip(p.Text, 40))
	}
}

func (r *reviewer) paraName(i int) string {
	return fmt.Sprintf("paragraph %d", i+1)
}

func snip(s string, n int) string {
	s = strings.TrimSpace(s)
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}

func fontSizes(r *reviewer) {
	n := 0
	for i, p := range r.d.paras {
		if p.Size == 0 || anyPT.has(p.Size) || strings.TrimSpace(p.Text) == "" || bareNum.MatchString(p.Text) {
			continue
		}
		if n++; n <= 3 {
			r.add(Cosmetic, "font.size", r.paraName(i), p.Page, refSizes, anyPT.String(), "%g pt in %q", p.Size, snip(p.Text, 40))
		}
	}
}

// find returns the index of the first paragraph within the first limit
// whose text matches.
func (r *reviewer) find(re *regexp.Regexp, from, limit int) int {
	for i := from; i < len(r.d.paras) && i < from+limit; i++ {
		if re.MatchString(r.d.paras[i].Text) {
			return i
		}
	}
	return -1
}

func (r *reviewer) size(el string, i int, want rng, sev Severity, ref string) {
	p := r.d.paras[i]
	if p.Size > 0 && !want.has(p.Size) {
		r.add(sev, "font.size", el, p.Page, ref, want.String(), "%g pt", p.Size)
	}
}

func headerBlock(r *reviewer) {
	qh := r.find(quocHieuRe, 0, headBlocks)
	if qh < 0 {
		r.add(SendBack, "header.quochieu", "Quốc hiệu", 1, refHeader, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "none in the header block")
	} else {
		p := r.d.paras[qh]
		if !quocHieuOK.MatchString(p.Text) {
			r.add(Fix, "header.quochieu", "Quốc hiệu", p.Page, refHeader, "exactly CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, in capitals", "%q", snip(p.Text, 60))
		}
		if !p.Bold {
			r.add(Fix, "header.quochieu", "Quốc hiệu", p.Page, refHeader, "bold", "not bold")
		}
		r.size("Quốc hiệu", qh, qhPT, Cosmetic, refHeader)
	}
	tn := r.find(tieuNguRe, 0, headBlocks)
	if tn < 0 {
		r.add(SendBack, "header.tieungu", "Tiêu ngữ", 1, refHeader, tieuNgu, "none in the header block")
	} else {
		p := r.d.paras[tn]
		got := tieuNguRe.FindString(p.Text)
		if got != tieuNgu {
			why := "text differs"
			if strings.ContainsAny(got, dashes) {
				why = "a dash other than '-' (U+002D)"
			} else if strings.EqualFold(got, tieuNgu) {
				why = "capitals differ"
			} else if strings.Count(got, " - ") != 2 {
				why = "not one space each side of '-'"
			}
			r.add(Fix, "header.tieungu", "Tiêu ngữ", p.Page, refHeader, strconv.Quote(tieuNgu), "%q: %s", got, why)
		}
		if !p.Bold {
			r.add(Fix, "header.tieungu", "Tiêu ngữ", p.Page, refHeader, "bold", "not bold")
		}
		r.size("Tiêu ngữ", tn, tnPT, Cosmetic, refHeader)
		if p.Known && !p.RuleBelow {
			if r.typedRule(tn) {
				r.add(Cosmetic, "header.rule", "Tiêu ngữ", p.Page, refHeader, "a solid rule under the Tiêu ngữ", "a row of dashes typed as the rule")
			} else {
				r.add(Fix, "header.rule", "Tiêu ngữ", p.Page, refHeader, "a rule under the Tiêu ngữ", "no rule (border, line or underline)")
			}
		}
	}
	so := r.find(soStartRe, 0, headBlocks+5)
	if so < 0 {
		r.add(Fix, "header.so", "Số, ký hiệu", 1, refSo, "'Số: …/…'", "no 'Số:' line")
	} else {
		p := r.d.paras[so]
		if p.Known {
			// The agency's name is what stands above Số in its cell; a rule
			// is drawn under it.
			ruled, typed, any := false, false, false
			for j := so - 1; j >= 0 && j >= so-6; j-- {
				q := r.d.paras[j]
				if q.Table == p.Table && q.Cell == p.Cell && q.Table > 0 && !quocHieuRe.MatchString(q.Text) && !tieuNguRe.MatchString(q.Text) {
					any = true
					ruled = ruled || q.RuleBelow
					typed = typed || r.typedRule(j)
				}
			}
			switch {
			case any && !ruled && typed:
				r.add(Cosmetic, "header.rule", "tên cơ quan", p.Page, refHeader, "a solid rule under the issuing body's name", "a row of dashes typed as the rule")
			case any && !ruled:
				r.add(Fix, "header.rule", "tên cơ quan", p.Page, refHeader, "a rule under the issuing body's name", "no rule")
			}
		}
		text := p.Text
		// A number stamped into the blank leaves a gap a PDF line splits
		// at ("Số: 453      /TB-UBND"): the ký hiệu is the next piece.
		if so+1 < len(r.d.paras) {
			if q := r.d.paras[so+1]; r.d.format == "pdf" && q.Page == p.Page && math.Abs(q.Y0-p.Y0) < 3 && strings.HasPrefix(q.Text, "/") {
				text += q.Text
			}
		}
		for _, prob := range soProblems(text) {
			r.add(Fix, "header.so", "Số, ký hiệu", p.Page, refSo, "'Số: 05/QĐ-UBND' (colon, '/', 0 before 1-9, no spaces)", "%s", prob)
		}
	}
	dt := r.find(dateRe, 0, headBlocks+5)
	if dt < 0 {
		r.add(Fix, "header.date", "địa danh, ngày tháng", 1, refDate, "'<Địa danh>, ngày DD tháng MM năm YYYY'", "none")
	} else {
		p := r.d.paras[dt]
		for _, prob := range dateProblems(dateRe.FindStringSubmatch(p.Text)) {
			r.add(Fix, "header.date", "địa danh, ngày tháng", p.Page, refDate, "ngày 01-09 with 0, tháng 01-02 with 0, 3-12 without", "%s", prob)
		}
		if !p.Italic {
			r.add(Fix, "header.date", "địa danh, ngày tháng", p.Page, refDate, "italic", "not italic")
		}
		r.size("địa danh, ngày tháng", dt, datePT, Cosmetic, refDate)
	}
}

var dashRow = regexp.MustCompile(`[-_─]{5,}\s*$`)

// typedRule: the rule is typed as a row of dashes, at the end of the
// paragraph (a web copy joins the cell's lines) or as the next one.
func (r *reviewer) typedRule(i int) bool {
	p := r.d.paras[i]
	if dashRow.MatchString(p.Text) {
		return true
	}
	if i+1 < len(r.d.paras) {
		q := r.d.paras[i+1]
		return q.Table == p.Table && q.Cell == p.Cell && dashRow.MatchString(q.Text) && len(strings.Trim(q.Text, "-_─ ")) == 0
	}
	return false
}

func soProblems(text string) []string {
	m := soRe.FindStringSubmatch(text)
	if m == nil {
		return []string{fmt.Sprintf("cannot read %q", snip(text, 30))}
	}
	var out []string
	if m[2] == "" {
		out = append(out, "no ':' after 'Số'")
	}
	if m[4] == "" {
		out = append(out, "no '/' between number and ký hiệu")
	}
	if n := m[3]; n != "" && len(n) == 1 && n != "0" {
		out = append(out, fmt.Sprintf("number %s below 10 without a leading 0", n))
	}
	if regexp.MustCompile(`\d\s+/|/\s+\S`).MatchString(text) && m[3] != "" {
		out = append(out, "space around '/'")
	}
	return out
}

func dateProblems(m []string) []string {
	var out []string
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	place, d, mo, y := strings.TrimSpace(m[1]), digits(m[2]), digits(m[3]), digits(m[4])
	if place != "" && !vntext.IsUpper(string([]rune(place)[:1])) {
		out = append(out, fmt.Sprintf("place %q not capitalised", snip(place, 30)))
	}
	dn, _ := strconv.Atoi(d)
	mn, _ := strconv.Atoi(mo)
	yn, _ := strconv.Atoi(y)
	if d != "" && (dn < 1 || dn > 31) {
		out = append(out, "day "+d+" out of range")
	} else if d != "" && dn < 10 && len(d) != 2 {
		out = append(out, fmt.Sprintf("day %s written without 0", d))
	}
	if mo != "" && (mn < 1 || mn > 12) {
		out = append(out, "month "+mo+" out of range")
	} else if mo != "" && mn <= 2 && len(mo) != 2 {
		out = append(out, fmt.Sprintf("month %s written without 0", mo))
	} else if mo != "" && mn >= 3 && strings.HasPrefix(mo, "0") {
		out = append(out, fmt.Sprintf("month %s written with a 0", mo))
	}
	if len(out) == 0 && d != "" && mo != "" && len(y) == 4 {
		t := time.Date(yn, time.Month(mn), dn, 0, 0, 0, 0, time.UTC)
		if t.Day() != dn {
			out = append(out, fmt.Sprintf("no such date %s/%s/%s", d, mo, y))
		}
	}
	return out
}

// titleIndex: the tên loại line in capitals, or the V/v line, after the
// header block.
func (r *reviewer) titleIndex() (int, bool) {
	for i := 0; i < len(r.d.paras) && i < headBlocks+10; i++ {
		t := strings.TrimSpace(r.d.paras[i].Text)
		if vvRe.MatchString(t) {
			return i, true
		}
		for _, ty := range docTypeNames {
			if t == ty || strings.HasPrefix(t, ty+" ") && vntext.IsUpper(t) {
				return i, false
			}
		}
	}
	return -1, false
}

func title(r *reviewer) {
	i, vv := r.titleIndex()
	if i < 0 {
		r.add(Fix, "title", "tên loại, trích yếu", 1, refTitle, "tên loại in capitals, or 'V/v …' for a công văn", "none found")
		return
	}
	p := r.d.paras[i]
	if vv {
		r.size("trích yếu (V/v)", i, vvPT, Cosmetic, refTitle)
		return
	}
	if !p.Bold {
		r.add(Fix, "title", "tên loại", p.Page, refTitle, "bold capitals", "not bold")
	}
	if p.Known && p.Jc != "center" {
		r.add(Fix, "title", "tên loại", p.Page, refTitle, "centred", "aligned %s", p.Jc)
	}
	r.size("tên loại", i, titlePT, Cosmetic, refTitle)
	if i+1 < len(r.d.paras) {
		q := r.d.paras[i+1]
		// A giấy mời, giấy giới thiệu or giấy nghỉ phép may have no trích
		// yếu (document.DocType.SummaryOptional): the line under its name
		// is then the first of the body, in regular type.
		if !q.Bold && len([]rune(q.Text)) < 300 && !noiNhanRe.MatchString(q.Text) && !summaryOptional(p.Text) {
			r.add(Fix, "title", "trích yếu", q.Page, refTitle, "bold", "not bold: %q", snip(q.Text, 40))
		}
	}
}

// bodyParas are the long paragraphs outside tables: what §3 is about.
func (r *reviewer) bodyParas() []int {
	var out []int
	for i, p := range r.d.paras {
		if p.Table == 0 && len([]rune(p.Text)) > bodyChars && !strings.HasPrefix(strings.TrimSpace(p.Text), "-") {
			out = append(out, i)
		}
	}
	return out
}

func body(r *reviewer) {
	idx := r.bodyParas()
	if len(idx) == 0 {
		return
	}
	type prop struct {
		rule, want string
		sev        Severity
		ok         func(Para) bool
		have       func(Para) string
		docxOnly   bool
	}
	props := []prop{
		{"body.size", bodyPT.String(), Fix, func(p Para) bool { return p.Size == 0 || bodyPT.has(p.Size) }, func(p Para) string { return fmt.Sprintf("%g pt", p.Size) }, false},
		{"body.justify", "justified (canh đều hai lề)", Fix, func(p Para) bool { return p.Jc == "both" }, func(p Para) string { return "aligned " + p.Jc }, true},
		{"body.indent", "first line 1-1.27 cm", Cosmetic, func(p Para) bool { return p.FirstLine >= 28.35-1 && p.FirstLine <= 36+1 }, func(p Para) string { return fmt.Sprintf("%.2f cm", p.FirstLine/72*2.54) }, true},
		{"body.spacing", "line spacing single to 1.5 lines", Cosmetic, func(p Para) bool { return p.Line >= 0.95 && p.Line <= 1.55 }, func(p Para) string { return fmt.Sprintf("%.2f lines", p.Line) }, true},
		{"body.spacing", "at least 6 pt between paragraphs", Cosmetic, func(p Para) bool { return p.After+p.Before >= 6-0.01 }, func(p Para) string { return fmt.Sprintf("%g pt", p.After+p.Before) }, true},
	}
	for _, pr := range props {
		if pr.docxOnly && r.d.format != "docx" {
			continue
		}
		bad, first := 0, -1
		for _, i := range idx {
			if !pr.ok(r.d.paras[i]) {
				bad++
				if first < 0 {
					first = i
				}
			}
		}
		if bad > 0 && float64(len(idx)-bad) < bodyShare*float64(len(idx)) {
			p := r.d.paras[first]
			r.add(pr.sev, pr.rule, fmt.Sprintf("body text (%d of %d paragraphs)", bad, len(idx)), p.Page, refBody, pr.want, "%s, first in %q", pr.have(p), snip(p.Text, 40))
		}
	}
}

func pageNumbers(r *reviewer) {
	if r.d.format == "pdf" {
		missing := []string{}
		expected := 2
		for i, n := range r.d.pageNums {
			if i == 0 {
				if n != 0 {
					r.add(Cosmetic, "pagenum", "page 1", 1, refPageNum, "no number on the first page", "numbered %d", n)
				}
				continue
			}
			// An appendix numbers its pages from 1 (§9): a page showing 1,
			// or an unnumbered one followed by a page showing 2, starts one.
			next := 0
			if i+1 < len(r.d.pageNums) {
				next = r.d.pageNums[i+1]
			}
			if n == 1 || n == 0 && next == 2 {
				expected = 2
				continue
			}
			switch {
			case n == 0:
				missing = append(missing, strconv.Itoa(i+1))
			case n != expected:
				r.add(Fix, "pagenum", fmt.Sprintf("page %d", i+1), i+1, refPageNum, fmt.Sprintf("page number %d", expected), "number %d", n)
			case !r.d.numCentred[i]:
				r.add(Fix, "pagenum", fmt.Sprintf("page %d", i+1), i+1, refPageNum, "centred in the top margin", "number %d not centred", n)
			}
			if n != 0 {
				expected = n
			}
			expected++
		}
		if len(missing) > 0 {
			p, _ := strconv.Atoi(missing[0])
			r.add(Fix, "pagenum", "pages "+strings.Join(missing, ", "), p, refPageNum, "a page number centred at the top from page 2", "no number at the top")
		}
		return
	}
	for i, s := range r.d.sections {
		el, _ := r.sectionName(i)
		if !s.PageNumber {
			have := "no PAGE field in the header"
			if s.NumberInFooter {
				have = "page number in the footer"
			}
			sev := Fix
			if i > 0 {
				sev = Cosmetic
			}
			r.add(sev, "pagenum", el, 0, refPageNum, "a page number centred in the top margin from page 2", "%s", have)
			continue
		}
		if !s.NumberCentred {
			r.add(Fix, "pagenum", el, 0, refPageNum, "centred", "not centred")
		}
		if i == 0 && s.NumberOnFirst {
			r.add(Cosmetic, "pagenum", el, 0, refPageNum, "no number on the first page", "page 1 numbered")
		}
	}
}

func recipients(r *reviewer) {
	nn := r.find(noiNhanRe, 0, len(r.d.paras))
	if nn < 0 {
		return
	}
	p := r.d.paras[nn]
	if !strings.Contains(p.Text, "Nơi nhận:") {
		r.add(Fix, "recipients", "Nơi nhận", p.Page, refRecip, "'Nơi nhận:'", "%q", snip(p.Text, 30))
	}
	if !p.Bold || !p.Italic {
		r.add(Fix, "recipients", "Nơi nhận", p.Page, refRecip, "bold italic", "bold %v, italic %v", p.Bold, p.Italic)
	}
	r.size("Nơi nhận", nn, nnPT, Cosmetic, refRecip)
	bad := 0
	for j := nn + 1; j < len(r.d.paras) && j < nn+40; j++ {
		q := r.d.paras[j]
		if q.Page != p.Page || (r.d.format == "docx" && (q.Table != p.Table || q.Cell != p.Cell)) {
			break
		}
		if r.d.format == "pdf" && q.X0 > r.d.sections[q.Page-1].Width/2 {
			continue
		}
		if q.Size > 0 && !recPT.has(q.Size) && bad == 0 {
			bad++
			r.add(Cosmetic, "font.size", "nơi nhận line", q.Page, refRecip, recPT.String(), "%g pt in %q", q.Size, snip(q.Text, 30))
		}
		if luuRe.MatchString(q.Text) {
			break
		}
	}
}

var (
	recipDashRe = regexp.MustCompile(`^\s*[` + dashes + `]`)
	luuStartRe  = regexp.MustCompile(`^-\s*Lưu\s*:\s*VT\b`)
	electronic  = regexp.MustCompile(`(?i)^\s*Bản\s+điện\s+tử\s*:?\s*$`)
)

// recipientLines: under "Nơi nhận:" each recipient is a line "- …;" and
// the last is "- Lưu: VT, ….", as §7 sets them out. DOCX only: there a
// paragraph is one recipient; a PDF wraps a long one over lines that do
// not start with "-".
func recipientLines(r *reviewer) {
	if r.d.format != "docx" {
		return
	}
	nn := r.find(noiNhanRe, 0, len(r.d.paras))
	if nn < 0 {
		return
	}
	p := r.d.paras[nn]
	if rest := noiNhanRe.ReplaceAllString(p.Text, ""); strings.TrimSpace(rest) != "" {
		// The list typed in the heading's paragraph with line breaks
		// (w:br): its lines cannot be told apart here.
		return
	}
	var lines []int
	for j := nn + 1; j < len(r.d.paras) && j < nn+80; j++ {
		q := r.d.paras[j]
		if q.Table != p.Table || q.Cell != p.Cell || (p.Table > 0 && q.Row != p.Row) {
			break
		}
		if p.Table == 0 && !strings.HasPrefix(strings.TrimSpace(q.Text), "-") && !strings.HasPrefix(strings.TrimSpace(q.Text), "+") && !recipDashRe.MatchString(q.Text) {
			break
		}
		if electronic.MatchString(q.Text) {
			continue
		}
		lines = append(lines, j)
	}
	if len(lines) == 0 {
		r.add(Fix, "recipients", "Nơi nhận", p.Page, refRecip, "recipient lines '- …;' ending with '- Lưu: VT, ….'", "no recipient line under 'Nơi nhận:'")
		return
	}
	bad := 0
	for k, j := range lines[:len(lines)-1] {
		t := strings.TrimSpace(r.d.paras[j].Text)
		var have string
		switch {
		case recipDashRe.MatchString(t):
			have = fmt.Sprintf("%q starts with %U, not '-'", snip(t, 30), []rune(t)[0])
		case !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "+"):
			have = fmt.Sprintf("%q does not start with '-'", snip(t, 30))
		case !strings.HasSuffix(t, ";") && !strings.HasSuffix(t, ":"):
			have = fmt.Sprintf("%q does not end with ';'", snip(t, 40))
		}
		if have != "" && bad == 0 {
			bad++
			r.add(Cosmetic, "recipients", fmt.Sprintf("nơi nhận line %d", k+1), r.d.paras[j].Page, refRecip, "'- <recipient>;'", "%s", have)
		}
	}
	last := r.d.paras[lines[len(lines)-1]]
	switch t := strings.TrimSpace(last.Text); {
	case !luuStartRe.MatchString(t):
		r.add(Fix, "recipients", "Lưu line", last.Page, refRecip, "last line '- Lưu: VT, ….'", "%q", snip(t, 40))
	case !strings.HasSuffix(t, "."):
		// Offices often end it with the drafter's initials and no full stop.
		r.add(Cosmetic, "recipients", "Lưu line", last.Page, refRecip, "'- Lưu: VT, ….' ending with '.'", "%q", snip(t, 40))
	}
}

func signature(r *reviewer) {
	nn := r.find(noiNhanRe, 0, len(r.d.paras))
	from := 0
	if nn >= 0 {
		from = nn - 3
		if from < 0 {
			from = 0
		}
	}
	for i := from; i < len(r.d.paras); i++ {
		p := r.d.paras[i]
		t := strings.TrimSpace(p.Text)
		if nn < 0 && i < len(r.d.paras)/2 {
			continue
		}
		if !authRe.MatchString(t) {
			continue
		}
		if !p.Bold {
			r.add(Fix, "signature", "quyền hạn ký", p.Page, refSign, "bold capitals", "not bold: %q", snip(t, 30))
		}
		r.size("quyền hạn ký", i, signPT, Cosmetic, refSign)
		right := p.Cell >= 2
		if r.d.format == "pdf" {
			right = (p.X0+p.X1)/2 > r.d.sections[p.Page-1].Width/2
		} else if p.Cell == 0 {
			right = p.Jc == "right" || p.FirstLine > 150
		}
		if !right {
			r.add(Fix, "signature", "chữ ký", p.Page, refSign, "the signature block on the right, beside Nơi nhận", "%q not on the right", snip(t, 30))
		}
		if n := r.signerName(i); r.d.format == "docx" && n >= 0 && !r.d.paras[n].Bold {
			q := r.d.paras[n]
			r.add(Fix, "signature", "họ tên người ký", q.Page, refSign, "the signer's name in bold", "not bold: %q", snip(q.Text, 30))
		}
		return
	}
}

// signerName is the signer's name under the quyền hạn line at i: the last
// line of the signature block that is neither in capitals (chức vụ) nor in
// brackets ("(Đã ký)", "(Ký, đóng dấu)"); -1 when there is none (a draft).
// The block is the rest of the cell, or of the paragraphs aligned like it.
// DOCX only: a PDF line may join the name with the Nơi nhận line beside it
// (pdfLines), which would read as a name not in bold.
func (r *reviewer) signerName(i int) int {
	p, name := r.d.paras[i], -1
	for j := i + 1; j < len(r.d.paras) && j < i+12; j++ {
		q := r.d.paras[j]
		if q.Table != p.Table || q.Cell != p.Cell || q.Row != p.Row || (p.Table == 0 && (q.Jc != p.Jc || q.FirstLine != p.FirstLine)) {
			break
		}
		t := strings.TrimSpace(q.Text)
		if t == "" || strings.HasPrefix(t, "(") || strings.HasPrefix(t, "[") || !hasLower(t) {
			continue
		}
		name = j
	}
	return name
}

// hasLower: s has a lower-case letter (a name, not a title in capitals).
func hasLower(s string) bool {
	for _, c := range s {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

func appendices(r *reviewer) {
	for i, p := range r.d.paras {
		if !appendixRe.MatchString(p.Text) || p.Table > 0 {
			continue
		}
		if !p.Bold {
			r.add(Cosmetic, "appendix", "phụ lục heading", p.Page, refAppendix, "bold, centred", "not bold: %q", snip(p.Text, 30))
		}
		if p.Known && p.Jc != "center" {
			r.add(Cosmetic, "appendix", "phụ lục heading", p.Page, refAppendix, "centred", "aligned %s", p.Jc)
		}
		_ = i
	}
}
