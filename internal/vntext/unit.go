package vntext

import (
	"math"
	"math/bits"
	"strings"
)

// MoneyUnit is a unit an amount of money is given in (đơn vị tính of a
// kinh phí): its name as printed and how many đồng one of it is. Amounts in
// words always read the sum in đồng, so every reader of a budget needs the
// factor; this table is the only place that states it.
type MoneyUnit struct {
	Name string `json:"name"` // as printed after an amount: "triệu đồng"
	Dong uint64 `json:"dong"` // value of one unit in đồng
	// Variant marks a regional spelling (ngàn, tỉ) that is accepted and
	// printed as typed but not offered when a clerk picks a unit.
	Variant bool `json:"variant,omitempty"`
}

// DefaultMoneyUnit is the unit of a budget that names none.
const DefaultMoneyUnit = "đồng"

// moneyUnits lists the accepted units, the offered spelling before its
// variant.
var moneyUnits = []MoneyUnit{
	{Name: "đồng", Dong: 1},
	{Name: "nghìn đồng", Dong: 1_000},
	{Name: "ngàn đồng", Dong: 1_000, Variant: true},
	{Name: "triệu đồng", Dong: 1_000_000},
	{Name: "tỷ đồng", Dong: 1_000_000_000},
	{Name: "tỉ đồng", Dong: 1_000_000_000, Variant: true},
}

// MoneyUnits returns a copy of the accepted units in their printed order.
func MoneyUnits() []MoneyUnit { return append([]MoneyUnit(nil), moneyUnits...) }

// LookupMoneyUnit finds the unit s names. Case, spacing and Unicode form
// do not matter ("Đồng", " TRIỆU  đồng"): they change nothing a reader
// understands, so the unit is accepted and printed in its table spelling
// rather than refused by one step and accepted by another. A blank s is
// the default unit, đồng.
func LookupMoneyUnit(s string) (MoneyUnit, bool) {
	k := Lower(strings.Join(strings.Fields(NFC(s)), " "))
	if k == "" {
		k = DefaultMoneyUnit
	}
	for _, u := range moneyUnits {
		if u.Name == k {
			return u, true
		}
	}
	return MoneyUnit{}, false
}

// MoneyUnitNames is the list a message offers: "đồng, nghìn đồng, triệu
// đồng hoặc tỷ đồng" with conj "hoặc", variants left out.
func MoneyUnitNames(conj string) string {
	var names []string
	for _, u := range moneyUnits {
		if !u.Variant {
			names = append(names, u.Name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}

// InDong is amount, given in u, in đồng; ok is false for a negative amount
// or one whose value in đồng does not fit an int64.
func (u MoneyUnit) InDong(amount int64) (dong uint64, ok bool) {
	if amount < 0 || u.Dong == 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(amount), u.Dong)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	return lo, true
}
