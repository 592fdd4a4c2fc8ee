package forms

import (
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// Form describes what a document of one type holds, as its Mẫu of Phụ lục
// III lays it out: the parts the editor offers, in the order they print,
// what each is called on that form, and what its heading levels are
// called.
type Form struct {
	// Sample is the Mẫu of Phụ lục III the form follows: "1.2" for a
	// quyết định, "1.5" for a công văn, "1.7" for a giấy mời …
	Sample string `json:"sample"`
	// Parts are the parts of the document the form has, in print order.
	Parts []Part `json:"parts"`
	// Levels name the heading levels of the body from the top: "Điều",
	// "Khoản", "Điểm" on a form divided into articles; "Mục", "Khoản",
	// "Điểm", "Tiểu điểm" otherwise.
	Levels []string `json:"levels"`
	// Numbering is the scheme of headings without a written label
	// (compose.Numbering for a document of this type).
	Numbering string `json:"numbering"`
}

// Part is one part of a form. Key is the member of the document it edits
// ("competence", "bases", "attachments", "distribution/electronic" …);
// Label and Hint are what the form calls it, in Vietnamese.
type Part struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Hint  string `json:"hint,omitempty"`
	// Optional parts are offered but not every document has them (a
	// joint issuer, Bản điện tử, an attached text): the editor shows an
	// "add" button until the document holds one.
	Optional bool `json:"optional,omitempty"`
}

// Part keys.
const (
	PartSummary     = "summary"
	PartSubject     = "subject"
	PartAddressees  = "addressees"
	PartCompetence  = "competence"
	PartBases       = "bases"
	PartIntro       = "intro"
	PartBody        = "body"
	PartClosing     = "closing"
	PartSignature   = "signature"
	PartCosignature = "cosignature"
	PartCoIssuer    = "co_issuer"
	PartElectronic  = "distribution/electronic"
	PartAttachments = "attachments"
	PartAppendices  = "appendices"
)

// samples is the Mẫu of the forms Phụ lục III draws on its own; every
// other typed document follows 1.4, công văn and thư công 1.5.
var samples = map[string]string{
	"nghi_quyet": "1.1", "quyet_dinh": "1.2", "cong_dien": "1.6", "giay_moi": "1.7",
	"giay_gioi_thieu": "1.8", "bien_ban": "1.9", "giay_nghi_phep": "1.10",
}

// decides are the forms that issue texts "ban hành kèm theo" (Mẫu 1.3).
var decides = map[string]bool{"quyet_dinh": true, "nghi_quyet": true}

