package importer

import (
	"context"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/docxread"
)

// The source's own profile: an imported .docx keeps the office's habit
// (margins, body size, line spacing, first-line indent, agency size) as
// options.profile, so it re-renders the way the office prints it. A value
// outside NĐ30's range (document.Profile's validate tags, the validator's
// own check) is left to the house style and named in the report; a value
// equal to the house style is not stored.

// profileCheck holds each candidate to document.Profile's tags.
var profileCheck = validator.New()

// bodyMinRunes: a paragraph this long, outside a table, not centred or
// right-aligned, is body text; shorter lines are headers, signatures and
// labels whose indent is not the office's body habit.
const bodyMinRunes = 40

// sourceProfile reads the formatting of the .docx in r and sets
// d.Options.Profile from it. The text was read already; a file whose
// formatting cannot be read keeps the house style (only a cancelled
// context is an error).
func sourceProfile(ctx context.Context, r io.ReaderAt, size int64, lim docxread.Limits, d *document.Document, rep *Report) error {
	f, err := docxread.ReadFormat(ctx, r, size, lim)
	if err != nil {
		return ctx.Err()
	}
	if p := profileOf(f, d, rep); p != nil {
		d.Options.Profile = p
	}
	return nil
}

// candidate is one profile field the file gave a value for.
type candidate struct {
	field string // document.Profile's field
	value float64
	house float64
	vi    string // what it is, for the report
	en    string
	unit  string
	src   string // where the file sets it, for the report
}

// profileOf is the profile f's formatting gives, nil when it is the house
// style's; every field kept or left is noted in rep.
func profileOf(f *docxread.Format, d *document.Document, rep *Report) *document.Profile {
	house := compose.House()
	body := house.Styles[compose.StyleBody]
	var cs []candidate
	if f.HasMargins {
		mm := func(tw int) float64 { return math.Round(float64(tw)*25.4/1440*10) / 10 }
		src := fmt.Sprintf(`w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d"`, f.Margins[0], f.Margins[1], f.Margins[2], f.Margins[3])
		cs = append(cs,
			candidate{"MarginTop", mm(f.Margins[0]), house.Page.Top, "lề trên", "top margin", "mm", src},
			candidate{"MarginRight", mm(f.Margins[1]), house.Page.Right, "lề phải", "right margin", "mm", src},
			candidate{"MarginBottom", mm(f.Margins[2]), house.Page.Bottom, "lề dưới", "bottom margin", "mm", src},
			candidate{"MarginLeft", mm(f.Margins[3]), house.Page.Left, "lề trái", "left margin", "mm", src})
	}
	paras := bodyParas(f)
	if ind, ok := modal(paras, func(p docxread.ParaFormat) (int, int) { return p.FirstLine, 1 }); ok {
		cs = append(cs, candidate{"FirstIndent", math.Round(float64(ind)*25.4/1440*10) / 10, body.FirstIndent,
			"thụt đầu dòng", "first-line indent", "mm", fmt.Sprintf(`w:ind w:firstLine="%d"`, ind)})
	}
	if sz, ok := modal(paras, func(p docxread.ParaFormat) (int, int) { return p.Size, utf8.RuneCountInString(p.Text) }); ok && sz > 0 {
		cs = append(cs, candidate{"BodySize", float64(sz) / 2, body.Size, "cỡ chữ nội dung", "body size", "pt", fmt.Sprintf(`w:sz w:val="%d"`, sz)})
	}
	// Line spacing as a multiple of single: only Word's "Multiple"
	// (lineRule auto, or none); an exact or at-least height is no multiple.
	type spacing struct {
		rule string
		line int
	}
	rules := map[spacing]int{}
	for _, p := range paras {
		rules[spacing{p.LineRule, p.Line}]++
	}
	if sp, ok := modalKey(rules); ok && (sp.rule == "" || sp.rule == "auto") {
		line := sp.line
		if line == 0 {
			line = 240
		}
		cs = append(cs, candidate{"LineSpacing", math.Round(float64(line)/240*100) / 100, body.Spacing,
			"giãn dòng (lần dòng đơn)", "line spacing (× single)", "", fmt.Sprintf(`w:spacing w:line="%d" w:lineRule="auto"`, line)})
	}
	if sz, ok := agencySize(f, d); ok {
		cs = append(cs, candidate{"AgencySize", float64(sz) / 2, house.Styles[compose.StyleAgency].Size,
			"cỡ chữ tên cơ quan", "agency size", "pt", fmt.Sprintf(`w:sz w:val="%d"`, sz)})
	}
	return keepProfile(cs, rep)
}

