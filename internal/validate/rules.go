package validate

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/internal/document"
)

// Rule describes one rule for documentation (README table) and the API.
type Rule struct {
	// Code is the stable code findings carry, e.g. "nd30.recipients.archive_line".
	Code string `json:"code"`
	// Severity is fixed per code, so a caller can rely on it.
	Severity document.Severity `json:"severity"`
	// Source is where the rule comes from: a place in NĐ30, "practice",
	// "vanban arithmetic" or "vanban JSON v1".
	Source string `json:"source"`
	// VI and EN describe the rule (not one finding) for clerks and integrators.
	VI string `json:"vi"`
	EN string `json:"en"`
}

// Sources, named once so that the README table and the findings agree.
const (
	srcContract   = "vanban JSON v1"
	srcArithmetic = "vanban arithmetic"
	srcPractice   = "practice"
	srcTypes      = "NĐ30 Điều 7, Phụ lục III"
	srcIssuer     = "NĐ30 Phụ lục I, mục II.2"
	srcNumber     = "NĐ30 Phụ lục I, mục II.3; Điều 15"
	srcDate       = "NĐ30 Phụ lục I, mục II.4"
	srcSummary    = "NĐ30 Phụ lục I, mục II.5"
	srcBody       = "NĐ30 Phụ lục I, mục II.6"
	srcSignature  = "NĐ30 Phụ lục I, mục II.7; Điều 13"
	srcRecipients = "NĐ30 Phụ lục I, mục II.9"
	srcLetter     = "NĐ30 Phụ lục III, Mẫu 1.5"
	srcBases      = "NĐ30 Phụ lục I, mục II.5 (căn cứ)"
	srcTemplate   = "NĐ30 Phụ lục III, Mẫu 1.4 (./.)"
	srcUnicode    = "NĐ30 Phụ lục I, mục I.3 (Unicode TCVN 6909:2001)"
	srcFont       = "NĐ30 Phụ lục I, mục I.3 (phông chữ)"
)

const (
	E = document.Error
	W = document.Warning
	I = document.Info
)

