package document

import "strings"

// fieldLabels names the fields of the document for a clerk, by JSON
// Pointer pattern: "*" stands for one array index, and a pattern starting
// with "**/" matches at any depth (blocks nest in the body, appendices and
// attached texts). The names are those of the editor's form, so a finding
// reads the same in the list, beside its field and in an API answer; no
// message needs to name a JSON field.
var fieldLabels = []struct{ pattern, label string }{
	{"/schema", "Phiên bản định dạng"},
	{"/draft", "Dự thảo"},
	{"/type", "Loại văn bản"},
	{"/issuer", "Cơ quan ban hành"},
	{"/issuer/parent", "Cơ quan chủ quản"},
	{"/issuer/parent/*", "Cơ quan chủ quản"},
	{"/issuer/name", "Tên cơ quan ban hành"},
	{"/issuer/name/*", "Tên cơ quan ban hành"},
	{"/issuer/abbreviation", "Tên viết tắt của cơ quan"},
	{"/issuer/unit", "Đơn vị soạn thảo"},
	{"/issuer/short_name", "Tên gọi trong câu"},
	{"/co_issuer", "Cơ quan ban hành thứ hai"},
	{"/number", "Số"},
	{"/symbol", "Ký hiệu"},
	{"/place", "Địa danh"},
	{"/date", "Ngày ban hành"},
	{"/date/day", "Ngày"},
	{"/date/month", "Tháng"},
	{"/date/year", "Năm"},
	{"/title", "Tên loại ghi riêng"},
	{"/summary", "Trích yếu"},
	{"/subject", "Trích yếu (V/v)"},
	{"/summary_lines", "Các dòng trích yếu"},
	{"/summary_lines/*", "Dòng trích yếu"},
	{"/title_notes", "Ghi chú dưới tên loại"},
	{"/title_notes/*", "Ghi chú dưới tên loại"},
	{"/addressees", "Kính gửi"},
	{"/addressees/*", "Nơi nhận chính (Kính gửi)"},
	{"/competence", "Thẩm quyền ban hành"},
	{"/competence/*", "Thẩm quyền ban hành"},
	{"/bases", "Căn cứ ban hành"},
	{"/bases/*", "Căn cứ"},
	{"/intro", "Đoạn mở đầu"},
	{"/intro/*", "Đoạn mở đầu"},
	{"/body", "Nội dung"},
	{"/closing", "Đoạn kết"},
	{"/closing/*", "Đoạn kết"},
	{"/signature", "Chữ ký"},
	{"/cosignature", "Chữ ký thứ hai"},
	{"**/authority", "Quyền hạn ký"},
	{"**/authority/*", "Quyền hạn ký (TM., KT., TL. …)"},
	{"**/authority/*/prefix", "Quyền hạn ký (TM., KT., TL. …)"},
	{"**/authority/*/title", "Thay cho (chức vụ, tập thể)"},
	{"/signature/title", "Chức vụ người ký"},
	{"/signature/name", "Họ và tên người ký"},
	{"/signature/rank", "Cấp bậc người ký"},
	{"/cosignature/title", "Chức vụ người ký thứ hai"},
	{"/cosignature/name", "Họ và tên người ký thứ hai"},
	{"/distribution", "Nơi nhận"},
	{"/distribution/recipients", "Danh sách nơi nhận"},
	{"/distribution/recipients/*", "Nơi nhận"},
	{"/distribution/recipients/*/name", "Nơi nhận"},
	{"/distribution/recipients/*/note", "Ghi chú nơi nhận"},
	{"/distribution/recipients/*/note_covers", "Ghi chú chung cho nhiều nơi nhận"},
	{"/distribution/electronic", "Nơi nhận bản điện tử"},
	{"/distribution/electronic/*", "Nơi nhận bản điện tử"},
	{"/distribution/electronic/*/name", "Nơi nhận bản điện tử"},
	{"/distribution/archive", "Dòng Lưu"},
	{"/distribution/archive/units", "Đơn vị lưu"},
	{"/distribution/archive/units/*", "Đơn vị lưu"},
	{"/distribution/archive/drafter", "Ký hiệu người soạn thảo"},
	{"/distribution/archive/copies", "Số bản phát hành"},
	{"/distribution/archive_line", "Dòng Lưu"},
	{"/attachments", "Văn bản kèm theo"},
	{"/attachments/*", "Văn bản kèm theo"},
	{"/appendices", "Phụ lục"},
	{"/appendices/*", "Phụ lục"},
	{"/appendices/*/title", "Tên phụ lục"},
	{"/appendices/*/orientation", "Hướng trang của phụ lục"},
	{"/appendices/*/blocks", "Nội dung phụ lục"},
	{"/options", "Tùy chọn trình bày"},
	{"/options/numbering", "Cách đánh số"},
	{"/options/tone", "Kiểu bỏ dấu"},
	{"/options/words_bon", "Cách đọc số “bốn”"},
	{"/options/words_le", "Cách đọc số “lẻ”"},
	{"/options/words_ngan", "Cách đọc số “ngàn”"},
	{"/options/draft_mark", "Dấu “DỰ THẢO”"},
	{"/options/profile", "Kiểu trình bày của cơ quan"},
	{"/options/profile/name", "Tên kiểu trình bày"},
	{"/options/profile/margin_top", "Lề trên (mm)"},
	{"/options/profile/margin_bottom", "Lề dưới (mm)"},
	{"/options/profile/margin_left", "Lề trái (mm)"},
	{"/options/profile/margin_right", "Lề phải (mm)"},
	{"/options/profile/body_size", "Cỡ chữ nội dung"},
	{"/options/profile/line_spacing", "Khoảng cách dòng"},
	{"/options/profile/first_indent", "Thụt đầu dòng (mm)"},
	{"/options/profile/agency_size", "Cỡ chữ tên cơ quan"},
	{"/options/profile/sign_space", "Khoảng trống để ký (mm)"},
	// Blocks, wherever they are.
	{"**/heading", "Tiêu đề"},
	{"**/heading/title", "Tiêu đề"},
	{"**/heading/label", "Số thứ tự của tiêu đề"},
	{"**/paragraph", "Đoạn văn"},
	{"**/item", "Gạch đầu dòng"},
	{"**/item/text", "Gạch đầu dòng"},
	{"**/table", "Bảng"},
	{"**/table/title", "Tên bảng"},
	{"**/table/unit", "Đơn vị tính của bảng"},
	{"**/table/columns", "Các cột của bảng"},
	{"**/columns/*", "Cột của bảng"},
	{"**/columns/*/title", "Tên cột"},
	{"**/table/rows", "Các dòng của bảng"},
	{"**/table/rows/*", "Dòng của bảng"},
	{"**/table/rows/*/cells", "Ô của bảng"},
	{"**/table/rows/*/cells/*", "Ô của bảng"},
	{"**/table/rows/*/label", "Nhãn dòng"},
	{"**/table/words", "Dòng “Bằng chữ” dưới bảng"},
	{"**/formula", "Công thức"},
	{"**/budget", "Kinh phí"},
	{"**/budget/label", "Kinh phí — nội dung"},
	{"**/budget/unit", "Đơn vị tính của kinh phí"},
	{"**/budget/total", "Tổng kinh phí"},
	{"**/budget/words", "Số tiền bằng chữ"},
	{"**/budget/items", "Các khoản chi"},
	{"**/items/*", "Khoản chi"},
	{"**/items/*/text", "Nội dung khoản chi"},
	{"**/items/*/amount", "Số tiền"},
}

