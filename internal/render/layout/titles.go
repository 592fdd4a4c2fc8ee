package layout

import (
	_ "embed"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/vanban/vanban/internal/compose"
)

// Titles. A word processor wraps a centred title wherever the column runs
// out ("KẾ / HOẠCH", "phát / triển"); a clerk sets it in balanced lines,
// broken between words that belong apart, at a phrase boundary where one is
// near. Vietnamese writes every syllable as a word, so "between words" is
// not enough: a title line must not end inside a two-syllable compound (the
// lexicon compounds.txt). TitleBreaks chooses a title's line breaks once,
// with the real font metrics; the PDF writer draws those lines and the
// DOCX writer writes w:br at the same places, so Word, LibreOffice and the
// PDF break a title alike and neither writer decides on its own.

// compoundsText is the lexicon: two-syllable words of administrative
// titles, one a line. It is a rule table like units and divisions, so it
// is compiled in rather than injected: an office cannot restyle it.
//
//go:embed compounds.txt
var compoundsText string

var (
	compoundsOnce sync.Once
	compounds     map[string]bool
)

// Compounds is the lexicon, lower case "a b" pairs.
func Compounds() map[string]bool {
	compoundsOnce.Do(func() {
		compounds = map[string]bool{}
		for _, l := range strings.Split(compoundsText, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				compounds[l] = true
			}
		}
	})
	return compounds
}

// Compound reports whether the words a and b, next to each other, form a
// two-syllable word of the lexicon: a line must not end between them. A
// word ending in punctuation ("kinh tế,") closes a phrase and never forms
// one with the next; case does not matter ("KẾ HOẠCH").
func Compound(a, b string) bool {
	if a == "" || b == "" || strings.IndexFunc(a[len(a)-1:], isPhraseEnd) == 0 {
		return false
	}
	a = strings.TrimLeft(a, "(“\"‘")
	b = strings.TrimRight(b, ".,;:)!?”\"’")
	return Compounds()[strings.ToLower(a)+" "+strings.ToLower(b)]
}

func isPhraseEnd(r rune) bool { return strings.ContainsRune(".,;:)!?”\"’", r) }

// phraseStarts open a phrase of a title: a line may start with them
// (before "về", "của", "năm 2023", "giai đoạn 2021-2025", "trên địa bàn
// …"), and should not end with one.
var phraseStarts = map[string]bool{
	"về": true, "của": true, "và": true, "năm": true, "giai": true, "trên": true, "tại": true,
	"đến": true, "cho": true, "theo": true, "trong": true, "với": true, "thuộc": true, "nhằm": true,
	"để": true, "đối": true, "từ": true, "giữa": true, "khi": true, "do": true, "sau": true,
	"trước": true, "qua": true, "vì": true, "vào": true, "tới": true, "hoặc": true, "nhưng": true,
}

// TitleStyle reports whether paragraphs of style s are title lines whose
// breaks TitleBreaks chooses: the type name and trích yếu, the V/v
// subject, appendix and attachment titles, the centred bold lines (Chương
// titles, competence lines, QUYẾT ĐỊNH:), the body's name in the header,
// the signer's authority lines and table titles. Only centred styles: a
// w:br in a justified line would stretch it.
func TitleStyle(s compose.Style) bool {
	switch s {
	case compose.StyleTitle, compose.StyleSummary, compose.StyleSummaryLine, compose.StyleSubject,
		compose.StyleAppendixNo, compose.StyleAppendixTitle, compose.StyleAppendixRef, compose.StyleCentered,
		compose.StyleParentAgency, compose.StyleAgency, compose.StyleAuthority, compose.StyleTableTitle:
		return compose.Styles[s].Align == compose.AlignCenter
	}
	return false
}

// Break costs, in the unit of the balance cost: a line that deviates from
// the balanced length by a tenth of the column costs 1.
const (
	// TitleMargin is the room, in points, a chosen title line keeps at its
	// right: LibreOffice measures a few hundredths of a point per glyph
	// differently, and a line chosen to the last hundredth could wrap again
	// there.
	TitleMargin    = 3.0
	costLine       = 20.0   // every line: the fewest lines win unless a compound would break
	costCompound   = 1000.0 // a line ends inside a compound: only where nothing else fits
	costHangs      = 3.0    // a line ends with "của", "về", "và" …
	costShortLast  = 2.0    // the last line holds one word
	bonusPhrase    = 1.0    // the next line starts a phrase
	bonusPunctMark = 1.5    // the line ends after a comma or a semicolon
)

// titleUnit is a piece of a title no break falls inside: the text between
// two spaces a line may break at.
type titleUnit struct {
	w     float64 // width, pt
	space float64 // width of the space after it, pt
	at    int     // byte offset in ParaText of the space after it
	text  string  // its text
}

