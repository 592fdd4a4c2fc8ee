package layout

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
)

func TestEstimateLines(t *testing.T) {
	fo := loadFonts(t)
	f := fo.faces[FaceOf(false, false)]
	word := f.FitWidth("nhiệm", 14)
	space := f.FitWidth(" ", 14)
	tests := []struct {
		name  string
		text  string
		width float64
		want  int
	}{
		{"empty", "", 100, 1},
		{"one word", "nhiệm", 100, 1},
		{"two fit", "nhiệm nhiệm", 2*word + space + LineSlack + 0.001, 1},
		{"two within the slack do not", "nhiệm nhiệm", 2*word + space + LineSlack - 0.01, 2},
		{"two do not", "nhiệm nhiệm", 2*word + space - 0.1, 2},
		{"ten on five lines", strings.Repeat("nhiệm ", 10), 2*word + space + LineSlack + 0.001, 5},
		{"a word three lines wide", strings.Repeat("x", 30), fo.Width(strings.Repeat("x", 10), 14, false, false) + 0.001, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fo.EstimateLines(tt.text, 14, false, false, tt.width, 0); got != tt.want {
				t.Errorf("EstimateLines = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestLibreOfficeLines holds EstimateLines to lines LibreOffice 7.4 set in
// the samples' DOCX at a 10 mm first-line indent on a 160 mm measure
// (8504 twips for the first line): with exact advances each first line
// comes within LineSlack of the measure, and the last fits with its next
// word, yet LibreOffice set them the other way; with its whole-twip
// character widths (FitAdvance) each comes out as LibreOffice set it.
func TestLibreOfficeLines(t *testing.T) {
	fo := loadFonts(t)
	width, indent := Pt(9071), IndentPt(10)
	tests := []struct {
		first string // LibreOffice's first line
		next  string // the word it carried to the second line
	}{
		{"- Kế hoạch Tháng hành động vì bình đẳng giới và phòng chống bạo lực trên", "cơ"},
		{"d) Quyết định cơ cấu tổ chức bộ máy của Hội. Ban hành Quy chế hoạt động", "của"},
		{"- Không phải là cán bộ, công chức trong các cơ quan, tổ chức trực tiếp quản", "lý"},
		{"1. Tổ chức thuộc Hội, hội viên vi phạm pháp luật, vi phạm Điều lệ Hội,", "quy"},
	}
	for _, tt := range tests {
		t.Run(tt.first, func(t *testing.T) {
			if got := fo.EstimateLines(tt.first, 14, false, false, width, indent); got != 1 {
				t.Errorf("%d lines, LibreOffice set one", got)
			}
			if got := fo.EstimateLines(tt.first+" "+tt.next, 14, false, false, width, indent); got != 2 {
				t.Errorf("with %q: %d lines, LibreOffice set two", tt.next, got)
			}
		})
	}
}

// TestSplitDecisions: a row is kept whole while it fits a page, header
// rows repeat while they take at most a third of it; the closing block of a
// few recipients is kept whole, of hundreds is not.
func TestSplitDecisions(t *testing.T) {
	fo := loadFonts(t)
	p := PageOf(compose.Page, false)
	h := p.TextHeight()
	if !p.Holds(h) || p.Holds(h+0.1) {
		t.Errorf("Holds at the page's height %v is wrong", h)
	}
	if !p.RepeatsHeader(h/3) || p.RepeatsHeader(h/3+0.1) {
		t.Errorf("RepeatsHeader at a third of the page is wrong")
	}
	if p.RepeatsHeader(h * 0.37) {
		t.Errorf("a header over 37%% of the page repeats")
	}
	closing := func(n int) *compose.Closing {
		cl := &compose.Closing{SignSpace: 60, NameIndex: 2, Signer: []compose.Para{
			{Style: compose.StyleAuthority, Runs: []compose.Run{{Text: "KT. GIÁM ĐỐC"}}},
			{Style: compose.StyleAuthority, Runs: []compose.Run{{Text: "PHÓ GIÁM ĐỐC"}}},
			{Style: compose.StyleSignerName, Runs: []compose.Run{{Text: "Nguyễn Văn An"}}},
		}}
		for i := range n {
			cl.Recipients = append(cl.Recipients, compose.Para{Style: compose.StyleRecipient, Runs: []compose.Run{{Text: "- UBND xã số " + strings.Repeat("x", i%7) + ";"}}})
		}
		return cl
	}
	if got := fo.ClosingHeight(compose.Styles, closing(10), p.TextWidth()); !p.Holds(got) {
		t.Errorf("10 recipients: %v pt, estimated taller than a page", got)
	}
	if got := fo.ClosingHeight(compose.Styles, closing(120), p.TextWidth()); p.Holds(got) {
		t.Errorf("120 recipients: %v pt, estimated to fit a page", got)
	}
}
