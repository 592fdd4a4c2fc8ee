package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
)

// TestMultipleSpacingPage: lines at a multiple of single spacing stack at
// the multiple, their text at the top of each line, and the last line of
// a page needs room only for its text, as LibreOffice lays out our DOCX.
// The counts are LibreOffice 7.4's for one-line paragraphs of 14 pt text
// on A4 (first page of each), margins in twips.
func TestMultipleSpacingPage(t *testing.T) {
	w := newWriter(t)
	tests := []struct {
		spacing        float64
		top, bottom    int
		wantPageLines  int
		wantSingleRoom bool // the last line's extra space runs past the foot
	}{
		{1, 1134, 1134, 45, false},
		{1, 1417, 1417, 43, false},
		{1.15, 1417, 1417, 37, false},
		{1.25, 1417, 1417, 35, true},
		{1.5, 1134, 1134, 30, false},
		{1.5, 1300, 1200, 30, true},
		{1.5, 1417, 1417, 29, true},
		{2, 1134, 1134, 23, true},
		{2, 1417, 1417, 22, true},
	}
	for _, tt := range tests {
		spec := compose.Styles[compose.StyleBody]
		spec.FirstIndent, spec.SpaceBefore, spec.SpaceAfter = 0, 0, 0
		spec.Spacing = tt.spacing
		spec.Line = compose.SpacedLine(spec.Size, tt.spacing)
		r := &renderer{w: w, geo: compose.House()}
		r.page = layout.Page{W: 11906, H: 16838, Top: tt.top, Bottom: tt.bottom, Left: 1701, Right: 1134}
		r.width = layout.Pt(r.page.TextWidth())
		var items []*item
		for range 80 {
			p := w.layoutPara(compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: "Dòng"}}}, r.width, spec)
			items = append(items, r.paraItems(p, r.page.TextWidth(), 0)...)
		}
		pages := r.paginate(items)
		if got := len(pages[0].placed); got != tt.wantPageLines {
			t.Errorf("spacing %v, margins %d/%d: %d lines on the first page, LibreOffice sets %d", tt.spacing, tt.top, tt.bottom, got, tt.wantPageLines)
		}
		last := pages[0].placed[len(pages[0].placed)-1]
		over := last.y+last.it.h > layout.Pt(r.page.TextBottom())+0.01
		if over != tt.wantSingleRoom {
			t.Errorf("spacing %v, margins %d/%d: last line's extra space past the foot %v, want %v", tt.spacing, tt.top, tt.bottom, over, tt.wantSingleRoom)
		}
		p := w.layoutPara(compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: strings.Repeat("x", 3)}}}, r.width, spec)
		single := compose.SpacedLine(spec.Size, 1)
		// The text sits in the single line at the top of the line box.
		if box := p.textBox(); math.Abs(box-single) > 1e-9 {
			t.Errorf("spacing %v: text box %v, want the single line %v", tt.spacing, box, single)
		}
	}
}
