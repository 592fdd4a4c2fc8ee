package pdfread

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// A synthetic A4 page (595 × 842 pt): body text 13 pt from x=85 to x=540,
// lines 18 pt apart. The words' widths are estimated from their length,
// which is all the layout looks at.
const (
	pgW, pgH   = 595.0, 842.0
	left, righ = 85.0, 540.0
	size       = 13.0
)

// put lays text out as words from x0 on the line whose top is y.
func put(y, x0, sz float64, text string) []Word {
	var ws []Word
	x := x0
	for _, t := range strings.Fields(text) {
		w := float64(len([]rune(t))) * sz * 0.5
		ws = append(ws, Word{Text: t, X0: x, Y0: y, X1: x + w, Y1: y + sz})
		x += w + sz*0.3
	}
	return ws
}

// just lays text out justified between x0 and the right margin.
func just(y, x0 float64, text string) []Word {
	ws := put(y, x0, size, text)
	if len(ws) < 2 {
		return ws
	}
	extra := (righ - ws[len(ws)-1].X1) / float64(len(ws)-1)
	for i := range ws {
		d := extra * float64(i)
		ws[i].X0 += d
		ws[i].X1 += d
	}
	return ws
}

// centred lays text out centred on cx.
func centred(y, cx, sz float64, text string) []Word {
	ws := put(y, 0, sz, text)
	shift := cx - (ws[0].X0+ws[len(ws)-1].X1)/2
	for i := range ws {
		ws[i].X0 += shift
		ws[i].X1 += shift
	}
	return ws
}

func page(parts ...[]Word) Page {
	p := Page{Width: pgW, Height: pgH}
	for _, ws := range parts {
		p.Words = append(p.Words, ws...)
	}
	return p
}

var testOpts = Options{
	StartsBlock: regexp.MustCompile(`^(?:\d+\.|[a-z]\)|[-+] |Căn cứ )`).MatchString,
	Standalone:  regexp.MustCompile(`^(?:KẾ HOẠCH|THÔNG BÁO|QUYẾT ĐỊNH)$`).MatchString,
	Closing:     regexp.MustCompile(`^(?:Nơi nhận:$|TM\.|KT\.|TL\.)`).MatchString,
}

