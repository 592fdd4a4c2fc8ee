package validate

import "testing"

func TestPointsBack(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Như trên;", true}, {"NHƯ TRÊN", true}, {"Như Điều 4", true}, {"như điều 12;", true},
		{"Lưu: VT, KGVX.", true}, {"Sở Tài chính;", false}, {"Như trên và các xã", false}, {"Điều hành", false}, {"", false},
	} {
		if got := PointsBack(c.name); got != c.want {
			t.Errorf("PointsBack(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
