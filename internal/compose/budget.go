package compose

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// DefaultBudgetUnit is the unit of a budget that names none.
const DefaultBudgetUnit = vntext.DefaultMoneyUnit

// BudgetTotal is the budget's total: the given one, or the sum of its items.
func BudgetTotal(b *document.Budget) (int64, bool) {
	if b.Total != nil {
		return *b.Total, true
	}
	return sumItems(b.Items)
}

// ItemAmount is an item's amount: the given one, or the sum of its
// sub-items; ok is false when it has neither.
func ItemAmount(it *document.BudgetItem) (int64, bool) {
	if it.Amount != nil {
		return *it.Amount, true
	}
	return sumItems(it.Items)
}

func sumItems(items []document.BudgetItem) (int64, bool) {
	var s int64
	found := false
	for i := range items {
		a, ok := ItemAmount(&items[i])
		if !ok {
			continue
		}
		found = true
		s += a
	}
	return s, found
}

// AmountWords is the "bằng chữ" of amount in unit: vntext.AmountInWords of
// the sum in đồng ("Ba trăm bảy mươi triệu đồng chẵn").
func AmountWords(amount int64, unit string, o document.Options) (string, error) {
	u, ok := vntext.LookupMoneyUnit(unit)
	if !ok {
		return "", fmt.Errorf("unknown unit %q: give the amount in words", unit)
	}
	if amount < 0 {
		return "", errors.New("negative amount")
	}
	dong, ok := u.InDong(amount)
	if !ok {
		return "", errors.New("amount too large")
	}
	return vntext.AmountInWords(dong, "đồng", vntext.WordsOptions{Bon: o.WordsBon, Le: o.WordsLe, Ngan: o.WordsNgan}), nil
}

// BudgetUnit is the unit a budget prints after its amounts: the table
// spelling of the one it names (vntext.LookupMoneyUnit), đồng when blank.
func BudgetUnit(b *document.Budget) (string, error) {
	u, ok := vntext.LookupMoneyUnit(b.Unit)
	if !ok {
		return "", fmt.Errorf("unknown unit %q", b.Unit)
	}
	return u.Name, nil
}

// budget composes a kinh phí block the way the seed plans write it:
//
//	Ngân sách ...: 370.000.000 đồng (Ba trăm bảy mươi triệu đồng chẵn), trong đó:
//	- Truyền thông ...: 70.000.000 đồng;
//	- Thực hiện ...: 210.000.000 đồng, trong đó:
//	+ Mô hình ...: 150.000.000 đồng;
//	- Hoạt động kiểm tra, giám sát: 10.000.000 đồng.
//
// Amounts left out are computed from their parts. Lines end in ";" and the
// last one in ".", like every other list in NĐ30 (Kính gửi, Nơi nhận).
func (c *composer) budget(b *document.Budget) ([]Block, error) {
	unit, err := BudgetUnit(b)
	if err != nil {
		return nil, err
	}
	total, ok := BudgetTotal(b)
	if !ok {
		return nil, errors.New("no total and no amounts to add up")
	}
	// Given words print as written inside the one pair of parentheses
	// ("(Bằng chữ: … đồng chẵn)" keeps its label, never doubled brackets).
	words := strings.TrimSpace(b.Words)
	if strings.HasPrefix(words, "(") && strings.HasSuffix(words, ")") {
		words = strings.TrimSpace(words[1 : len(words)-1])
	}
	if words == "" {
		w, err := AmountWords(total, unit, c.d.Options)
		if err != nil {
			return nil, err
		}
		words = w
	}
	head := trimColon(b.Label)
	if head != "" {
		head += ": "
	}
	head += vntext.FormatInt(total) + " " + unit + " (" + words + ")"
	var lines []*Para
	if len(b.Items) > 0 {
		head += ", trong đó:"
	} else {
		head += "."
	}
	out := []Block{{Para: &Para{Style: StyleBody, Runs: []Run{{Text: head}}}}}
	var walk func(items []document.BudgetItem, depth int)
	walk = func(items []document.BudgetItem, depth int) {
		for i := range items {
			it := &items[i]
			st, label := StyleBullet, BulletDash
			if depth > 0 {
				st, label = StyleBullet2, BulletPlus
			}
			text := trimColon(it.Text)
			if a, ok := ItemAmount(it); ok {
				text += ": " + vntext.FormatInt(a) + " " + unit
			}
			if len(it.Items) > 0 {
				text += ", trong đó:"
			} else {
				text += ";"
			}
			p := &Para{Style: st, Label: label, Runs: []Run{{Text: text}}}
			lines = append(lines, p)
			out = append(out, Block{Para: p})
			walk(it.Items, depth+1)
		}
	}
	walk(b.Items, 0)
	if n := len(lines); n > 0 {
		r := &lines[n-1].Runs[0]
		r.Text = strings.TrimSuffix(r.Text, ";") + "."
	}
	return out, nil
}

// trimColon drops a colon the author typed at the end of a label: compose
// adds its own before the amount.
func trimColon(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ": ")
}