// header is the usual two-column header, with the number stamped apart
// from its symbol.
func header() [][]Word {
	return [][]Word{
		centred(50, 170, 13, "ỦY BAN NHÂN DÂN"),
		centred(50, 400, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
		centred(66, 170, 13, "TỈNH GIA LAI"),
		centred(66, 400, 14, "Độc lập - Tự do - Hạnh phúc"),
		put(92, 120, 13, "Số:"), put(93, 145, 14, "453"), put(92, 175, 13, "/TB-UBND"),
		centred(100, 400, 13, "Gia Lai, ngày 29 tháng 4 năm 2026"),
		centred(140, 312, 14, "THÔNG BÁO"),
		centred(158, 312, 14, "Về việc treo cờ Tổ quốc"),
	}
}

type wantPara struct {
	zone Zone
	text string
	end  bool
}

func paras(r Result) []wantPara {
	var out []wantPara
	for _, p := range r.Paras {
		out = append(out, wantPara{p.Zone, p.Text(), p.CellEnd})
	}
	return out
}

func TestLayout(t *testing.T) {
	body := func(y float64) [][]Word {
		return [][]Word{
			just(y, left+36, "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị của Trung ương và các"),
			just(y+18, left, "sở, ban, ngành treo cờ Tổ quốc từ ngày 10/5/2026 đến hết ngày 14/5/2026"),
			put(y+36, left, size, "theo quy định."),
			just(y+54, left+36, "Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra việc treo"),
			just(y+72, left, "Cờ Tổ quốc ở địa bàn dân cư; Thủ trưởng các cơ quan, đơn vị chỉ đạo thực"),
			put(y+90, left, size, "hiện đúng quy định./."),
		}
	}
	closing := func(y float64) [][]Word {
		return [][]Word{
			put(y, left, 12, "Nơi nhận:"), centred(y, 420, 13, "TL. CHỦ TỊCH"),
			put(y+15, left, 11, "- Đ/c Bí thư Thành ủy;"), centred(y+17, 420, 13, "KT. CHÁNH VĂN PHÒNG"),
			put(y+30, left, 11, "- VPUB: CVP, PCVP các phòng"), centred(y+34, 420, 13, "PHÓ CHÁNH VĂN PHÒNG"),
			put(y+45, left+8, 11, "chuyên môn;"),
			put(y+60, left, 11, "- Lưu: VT."),
			centred(y+90, 420, 13, "Nguyễn Văn An"),
		}
	}
	headerWant := []wantPara{
		{ZoneHeaderLeft, "ỦY BAN NHÂN DÂN", false},
		{ZoneHeaderLeft, "TỈNH GIA LAI", false},
		{ZoneHeaderLeft, "Số: 453/TB-UBND", true},
		{ZoneHeaderRight, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false},
		{ZoneHeaderRight, "Độc lập - Tự do - Hạnh phúc", false},
		{ZoneHeaderRight, "Gia Lai, ngày 29 tháng 4 năm 2026", true},
		{ZoneBody, "THÔNG BÁO", false},
		{ZoneBody, "Về việc treo cờ Tổ quốc", false},
	}
	bodyWant := []wantPara{
		{ZoneBody, "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị của Trung ương và các sở, ban, ngành treo cờ Tổ quốc từ ngày 10/5/2026 đến hết ngày 14/5/2026 theo quy định.", false},
		{ZoneBody, "Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra việc treo Cờ Tổ quốc ở địa bàn dân cư; Thủ trưởng các cơ quan, đơn vị chỉ đạo thực hiện đúng quy định./.", false},
	}
	closingWant := []wantPara{
		{ZoneRecipients, "Nơi nhận:", false},
		{ZoneRecipients, "- Đ/c Bí thư Thành ủy;", false},
		{ZoneRecipients, "- VPUB: CVP, PCVP các phòng chuyên môn;", false},
		{ZoneRecipients, "- Lưu: VT.", true},
		{ZoneSignature, "TL. CHỦ TỊCH", false},
		{ZoneSignature, "KT. CHÁNH VĂN PHÒNG", false},
		{ZoneSignature, "PHÓ CHÁNH VĂN PHÒNG", false},
		{ZoneSignature, "Nguyễn Văn An", true},
	}
	cat := func(ps ...[]wantPara) []wantPara {
		var out []wantPara
		for _, p := range ps {
			out = append(out, p...)
		}
		return out
	}
	all := func(parts ...[][]Word) Page {
		var ws [][]Word
		for _, p := range parts {
			ws = append(ws, p...)
		}
		return page(ws...)
	}
	tests := []struct {
		name    string
		pages   []Page
		want    []wantPara
		dropped []Dropped
	}{
		{
			name:  "header columns, paragraphs, closing columns",
			pages: []Page{all(header(), body(200), closing(340))},
			want:  cat(headerWant, bodyWant, closingWant),
		},
		{
			name: "page numbers and a signature stamp are dropped, a number in the text is not",
			pages: []Page{
				all(header(), body(200), [][]Word{put(800, 290, 13, "- 1 -")}),
				all([][]Word{put(40, 292, 13, "2")}, [][]Word{just(60, left+36, "Số lượng cờ cần treo theo danh sách kèm theo, cụ thể như sau:")},
					[][]Word{put(78, left+36, size, "12")}, closing(120),
					[][]Word{put(190, 380, 8, "Ký bởi: Văn phòng UBND tỉnh"), put(199, 380, 8, "Email: vp@gialai.gov.vn"), put(208, 380, 8, "Giờ ký: 29.04.2026 16:47:26")}),
			},
			want: cat(headerWant, bodyWant, []wantPara{
				{ZoneBody, "Số lượng cờ cần treo theo danh sách kèm theo, cụ thể như sau:", false},
				{ZoneBody, "12", false},
			}, closingWant),
			dropped: []Dropped{
				{1, "- 1 -", ReasonPageNumber}, {2, "2", ReasonPageNumber},
				{2, "Ký bởi: Văn phòng UBND tỉnh", ReasonStamp}, {2, "Email: vp@gialai.gov.vn", ReasonStamp}, {2, "Giờ ký: 29.04.2026 16:47:26", ReasonStamp},
			},
		},
		{
			name: "labels and bullets start paragraphs; a short line ends one; lower case continues",
			pages: []Page{page(
				put(100, left+36, size, "1. Mục đích"),
				just(118, left+36, "- Tổ chức quán triệt sâu sắc và triển khai thực hiện nghiêm túc, đồng bộ,"),
				just(136, left, "Hiệu quả các nghị quyết, kết luận của Bộ Chính trị, Ban Bí thư, Chính phủ"),
				put(154, left, size, "và của Tỉnh ủy."),
				put(172, left, size, "Kết quả đạt được:"),
				put(190, left, size, "tốt."),
				just(208, left+36, "Thực hiện Kết luận số 226-KL/TW và Kế hoạch số 185/KH-UBND giai đoạn 2026-"),
				put(226, left, size, "2031 của tỉnh."),
			)},
			want: []wantPara{
				{ZoneBody, "1. Mục đích", false},
				{ZoneBody, "- Tổ chức quán triệt sâu sắc và triển khai thực hiện nghiêm túc, đồng bộ, Hiệu quả các nghị quyết, kết luận của Bộ Chính trị, Ban Bí thư, Chính phủ và của Tỉnh ủy.", false},
				{ZoneBody, "Kết quả đạt được: tốt.", false},
				{ZoneBody, "Thực hiện Kết luận số 226-KL/TW và Kế hoạch số 185/KH-UBND giai đoạn 2026-2031 của tỉnh.", false},
			},
		},
		{
			name: "a wide gap above a line starts a paragraph",
			pages: []Page{page(
				just(100, left, "Đoạn thứ nhất viết kín dòng và kết thúc ở lề phải của trang giấy này"),
				just(118, left, "Đoạn thứ nhất còn tiếp tục một dòng nữa rồi mới kết thúc ở lề phải"),
				just(150, left, "Đoạn thứ hai bắt đầu sau một khoảng cách lớn hơn khoảng cách giữa"),
				put(168, left, size, "dòng."),
			)},
			want: []wantPara{
				{ZoneBody, "Đoạn thứ nhất viết kín dòng và kết thúc ở lề phải của trang giấy này Đoạn thứ nhất còn tiếp tục một dòng nữa rồi mới kết thúc ở lề phải", false},
				{ZoneBody, "Đoạn thứ hai bắt đầu sau một khoảng cách lớn hơn khoảng cách giữa dòng.", false},
			},
		},
		{
			name: "a công văn: V/v under the number in the left column, Kính gửi across",
			pages: []Page{page(
				centred(50, 170, 13, "UBND TỈNH LÂM ĐỒNG"), centred(50, 400, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
				centred(66, 170, 13, "SỞ NỘI VỤ"), centred(66, 400, 14, "Độc lập - Tự do - Hạnh phúc"),
				centred(92, 170, 13, "Số: 1984/SNV-TCBC"), centred(94, 400, 13, "Lâm Đồng, ngày 10 tháng 10 năm 2025"),
				centred(110, 170, 12, "V/v đề nghị công nhận chức danh"), centred(124, 170, 12, "các Hội quần chúng"),
				centred(160, 312, 14, "Kính gửi: Ủy ban nhân dân tỉnh"),
			)},
			want: []wantPara{
				{ZoneHeaderLeft, "UBND TỈNH LÂM ĐỒNG", false},
				{ZoneHeaderLeft, "SỞ NỘI VỤ", false},
				{ZoneHeaderLeft, "Số: 1984/SNV-TCBC", false},
				{ZoneHeaderLeft, "V/v đề nghị công nhận chức danh", false},
				{ZoneHeaderLeft, "các Hội quần chúng", true},
				{ZoneHeaderRight, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false},
				{ZoneHeaderRight, "Độc lập - Tự do - Hạnh phúc", false},
				{ZoneHeaderRight, "Lâm Đồng, ngày 10 tháng 10 năm 2025", true},
				{ZoneBody, "Kính gửi: Ủy ban nhân dân tỉnh", false},
			},
		},
		{
			name:  "a stacked header (Quốc hiệu centred) reads in order",
			pages: []Page{page(centred(50, 312, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), centred(68, 312, 13, "Độc lập - Tự do - Hạnh phúc"), just(100, left+36, "Nội dung của văn bản viết thành một đoạn dài kín dòng đến lề phải."))},
			want: []wantPara{
				{ZoneBody, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false},
				{ZoneBody, "Độc lập - Tự do - Hạnh phúc", false},
				{ZoneBody, "Nội dung của văn bản viết thành một đoạn dài kín dòng đến lề phải.", false},
			},
		},
		{
			name: "a second group of the Nơi nhận after the Lưu line is not joined to it; a note under a recipient is",
			pages: []Page{all(body(100), [][]Word{
				put(300, left, 12, "Nơi nhận:"), centred(300, 420, 13, "TRƯỞNG PHÒNG"),
				put(315, left, 11, "- Chủ tịch UBND huyện;"),
				put(330, left, 11, "- Lưu: VT."),
				put(345, left, 11, "Bản điện tử:"),
				put(360, left, 11, "- UBND các xã, thị trấn;"),
				put(375, left, 11, "- Báo Bắc Giang;"),
				put(390, left, 11, "(để đưa tin)"),
				put(405, left, 11, "- Các trường MN, TH, THCS."),
				centred(420, 420, 13, "Phạm Văn Hà"),
			})},
			want: cat(bodyWant, []wantPara{
				{ZoneRecipients, "Nơi nhận:", false},
				{ZoneRecipients, "- Chủ tịch UBND huyện;", false},
				{ZoneRecipients, "- Lưu: VT.", false},
				{ZoneRecipients, "Bản điện tử:", false},
				{ZoneRecipients, "- UBND các xã, thị trấn;", false},
				{ZoneRecipients, "- Báo Bắc Giang; (để đưa tin)", false},
				{ZoneRecipients, "- Các trường MN, TH, THCS.", true},
				{ZoneSignature, "TRƯỞNG PHÒNG", false},
				{ZoneSignature, "Phạm Văn Hà", true},
			}),
		},
		{
			name: "a Nơi nhận that goes on at the top of the next page stays in the closing",
			pages: []Page{
				all(body(100), [][]Word{put(500, left, 12, "Nơi nhận:"), centred(500, 420, 13, "KT. GIÁM ĐỐC"),
					put(515, left, 11, "- Sở Y tế;"), centred(517, 420, 13, "PHÓ GIÁM ĐỐC")}),
				page(put(50, left, 11, "- UBND các xã;"), put(65, left, 11, "- Lưu: VT."), centred(80, 420, 13, "Vũ Ngọc An"),
					just(120, left+36, "Nơi nhận hồ sơ: Bộ phận tiếp nhận và trả kết quả của Sở, số 2 đường Trần Phú.")),
			},
			want: cat(bodyWant, []wantPara{
				{ZoneRecipients, "Nơi nhận:", false},
				{ZoneRecipients, "- Sở Y tế;", false},
				{ZoneRecipients, "- UBND các xã;", false},
				{ZoneRecipients, "- Lưu: VT.", true},
				{ZoneSignature, "KT. GIÁM ĐỐC", false},
				{ZoneSignature, "PHÓ GIÁM ĐỐC", false},
				{ZoneSignature, "Vũ Ngọc An", true},
				{ZoneAfter, "Nơi nhận hồ sơ: Bộ phận tiếp nhận và trả kết quả của Sở, số 2 đường Trần Phú.", false},
			}),
		},
		{
			name: "after a closing that ended (Lưu line), a right-aligned line on the next page is attached text",
			pages: []Page{
				all(body(100), closing(250)),
				page(put(50, 450, 13, "Mẫu số 01"), centred(80, 312, 14, "ĐƠN ĐĂNG KÝ")),
			},
			want: cat(bodyWant, closingWant, []wantPara{
				{ZoneAfter, "Mẫu số 01", false},
				{ZoneAfter, "ĐƠN ĐĂNG KÝ", false},
			}),
		},
		{
			name: "the pages after the signature page are an attached text",
			pages: []Page{
				all(body(100), closing(250)),
				page(centred(60, 312, 14, "QUY ĐỊNH"), just(90, left+36, "Điều 1. Phạm vi điều chỉnh của quy định này gồm các nội dung sau đây")),
			},
			want: cat(bodyWant, closingWant, []wantPara{
				{ZoneAfter, "QUY ĐỊNH", false},
				{ZoneAfter, "Điều 1. Phạm vi điều chỉnh của quy định này gồm các nội dung sau đây", false},
			}),
		},
		{
			// Not a grid of data: its columns come as the first page's
			// header does, and the centred title under it stays a body line.
			name: "an attached document's two-column header on the page after the signature",
			pages: []Page{
				all(body(100), closing(250)),
				page(centred(50, 170, 13, "ỦY BAN NHÂN DÂN"), centred(50, 400, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
					centred(66, 170, 13, "HUYỆN HIỆP HÒA"), centred(66, 400, 14, "Độc lập - Tự do - Hạnh phúc"),
					centred(110, 312, 14, "QUY ĐỊNH"), just(140, left+36, "Điều 1. Phạm vi điều chỉnh của quy định này gồm các nội dung sau đây")),
			},
			want: cat(bodyWant, closingWant, []wantPara{
				{ZoneHeaderLeft, "ỦY BAN NHÂN DÂN", false},
				{ZoneHeaderLeft, "HUYỆN HIỆP HÒA", true},
				{ZoneHeaderRight, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false},
				{ZoneHeaderRight, "Độc lập - Tự do - Hạnh phúc", true},
				{ZoneAfter, "QUY ĐỊNH", false},
				{ZoneAfter, "Điều 1. Phạm vi điều chỉnh của quy định này gồm các nội dung sau đây", false},
			}),
		},
		{
			name: "a Quốc hiệu centred on an attached page is no header: it reads in order",
			pages: []Page{
				all(body(100), closing(250)),
				page(centred(50, 312, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), centred(66, 312, 14, "Độc lập - Tự do - Hạnh phúc"),
					centred(110, 312, 14, "ĐƠN ĐĂNG KÝ")),
			},
			want: cat(bodyWant, closingWant, []wantPara{
				{ZoneAfter, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false},
				{ZoneAfter, "Độc lập - Tự do - Hạnh phúc", false},
				{ZoneAfter, "ĐƠN ĐĂNG KÝ", false},
			}),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Layout(tc.pages, testOpts)
			got := paras(r)
			if len(got) != len(tc.want) {
				t.Errorf("%d paragraphs, want %d", len(got), len(tc.want))
			}
			for i := 0; i < len(got) || i < len(tc.want); i++ {
				var g, w wantPara
				if i < len(got) {
					g = got[i]
				}
				if i < len(tc.want) {
					w = tc.want[i]
				}
				if g != w {
					t.Errorf("paragraph %d:\n got %v %q end=%v\nwant %v %q end=%v", i, g.zone, g.text, g.end, w.zone, w.text, w.end)
				}
			}
			if len(r.Dropped) != len(tc.dropped) {
				t.Errorf("dropped %v, want %v", r.Dropped, tc.dropped)
			} else {
				for i := range r.Dropped {
					if r.Dropped[i] != tc.dropped[i] {
						t.Errorf("dropped %d: %v, want %v", i, r.Dropped[i], tc.dropped[i])
					}
				}
			}
		})
	}
}

func TestFootnotes(t *testing.T) {
	bodyLines := [][]Word{
		just(100, left+36, "Các sở, ngành báo cáo nội dung có liên quan của ngành1 và đề xuất nhiệm"),
		put(118, left, size, "vụ trọng tâm năm 2026."),
	}
	tests := []struct {
		name      string
		foot      [][]Word
		wantRuns  []Run
		attached  int
		loose     int
		wantParas int
	}{
		{
			name:     "a mark glued to a word",
			foot:     [][]Word{put(780, left, 10, "1 Văn phòng UBND tỉnh về cải cách thủ tục hành chính;"), put(791, left, 10, "Sở Tư pháp về cải cách thể chế.")},
			wantRuns: []Run{{Text: "Các sở, ngành báo cáo nội dung có liên quan của ngành", Footnote: "Văn phòng UBND tỉnh về cải cách thủ tục hành chính; Sở Tư pháp về cải cách thể chế."}, {Text: " và đề xuất nhiệm vụ trọng tâm năm 2026."}},
			attached: 1, wantParas: 1,
		},
		{
			name:     "no mark for it: kept as text",
			foot:     [][]Word{put(780, left, 10, "2 Một chú thích không có chỗ đánh dấu.")},
			wantRuns: []Run{{Text: "Các sở, ngành báo cáo nội dung có liên quan của ngành1 và đề xuất nhiệm vụ trọng tâm năm 2026."}},
			loose:    1, wantParas: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parts := append(append([][]Word{}, bodyLines...), tc.foot...)
			r := Layout([]Page{page(parts...)}, testOpts)
			if r.Footnotes != tc.attached || r.LooseFootnotes != tc.loose {
				t.Errorf("footnotes %d attached, %d loose; want %d, %d", r.Footnotes, r.LooseFootnotes, tc.attached, tc.loose)
			}
			if len(r.Paras) != tc.wantParas {
				t.Fatalf("%d paragraphs, want %d: %v", len(r.Paras), tc.wantParas, paras(r))
			}
			got := r.Paras[0].Runs
			if len(got) != len(tc.wantRuns) {
				t.Fatalf("runs %+v, want %+v", got, tc.wantRuns)
			}
			for i := range got {
				if got[i] != tc.wantRuns[i] {
					t.Errorf("run %d: %+v, want %+v", i, got[i], tc.wantRuns[i])
				}
			}
		})
	}
}

func TestRepair(t *testing.T) {
	tests := []struct {
		in, want string
		repairs  []Repair
	}{
		{"trƣờng Ƣu tiên", "trường Ưu tiên", []Repair{{'Ƣ', 'Ư', 1}, {'ƣ', 'ư', 1}}},
		{"Ðà Lạt ðã", "Đà Lạt đã", []Repair{{'Ð', 'Đ', 1}, {'ð', 'đ', 1}}},
		{"Ảnh 3\uf0b44", "Ảnh 3×4", []Repair{{'\uf0b4', '×', 1}}},
		// Decomposed input comes out NFC; a correct text is untouched.
		{"Hòa nhập trường", "Hòa nhập trường", nil},
	}
	for _, tc := range tests {
		r := Layout([]Page{page(put(100, left, size, tc.in))}, testOpts)
		if len(r.Paras) != 1 || r.Paras[0].Text() != tc.want {
			t.Errorf("%q: got %v, want %q", tc.in, paras(r), tc.want)
		}
		if len(r.Repairs) != len(tc.repairs) {
			t.Errorf("%q: repairs %v, want %v", tc.in, r.Repairs, tc.repairs)
			continue
		}
		for i := range r.Repairs {
			if r.Repairs[i] != tc.repairs[i] {
				t.Errorf("%q: repair %d %v, want %v", tc.in, i, r.Repairs[i], tc.repairs[i])
			}
		}
	}
}

func TestParseBBox(t *testing.T) {
	const src = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head><title></title><meta name="Creator" content="Microsoft® Word 2016"/></head><body><doc>
  <page width="612.000000" height="792.000000"><flow><block xMin="1" yMin="2" xMax="3" yMax="4"><line xMin="1" yMin="2" xMax="3" yMax="4">
    <word xMin="99.984000" yMin="50.130360" xMax="120.201600" yMax="65.672640">ỦY</word>
    <word xMin="123.7" yMin="50.1" xMax="153.3" yMax="65.6">R&amp;D</word>
  </line></block></flow></page>
  <page width="595" height="842"></page>
</doc></body></html>`
	pages, err := ParseBBox(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].Width != 612 || pages[1].Height != 842 || len(pages[0].Words) != 2 || len(pages[1].Words) != 0 {
		t.Fatalf("pages %+v", pages)
	}
	if w := pages[0].Words[1]; w.Text != "R&D" || w.X0 != 123.7 || w.Y1 != 65.6 {
		t.Errorf("word %+v", w)
	}
	if _, err := ParseBBox(strings.NewReader("<doc><page><word>unclosed")); err == nil {
		t.Error("truncated output: no error")
	}
}

func TestStyles(t *testing.T) {
	// pdftohtml draws at 1.5×: a 612 pt page is 918 px wide.
	const src = `<?xml version="1.0" encoding="UTF-8"?>
<pdf2xml producer="poppler" version="22.12.0">
<page number="1" position="absolute" top="0" left="0" height="1188" width="918">
	<fontspec id="0" size="21" family="Times New Roman,Bold" color="#000000"/>
	<fontspec id="1" size="21" family="Times New Roman" color="#000000"/>
<text top="75" left="150" width="300" height="23" font="0">THÔNG BÁO</text>
<text top="150" left="150" width="600" height="23" font="1"><b>1. Mục đích:</b> Tổ chức <i>quán triệt</i></text>
</page>
</pdf2xml>`
	pages := []Page{{Width: 612, Height: 792, Words: []Word{
		{Text: "THÔNG", X0: 100, Y0: 50, X1: 200, Y1: 65},
		{Text: "1.", X0: 100, Y0: 100, X1: 115, Y1: 115},
		{Text: "Mục", X0: 118, Y0: 100, X1: 150, Y1: 115},
		{Text: "đích:", X0: 153, Y0: 100, X1: 190, Y1: 115},
		{Text: "Tổ", X0: 200, Y0: 100, X1: 230, Y1: 115},
		{Text: "chức", X0: 233, Y0: 100, X1: 300, Y1: 115},
		{Text: "quán", X0: 305, Y0: 100, X1: 350, Y1: 115},
		{Text: "triệt", X0: 353, Y0: 100, X1: 499, Y1: 115},
		{Text: "elsewhere", X0: 100, Y0: 400, X1: 200, Y1: 415},
	}}}
	styles, err := parseStyles(strings.NewReader(src), pages)
	if err != nil {
		t.Fatal(err)
	}
	applyStyles(pages, styles)
	want := map[string][2]bool{"THÔNG": {true, false}, "1.": {true, false}, "Mục": {true, false}, "đích:": {true, false},
		"Tổ": {false, false}, "chức": {false, false}, "quán": {false, true}, "triệt": {false, true}, "elsewhere": {false, false}}
	for _, w := range pages[0].Words {
		if got := [2]bool{w.Bold, w.Italic}; got != want[w.Text] {
			t.Errorf("%s: bold, italic %v, want %v", w.Text, got, want[w.Text])
		}
	}
	r := Layout(pages, testOpts)
	if len(r.Paras) < 2 || len(r.Paras[1].Runs) != 3 || !r.Paras[1].Runs[0].Bold || r.Paras[1].Runs[0].Text != "1. Mục đích:" || r.Paras[1].Runs[1].Text != " Tổ chức" {
		t.Errorf("runs %+v", r.Paras)
	}
}

func TestParseBBoxTooManyWords(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><doc><page width="612" height="792">`)
	for i := 0; i <= MaxWordsPerPage; i++ {
		b.WriteString(`<word xMin="1" yMin="1" xMax="2" yMax="2">x</word>`)
	}
	b.WriteString(`</page></doc></body></html>`)
	if _, err := ParseBBox(strings.NewReader(b.String())); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d words on a page: %v, want ErrTooLarge", MaxWordsPerPage+1, err)
	}
}

