package validate

import (
	"fmt"
	"math"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// unitName is the unit as findings name it: the table spelling, or what
// was typed when the unit is unknown.
func unitName(u string) string {
	if mu, ok := vntext.LookupMoneyUnit(u); ok {
		return mu.Name
	}
	return u
}

// checkBudgets runs the budget rules on every budget block.
func checkBudgets(c *checker) {
	c.eachBlock(func(b blockInfo) {
		if b.Budget == nil {
			return
		}
		p := document.Join(b.Path, "budget")
		checkBudgetUnit(c, b.Budget, p)
		checkBudgetEmpty(c, b.Budget, p)
		checkBudgetNegative(c, b.Budget, p)
		sum, ok := checkBudgetItems(c, b.Budget.Items, p, b.Budget.Unit)
		checkBudgetTotal(c, b.Budget, p, sum, ok)
		checkBudgetWords(c, b.Budget, p, sum, ok)
	})
}

// checkBudgetUnit: đồng, nghìn đồng, triệu đồng or tỷ đồng.
func checkBudgetUnit(c *checker, b *document.Budget, p string) {
	if _, ok := vntext.LookupMoneyUnit(b.Unit); !ok {
		c.add("budget.unit_unknown", document.Join(p, "unit"),
			fmt.Sprintf("Đơn vị tính %q không hợp lệ: dùng %s.", b.Unit, vntext.MoneyUnitNames("hoặc")),
			fmt.Sprintf("unknown unit %q: use %s", b.Unit, vntext.MoneyUnitNames("or")))
	}
}

// checkBudgetEmpty: a budget shows at least a total.
func checkBudgetEmpty(c *checker, b *document.Budget, p string) {
	if b.Total == nil && len(b.Items) == 0 {
		c.add("budget.empty", p, "Kinh phí không có tổng và không có khoản nào.", "budget has neither a total nor items")
	}
}

// checkBudgetNegative: no negative amount anywhere.
func checkBudgetNegative(c *checker, b *document.Budget, p string) {
	if b.Total != nil && *b.Total < 0 {
		c.add("budget.negative", document.Join(p, "total"),
			fmt.Sprintf("Tổng kinh phí âm: %s.", vntext.FormatInt(*b.Total)),
			fmt.Sprintf("negative total: %s", vntext.FormatInt(*b.Total)))
	}
	var walk func(items []document.BudgetItem, base string)
	walk = func(items []document.BudgetItem, base string) {
		for i, it := range items {
			ip := document.Join(base, i)
			if it.Amount != nil && *it.Amount < 0 {
				c.add("budget.negative", document.Join(ip, "amount"),
					fmt.Sprintf("Khoản %q có số tiền âm: %s.", it.Text, vntext.FormatInt(*it.Amount)),
					fmt.Sprintf("item %q has a negative amount: %s", it.Text, vntext.FormatInt(*it.Amount)))
			}
			walk(it.Items, document.Join(ip, "items"))
		}
	}
	walk(b.Items, document.Join(p, "items"))
}

// addInt64 adds with overflow detection.
func addInt64(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// checkBudgetItems checks that every item with sub-items equals their sum
// and returns the sum of items (each item counting its amount, or its
// sub-items' sum when the amount is omitted). ok is false when some value
// is unknown (an item with neither) or too large, and the sum must not be
// compared.
func checkBudgetItems(c *checker, items []document.BudgetItem, base, unit string) (sum int64, ok bool) {
	ok = true
	for i, it := range items {
		ip := document.Join(base, "items", i)
		var v int64
		known := true
		switch {
		case len(it.Items) > 0:
			sub, subOK := checkBudgetItems(c, it.Items, ip, unit)
			switch {
			case it.Amount != nil:
				v = *it.Amount
				if subOK && sub != v {
					c.add("budget.item_sum", document.Join(ip, "amount"),
						fmt.Sprintf("Khoản %q: %s %s khác tổng các khoản con %s %s.", it.Text, vntext.FormatInt(v), unitName(unit), vntext.FormatInt(sub), unitName(unit)),
						fmt.Sprintf("item %q: %s %s differs from the sum of its sub-items %s %s", it.Text, vntext.FormatInt(v), unitName(unit), vntext.FormatInt(sub), unitName(unit)))
				}
			case subOK:
				v = sub
			default:
				known = false
			}
		case it.Amount != nil:
			v = *it.Amount
		default:
			c.add("budget.amount_missing", ip,
				fmt.Sprintf("Khoản %q không có số tiền và không có khoản con.", it.Text),
				fmt.Sprintf("item %q has neither an amount nor sub-items", it.Text))
			known = false
		}
		if !known {
			ok = false
			continue
		}
		s, fits := addInt64(sum, v)
		if !fits {
			c.add("budget.overflow", ip, "Tổng các khoản quá lớn để tính.", "the items are too large to add up")
			return 0, false
		}
		sum = s
	}
	return sum, ok
}

// checkBudgetTotal: a given total equals the sum of the items.
func checkBudgetTotal(c *checker, b *document.Budget, p string, sum int64, ok bool) {
	if b.Total == nil || len(b.Items) == 0 || !ok || *b.Total == sum {
		return
	}
	u := unitName(b.Unit)
	c.add("budget.total_mismatch", document.Join(p, "total"),
		fmt.Sprintf("Tổng %s %s khác tổng các khoản %s %s.", vntext.FormatInt(*b.Total), u, vntext.FormatInt(sum), u),
		fmt.Sprintf("total %s %s differs from the sum of the items %s %s", vntext.FormatInt(*b.Total), u, vntext.FormatInt(sum), u))
}

// checkBudgetWords: the amount in words reads the total, in đồng.
func checkBudgetWords(c *checker, b *document.Budget, p string, sum int64, ok bool) {
	if strings.TrimSpace(b.Words) == "" {
		return
	}
	unit, known := vntext.LookupMoneyUnit(b.Unit)
	if !known {
		return // reported by checkBudgetUnit
	}
	total := sum
	switch {
	case b.Total != nil:
		total = *b.Total
	case !ok:
		return
	}
	if total < 0 {
		return // reported by checkBudgetNegative
	}
	dong, fits := unit.InDong(total)
	if !fits {
		c.add("budget.overflow", document.Join(p, "total"), "Tổng kinh phí quá lớn để đọc thành chữ.", "the total is too large to read in words")
		return
	}
	if vntext.WordsEqual(b.Words, dong) {
		return
	}
	read := "không đọc được"
	readEN := "unreadable"
	if v, err := vntext.ParseWords(b.Words); err == nil && v <= math.MaxInt64 {
		read = vntext.FormatInt(int64(v)) + " đồng"
		readEN = read
	}
	c.add("budget.words_mismatch", document.Join(p, "words"),
		fmt.Sprintf("Bằng chữ %q (%s) khác tổng %s đồng.", b.Words, read, vntext.FormatInt(int64(dong))),
		fmt.Sprintf("amount in words %q (%s) differs from the total %s đồng", b.Words, readEN, vntext.FormatInt(int64(dong))))
}
