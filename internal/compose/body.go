package compose

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/document"
)

// Numbering schemes (document.Options.Numbering).
const (
	NumberingRoman   = "roman"   // I. / 1. / a) — the default
	NumberingDecimal = "decimal" // I. / 1. / 1.1. / 1.1.1.
	NumberingArticle = "article" // Điều 1. / 1. / a) — quyết định, quy chế, quy định
)

// articleTypes are the types whose text is divided into Điều by default
// (Mẫu 1.1–1.3 and the texts they issue).
var articleTypes = map[string]bool{"quyet_dinh": true, "nghi_quyet": true, "quy_che": true, "quy_dinh": true}

// Numbering is the scheme for headings without a written label: the
// document's option, else "article" for the types divided into Điều and
// "roman" for the rest.
func Numbering(d *document.Document) string {
	switch o := d.Options.Numbering; {
	case o == NumberingDecimal || o == NumberingArticle:
		return o
	case o == "" && articleTypes[d.Type]:
		return NumberingArticle
	}
	return NumberingRoman
}

// attachmentNumbering is the scheme inside an attached text: Điều for a
// quy chế, quy định, điều lệ or nội quy, the document's own otherwise.
func attachmentNumbering(name, doc string) string {
	switch n := strings.ToLower(strings.TrimSpace(name)); {
	case strings.HasPrefix(n, "quy chế"), strings.HasPrefix(n, "quy định"), strings.HasPrefix(n, "điều lệ"), strings.HasPrefix(n, "nội quy"):
		return NumberingArticle
	}
	if doc == NumberingArticle {
		return NumberingRoman
	}
	return doc
}

// Roman writes n (≥ 1) in Roman numerals: 1 → "I", 40 → "XL". Values
// outside 1..3999, which no document reaches, fall back to Arabic digits
// rather than failing.
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// alphabet is the order of điểm letters (NĐ30 §3): the Vietnamese alphabet
// without the letters it does not have (f, j, w, z) and without the
// diacritic vowels, but with đ after d.
var alphabet = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// AlphaLetters is how many single điểm letters there are (a … y).
var AlphaLetters = len(alphabet)

// Alpha is the n-th (from 1) điểm letter: a, b, c, d, đ, e, g ... y. Past
// y, which the decree does not foresee, it continues as spreadsheet columns
// do (aa, ab ...) so that every label stays distinct.
func Alpha(n int) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	k := len(alphabet)
	var parts []string
	for n > 0 {
		n--
		parts = append([]string{alphabet[n%k]}, parts...)
		n /= k
	}
	return strings.Join(parts, "")
}

// HeadingLabel is the label of a heading from its position: path holds the
// heading's number among its sibling headings at each level, outermost
// first (path {2, 1, 3} is the third heading under 1. under II.).
//
//	level   roman   decimal
//	1       I.      I.
//	2       1.      1.
//	3       a)      1.1.
//	4       -       1.1.1.
//
// The roman scheme has nothing below điểm, so a fourth level prints as a
// "-" line (the customary next level), never as an error.
func HeadingLabel(numbering string, path []int) string {
	switch level := len(path); {
	case level == 0:
		return ""
	case level == 1 && numbering == NumberingArticle:
		return "Điều " + strconv.Itoa(path[0]) + "."
	case level == 1:
		return Roman(path[0]) + "."
	case level == 2:
		return strconv.Itoa(path[1]) + "."
	case numbering == NumberingDecimal:
		parts := make([]string, 0, level-1)
		for _, n := range path[1:] {
			parts = append(parts, strconv.Itoa(n))
		}
		return strings.Join(parts, ".") + "."
	case level == 3:
		return Alpha(path[2]) + ")"
	default:
		return "-"
	}
}

// StartLevel is the heading level the top of a body (or appendix) starts
// at: 1 (mục, "I.") or 2 (khoản, "1."). A kế hoạch is divided into mục; a
// công văn usually is not (Mẫu 1.5 and the seed letters number their
// points "1.", "2." directly). The author's own label on the first
// top-level heading decides when given: "II." starts at mục, "1." at
// khoản; otherwise the layout does (letter: công văn and thư công).
// The validator checks labels against HeadingLabel with this start.
func StartLevel(bs []document.Block, letter bool) int {
	for _, b := range bs {
		if b.Heading == nil {
			continue
		}
		l := strings.TrimSpace(b.Heading.Label)
		switch {
		case l == "":
		case l[0] >= '0' && l[0] <= '9':
			return 2
		case strings.Trim(l, "IVXLCDM.") == "":
			return 1
		}
		break
	}
	if letter {
		return 2
	}
	return 1
}

// Bullet labels.
const (
	BulletDash = "-" // first level (gạch đầu dòng)
	BulletPlus = "+" // below it
	BulletStar = "*" // a third level, where a document goes that deep
)

