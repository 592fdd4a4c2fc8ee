package vntext

import (
	"fmt"
	"strconv"
	"strings"
)

// Date is a document date. Zero in a field means "left blank": drafts are
// printed with the day and month blank and filled in by hand at signing.
type Date struct{ Day, Month, Year int }

// BlankGap is the number of spaces FormatDate leaves after "ngày", "tháng"
// or "năm" when the value is blank, in place of " value " (" value" for the
// year). Five spaces give room to write a two-digit day or month by hand at
// 13–14 pt, and keep the line the same length whatever is blank.
const BlankGap = 5

// FormatDate renders d as Nghị định 30/2020 (Phụ lục I) requires: days
// 1–9 and months 1–2 are zero-padded (so that nothing can be prepended to
// them later), all other values are not: "ngày 05 tháng 01 năm 2020",
// "ngày 29 tháng 6 năm 2019". Blank fields become BlankGap spaces:
// Date{Year: 2024} → "ngày     tháng     năm 2024".
func FormatDate(d Date) string {
	var b strings.Builder
	b.Grow(32)
	field := func(label string, v int, s string, last bool) {
		b.WriteString(label)
		if v == 0 {
			b.WriteString(strings.Repeat(" ", BlankGap))
			return
		}
		b.WriteByte(' ')
		b.WriteString(s)
		if !last {
			b.WriteByte(' ')
		}
	}
	field("ngày", d.Day, pad(d.Day, d.Day < 10), false)
	field("tháng", d.Month, pad(d.Month, d.Month < 3), false)
	field("năm", d.Year, strconv.Itoa(d.Year), true)
	return b.String()
}

func pad(v int, two bool) string {
	if two && v >= 0 && v < 10 {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// Valid reports whether the set parts of d are in range and, when the day
// and month (and year) are all set, whether they form a real calendar date.
// Blank parts (0) are allowed. Without a year, 29 February is accepted.
func (d Date) Valid() error {
	if d.Day < 0 || d.Day > 31 {
		return fmt.Errorf("vntext: day %d out of range 1–31", d.Day)
	}
	if d.Month < 0 || d.Month > 12 {
		return fmt.Errorf("vntext: month %d out of range 1–12", d.Month)
	}
	if d.Year < 0 || d.Year > 9999 {
		return fmt.Errorf("vntext: year %d out of range 1–9999", d.Year)
	}
	if d.Day != 0 && d.Month != 0 {
		if max := daysIn(d.Month, d.Year); d.Day > max {
			if d.Year == 0 {
				return fmt.Errorf("vntext: day %d out of range for month %d (max %d)", d.Day, d.Month, max)
			}
			return fmt.Errorf("vntext: day %d out of range for month %d/%d (max %d)", d.Day, d.Month, d.Year, max)
		}
	}
	return nil
}

// daysIn returns the days in month m of year y; y == 0 (unknown) allows 29
// February.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y == 0 || (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Complete reports whether day, month and year are all set.
func (d Date) Complete() bool { return d.Day != 0 && d.Month != 0 && d.Year != 0 }
