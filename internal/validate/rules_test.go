package validate

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// Paths into the base kế hoạch (see baseKeHoach).
const (
	khBudget = "/body/2/heading/children/0/budget"
	khTable  = "/body/3/heading/children/1/table"
	khPlus   = "/body/0/heading/children/1/heading/children/0/item/children/0"
)

func kh(d *document.Document) *document.Heading { return d.Body[0].Heading }

func budgetOf(d *document.Document) *document.Budget { return d.Body[2].Heading.Children[0].Budget }

func tableOf(d *document.Document) *document.Table { return d.Body[3].Heading.Children[1].Table }

// ruleCase is one rule's failing input (bad, which must give code at
// path) and passing input (good, or the base document when nil, which
// must not give code at all).
type ruleCase struct {
	name    string
	base    func() *document.Document
	bad     func(d *document.Document)
	badOpt  Options
	good    func(d *document.Document)
	goodOpt Options
	code    string
	path    string
	// msg, when set, must appear in the finding's VI and EN messages
	// (both numbers of an arithmetic mismatch, say).
	msg []string
}

var ruleCases = []ruleCase{
	// Structural tags.
	{name: "abbreviation required", base: baseKeHoach, code: "schema.required", path: "/issuer/abbreviation",
		bad: func(d *document.Document) { d.Issuer.Abbreviation = "" }},
	{name: "issuer name required", base: baseKeHoach, code: "schema.required", path: "/issuer/name",
		bad: func(d *document.Document) { d.Issuer.Name = nil }},
	{name: "issuer name line required", base: baseKeHoach, code: "schema.required", path: "/issuer/name/1",
		bad: func(d *document.Document) { d.Issuer.Name[1] = "" }},
	{name: "authority prefix required (slice element)", base: baseKeHoach, code: "schema.required", path: "/signature/authority/1/prefix",
		bad: func(d *document.Document) { d.Signature.Authority[1].Prefix = "" }},
	{name: "table columns required (deep in the body)", base: baseKeHoach, code: "schema.required", path: khTable + "/columns",
		bad: func(d *document.Document) { tableOf(d).Columns = nil }},
	{name: "row kind oneof", base: baseKeHoach, code: "schema.oneof", path: khTable + "/rows/0/kind",
		bad:  func(d *document.Document) { tableOf(d).Rows[0].Kind = "sum" },
		good: func(d *document.Document) { tableOf(d).Rows[0].Kind = "" }},
	{name: "numbering oneof", base: baseKeHoach, code: "schema.oneof", path: "/options/numbering",
		bad: func(d *document.Document) { d.Options.Numbering = "arabic" }},
	{name: "copies min", base: baseKeHoach, code: "schema.min", path: "/distribution/archive/copies",
		bad: func(d *document.Document) { d.Distribution.Archive.Copies = -1 }},
	{name: "column width min", base: baseKeHoach, code: "schema.min", path: khTable + "/columns/2/children/0/width",
		bad:  func(d *document.Document) { tableOf(d).Columns[2].Children[0].Width = -1 },
		good: func(d *document.Document) { tableOf(d).Columns[2].Children[0].Width = 2 }},
	{name: "day max", base: baseKeHoach, code: "schema.max", path: "/date/day",
		bad: func(d *document.Document) { d.Date.Day = 32 }},
	{name: "block kind", base: baseKeHoach, code: "schema.block_kind", path: "/body/4",
		bad: func(d *document.Document) { d.Body = append(d.Body, document.Block{}) }},
	{name: "block with two kinds", base: baseKeHoach, code: "schema.block_kind", path: "/body/0/heading/children/0/heading/children/0",
		bad: func(d *document.Document) {
			b := &kh(d).Children[0].Heading.Children[0]
			b.Item = &document.Item{Text: txt("x")}
		}},

	// Type and header.
	{name: "unknown type", base: baseKeHoach, code: "nd30.type.unknown", path: "/type",
		bad: func(d *document.Document) { d.Type = "thu_tu" }},
	{name: "issuer name case", base: baseKeHoach, code: "nd30.issuer.name_case", path: "/issuer/name/1",
		bad: func(d *document.Document) { d.Issuer.Name[1] = "Tỉnh Hà Nam" }},
	{name: "parent case", base: baseCongVan, code: "nd30.issuer.parent_case", path: "/issuer/parent/0",
		bad: func(d *document.Document) { d.Issuer.Parent[0] = "UBND tỉnh Thừa Thiên Huế" }},
	{name: "abbreviation with a space", base: baseKeHoach, code: "nd30.issuer.abbreviation_format", path: "/issuer/abbreviation",
		bad: func(d *document.Document) { d.Issuer.Abbreviation = "UB ND" }},
	{name: "unit lower case", base: baseKeHoach, code: "nd30.issuer.abbreviation_format", path: "/issuer/unit",
		bad:  func(d *document.Document) { d.Issuer.Unit = "vx" },
		good: func(d *document.Document) { d.Issuer.Unit = "LĐTB&XH" }},
	{name: "công văn without symbol or unit", base: baseCongVan, code: "nd30.issuer.unit_missing", path: "/issuer/unit",
		bad:  func(d *document.Document) { d.Symbol, d.Issuer.Unit = "", "" },
		good: func(d *document.Document) { d.Symbol = "" }},
	{name: "symbol with spaces", base: baseKeHoach, code: "nd30.symbol.format", path: "/symbol",
		bad:  func(d *document.Document) { d.Symbol = "KH - UBND" },
		good: func(d *document.Document) { d.Type, d.Symbol = "to_trinh", "TTr-UBND" }},
	{name: "symbol lower case", base: baseKeHoach, code: "nd30.symbol.format", path: "/symbol",
		bad:  func(d *document.Document) { d.Symbol = "kh-UBND" },
		good: func(d *document.Document) { d.Type, d.Symbol = "quy_dinh", "QyĐ-UBND" }},
	{name: "symbol with the number", base: baseKeHoach, code: "nd30.symbol.format", path: "/symbol",
		bad: func(d *document.Document) { d.Symbol = "05/KH-UBND" }},
	{name: "symbol with one group", base: baseCongVan, code: "nd30.symbol.format", path: "/symbol",
		bad: func(d *document.Document) { d.Symbol = "SLĐTBXH" }},
	{name: "symbol with a year group that is not the year of issue", base: baseKeHoach, code: "nd30.symbol.year", path: "/symbol",
		bad:  func(d *document.Document) { d.Symbol = "2019/KH-UBND" },
		good: func(d *document.Document) { d.Symbol = fmt.Sprintf("%d/KH-UBND", d.Date.Year) }},
	{name: "symbol with a year group and another slash", base: baseKeHoach, code: "nd30.symbol.format", path: "/symbol",
		bad:  func(d *document.Document) { d.Symbol = "2020/05/KH-UBND" },
		good: func(d *document.Document) { d.Symbol = "2020/KH-UBND" }},
	{name: "symbol with a drafting unit in brackets", base: baseKeHoach, code: "nd30.symbol.format", path: "/symbol",
		bad:  func(d *document.Document) { d.Symbol = "KH-UBND(pc 04)" },
		good: func(d *document.Document) { d.Symbol = "KH-UBND(PC04)" }},
	{name: "number unpadded with a year group", base: baseKeHoach, code: "nd30.number.padding", path: "/number",
		bad:  func(d *document.Document) { d.Number = "5" },
		good: func(d *document.Document) { d.Number, d.Symbol = "5", fmt.Sprintf("%d/KH-UBND", d.Date.Year) }},
	{name: "symbol type part", base: baseKeHoach, code: "nd30.symbol.type_mismatch", path: "/symbol",
		bad: func(d *document.Document) { d.Symbol = "QĐ-UBND" }},
	{name: "công văn symbol with a type part", base: baseCongVan, code: "nd30.symbol.type_mismatch", path: "/symbol",
		bad: func(d *document.Document) { d.Symbol = "KH-SLĐTBXH" }},
	{name: "symbol body part", base: baseKeHoach, code: "nd30.symbol.issuer_mismatch", path: "/symbol",
		bad: func(d *document.Document) { d.Symbol = "KH-SNV" }},
	{name: "công văn symbol body part", base: baseCongVan, code: "nd30.symbol.issuer_mismatch", path: "/symbol",
		bad: func(d *document.Document) { d.Symbol = "UBND-BĐG" }},
	{name: "number missing", base: baseKeHoach, code: "nd30.number.missing", path: "/number",
		bad:     func(d *document.Document) { d.Number = "" },
		good:    func(d *document.Document) { d.Number = "" },
		goodOpt: Options{Draft: true}},
	{name: "number not digits", base: baseKeHoach, code: "nd30.number.format", path: "/number",
		bad:  func(d *document.Document) { d.Number = "05a" },
		good: func(d *document.Document) { d.Number = "1653" }},
	{name: "number zero", base: baseKeHoach, code: "nd30.number.format", path: "/number",
		bad: func(d *document.Document) { d.Number = "00" }},
	{name: "number unpadded", base: baseKeHoach, code: "nd30.number.padding", path: "/number",
		bad:  func(d *document.Document) { d.Number = "5" },
		good: func(d *document.Document) { d.Number = "10" }},
	{name: "number over-padded", base: baseKeHoach, code: "nd30.number.padding", path: "/number",
		bad: func(d *document.Document) { d.Number = "010" }},
	{name: "date incomplete", base: baseKeHoach, code: "nd30.date.missing", path: "/date",
		bad:     func(d *document.Document) { d.Date = document.Date{Year: 2024} },
		good:    func(d *document.Document) { d.Date = document.Date{Year: 2024} },
		goodOpt: Options{Draft: true}},
	{name: "date not on the calendar", base: baseKeHoach, code: "nd30.date.invalid", path: "/date",
		bad:  func(d *document.Document) { d.Date = document.Date{Day: 29, Month: 2, Year: 2021} },
		good: func(d *document.Document) { d.Date = document.Date{Day: 29, Month: 2, Year: 2020} }},
	{name: "year implausible", base: baseKeHoach, code: "nd30.date.year_range", path: "/date/year",
		bad:  func(d *document.Document) { d.Date.Year = 1900 },
		good: func(d *document.Document) { d.Date.Year = 1945 }},
	{name: "place missing", base: baseKeHoach, code: "nd30.place.missing", path: "/place",
		bad: func(d *document.Document) { d.Place = "" }},
	{name: "place abbreviated", base: baseKeHoach, code: "nd30.place.abbreviated", path: "/place",
		bad:  func(d *document.Document) { d.Place = "TP. HCM" },
		good: func(d *document.Document) { d.Place = "Thành phố Hồ Chí Minh" }},
	{name: "place initials", base: baseKeHoach, code: "nd30.place.abbreviated", path: "/place",
		bad:  func(d *document.Document) { d.Place = "HN" },
		good: func(d *document.Document) { d.Place = "Quận 1" }},
	{name: "summary missing", base: baseKeHoach, code: "nd30.summary.missing", path: "/summary",
		bad: func(d *document.Document) { d.Summary = "" }},
	{name: "V/v on a kế hoạch", base: baseKeHoach, code: "nd30.summary.vv_prefix", path: "/summary",
		bad:  func(d *document.Document) { d.Summary = "V/v thực hiện bình đẳng giới" },
		good: func(d *document.Document) { d.Summary = "Về thực hiện bình đẳng giới" }},
	{name: "summary in capitals", base: baseKeHoach, code: "nd30.summary.case", path: "/summary",
		bad: func(d *document.Document) { d.Summary = "TRIỂN KHAI CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2024" },
		good: func(d *document.Document) {
			d.Summary = "Triển khai công tác bình đẳng giới năm 2024 tại UBND huyện"
		}},
	{name: "summary of two capital words", base: baseKeHoach, code: "nd30.summary.case", path: "/summary",
		bad:  func(d *document.Document) { d.Summary = "CÔNG TÁC BÌNH ĐẲNG GIỚI" },
		good: func(d *document.Document) { d.Summary = "PCCC 2024" }},
	{name: "summary on a công văn", base: baseCongVan, code: "nd30.summary.not_allowed", path: "/summary",
		bad: func(d *document.Document) { d.Summary = "Hướng dẫn" }},
	{name: "subject missing", base: baseCongVan, code: "nd30.subject.missing", path: "/subject",
		bad: func(d *document.Document) { d.Subject = "" }},
	{name: "subject on a kế hoạch", base: baseKeHoach, code: "nd30.subject.not_allowed", path: "/subject",
		bad: func(d *document.Document) { d.Subject = "thực hiện" }},
	{name: "V/v typed in the subject", base: baseCongVan, code: "nd30.subject.vv_prefix", path: "/subject",
		bad: func(d *document.Document) { d.Subject = "V/v hướng dẫn" }},
	{name: "addressees missing", base: baseCongVan, code: "nd30.addressees.missing", path: "/addressees",
		bad: func(d *document.Document) { d.Addressees = nil }},
	{name: "addressees on a kế hoạch", base: baseKeHoach, code: "nd30.addressees.not_allowed", path: "/addressees",
		bad: func(d *document.Document) { d.Addressees = document.PlainTexts("Các Sở") },
		good: func(d *document.Document) {
			// A tờ trình is addressed, and "Như trên" then points at it.
			d.Type, d.Symbol, d.Addressees = "to_trinh", "", document.PlainTexts("Chủ tịch Ủy ban nhân dân tỉnh")
			d.Distribution.Recipients = append([]document.Recipient{{Name: document.PlainText("Như trên")}}, d.Distribution.Recipients...)
			d.Body = d.Body[:2]
		}},
	{name: "addressee empty", base: baseCongVan, code: "nd30.addressees.empty", path: "/addressees/1",
		bad: func(d *document.Document) { d.Addressees = append(d.Addressees, document.PlainText("")) },
		good: func(d *document.Document) {
			d.Addressees = append(d.Addressees, document.PlainText("UBND các huyện"))
		}},
	{name: "căn cứ empty", base: baseKeHoach, code: "nd30.bases.empty", path: "/bases/0",
		bad: func(d *document.Document) { d.Bases[0] = txt("") }},
	{name: "căn cứ without ;", base: baseKeHoach, code: "nd30.bases.punctuation", path: "/bases/0",
		bad: func(d *document.Document) { d.Bases[0] = txt("Căn cứ Luật Bình đẳng giới.") }},
	{name: "last căn cứ without . and no intro", base: baseKeHoach, code: "nd30.bases.punctuation", path: "/bases/1",
		bad: func(d *document.Document) {
			d.Intro = nil
			d.Bases[1] = txt("Căn cứ Quyết định số 1241/QĐ-TTg;")
		},
		good: func(d *document.Document) { d.Bases[1] = txt("Căn cứ Quyết định số 1241/QĐ-TTg;") }},

	// Body.
	{name: "heading without title", base: baseKeHoach, code: "nd30.body.empty_heading", path: "/body/1/heading/children/0/heading/title",
		bad: func(d *document.Document) { d.Body[1].Heading.Children[0].Heading.Title = nil }},
	{name: "empty paragraph", base: baseKeHoach, code: "nd30.body.empty_text", path: "/body/0/heading/children/0/heading/children/0/paragraph",
		bad: func(d *document.Document) { *kh(d).Children[0].Heading.Children[0].Paragraph = txt(" ") }},
	{name: "empty item", base: baseKeHoach, code: "nd30.body.empty_text", path: khPlus + "/item/text",
		bad: func(d *document.Document) { kh(d).Children[1].Heading.Children[0].Item.Children[0].Item.Text = nil }},
	{name: "empty closing", base: baseKeHoach, code: "nd30.body.empty_text", path: "/closing/1",
		bad: func(d *document.Document) { d.Closing = append(d.Closing, txt("")) }},
	{name: "label out of sequence (level 1)", base: baseKeHoach, code: "nd30.body.label_sequence", path: "/body/1/heading/label",
		bad:  func(d *document.Document) { d.Body[1].Heading.Label = "III." },
		good: func(d *document.Document) { d.Body[1].Heading.Label = "" },
		msg:  []string{`"II."`}},
	{name: "label out of sequence (điểm)", base: baseKeHoach, code: "nd30.body.label_sequence", path: "/body/1/heading/children/0/heading/children/0/heading/label",
		bad: func(d *document.Document) { d.Body[1].Heading.Children[0].Heading.Children[0].Heading.Label = "b)" },
		msg: []string{`"a)"`}},
	{name: "decimal labels open at .1", base: baseKeHoach, code: "nd30.body.label_sequence", path: "/body/1/heading/children/0/heading/children/0/heading/label",
		bad: func(d *document.Document) { d.Body[1].Heading.Children[0].Heading.Children[0].Heading.Label = "1.3" },
		good: func(d *document.Document) {
			// The author's ladder is kept: "1.1" (no final dot) under "1."
			// where the roman scheme would print "a)".
			d.Body[1].Heading.Children[0].Heading.Children[0].Heading.Label = "1.1"
		},
		msg: []string{`"1.1"`}},
	{name: "a skipped điểm letter", base: baseKeHoach, code: "nd30.body.label_sequence", path: "/body/1/heading/children/0/heading/children/1/heading/label",
		bad: func(d *document.Document) {
			h := d.Body[1].Heading.Children[0].Heading
			h.Children = append(h.Children, heading("g)", "Điểm", para("x")))
		},
		good: func(d *document.Document) {
			// "a." as well as "a)"; d) → e) without đ) reads in sequence.
			h := d.Body[1].Heading.Children[0].Heading
			h.Children[0].Heading.Label = "d."
			h.Children = append(h.Children, heading("e.", "Điểm", para("x")))
			d.Body[1].Heading.Children[0].Heading.Children[0].Heading.Label = "a."
			h.Children[1].Heading.Label = "b."
		},
		msg: []string{`"b)"`}},
	{name: "articles restart khoản", base: baseKeHoach, code: "nd30.body.label_sequence", path: "/body/1/heading/children/1/heading/children/1/heading/label",
		bad: func(d *document.Document) {
			d.Body[1].Heading.Children = []document.Block{
				heading("Điều 1.", "Một", heading("1.", "x"), heading("2.", "y")),
				heading("Điều 2.", "Hai", heading("1.", "x"), heading("3.", "y")),
			}
		},
		good: func(d *document.Document) {
			d.Body[1].Heading.Children = []document.Block{
				heading("Điều 1.", "Một", heading("1.", "x"), heading("2.", "y")),
				heading("Điều 2.", "Hai", heading("1.", "x"), heading("2.", "y")),
			}
		},
		msg: []string{`"2."`}},
	{name: "articles run on across chapters", base: baseKeHoach, code: "nd30.body.label_sequence", path: "/body/1/heading/children/0/heading/label",
		bad: func(d *document.Document) {
			d.Body = []document.Block{
				heading("Chương I", "Chung", heading("Điều 1.", "Một"), heading("Điều 2.", "Hai")),
				heading("Chương II", "Riêng", heading("Điều 1.", "Ba")),
			}
		},
		good: func(d *document.Document) {
			d.Body = []document.Block{
				heading("Chương I", "Chung", heading("Điều 1.", "Một"), heading("Điều 2:", "Hai")),
				heading("Chương II", "Riêng", heading("Điều 3.", "Ba")),
			}
		},
		msg: []string{`"Điều 3."`}},
	{name: "sixth heading level", base: baseKeHoach, code: "nd30.body.heading_depth", path: "/body/1/heading/children/0/heading/children/0/heading/children/1/heading/children/0/heading/children/0",
		bad: func(d *document.Document) {
			a := d.Body[1].Heading.Children[0].Heading.Children[0].Heading
			a.Children = append(a.Children, heading("", "Cấp bốn", heading("", "Cấp năm", heading("", "Cấp sáu", para("x")))))
		},
		good: func(d *document.Document) {
			// Chương sits above the ladder and does not count.
			a := d.Body[1].Heading.Children[0].Heading.Children[0].Heading
			a.Children = append(a.Children, heading("", "Cấp bốn", heading("", "Cấp năm", para("x"))))
			d.Body[1] = heading("Chương I", "Chung", d.Body[1])
		}},
	{name: "sixth heading level of a công văn (khoản first)", base: baseCongVan, code: "nd30.body.heading_depth", path: "/body/1/heading/children/1/heading/children/0/heading/children/0/heading/children/0/heading/children/0",
		bad: func(d *document.Document) {
			h := d.Body[1].Heading
			h.Children = append(h.Children, heading("a)", "Điểm", heading("", "3", heading("", "4", heading("", "5", heading("", "Quá sâu", para("x")))))))
		},
		good: func(d *document.Document) {
			h := d.Body[1].Heading
			h.Children = append(h.Children, heading("a)", "Điểm", heading("", "3", heading("", "4", heading("", "5", para("x"))))))
		}},
	{name: "fourth bullet level", base: baseKeHoach, code: "nd30.body.item_depth", path: khPlus + "/item/children/0/item/children/0",
		bad: func(d *document.Document) {
			p := kh(d).Children[1].Heading.Children[0].Item.Children[0].Item
			p.Children = append(p.Children, item("Cấp ba", item("Cấp bốn")))
		},
		good: func(d *document.Document) {
			p := kh(d).Children[1].Heading.Children[0].Item.Children[0].Item
			p.Children = append(p.Children, item("Cấp ba"))
		}},
	{name: "./. typed in the closing", base: baseKeHoach, code: "nd30.body.final_mark", path: "/closing/0",
		bad: func(d *document.Document) { d.Closing[0] = txt("Trên đây là Kế hoạch./.") },
		good: func(d *document.Document) {
			d.Body[1].Heading.Children[0].Heading.Children[0].Heading.Children[0] = para("Giữa văn bản./.")
		}},
	{name: "./. typed at the end of the body", base: baseCongVan, code: "nd30.body.final_mark", path: "/body/1/heading/children/0/paragraph",
		bad: func(d *document.Document) {
			d.Closing = nil
			d.Body[1].Heading.Children[0] = para("Đẩy mạnh tuyên truyền./.")
		}},
	{name: "./. typed at the end of an attached text", base: baseKeHoach, code: "nd30.body.final_mark", path: "/attachments/0/blocks/0/heading/children/0/paragraph",
		bad: func(d *document.Document) {
			toQD(d)
			d.Attachments = []document.Attachment{{Name: "QUY CHẾ", Blocks: []document.Block{heading("Điều 1.", "Phạm vi", para("Quy chế này áp dụng./."))}}}
		},
		good: func(d *document.Document) {
			toQD(d)
			d.Attachments = []document.Attachment{{Name: "QUY CHẾ", Blocks: []document.Block{heading("Điều 1.", "Phạm vi", para("Quy chế này áp dụng."))}}}
		}},
	{name: "kế hoạch without kinh phí", base: baseKeHoach, code: "nd30.plan.section_missing", path: "/body",
		bad:  func(d *document.Document) { d.Body[2].Heading.Title = txt("PHÂN BỔ") },
		good: func(d *document.Document) { d.Body[2].Heading.Title = txt("Kinh phi thuc hien") }},

	// Nơi nhận.
	{name: "no recipients", base: baseKeHoach, code: "nd30.recipients.missing", path: "/distribution/recipients",
		bad: func(d *document.Document) { d.Distribution.Recipients = nil },
		good: func(d *document.Document) {
			d.Distribution.Electronic, d.Distribution.Recipients = d.Distribution.Recipients, nil
		}},
	{name: "empty recipient", base: baseKeHoach, code: "nd30.recipients.empty", path: "/distribution/recipients/1/name",
		bad: func(d *document.Document) { d.Distribution.Recipients[1].Name = document.PlainText("") }},
	{name: "duplicate recipient", base: baseKeHoach, code: "nd30.recipients.duplicate", path: "/distribution/recipients/2/name",
		bad: func(d *document.Document) {
			d.Distribution.Recipients = append(d.Distribution.Recipients, document.Recipient{Name: document.PlainText("các sở, ngành")})
		}},
	{name: "recipient punctuation", base: baseKeHoach, code: "nd30.recipients.punctuation", path: "/distribution/recipients/1/name",
		bad: func(d *document.Document) {
			d.Distribution.Recipients[1].Name = document.PlainText("- Các Sở, ngành;")
		}},
	{name: "no Lưu line", base: baseKeHoach, code: "nd30.recipients.archive_missing", path: "/distribution",
		bad: func(d *document.Document) { d.Distribution.Archive = nil }},
	{name: "archive and archive_line", base: baseKeHoach, code: "nd30.recipients.archive_both", path: "/distribution/archive_line",
		bad: func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: VT, VX." }},
	{name: "Lưu line without colon (Hà Nam)", base: baseCongVan, code: "nd30.recipients.archive_line", path: "/distribution/archive_line",
		bad:  func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu VT,VX." },
		good: func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: VT, KTTH, KGVX.h." }},
	{name: "Lưu line with a drafter mark and no final dot", base: baseCongVan, code: "nd30.recipients.archive_line", path: "/distribution/archive_line",
		bad:  func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: VT, NC.Châu" },
		good: func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: VT, NC.Châu." }},
	{name: "Lưu line without final dot (Huế)", base: baseCongVan, code: "nd30.recipients.archive_line", path: "/distribution/archive_line",
		bad:  func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: VT, BĐG" },
		good: func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: VT, KGVX (PT)." }},
	{name: "Lưu line without VT", base: baseCongVan, code: "nd30.recipients.archive_line", path: "/distribution/archive_line",
		bad:  func(d *document.Document) { d.Distribution.ArchiveLine = "Lưu: BĐG." },
		good: func(d *document.Document) { d.Distribution.ArchiveLine = "- Lưu: VT, TCCB(02)." }},
	{name: "archive unit lower case", base: baseKeHoach, code: "nd30.recipients.archive_unit", path: "/distribution/archive/units/0",
		bad:  func(d *document.Document) { d.Distribution.Archive.Units = []string{"vx"} },
		good: func(d *document.Document) { d.Distribution.Archive.Units = []string{"TCCB(02)", "VX"} }},
	{name: "archive unit VT", base: baseKeHoach, code: "nd30.recipients.archive_unit", path: "/distribution/archive/units/0",
		bad: func(d *document.Document) { d.Distribution.Archive.Units = []string{"VT", "VX"} }},
	{name: "Lưu typed as a recipient", base: baseKeHoach, code: "nd30.recipients.archive_in_list", path: "/distribution/recipients/2/name",
		bad: func(d *document.Document) {
			d.Distribution.Recipients = append(d.Distribution.Recipients, document.Recipient{Name: document.PlainText("Lưu: VT, VX.")})
		}},
	{name: "Như trên without addressees", base: baseKeHoach, code: "nd30.recipients.nhu_tren_without_addressees", path: "/distribution/recipients/0/name",
		bad: func(d *document.Document) {
			d.Distribution.Recipients = append([]document.Recipient{{Name: document.PlainText("Như trên")}}, d.Distribution.Recipients...)
		}},
	{name: "note covering more lines than there are", base: baseKeHoach, code: "nd30.recipients.note_covers", path: "/distribution/recipients/1/note_covers",
		bad: func(d *document.Document) {
			d.Distribution.Recipients[1].Note, d.Distribution.Recipients[1].NoteCovers = "để đưa tin", 3
		},
		good: func(d *document.Document) {
			d.Distribution.Recipients[1].Note, d.Distribution.Recipients[1].NoteCovers = "để đưa tin", 2
			d.Distribution.Electronic = []document.Recipient{{Name: document.PlainText("Các trường MN, TH, THCS")}}
		}},
	{name: "note_covers without a note", base: baseKeHoach, code: "nd30.recipients.note_covers", path: "/distribution/electronic/1/note_covers",
		bad: func(d *document.Document) {
			d.Distribution.Electronic = []document.Recipient{{Name: document.PlainText("A")}, {Name: document.PlainText("B"), NoteCovers: 2}}
		}},
	{name: "empty electronic recipient", base: baseKeHoach, code: "nd30.recipients.empty", path: "/distribution/electronic/0/name",
		bad: func(d *document.Document) {
			d.Distribution.Electronic = []document.Recipient{{Name: document.PlainText(" ")}}
		}},
	{name: "Như Điều with no such article", base: baseKeHoach, code: "nd30.recipients.nhu_dieu", path: "/distribution/recipients/0/name",
		bad: func(d *document.Document) {
			toQD(d)
			d.Distribution.Recipients[0].Name = document.PlainText("Như Điều 4")
		},
		good: func(d *document.Document) {
			toQD(d)
			d.Distribution.Recipients[0].Name = document.PlainText("Như Điều 3")
		}},
	{name: "Như Điều with written labels", base: baseKeHoach, code: "nd30.recipients.nhu_dieu", path: "/distribution/recipients/0/name",
		bad: func(d *document.Document) {
			toQD(d)
			d.Body[2].Heading.Label = "Điều 5."
			d.Distribution.Recipients[0].Name = document.PlainText("Như Điều 3")
		},
		good: func(d *document.Document) {
			toQD(d)
			d.Body[2].Heading.Label = "Điều 5."
			d.Distribution.Recipients[0].Name = document.PlainText("Như Điều 5")
		}},
	{name: "QUYẾT ĐỊNH: typed", base: baseKeHoach, code: "nd30.decision.typed", path: "/intro/0",
		bad: func(d *document.Document) {
			toQD(d)
			d.Intro = []document.Text{txt("QUYẾT ĐỊNH:")}
		},
		good: func(d *document.Document) {
			d.Intro = []document.Text{txt("QUYẾT ĐỊNH:")} // a kế hoạch has no decision line
		}},
	{name: "Như trên not first", base: baseCongVan, code: "nd30.recipients.nhu_tren_first", path: "/distribution/recipients/0",
		bad: func(d *document.Document) {
			r := d.Distribution.Recipients
			r[0], r[1] = r[1], r[0]
		}},

	// Signature.
	{name: "unknown prefix", base: baseCongVan, code: "nd30.signature.prefix", path: "/signature/authority/0/prefix",
		bad:  func(d *document.Document) { d.Signature.Authority[0].Prefix = "T/M" },
		good: func(d *document.Document) { d.Signature.Authority[0].Prefix = "Q." }},
	{name: "TM. with an individual", base: baseCongVan, code: "nd30.signature.tm_collective", path: "/signature/authority/0/title",
		bad: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "TM.", Title: "GIÁM ĐỐC"}}
			d.Signature.Title = "GIÁM ĐỐC"
		},
		good: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "TM.", Title: "HỘI ĐỒNG THI ĐUA"}}
			d.Signature.Title = "CHỦ TỊCH"
		}},
	{name: "TM. of a UBND", base: baseKeHoach, code: "nd30.signature.tm_ubnd", path: "/signature/authority/0/title",
		bad:  func(d *document.Document) { d.Signature.Authority[0].Title = "UBND TỈNH" },
		good: func(d *document.Document) { d.Signature.Authority[0].Title = "UỶ BAN NHÂN DÂN" }},
	{name: "KT. signed by a head", base: baseCongVan, code: "nd30.signature.kt_deputy", path: "/signature/title",
		bad: func(d *document.Document) { d.Signature.Title = "GIÁM ĐỐC" },
		good: func(d *document.Document) {
			d.Signature.Authority[0].Title, d.Signature.Title = "BỘ TRƯỞNG", "THỨ TRƯỞNG"
		}},
	{name: "summary lines that do not read as the summary", base: baseKeHoach, code: "nd30.summary.lines_mismatch", path: "/summary_lines",
		bad: func(d *document.Document) { d.SummaryLines = []string{"Kế hoạch", "khác"} },
		good: func(d *document.Document) {
			w := strings.Fields(d.Summary)
			d.SummaryLines = []string{strings.Join(w[:2], " "), strings.Join(w[2:], " ")}
		}},
	{name: "title line naming another type", base: baseKeHoach, code: "nd30.title.type_mismatch", path: "/title",
		bad: func(d *document.Document) { d.Title = "GIẤY MỜI HỌP" },
		good: func(d *document.Document) {
			d.Type, d.Symbol, d.Title, d.Summary = "giay_moi", "", "GIẤY MỜI HỌP", ""
			d.Body = append(d.Body, para("Thời gian: 14 giờ. Địa điểm: Hội trường."))
		}},
	{name: "giấy mời without time and place", base: baseKeHoach, code: "nd30.invitation.time_place", path: "/body",
		bad: func(d *document.Document) { d.Type, d.Symbol, d.Summary = "giay_moi", "", "" },
		good: func(d *document.Document) {
			d.Type, d.Symbol, d.Summary = "giay_moi", "", ""
			d.Body = []document.Block{heading("1.", "Thời gian: 14h00 ngày 22/01/2026."), heading("2.", "Địa điểm: Hội trường 100 chỗ.")}
		}},
	{name: "công điện without its sender line", base: baseKeHoach, code: "nd30.telegram.parts", path: "/competence",
		bad: func(d *document.Document) {
			d.Type, d.Symbol, d.Addressees = "cong_dien", "", document.PlainTexts("Chủ tịch UBND các huyện")
		},
		good: func(d *document.Document) {
			d.Type, d.Symbol, d.Addressees = "cong_dien", "", document.PlainTexts("Chủ tịch UBND các huyện")
			d.Competence = []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM"}
		}},
	{name: "công điện sent to no one", base: baseKeHoach, code: "nd30.telegram.parts", path: "/addressees",
		bad: func(d *document.Document) {
			d.Type, d.Symbol, d.Competence = "cong_dien", "", []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM"}
		}},
	{name: "biên bản with one signature", base: baseKeHoach, code: "nd30.signature.cosignature_missing", path: "/cosignature",
		bad: func(d *document.Document) {
			d.Type, d.Symbol = "bien_ban", ""
		},
		good: func(d *document.Document) {
			// Thư ký left, chủ tọa right.
			d.Type, d.Symbol = "bien_ban", ""
			d.Signature = document.Signature{Title: "CHỦ TỌA", Name: "Nguyễn Văn A"}
			d.Cosignature = &document.Signature{Title: "THƯ KÝ", Name: "Trần Thị B"}
		}},
	{name: "joint document signed by one body", base: baseKeHoach, code: "nd30.signature.cosignature_missing", path: "/cosignature",
		bad: func(d *document.Document) {
			d.CoIssuer = &document.Issuer{Name: []string{"ỦY BAN MẶT TRẬN TỔ QUỐC"}, Abbreviation: "MTTQ"}
		},
		good: func(d *document.Document) {
			d.CoIssuer = &document.Issuer{Name: []string{"ỦY BAN MẶT TRẬN TỔ QUỐC"}, Abbreviation: "MTTQ"}
			d.Cosignature = &document.Signature{Authority: []document.Authority{{Prefix: "TM.", Title: "BAN THƯỜNG TRỰC"}}, Title: "CHỦ TỊCH", Name: "Lê Văn C"}
		}},
	{name: "second signer without a title", base: baseKeHoach, code: "nd30.signature.title_missing", path: "/cosignature/title",
		bad: func(d *document.Document) {
			d.Type, d.Symbol = "bien_ban", ""
			d.Cosignature = &document.Signature{Name: "Trần Thị B"}
		}},
	{name: "quyết định that names no one to execute it", base: baseKeHoach, code: "nd30.decision.executing", path: "/body",
		bad: func(d *document.Document) {
			toQD(d)
			d.Body, d.Closing = d.Body[:2], nil
		},
		good: func(d *document.Document) { toQD(d) }},
	{name: "giấy giới thiệu without its validity", base: baseKeHoach, code: "nd30.introduction.validity", path: "/body",
		bad: func(d *document.Document) { d.Type, d.Symbol, d.Summary = "giay_gioi_thieu", "", "" },
		good: func(d *document.Document) {
			d.Type, d.Symbol, d.Summary = "giay_gioi_thieu", "", ""
			d.Closing = []document.Text{txt("Giấy này có giá trị đến hết ngày 30 tháng 6 năm 2026.")}
		}},
	{name: "giấy nghỉ phép without its period", base: baseKeHoach, code: "nd30.leave.period", path: "/body",
		bad: func(d *document.Document) {
			d.Type, d.Symbol, d.Summary = "giay_nghi_phep", "", ""
			d.Body, d.Closing = []document.Block{para("Cấp cho ông Nguyễn Văn A nghỉ phép năm 2026.")}, nil
		},
		good: func(d *document.Document) {
			d.Type, d.Symbol, d.Summary = "giay_nghi_phep", "", ""
			d.Body, d.Closing = []document.Block{para("Cấp cho ông Nguyễn Văn A nghỉ phép năm 2026 trong thời gian 05 ngày, từ ngày 01/7/2026 đến hết ngày 05/7/2026 tại Hà Nội.")}, nil
		}},
	{name: "KT. under TL. (Văn phòng signs for the Chủ tịch)", base: baseKeHoach, code: "nd30.signature.kt_deputy", path: "/signature/title",
		bad: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "TL.", Title: "CHỦ TỊCH"}, {Prefix: "KT.", Title: "CHÁNH VĂN PHÒNG"}}
			d.Signature.Title = "CHÁNH VĂN PHÒNG"
		},
		good: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "TL.", Title: "CHỦ TỊCH"}, {Prefix: "KT.", Title: "CHÁNH VĂN PHÒNG"}}
			d.Signature.Title = "PHÓ CHÁNH VĂN PHÒNG"
		}},
	{name: "TM. then KT.", base: baseKeHoach, code: "nd30.signature.kt_deputy", path: "/signature/title",
		bad: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "TM.", Title: "ỦY BAN NHÂN DÂN"}, {Prefix: "KT.", Title: "CHỦ TỊCH"}}
			d.Signature.Title = "CHỦ TỊCH"
		},
		good: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "TM.", Title: "ỦY BAN NHÂN DÂN"}, {Prefix: "KT.", Title: "CHỦ TỊCH"}}
			d.Signature.Title, d.Signature.Rank = "PHÓ CHỦ TỊCH", "Đại tá"
		}},
	{name: "no title after Q.", base: baseKeHoach, code: "nd30.signature.title_missing", path: "/signature/title",
		bad: func(d *document.Document) { d.Signature.Authority, d.Signature.Title = nil, "" },
		good: func(d *document.Document) {
			d.Signature.Authority = []document.Authority{{Prefix: "Q.", Title: "GIÁM ĐỐC"}}
			d.Signature.Title = ""
		}},
	{name: "title not upper case", base: baseKeHoach, code: "nd30.signature.title_case", path: "/signature/title",
		bad: func(d *document.Document) { d.Signature.Title = "Phó Chủ tịch" }},
	{name: "authority not upper case", base: baseKeHoach, code: "nd30.signature.title_case", path: "/signature/authority/1/title",
		bad: func(d *document.Document) { d.Signature.Authority[1].Title = "Chủ tịch" }},
	{name: "no title", base: baseKeHoach, code: "nd30.signature.title_missing", path: "/signature/title",
		bad: func(d *document.Document) { d.Signature.Title = "" }},
	{name: "no signer name", base: baseKeHoach, code: "nd30.signature.name_missing", path: "/signature/name",
		bad:     func(d *document.Document) { d.Signature.Name = "" },
		good:    func(d *document.Document) { d.Signature.Name = "" },
		goodOpt: Options{Draft: true}},
	{name: "academic title", base: baseKeHoach, code: "nd30.signature.academic_title", path: "/signature/name",
		bad:  func(d *document.Document) { d.Signature.Name = "TS. Nguyễn Văn An" },
		good: func(d *document.Document) { d.Signature.Name = "Tsằn Văn An" }},

	// Budget.
	{name: "item not the sum of its parts", base: baseKeHoach, code: "budget.item_sum", path: khBudget + "/items/2/amount",
		bad: func(d *document.Document) { budgetOf(d).Items[2].Amount = i64(200) },
		msg: []string{"200", "210"}},
	{name: "total not the sum of the items", base: baseKeHoach, code: "budget.total_mismatch", path: khBudget + "/total",
		bad:  func(d *document.Document) { budgetOf(d).Total = i64(360); budgetOf(d).Words = "" },
		good: func(d *document.Document) { budgetOf(d).Items[2].Amount = nil },
		msg:  []string{"360", "370"}},
	{name: "negative amount", base: baseKeHoach, code: "budget.negative", path: khBudget + "/items/2/items/1/amount",
		bad: func(d *document.Document) { budgetOf(d).Items[2].Items[1].Amount = i64(-45) }},
	{name: "item without amount", base: baseKeHoach, code: "budget.amount_missing", path: khBudget + "/items/3",
		bad: func(d *document.Document) { budgetOf(d).Items[3].Amount = nil }},
	{name: "empty budget", base: baseKeHoach, code: "budget.empty", path: khBudget,
		bad:  func(d *document.Document) { *budgetOf(d) = document.Budget{Label: "Kinh phí"} },
		good: func(d *document.Document) { *budgetOf(d) = document.Budget{Label: "Kinh phí", Total: i64(5)} }},
	{name: "words do not match", base: baseKeHoach, code: "budget.words_mismatch", path: khBudget + "/words",
		bad: func(d *document.Document) { budgetOf(d).Words = "Ba trăm sáu mươi triệu đồng chẵn" },
		good: func(d *document.Document) {
			b := budgetOf(d)
			b.Unit, b.Total, b.Items, b.Words = "đồng", i64(370_000_000), nil, "ba trăm bảy mươi triệu đồng"
		},
		msg: []string{"360.000.000", "370.000.000"}},
	{name: "words in the labelled form", base: baseKeHoach, code: "budget.words_mismatch", path: khBudget + "/words",
		bad: func(d *document.Document) {
			budgetOf(d).Words = "(Bằng chữ: Ba trăm sáu mươi triệu đồng chẵn)"
		},
		good: func(d *document.Document) {
			budgetOf(d).Words = "(Bằng chữ: Ba trăm bảy mươi triệu đồng chẵn)"
		}},
	{name: "unknown unit", base: baseKeHoach, code: "budget.unit_unknown", path: khBudget + "/unit",
		bad:  func(d *document.Document) { budgetOf(d).Unit = "USD" },
		good: func(d *document.Document) { budgetOf(d).Unit = "Triệu đồng" }},
	{name: "amounts overflow", base: baseKeHoach, code: "budget.overflow", path: khBudget + "/items/1",
		bad: func(d *document.Document) {
			b := budgetOf(d)
			b.Items = []document.BudgetItem{{Text: "a", Amount: i64(math.MaxInt64)}, {Text: "b", Amount: i64(1)}}
		}},

	// Tables.
	{name: "row missing a cell", base: baseKeHoach, code: "table.cell_count", path: khTable + "/rows/0/cells",
		bad: func(d *document.Document) { r := &tableOf(d).Rows[0]; r.Cells = r.Cells[:4] },
		good: func(d *document.Document) {
			tableOf(d).Rows[2].Cells = append([]document.Cell{{Null: true}, {Null: true}}, tableOf(d).Rows[2].Cells...)
		}},
	{name: "group row with cells", base: baseKeHoach, code: "table.cell_count", path: khTable + "/rows/1/cells",
		bad: func(d *document.Document) {
			t := tableOf(d)
			t.Rows = append(t.Rows[:1], append([]document.Row{{Kind: document.RowGroup, Label: "II. KHU VỰC MIỀN NÚI", Cells: []document.Cell{num(1)}}}, t.Rows[1:]...)...)
		},
		good: func(d *document.Document) {
			// A group row is its label only and takes no part in the totals.
			t := tableOf(d)
			t.Rows = append(t.Rows[:1], append([]document.Row{{Kind: document.RowGroup, Label: "II. KHU VỰC MIỀN NÚI"}}, t.Rows[1:]...)...)
		}},
	{name: "text in a numeric column", base: baseKeHoach, code: "table.cell_type", path: khTable + "/rows/0/cells/2",
		bad:  func(d *document.Document) { tableOf(d).Rows[0].Cells[2] = str("nhiều") },
		good: func(d *document.Document) { tableOf(d).Rows[0].Cells[1] = str("1.234") }},
	{name: "number as a string", base: baseKeHoach, code: "table.numeric_string", path: khTable + "/rows/0/cells/2",
		bad: func(d *document.Document) { tableOf(d).Rows[0].Cells[2] = str("1") }},
	{name: "sum column", base: baseKeHoach, code: "table.sum_mismatch", path: khTable + "/rows/0/cells/4",
		bad:  func(d *document.Document) { tableOf(d).Rows[0].Cells[4] = num(4) },
		good: func(d *document.Document) { tableOf(d).Rows[0].Cells[4] = document.Cell{Null: true} },
		msg:  []string{"4", "3"}},
	{name: "total row", base: baseKeHoach, code: "table.total_mismatch", path: khTable + "/rows/2/cells/0",
		bad:  func(d *document.Document) { tableOf(d).Rows[2].Cells[0] = num(5) },
		good: func(d *document.Document) { tableOf(d).Rows[2].Cells[0] = document.Cell{Null: true} },
		msg:  []string{"5", "4"}},
	{name: "target row", base: baseKeHoach, code: "table.target_mismatch", path: khTable + "/rows/3/cells/3",
		bad: func(d *document.Document) { tableOf(d).Rows[3].Cells[3] = num(7) },
		msg: []string{"7", "2"}},

	// Text.
	{name: "control character", base: baseKeHoach, code: "text.control_char", path: "/summary",
		bad: func(d *document.Document) { d.Summary = "Thực hiện\x07 chương trình" }},
	{name: "control character in a run", base: baseKeHoach, code: "text.control_char", path: "/closing/0/1/text",
		bad: func(d *document.Document) {
			d.Closing[0] = document.Text{{Text: "Trên đây "}, {Text: "là\x00", Bold: true}}
		}},
	{name: "TCVN3 mojibake", base: baseKeHoach, code: "text.legacy_encoding", path: "/summary",
		bad: func(d *document.Document) {
			d.Summary = vntext.ToLegacy("Thực hiện Chương trình quốc gia về bình đẳng giới", vntext.EncTCVN3)
		},
		msg: []string{"TCVN3"}},
	{name: "VNI mojibake in a short field", base: baseKeHoach, code: "text.legacy_encoding", path: "/signature/name",
		bad: func(d *document.Document) { d.Signature.Name = vntext.ToLegacy("Nguyễn Văn An", vntext.EncVNI) }},
	{name: "mixed tone styles", base: baseKeHoach, code: "text.mixed_tone", path: "/summary",
		bad: func(d *document.Document) { d.Summary = "Thực hiện hoà nhập cộng đồng" },
		good: func(d *document.Document) {
			d.Summary = "Thực hiện hoà nhập cộng đồng"
			d.Options.Tone = "new"
		}},
	{name: "mixed tone styles unified by normalisation", base: baseKeHoach, code: "text.tone_unified", path: "/summary",
		badOpt:  Options{Tone: document.ToneReport{Style: document.ToneOld, Inferred: true, Old: 3, New: 1, Minority: "/summary"}},
		bad:     func(d *document.Document) {},
		good:    func(d *document.Document) {},
		goodOpt: Options{Tone: document.ToneReport{Style: document.ToneOld, Inferred: true, Old: 4}}},
	{name: "missing glyph", base: baseKeHoach, code: "text.missing_glyph", path: "/summary",
		bad:     func(d *document.Document) { d.Summary = "Thực hiện ☃ chương trình" },
		badOpt:  Options{HasGlyph: func(r rune) bool { return r != '☃' }},
		good:    func(d *document.Document) { d.Options.Numbering = "roman" },
		goodOpt: Options{HasGlyph: func(r rune) bool { return r < 0x2000 }}},
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.base()
			tc.bad(d)
			fs := Validate(d, tc.badOpt)
			var hit *document.Finding
			for i, f := range fs {
				if f.Code == tc.code && f.Path == tc.path {
					hit = &fs[i]
				}
			}
			if hit == nil {
				t.Fatalf("want %s at %s, got:\n%s", tc.code, tc.path, dump(fs))
			}
			if want := rules[tc.code].Severity; hit.Severity != want || hit.Rule != rules[tc.code].Source {
				t.Errorf("severity %s rule %q, want %s %q", hit.Severity, hit.Rule, want, rules[tc.code].Source)
			}
			if hit.VI == "" || hit.EN == "" {
				t.Errorf("empty message: %+v", *hit)
			}
			for _, m := range tc.msg {
				if !strings.Contains(hit.VI, m) || !strings.Contains(hit.EN, m) {
					t.Errorf("message lacks %q:\nVI: %s\nEN: %s", m, hit.VI, hit.EN)
				}
			}

			g := tc.base()
			if tc.good != nil {
				tc.good(g)
			}
			for _, f := range Validate(g, tc.goodOpt) {
				if f.Code == tc.code {
					t.Errorf("passing input gives %s", f)
				}
			}
		})
	}
}

