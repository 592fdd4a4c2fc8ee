package layout

import (
	"strconv"
	"strings"
	"testing"
)

// TestGlue marks with "~" where a line may not break (a glued space or
// the character after a glued hyphen): every rule has a case that glues
// and one that does not.
func TestGlue(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Quyết định số 1898/QĐ-TTg ngày 28/11/2017", "Quyết định số 1898/QĐ-~TTg ngày 28/11/2017"},
		{"Nghị quyết 02-NQ/TW và KH-UBND", "Nghị quyết 02-~NQ/TW và KH-~UBND"},
		{"Công văn 39/UBDT-DTTS của", "Công văn 39/UBDT-~DTTS của"},
		{"giai đoạn 2018-2025 và 2021- 2025", "giai đoạn 2018-~2025 và 2021-~2025"},
		{"giai đoạn 2018 - 2025” tới", "giai đoạn 2018~-~2025” tới"},
		{"Độc lập - Tự do", "Độc lập~- Tự do"},
		{"Hướng dẫn 04/HD- ĐCT, ngày", "Hướng dẫn 04/HD-~ĐCT, ngày"},
		{"Phòng Lao động -TB và XH", "Phòng Lao động~-TB và XH"},
		{"kinh phí 70.000.000 đồng; đạt 15 %.", "kinh phí 70.000.000~đồng; đạt 15~%."},
		{"450 triệu đồng, 120 ha, 12 m3, 35 km, 2.500 người", "450~triệu~đồng, 120~ha, 12~m3, 35~km, 2.500~người"},
		{"năm 2023 có nhiều", "năm 2023 có nhiều"},
		{"KT. GIÁM ĐỐC và TM. ỦY BAN", "KT.~GIÁM ĐỐC và TM.~ỦY BAN"},
		{"theo Điều 1. và Khoản 2", "theo Điều~1. và Khoản~2"},
		{"ngày 30/6/2023 - nay", "ngày 30/6/2023~- nay"},
		{"a - b", "a~- b"},
		{"- UBND xã", "- UBND xã"},
		{"bình thường không dính", "bình thường không dính"},
		{"giai đoạn I ( 2018 - 2020) và", "giai đoạn I (~2018~-~2020) và"},
		{"tỉnh Thừa Thiên Huế ; các xã : và ( [ a", "tỉnh Thừa Thiên Huế~; các xã~: và (~[~a"},
		{"văn bản khác ... và ) hết", "văn bản khác~... và~) hết"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			var b strings.Builder
			g := Glue(c.in)
			k := 0
			for i := 0; i < len(c.in); i++ {
				glued := k < len(g) && g[k] == i
				if glued {
					k++
				}
				switch {
				case glued && c.in[i] == ' ':
					b.WriteByte('~')
				case glued:
					b.WriteString(c.in[i:i+1] + "~")
				default:
					b.WriteByte(c.in[i])
				}
			}
			if got := b.String(); got != c.want {
				t.Errorf("Glue(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestBadBreak(t *testing.T) {
	cases := []struct {
		a, b string
		bad  bool
	}{
		{"Quyết định số 1898/QĐ-", "TTg ngày", true},
		{"Quyết định số", "1898/QĐ-TTg ngày", false},
		{"giai đoạn 2018-", "2025 với", true},
		{"kinh phí 70.000.000", "đồng cho", true},
		{"kinh phí", "70.000.000 đồng cho", false},
		{"tổ chức chính trị", "- xã hội", true},
		{"tổ chức chính trị -", "xã hội", false},
		{"KT.", "GIÁM ĐỐC", true},
		{"theo Điều", "1. Quyết định", true},
		{"năm", "2023", false},
		{"", "x", false},
	}
	for _, c := range cases {
		if got := BadBreak(c.a, c.b); got != c.bad {
			t.Errorf("BadBreak(%q, %q) = %v, want %v", c.a, c.b, got, c.bad)
		}
	}
}

// BenchmarkGlue shows Glue linear in the text's length.
func BenchmarkGlue(b *testing.B) {
	for _, n := range []int{1 << 10, 1 << 14, 1 << 18} {
		text := strings.Repeat("Quyết định 1898/QĐ-TTg kinh phí 70.000.000 đồng ", n/48+1)[:n]
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				Glue(text)
			}
		})
	}
}
