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
		{"two fit", "nhiệm nhiệm", 2*word + space, 1},
		{"two a reference pixel too wide do not", "nhiệm nhiệm", 2*word + space - 1.0/120, 2},
		{"ten on five lines", strings.Repeat("nhiệm ", 10), 2*word + space, 5},
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

// TestLibreOfficeLines holds EstimateLines to lines LibreOffice 7.4 set
// (kerning off, as the DOCX has it) at the narrowest measure that keeps
// them on one line: each fits there and wraps one twip narrower. In each,
// the sum of exact advances puts that edge one twip off; the whole-pixel
// widths of the reference device (FitAdvance) put it where LibreOffice
// does. The strings are random words from the corpus, one per face and
// size, measured by the integration test's method.
func TestLibreOfficeLines(t *testing.T) {
	fo := loadFonts(t)
	tests := []struct {
		size         float64
		bold, italic bool
		edge         int // narrowest measure in twips that holds the line
		text         string
	}{
		{12, true, false, 8507, "§0574 KÝ Trình Lớp Thiếu Xếp sài, sắm, này, Khoa về, PCCC KHAI NaClO3, 3G,"},
		{13, false, false, 8502, "§1736 Tuân Hành Vì khiến Đường ammonium đoàn sách. nam rõ 77,63 Toàn tra;"},
		{13, false, true, 8609, "§2660 mối, vấn, 220 chế Đặc Đạ phức Luyện giới Môn bệnh bê 73 Hàn TỐT nóng"},
		{13, true, true, 8609, "§2975 2.509 7,3 CHUNG 198 vẽ Ngành ĐỀ giáp TƯ dư: ngang 2.227 sản; CCN"},
		{13.5, false, false, 8548, "§3430 Trọng tiếp Sở Thường cước VT, bản; QLHC tin; TẮC giàu Sử CHỐNG"},
		{13.5, false, true, 8639, "§4312 vượt TTr. sự Xác lộ Heroine ga, Nền quy ngành GIA 112 mô, 2200 BMC"},
		{14, false, false, 8813, "§5040 4. thực, đàm Những 81,05 CẠNH 38,5 mặt. khủng nghiện: sài, gỡ; nhất"},
		{14, true, false, 8844, "§5467 sách: Quế. 5.3. xưởng, tịch nhập; 660 Đường, tiếp. phạm. 395 chiếu."},
		{14, false, true, 8774, "§5908 420 04T06A, nhận. THU thương, Loan. dưng bưu biệt ngộ vững, Mông"},
	}
	for _, tt := range tests {
		t.Run(tt.text[:12], func(t *testing.T) {
			if got := fo.EstimateLines(tt.text, tt.size, tt.bold, tt.italic, Pt(tt.edge), 0); got != 1 {
				t.Errorf("at %d twips: %d lines, LibreOffice set one", tt.edge, got)
			}
			if got := fo.EstimateLines(tt.text, tt.size, tt.bold, tt.italic, Pt(tt.edge-1), 0); got != 2 {
				t.Errorf("at %d twips: %d lines, LibreOffice set two", tt.edge-1, got)
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
