package compose

import "github.com/vanban/vanban/internal/document"

// Geometry is a document's page and paragraph styles: the house style
// (House), or the house style with an office's profile applied
// (GeometryOf). Both writers and package layout read every size, spacing,
// indent and margin from it, so a profile changes the DOCX and the PDF
// alike.
type Geometry struct {
	Styles StyleTable
	Page   PageSetup
	// SignSpace is the room for the signature and seal, in points.
	SignSpace float64
}

// House is vanban's own house style.
func House() Geometry { return Geometry{Styles: Styles, Page: Page, SignSpace: SignSpace} }

// bodyFamily are the styles of the body text: a profile's body size, line
// spacing and first-line indent apply to them.
var bodyFamily = []Style{
	StyleBasis, StyleBody, StyleHeading1, StyleHeading2, StyleHeading3,
	StyleBullet, StyleBullet2, StyleTableTitle, StyleCentered,
}

// agencyFamily are the agency lines of ô 2 a profile's agency size sets.
var agencyFamily = []Style{StyleParentAgency, StyleAgency, StyleAgencyLeft}

// GeometryOf applies profile p to the house style; nil gives House. The
// profile's ranges are the validator's business (document.Profile's tags):
// compose prints what it is given.
func GeometryOf(p *document.Profile) Geometry {
	g := House()
	if p == nil {
		return g
	}
	st := make(StyleTable, len(Styles))
	for k, v := range Styles {
		st[k] = v
	}
	set := func(dst *float64, v *float64) {
		if v != nil {
			*dst = *v
		}
	}
	set(&g.Page.Top, p.MarginTop)
	set(&g.Page.Bottom, p.MarginBottom)
	set(&g.Page.Left, p.MarginLeft)
	set(&g.Page.Right, p.MarginRight)
	if p.SignSpace != nil {
		g.SignSpace = *p.SignSpace * 72 / 25.4
	}
	for _, s := range bodyFamily {
		spec := st[s]
		if p.BodySize != nil && spec.Size == bodySize {
			spec.Size = *p.BodySize
		}
		if p.LineSpacing != nil {
			spec.Spacing = *p.LineSpacing
		}
		if p.FirstIndent != nil && spec.FirstIndent == bodyIndent {
			spec.FirstIndent = *p.FirstIndent
		}
		spec.Line = SpacedLine(spec.Size, spec.Spacing)
		st[s] = spec
	}
	if p.AgencySize != nil {
		for _, s := range agencyFamily {
			spec := st[s]
			spec.Size = *p.AgencySize
			spec.Line = ExactLine(spec.Size)
			st[s] = spec
		}
	}
	g.Styles = st
	return g
}
