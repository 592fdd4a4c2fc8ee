package importer

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/pdfread"
)

// TestPDFTwoSignatureColumns: a PDF page with two signature blocks side
// by side (a biên bản's thư ký left, chủ tọa right), with a Nơi nhận
// under them, without one, or with a joint document's chains, reads as
// the cosignature and the signature; the capitals of the left block are
// never joined into one line with its name.
func TestPDFTwoSignatureColumns(t *testing.T) {
	const left = 85.0
	head := [][]pdfread.Word{
		pdfWords(50, -1, 170, "SỞ NỘI VỤ"), pdfWords(50, -1, 400, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
		pdfWords(66, -1, 170, "Số: 05/BB-SNV"), pdfWords(66, -1, 400, "Độc lập - Tự do - Hạnh phúc"),
		pdfWords(84, -1, 400, "Lâm Đồng, ngày 20 tháng 01 năm 2026"),
		pdfWords(130, -1, 312, "BIÊN BẢN"),
		pdfWords(148, -1, 312, "Họp giao ban tháng 01 năm 2026"),
		pdfWords(180, left+36, 0, "Thời gian bắt đầu: 08 giờ 00 phút."),
		pdfWords(198, left+36, 0, "Địa điểm: Phòng họp số 2."),
		pdfWords(216, left+36, 0, "Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày."),
	}
	recips := [][]pdfread.Word{
		pdfWords(400, left, 0, "Nơi nhận:"),
		pdfWords(415, left, 0, "- Giám đốc Sở;"),
		pdfWords(430, left, 0, "- Lưu: VT."),
	}
	for _, tc := range []struct {
		name          string
		lines         [][]pdfread.Word
		sig, cosig    string
		wantRecipient int
	}{
		{"two blocks, Nơi nhận under them", append(append(append([][]pdfread.Word{}, head...),
			pdfWords(260, -1, 170, "THƯ KÝ"), pdfWords(260, -1, 420, "CHỦ TỌA"),
			pdfWords(330, -1, 170, "Lê Thị Hồng Nhung"), pdfWords(330, -1, 420, "Nguyễn Văn Minh")), recips...),
			"CHỦ TỌA / Nguyễn Văn Minh", "THƯ KÝ / Lê Thị Hồng Nhung", 1},
		{"two blocks alone", append(append([][]pdfread.Word{}, head...),
			pdfWords(260, -1, 170, "NGƯỜI GHI BIÊN BẢN"), pdfWords(260, -1, 420, "CHỦ TRÌ"),
			pdfWords(330, -1, 170, "Lê Thị Hồng Nhung"), pdfWords(330, -1, 420, "Nguyễn Văn Minh")),
			"CHỦ TRÌ / Nguyễn Văn Minh", "NGƯỜI GHI BIÊN BẢN / Lê Thị Hồng Nhung", 0},
		{"two chains, Nơi nhận under them", append(append(append([][]pdfread.Word{}, head...),
			pdfWords(260, -1, 170, "TM. BAN THƯỜNG VỤ"), pdfWords(260, -1, 420, "KT. GIÁM ĐỐC"),
			pdfWords(276, -1, 170, "CHỦ TỊCH"), pdfWords(276, -1, 420, "PHÓ GIÁM ĐỐC"),
			pdfWords(340, -1, 170, "Trần Văn Hiệp"), pdfWords(340, -1, 420, "Đặng Thị Kim Oanh")), recips...),
			"KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đặng Thị Kim Oanh", "TM. BAN THƯỜNG VỤ / CHỦ TỊCH / Trần Văn Hiệp", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := pdfread.Page{Width: 595, Height: 842}
			for _, l := range tc.lines {
				page.Words = append(page.Words, l...)
			}
			rep := &Report{Format: FormatPDF}
			d := recognise(pdfLines([]pdfread.Page{page}, rep), rep, true)
			if got := sigText(&d.Signature); got != tc.sig {
				t.Errorf("signature %q, want %q", got, tc.sig)
			}
			if got := sigText(d.Cosignature); got != tc.cosig {
				t.Errorf("cosignature %q, want %q", got, tc.cosig)
			}
			if n := len(d.Distribution.Recipients); n != tc.wantRecipient {
				t.Errorf("%d recipients, want %d", n, tc.wantRecipient)
			}
			for _, dr := range rep.Dropped {
				if !dr.Printed {
					t.Errorf("lost %q: %s", dr.Text, dr.EN)
				}
			}
		})
	}
}

func sigText(s *document.Signature) string {
	if s == nil {
		return "<none>"
	}
	var parts []string
	for _, a := range s.Authority {
		parts = append(parts, a.Prefix+" "+a.Title)
	}
	return strings.Join(append(parts, s.Title, s.Name), " / ")
}

// TestSessionLines: a council's line and its session run together by a
// PDF's text come apart as the Mẫu prints them; a line with no session,
// or a session alone, stays whole.
func TestSessionLines(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG KHÓA X, KỲ HỌP THỨ 5", "HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG / KHÓA X, KỲ HỌP THỨ 5"},
		{"HỘI ĐỒNG NHÂN DÂN HUYỆN ĐỨC TRỌNG KHOÁ XII - KỲ HỌP THỨ 10", "HỘI ĐỒNG NHÂN DÂN HUYỆN ĐỨC TRỌNG / KHOÁ XII - KỲ HỌP THỨ 10"},
		{"KHÓA X, KỲ HỌP THỨ 5", "KHÓA X, KỲ HỌP THỨ 5"},
		{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"},
		{"BAN CHẤP HÀNH KHÓA X", "BAN CHẤP HÀNH KHÓA X"},
	} {
		if got := strings.Join(sessionLines(tc.in), " / "); got != tc.want {
			t.Errorf("sessionLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
