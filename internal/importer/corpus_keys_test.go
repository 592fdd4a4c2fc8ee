package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// keyFields are the fields a clerk checks first, written by hand from each
// document's reference text (../shared/corpus/NN-….txt), not from the
// importer's output. Date parts left blank in a draft are 0; the trích
// yếu is the type's summary or a công văn's V/v text without "V/v";
// chain is the authority lines ("KT. CHỦ TỊCH"); recips counts the Nơi
// nhận lines other than Lưu; luu is the Lưu line as printed.
type keyFields struct {
	nn                 string
	typ                string
	issuer             string // the issuing body's last line
	sym, num           string
	day, month, year   int
	summary            string
	chain, title, name string
	recips             int
	luu                string
}

var corpusKeys = []keyFields{
	{"01", "ke_hoach", "TỈNH LÂM ĐỒNG", "KH-UBND", "", 0, 0, 2026, "Phát động Phong trào thi đua “Đẩy mạnh cải cách hành chính nhà nước trên địa bàn tỉnh Lâm Đồng” năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc", 10, "Lưu: VT, NC."},
	{"06", "quyet_dinh", "TỈNH LÂM ĐỒNG", "QĐ-UBND", "", 0, 2, 2026, "Công bố Chỉ số cải cách hành chính năm 2025 của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, Ban Quản lý các khu công nghiệp và Ủy ban nhân dân các xã, phường, đặc khu", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc", 6, "Lưu: VT, NC."},
	{"07", "quyet_dinh", "TỈNH LÂM ĐỒNG", "QĐ-UBND", "", 0, 1, 2026, "Về việc phê duyệt Điều lệ Hội Cựu giáo chức tỉnh Lâm Đồng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Văn Tuấn", 2, "Lưu: VT, NC.Châu"},
	{"08", "quyet_dinh", "TỈNH LÂM ĐỒNG", "QĐ-UBND", "", 0, 1, 2026, "Thành lập Ban Chỉ đạo về dữ liệu tỉnh Lâm Đồng", "", "CHỦ TỊCH", "Hồ Văn Mười", 5, "Lưu: VT, NC."},
	{"09", "quyet_dinh", "TỈNH LÂM ĐỒNG", "QĐ-UBND", "", 0, 9, 2025, "Về việc thành lập Hội đồng An toàn, vệ sinh lao động tỉnh Lâm Đồng", "", "CHỦ TỊCH", "Hồ Văn Mười", 5, "Lưu: VT, KGVX, NC.Châu"},
	{"10", "quyet_dinh", "TỈNH LÂM ĐỒNG", "QĐ-UBND", "", 0, 12, 2025, "Phê duyệt danh sách tuyến, địa bàn trọng điểm phức tạp về ma túy, địa bàn không ma túy năm 2025", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Minh", 7, "Lưu: VT. NC.Châu"},
	{"11", "quyet_dinh", "TỈNH BÌNH THUẬN", "QĐ-UBND", "", 0, 2, 2025, "Phê duyệt Điều lệ (sửa đổi, bổ sung) Hiệp hội Nước mắm Phan Thiết tỉnh Bình Thuận", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hồng Hải", 2, "Lưu: VT, KT, NCKSTTHC.Châu"},
	{"12", "quyet_dinh", "SỞ CÔNG THƯƠNG", "QĐ-SCT", "", 0, 5, 2026, "Kiểm tra việc việc chấp hành các quy định của pháp luật về lĩnh vực hóa chất trên địa bàn tỉnh Lào Cai", "", "GIÁM ĐỐC", "Hoàng Chí Hiền", 2, "Lưu: VT, CN(Loan)."},
	{"13", "quyet_dinh", "TỈNH LÀO CAI", "QĐ-UBND", "", 0, 0, 2025, "Về việc Ủy quyền cho Giám đốc Sở Công Thương thực hiện một số nhiệm vụ, quyền hạn của Ủy ban nhân dân tỉnh trong lĩnh vực vật liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh", 5, "Lưu: VT, KT."},
	{"16", "bao_cao", "TỈNH LÂM ĐỒNG", "BC-UBND", "", 0, 12, 2025, "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc", 7, "Lưu: VT, NC.Châu"},
	// 17: the signer's title block has two lines (PHÓ TRƯỞNG BAN / PHÓ
	// CHỦ TỊCH UBND TỈNH); the model has one title field, so the title is
	// not asserted.
	{"17", "bao_cao", "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06", "BC-BCĐ", "", 0, 4, 2026, "Kết quả triển khai thực hiện Tổ Công tác triển khai Đề án 06, cải cách thủ tục hành chính, chuyển đổi số gắn với Đề án 06 tháng 3/2026", "TM. BAN CHỈ ĐẠO", "-", "Nguyễn Ngọc Phúc", 8, "Lưu: VT, NC."},
	{"18", "bao_cao", "SỞ NỘI VỤ", "BC-SNV", "", 0, 11, 2025, "Tình hình thực hiện các chỉ số PAR Index, SIPAS, PAPI, PCI, 766 của tỉnh Lâm Đồng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Hữu Tuấn", 6, "Lưu: VT, CCHC&VTLT(Tín)."},
	{"19", "bao_cao", "TỈNH LÂM ĐỒNG", "BC-UBND", "", 0, 12, 2025, "Tổng kết công tác phòng, chống ma túy năm 2025 và phương hướng công tác trọng tâm năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Minh", 5, "Lưu: VT, NC."},
	// 20: the body ends with "VĂN PHÒNG UBND TỈNH" only: no Nơi nhận, no
	// signer (a defect of the source).
	{"20", "bao_cao", "VĂN PHÒNG", "BC-VP", "", 0, 6, 2026, "Tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh", "", "-", "", 0, ""},
	// 21: the capacity line under the name (PHÓ GIÁM ĐỐC SỞ CÔNG THƯƠNG)
	// has no field in the model.
	{"21", "bao_cao", "ĐOÀN KIỂM TRA", "ĐKT-SCT", "", 0, 4, 2026, "Kết quả kiểm tra việc chấp hành các quy định của pháp luật trong quản lý, bảo quản và sử dụng vật liệu nổ công nghiệp", "TM. ĐOÀN KIỂM TRA", "-", "Hoàng Văn Thuân", 3, "Lưu: VT, ĐKT, CN(Linh)."},
	{"22", "bao_cao", "TỈNH LÀO CAI", "BC-UBND", "", 0, 0, 2026, "Về tình hình hoạt động vật liệu nổ công nghiệp, tiền chất thuốc nổ sử dụng để sản xuất vật liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai năm 2025", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh", 6, "Lưu: VT, KT."},
	{"23", "to_trinh", "SỞ NỘI VỤ", "TTr-SNV", "2114", 28, 6, 2025, "Về việc thông báo kết quả đại hội và phê duyệt Điều lệ (sửa đổi, bổ sung) Hiệp hội Doanh nghiệp tỉnh Bình Thuận", "", "GIÁM ĐỐC", "Đỗ Văn Chung", 3, "Lưu: VT, CCVC(Thuận)."},
	{"24", "to_trinh", "SỞ NỘI VỤ", "TTr-SNV", "", 0, 0, 2026, "Về việc đề nghị công nhận Ban vận động thành lập Hiệp hội Bất động sản tỉnh Lâm Đồng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Đức Vũ", 2, "Lưu: VT, TCBC."},
	{"25", "to_trinh", "SỞ NỘI VỤ", "TTr-SNV", "", 0, 0, 2026, "Về việc Báo cáo tổng hợp kết quả tự đánh giá, chấm điểm các tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2025 của tỉnh Lâm Đồng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Hữu Tuấn", 3, "Lưu: VT, CCHC&VTLT (Quý)."},
	{"26", "to_trinh", "CÔNG AN TỈNH LÂM ĐỒNG", "TTr-CAT(PC04)", "409", 26, 11, 2025, "Về việc thành lập hội đồng cấp tỉnh xét duyệt địa bàn cấp xã không ma túy và đề nghị xét duyệt địa bàn cấp tỉnh không ma túy", "", "GIÁM ĐỐC", "Thiếu tướng Trương Minh Đương", 1, "Lưu: VT, PC04."},
	{"27", "to_trinh", "SỞ CÔNG THƯƠNG", "TTr-SCT", "", 0, 5, 2026, "Về việc ban hành Quyết định quy định cơ quan tiếp nhận hồ sơ đề nghị cấp Giấy chứng nhận đủ điều kiện sản xuất tiền chất thuốc nổ trên địa bàn tỉnh Lào Cai", "", "GIÁM ĐỐC", "Hoàng Chí Hiền", 3, "Lưu: VT, CN(TĐKhôi)."},
	{"29", "thong_bao", "TỈNH LÂM ĐỒNG", "TB-UBND", "", 0, 1, 2026, "Kết luận của đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị đánh giá công tác cải cách hành chính năm 2025 và triển khai nhiệm vụ năm 2026 tỉnh Lâm Đồng", "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "-", 7, "Lưu: VT, NC.Châu"},
	{"30", "thong_bao", "TỈNH LÂM ĐỒNG", "TB-UBND", "", 0, 4, 2026, "Kết luận của đồng chí Nguyễn Hồng Hải - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh kiểm tra công tác chuẩn bị thi công tại một số vị trí của 02 tuyến cao tốc Tân Phú – Bảo Lộc và Bảo Lộc – Liên Khương; làm việc với UBND Phường 2 Bảo Lộc và xã Đạ Huoai về tiến độ GPMB tuyến cao tốc Tân Phú – Bảo Lộc", "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Ngọc Nam", 3, "Lưu: VT, XDCT(Sơn)."},
	{"31", "thong_bao", "VĂN PHÒNG", "TB-VP", "", 0, 6, 2026, "Kết luận của đồng chí Nguyễn Tuấn Anh - Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh", "", "CHÁNH VĂN PHÒNG", "Lê Trí Hà", 9, "Lưu: VT, TH."},
	{"32", "thong_bao", "SỞ CÔNG THƯƠNG", "TB-SCT", "", 0, 4, 2026, "Kết quả kiểm tra việc chấp hành Quy định của pháp luật trong sử dụng và bảo quản vật liệu nổ công ghiệp", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", 4, "Lưu: VT, CN(M.Cường)."},
	{"35", "giay_moi", "TỈNH LÀO CAI", "GM-UBND", "", 0, 6, 2026, "Về tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh", "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Hoàng Ngọc Bích", 5, "Lưu: VT, KT(T.Q.Hùng), HCQT (Mến)."},
	{"37", "cong_van", "TỈNH LÂM ĐỒNG", "UBND-NC", "", 0, 10, 2025, "tập trung triển khai thực hiện công tác cai nghiện ma túy tự nguyện tại gia đình, cộng đồng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Minh", 6, "Lưu: VT, NC.Châu"},
	{"38", "cong_van", "TỈNH LÂM ĐỒNG", "UBND-NC", "", 0, 10, 2025, "ý kiến đối với đề nghị công nhận chức danh các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Văn Tuấn", 4, "Lưu: VT, NC.Châu"},
	{"39", "cong_van", "TỈNH LÂM ĐỒNG", "UBND-NC", "", 0, 12, 2025, "tập trung thực hiện các giải pháp khắc phục, cải thiện các chỉ số PAR Index, SIPAS, PAPI, PCI và Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công của tỉnh Lâm Đồng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc", 7, "Lưu: VT, HCQT, KTTH, NC.Châu"},
	{"40", "cong_van", "TỈNH BÌNH THUẬN", "UBND-NCKSTTHC", "", 0, 3, 2025, "kết quả đại hội Liên đoàn Vovinam - Việt Võ đạo tỉnh Bình Thuận", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Minh", 4, "Lưu: VT, NCKSTTHC.Châu"},
	{"41", "cong_van", "BỘ TÀI CHÍNH", "BTC-CST", "", 0, 0, 2025, "dự thảo Thông tư thay thế Thông tư số 244/2016/TT-BTC ngày 11/11/2016", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Cao Anh Tuấn", 3, "Lưu: VT, CST (PLP) (    b)."},
	{"42", "cong_van", "CỤC HÓA CHẤT", "HC-QLHC", "597", 27, 3, 2026, "cấp Giấy phép xuất khẩu, nhập khẩu hóa chất cần kiểm soát đặc biệt", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Vương Thành Chung", 2, "Lưu: VT, QLHC."},
	{"43", "cong_van", "SỞ CÔNG THƯƠNG", "SCT-CN", "", 0, 4, 2026, "từ chối cấp giấy chứng nhận đủ điều kiện kinh doanh hóa chất có điều kiện", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", 4, "Lưu: VT, CN(Loan)."},
	{"44", "cong_van", "SỞ CÔNG THƯƠNG", "SCT-CN", "", 0, 4, 2026, "báo cáo định kỳ hoạt động hóa chất trên hệ thống cơ sở dữ liệu chuyên ngành hóa chất", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", 2, "Lưu: VT, CNLoan."},
	{"45", "cong_van", "SỞ CÔNG THƯƠNG", "SCT-CN", "", 0, 0, 2025, "thông báo kết quả thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở Dự án thành phần số 02 thuộc dự án: \"Nhà máy chiết xuất tinh dầu quế Phố Ràng, huyện Bảo Yên\"", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", 5, "Lưu: VT, CN (đ/c Dũng)."},
	{"46", "cong_van", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SNNMT-KS", "", 0, 8, 2025, "thực hiện các quy định của Luật địa chất và khoáng sản 2024, các văn bản hướng dẫn triển khai Luật và tăng cường công tác quản lý hoạt động khoáng sản trên địa bàn tỉnh", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Năng Chung", 6, "Lưu: VT, KS(150)(Nhất)."},
	{"47", "cong_van", "TỈNH LÀO CAI", "UBND-KT", "", 0, 0, 2025, "tham mưu uỷ quyền thủ tục kiểm tra, cấp giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh", 4, "Lưu: VT, KT(Nho)."},
}

// norm compares printed text: NFC, single spaces, no final full stop.
func norm(s string) string {
	return strings.TrimSuffix(strings.Join(strings.Fields(vntext.NFC(s)), " "), ".")
}

// TestCorpusKeyFields: the key fields of every .docx of the corpus come
// out as the reference text prints them. "-" skips a field the model
// cannot hold (said in a comment on the row).
func TestCorpusKeyFields(t *testing.T) {
	dir := corpusDir(t)
	for _, k := range corpusKeys {
		fs, _ := filepath.Glob(filepath.Join(dir, k.nn+"-*.docx"))
		if len(fs) != 1 {
			t.Errorf("%s: %d files", k.nn, len(fs))
			continue
		}
		t.Run(filepath.Base(fs[0]), func(t *testing.T) {
			data, err := os.ReadFile(fs[0])
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := ImportDOCX(bytes.NewReader(data), int64(len(data)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			check := func(field string, got, want any) {
				t.Helper()
				if want == "-" {
					return
				}
				if gs, ok := got.(string); ok {
					got, want = norm(gs), norm(want.(string))
				}
				if got != want {
					t.Errorf("%s = %v, want %v", field, got, want)
				}
			}
			check("type", d.Type, k.typ)
			last := ""
			if n := len(d.Issuer.Name); n > 0 {
				last = d.Issuer.Name[n-1]
			}
			check("issuer", last, k.issuer)
			check("symbol", compose.Symbol(d), k.sym)
			check("number", d.Number, k.num)
			check("date", [3]int{d.Date.Day, d.Date.Month, d.Date.Year}, [3]int{k.day, k.month, k.year})
			sum := d.Summary
			if d.Subject != "" {
				sum = d.Subject
			}
			check("trích yếu", sum, k.summary)
			var chain []string
			for _, a := range d.Signature.Authority {
				chain = append(chain, a.Prefix+" "+a.Title)
			}
			check("chain", strings.Join(chain, " / "), k.chain)
			check("title", d.Signature.Title, k.title)
			// The name line as printed: a rank (cấp bậc) is its own field
			// in v2 and prints before the name.
			check("name", strings.TrimSpace(d.Signature.Rank+" "+d.Signature.Name), k.name)
			check("recipients", len(d.Distribution.Recipients), k.recips)
			check("Lưu", luuLine(d), k.luu)
		})
	}
}

func luuLine(d *document.Document) string {
	switch {
	case d.Distribution.Archive != nil:
		return strings.TrimPrefix(compose.ArchiveLine(*d.Distribution.Archive), "- ")
	default:
		return d.Distribution.ArchiveLine
	}
}
