package docx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
)

// TestRowsSplitOnlyWhenTaller: a table row is w:cantSplit while it fits a
// page and not when it is taller (layout.Page.Holds), and header rows are
// w:tblHeader only while they take at most half a page: the closing block
// with 5 or 300 recipients, a data table with a short or a 1 500-word
// column title.
func TestRowsSplitOnlyWhenTaller(t *testing.T) {
	long := strings.Repeat("nội dung công việc ", 500)
	tests := []struct {
		name       string
		recipients int
		title      string
		cantSplit  int // rows with w:cantSplit
		tblHeader  int
	}{
		{"short", 5, "Nội dung", 3, 1}, // the closing row, the header row, the data row
		{"many recipients", 300, "Nội dung", 2, 1},
		{"header taller than half a page", 5, long, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cell := func(s string) compose.Cell {
				return compose.Cell{Runs: []compose.Run{{Text: s}}, ColSpan: 1, RowSpan: 1}
			}
			cl := &compose.Closing{SignSpace: 72, NameIndex: 2, Signer: []compose.Para{
				para(compose.StyleAuthority, "KT. GIÁM ĐỐC"), para(compose.StyleAuthority, "PHÓ GIÁM ĐỐC"),
				para(compose.StyleSignerName, "Nguyễn Văn An"),
			}}
			for i := range tt.recipients {
				cl.Recipients = append(cl.Recipients, para(compose.StyleRecipient, fmt.Sprintf("- UBND xã số %d;", i+1)))
			}
			d := &compose.Document{Sections: []compose.Section{{Blocks: []compose.Block{
				{Table: &compose.Table{Widths: []float64{0.3, 0.7}, FontSize: 12,
					Header: [][]compose.Cell{{cell("TT"), cell(tt.title)}},
					Rows:   [][]compose.Cell{{cell("1"), cell("Tuyên truyền")}}}},
				{Para: ptr(para(compose.StyleBody, "Đề nghị các đơn vị thực hiện./."))},
				{Closing: cl},
			}}}}
			_, doc := renderString(t, d)
			if got := strings.Count(doc, "<w:cantSplit/>"); got != tt.cantSplit {
				t.Errorf("%d rows with w:cantSplit, want %d", got, tt.cantSplit)
			}
			if got := strings.Count(doc, "<w:tblHeader/>"); got != tt.tblHeader {
				t.Errorf("%d rows with w:tblHeader, want %d", got, tt.tblHeader)
			}
		})
	}
}

// TestGlueWritten: the pieces layout.Glue keeps on one line are written with
// a non-breaking space or w:noBreakHyphen; other spaces and hyphens stay.
func TestGlueWritten(t *testing.T) {
	d := &compose.Document{Sections: []compose.Section{{Blocks: []compose.Block{
		{Para: ptr(para(compose.StyleBody, "Quyết định 1898/QĐ-TTg cấp 70.000.000 đồng cho Hương Hồ - thị xã"))},
	}}}}
	_, doc := renderString(t, d)
	for _, want := range []string{
		"<w:t>Quyết định 1898/QĐ</w:t>",
		"<w:noBreakHyphen/>",
		"TTg cấp 70.000.000\u00a0đồng cho Hương Hồ\u00a0- thị xã",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
}