// catalogue lists every code Validate can emit. A finding's severity and
// source always come from here, so the documentation cannot drift from
// what Validate does.
var catalogue = []Rule{
	// Structural tags on the model.
	{"schema.required", E, srcContract, "Thiếu nội dung bắt buộc.", "A required field is missing or empty."},
	{"schema.oneof", E, srcContract, "Giá trị không thuộc danh sách cho phép.", "The value is not one of the allowed values."},
	{"schema.min", E, srcContract, "Giá trị (hoặc số phần tử) nhỏ hơn mức tối thiểu.", "The value (or element count) is below the minimum."},
	{"schema.max", E, srcContract, "Giá trị (hoặc số phần tử) vượt mức tối đa.", "The value (or element count) is above the maximum."},
	{"schema.invalid", E, srcContract, "Giá trị không hợp lệ.", "The value breaks a constraint of the data contract."},
	{"schema.block_kind", E, srcContract, "Mỗi khối nội dung có đúng một loại: tiêu đề, đoạn văn, gạch đầu dòng, bảng hoặc kinh phí.", "Each body block must have exactly one kind (heading, paragraph, item, table, budget)."},

	// Type and header.
	{"nd30.type.unknown", E, srcTypes, "Tên loại văn bản không có trong Phụ lục III.", "The document type is not in the Phụ lục III table."},
	{"nd30.issuer.name_case", E, srcIssuer, "Tên cơ quan ban hành phải viết in hoa.", "The issuing body's name must be upper case."},
	{"nd30.issuer.parent_case", E, srcIssuer, "Tên cơ quan chủ quản phải viết in hoa.", "The parent body's name must be upper case."},
	{"nd30.issuer.abbreviation_format", E, srcNumber, "Chữ viết tắt tên cơ quan (và đơn vị) phải in hoa, không có khoảng trắng, \"-\" hay \"/\".", "The body (and unit) abbreviation must be upper case with no space, \"-\" or \"/\"."},
	{"nd30.issuer.unit_missing", E, srcNumber, "Công văn không có ký hiệu thì phải có đơn vị soạn thảo (viết tắt) để lập ký hiệu <CƠ QUAN>-<ĐƠN VỊ>.", "A công văn without a symbol needs issuer.unit to derive <BODY>-<UNIT>."},
	{"nd30.symbol.format", E, srcNumber, "Ký hiệu có dạng <LOẠI>-<CƠ QUAN> (công văn: <CƠ QUAN>-<ĐƠN VỊ>), in hoa, không có khoảng trắng.", "The symbol is <TYPE>-<BODY> (công văn: <BODY>-<UNIT>), upper case, without spaces."},
	{"nd30.symbol.year", W, srcNumber, "Năm trong số, ký hiệu của văn bản quy phạm pháp luật (06/2020/QĐ-UBND) là năm ban hành.", "The year in a legal normative document's number (06/2020/QĐ-UBND) is the year of issue."},
	{"nd30.symbol.type_mismatch", E, srcNumber, "Phần tên loại của ký hiệu phải khớp loại văn bản; công văn không có phần tên loại.", "The symbol's type part must match the document type; a công văn has none."},
	{"nd30.symbol.issuer_mismatch", E, srcNumber, "Phần cơ quan của ký hiệu phải khớp chữ viết tắt của cơ quan ban hành.", "The symbol's body part must match issuer.abbreviation."},
	{"nd30.number.missing", E, srcNumber, "Văn bản ban hành (không phải dự thảo) phải có số.", "An issued document (not a draft) needs a number."},
	{"nd30.number.format", E, srcNumber, "Số văn bản chỉ gồm chữ số, bắt đầu từ 01.", "The number is digits only, starting at 01."},
	{"nd30.number.padding", E, srcNumber, "Số nhỏ hơn 10 phải có số 0 ở trước (05); từ 10 trở lên thì không.", "Numbers below 10 take a leading zero (05); 10 and above take none."},
	{"nd30.date.missing", E, srcDate, "Văn bản ban hành (không phải dự thảo) phải ghi đủ ngày, tháng, năm.", "An issued document (not a draft) needs a complete date."},
	{"nd30.date.invalid", E, srcDate, "Ngày tháng không có thật trên lịch.", "The date is not a real calendar date."},
	{"nd30.date.year_range", E, srcDate, "Năm ban hành phải trong khoảng 1945–2100.", "The year must be within 1945–2100."},
	{"nd30.place.missing", E, srcDate, "Thiếu địa danh.", "The place name is missing."},
	{"nd30.place.abbreviated", W, srcDate, "Địa danh phải viết đầy đủ, không viết tắt (\"Thành phố Hồ Chí Minh\", không phải \"TP. HCM\").", "The place name must be written in full (not \"TP. HCM\")."},
	{"nd30.summary.missing", E, srcSummary, "Văn bản có tên loại phải có trích yếu.", "A typed document needs a summary (trích yếu)."},
	{"nd30.summary.vv_prefix", E, srcSummary, "Trích yếu của văn bản có tên loại không bắt đầu bằng \"V/v\".", "A typed document's summary must not start with \"V/v\"."},
	{"nd30.summary.case", W, srcSummary, "Trích yếu viết chữ in thường (chỉ viết hoa chữ đầu và tên riêng), không viết toàn chữ in hoa.", "The summary is written in normal case (capitals only where the language needs them), not all capitals."},
	{"nd30.summary.lines_mismatch", E, srcSummary, "Các dòng trích yếu ghép lại phải đúng bằng trích yếu.", "The summary's lines (summary_lines), joined, must read exactly as summary."},
	{"nd30.title.type_mismatch", E, "NĐ30 Phụ lục I, mục II.5", "Dòng tên loại ghi riêng phải bắt đầu bằng tên loại văn bản.", "A title line as written must begin with the document type's name."},
	{"nd30.invitation.time_place", W, "NĐ30 Phụ lục III, Mẫu 1.7", "Giấy mời nêu thời gian và địa điểm.", "A giấy mời states the time and the place."},
	{"nd30.introduction.validity", W, "NĐ30 Phụ lục III, Mẫu 1.8", "Giấy giới thiệu nêu thời hạn có giá trị (\"Giấy này có giá trị đến hết ngày …\").", "A giấy giới thiệu states until when it is valid (\"Giấy này có giá trị đến hết ngày …\")."},
	{"nd30.leave.period", W, "NĐ30 Phụ lục III, Mẫu 1.10", "Giấy nghỉ phép nêu thời gian nghỉ (từ ngày … đến hết ngày …).", "A giấy nghỉ phép states the period of leave (from … to …)."},
	{"nd30.decision.executing", W, "NĐ30 Phụ lục III, Mẫu 1.2", "Quyết định có điều khoản về trách nhiệm thi hành (\"… chịu trách nhiệm thi hành Quyết định này\").", "A quyết định has an article on who executes it (\"… chịu trách nhiệm thi hành Quyết định này\")."},
	{"nd30.telegram.parts", E, "NĐ30 Phụ lục III, Mẫu 1.6", "Công điện ghi người gửi (\"… điện:\") và nơi nhận điện (Kính gửi).", "A công điện names its sender (\"… điện:\", competence) and whom it is sent to (addressees)."},
	{"nd30.summary.not_allowed", E, srcLetter, "Công văn dùng trích yếu \"V/v\", không có trích yếu in đậm dưới tên loại.", "A công văn uses subject (\"V/v\"), not summary."},
	{"nd30.subject.missing", E, srcLetter, "Công văn phải có trích yếu \"V/v ...\".", "A công văn needs a subject (\"V/v ...\")."},
	{"nd30.subject.not_allowed", E, srcSummary, "Chỉ công văn mới có trích yếu \"V/v\".", "Only a công văn has a \"V/v\" subject."},
	{"nd30.subject.vv_prefix", E, srcLetter, "Không gõ \"V/v\" ở đầu trích yếu: hệ thống tự thêm.", "Do not type \"V/v\" in subject: it is added when printed."},
	{"nd30.addressees.missing", E, srcLetter, "Công văn phải có ít nhất một nơi nhận ở \"Kính gửi\".", "A công văn needs at least one addressee (Kính gửi)."},
	{"nd30.addressees.not_allowed", E, srcLetter, "Chỉ công văn và các văn bản gửi đến cơ quan nhận (tờ trình, báo cáo, thông báo, giấy mời, giấy giới thiệu …) mới có \"Kính gửi\".", "Only a công văn and the addressed forms (tờ trình, báo cáo, thông báo, giấy mời, giấy giới thiệu …) have addressees (Kính gửi)."},
	{"nd30.addressees.empty", E, srcLetter, "Dòng \"Kính gửi\" trống.", "An addressee is empty."},
	{"nd30.bases.empty", E, srcBases, "Dòng căn cứ trống.", "A căn cứ line is empty."},
	{"nd30.bases.punctuation", W, srcBases, "Mỗi căn cứ kết thúc bằng \";\", căn cứ cuối bằng \".\" (hoặc \";\" khi câu tiếp tục ở đoạn mở đầu).", "Each căn cứ ends with \";\", the last with \".\" (or \";\" when the intro continues the sentence)."},

	// Body.
	{"nd30.body.empty_heading", E, srcBody, "Đề mục không có tiêu đề.", "A heading has no title."},
	{"nd30.body.empty_text", E, srcBody, "Đoạn văn hoặc gạch đầu dòng trống.", "A paragraph or bullet item is empty."},
	{"nd30.body.label_sequence", W, srcBody, "Số thứ tự đề mục bị nhảy hoặc lặp (d) → g), 8. → 10.); in đúng như đã viết.", "A heading label skips or repeats (d) → g), 8. → 10.); it is printed as written."},
	{"nd30.body.heading_depth", E, srcBody, "Đề mục lồng quá sâu: tối đa 5 cấp đánh số (I./1./1.1./1.1.1./a)), không kể Phần, Chương, Mục.", "Headings nest too deep: at most 5 numbered levels (I./1./1.1./1.1.1./a)), not counting Phần, Chương, Mục."},
	{"nd30.body.item_depth", E, srcPractice, "Gạch đầu dòng lồng quá 3 cấp (\"-\", \"+\", \"*\").", "Bullet items nest deeper than 3 levels (\"-\", \"+\", \"*\")."},
	{"nd30.body.final_mark", W, srcTemplate, "Không gõ \"./.\" ở cuối nội dung: hệ thống tự thêm.", "Do not type \"./.\" at the end of the body: it is added when printed."},
	{"nd30.plan.section_missing", W, srcPractice, "Kế hoạch thường có các phần: mục đích, yêu cầu; nội dung (nhiệm vụ); kinh phí; tổ chức thực hiện.", "A kế hoạch usually has sections for purpose, content (tasks), budget and organisation."},

	// Nơi nhận.
	{"nd30.recipients.missing", E, srcRecipients, "Thiếu danh sách nơi nhận.", "The recipient list (Nơi nhận) is empty."},
	{"nd30.recipients.empty", E, srcRecipients, "Dòng nơi nhận trống.", "A recipient line is empty."},
	{"nd30.recipients.note_covers", E, srcRecipients, "Ghi chú chung cho nhiều nơi nhận phải có nội dung ghi chú và đủ số dòng phía trên.", "A note covering several recipients (note_covers) needs a note and that many lines up to it."},
	{"nd30.recipients.nhu_dieu", W, srcRecipients, "\"Như Điều n\" chỉ đến một Điều có trong văn bản.", "\"Như Điều n\" points at an article the document has."},
	{"nd30.decision.typed", W, "NĐ30 Phụ lục III, Mẫu 1.2", "Không gõ \"QUYẾT ĐỊNH:\" (\"QUYẾT NGHỊ:\"): hệ thống tự in.", "Do not type \"QUYẾT ĐỊNH:\" (\"QUYẾT NGHỊ:\"): it is printed by the system."},
	{"nd30.recipients.duplicate", W, srcRecipients, "Nơi nhận bị lặp.", "A recipient is listed twice."},
	{"nd30.recipients.punctuation", W, srcRecipients, "Không gõ \"-\" ở đầu hay \";\", \".\" ở cuối dòng nơi nhận: hệ thống tự thêm.", "Do not type the leading \"-\" or trailing \";\"/\".\" of a recipient: they are added when printed."},
	{"nd30.recipients.archive_missing", E, srcRecipients, "Thiếu dòng \"Lưu: VT, ...\".", "The \"Lưu: VT, ...\" line is missing (archive or archive_line)."},
	{"nd30.recipients.archive_both", E, srcContract, "Dòng Lưu chỉ chép nguyên văn hoặc lập từ các đơn vị lưu, không cả hai.", "Give either archive or archive_line, not both."},
	{"nd30.recipients.archive_line", W, srcRecipients, "Dòng lưu phải có dạng \"Lưu: VT, <ĐƠN VỊ>.\".", "The archive line must read \"Lưu: VT, <UNITS>.\"."},
	{"nd30.recipients.archive_unit", E, srcRecipients, "Đơn vị lưu là chữ viết tắt in hoa, không lặp lại VT.", "Archive units are upper-case abbreviations and do not repeat VT."},
	{"nd30.recipients.archive_in_list", E, srcRecipients, "Dòng \"Lưu\" không nằm trong danh sách nơi nhận: ghi vào phần Dòng Lưu.", "The Lưu line is not a recipient: use archive or archive_line."},
	{"nd30.recipients.nhu_tren_without_addressees", E, srcRecipients, "\"Như trên\" chỉ dùng khi văn bản có \"Kính gửi\".", "\"Như trên\" is only used when the document has addressees."},
	{"nd30.recipients.nhu_tren_first", W, srcRecipients, "Nơi nhận của công văn bắt đầu bằng \"Như trên\".", "A công văn's recipient list starts with \"Như trên\"."},

	// Signature.
	{"nd30.signature.prefix", E, srcSignature, "Quyền hạn ký chỉ là TM., KT., TL., TUQ. hoặc Q.", "The authority prefix must be TM., KT., TL., TUQ. or Q."},
	{"nd30.signature.tm_collective", E, srcSignature, "TM. đứng trước tên tập thể (ỦY BAN NHÂN DÂN, HỘI ĐỒNG ..., BAN ...), không trước chức vụ cá nhân.", "TM. precedes a collective body (ỦY BAN NHÂN DÂN, HỘI ĐỒNG ..., BAN ...), not an individual title."},
	{"nd30.signature.tm_ubnd", E, srcSignature, "Ủy ban nhân dân ký thay mặt tập thể ghi \"TM. ỦY BAN NHÂN DÂN\".", "A people's committee signing on behalf writes \"TM. ỦY BAN NHÂN DÂN\"."},
	{"nd30.signature.kt_deputy", E, srcSignature, "Ký thay (KT.) thì người ký là cấp phó (PHÓ ..., THỨ TRƯỞNG).", "With KT. the signer is a deputy (PHÓ ..., THỨ TRƯỞNG)."},
	{"nd30.signature.cosignature_missing", E, "NĐ30 Phụ lục III, Mẫu 1.9; Điều 13", "Biên bản (thư ký và chủ tọa) và văn bản liên tịch (mỗi cơ quan) có hai chữ ký: thêm chữ ký thứ hai.", "A biên bản (thư ký and chủ tọa) and a joint document (each body) carry two signatures: add cosignature."},
	{"nd30.signature.title_case", E, srcSignature, "Quyền hạn và chức vụ người ký viết in hoa.", "Authority and signer titles are upper case."},
	{"nd30.signature.title_missing", E, srcSignature, "Thiếu chức vụ người ký.", "The signer's title is missing."},
	{"nd30.signature.name_missing", E, srcSignature, "Văn bản ban hành (không phải dự thảo) phải có họ tên người ký.", "An issued document (not a draft) needs the signer's name."},
	{"nd30.signature.academic_title", W, srcSignature, "Không ghi học hàm, học vị (TS., ThS., PGS., GS.) trước họ tên người ký.", "No academic title (TS., ThS., PGS., GS.) before the signer's name."},

	// Arithmetic.
	{"budget.item_sum", E, srcArithmetic, "Số tiền của một khoản phải bằng tổng các khoản con.", "An item's amount must equal the sum of its sub-items."},
	{"budget.total_mismatch", E, srcArithmetic, "Tổng kinh phí phải bằng tổng các khoản.", "The budget total must equal the sum of its items."},
	{"budget.negative", E, srcArithmetic, "Số tiền không được âm.", "Amounts must not be negative."},
	{"budget.amount_missing", E, srcArithmetic, "Khoản không có số tiền và không có khoản con.", "An item has neither an amount nor sub-items."},
	{"budget.empty", E, srcArithmetic, "Kinh phí không có tổng và không có khoản nào.", "A budget has neither a total nor items."},
	{"budget.words_mismatch", E, srcArithmetic, "Số tiền bằng chữ phải khớp tổng (quy ra đồng).", "The amount in words must match the total (in đồng)."},
	{"budget.unit_unknown", E, srcArithmetic, "Đơn vị tính chỉ là đồng, nghìn đồng, triệu đồng hoặc tỷ đồng.", "The unit must be đồng, nghìn đồng, triệu đồng or tỷ đồng."},
	{"budget.overflow", E, srcArithmetic, "Số tiền quá lớn để tính.", "The amounts are too large to add up."},
	{"table.cell_count", E, srcContract, "Mỗi dòng có đúng một ô cho mỗi cột lá (dòng tổng/chỉ tiêu: có thể bỏ các cột chữ đầu bảng mà nhãn chiếm).", "Each row has one cell per leaf column (total/target rows may leave out the leading text columns their label spans)."},
	{"table.cell_type", E, srcContract, "Ô của cột số phải là số, \"-\" hoặc null.", "A numeric column's cell must be a number, \"-\" or null."},
	{"table.numeric_string", E, srcContract, "Số phải ghi dạng số JSON, không ghi dạng chuỗi (\"1.234\").", "Numbers must be JSON numbers, not strings such as \"1.234\"."},
	{"table.sum_mismatch", E, srcArithmetic, "Ô của cột tổng phải bằng tổng các ô số khác cùng dòng (cùng nhóm cột).", "A sum column's cell must equal the sum of the row's other numeric cells (in its column group)."},
	{"table.total_mismatch", E, srcArithmetic, "Ô của dòng tổng phải bằng tổng các mục và các dòng số liệu ngoài mục phía trên.", "A total row's cell must equal the sum of the sections and of the data rows outside a section above it."},
	{"table.section_mismatch", E, srcArithmetic, "Ô của dòng mục phải bằng tổng các dòng con của mục.", "A section row's cell must equal the sum of its children."},
	{"table.formula_mismatch", E, srcArithmetic, "Ô có công thức (tích các cột, n lần một dòng, tỉ lệ % của một dòng, tổng các dòng) phải bằng giá trị tính được.", "A cell with a formula (a product of columns, n times a row, a percent of a row, a sum of rows) must equal its computed value."},
	{"table.formula_ref", E, srcContract, "Công thức chỉ được nhắc tới cột và dòng có trong bảng (theo mã của chúng).", "A formula may only name columns (key) and rows (id) of its table."},
	{"table.formula_cycle", E, srcContract, "Các công thức không được vòng lại chính chúng.", "Formulas must not refer to each other in a loop."},
	{"table.formula_form", E, srcContract, "Mỗi công thức dùng đúng một dạng: tích các cột (trên cột); n lần, tỉ lệ % hoặc tổng (trên dòng).", "Each formula uses exactly one form: product on a column; times, percent or sum on a row."},
	{"table.span", E, srcContract, "Ô gộp phải nằm trong bảng, chỉ gộp các dòng số liệu hoặc dòng mục, không chồng lên ô gộp khác, và các ô bị gộp phải để trống (null).", "A merged cell stays inside the table, merges only data and section rows, overlaps no other merged cell, and the cells it covers are null."},
	{"table.words_mismatch", E, srcArithmetic, "Dòng \"Bằng chữ\" dưới bảng phải đọc đúng số tiền của ô đã chọn.", "The \"Bằng chữ\" line under a table must read the amount of the chosen cell."},
	{"table.words_ref", E, srcContract, "Dòng \"Bằng chữ\" phải chỉ tới một dòng tổng, một cột tiền có số và một đơn vị tiền đã biết.", "The \"Bằng chữ\" line must name a row (id) and a money column (key) holding an amount, in a known money unit."},
	{"table.target_mismatch", W, srcArithmetic, "Tổng cột của các dòng số liệu không khớp dòng chỉ tiêu.", "The data rows' column sum differs from the target row."},

	// Text.
	{"text.control_char", E, srcUnicode, "Văn bản chứa ký tự điều khiển.", "The text contains a control character."},
	{"text.legacy_encoding", E, srcUnicode, "Văn bản có vẻ gõ bằng bảng mã cũ (TCVN3/VNI): cần chuyển sang Unicode (nhập lại tệp gốc để vanban tự chuyển).", "The text looks like legacy TCVN3/VNI mojibake: use `vanban text convert`."},
	{"text.tone_unified", I, srcPractice, "Văn bản dùng lẫn hai kiểu bỏ dấu và chưa chọn kiểu bỏ dấu: toàn văn bản, cả Quốc hiệu, được in theo kiểu dùng nhiều hơn.", "The document mixed tone-mark styles without options.tone: all of it, the Quốc hiệu too, is printed in the majority style."},
	{"text.mixed_tone", W, srcPractice, "Văn bản dùng lẫn hai kiểu bỏ dấu (hòa/hoà): chọn \"Kiểu bỏ dấu\" trong Tùy chọn trình bày.", "The document mixes tone-mark styles (hòa/hoà): set options.tone."},
	{"text.missing_glyph", E, srcFont, "Phông chữ không có ký tự này.", "The font cannot draw this character."},
}

// rules indexes the catalogue by code; built once, never changed.
var rules = func() map[string]Rule {
	m := make(map[string]Rule, len(catalogue))
	for _, r := range catalogue {
		m[r.Code] = r
	}
	return m
}()

// Rules returns every code Validate can emit, sorted by code.
func Rules() []Rule {
	out := slices.Clone(catalogue)
	slices.SortFunc(out, func(a, b Rule) int { return strings.Compare(a.Code, b.Code) })
	return out
}
