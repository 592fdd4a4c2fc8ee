package document

// DocType is one row of the Phụ lục III table of administrative document
// types (Điều 7 of NĐ30), with the abbreviation used in the ký hiệu.
type DocType struct {
	Code         string `json:"code"`         // JSON value of Document.Type
	Name         string `json:"name"`         // tên loại, sentence case: "Kế hoạch"
	Abbreviation string `json:"abbreviation"` // viết tắt, e.g. "KH"; empty for công văn and thư công
	// Layout is the Phụ lục III sample the type follows: "1.4" (văn bản có
	// tên loại) or "1.5" (công văn).
	Layout string `json:"layout"`
	// Addressed is true for the types whose form may carry "Kính gửi":
	// công văn and thư công (always), and the typed documents sent to a
	// named body (tờ trình, báo cáo, thông báo, giấy mời, giấy giới
	// thiệu, công điện, phiếu gửi/chuyển/báo). A quyết định, kế hoạch or
	// quy chế is not addressed: it says who executes it in its text.
	Addressed bool `json:"addressed"`
}

// Type codes fully supported with their own checks.
const (
	TypeKeHoach = "ke_hoach"
	TypeCongVan = "cong_van"
)

// Types is the Phụ lục III table (NĐ30), in its order, plus công văn and thư
// công, which Điều 7 lists without an abbreviation.
var Types = []DocType{
	{"nghi_quyet", "Nghị quyết", "NQ", "1.4", false},
	{"quyet_dinh", "Quyết định", "QĐ", "1.4", false},
	{"chi_thi", "Chỉ thị", "CT", "1.4", false},
	{"quy_che", "Quy chế", "QC", "1.4", false},
	{"quy_dinh", "Quy định", "QyĐ", "1.4", false},
	{"thong_cao", "Thông cáo", "TC", "1.4", false},
	{"thong_bao", "Thông báo", "TB", "1.4", true},
	{"huong_dan", "Hướng dẫn", "HD", "1.4", true},
	{"chuong_trinh", "Chương trình", "CTr", "1.4", false},
	{"ke_hoach", "Kế hoạch", "KH", "1.4", false},
	{"phuong_an", "Phương án", "PA", "1.4", false},
	{"de_an", "Đề án", "ĐA", "1.4", false},
	{"du_an", "Dự án", "DA", "1.4", false},
	{"bao_cao", "Báo cáo", "BC", "1.4", true},
	{"bien_ban", "Biên bản", "BB", "1.4", false},
	{"to_trinh", "Tờ trình", "TTr", "1.4", true},
	{"hop_dong", "Hợp đồng", "HĐ", "1.4", false},
	{"cong_dien", "Công điện", "CĐ", "1.4", true},
	{"ban_ghi_nho", "Bản ghi nhớ", "BGN", "1.4", false},
	{"ban_thoa_thuan", "Bản thỏa thuận", "BTT", "1.4", false},
	{"giay_uy_quyen", "Giấy ủy quyền", "GUQ", "1.4", false},
	{"giay_moi", "Giấy mời", "GM", "1.4", true},
	{"giay_gioi_thieu", "Giấy giới thiệu", "GGT", "1.4", true},
	{"giay_nghi_phep", "Giấy nghỉ phép", "GNP", "1.4", false},
	{"phieu_gui", "Phiếu gửi", "PG", "1.4", true},
	{"phieu_chuyen", "Phiếu chuyển", "PC", "1.4", true},
	{"phieu_bao", "Phiếu báo", "PB", "1.4", true},
	{"cong_van", "Công văn", "", "1.5", true},
	{"thu_cong", "Thư công", "", "1.5", true},
}

// untitled are the forms whose sample has no trích yếu under the type
// name: giấy mời (offices often print none), giấy giới thiệu, giấy nghỉ
// phép (Mẫu 1.7, 1.8, 1.10).
var untitled = map[string]bool{"giay_moi": true, "giay_gioi_thieu": true, "giay_nghi_phep": true}

// SummaryOptional reports a typed form that may have no trích yếu.
func (t DocType) SummaryOptional() bool { return untitled[t.Code] }

// LookupType returns the type with the given code.
func LookupType(code string) (DocType, bool) {
	for _, t := range Types {
		if t.Code == code {
			return t, true
		}
	}
	return DocType{}, false
}

// IsLetter reports whether the type is laid out as a công văn (no type name,
// "V/v" subject, Kính gửi).
func (t DocType) IsLetter() bool { return t.Layout == "1.5" }
