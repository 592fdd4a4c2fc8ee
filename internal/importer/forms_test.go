package importer_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

// tabs is a paragraph whose parts are separated by Word tabs, as a
// clerk lays two signature blocks out without a table.
func tabs(parts ...string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:r>`)
	for i, s := range parts {
		if i > 0 {
			b.WriteString(`<w:tab/><w:tab/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + s + `</w:t>`)
	}
	b.WriteString(`</w:r></w:p>`)
	return b.String()
}

// formHeader is a two-cell header of body (its lines) with number num.
func formHeader(num string, body ...string) string {
	left := make([]string, 0, len(body)+1)
	for _, l := range body {
		left = append(left, p(l))
	}
	left = append(left, p("Số: "+num))
	return table(row(cell(left...),
		cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"), p("Lâm Đồng, ngày 20 tháng 01 năm 2026"))))
}

// sig is a signature block as the import reads it: chain, title, name.
func sig(s *document.Signature) string {
	if s == nil {
		return "<none>"
	}
	var parts []string
	for _, a := range s.Authority {
		parts = append(parts, a.Prefix+" "+a.Title)
	}
	return strings.Join(append(parts, s.Title, s.Name), " / ")
}

// reported: the report has a note at pointer ptr with a source line.
func reported(rep *importer.Report, ptr string) bool {
	for _, n := range append(append([]importer.Note(nil), rep.Recognised...), rep.Guessed...) {
		if n.Path == ptr && n.Source != "" && n.Line > 0 {
			return true
		}
	}
	return false
}

// TestFormLayouts: the Phụ lục III layouts as offices write them, each
// read back from a .docx built here: two signature blocks as a one-row
// table, as a table of a titles row and a names row, and as tab-separated
// lines; the công điện's sender on one line or with "điện:" on its own;
// a giấy giới thiệu's opening; a joint header. The negative cases keep a
// second capacity under one signer's name as before and never split an
// issuer's own two lines.
func TestFormLayouts(t *testing.T) {
	minutesBody := p("BIÊN BẢN") + p("Họp giao ban tháng 01 năm 2026") +
		p("Thời gian bắt đầu: 08 giờ 00 phút, ngày 20 tháng 01 năm 2026.") + p("Địa điểm: Phòng họp số 2.") +
		p("Thành phần tham dự: lãnh đạo các phòng.") + p("Nội dung:") +
		p("1. Các phòng báo cáo kết quả tháng 01.") + p("2. Chủ trì kết luận.") +
		p("Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày.")
	minutes := func() string { return formHeader("05/BB-SNV", "SỞ NỘI VỤ") + minutesBody }
	for _, tc := range []struct {
		name, xml            string
		typ                  string
		signature, cosign    string
		competence, addrs    string
		intro, closing, body string
		issuer, coIssuer     string
		notes                []string
		// lost: what the import lists as dropped and not printed again
		// (notes of the copy, a second capacity), each with its reason.
		lost string
	}{
		{name: "biên bản, one row of two cells", typ: "bien_ban",
			xml:       minutes() + table(row(cell(p("THƯ KÝ"), p(""), p(""), p("Lê Thị Hồng Nhung")), cell(p("CHỦ TỌA"), p(""), p(""), p("Nguyễn Văn Minh")))),
			signature: "CHỦ TỌA / Nguyễn Văn Minh", cosign: "THƯ KÝ / Lê Thị Hồng Nhung",
			closing: "Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày.", notes: []string{"/cosignature", "/closing"}},
		{name: "biên bản, a titles row and a names row", typ: "bien_ban",
			xml: minutes() + table(row(cell(p("NGƯỜI GHI BIÊN BẢN")), cell(p("CHỦ TRÌ"))), row(cell(p("(Ký, ghi rõ họ tên)")), cell(p("(Ký, ghi rõ họ tên)"))),
				row(cell(p("Lê Thị Hồng Nhung")), cell(p("Nguyễn Văn Minh")))),
			signature: "CHỦ TRÌ / Nguyễn Văn Minh", cosign: "NGƯỜI GHI BIÊN BẢN / Lê Thị Hồng Nhung", notes: []string{"/cosignature"},
			lost: "(Ký, ghi rõ họ tên) | (Ký, ghi rõ họ tên)"},
		{name: "biên bản, tab-separated lines", typ: "bien_ban",
			xml:       minutes() + tabs("THƯ KÝ", "CHỦ TỌA") + p("") + p("") + tabs("Lê Thị Hồng Nhung", "Nguyễn Văn Minh"),
			signature: "CHỦ TỌA / Nguyễn Văn Minh", cosign: "THƯ KÝ / Lê Thị Hồng Nhung", notes: []string{"/cosignature"}},
		{name: "công điện, sender on one line", typ: "cong_dien",
			xml: formHeader("04/CĐ-UBND", "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG") + p("CÔNG ĐIỆN") + p("Về việc ứng phó với mưa lớn") +
				p("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG điện:") + p("- Giám đốc các Sở, ban, ngành;") + p("- Chủ tịch UBND các xã, phường.") +
				p("Dự báo mưa lớn kéo dài, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan chủ động ứng phó.") + closing,
			competence: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", addrs: "Giám đốc các Sở, ban, ngành | Chủ tịch UBND các xã, phường",
			signature: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An", cosign: "<none>", notes: []string{"/competence", "/addressees"}},
		{name: "công điện, sender wrapped, điện: on its own line", typ: "cong_dien",
			xml: formHeader("04/CĐ-UBND", "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG") + p("CÔNG ĐIỆN") + p("Về việc ứng phó với mưa lớn") +
				p("THỦ TƯỚNG CHÍNH PHỦ") + p("điện:") + p("- Chủ tịch UBND các tỉnh;") + p("- Bộ trưởng các Bộ.") +
				p("Dự báo mưa lớn kéo dài, đề nghị các cơ quan chủ động ứng phó.") + closing,
			competence: "THỦ TƯỚNG CHÍNH PHỦ", addrs: "Chủ tịch UBND các tỉnh | Bộ trưởng các Bộ",
			signature: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An", cosign: "<none>", notes: []string{"/competence"}},
		{name: "giấy giới thiệu, opening and labelled lines", typ: "giay_gioi_thieu",
			xml: formHeader("15/GGT-SNV", "SỞ NỘI VỤ") + p("GIẤY GIỚI THIỆU") + p("Sở Nội vụ trân trọng giới thiệu:") +
				p("Ông: Phạm Quốc Huy") + p("Chức vụ: Chuyên viên.") + p("Được cử đến: Ủy ban nhân dân xã Lạc Dương.") +
				p("Đề nghị Quý cơ quan tạo điều kiện để ông hoàn thành nhiệm vụ.") + p("Giấy này có giá trị đến hết ngày 28 tháng 02 năm 2026.") + closing,
			intro: "Sở Nội vụ trân trọng giới thiệu:", body: "Ông: Phạm Quốc Huy | Chức vụ: Chuyên viên. | Được cử đến: Ủy ban nhân dân xã Lạc Dương. | Đề nghị Quý cơ quan tạo điều kiện để ông hoàn thành nhiệm vụ. | Giấy này có giá trị đến hết ngày 28 tháng 02 năm 2026.",
			signature: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An", cosign: "<none>", notes: []string{"/intro"}},
		{name: "joint kế hoạch, two bodies and two signatures", typ: "ke_hoach",
			xml: formHeader("02/KH-SNV-LĐLĐ", "UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH LÂM ĐỒNG") + p("KẾ HOẠCH") + p("Phối hợp tổ chức Tháng Công nhân năm 2026") +
				p("I. MỤC ĐÍCH") + p("Nâng cao nhận thức về an toàn lao động.") +
				table(row(cell(p("TM. BAN THƯỜNG VỤ"), p("CHỦ TỊCH"), p(""), p("Trần Văn Hiệp")), cell(p("KT. GIÁM ĐỐC"), p("PHÓ GIÁM ĐỐC"), p(""), p("Đặng Thị Kim Oanh")))) +
				table(row(cell(p("Nơi nhận:"), p("- UBND tỉnh;"), p("- Lưu: VT.")), cell(p("")))),
			signature: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đặng Thị Kim Oanh", cosign: "TM. BAN THƯỜNG VỤ / CHỦ TỊCH / Trần Văn Hiệp",
			issuer: "SỞ NỘI VỤ", coIssuer: "LIÊN ĐOÀN LAO ĐỘNG / TỈNH LÂM ĐỒNG", notes: []string{"/co_issuer", "/cosignature"}},
		{name: "one signer with a second capacity under the name is no cosignature", typ: "bao_cao",
			xml: formHeader("12/BC-ĐKT", "SỞ CÔNG THƯƠNG", "ĐOÀN KIỂM TRA") + p("BÁO CÁO") + p("Kết quả kiểm tra") + p("I. KẾT QUẢ") + p("Các đơn vị chấp hành tốt.") +
				table(row(cell(p("Nơi nhận:"), p("- Ban Giám đốc Sở;"), p("- Lưu: VT.")), cell(p("TM. ĐOÀN KIỂM TRA"), p("TRƯỞNG ĐOÀN"), p(""), p("Hoàng Văn Thuân"), p("PHÓ GIÁM ĐỐC SỞ CÔNG THƯƠNG")))),
			signature: "TM. ĐOÀN KIỂM TRA / TRƯỞNG ĐOÀN / Hoàng Văn Thuân", cosign: "<none>", lost: "PHÓ GIÁM ĐỐC SỞ CÔNG THƯƠNG"},
		{name: "an issuer's own two lines and a three-part ký hiệu are no joint document", typ: "ke_hoach",
			xml:       formHeader("07/KH-UBND-VX", "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG") + p("KẾ HOẠCH") + p("Tổ chức Tết năm 2026") + p("I. MỤC ĐÍCH") + p("Chăm lo Tết cho Nhân dân.") + closing,
			signature: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An", cosign: "<none>", issuer: "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, rep := importDOCX(t, map[string]string{"word/document.xml": body(tc.xml)})
			eq(t, "type", d.Type, tc.typ)
			eq(t, "signature", sig(&d.Signature), tc.signature)
			eq(t, "cosignature", sig(d.Cosignature), tc.cosign)
			eq(t, "competence", strings.Join(d.Competence, " / "), tc.competence)
			eq(t, "addressees", strings.Join(plains(d.Addressees), " | "), tc.addrs)
			if tc.intro != "" || tc.typ == "giay_gioi_thieu" {
				eq(t, "intro", strings.Join(plains(d.Intro), " | "), tc.intro)
			}
			if tc.closing != "" {
				eq(t, "closing", strings.Join(plains(d.Closing), " | "), tc.closing)
			}
			if tc.body != "" {
				var paras []string
				for _, b := range d.Body {
					if b.Paragraph != nil {
						paras = append(paras, b.Paragraph.Plain())
					}
				}
				eq(t, "body", strings.Join(paras, " | "), tc.body)
				eq(t, "closing", len(d.Closing), 0)
			}
			if tc.issuer != "" {
				eq(t, "issuer", strings.Join(d.Issuer.Name, " / "), tc.issuer)
				co := ""
				if d.CoIssuer != nil {
					co = strings.Join(d.CoIssuer.Name, " / ")
				}
				eq(t, "co_issuer", co, tc.coIssuer)
			}
			for _, ptr := range tc.notes {
				if !reported(rep, ptr) {
					t.Errorf("no report note at %s with its source line", ptr)
				}
			}
			eq(t, "lost", strings.Join(lost(rep), " | "), tc.lost)
		})
	}
}

// nghiQuyet is a nghị quyết cá biệt (Mẫu 1.1) of a HĐND, built here while
// the samples hold none: HĐND header, competence with the term and
// session, căn cứ and "Xét …" lines, "QUYẾT NGHỊ:", Điều with khoản, and
// the TM. chain of the council.
const nghiQuyet = `{
  "schema": "vanban/v2",
  "type": "nghi_quyet",
  "issuer": {"name": ["HỘI ĐỒNG NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "abbreviation": "HĐND"},
  "number": "12",
  "place": "Lâm Đồng",
  "date": {"day": 10, "month": 7, "year": 2026},
  "summary": "Về việc thành lập Đoàn giám sát việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số năm 2026",
  "competence": ["HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG", "KHÓA X, KỲ HỌP THỨ 5"],
  "bases": [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;",
    "Xét Tờ trình số 45/TTr-TTHĐND ngày 01 tháng 7 năm 2026 của Thường trực Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp."
  ],
  "body": [
    {"heading": {"label": "Điều 1.", "title": "Thành lập Đoàn giám sát", "children": [
      {"heading": {"label": "1.", "title": "Thành lập Đoàn giám sát việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số trên địa bàn tỉnh năm 2026.", "plain": true}},
      {"heading": {"label": "2.", "title": "Đoàn giám sát gồm 09 đại biểu Hội đồng nhân dân tỉnh, do Phó Chủ tịch Hội đồng nhân dân tỉnh làm Trưởng đoàn.", "plain": true}}
    ]}},
    {"heading": {"label": "Điều 2.", "title": "Tổ chức thực hiện", "children": [
      {"paragraph": "Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh và Đoàn giám sát tổ chức thực hiện Nghị quyết này."}
    ]}}
  ],
  "closing": ["Nghị quyết này được Hội đồng nhân dân tỉnh Lâm Đồng Khóa X, Kỳ họp thứ 5 thông qua ngày 10 tháng 7 năm 2026 và có hiệu lực từ ngày thông qua."],
  "signature": {"authority": [{"prefix": "TM.", "title": "HỘI ĐỒNG NHÂN DÂN"}], "title": "CHỦ TỊCH", "name": "Trần Đức Quận"},
  "distribution": {
    "recipients": [{"name": "Ủy ban Thường vụ Quốc hội", "note": "để b/c"}, {"name": "Thường trực Tỉnh ủy"}, {"name": "Đại biểu Hội đồng nhân dân tỉnh"}],
    "archive": {"units": ["TH"]}
  }
}`

// formParts prints the parts a form's layout carries: the cosignature,
// the competence, the addressees, the co-issuer and the intro.
func formParts(d *document.Document) string {
	co := ""
	if d.CoIssuer != nil {
		co = strings.Join(d.CoIssuer.Name, " / ")
	}
	return "cosignature=" + sig(d.Cosignature) + "; competence=" + strings.Join(d.Competence, " / ") +
		"; addressees=" + strings.Join(plains(d.Addressees), " | ") + "; co_issuer=" + co + "; intro paragraphs=" + strconv.Itoa(len(d.Intro))
}

// withBuiltForms adds to the samples the forms built in this file, so the
// round trips through DOCX and PDF run over them too.
func withBuiltForms(t testing.TB, docs map[string]*document.Document) map[string]*document.Document {
	t.Helper()
	nq, err := document.DecodeBytes([]byte(nghiQuyet), document.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	docs["built-nghi-quyet"] = nq
	return docs
}

// TestFormLayoutsText: the same layouts pasted as text: two signature
// blocks as space-separated columns, and a data table of names under two
// headings that is no signature.
func TestFormLayoutsText(t *testing.T) {
	head := "SỞ NỘI VỤ\nSố: 05/BB-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 20 tháng 01 năm 2026\n\nBIÊN BẢN\nHọp giao ban tháng 01 năm 2026\n\n" +
		"Thời gian bắt đầu: 08 giờ 00 phút.\nĐịa điểm: Phòng họp số 2.\n1. Các phòng báo cáo kết quả tháng 01.\n2. Chủ trì kết luận.\nCuộc họp kết thúc vào 11 giờ 00 phút cùng ngày.\n\n"
	for _, tc := range []struct{ name, text, sig, cosig string }{
		{"columns by spaces", head + "THƯ KÝ                         CHỦ TỌA\n\n\nLê Thị Hồng Nhung              Nguyễn Văn Minh\n",
			"CHỦ TỌA / Nguyễn Văn Minh", "THƯ KÝ / Lê Thị Hồng Nhung"},
		{"columns by tabs", head + "NGƯỜI GHI BIÊN BẢN\tCHỦ TRÌ\nLê Thị Hồng Nhung\tNguyễn Văn Minh\n",
			"CHỦ TRÌ / Nguyễn Văn Minh", "NGƯỜI GHI BIÊN BẢN / Lê Thị Hồng Nhung"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, rep := imp(t, tc.text)
			eq(t, "signature", sig(&d.Signature), tc.sig)
			eq(t, "cosignature", sig(d.Cosignature), tc.cosig)
			eq(t, "closing", strings.Join(plains(d.Closing), " | "), "Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày.")
			eq(t, "lost", strings.Join(lost(rep), " | "), "")
		})
	}
}

// TestDataTableIsNoSignature: a two-column table of names under headings
// in capitals after the body stays a table, and the signature is the
// closing's.
func TestDataTableIsNoSignature(t *testing.T) {
	data := table(row(cell(p("HỌ VÀ TÊN")), cell(p("ĐƠN VỊ"))), row(cell(p("Nguyễn Văn An")), cell(p("Văn Phòng Sở"))),
		row(cell(p("Trần Thị Bình")), cell(p("Thanh Tra Sở"))))
	d, _ := importDOCX(t, map[string]string{"word/document.xml": body(formHeader("05/KH-SNV", "SỞ NỘI VỤ") + p("KẾ HOẠCH") + p("Kiểm tra năm 2026") +
		p("I. THÀNH PHẦN") + p("Đoàn kiểm tra gồm:") + data + p("II. TỔ CHỨC THỰC HIỆN") + p("Các phòng thực hiện.") + closing)})
	eq(t, "signature", sig(&d.Signature), "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An")
	eq(t, "cosignature", sig(d.Cosignature), "<none>")
	eq(t, "tables", tablesIn(d.Body), 1)
}

func tablesIn(bs []document.Block) int {
	n := 0
	for _, b := range bs {
		switch {
		case b.Table != nil:
			n++
		case b.Heading != nil:
			n += tablesIn(b.Heading.Children)
		case b.Item != nil:
			n += tablesIn(b.Item.Children)
		}
	}
	return n
}

// TestRoundTripDraftMinutes: a draft biên bản, neither signer named yet,
// comes back from its DOCX with both blocks.
func TestRoundTripDraftMinutes(t *testing.T) {
	want := sampleDocs(t)["mau-2026-bien-ban-hop"]
	want.Draft = true
	want.Signature.Name = ""
	want.Cosignature.Name = ""
	roundTripDOCX(t, "draft-bien-ban", want)
}
