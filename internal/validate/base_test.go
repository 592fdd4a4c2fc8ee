package validate

import (
	"github.com/vanban/vanban/internal/document"
)

func i64(n int64) *int64 { return &n }

func txt(s string) document.Text { return document.PlainText(s) }

func para(s string) document.Block { t := txt(s); return document.Block{Paragraph: &t} }

func item(s string, children ...document.Block) document.Block {
	return document.Block{Item: &document.Item{Text: txt(s), Children: children}}
}

func heading(label, title string, children ...document.Block) document.Block {
	return document.Block{Heading: &document.Heading{Label: label, Title: txt(title), Children: children}}
}

func num(f float64) document.Cell { return document.NumCell(f) }

func str(s string) document.Cell { return document.Cell{Str: s} }

// baseTable is a small valid table: a grouped header, a sum column, two
// data rows, a total row and a target row, all adding up.
func baseTable() *document.Table {
	return &document.Table{
		Unit: "ĐVT: người",
		Columns: []document.Column{
			{Title: "TT"},
			{Title: "Đơn vị"},
			{Title: "Số người", Children: []document.Column{
				{Title: "Nam", Numeric: true},
				{Title: "Nữ", Numeric: true},
				{Title: "Tổng", Numeric: true, Sum: true},
			}},
		},
		Rows: []document.Row{
			{Cells: []document.Cell{str("1"), str("Huyện A"), num(1), num(2), num(3)}},
			{Cells: []document.Cell{str("2"), str("Huyện B"), num(3), str("-"), num(3)}},
			{Kind: document.RowTotal, Label: "Tổng cộng", Cells: []document.Cell{num(4), num(2), num(6)}},
			{Kind: document.RowTarget, Label: "Chỉ tiêu", Cells: []document.Cell{str(""), str(""), num(4), num(2), num(6)}},
		},
	}
}

// baseBudget is a valid budget in triệu đồng: 70 + 80 + 210 (150 + 45 +
// 15) + 10 = 370, "Ba trăm bảy mươi triệu đồng chẵn".
func baseBudget() *document.Budget {
	return &document.Budget{
		Label: "Ngân sách Trung ương hỗ trợ có mục tiêu",
		Total: i64(370),
		Unit:  "triệu đồng",
		Words: "Ba trăm bảy mươi triệu đồng chẵn",
		Items: []document.BudgetItem{
			{Text: "Truyền thông", Amount: i64(70)},
			{Text: "Nâng cao năng lực", Amount: i64(80)},
			{Text: "Mô hình", Amount: i64(210), Items: []document.BudgetItem{
				{Text: "Nhà giữ trẻ", Amount: i64(150)},
				{Text: "Ngăn ngừa bạo lực", Amount: i64(45)},
				{Text: "Quy ước, hương ước", Amount: i64(15)},
			}},
			{Text: "Kiểm tra, giám sát", Amount: i64(10)},
		},
	}
}

// baseKeHoach is a minimal valid kế hoạch: Validate gives no finding.
// Body paths: /body/0 I. (1. with a paragraph, 2. with "-" and "+"
// items), /body/1 II. (1. then a)), /body/2 III. budget, /body/3 IV.
// table.
func baseKeHoach() *document.Document {
	return &document.Document{
		Schema:  document.SchemaV1,
		Type:    document.TypeKeHoach,
		Issuer:  document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"}, Abbreviation: "UBND", Unit: "VX"},
		Number:  "05",
		Symbol:  "KH-UBND",
		Place:   "Hà Nam",
		Date:    document.Date{Day: 5, Month: 3, Year: 2020},
		Summary: "Thực hiện Chương trình quốc gia về bình đẳng giới năm 2020",
		Bases: []document.Text{
			txt("Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;"),
			txt("Căn cứ Quyết định số 1241/QĐ-TTg ngày 22 tháng 7 năm 2011 của Thủ tướng Chính phủ."),
		},
		Intro: []document.Text{txt("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")},
		Body: []document.Block{
			heading("I.", "MỤC ĐÍCH, YÊU CẦU",
				heading("1.", "Mục đích", para("Nâng cao nhận thức về bình đẳng giới.")),
				heading("2.", "Yêu cầu",
					item("Bám sát các chỉ tiêu.", item("Tiết kiệm, hiệu quả.")),
					item("Tránh hình thức.")),
			),
			heading("II.", "NỘI DUNG",
				heading("1.", "Truyền thông", heading("a)", "Tuyên truyền", para("Trên đài phát thanh."))),
			),
			heading("", "KINH PHÍ THỰC HIỆN", document.Block{Budget: baseBudget()}),
			heading("IV.", "TỔ CHỨC THỰC HIỆN", para("Giao Sở Lao động - Thương binh và Xã hội chủ trì."), document.Block{Table: baseTable()}),
		},
		Closing: []document.Text{txt("Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.")},
		Signature: document.Signature{
			Authority: []document.Authority{{Prefix: "TM.", Title: "ỦY BAN NHÂN DÂN"}, {Prefix: "KT.", Title: "CHỦ TỊCH"}},
			Title:     "PHÓ CHỦ TỊCH",
			Name:      "Nguyễn Văn An",
		},
		Distribution: document.Distribution{
			Recipients: []document.Recipient{{Name: document.PlainText("Bộ Lao động - Thương binh và Xã hội"), Note: "để b/c"}, {Name: document.PlainText("Các Sở, ngành")}},
			Archive:    &document.Archive{Units: []string{"VX"}, Drafter: "h", Copies: 10},
		},
	}
}

// baseCongVan is a minimal valid công văn: Validate gives no finding.
func baseCongVan() *document.Document {
	return &document.Document{
		Schema:     document.SchemaV1,
		Type:       document.TypeCongVan,
		Issuer:     document.Issuer{Parent: []string{"UBND TỈNH THỪA THIÊN HUẾ"}, Name: []string{"SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"}, Abbreviation: "SLĐTBXH", Unit: "BĐG"},
		Number:     "908",
		Symbol:     "SLĐTBXH-BĐG",
		Place:      "Thừa Thiên Huế",
		Date:       document.Date{Day: 14, Month: 4, Year: 2020},
		Subject:    "hướng dẫn hoạt động bình đẳng giới năm 2020",
		Addressees: document.PlainTexts("Phòng Lao động - Thương binh và Xã hội các huyện"),
		Intro:      []document.Text{txt("Sở đề nghị các Phòng triển khai các nội dung sau:")},
		Body: []document.Block{
			heading("1.", "Tham mưu ban hành kế hoạch", item("Kế hoạch năm 2020;"), item("Kế hoạch truyền thông.")),
			heading("2.", "Truyền thông", para("Đẩy mạnh tuyên truyền.")),
		},
		Closing: []document.Text{txt("Đề nghị các Phòng triển khai thực hiện.")},
		Signature: document.Signature{
			Authority: []document.Authority{{Prefix: "KT.", Title: "GIÁM ĐỐC"}},
			Title:     "PHÓ GIÁM ĐỐC",
			Name:      "Phan Minh Nguyệt",
		},
		Distribution: document.Distribution{
			Recipients:  []document.Recipient{{Name: document.PlainText("Như trên")}, {Name: document.PlainText("Giám đốc"), Note: "để b/c"}},
			ArchiveLine: "Lưu: VT, BĐG.",
		},
	}
}
