package compose

import "github.com/vanban/vanban/internal/document"

// Choice is one entry of a list a client offers: a code the document
// holds, what a clerk calls it and, when useful, what it does.
type Choice struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Hint  string `json:"hint,omitempty"`
	// Numeric, for a column kind, says its cells are numbers
	// (NumericColumn).
	Numeric bool `json:"numeric,omitempty"`
}

// ColumnKinds are the kinds a table's leaf column may have (Column.Kind),
// as the editor offers them; how each is read and printed is ColumnKind,
// NumericColumn and SummedColumn.
func ColumnKinds() []Choice {
	kinds := []Choice{
		{Code: "text", Label: "Chữ", Hint: "Căn trái."},
		{Code: "number", Label: "Số", Hint: "Nhóm chữ số kiểu Việt Nam (1.234,5), căn phải, được cộng vào tổng."},
		{Code: "money", Label: "Tiền", Hint: "Như cột số; là số tiền."},
		{Code: "percent", Label: "Tỷ lệ %", Hint: "In “64,3%”, không cộng vào tổng."},
		{Code: "code", Label: "Mã số", Hint: "In đúng như gõ (“6810”, “015079004234”), không nhóm chữ số, không cộng."},
		{Code: "date", Label: "Ngày tháng", Hint: "In như gõ, căn giữa."},
	}
	for i := range kinds {
		kinds[i].Numeric = NumericColumn(&document.Column{Kind: kinds[i].Code})
	}
	return kinds
}

// FormulaForms are the forms of Formula a clerk picks from: a column's
// product, and a row's multiple, percentage or sum of other rows.
func FormulaForms() []Choice {
	return []Choice{
		{Code: "product", Label: "Tích các cột (ô trống tính là 1)", Hint: "Thành tiền = Số lượng × Định mức × Mức chi."},
		{Code: "times", Label: "n × một dòng", Hint: "Tổng 07 năm = 7 × Tổng 01 năm."},
		{Code: "percent", Label: "Tỷ lệ % của một dòng", Hint: "Dự phòng = 10% của Tổng cộng."},
		{Code: "sum", Label: "Tổng các dòng", Hint: "Tổng cộng = dòng A + dòng B."},
	}
}

// LevelName is what a heading's level is called: the word of a written
// division or article label ("Phần", "Chương", "Mục", "Điều"), else by
// its level, mục (1), khoản (2), điểm (3), tiểu điểm below.
func LevelName(printed string, level int) string {
	switch ParseLabel(printed).Rung {
	case RungPart:
		return "Phần"
	case RungChapter:
		return "Chương"
	case RungSection:
		return "Mục"
	case RungArticle:
		return "Điều"
	}
	switch level {
	case 1:
		return "Mục"
	case 2:
		return "Khoản"
	case 3:
		return "Điểm"
	}
	return "Tiểu điểm"
}