// TestRunning: running text (indented first line, not bold) is told from
// a centred title or trích yếu, and from a bold summary set to the margins.
func TestRunning(t *testing.T) {
	bold := func(ws []Word) []Word {
		for i := range ws {
			ws[i].Bold = true
		}
		return ws
	}
	r := Layout([]Page{page(
		centred(100, 312, 14, "GIẤY MỜI"),
		just(130, left+36, "Thực hiện Chương trình công tác của Ủy ban nhân dân tỉnh tháng 01/2026, Ủy"),
		put(148, left, size, "ban nhân dân tỉnh tổ chức họp."),
		centred(300, 312, 14, "KẾ HOẠCH"),
		bold(just(320, left, "Thực hiện Chỉ thị số 7883/CT-BNNMT ngày 17/7/2026 của Bộ Nông nghiệp và")),
		bold(centred(338, 312, 14, "về tăng cường kỷ luật hành chính")),
	)}, testOpts)
	want := []bool{false, true, false, false}
	if len(r.Paras) != len(want) {
		t.Fatalf("paragraphs %v", paras(r))
	}
	for i, p := range r.Paras {
		if p.Running != want[i] {
			t.Errorf("%q: running %v, want %v", p.Text(), p.Running, want[i])
		}
	}
}

func TestTables(t *testing.T) {
	row := func(y float64, cells ...string) []Word {
		var ws []Word
		for i, c := range cells {
			if c != "" {
				ws = append(ws, put(y, left+float64(i)*120, size, c)...)
			}
		}
		return ws
	}
	tests := []struct {
		name  string
		lines [][]Word
		want  [][]string // nil: no table
	}{
		{
			name: "a schedule with a header row and a wrapped cell",
			lines: [][]Word{
				row(100, "Tháng", "Họ và tên", "Chức vụ", "Ngày tiếp"),
				row(118, "1", "Nguyễn Thế Bình", "Giám đốc", "06/01/2020"),
				row(136, "2", "Trần Văn An", "Phó Giám", "03/02/2020"),
				row(154, "", "", "đốc", ""),
			},
			want: [][]string{{"Tháng", "Họ và tên", "Chức vụ", "Ngày tiếp"}, {"1", "Nguyễn Thế Bình", "Giám đốc", "06/01/2020"}, {"2", "Trần Văn An", "Phó Giám đốc", "03/02/2020"}},
		},
		{
			name:  "one line with a wide gap is no table",
			lines: [][]Word{row(100, "Kết quả:", "", "", "đạt"), just(118, left, "Các đơn vị tổ chức thực hiện nghiêm túc kế hoạch này và báo cáo kết quả.")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Layout([]Page{page(tc.lines...)}, testOpts)
			var got [][]string
			for _, p := range r.Paras {
				if p.Rows != nil {
					got = p.Rows
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("rows %q, want %q", got, tc.want)
			}
			for i := range got {
				if strings.Join(got[i], "|") != strings.Join(tc.want[i], "|") {
					t.Errorf("row %d: %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}