// TitleBreaks returns the byte offsets in ParaText(p) of the spaces at which
// p's lines break, when p is a title (TitleStyle) too wide for one line of
// width points; nil otherwise, and when no break set fits (a word wider
// than the column), in which case the writers break as usual. An author's
// own lines (summary_lines, title_notes) are separate paragraphs and keep
// their breaks; a line of them too long for the column is broken here like
// any title.
func (fo *Fonts) TitleBreaks(p *compose.Para, spec compose.StyleSpec, width float64) []int {
	units, ends := fo.titleLines(p, spec, width)
	if ends == nil {
		return nil
	}
	out := make([]int, len(ends))
	for i, e := range ends {
		out[i] = units[e].at
	}
	return out
}

// titleLines measures p and chooses its breaks: the units and the last
// unit of every line but the last (nil when p is not broken as a title).
func (fo *Fonts) titleLines(p *compose.Para, spec compose.StyleSpec, width float64) ([]titleUnit, []int) {
	if !TitleStyle(p.Style) {
		return nil, nil
	}
	units := fo.titleUnits(p, spec)
	if len(units) < 2 {
		return nil, nil
	}
	indent := spec.FirstIndent * MMToPt
	full := 0.0
	for i, u := range units {
		full += u.w
		if i < len(units)-1 {
			full += u.space
		}
	}
	if Fits(indent+full, width) {
		return nil, nil // one line, as every writer sets it
	}
	avail := width - TitleMargin
	// The fewest lines without breaking a compound, and failing that with:
	// the balanced length is the title shared out over them.
	k := greedyTitle(units, avail, indent, true)
	if k < 0 {
		k = greedyTitle(units, avail, indent, false)
	}
	if k < 0 {
		return nil, nil // a piece wider than the column: the writers break it
	}
	ends := balanceTitle(units, avail, indent, k)
	if len(ends) == 0 {
		return nil, nil
	}
	return units, ends
}

