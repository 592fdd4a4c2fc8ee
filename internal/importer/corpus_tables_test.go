package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// corpusTables are the shapes of the data tables of the corpus documents
// that have them, in document order, written by hand from the files
// (../shared/corpus/README.md describes each): rows after the header,
// header levels, leaf kinds (t text, n number, m money, p percent, c
// code, d date), row kinds (d data, s section, t total, g group) and
// merged data cells.
var corpusTables = map[string][]string{
	// Phụ lục I and II: ranking tables, the rate column written "93,01%";
	// the "Chỉ số cao nhất / trung bình / thấp nhất" labels merged over
	// the leading columns.
	"06": {"17 rows, 1 levels, ttttpt, d17, 3 spans", "1 rows, 1 levels, tttnpt, d1, 0 spans", "127 rows, 1 levels, ttttpt, d127, 3 spans"},
	// Attached lists of xã (TT | Xã | Loại) and of units.
	"10": {"95 rows, 1 levels, ttt, d95, 0 spans", "29 rows, 1 levels, tt, d29, 0 spans"},
	"12": {"4 rows, 1 levels, ttt, d4, 0 spans"},
	// Biểu mẫu 1–7: "Kết quả thống kê" over "Đơn vị tính | Số liệu";
	// section "4." holds the sum of 4.1–4.4; a Ghi chú merged down.
	"16": {"19 rows, 2 levels, ttttt, d19, 1 spans", "13 rows, 2 levels, tttnt, d13, 0 spans", "17 rows, 2 levels, ttttt, d17, 0 spans",
		"4 rows, 2 levels, tttnt, d4, 0 spans", "19 rows, 2 levels, tttnt, d19, 0 spans", "13 rows, 2 levels, tttnt, d12 s1, 1 spans",
		"13 rows, 2 levels, tttnt, d13, 1 spans", "15 rows, 2 levels, tttnt, d15, 0 spans", "10 rows, 2 levels, tttnt, d10, 0 spans"},
	// Comparison tables: provinces over "Điểm số | Chỉ số | Thứ hạng";
	// in the first, Bình Thuận's "Điểm số" straddles the group edge by a
	// 7-twip grid column and belongs to Bình Thuận.
	"18": {"9 rows, 2 levels, tttpttpttpt, d9, 1 spans", "12 rows, 2 levels, ttptptpt, d12, 1 spans", "9 rows, 2 levels, tttpttpttpt, d9, 1 spans",
		"11 rows, 2 levels, ttntnttt, d11, 1 spans", "28 rows, 1 levels, tttnt, d28, 1 spans"},
	// Phụ lục 1–3: group rows across the table, "Tổng cộng" rows that add
	// the area (970,46 and 1.311,4), an investment column in money.
	"20": {"0 rows, 1 levels, tt, , 0 spans", "26 rows, 1 levels, tttnnt, d23 t1 g2, 0 spans", "26 rows, 1 levels, tttnmt, d25 t1, 0 spans",
		"30 rows, 1 levels, ttttttt, d27 g3, 0 spans"},
	// "Cơ quan cấp phép" over three columns; counts written "00" stay as
	// written.
	"22": {"4 rows, 2 levels, ttttttn, d4, 0 spans"},
	// The list's date column.
	"44": {"25 rows, 1 levels, ttd, d25, 0 spans"},
	"45": {"6 rows, 1 levels, ttt, d6, 0 spans", "6 rows, 1 levels, ttt, d6, 0 spans", "8 rows, 1 levels, tttn, d8, 0 spans",
		"5 rows, 1 levels, tttt, d5, 0 spans", "20 rows, 1 levels, tttttttt, d20, 0 spans", "31 rows, 1 levels, ttttt, d31, 0 spans"},
}

// TestCorpusTables: the corpus documents with tables import with their
// tables intact: rows, header levels, column kinds, row kinds and merged
// cells as written, and every table valid arithmetic (compose.CalcTable
// finds nothing to report).
func TestCorpusTables(t *testing.T) {
	dir := corpusDir(t)
	for nn, want := range corpusTables {
		fs, _ := filepath.Glob(filepath.Join(dir, nn+"-*.docx"))
		if len(fs) != 1 {
			t.Fatalf("%s: %d files", nn, len(fs))
		}
		t.Run(filepath.Base(fs[0]), func(t *testing.T) {
			f, err := os.Open(fs[0])
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			st, _ := f.Stat()
			d, _, err := ImportDOCX(f, st.Size(), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tb := range documentTables(d) {
				got = append(got, tableShape(tb))
				if is := compose.CalcTable(tb).Issues; len(is) > 0 {
					t.Errorf("table %d: arithmetic issues %v", len(got), is)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("tables:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
		})
	}
}

func documentTables(d *document.Document) []*document.Table {
	var out []*document.Table
	var walk func([]document.Block)
	walk = func(bs []document.Block) {
		for _, b := range bs {
			switch {
			case b.Table != nil:
				out = append(out, b.Table)
			case b.Heading != nil:
				walk(b.Heading.Children)
			case b.Item != nil:
				walk(b.Item.Children)
			}
		}
	}
	walk(d.Body)
	for _, a := range d.Appendices {
		walk(a.Blocks)
	}
	for _, a := range d.Attachments {
		walk(a.Blocks)
	}
	return out
}

func tableShape(t *document.Table) string {
	depth := 0
	var deep func([]document.Column, int)
	deep = func(cs []document.Column, l int) {
		for _, c := range cs {
			depth = max(depth, l)
			deep(c.Children, l+1)
		}
	}
	deep(t.Columns, 1)
	var kinds strings.Builder
	for _, l := range leafPtrs(t.Columns) {
		kinds.WriteByte(map[string]byte{document.ColText: 't', document.ColNumber: 'n', document.ColMoney: 'm', document.ColPercent: 'p', document.ColCode: 'c', document.ColDate: 'd'}[compose.ColumnKind(l)])
	}
	count := map[string]int{}
	spans := 0
	for _, r := range t.Rows {
		count[r.Kind]++
		spans += len(r.Spans)
	}
	var rk []string
	for _, k := range []struct{ kind, short string }{{document.RowData, "d"}, {document.RowSection, "s"}, {document.RowTotal, "t"}, {document.RowTarget, "c"}, {document.RowGroup, "g"}} {
		if n := count[k.kind]; n > 0 {
			rk = append(rk, fmt.Sprintf("%s%d", k.short, n))
		}
	}
	return fmt.Sprintf("%d rows, %d levels, %s, %s, %d spans", len(t.Rows), depth, kinds.String(), strings.Join(rk, " "), spans)
}
