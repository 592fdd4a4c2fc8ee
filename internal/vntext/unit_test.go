package vntext

import "testing"

func TestLookupMoneyUnit(t *testing.T) {
	cases := []struct {
		in   string
		name string
		dong uint64
		ok   bool
	}{
		{"", "đồng", 1, true},
		{"đồng", "đồng", 1, true},
		{"Đồng", "đồng", 1, true},
		{" TRIỆU  đồng ", "triệu đồng", 1_000_000, true},
		{"ngàn đồng", "ngàn đồng", 1_000, true},
		{"tỉ đồng", "tỉ đồng", 1_000_000_000, true},
		{"đo\u0302\u0300ng", "đồng", 1, true},
		{"USD", "", 0, false},
		{"đ", "", 0, false},
	}
	for _, tc := range cases {
		u, ok := LookupMoneyUnit(tc.in)
		if ok != tc.ok || u.Name != tc.name || u.Dong != tc.dong {
			t.Errorf("LookupMoneyUnit(%q) = %+v, %v; want %q %d %v", tc.in, u, ok, tc.name, tc.dong, tc.ok)
		}
	}
}

func TestMoneyUnitInDong(t *testing.T) {
	tỷ, _ := LookupMoneyUnit("tỷ đồng")
	cases := []struct {
		amount int64
		dong   uint64
		ok     bool
	}{
		{370, 370_000_000_000, true},
		{-1, 0, false},
		{9_223_372_037, 0, false}, // × 10^9 passes MaxInt64
	}
	for _, tc := range cases {
		d, ok := tỷ.InDong(tc.amount)
		if d != tc.dong || ok != tc.ok {
			t.Errorf("InDong(%d) = %d, %v; want %d, %v", tc.amount, d, ok, tc.dong, tc.ok)
		}
	}
	if got := MoneyUnitNames("hoặc"); got != "đồng, nghìn đồng, triệu đồng hoặc tỷ đồng" {
		t.Errorf("MoneyUnitNames = %q", got)
	}
}

func TestFoldAndSlug(t *testing.T) {
	cases := []struct{ in, strip, fold, slug string }{
		{"KINH PHÍ", "KINH PHI", "kinh phi", "kinh-phi"},
		{"Đồng Nai", "Dong Nai", "dong nai", "dong-nai"},
		{"xã Vĩnh Tú, 2024!", "xa Vinh Tu, 2024!", "xa vinh tu, 2024!", "xa-vinh-tu-2024"},
		{"  ", "  ", "  ", ""},
	}
	for _, tc := range cases {
		if got := StripMarks(tc.in); got != tc.strip {
			t.Errorf("StripMarks(%q) = %q, want %q", tc.in, got, tc.strip)
		}
		if got := Fold(tc.in); got != tc.fold {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.fold)
		}
		if got := Slug(tc.in, 0); got != tc.slug {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.slug)
		}
	}
	if got := Slug("một hai ba", 6); got != "mot-ha" {
		t.Errorf("Slug with max 6 = %q", got)
	}
}

func TestMoveTone(t *testing.T) {
	cases := []struct{ in, style, want string }{
		{"Ủy ban hòa giải", "new", "Uỷ ban hoà giải"},
		{"Uỷ ban hoà giải", "old", "Ủy ban hòa giải"},
		{"Uỷ ban hoà giải", "", "Uỷ ban hoà giải"},
		{"Uỷ ban hoà giải", "NEW", "Uỷ ban hoà giải"},
	}
	for _, tc := range cases {
		if got := MoveTone(tc.in, tc.style); got != tc.want {
			t.Errorf("MoveTone(%q, %q) = %q, want %q", tc.in, tc.style, got, tc.want)
		}
	}
}
