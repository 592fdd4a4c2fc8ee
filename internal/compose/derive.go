package compose

import (
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// Derived holds the strings and numbers compose derives from a document,
// each keyed by the JSON Pointer of what it belongs to, for a client that
// shows them while the document is being written (the editor): it shows
// what will be printed without a second copy of the rules. Derive works on
// any decodable document, valid or not; what cannot be derived yet is
// left out or explained.
type Derived struct {
	// Symbol is the ký hiệu printed after the number ("KH-UBND").
	Symbol string `json:"symbol"`
	// Number is the "Số: 1653/KH-UBND" line.
	Number string `json:"number"`
	// PlaceDate is the "Gia Lai, ngày 30 tháng 6 năm 2023" line.
	PlaceDate string `json:"place_date"`
	// ArchiveLine is the last Nơi nhận line, "- Lưu: VT, KGVX.".
	ArchiveLine string `json:"archive_line"`
	// Starts is the level (1 mục, 2 khoản) each block list's top headings
	// are, by the list's pointer ("/body", "/appendices/0/blocks").
	Starts map[string]int `json:"starts"`
	// Headings are the printed label and level of every heading, by the
	// pointer of its block.
	Headings map[string]DerivedHeading `json:"headings"`
	// Appendices are the "Phụ lục I" lines, by the appendix's pointer.
	Appendices map[string]string `json:"appendices"`
	// AppendixRef and AttachmentRef are the "(Kèm theo …)" and "(Ban
	// hành kèm theo …)" lines printed where an appendix or attached text
	// gives none.
	AppendixRef   string `json:"appendix_ref,omitempty"`
	AttachmentRef string `json:"attachment_ref,omitempty"`
	// Budgets are the totals and amounts in words, by the budget's pointer.
	Budgets map[string]DerivedBudget `json:"budgets"`
	// Tables are the printed texts of every cell a table computes (sum
	// columns, total rows), by the table's pointer: Cells[row][leaf].
	Tables map[string]DerivedTable `json:"tables"`
	// Units are the money units a budget may name, in the order offered.
	Units []vntext.MoneyUnit `json:"units"`
	// Prefixes are the authority prefixes (TM., KT. ...) a signature may use.
	Prefixes []document.AuthorityPrefix `json:"prefixes"`
	// ColumnKinds and Formulas are what a table's column kind and a
	// formula may be, as the editor offers them.
	ColumnKinds []Choice `json:"column_kinds"`
	Formulas    []Choice `json:"formulas"`
}

// DerivedHeading is one heading's printed label and level.
type DerivedHeading struct {
	Label string `json:"label"`
	Level int    `json:"level"`
	// Name is what the level is called: "Điều", "Khoản", "Điểm" …
	// (LevelName).
	Name string `json:"name"`
}

// DerivedBudget is what a budget prints: its unit, total (given or
// summed), the sum of its items, the amount in words and each item's
// amount (given or summed) by the item's pointer.
type DerivedBudget struct {
	Unit  string           `json:"unit"`
	Total *int64           `json:"total,omitempty"`
	Sum   *int64           `json:"sum,omitempty"`
	Words string           `json:"words,omitempty"`
	Items map[string]int64 `json:"items"`
	// Problem says in Vietnamese why the words cannot be read yet (an
	// unknown unit, a negative or too large amount).
	Problem string `json:"problem,omitempty"`
}

// DerivedTable holds a table's numeric cells as printed, given or
// computed (section subtotals, totals, formulas): "" in text columns and
// covered cells. Words is the "Bằng chữ: …" line printed under it.
type DerivedTable struct {
	Cells [][]string `json:"cells"`
	Words string     `json:"words,omitempty"`
}

// Derive computes d's derived strings with the functions Compose prints
// with. d should be normalised; it is not changed.
func Derive(d *document.Document) *Derived {
	typ, _ := document.LookupType(d.Type)
	c := &composer{d: d, typ: typ}
	out := &Derived{
		Symbol:      Symbol(d),
		ArchiveLine: DocumentArchiveLine(d.Distribution),
		Starts:      map[string]int{"/body": StartLevel(d.Body, c.letter())},
		Headings:    map[string]DerivedHeading{},
		Appendices:  map[string]string{},
		Budgets:     map[string]DerivedBudget{},
		Tables:      map[string]DerivedTable{},
		Prefixes:    document.AuthorityPrefixes(),
		ColumnKinds: ColumnKinds(),
		Formulas:    FormulaForms(),
	}
	if h := c.header(); h != nil {
		out.Number = plainText(h.Number)
		out.PlaceDate = plainText(h.PlaceDate)
	}
	for _, u := range vntext.MoneyUnits() {
		if !u.Variant {
			out.Units = append(out.Units, u)
		}
	}
	if len(d.Appendices) > 0 {
		out.AppendixRef = c.appendixRef()
	}
	if len(d.Attachments) > 0 {
		out.AttachmentRef = c.kemTheo("Ban hành kèm theo")
	}
	for i := range d.Appendices {
		p := document.Pointer("appendices", i)
		out.Starts[p+"/blocks"] = StartLevel(d.Appendices[i].Blocks, c.letter())
		out.Appendices[p] = appendixNo(d.Appendices[i], i, len(d.Appendices))
	}
	for i := range d.Attachments {
		p := document.Pointer("attachments", i, "blocks")
		out.Starts[p] = StartLevel(d.Attachments[i].Blocks, c.letter())
	}
	Walk(d, c.letter(), func(b Position) {
		switch {
		case b.Heading != nil:
			out.Headings[b.Path] = DerivedHeading{Label: b.Printed, Level: b.Level, Name: LevelName(b.Printed, b.Level)}
		case b.Budget != nil:
			out.Budgets[b.Path+"/budget"] = deriveBudget(b.Budget, b.Path+"/budget", d.Options)
		case b.Table != nil:
			if t, ok := c.deriveTable(b.Table); ok {
				out.Tables[b.Path+"/table"] = t
			}
		}
	})
	return out
}

func plainText(p Para) string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func deriveBudget(b *document.Budget, p string, o document.Options) DerivedBudget {
	out := DerivedBudget{Items: map[string]int64{}}
	unit, err := BudgetUnit(b)
	if err != nil {
		out.Unit = strings.TrimSpace(b.Unit)
		out.Problem = "Đơn vị tính không hợp lệ: dùng " + vntext.MoneyUnitNames("hoặc") + "."
	} else {
		out.Unit = unit
	}
	if s, ok := sumItems(b.Items); ok {
		out.Sum = &s
	}
	if t, ok := BudgetTotal(b); ok {
		out.Total = &t
		if err == nil {
			w, werr := AmountWords(t, unit, o)
			switch {
			case werr == nil:
				out.Words = w
			case t < 0:
				out.Problem = "Số tiền không được âm."
			default:
				out.Problem = "Số tiền quá lớn để đọc thành chữ."
			}
		}
	}
	var walk func(items []document.BudgetItem, base string)
	walk = func(items []document.BudgetItem, base string) {
		for i := range items {
			ip := document.Join(base, i)
			if a, ok := ItemAmount(&items[i]); ok {
				out.Items[ip] = a
			}
			walk(items[i].Items, ip+"/items")
		}
	}
	walk(b.Items, p+"/items")
	return out
}

// deriveTable prints the table's rows as compose does and keeps the texts
// of the cells compose computed; ok is false when the table cannot be
// composed yet (no columns, too many cells).
func (c *composer) deriveTable(t *document.Table) (DerivedTable, bool) {
	ls := leaves(t.Columns, 0, nil)
	if len(ls) == 0 {
		return DerivedTable{}, false
	}
	rows, calc, err := c.tableRows(t, ls)
	if err != nil {
		return DerivedTable{}, false
	}
	out := DerivedTable{Cells: make([][]string, len(rows))}
	if t.Words != nil {
		if w, err := TableWords(t.Words, calc, c.d.Options); err == nil {
			out.Words = w
		}
	}
	for r, row := range rows {
		out.Cells[r] = make([]string, len(row))
		for k, cell := range row {
			if k >= len(ls) || !NumericColumn(ls[k].col) || cell.Covered {
				continue
			}
			var b strings.Builder
			for _, run := range cell.Runs {
				b.WriteString(run.Text)
			}
			out.Cells[r][k] = b.String()
		}
	}
	return out, true
}