// keepProfile is the profile of the candidates inside NĐ30's range that
// differ from the house style, nil when none does; each is noted in rep.
func keepProfile(cs []candidate, rep *Report) *document.Profile {
	p := &document.Profile{}
	kept := false
	rv := reflect.ValueOf(p).Elem()
	type left struct {
		c    candidate
		json string
		sf   reflect.StructField
	}
	var out []left
	for _, c := range cs {
		sf, _ := rv.Type().FieldByName(c.field)
		name := strings.Split(sf.Tag.Get("json"), ",")[0]
		if c.value == c.house {
			continue
		}
		try := &document.Profile{}
		v := c.value
		reflect.ValueOf(try).Elem().FieldByName(c.field).Set(reflect.ValueOf(&v))
		if err := profileCheck.StructPartial(try, c.field); err != nil {
			out = append(out, left{c, name, sf})
			continue
		}
		rv.FieldByName(c.field).Set(reflect.ValueOf(&v))
		kept = true
		rep.recognisedFrom("/options/profile/"+name, c.src,
			fmt.Sprintf("%s %s%s theo văn bản gốc (mặc định %s%s)", c.vi, num(c.value), c.unit, num(c.house), c.unit),
			fmt.Sprintf("%s %s%s as the source sets it (house %s%s)", c.en, num(c.value), c.unit, num(c.house), c.unit))
	}
	// A value left to the house style is named at the nearest pointer the
	// document holds: the profile when something else was kept, else the
	// options; the message names the field.
	at := "/options"
	if kept {
		at = "/options/profile"
	}
	for _, l := range out {
		c := l.c
		rep.guessedFrom(at, c.src,
			fmt.Sprintf("%s (%s) %s%s của văn bản gốc ngoài khoảng NĐ30 (%s): dùng mặc định %s%s", c.vi, l.json, num(c.value), c.unit, span(l.sf), num(c.house), c.unit),
			fmt.Sprintf("the source's %s (%s) %s%s is outside NĐ30's range (%s): the house %s%s is used", c.en, l.json, num(c.value), c.unit, span(l.sf), num(c.house), c.unit))
	}
	if !kept {
		return nil
	}
	return p
}

// bodyParas are f's body-text paragraphs (bodyMinRunes).
func bodyParas(f *docxread.Format) []docxread.ParaFormat {
	var out []docxread.ParaFormat
	for _, p := range f.Paras {
		switch p.Align {
		case "center", "right", "end":
			continue
		}
		if p.Table || utf8.RuneCountInString(strings.TrimSpace(p.Text)) < bodyMinRunes {
			continue
		}
		out = append(out, p)
	}
	return out
}

// modal is the value of ps with the greatest weight; ties go to the
// smaller value, so the answer does not depend on map order.
func modal(ps []docxread.ParaFormat, of func(docxread.ParaFormat) (value, weight int)) (int, bool) {
	w := map[int]int{}
	for _, p := range ps {
		v, n := of(p)
		w[v] += n
	}
	best, bw := 0, 0
	for v, n := range w {
		if n > bw || (n == bw && v < best) {
			best, bw = v, n
		}
	}
	return best, bw > 0
}

func modalKey[K comparable](m map[K]int) (K, bool) {
	var best K
	bw := 0
	for k, n := range m {
		if n > bw || (n == bw && fmt.Sprint(k) < fmt.Sprint(best)) {
			best, bw = k, n
		}
	}
	return best, bw > 0
}

// agencySize is the size, in half-points, of the source's paragraphs that
// print the issuing body's name (ô 2) as the import recognised it.
func agencySize(f *docxread.Format, d *document.Document) (int, bool) {
	want := map[string]bool{}
	for _, l := range d.Issuer.Name {
		want[fold(l)] = true
	}
	sizes := map[int]int{}
	for _, p := range f.Paras {
		if want[fold(p.Text)] && p.Size > 0 {
			sizes[p.Size]++
		}
	}
	return modalKey(sizes)
}

func fold(s string) string { return strings.Join(strings.Fields(strings.ToUpper(s)), " ") }

// num prints a figure with a decimal point and no trailing zeros.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// span is a field's range from its validate tag, e.g. "10-12.7".
func span(f reflect.StructField) string {
	var lo, hi string
	for _, part := range strings.Split(f.Tag.Get("validate"), ",") {
		if k, v, ok := strings.Cut(part, "="); ok {
			switch k {
			case "min":
				lo = v
			case "max":
				hi = v
			}
		}
	}
	return lo + "-" + hi
}
