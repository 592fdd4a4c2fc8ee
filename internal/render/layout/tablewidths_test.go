package layout

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
)

func wcell(s string, a compose.Align) compose.Cell {
	return compose.Cell{Runs: []compose.Run{{Text: s}}, Align: a, ColSpan: 1, RowSpan: 1}
}

// widthTable is a dự toán-like table: TT, a long Nội dung, a short ĐVT,
// two money columns; compose's estimate gives Nội dung an eighth.
func widthTable(fixed []bool, widths []float64) *compose.Table {
	h := []compose.Cell{wcell("TT", compose.AlignCenter), wcell("Nội dung", compose.AlignCenter), wcell("ĐVT", compose.AlignCenter),
		wcell("Mức chi", compose.AlignCenter), wcell("Thành tiền", compose.AlignCenter)}
	rows := [][]compose.Cell{}
	for _, text := range []string{"Thuê hội trường, âm thanh, ánh sáng cho vòng chung kết", "Bồi dưỡng thành viên Ban Giám khảo", "Nước uống"} {
		rows = append(rows, []compose.Cell{wcell("1", compose.AlignCenter), wcell(text, compose.AlignLeft), wcell("người", compose.AlignLeft),
			wcell("1.500.000", compose.AlignRight), wcell("120.000.000.000", compose.AlignRight)})
	}
	return &compose.Table{Widths: widths, Fixed: fixed, Header: [][]compose.Cell{h}, Rows: rows, FontSize: 12}
}

func TestTableColumnsFromContent(t *testing.T) {
	fo := loadFonts(t)
	textW := PageOf(compose.Page, false).TextWidth()
	pad := 2 * Pt(CellMargin)
	free := []bool{false, false, false, false, false}
	tb := widthTable(free, []float64{0.05, 0.125, 0.15, 0.3375, 0.3375})
	cols, err := fo.TableColumns(tb, textW)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, c := range cols {
		sum += c
	}
	if sum != textW {
		t.Errorf("columns add up to %d twips, want %d", sum, textW)
	}
	// A number never wraps; a word never breaks.
	if w := fo.Width("120.000.000.000", 12, false, false) + pad; Pt(cols[4]) < w {
		t.Errorf("Thành tiền %.1f pt, narrower than its widest number %.1f", Pt(cols[4]), w)
	}
	if w := fo.Width("Thành", 12, true, false) + pad; Pt(cols[4]) < w {
		t.Errorf("Thành tiền narrower than its heading's longest word")
	}
	// The text column takes what the numbers leave: more than compose's
	// eighth, and more than any number column.
	if cols[1] <= textW/8 || cols[1] <= cols[4] {
		t.Errorf("Nội dung %d twips of %d (columns %v): want the largest share", cols[1], textW, cols)
	}
	// A short column is no wider than its longest line needs.
	if w := fo.Width("người", 12, false, false)*1.02 + pad + 2; Pt(cols[2]) > w+0.5 {
		t.Errorf("ĐVT %.1f pt, wider than its longest line %.1f", Pt(cols[2]), w)
	}
	// A width the document gives wins.
	tb = widthTable([]bool{false, false, false, false, true}, []float64{0.05, 0.125, 0.15, 0.3375, 0.5})
	cols, _ = fo.TableColumns(tb, textW)
	want := int(0.5 / (0.05 + 0.125 + 0.15 + 0.3375 + 0.5) * float64(textW))
	if d := cols[4] - want; d < -1 || d > 1 {
		t.Errorf("given Thành tiền = %d twips, want %d", cols[4], want)
	}
}

func TestTableColumnsTooNarrow(t *testing.T) {
	fo := loadFonts(t)
	tb := widthTable(make([]bool, 5), []float64{0.2, 0.2, 0.2, 0.2, 0.2})
	// A page too narrow for even the longest words: shares by need, still
	// the whole width.
	cols, err := fo.TableColumns(tb, 1000)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, c := range cols {
		if c <= 0 {
			t.Errorf("column of %d twips", c)
		}
		sum += c
	}
	if sum != 1000 {
		t.Errorf("sum %d", sum)
	}
	if !strings.Contains(cellText(tb.Rows[0][1]), "hội trường") {
		t.Error("cellText lost the text")
	}
}
