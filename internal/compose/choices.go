package compose

// Choice is one entry of a list a client offers: a code the document
// holds, what a clerk calls it and, when useful, what it does.
type Choice struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Hint  string `json:"hint,omitempty"`
}

// ColumnKinds are the kinds a table's leaf column may have (Column.Kind),
// as the editor offers them; how each is read and printed is ColumnKind,
// NumericColumn and SummedColumn.
func ColumnKinds() []Choice {
	return []Choice{
		{"text", "Chữ", "Căn trái."},
		{"number", "Số", "Nhóm chữ số kiểu Việt Nam (1.234,5), căn phải, được cộng vào tổng."},
		{"money", "Tiền", "Như cột số; là số tiền."},
		{"percent", "Tỷ lệ %", "In “64,3%”, không cộng vào tổng."},
		{"code", "Mã số", "In đúng như gõ (“6810”, “015079004234”), không nhóm chữ số, không cộng."},
		{"date", "Ngày tháng", "In như gõ, căn giữa."},
	}
}

// FormulaForms are the forms of Formula a clerk picks from: a column's
// product, and a row's multiple, percentage or sum of other rows.
func FormulaForms() []Choice {
	return []Choice{
		{"product", "Tích các cột (ô trống tính là 1)", "Thành tiền = Số lượng × Định mức × Mức chi."},
		{"times", "n × một dòng", "Tổng 07 năm = 7 × Tổng 01 năm."},
		{"percent", "Tỷ lệ % của một dòng", "Dự phòng = 10% của Tổng cộng."},
		{"sum", "Tổng các dòng", "Tổng cộng = dòng A + dòng B."},
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
