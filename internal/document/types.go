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
}

// Type codes fully supported with their own checks.
const (
	TypeKeHoach = "ke_hoach"
	TypeCongVan = "cong_van"
)

// Types is the Phụ lục III table (NĐ30), in its order, plus công văn and thư
// công, which Điều 7 lists without an abbreviation.
var Types = []DocType{
	{"nghi_quyet", "Nghị quyết", "NQ", "1.4"},
	{"quyet_dinh", "Quyết định", "QĐ", "1.4"},
	{"chi_thi", "Chỉ thị", "CT", "1.4"},
	{"quy_che", "Quy chế", "QC", "1.4"},
	{"quy_dinh", "Quy định", "QyĐ", "1.4"},
	{"thong_cao", "Thông cáo", "TC", "1.4"},
	{"thong_bao", "Thông báo", "TB", "1.4"},
	{"huong_dan", "Hướng dẫn", "HD", "1.4"},
	{"chuong_trinh", "Chương trình", "CTr", "1.4"},
	{"ke_hoach", "Kế hoạch", "KH", "1.4"},
	{"phuong_an", "Phương án", "PA", "1.4"},
	{"de_an", "Đề án", "ĐA", "1.4"},
	{"du_an", "Dự án", "DA", "1.4"},
	{"bao_cao", "Báo cáo", "BC", "1.4"},
	{"bien_ban", "Biên bản", "BB", "1.4"},
	{"to_trinh", "Tờ trình", "TTr", "1.4"},
	{"hop_dong", "Hợp đồng", "HĐ", "1.4"},
	{"cong_dien", "Công điện", "CĐ", "1.4"},
	{"ban_ghi_nho", "Bản ghi nhớ", "BGN", "1.4"},
	{"ban_thoa_thuan", "Bản thỏa thuận", "BTT", "1.4"},
	{"giay_uy_quyen", "Giấy ủy quyền", "GUQ", "1.4"},
	{"giay_moi", "Giấy mời", "GM", "1.4"},
	{"giay_gioi_thieu", "Giấy giới thiệu", "GGT", "1.4"},
	{"giay_nghi_phep", "Giấy nghỉ phép", "GNP", "1.4"},
	{"phieu_gui", "Phiếu gửi", "PG", "1.4"},
	{"phieu_chuyen", "Phiếu chuyển", "PC", "1.4"},
	{"phieu_bao", "Phiếu báo", "PB", "1.4"},
	{"cong_van", "Công văn", "", "1.5"},
	{"thu_cong", "Thư công", "", "1.5"},
}

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