func dump(fs document.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.String() + "\n")
	}
	return b.String()
}

func TestBaseDocumentsAreClean(t *testing.T) {
	for name, base := range map[string]func() *document.Document{"kế hoạch": baseKeHoach, "công văn": baseCongVan} {
		if fs := Validate(base(), Options{HasGlyph: func(rune) bool { return true }}); len(fs) != 0 {
			t.Errorf("%s: want no finding, got:\n%s", name, dump(fs))
		}
	}
}

// TestEveryRuleTested keeps the catalogue and the cases in step: every
// code has a failing case, and every case's code is in the catalogue.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tc := range ruleCases {
		tested[tc.code] = true
		if _, ok := rules[tc.code]; !ok {
			t.Errorf("case %q: code %s not in the catalogue", tc.name, tc.code)
		}
	}
	for _, r := range catalogue {
		// schema.invalid is the fallback for a tag the model does not use
		// yet; nothing can trigger it today.
		if !tested[r.Code] && r.Code != "schema.invalid" {
			t.Errorf("no failing case for %s", r.Code)
		}
	}
}

func TestRulesSortedAndComplete(t *testing.T) {
	rs := Rules()
	if len(rs) != len(catalogue) {
		t.Fatalf("Rules() has %d rules, catalogue %d", len(rs), len(catalogue))
	}
	if !slices.IsSortedFunc(rs, func(a, b Rule) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("Rules() not sorted by code")
	}
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.Code] {
			t.Errorf("duplicate code %s", r.Code)
		}
		seen[r.Code] = true
		if r.Severity != document.Error && r.Severity != document.Warning && r.Severity != document.Info || r.Source == "" || r.VI == "" || r.EN == "" {
			t.Errorf("incomplete rule %+v", r)
		}
	}
	// Callers may sort or edit what they get; the catalogue stays.
	rs[0].Code = "x"
	if Rules()[0].Code == "x" {
		t.Error("Rules() shares the catalogue")
	}
}

