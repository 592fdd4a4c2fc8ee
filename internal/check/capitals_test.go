package check

import (
	"strings"
	"testing"
)

// TestCapitals: Phụ lục II's forms pass, the wrong ones are found with the
// form NĐ30 asks for, and ordinary words that look like a kind or a unit
// ("Trường hợp", "xã hội", "Bộ tiêu chí") are left alone.
func TestCapitals(t *testing.T) {
	// The document's own header names its district.
	header := []Para{{Text: "ỦY BAN NHÂN DÂN"}, {Text: "HUYỆN VĨNH LINH"}}
	tests := []struct {
		text string
		want string // "have => want" of each hit, joined by " | "; "" for none
	}{
		// Bodies.
		{"Giao Ủy ban nhân dân tỉnh Quảng Trị chủ trì.", ""},
		{"Giao Ủy Ban Nhân Dân tỉnh chủ trì.", "Ủy Ban Nhân Dân => Ủy ban nhân dân"},
		{"Giao Ủy ban Nhân dân huyện chủ trì.", "Ủy ban Nhân dân => Ủy ban nhân dân"},
		{"Đề nghị Hội Đồng Nhân Dân xem xét.", "Hội Đồng Nhân Dân => Hội đồng nhân dân"},
		{"Sở tài chính chủ trì, phối hợp với Sở Y tế.", "Sở tài chính => Sở Tài chính"},
		{"Giao Sở Tài chính chủ trì.", ""},
		{"Báo cáo Bộ giáo dục và Đào tạo.", "Bộ giáo dục và Đào tạo => Bộ Giáo dục và Đào tạo"},
		{"Báo cáo Bộ Giáo dục và đào tạo.", "Bộ Giáo dục và đào tạo => Bộ Giáo dục và Đào tạo"},
		{"Báo cáo Bộ Giáo dục và Đào tạo.", ""},
		{"Gửi Sở Lao động - Thương binh và Xã hội.", ""},
		{"Gửi Sở Lao động - thương binh và xã hội.", "Sở Lao động - thương binh và xã hội => Sở Lao động - Thương binh và Xã hội"},
		{"Gửi Sở Công thương và Sở Công Thương.", ""},
		{"Gửi Văn phòng chính phủ.", "Văn phòng chính phủ => Văn phòng Chính phủ"},
		{"Gửi Văn Phòng Chính phủ.", "Văn Phòng => Văn phòng"},
		{"Thành lập Ban chỉ đạo của tỉnh.", "Ban chỉ đạo => Ban Chỉ đạo"},
		{"Ban chỉ đạo có nhiệm vụ đôn đốc.", ""},
		{"thành lập ban chỉ đạo của tỉnh.", ""},
		{"Trường hợp có vướng mắc, báo cáo Bộ Công an.", ""},
		{"Phòng, chống dịch bệnh; Phòng chống thiên tai.", ""},
		{"Thực hiện Bộ tiêu chí quốc gia về xã nông thôn mới.", ""},
		{"giao Trung tâm y tế huyện.", "Trung tâm y tế => Trung tâm Y tế"},
		{"Trung tâm y tế huyện báo cáo.", ""},
		{"các sở tài chính, bộ y tế.", ""},
		{"SỞ TÀI CHÍNH và ỦY BAN NHÂN DÂN TỈNH chủ trì.", ""},
		// Administrative units.
		{"trên địa bàn tỉnh Quảng Trị.", ""},
		{"trên địa bàn Tỉnh Quảng Trị.", "Tỉnh Quảng Trị => tỉnh Quảng Trị"},
		{"Tỉnh Quảng Trị có 10 huyện.", ""},
		{"trên địa bàn tỉnh quảng trị.", "tỉnh quảng trị => tỉnh Quảng Trị"},
		{"Người dân huyện vĩnh linh.", "huyện vĩnh linh => huyện Vĩnh Linh"},
		{"Người dân huyện Vĩnh linh.", "huyện Vĩnh linh => huyện Vĩnh Linh"},
		{"Người dân huyện Vĩnh Linh.", ""},
		{"Người dân Huyện Cam Lộ.", "Huyện Cam Lộ => huyện Cam Lộ"},
		{"Người dân huyện nghèo và xã đặc biệt khó khăn.", ""},
		{"Nhân dân Huyện Trần Văn Thời.", ""},
		{"tại Phường Điện Biên Phủ và Quận 1.", ""},
		{"Thông báo của Tỉnh ủy Quảng Trị.", ""},
		{"Thông báo của Tỉnh Ủy Quảng Trị.", ""},
		{"xây dựng xã hội chủ nghĩa.", ""},
		{"tỉnh Thanh Hoá và tỉnh Hòa Bình.", ""},
		{"tỉnh thanh hoá.", "tỉnh thanh hoá => tỉnh Thanh Hoá"},
		{"Sở Y tế Thành phố Hồ Chí Minh.", ""},
		{"Sở Y tế thành phố Hồ Chí Minh.", "thành phố Hồ Chí Minh => Thành phố Hồ Chí Minh"},
		{"Thành phố Hồ Chí Minh là đô thị.", ""},
		{"đến thành phố Huế.", ""},
		{"đến Thành phố Huế.", "Thành phố Huế => thành phố Huế"},
		{"xây dựng thủ đô Hà Nội.", "thủ đô Hà Nội => Thủ đô Hà Nội"},
		{"xây dựng Thủ đô Hà Nội.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			paras := append(append([]Para(nil), header...), Para{Text: tt.text})
			var got []string
			for _, h := range capHits(tt.text, capPlaces(paras)) {
				got = append(got, h.have+" => "+h.want)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("capHits(%q) = %q, want %q", tt.text, g, tt.want)
			}
			// What the finding asks for passes: the text corrected as it
			// says has no finding left.
			fixed := tt.text
			for _, h := range capHits(tt.text, capPlaces(paras)) {
				fixed = strings.Replace(fixed, h.have, h.want, 1)
			}
			if hs := capHits(fixed, capPlaces(append(append([]Para(nil), header...), Para{Text: fixed}))); len(hs) > 0 {
				t.Errorf("corrected %q still has %+v", fixed, hs)
			}
		})
	}
}

// FuzzCapitals: any text gives hits that stand in it, at their place, and
// never a panic.
func FuzzCapitals(f *testing.F) {
	for _, s := range []string{"Giao Sở tài chính và Ủy Ban Nhân Dân Tỉnh Quảng Trị.", "huyện vĩnh linh, xã, phường, Thủ đô Hà Nội", "Thủ đô", "thành phố"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		places := capPlaces([]Para{{Text: s}, {Text: "HUYỆN VĨNH LINH"}})
		for _, h := range capHits(s, places) {
			if h.at < 0 || h.at+len(h.have) > len(s) || s[h.at:h.at+len(h.have)] != h.have {
				t.Fatalf("hit %+v not at its place in %q", h, s)
			}
			_ = around(s, h.at, len(h.have))
		}
	})
}
