package importer_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/internal/vntext"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// makeDOCX zips parts into a minimal package; rels and content types are
// added unless given.
func makeDOCX(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	if _, ok := parts["_rels/.rels"]; !ok {
		parts["_rels/.rels"] = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func body(paras string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + paras + `</w:body></w:document>`
}

// lyingZip declares a tiny entry that inflates to a lot: only counting the
// bytes while inflating catches it.
func lyingZip(t testing.TB) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	payload := bytes.Repeat([]byte("a"), 1<<20)
	fw.Write(payload)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 100, CRC32: crc32.ChecksumIEEE(payload)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestImportRefuses(t *testing.T) {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 300) + strings.Repeat("</w:sdtContent></w:sdt>", 300)
	bomb := makeDOCX(t, map[string]string{"word/document.xml": body("<w:p><w:r><w:t>" + strings.Repeat("x", 200000) + "</w:t></w:r></w:p>")})
	many := map[string]string{"word/document.xml": body("")}
	for i := range 30 {
		many["extra/"+string(rune('a'+i))] = "x"
	}
	tests := []struct {
		name string
		data []byte
		file string
		lim  importer.Limits
		want error
	}{
		{"legacy doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "old.doc", importer.Limits{}, importer.ErrLegacyDOC},
		{"legacy doc named docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "x.docx", importer.Limits{}, importer.ErrLegacyDOC},
		{"upload too large", []byte(strings.Repeat("a", 2000)), "a.txt", importer.Limits{MaxBytes: 1000}, importer.ErrTooLarge},
		{"too many entries", makeDOCX(t, many), "a.docx", importer.Limits{MaxEntries: 10}, importer.ErrTooLarge},
		{"declared size over the limit", bomb, "a.docx", importer.Limits{MaxUncompressed: 10000}, importer.ErrZipBomb},
		{"inflates beyond its declared size", lyingZip(t), "a.docx", importer.Limits{}, importer.ErrZipBomb},
		{"not a zip", []byte("PK\x03\x04 this is not a zip"), "a.docx", importer.Limits{}, importer.ErrMalformed},
		{"docx name, text content", []byte("hello"), "a.docx", importer.Limits{}, importer.ErrMalformed},
		{"no main part", makeDOCX(t, map[string]string{"_rels/.rels": "<Relationships/>", "foo.xml": "<a/>"}), "a.docx", importer.Limits{}, importer.ErrMalformed},
		{"malformed XML", makeDOCX(t, map[string]string{"word/document.xml": body("<w:p><w:r>")}), "a.docx", importer.Limits{}, importer.ErrMalformed},
		{"no body", makeDOCX(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `/>`}), "a.docx", importer.Limits{}, importer.ErrMalformed},
		{"XML too deep", makeDOCX(t, map[string]string{"word/document.xml": body(deep)}), "a.docx", importer.Limits{}, importer.ErrMalformed},
		{"RTF", []byte(`{\rtf1\ansi hello}`), "a.rtf", importer.Limits{}, importer.ErrMalformed},
		{"binary", []byte("abc\x00def"), "a.bin", importer.Limits{}, importer.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rep, err := importer.Import(bytes.NewReader(tt.data), int64(len(tt.data)), tt.file, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if d != nil || rep != nil {
				t.Error("a refused file must return nothing else")
			}
		})
	}
}

// imp imports text and returns the document, failing on error.
func imp(t *testing.T, s string) (*document.Document, *importer.Report) {
	t.Helper()
	d, rep, err := importer.ImportText([]byte(s), importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return d, rep
}

func TestRecogniseText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, d *document.Document)
	}{
		{"draft header with blanks", "ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: /KH-UBND\nVĩnh Linh, ngày tháng năm 2024\nKẾ HOẠCH\nTriển khai công tác năm 2024\nI. MỤC ĐÍCH\nNội dung./.\n", func(t *testing.T, d *document.Document) {
			eq(t, "type", d.Type, "ke_hoach")
			eq(t, "number", d.Number, "")
			eq(t, "year", d.Date.Year, 2024)
			eq(t, "day", d.Date.Day, 0)
			eq(t, "place", d.Place, "Vĩnh Linh")
			eq(t, "draft", d.Draft, true)
			eq(t, "name", strings.Join(d.Issuer.Name, "/"), "ỦY BAN NHÂN DÂN/HUYỆN VĨNH LINH")
			eq(t, "abbreviation", d.Issuer.Abbreviation, "UBND")
			eq(t, "symbol (derived)", d.Symbol, "")
			eq(t, "summary", d.Summary, "Triển khai công tác năm 2024")
			eq(t, "final mark", d.Body[0].Heading.Children[0].Paragraph.Plain(), "Nội dung.")
		}},
		{"công văn with parent, V/v and Kính gửi list", "UBND TỈNH A\nSỞ Y TẾ\nSố: 12/SYT-NV\nV/v triển khai\ncông tác năm 2020\nHà Giang, ngày 01 tháng 02 năm 2020\nKính gửi:\n- Phòng Y tế các huyện;\n- Trung tâm Y tế.\nĐề nghị thực hiện.\n", func(t *testing.T, d *document.Document) {
			eq(t, "type", d.Type, "cong_van")
			eq(t, "parent", strings.Join(d.Issuer.Parent, "/"), "UBND TỈNH A")
			eq(t, "name", strings.Join(d.Issuer.Name, "/"), "SỞ Y TẾ")
			eq(t, "abbreviation", d.Issuer.Abbreviation, "SYT")
			eq(t, "unit", d.Issuer.Unit, "NV")
			eq(t, "subject", d.Subject, "triển khai công tác năm 2020")
			eq(t, "addressees", strings.Join(plains(d.Addressees), "|"), "Phòng Y tế các huyện|Trung tâm Y tế")
			eq(t, "date", d.Date, document.Date{Day: 1, Month: 2, Year: 2020})
		}},
		{"interleaved Nơi nhận and signature", "KẾ HOẠCH\nX\nI. A\nB./.\n\tNơi nhận:\n\tTM. ỦY BAN NHÂN DÂN\n\t- Bộ A (để b/c);\n\tKT. CHỦ TỊCH\n\t- Sở B;\n\tPHÓ CHỦ TỊCH\n\t- Lưu: VT, VX.\n\tNguyễn Văn A\n", func(t *testing.T, d *document.Document) {
			eq(t, "recipients", len(d.Distribution.Recipients), 2)
			eq(t, "note", d.Distribution.Recipients[0].Note, "để b/c")
			if d.Distribution.Archive == nil || strings.Join(d.Distribution.Archive.Units, ",") != "VX" {
				t.Errorf("archive = %+v, want units VX", d.Distribution.Archive)
			}
			eq(t, "authority", len(d.Signature.Authority), 2)
			eq(t, "title", d.Signature.Title, "PHÓ CHỦ TỊCH")
			eq(t, "name", d.Signature.Name, "Nguyễn Văn A")
		}},
		{"wrapped authority line", "KẾ HOẠCH\nX\nI. A\nB.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n", func(t *testing.T, d *document.Document) {
			eq(t, "authority 0", d.Signature.Authority[0].Title, "ỦY BAN NHÂN DÂN")
			eq(t, "title", d.Signature.Title, "PHÓ CHỦ TỊCH")
		}},
		{"budget that adds up", "KẾ HOẠCH\nX\nI. KINH PHÍ\nNgân sách: 300.000.000đ (ba trăm triệu đồng) trong đó:\n- Việc A: 100.000.000đ\n- Việc B: 200.000.000 đ\nTrong đó:\n+ B1: 150.000.000đ\n+ B2: 50.000.000đ\n", func(t *testing.T, d *document.Document) {
			b := d.Body[0].Heading.Children[0].Budget
			if b == nil {
				t.Fatalf("no budget: %+v", d.Body[0].Heading.Children)
			}
			eq(t, "total", *b.Total, int64(300000000))
			eq(t, "items", len(b.Items), 2)
			eq(t, "sub-items", len(b.Items[1].Items), 2)
		}},
		{"budget that does not add up stays text", "KẾ HOẠCH\nX\nI. KINH PHÍ\nNgân sách: 300.000.000đ trong đó:\n- Việc A: 100.000.000đ\n- Việc B: 100.000.000đ\n", func(t *testing.T, d *document.Document) {
			ch := d.Body[0].Heading.Children
			eq(t, "children", len(ch), 3)
			if ch[0].Paragraph == nil {
				t.Errorf("first child = %+v, want the paragraph as printed", ch[0])
			}
		}},
		{"parts of a đề án over mục restarting in each", "ĐỀ ÁN\nChuyển đổi số\nPhần thứ nhất\nSỰ CẦN THIẾT\nI. THỰC TRẠNG\nA.\nII. CĂN CỨ\nB.\nPhần thứ hai\nGIẢI PHÁP\nI. MỤC TIÊU\nC.\n", func(t *testing.T, d *document.Document) {
			eq(t, "summary", d.Summary, "Chuyển đổi số")
			if eq(t, "parts", len(d.Body), 2); len(d.Body) != 2 || d.Body[1].Heading == nil || len(d.Body[1].Heading.Children) == 0 {
				t.Fatalf("body = %+v", d.Body)
			}
			p := d.Body[1].Heading
			eq(t, "part label", p.Label, "Phần thứ hai")
			eq(t, "part title", p.Title.Plain(), "GIẢI PHÁP")
			eq(t, "mục under it", p.Children[0].Heading.Label, "I.")
		}},
		{"a Phần line with no mục under it stays text", "BÁO CÁO\nKết quả\nI. A\nPhần thứ nhất\nB.\n", func(t *testing.T, d *document.Document) {
			eq(t, "top level", len(d.Body), 1)
		}},
		{"decimal ladder and points", "KẾ HOẠCH\nX\nI. A\n1. B\n1.1. C\na) D\n- E\n+ F\n", func(t *testing.T, d *document.Document) {
			eq(t, "numbering", d.Options.Numbering, "decimal")
			h := d.Body[0].Heading.Children[0].Heading.Children[0].Heading
			eq(t, "label", h.Label, "1.1.")
			p := h.Children[0].Heading
			eq(t, "point", p.Label, "a)")
			eq(t, "item", p.Children[0].Item.Text.Plain(), "E")
			eq(t, "sub-item", p.Children[0].Item.Children[0].Item.Text.Plain(), "F")
		}},
		{"pipe table with total row", "KẾ HOẠCH\nX\nI. A\nTT | Việc | Tiền\n1 | A | 10\n2 | B | 20\n | Tổng cộng | 30\n", func(t *testing.T, d *document.Document) {
			tb := d.Body[0].Heading.Children[0].Table
			if tb == nil {
				t.Fatalf("no table: %+v", d.Body[0].Heading.Children)
			}
			eq(t, "rows", len(tb.Rows), 3)
			eq(t, "total", tb.Rows[2].Kind, "total")
			eq(t, "numeric", tb.Columns[2].Numeric, true)
			eq(t, "TT not numeric", tb.Columns[0].Numeric, false)
		}},
		{"bases then intro", "KẾ HOẠCH\nX\nCăn cứ Luật A;\nThực hiện Kế hoạch B;\nUBND xây dựng kế hoạch như sau:\nI. A\nB\n", func(t *testing.T, d *document.Document) {
			eq(t, "bases", len(d.Bases), 2)
			eq(t, "intro", len(d.Intro), 1)
		}},
		{"appendix with Kèm theo", "KẾ HOẠCH\nX\nI. A\nB.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nPHỤ LỤC\nDANH SÁCH\n(Kèm theo Kế hoạch số 1/KH-UBND ngày 01 tháng 01 năm 2024 của UBND huyện)\nTT | Tên\n1 | A\n2 | B\n", func(t *testing.T, d *document.Document) {
			eq(t, "appendices", len(d.Appendices), 1)
			eq(t, "title", d.Appendices[0].Title, "DANH SÁCH")
			// The document has no number of its own here: the line is
			// not the one the system derives, so it is kept as written,
			// and the short name it names is not needed.
			eq(t, "ref", d.Appendices[0].Ref, "(Kèm theo Kế hoạch số 1/KH-UBND ngày 01 tháng 01 năm 2024 của UBND huyện)")
			eq(t, "label", d.Appendices[0].Label, "PHỤ LỤC")
			eq(t, "short name", d.Issuer.ShortName, "")
			if len(d.Appendices[0].Blocks) != 1 || d.Appendices[0].Blocks[0].Table == nil {
				t.Errorf("appendix blocks = %+v", d.Appendices[0].Blocks)
			}
		}},
		{"quyết định: thẩm quyền, căn cứ, Điều with khoản and điểm", "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/QĐ-UBND\nAn Giang, ngày 02 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc giao nhiệm vụ\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương;\nXét đề nghị của Sở Nội vụ.\nQUYẾT ĐỊNH:\nĐiều 1. Giao Sở Nội vụ chủ trì.\nĐiều 2. Tổ chức thực hiện\n1. Sở Nội vụ hướng dẫn.\n2. Sở Tài chính:\na) Bố trí kinh phí;\nb) Kiểm tra.\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nCHỦ TỊCH\n", func(t *testing.T, d *document.Document) {
			eq(t, "competence", strings.Join(d.Competence, "/"), "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG")
			eq(t, "bases", len(d.Bases), 2)
			eq(t, "intro", len(d.Intro), 0)
			var labels []string
			for _, b := range d.Body {
				if b.Heading == nil {
					t.Fatalf("body block %+v is not an article", b)
				}
				labels = append(labels, b.Heading.Label)
				if strings.Contains(b.Heading.Title.Plain(), "QUYẾT ĐỊNH") {
					t.Errorf("the decision line is in the body: %q", b.Heading.Title.Plain())
				}
			}
			eq(t, "articles", strings.Join(labels, " "), "Điều 1. Điều 2. Điều 3.")
			k := d.Body[1].Heading.Children
			eq(t, "khoản under Điều 2", len(k), 2)
			eq(t, "điểm under khoản 2", len(k[1].Heading.Children), 2)
		}},
		{"a quoted Điều out of sequence stays text", "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/UBND-VX\nV/v thực hiện luật\nAn Giang, ngày 02 tháng 3 năm 2024\nKính gửi: Sở Nội vụ\nỦy ban nhân dân tỉnh nhắc lại quy định sau.\nĐiều 5. Trách nhiệm của cơ quan.\nĐề nghị Sở thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\n", func(t *testing.T, d *document.Document) {
			eq(t, "competence", len(d.Competence), 0)
			for _, b := range d.Body {
				if b.Heading != nil {
					t.Errorf("heading %q in a công văn that quotes an article", b.Heading.Label)
				}
			}
		}},
		{"item markers as written", "KẾ HOẠCH\nX\nI. A\n- Việc một;\n* Việc hai;\n• Việc ba.\n", func(t *testing.T, d *document.Document) {
			var ms []string
			for _, b := range d.Body[0].Heading.Children {
				if b.Item == nil {
					t.Fatalf("block %+v is not an item", b)
				}
				ms = append(ms, "["+b.Item.Marker+"]")
			}
			eq(t, "markers", strings.Join(ms, ""), "[][*][•]")
		}},
		{"a type line with more than the type's name is the title as written", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 3/GM-UBND\nLào Cai, ngày 02 tháng 6 năm 2026\nGIẤY MỜI HỌP\nVề tình hình cụm công nghiệp\nỦy ban nhân dân tỉnh tổ chức họp.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\n", func(t *testing.T, d *document.Document) {
			eq(t, "type", d.Type, "giay_moi")
			eq(t, "title", d.Title, "GIẤY MỜI HỌP")
		}},
		{"appendix with the derived Kèm theo", "ỦY BAN NHÂN DÂN\nHUYỆN AN LÃO\nSố: 1/KH-UBND\nAn Lão, ngày 01 tháng 01 năm 2024\nKẾ HOẠCH\nX\nI. A\nB.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nPhụ lục\nDANH SÁCH\n(Kèm theo Kế hoạch số 1/KH-UBND ngày 01 tháng 01 năm 2024 của UBND huyện)\nTT | Tên\n1 | A\n2 | B\n", func(t *testing.T, d *document.Document) {
			// The line reads as the system derives it with the short name
			// it gives: the number and date stay in one place.
			eq(t, "ref", d.Appendices[0].Ref, "")
			eq(t, "label", d.Appendices[0].Label, "")
			eq(t, "short name", d.Issuer.ShortName, "UBND huyện")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := imp(t, tt.text)
			tt.check(t, d)
		})
	}
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestLegacyEncoding: a seed typed in TCVN3 or VNI imports as the Unicode
// seed does, and the report says it was converted.
func TestLegacyEncoding(t *testing.T) {
	src := string(seedFiles(t)["004_76826afc34e00b0b.txt"])
	want, _ := imp(t, src)
	for _, enc := range []vntext.Encoding{vntext.EncTCVN3, vntext.EncVNI} {
		t.Run(enc.String(), func(t *testing.T) {
			legacy := vntext.ToLegacy(src, enc)
			d, rep := imp(t, legacy)
			if !strings.Contains(rep.Encoding, enc.String()) {
				t.Errorf("encoding %q, want it to name %s", rep.Encoding, enc)
			}
			// TCVN3 has no upper-case toned vowels, so the case of a few
			// words cannot come back; the structure must.
			eq(t, "number", d.Number, want.Number)
			eq(t, "type", d.Type, want.Type)
			eq(t, "signer", d.Signature.Name, want.Signature.Name)
			eq(t, "headings", len(d.Body), len(want.Body))
		})
	}
}

