package docx

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
)

// The parts of a Vb style that a document's geometry sets: its spacing,
// first-line indent and size. The template's styles.xml writes each once
// per style (checked at load by restyle on the house table).
var (
	reSpacing = regexp.MustCompile(`<w:spacing [^>]*/>`)
	reInd     = regexp.MustCompile(`<w:ind [^>]*/>`)
	reSz      = regexp.MustCompile(`<w:sz w:val="[0-9]+"/>`)
	reSzCs    = regexp.MustCompile(`<w:szCs w:val="[0-9]+"/>`)
)

// spacingXML is a style's w:spacing: an exact line height, or with
// spec.Spacing a multiple of single spacing (w:lineRule="auto", 240 =
// single), which Word and LibreOffice give the pitch compose.SpacedLine
// states.
func spacingXML(spec compose.StyleSpec) string {
	line, rule := strconv.Itoa(layout.Twips(spec.Line)), "exact"
	if spec.Spacing > 0 {
		line, rule = strconv.Itoa(int(math.Round(240*spec.Spacing))), "auto"
	}
	return `<w:spacing w:before="` + strconv.Itoa(layout.Twips(spec.SpaceBefore)) +
		`" w:after="` + strconv.Itoa(layout.Twips(spec.SpaceAfter)) +
		`" w:line="` + line + `" w:lineRule="` + rule + `"/>`
}

// restyle writes the spacing, indent and size of every style of st into
// the template's styles.xml text, so that the named styles a clerk sees in
// Word are the document's geometry (its office profile's, when it has
// one). Each Vb style of st must be in the part with one of each element.
func restyle(styles string, st compose.StyleTable) (string, error) {
	for name, spec := range st {
		at := strings.Index(styles, `w:styleId="`+string(name)+`"`)
		if at < 0 {
			return "", fmt.Errorf("docx: styles: no style %s", name)
		}
		n := strings.Index(styles[at:], "</w:style>")
		if n < 0 {
			return "", fmt.Errorf("docx: styles: style %s is not closed", name)
		}
		block := styles[at : at+n]
		sz := strconv.Itoa(int(math.Round(spec.Size * 2)))
		for _, r := range []struct {
			re  *regexp.Regexp
			new string
		}{
			{reSpacing, spacingXML(spec)},
			{reInd, `<w:ind w:firstLine="` + strconv.Itoa(layout.MMTwips(spec.FirstIndent)) + `"/>`},
			{reSz, `<w:sz w:val="` + sz + `"/>`},
			{reSzCs, `<w:szCs w:val="` + sz + `"/>`},
		} {
			if len(r.re.FindAllStringIndex(block, 2)) != 1 {
				return "", fmt.Errorf("docx: styles: style %s needs exactly one %s", name, r.re)
			}
			block = r.re.ReplaceAllLiteralString(block, r.new)
		}
		styles = styles[:at] + block + styles[at+n:]
	}
	return styles, nil
}
