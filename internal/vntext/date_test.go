package vntext

import (
	"strings"
	"testing"
)

func TestFormatDate(t *testing.T) {
	cases := []struct {
		d    Date
		want string
	}{
		{Date{5, 1, 2020}, "ngày 05 tháng 01 năm 2020"},
		{Date{29, 6, 2019}, "ngày 29 tháng 6 năm 2019"},
		{Date{1, 2, 2024}, "ngày 01 tháng 02 năm 2024"},
		{Date{9, 3, 2024}, "ngày 09 tháng 3 năm 2024"},
		{Date{10, 12, 2024}, "ngày 10 tháng 12 năm 2024"},
		{Date{31, 10, 2024}, "ngày 31 tháng 10 năm 2024"},
		{Date{Year: 2024}, "ngày     tháng     năm 2024"},
		{Date{Month: 2, Year: 2024}, "ngày     tháng 02 năm 2024"},
		{Date{Day: 7}, "ngày 07 tháng     năm     "},
		{Date{}, "ngày     tháng     năm     "},
	}
	for _, c := range cases {
		if got := FormatDate(c.d); got != c.want {
			t.Errorf("FormatDate(%+v) = %q, want %q", c.d, got, c.want)
		}
	}
	if g := strings.Repeat(" ", BlankGap); !strings.Contains(FormatDate(Date{}), "ngày"+g+"tháng") {
		t.Error("BlankGap not honoured")
	}
}

func TestDateValid(t *testing.T) {
	cases := []struct {
		d        Date
		errHas   string // "" = valid
		complete bool
	}{
		{Date{5, 1, 2020}, "", true},
		{Date{29, 2, 2024}, "", true},
		{Date{29, 2, 2023}, "day 29 out of range for month 2/2023", true},
		{Date{29, 2, 1900}, "out of range", true},
		{Date{29, 2, 2000}, "", true},
		{Date{31, 4, 2024}, "max 30", true},
		{Date{29, 2, 0}, "", false},
		{Date{30, 2, 0}, "month 2 (max 29)", false},
		{Date{0, 0, 0}, "", false},
		{Date{32, 0, 0}, "day 32", false},
		{Date{0, 13, 2024}, "month 13", false},
		{Date{-1, 1, 2024}, "day -1", true},
		{Date{1, 1, 10000}, "year 10000", true},
		{Date{Year: 2024}, "", false},
	}
	for _, c := range cases {
		err := c.d.Valid()
		switch {
		case c.errHas == "" && err != nil:
			t.Errorf("%+v.Valid() = %v", c.d, err)
		case c.errHas != "" && (err == nil || !strings.Contains(err.Error(), c.errHas)):
			t.Errorf("%+v.Valid() = %v, want containing %q", c.d, err, c.errHas)
		}
		if got := c.d.Complete(); got != c.complete {
			t.Errorf("%+v.Complete() = %v", c.d, got)
		}
	}
}
