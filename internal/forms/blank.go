package forms

import (
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// Blank is a new draft of type t, laid out as its Mẫu: a quyết định with
// its thẩm quyền, căn cứ, "Xét đề nghị …" line and three Điều, the last
// on who executes it; a giấy mời with its time, place and who is
// invited; a giấy giới thiệu, giấy nghỉ phép, công điện or biên bản with
// the lines its Mẫu prints. What only the clerk knows is left blank; the
// words every such document says are filled in, so a draft of each form
// reads as the form. year is the year of the date.
func Blank(t document.DocType, year int) *document.Document {
	d := &document.Document{
		Schema: document.SchemaV2,
		Draft:  true,
		Type:   t.Code,
		Issuer: document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN"}, Abbreviation: "UBND"},
		Date:   document.Date{Year: year},
		Signature: document.Signature{
			Authority: []document.Authority{{Prefix: "TM.", Title: "ỦY BAN NHÂN DÂN"}, {Prefix: "KT.", Title: "CHỦ TỊCH"}},
			Title:     "PHÓ CHỦ TỊCH",
		},
		Distribution: document.Distribution{
			Recipients: []document.Recipient{{Name: document.PlainText("")}},
			Archive:    &document.Archive{},
		},
	}
	if t.Addressed {
		d.Addressees = document.PlainTexts("")
	}
	switch t.Code {
	case "quyet_dinh", "nghi_quyet":
		decision(d, t)
	case compose.TypeTelegram:
		d.Competence = []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN điện:"}
		d.Body = []document.Block{para("")}
		d.Distribution.Recipients = []document.Recipient{{Name: document.PlainText("Như trên")}}
	case "giay_moi":
		d.Intro = []document.Text{text("Ủy ban nhân dân trân trọng kính mời: ")}
		d.Body = []document.Block{
			labelled("Nội dung:"), labelled("Thành phần:"), labelled("Thời gian:"), labelled("Địa điểm:"),
		}
		d.Closing = []document.Text{text("Đề nghị các thành phần dự họp đúng thời gian và địa điểm nêu trên.")}
		d.Distribution.Recipients = []document.Recipient{{Name: document.PlainText("Như thành phần mời")}}
	case "giay_gioi_thieu":
		d.Intro = []document.Text{text("Ủy ban nhân dân trân trọng giới thiệu:")}
		d.Body = []document.Block{
			para("Ông (bà): "), para("Chức vụ: "), para("Được cử đến: "), para("Về việc: "),
			para("Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ."),
			para("Giấy này có giá trị đến hết ngày "),
		}
		d.Distribution.Recipients = []document.Recipient{{Name: document.PlainText("Như trên")}}
	case "giay_nghi_phep":
		d.Intro = []document.Text{text("Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) ")}
		d.Body = []document.Block{
			para("Cấp cho ông (bà): "), para("Chức vụ: "), para("Đơn vị công tác: "),
			para("Được nghỉ phép trong thời gian … ngày, kể từ ngày … đến hết ngày …"),
			para("Nơi nghỉ phép: "),
		}
	case "bien_ban":
		d.Intro = []document.Text{text("Thời gian bắt đầu: "), text("Địa điểm: "), text("Thành phần tham dự: "), text("Chủ trì (chủ tọa): "), text("Thư ký (người ghi biên bản): ")}
		d.Body = []document.Block{labelled("Nội dung (theo diễn biến cuộc họp):")}
		d.Closing = []document.Text{text("Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …")}
		d.Signature = document.Signature{Title: "CHỦ TRÌ"}
		d.Cosignature = &document.Signature{Title: "THƯ KÝ"}
	default:
		if t.IsLetter() {
			d.Intro = []document.Text{text("")}
			d.Body = []document.Block{para("")}
			d.Distribution.Recipients = []document.Recipient{{Name: document.PlainText("Như trên")}}
			break
		}
		d.Intro = []document.Text{text("")}
		d.Body = []document.Block{heading("", para(""))}
	}
	return d
}

// decision fills a quyết định or nghị quyết (Mẫu 1.1, 1.2): thẩm quyền,
// căn cứ ending with the "Xét đề nghị …" line, and three Điều: what is
// decided, when it takes effect, who executes it; Nơi nhận "Như Điều 3".
func decision(d *document.Document, t document.DocType) {
	// The Chủ tịch decides: a deputy signs KT. CHỦ TỊCH, with no TM.; the
	// collective resolves: its head signs TM. ỦY BAN NHÂN DÂN.
	d.Competence = []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN"}
	d.Signature = document.Signature{Authority: []document.Authority{{Prefix: "KT.", Title: "CHỦ TỊCH"}}, Title: "PHÓ CHỦ TỊCH"}
	verb := "Quyết định"
	if t.Code == "nghi_quyet" {
		d.Competence = []string{"ỦY BAN NHÂN DÂN"}
		d.Signature = document.Signature{Authority: []document.Authority{{Prefix: "TM.", Title: "ỦY BAN NHÂN DÂN"}}, Title: "CHỦ TỊCH"}
		verb = "Nghị quyết"
	}
	consider := "Xét đề nghị của "
	if t.Code == "nghi_quyet" {
		// Mẫu 1.1: the collective resolves on a submission.
		consider = "Xét Tờ trình số "
	}
	d.Bases = []document.Text{
		text("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
		text(consider),
	}
	d.Body = []document.Block{
		heading("", para("")),
		heading(verb + " này có hiệu lực kể từ ngày ký."),
		heading("Chánh Văn phòng Ủy ban nhân dân, Thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành " + verb + " này."),
	}
	d.Body[1].Heading.Plain = true
	d.Body[2].Heading.Plain = true
	d.Distribution.Recipients = []document.Recipient{{Name: document.PlainText("Như Điều 3")}}
}

func text(s string) document.Text { return document.Text{{Text: s}} }

func para(s string) document.Block {
	t := text(s)
	return document.Block{Paragraph: &t}
}

func heading(title string, kids ...document.Block) document.Block {
	return document.Block{Heading: &document.Heading{Title: text(title), Children: kids}}
}

// labelled is a numbered run-in point of a giấy mời or biên bản, "1.
// Thời gian: …", its label as plain text the clerk types after.
func labelled(label string) document.Block {
	return document.Block{Heading: &document.Heading{Title: text(label + " "), Plain: true}}
}