// Of is the form of type t.
func Of(t document.DocType) Form {
	f := Form{Sample: t.Layout, Numbering: compose.Numbering(&document.Document{Type: t.Code})}
	if s, ok := samples[t.Code]; ok {
		f.Sample = s
	}
	articles := f.Numbering == compose.NumberingArticle
	top := ""
	if articles {
		top = "Điều 1."
	}
	f.Levels = []string{compose.LevelName(top, 1), compose.LevelName("", 2), compose.LevelName("", 3), compose.LevelName("", 4)}
	add := func(p Part) { f.Parts = append(f.Parts, p) }
	switch {
	case t.IsLetter():
		add(Part{Key: PartSubject, Label: "Trích yếu (V/v …)", Hint: "Không gõ “V/v”: hệ thống tự thêm khi in."})
	case t.SummaryOptional():
		add(Part{Key: PartSummary, Label: "Trích yếu", Hint: "Mẫu này thường không có trích yếu; để trống nếu không cần.", Optional: true})
	default:
		add(Part{Key: PartSummary, Label: "Trích yếu", Hint: "In đậm dưới tên loại văn bản, viết thường (chỉ viết hoa chữ đầu)."})
	}
	switch {
	case t.Code == compose.TypeTelegram:
		add(Part{Key: PartCompetence, Label: "Người gửi điện", Hint: "In đậm, giữa trang, kết thúc bằng “điện:”, vd: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"})
	case t.Code == "nghi_quyet":
		// Mẫu 1.1: the body that resolves, and for an elected body its
		// term and sitting on the next line.
		add(Part{Key: PartCompetence, Label: "Thẩm quyền ban hành", Hint: "In hoa, đậm, giữa trang, mỗi dòng một ô, vd: HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG / KHÓA X, KỲ HỌP THỨ 25."})
	case articles && decides[t.Code]:
		add(Part{Key: PartCompetence, Label: "Thẩm quyền ban hành", Hint: "In hoa, đậm, giữa trang, vd: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG."})
	}
	if t.Addressed {
		label := "Kính gửi"
		if t.Code == compose.TypeTelegram {
			label = "Nơi nhận điện"
		}
		add(Part{Key: PartAddressees, Label: label, Optional: !t.IsLetter() && t.Code != compose.TypeTelegram})
	}
	if decides[t.Code] {
		lead, consider := "Xét đề nghị …", "Xét đề nghị của …"
		if t.Code == "nghi_quyet" {
			lead, consider = "Xét Tờ trình …", "Xét Tờ trình số … của …; Báo cáo thẩm tra …"
		}
		add(Part{Key: PartBases, Label: "Căn cứ và “" + lead + "”", Hint: "Mỗi dòng một căn cứ, in nghiêng, kết thúc bằng “;”. Dòng “" + consider + "” đặt cuối. Không gõ “" + compose.DecisionLine(t.Code) + "”: hệ thống tự in."})
	} else {
		add(Part{Key: PartBases, Label: "Căn cứ ban hành", Hint: "Mỗi căn cứ một dòng, in nghiêng; kết thúc bằng “;”, dòng cuối bằng “.”.", Optional: true})
	}
	add(Part{Key: PartIntro, Label: "Đoạn mở đầu", Optional: articles})
	body := Part{Key: PartBody, Label: "Nội dung"}
	switch {
	case articles:
		body = Part{Key: PartBody, Label: "Các điều", Hint: "Mỗi Điều một tiêu đề; khoản (1., 2.) và điểm (a), b)) là các dòng con, đánh số lại trong từng Điều. Điều cuối nêu trách nhiệm thi hành."}
	case t.Code == "giay_moi":
		body.Hint = "Nêu thời gian, địa điểm, thành phần và nội dung."
	}
	add(body)
	add(Part{Key: PartClosing, Label: "Đoạn kết", Hint: "Không gõ “./.”: hệ thống tự thêm sau câu cuối.", Optional: articles})
	if decides[t.Code] {
		add(Part{Key: PartAttachments, Label: "Văn bản ban hành kèm theo", Hint: "Quy chế, quy định, kế hoạch, danh sách … do văn bản này ban hành (Mẫu 1.3); in sau chữ ký, có dòng “(Ban hành kèm theo …)”.", Optional: true})
	}
	add(Part{Key: PartSignature, Label: "Chữ ký"})
	if t.Code == "bien_ban" {
		add(Part{Key: PartCosignature, Label: "Chữ ký thư ký (bên trái)", Hint: "Biên bản có hai chữ ký: thư ký bên trái, chủ trì bên phải."})
	} else {
		add(Part{Key: PartCoIssuer, Label: "Cơ quan cùng ban hành (văn bản liên tịch)", Hint: "Tên cơ quan thứ hai in dưới tên cơ quan thứ nhất; người ký của cơ quan này ký bên trái.", Optional: true})
		add(Part{Key: PartCosignature, Label: "Chữ ký thứ hai (bên trái)", Optional: true})
	}
	add(Part{Key: PartElectronic, Label: "Bản điện tử", Hint: "Nơi chỉ nhận bản điện tử, in thành danh sách “Bản điện tử:” dưới Nơi nhận.", Optional: true})
	add(Part{Key: PartAppendices, Label: "Phụ lục", Optional: true})
	return f
}

// Type is a row of the type table with its form, as GET
// /v1/document-types answers it.
type Type struct {
	document.DocType
	Form Form `json:"form"`
}

// Types is the type table with every type's form.
func Types(ts []document.DocType) []Type {
	out := make([]Type, len(ts))
	for i, t := range ts {
		out[i] = Type{DocType: t, Form: Of(t)}
	}
	return out
}
