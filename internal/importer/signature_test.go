package importer

import (
	"strings"
	"testing"
)

// TestSignatureParts: a chain run into one line is split into its steps,
// a rank before the name goes to its own field; lines without them stay.
func TestSignatureParts(t *testing.T) {
	for _, tt := range []struct {
		lines      []string
		want       string
		name, rank string
		rest       string
	}{
		{[]string{"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH", "Thiếu tướng Trương Minh Đương", "Thiếu tướng", "Trương Minh Đương"},
		{[]string{"ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"}, "ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH", "Đại tá Lê Văn A", "Đại tá", "Lê Văn A"},
		{[]string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "Đại Văn Tá", "", "Đại Văn Tá"},
		{[]string{"CHỦ TỊCH"}, "CHỦ TỊCH", "Nguyễn Thị Thượng", "", "Nguyễn Thị Thượng"},
	} {
		if got := strings.Join(splitChain(tt.lines), "|"); got != tt.want {
			t.Errorf("splitChain(%q) = %q, want %q", tt.lines, got, tt.want)
		}
		if r, n := splitRank(tt.name); r != tt.rank || n != tt.rest {
			t.Errorf("splitRank(%q) = %q, %q; want %q, %q", tt.name, r, n, tt.rank, tt.rest)
		}
	}
}