// FieldLabel is the clerk's name of the field at a JSON Pointer, or of the
// nearest field holding it that has one; "Toàn văn bản" for the whole
// document. Block text inside runs (…/paragraph/0) is named by its block.
func FieldLabel(pointer string) string {
	segs := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for n := len(segs); n > 0 && pointer != ""; n-- {
		if l, ok := labelOf(segs[:n]); ok {
			return l
		}
	}
	return "Toàn văn bản"
}

// labelOf matches one path, as segments, against the table: an exact
// pattern first, then the longest "**/" suffix.
func labelOf(segs []string) (string, bool) {
	best, bestLen := "", 0
	for _, fl := range fieldLabels {
		p := strings.Split(strings.TrimPrefix(fl.pattern, "/"), "/")
		if p[0] == "**" {
			p = p[1:]
			if len(p) > len(segs) || len(p) <= bestLen || !segsMatch(p, segs[len(segs)-len(p):]) {
				continue
			}
			best, bestLen = fl.label, len(p)
			continue
		}
		if len(p) == len(segs) && segsMatch(p, segs) {
			return fl.label, true
		}
	}
	return best, bestLen > 0
}

func segsMatch(pattern, segs []string) bool {
	for i, p := range pattern {
		s := segs[i]
		if p == "*" {
			if s == "" || strings.Trim(s, "0123456789") != "" {
				return false
			}
			continue
		}
		if p != s {
			return false
		}
	}
	return true
}
