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

// TestPortionMeasure: a line of two runs breaks where LibreOffice 7.4
// broke it, which counts the first run (a text portion it has finished)
// in whole twips, rounded, and the run the line ends in to the pixel
// (lineMeasure). Each line was set at measures a twip apart; edge is the
// narrowest that held it on one line. Summing at the pixel throughout
// puts each of these edges a twip off.
func TestPortionMeasure(t *testing.T) {
	w := newWriter(t)
	tests := []struct {
		runs []compose.Run
		edge int // twips
	}{
		{[]compose.Run{{Text: "quá ủng phù THỜI Bộ 3 MẪU huyện Túc dứt Tỉnh dây lành ", Bold: true}, {Text: "trai II thích"}}, 8563},
		{[]compose.Run{{Text: "tới 2021 tồn chỉnh tránh Quốc mét sâu O2 cơ Đẩy ", Bold: true}, {Text: "Sổ HỢP phép PHẠM"}}, 8414},
		{[]compose.Run{{Text: "hết sẽ can mềm Giao tộc VNPT decimal sl năng bầu Đài HÀNH "}, {Text: "càng Thạc rãi", Italic: true}}, 8885},
		{[]compose.Run{{Text: "Mở chức M38 Phấn nghệ làng Được quần ĐƠN Kho M58 học 00880 "}, {Text: "thế Lễ", Italic: true}}, 8575},
	}
	spec := compose.Styles[compose.StyleBody]
	spec.FirstIndent = 0
	for _, tt := range tests {
		for _, c := range []struct {
			width int
			lines int
		}{{tt.edge, 1}, {tt.edge - 1, 2}} {
			p := w.layoutPara(compose.Para{Style: compose.StyleBody, Runs: tt.runs}, layout.Pt(c.width), spec)
			if len(p.lines) != c.lines {
				t.Errorf("%q at %d twips: %d lines, LibreOffice set %d", tt.runs[0].Text, c.width, len(p.lines), c.lines)
			}
		}
	}
}
