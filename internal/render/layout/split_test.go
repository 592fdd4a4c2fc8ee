package layout

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
)

func TestEstimateLines(t *testing.T) {
	fo := loadFonts(t)
	word := fo.Width("nhiệm", 14, false, false)
	space := fo.Width(" ", 14, false, false)
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
