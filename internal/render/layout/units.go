package layout

import (
	"math"

	"github.com/vanban/vanban/internal/compose"
)

// Twips rounds points to twentieths of a point, the DOCX unit. Every
// length both writers share is computed in whole twips, so the PDF rounds
// exactly as the DOCX does.
func Twips(pt float64) int { return int(math.Round(pt * 20)) }

// Pt is a length in twips as points.
func Pt(tw int) float64 { return float64(tw) / 20 }

// MMTwips is a length in millimetres as whole twips.
func MMTwips(mm float64) int { return int(math.Round(mm * 72 / 25.4 * 20)) }

// IndentPt is a first-line indent of mm millimetres in points, rounded to
// whole twips as the DOCX writes it (w:ind w:firstLine): 10 mm is 567
// twips, 28.35 pt, not 28.346 pt, so the PDF's and layout's line breaks use
// the measure Word and LibreOffice use.
func IndentPt(mm float64) float64 { return Pt(MMTwips(mm)) }

// MMToPt converts millimetres to points (no rounding).
const MMToPt = 72 / 25.4

// Page is a page setup in twips: A4 and the margins of a compose.PageSetup.
type Page struct {
	W, H                     int
	Top, Bottom, Left, Right int
	// Header is where the page number's line starts from the top edge.
	Header int
}

// PageOf is the page setup s (a document's Geometry.Page) in twips,
// landscape when asked: the page turns and the margins stay where they
// were, binding edge on the left.
func PageOf(s compose.PageSetup, landscape bool) Page {
	if landscape {
		s = s.Landscape()
	}
	return Page{
		W: MMTwips(s.Width), H: MMTwips(s.Height),
		Top: MMTwips(s.Top), Bottom: MMTwips(s.Bottom), Left: MMTwips(s.Left), Right: MMTwips(s.Right),
		Header: MMTwips(s.HeaderDistance),
	}
}

// TextWidth is the width between the margins.
func (p Page) TextWidth() int { return p.W - p.Left - p.Right }

// TextBottom is the bottom margin's edge, from the top of the page.
func (p Page) TextBottom() int { return p.H - p.Bottom }