// TestDOCXProducers reads the constructs Word, LibreOffice and WPS write
// around text: content controls, hyperlinks, smart tags, simple fields,
// tracked changes, tabs, breaks, field codes, footnotes and the strict
// namespace.
func TestDOCXProducers(t *testing.T) {
	foot := `<?xml version="1.0"?><w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ghi chú một.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	docRels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`
	paras := `<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t><w:br/><w:t>TỈNH AN GIANG</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>` +
		`<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:smartTag><w:r><w:t>Về công tác</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> năm 2024</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>I. MỤC ĐÍCH</w:t></w:r></w:p>` +
		`<w:p><w:hyperlink><w:r><w:t>Theo</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>kế hoạch</w:t></w:r><w:del><w:r><w:delText>XÓA</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> mới</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:fldSimple w:instr="DATE"><w:r><w:t xml:space="preserve"> nay</w:t></w:r></w:fldSimple><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> đây</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`
	for _, ns := range []string{wNS, `xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"`} {
		doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + paras + `<w:sectPr/></w:body></w:document>`
		data := makeDOCX(t, map[string]string{"word/document.xml": doc, "word/footnotes.xml": strings.ReplaceAll(foot, wNS, ns), "word/_rels/document.xml.rels": docRels})
		d, _, err := importer.Import(bytes.NewReader(data), int64(len(data)), "a.docx", importer.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "issuer", strings.Join(d.Issuer.Name, "/"), "ỦY BAN NHÂN DÂN/TỈNH AN GIANG")
		eq(t, "summary", d.Summary, "Về công tác năm 2024")
		if len(d.Body) != 1 || d.Body[0].Heading == nil {
			t.Fatalf("body = %+v", d.Body)
		}
		p := d.Body[0].Heading.Children[0].Paragraph
		eq(t, "text", p.Plain(), "Theo kế hoạch mới nay đây.")
		j, _ := json.Marshal(p)
		if !strings.Contains(string(j), `"italic":true,"footnote":"Ghi chú một."`) {
			t.Errorf("runs = %s, want the italic run to carry the footnote", j)
		}
	}
}

// plains are the texts of a list of addressees, without emphasis.
func plains(ts []document.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Plain()
	}
	return out
}