// blocks composes a list of body blocks. path is the numbering of the
// enclosing headings; items is the bullet depth (0 outside any item).
func (c *composer) blocks(bs []document.Block, path []int, items int) ([]Block, error) {
	var out []Block
	n := 0
	for i, b := range bs {
		switch {
		case b.Heading != nil:
			n++
			p := append(append(make([]int, 0, len(path)+1), path...), n)
			hs, err := c.heading(b.Heading, p, items)
			if err != nil {
				return nil, fmt.Errorf("heading %s: %w", HeadingLabel(c.numbering(), p), err)
			}
			out = append(out, hs...)
		case b.Paragraph != nil:
			out = append(out, Block{Para: c.textPara(StyleBody, "", *b.Paragraph)})
		case b.Item != nil:
			st, label := StyleBullet, BulletDash
			if items > 0 {
				st, label = StyleBullet2, BulletPlus
			}
			if items > 1 {
				label = BulletStar
			}
			if m := strings.TrimSpace(b.Item.Marker); m != "" {
				// The marker as written: "+" without a "-" above it,
				// "*" lines, as real documents have them.
				label = m
			}
			out = append(out, Block{Para: c.textPara(st, label, b.Item.Text)})
			kids, err := c.blocks(b.Item.Children, path, items+1)
			if err != nil {
				return nil, err
			}
			out = append(out, kids...)
		case b.Table != nil:
			ts, err := c.table(b.Table)
			if err != nil {
				return nil, fmt.Errorf("table %d: %w", i+1, err)
			}
			out = append(out, ts...)
		case b.Budget != nil:
			bs, err := c.budget(b.Budget)
			if err != nil {
				return nil, fmt.Errorf("budget %q: %w", b.Budget.Label, err)
			}
			out = append(out, bs...)
		default:
			return nil, fmt.Errorf("block %d is empty", i+1)
		}
	}
	return out, nil
}

func (c *composer) numbering() string {
	if c.scheme != "" {
		return c.scheme
	}
	return Numbering(c.d)
}

// heading composes one heading and its children. Level 1 (mục) is bold
// upper case; level 2 (khoản) bold; level 3 (điểm) regular. A Plain
// heading is a khoản or điểm that opens running text: body style, no bold,
// not kept with the next paragraph.
func (c *composer) heading(h *document.Heading, path []int, items int) ([]Block, error) {
	label := HeadingLabel(c.numbering(), path)
	written := strings.TrimSpace(h.Label)
	if written != "" {
		// Labels as written: the author's ladder is kept, skips and all
		// (the validator warns about a skip; it never renumbers).
		label = written
	}
	// Divisions (Phần, Chương, Mục) above this heading do not count: the
	// "I." under "Phần thứ nhất" is set as a mục.
	level := len(path) - c.divisions
	p := &Para{Label: label, KeepNext: true}
	rung := ParseLabel(label).Rung
	switch {
	case rung.Division():
		// "Chương I" / "Mục 1" / "Phần thứ nhất": the label on its own
		// centred line, the title under it in capitals.
		out := []Block{{Para: &Para{Style: StyleCentered, Runs: []Run{{Text: label}}, KeepNext: true}}}
		if !blankText(h.Title) {
			out = append(out, Block{Para: &Para{Style: StyleCentered, Runs: c.runs(h.Title, true), KeepNext: true}})
		}
		c.divisions++
		kids, err := c.blocks(h.Children, path, items)
		c.divisions--
		if err != nil {
			return nil, err
		}
		return append(out, kids...), nil
	case rung == RungArticle:
		// "Điều 1." is bold; a plain Điều runs on in regular text (the
		// articles of a quyết định), otherwise its title is bold too (the
		// articles of an attached quy chế or điều lệ).
		p.Label = ""
		p.Runs = append([]Run{{Text: label, Bold: true}, {Text: " "}}, c.runs(h.Title, false)...)
		p.Style = StyleHeading2
		if h.Plain {
			p.Style, p.KeepNext = StyleBody, false
		}
	case level == 1:
		p.Style = StyleHeading1
		p.Runs = c.runs(h.Title, true)
	case level > 3 && c.numbering() != NumberingDecimal && written == "":
		// Below điểm: printed as a dash line; its children go one bullet
		// level deeper.
		p.Style, p.KeepNext = StyleBullet, false
		p.Runs = c.runs(h.Title, false)
		if items > 0 {
			p.Style, p.Label = StyleBullet2, BulletPlus
		}
		items++
	case h.Plain:
		p.Style, p.KeepNext = StyleBody, false
		p.Runs = c.runs(h.Title, false)
	case level == 2:
		p.Style = StyleHeading2
		p.Runs = c.runs(h.Title, false)
	default:
		p.Style = StyleHeading3
		p.Runs = c.runs(h.Title, false)
	}
	out := []Block{{Para: p}}
	kids, err := c.blocks(h.Children, path, items)
	if err != nil {
		return nil, err
	}
	return append(out, kids...), nil
}

func blankText(t document.Text) bool { return strings.TrimSpace(t.Plain()) == "" }