// titleUnits splits p's printed text at the spaces a line may break at
// (not at layout.Glue), measuring each piece in its run's face as the PDF
// writer draws it, footnote marks included.
func (fo *Fonts) titleUnits(p *compose.Para, spec compose.StyleSpec) []titleUnit {
	glue := map[int]bool{}
	for _, g := range ParaGlue(p) {
		glue[g] = true
	}
	var units []titleUnit
	cur := titleUnit{at: -1}
	var text strings.Builder
	off := 0
	add := func(s string, fi FaceIndex) {
		f := fo.faces[fi]
		for i, r := range s {
			if r == ' ' && !glue[off+i] {
				if text.Len() > 0 {
					cur.text, cur.at = text.String(), off+i
					cur.space = f.Advance(' ') * spec.Size
					units = append(units, cur)
					cur = titleUnit{at: -1}
					text.Reset()
				} else if n := len(units); n > 0 {
					units[n-1].space += f.Advance(' ') * spec.Size // a second space widens the gap
				}
				continue
			}
			cur.w += f.Advance(r) * spec.Size
			text.WriteRune(r)
		}
		off += len(s)
	}
	base := FaceOf(spec.Bold, spec.Italic)
	if p.Label != "" {
		add(p.Label+" ", base)
	}
	for _, r := range p.Runs {
		fi := FaceOf(spec.Bold || r.Bold, spec.Italic || r.Italic)
		add(r.Text, fi)
		if r.Footnote > 0 {
			cur.w += fo.faces[fi].Width(itoa(r.Footnote), spec.Size*SupSize)
		}
	}
	if text.Len() > 0 || cur.w > 0 {
		cur.text = text.String()
		units = append(units, cur)
	}
	return units
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// SupSize and SupRise are a footnote mark's size and its baseline shift as
// shares of the text's size: LibreOffice's default superscript (58%, raised
// 33%), which Word's output matches closely enough that a line with a mark
// breaks at the same place.
const (
	SupSize = 0.58
	SupRise = 0.33
)

// breakCost is the cost of ending a line after unit i (before unit i+1);
// ok is false where a strict break set must not break (a compound).
func breakCost(units []titleUnit, i int, strict bool) (cost float64, ok bool) {
	a, b := units[i].text, units[i+1].text
	la := lastWord(a)
	fb := firstWord(b)
	if Compound(la, fb) {
		if strict {
			return 0, false
		}
		cost += costCompound
	}
	if strings.HasSuffix(a, ",") || strings.HasSuffix(a, ";") {
		cost -= bonusPunctMark
	}
	low := strings.ToLower(strings.TrimLeft(fb, "(“\"‘"))
	switch {
	case low == "giai":
		if i+2 < len(units) && strings.ToLower(firstWord(units[i+2].text)) == "đoạn" || strings.Contains(strings.ToLower(b), "giai đoạn") {
			cost -= bonusPhrase
		}
	case phraseStarts[low]:
		cost -= bonusPhrase
	}
	if phraseStarts[strings.ToLower(strings.TrimRight(la, ".,;:"))] && !strings.ContainsAny(la, ".,;:") {
		cost += costHangs
	}
	if fb != "" && fb[0] >= '0' && fb[0] <= '9' && !strings.ContainsAny(la, ",;:") {
		// A number belongs to the word before it: "năm 2023", "giai
		// đoạn 2021 - 2025", "Dự án 8".
		cost += costHangs
	}
	return cost, true
}

func lastWord(s string) string {
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[i+1:]
	}
	return s
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// greedyTitle fills lines first-fit, breaking only where breakCost allows
// (never inside a compound when strict), and returns the line count, or -1
// when a piece does not fit.
func greedyTitle(units []titleUnit, avail, indent float64, strict bool) int {
	lines := 1
	line := indent + units[0].w
	if line > avail+0.01 {
		return -1
	}
	lastOK := -1 // the last unit after which the current line may end
	start := 0
	for i := 1; i < len(units); i++ {
		if _, ok := breakCost(units, i-1, strict); ok {
			lastOK = i - 1
		}
		w := line + units[i-1].space + units[i].w
		if w <= avail+0.01 {
			line = w
			continue
		}
		if lastOK < start {
			return -1 // no break allowed on this line
		}
		lines++
		start = lastOK + 1
		line = 0
		for j := start; j <= i; j++ {
			line += units[j].w
			if j < i {
				line += units[j].space
			}
		}
		if line > avail+0.01 {
			return -1
		}
	}
	return lines
}

// balanceTitle chooses the lines that fit avail and cost least: each line
// costs costLine, and more the further it is from the balanced length (the
// title over k lines; a last line may be shorter, not longer), and each
// break its breakCost: at a phrase boundary less, inside a compound so
// much that it happens only where nothing else fits. It returns the last
// unit of every line but the last. A line holds at most a column's worth
// of units, so the time is linear in the title's length.
func balanceTitle(units []titleUnit, avail, indent float64, k int) []int {
	n := len(units)
	// pre[j] is the width of units[:j] with their spaces.
	pre := make([]float64, n+1)
	for i, u := range units {
		pre[i+1] = pre[i] + u.w + u.space
	}
	lineW := func(i, j int) float64 { // units i..j, no trailing space
		w := pre[j+1] - pre[i] - units[j].space
		if i == 0 {
			w += indent
		}
		return w
	}
	target := lineW(0, n-1) / float64(k)
	lineCost := func(i, j int) float64 {
		d := (lineW(i, j) - target) / avail * 10
		if j == n-1 {
			if d < 0 {
				d /= 2 // a shorter last line is how a title ends
			} else {
				d *= 2 // a last line longer than the others is not
			}
		}
		c := costLine + d*d
		if j == n-1 && i == j && n > 2 {
			c += costShortLast
		}
		return c
	}
	// bc[i] is the cost of a break after unit i, computed once.
	bc := make([]float64, n)
	for i := 0; i+1 < n; i++ {
		bc[i], _ = breakCost(units, i, false)
	}
	// best[j] is the least cost of lines ending after unit j; from[j] the
	// first unit of the last of them.
	best := make([]float64, n)
	from := make([]int, n)
	for j := range n {
		best[j] = math.Inf(1)
		for i := j; i >= 0; i-- { // the line is units i..j
			if lineW(i, j) > avail+0.01 {
				break
			}
			c := lineCost(i, j)
			if i > 0 {
				if math.IsInf(best[i-1], 1) {
					continue
				}
				c += best[i-1] + bc[i-1]
			}
			if c < best[j] {
				best[j], from[j] = c, i
			}
		}
	}
	if math.IsInf(best[n-1], 1) {
		return nil
	}
	var ends []int
	for j := n - 1; from[j] > 0; j = from[j] - 1 {
		ends = append(ends, from[j]-1)
	}
	slices.Reverse(ends)
	return ends
}

// TitleLines is how many lines p takes in a column width points wide when
// it is a title broken by TitleBreaks, or 0 when it is not one.
func (fo *Fonts) TitleLines(p *compose.Para, spec compose.StyleSpec, width float64) int {
	if _, ends := fo.titleLines(p, spec, width); ends != nil {
		return len(ends) + 1
	}
	return 0
}

// WidestParaLine is the width of p's widest line in a column width points
// wide: the lines TitleBreaks chooses for a title, greedy lines otherwise
// (WidestLine). Rules under a paragraph are a share of it.
func (fo *Fonts) WidestParaLine(p *compose.Para, spec compose.StyleSpec, width float64) float64 {
	units, ends := fo.titleLines(p, spec, width)
	if ends == nil {
		return fo.WidestLine(ParaText(p), spec.Size, spec.Bold, spec.Italic, width)
	}
	widest, line, start := 0.0, 0.0, 0
	for _, e := range append(ends, len(units)-1) {
		line = 0
		for j := start; j <= e; j++ {
			line += units[j].w
			if j < e {
				line += units[j].space
			}
		}
		widest = max(widest, line)
		start = e + 1
	}
	return widest
}