func TestValidateDoesNotChangeInput(t *testing.T) {
	for _, tc := range ruleCases {
		d := tc.base()
		tc.bad(d)
		before, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		Validate(d, tc.badOpt)
		after, _ := json.Marshal(d)
		if string(before) != string(after) {
			t.Errorf("%s: Validate changed the document", tc.name)
		}
	}
}

func TestDocumentOrder(t *testing.T) {
	d := baseKeHoach()
	d.Signature.Name = ""                              // /signature/name
	d.Number = "5"                                     // /number
	tableOf(d).Rows[2].Cells[0] = num(9)               // /body/3/...
	budgetOf(d).Total = i64(1)                         // /body/2/...
	d.Distribution.Archive = nil                       // /distribution
	d.Issuer.Name[1] = "tỉnh"                          // /issuer/name/1
	d.Body[0].Heading.Children[1].Heading.Label = "3." // /body/0/...
	d.Appendices = []document.Appendix{{Title: "PHỤ LỤC", Blocks: []document.Block{heading("II.", "X", para("y"))}}}
	fs := Validate(d, Options{})
	var paths []string
	for _, f := range fs {
		paths = append(paths, f.Path)
	}
	want := []string{
		"/issuer/name/1",
		"/number",
		"/body/0/heading/children/1/heading/label",
		khBudget + "/total",
		khBudget + "/words",
		khTable + "/rows/2/cells/0",
		khTable + "/rows/2/cells/2", // the total row's own sum column no longer adds up
		"/signature/name",
		"/distribution",
		"/appendices/0/blocks/0/heading/label",
	}
	if !slices.Equal(paths, want) {
		t.Errorf("paths:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
}

func TestNil(t *testing.T) {
	if fs := Validate(nil, Options{}); !fs.HasErrors() {
		t.Error("nil document: want an error")
	}
}

func TestDraftField(t *testing.T) {
	d := baseKeHoach()
	d.Number, d.Date, d.Signature.Name = "", document.Date{Year: 2024}, ""
	if fs := Validate(d, Options{}); len(fs.Errors()) != 3 {
		t.Errorf("not a draft: want 3 errors, got:\n%s", dump(fs))
	}
	d.Draft = true
	if fs := Validate(d, Options{}); len(fs) != 0 {
		t.Errorf("draft field: want no finding, got:\n%s", dump(fs))
	}
}

func TestCollective(t *testing.T) {
	for title, want := range map[string]bool{
		"ỦY BAN NHÂN DÂN": true, "UỶ BAN NHÂN DÂN": true, "HỘI ĐỒNG NHÂN DÂN": true, "BAN CHỈ ĐẠO": true,
		"CHÍNH PHỦ": true, "THƯỜNG TRỰC HĐND": true, "ĐẢNG ỦY": true, "TỔ CÔNG TÁC": true,
		"GIÁM ĐỐC": false, "CHỦ TỊCH": false, "BỘ TRƯỞNG": false, "TRƯỞNG BAN": false, "BANG": false,
	} {
		if got := isCollective(title); got != want {
			t.Errorf("isCollective(%q) = %v, want %v", title, got, want)
		}
	}
}

// toQD turns the base kế hoạch into a quyết định of three unlabelled
// articles (printed "Điều 1." to "Điều 3.").
func toQD(d *document.Document) {
	d.Type, d.Symbol = "quyet_dinh", ""
	d.Competence = []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM"}
	d.Body = []document.Block{
		heading("", "Ban hành kèm theo Quyết định này Quy chế.", para("x")),
		heading("", "Quyết định này có hiệu lực kể từ ngày ký.", para("x")),
		heading("", "Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành.", para("x")),
	}
}
