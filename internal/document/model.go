package document

// SchemaV1 is the value of the "schema" field of every v1 document. Another
// system can rely on the meaning of every field under this name; a breaking
// change gets a new name.
const SchemaV1 = "vanban/v1"

// SchemaV2 is the current contract: v1 plus the structures real documents
// use (labels as written, Điều, thẩm quyền, attached texts, appendix
// headings, Bản điện tử, grouped notes, signer rank, the forms of Phụ lục
// III). Every v1 document is a v2 document: Decode reads "vanban/v1" as
// v2 (nothing to convert) and keeps the value it was given.
const SchemaV2 = "vanban/v2"

// Document is one văn bản hành chính. JSON keys are English; each field's
// comment gives the Vietnamese term clerks use, so the contract can be read
// by both sides.
type Document struct {
	// Schema (phiên bản hợp đồng dữ liệu): "vanban/v2", or "vanban/v1",
	// read as v2.
	Schema string `json:"schema" validate:"required"`
	// Draft (dự thảo) marks a document still being drafted: the number,
	// the date (or part of it) and the signer's name may be blank. The
	// --draft flag and ?draft=true do the same for one run.
	Draft bool `json:"draft,omitempty"`
	// Type (tên loại văn bản) is a code from the Phụ lục III table, e.g.
	// "ke_hoach" or "cong_van"; see Types.
	Type string `json:"type" validate:"required"`
	// Issuer (cơ quan ban hành).
	Issuer Issuer `json:"issuer"`
	// Number (số) is the registration number, blank in a draft. A string, so
	// that "01" keeps the padding the clerk typed.
	Number string `json:"number,omitempty"`
	// Symbol (ký hiệu) such as "KH-UBND". Derived from the type and issuer
	// when empty; checked against them when given.
	Symbol string `json:"symbol,omitempty"`
	// Place (địa danh), e.g. "Gia Lai", "Thành phố Hồ Chí Minh".
	Place string `json:"place,omitempty"`
	// Date (ngày ban hành); every part may be 0 (blank) in a draft.
	Date Date `json:"date"`
	// Title is the type-name line as the office writes it when it says
	// more than the type's name: "GIẤY MỜI HỌP". It must begin with the
	// type's name; printed upper case. Empty: the type's name.
	Title string `json:"title,omitempty"`
	// Summary (trích yếu) of a typed document, printed bold under the type
	// name. Required for every type but công văn, and optional on a giấy
	// mời, giấy giới thiệu and giấy nghỉ phép.
	Summary string `json:"summary,omitempty"`
	// Subject (trích yếu công văn, "V/v ...") without the "V/v" prefix.
	Subject string `json:"subject,omitempty"`
	// Addressees (Kính gửi) of a công văn, and of the typed documents
	// whose form is addressed: tờ trình, báo cáo sent to a superior,
	// thông báo, giấy mời, giấy giới thiệu … (see DocType.Addressed).
	// Each is a Text: a plain string, or runs when the line carries
	// emphasis or a footnote ("Ủy ban nhân dân các xã, phường có cụm công
	// nghiệp" with a footnote listing them).
	Addressees []Text `json:"addressees,omitempty"`
	// SummaryLines are the trích yếu as the author breaks it into lines
	// ("Về việc đề nghị công nhận Ban vận động thành lập" / "Hiệp hội Bất
	// động sản tỉnh Lâm Đồng"). Optional; joined with single spaces they
	// must read exactly as summary, which stays the one text every rule
	// and the metadata use.
	SummaryLines []string `json:"summary_lines,omitempty" validate:"max=6,dive,required"`
	// TitleNotes are extra lines of the title block, printed in italics
	// under the trích yếu as written, e.g. "(Cấp lần đầu ngày …)".
	TitleNotes []string `json:"title_notes,omitempty" validate:"max=10,dive,required"`
	// Competence (thẩm quyền ban hành) of a quyết định or nghị quyết
	// (Mẫu 1.1–1.3): "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" when a
	// head decides, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" when the collective
	// does; printed bold and centred above the căn cứ. Lines as the author
	// breaks them.
	Competence []string `json:"competence,omitempty" validate:"max=4,dive,required"`
	// Bases (căn cứ ban hành): one line each, printed in italics. The
	// "Xét đề nghị …" / "Theo đề nghị …" lines of a quyết định are the
	// last bases.
	Bases []Text `json:"bases,omitempty"`
	// Intro (đoạn mở đầu) paragraphs before the first section.
	Intro []Text `json:"intro,omitempty"`
	// Body (nội dung) as a tree of blocks.
	Body []Block `json:"body,omitempty"`
	// Closing (đoạn kết) paragraphs; the system adds the "./." ending to the
	// last sentence of the body, so input must not carry it.
	Closing []Text `json:"closing,omitempty"`
	// Signature (chữ ký, quyền hạn, chức vụ, họ tên).
	Signature Signature `json:"signature"`
	// Cosignature is a second signature block, printed on the left beside
	// Signature: the thư ký of a biên bản (Mẫu 1.9: thư ký left, chủ tọa
	// right), or the signer for the second body of a joint document
	// (co_issuer). Nơi nhận then prints under the left one.
	Cosignature *Signature `json:"cosignature,omitempty"`
	// CoIssuer is the second body of a document issued jointly (văn bản
	// liên tịch): its name prints under the first body's in the header,
	// and it signs in cosignature.
	CoIssuer *Issuer `json:"co_issuer,omitempty"`
	// Distribution (nơi nhận).
	Distribution Distribution `json:"distribution"`
	// Attachments (văn bản ban hành kèm theo) are the texts a quyết định
	// issues or approves (Mẫu 1.3): a quy chế, quy định, kế hoạch, điều
	// lệ, danh sách … printed after the signature, each with its own
	// heading block, no number of its own and the "(Ban hành kèm theo
	// Quyết định số … ngày … của …)" line filled from this document.
	Attachments []Attachment `json:"attachments,omitempty" validate:"max=20"`
	// Appendices (phụ lục), numbered I, II ... by the system.
	Appendices []Appendix `json:"appendices,omitempty"`
	// Options change presentation choices that NĐ30 leaves open.
	Options Options `json:"options"`
}

// Issuer is the issuing body (ô số 2 of Phụ lục I).
type Issuer struct {
	// Parent (cơ quan chủ quản) lines, printed upper case, not bold. Optional.
	Parent []string `json:"parent,omitempty"`
	// Name (tên cơ quan ban hành) lines, printed bold upper case. Long names
	// are split by the author where the printed line should break.
	Name []string `json:"name" validate:"required,min=1,dive,required"`
	// Abbreviation (viết tắt tên cơ quan) used in the ký hiệu, e.g. "UBND".
	Abbreviation string `json:"abbreviation" validate:"required"`
	// Unit (đơn vị soạn thảo) abbreviation, e.g. "VX"; used in the ký hiệu of
	// a công văn and in the Lưu line.
	Unit string `json:"unit,omitempty"`
	// Title (tên gọi cơ quan trong câu), used in the appendix "Kèm theo" line,
	// e.g. "UBND tỉnh". Defaults to the issuing name.
	ShortName string `json:"short_name,omitempty"`
}

// Date is a calendar date whose parts may be blank (0) in a draft, as in
// "ngày   tháng   năm 2024".
type Date struct {
	Day   int `json:"day,omitempty" validate:"min=0,max=31"`
	Month int `json:"month,omitempty" validate:"min=0,max=12"`
	Year  int `json:"year,omitempty" validate:"min=0,max=9999"`
}

// Block is one node of the body tree. Exactly one of its kinds is set.
type Block struct {
	// Heading (mục, khoản, điểm): a numbered heading whose label the system
	// computes from its depth (I. → 1. → a) by default).
	Heading *Heading `json:"heading,omitempty"`
	// Paragraph (đoạn văn) of running text.
	Paragraph *Text `json:"paragraph,omitempty"`
	// Item (gạch đầu dòng) is a bullet: "-" at the first level, "+" below.
	Item *Item `json:"item,omitempty"`
	// Table (bảng) inside the body.
	Table *Table `json:"table,omitempty"`
	// Budget (kinh phí): amounts with their parts, totals and words.
	Budget *Budget `json:"budget,omitempty"`
}

// Heading is a numbered section. Its label is computed; Label, when given,
// is checked against the computed one.
type Heading struct {
	// Label (số thứ tự) as the author typed it, e.g. "II." or "2.1."; checked.
	Label string `json:"label,omitempty"`
	// Title (tiêu đề). Level-1 titles print upper case and bold.
	Title Text `json:"title"`
	// Plain prints a khoản or điểm without bold: NĐ30 makes a khoản bold only
	// when it is a heading, not when it opens running text.
	Plain bool `json:"plain,omitempty"`
	// Children are the blocks under this heading.
	Children []Block `json:"children,omitempty"`
}

// Item is a bullet (gạch đầu dòng) with optional sub-items.
type Item struct {
	// Marker (dấu đầu dòng) as written: "-", "+", "*" or "•". Empty means
	// "-" at the first level, "+" below, "*" below that. Real documents
	// put "+" lines straight under a khoản, without a "-" parent.
	Marker   string  `json:"marker,omitempty" validate:"omitempty,oneof=- + * •"`
	Text     Text    `json:"text"`
	Children []Block `json:"children,omitempty"`
}

// Run is a stretch of text with one emphasis.
type Run struct {
	// Text of the run.
	Text string `json:"text"`
	// Bold (in đậm).
	Bold bool `json:"bold,omitempty"`
	// Italic (in nghiêng).
	Italic bool `json:"italic,omitempty"`
	// Footnote (chú thích) text; the run's text is followed by the
	// footnote reference mark.
	Footnote string `json:"footnote,omitempty"`
}

// Text is a paragraph's content: in JSON either a plain string or an array
// of runs, so that the common case stays short.
type Text []Run

// Budget is a sum of money with its breakdown (kinh phí). Every amount is an
// integer in Unit; a parent's amount must equal the sum of its children.
type Budget struct {
	// Label (nội dung) introducing the total, e.g. "Ngân sách Trung ương hỗ
	// trợ có mục tiêu".
	Label string `json:"label"`
	// Total (tổng kinh phí); computed from the items when omitted.
	Total *int64 `json:"total,omitempty"`
	// Unit (đơn vị tính): "đồng" (default), "nghìn đồng", "triệu đồng",
	// "tỷ đồng".
	Unit string `json:"unit,omitempty"`
	// Words (bằng chữ) for the total; generated when omitted, checked when
	// given. It always reads the amount in đồng.
	Words string `json:"words,omitempty"`
	// Items (chi tiết) of the breakdown.
	Items []BudgetItem `json:"items,omitempty"`
}

// BudgetItem is one line of a budget; Amount may be omitted when it has
// sub-items, and is then their sum.
type BudgetItem struct {
	Text   string       `json:"text"`
	Amount *int64       `json:"amount,omitempty"`
	Items  []BudgetItem `json:"items,omitempty"`
}

// Table is a grid with a multi-level header (bảng, biểu).
type Table struct {
	// Title (tên bảng), printed bold and centred above the table. Optional.
	Title string `json:"title,omitempty"`
	// Unit (đơn vị tính) line printed at the right above the table, e.g.
	// "ĐVT: triệu đồng".
	Unit string `json:"unit,omitempty"`
	// Columns (cột) as a tree: a column with children is a group header
	// spanning them; leaves hold the data.
	Columns []Column `json:"columns" validate:"required,min=1"`
	// IndexRow adds the "(1) (2) ..." row under the header.
	IndexRow bool `json:"index_row,omitempty"`
	// Rows (dòng) of data; each has one cell per leaf column.
	Rows []Row `json:"rows"`
	// Notes (ghi chú) printed in italics under the table.
	Notes []Text `json:"notes,omitempty"`
	// Words asks for the amount in words ("Bằng chữ: …") under the table,
	// read from one cell of a total row.
	Words *TableWords `json:"words,omitempty"`
}

// TableWords is the "Bằng chữ" line under a table: the amount of column
// Column (a leaf key) in row Row (a row id), in the money unit Unit
// ("đồng", "nghìn đồng", "triệu đồng"; đồng when blank). Text, when given,
// is printed as written and checked against the amount.
type TableWords struct {
	Row    string `json:"row" validate:"required"`
	Column string `json:"column" validate:"required"`
	Unit   string `json:"unit,omitempty"`
	Text   string `json:"text,omitempty"`
}

// Column kinds: how a leaf column's cells are read and printed.
const (
	ColText    = "text"    // words, left-aligned
	ColNumber  = "number"  // numbers with Vietnamese grouping (1.234,5), right-aligned, summed
	ColMoney   = "money"   // like number; an amount of money
	ColPercent = "percent" // a rate printed "64,3%", right-aligned, never summed
	ColCode    = "code"    // an identifier ("6810", "015079004234") printed exactly as given, never grouped or summed
	ColDate    = "date"    // a date as written, centred
)

// Formula derives a cell from others. Exactly one form is used:
//   - Product (on a column): the product of the row's cells in the columns
//     with these keys; a blank or "-" factor counts as 1 (a blank Định
//     mức), so Thành tiền = Số lượng × Định mức × Mức chi;
//   - Times and Of (on a row): Times × the same column of row Of
//     ("Tổng kinh phí 07 năm" = 7 × "Tổng kinh phí 01 năm");
//   - Percent and Of (on a row): Percent % of row Of;
//   - Sum (on a row): the sum of the rows with these ids;
//   - Ratio: a rate in percent, 100 × a ÷ b. On a column, Ratio holds two
//     keys, the numerator's and the denominator's column, read in the
//     same row ("Tỉ lệ %" = SL ÷ "Tổng số"), in every row with cells,
//     totals included; on a row, Ratio holds the numerator row's id and
//     Of the denominator row's, per numeric column ("Tỉ lệ thực hiện" =
//     "Thực hiện" ÷ "Kế hoạch"). A zero or blank denominator leaves the
//     cell blank.
//
// Rows are named by Row.ID, columns by Column.Key. A derived cell left
// blank is computed; a given one is checked.
type Formula struct {
	Product []string `json:"product,omitempty"`
	Times   float64  `json:"times,omitempty" validate:"min=0"`
	Percent float64  `json:"percent,omitempty" validate:"min=0"`
	Of      string   `json:"of,omitempty"`
	Sum     []string `json:"sum,omitempty"`
	Ratio   []string `json:"ratio,omitempty"`
}

// Column is a header cell; leaves are data columns.
type Column struct {
	Title string `json:"title"`
	// Numeric columns hold numbers, printed right-aligned with Vietnamese
	// grouping, and take part in totals.
	Numeric bool `json:"numeric,omitempty"`
	// Sum marks a numeric column whose cell is the sum of the row's other
	// numeric cells (cột tổng); computed when blank, checked when given.
	Sum bool `json:"sum,omitempty"`
	// Width is a relative width; columns without one share the rest.
	Width float64 `json:"width,omitempty" validate:"min=0"`
	// Children make this a group header.
	Children []Column `json:"children,omitempty"`
	// Kind of a leaf: text, number, money, percent, code or date (see
	// ColText …). Blank means number when Numeric is set, else text.
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=text number money percent code date"`
	// Key names a leaf for formulas and the words line ("so_luong").
	Key string `json:"key,omitempty"`
	// NoSum keeps a numeric column out of section subtotals and totals
	// (đơn giá, định mức, mức chi, tỉ lệ).
	NoSum bool `json:"no_sum,omitempty"`
	// Formula of a leaf's data cells (a product of columns).
	Formula *Formula `json:"formula,omitempty"`
}

// Row kinds.
const (
	RowData   = ""       // an ordinary row
	RowTotal  = "total"  // tổng cộng: numeric cells are column sums (error if given and different)
	RowTarget = "target" // chỉ tiêu: column sums of the data rows should reach it (warning)
	RowGroup  = "group"  // nhóm: a heading inside the table ("II. CỤM CÔNG NGHIỆP …"), its label across the whole row, no cells
	// mục: a row with cells like a data row whose summed numeric cells are
	// the subtotal of its children, the rows after it up to the next
	// section of the same or a higher level (or a total row).
	RowSection = "section"
)

// Row is one table row.
type Row struct {
	// Kind is "" (data), "total", "target", "group" or "section".
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=total target group section"`
	// Label of a total or target row, printed across the non-numeric
	// leading columns, e.g. "Tổng cộng", "Chỉ tiêu năm 2023"; of a group
	// row, printed bold across the whole row ("CHỈ SỐ CHUNG", "II. CỤM
	// CÔNG NGHIỆP ĐANG THÀNH LẬP (04 cụm)"). A group row has no cells and
	// takes no part in sums.
	Label string `json:"label,omitempty"`
	// Cells, one per leaf column (for total/target rows: one per leaf
	// column after the label span, or the full width). A cell is a string,
	// a number or null (blank). In a total row a null numeric cell is
	// computed.
	Cells []Cell `json:"cells"`
	// ID names the row for formulas and the words line ("nam", "tong").
	ID string `json:"id,omitempty"`
	// Level of a section row: 1 for "1", "I", 2 for "5.1" … When 0 it is
	// read from the row's first cell (one more than its dots), else 1.
	Level int `json:"level,omitempty" validate:"min=0,max=6"`
	// Formula of the row's summed numeric cells (times, percent or sum of
	// other rows). A total row without one adds the top-level rows above
	// it: its sections and the data rows outside any section.
	Formula *Formula `json:"formula,omitempty"`
	// Spans merge cells of a data or section row with their neighbours
	// to the right and the rows below (a TT merged over a section's lines,
	// one "Diện tích" over all the boundary points). The cells a span
	// covers are null.
	Spans []Span `json:"spans,omitempty" validate:"dive"`
}

// Span is a merged cell: the cell of leaf column Col (0-based) covers
// Cols columns and Rows rows (1 when 0), itself included.
type Span struct {
	Col  int `json:"col" validate:"min=0"`
	Cols int `json:"cols,omitempty" validate:"min=0"`
	Rows int `json:"rows,omitempty" validate:"min=0"`
}

// Attachment is a text issued with a quyết định (văn bản ban hành kèm
// theo), Mẫu 1.3 of Phụ lục III.
type Attachment struct {
	// Name (tên loại) of the attached text, printed bold upper case:
	// "QUY CHẾ", "QUY ĐỊNH", "ĐIỀU LỆ", "KẾ HOẠCH", "DANH SÁCH".
	Name string `json:"name" validate:"required"`
	// Summary (trích yếu) lines as the author breaks them, printed bold
	// under the name. Optional (a danh sách may have none).
	Summary []string `json:"summary,omitempty" validate:"max=6,dive,required"`
	// Ref is the "(Ban hành kèm theo …)" line as written. When empty it
	// is derived: "(Ban hành kèm theo Quyết định số …/QĐ-UBND ngày …
	// của …)", from this document's number, date and issuer.
	Ref string `json:"ref,omitempty"`
	// Notes are further italic lines under the reference, e.g. "(Gồm 01
	// đơn vị …)".
	Notes []string `json:"notes,omitempty" validate:"max=6,dive,required"`
	// NoHeader leaves out the agency and Quốc hiệu block that an attached
	// text carries by default.
	NoHeader bool `json:"no_header,omitempty"`
	// Orientation: "portrait" (default) or "landscape".
	Orientation string `json:"orientation,omitempty" validate:"omitempty,oneof=portrait landscape"`
	// Blocks of the attached text: Chương/Mục/Điều or I./1. headings,
	// paragraphs, items, tables. Unlabelled headings of a quy chế, quy
	// định or điều lệ are numbered "Điều 1.", "Điều 2." …
	Blocks []Block `json:"blocks" validate:"required,min=1"`
}

// Appendix is a phụ lục printed after the signature, on its own pages.
type Appendix struct {
	// Label is the heading line as the office writes it: "Phụ lục I",
	// "PHỤ LỤC", "Phụ lục số 01", "BIỂU SỐ 01". When empty: "Phụ lục",
	// numbered I, II … when there are several.
	Label string `json:"label,omitempty"`
	// Agency prints the issuing body's name at the top left of the
	// appendix, as a "Biểu số" form is headed.
	Agency bool `json:"agency,omitempty"`
	// Ref is the "(Kèm theo …)" line as written; derived from this
	// document's type, number, date and issuer when empty.
	Ref string `json:"ref,omitempty"`
	// Title (tên phụ lục), printed bold upper case.
	Title string `json:"title"`
	// Orientation: "auto" (default: landscape when a table is too wide),
	// "portrait" or "landscape".
	Orientation string `json:"orientation,omitempty" validate:"omitempty,oneof=auto portrait landscape"`
	// Blocks of the appendix, as in the body.
	Blocks []Block `json:"blocks"`
}

// Signature is the signing block (ô số 7).
type Signature struct {
	// Authority (quyền hạn) chain from the outermost: e.g.
	// [{"prefix":"TM.","title":"ỦY BAN NHÂN DÂN"},{"prefix":"KT.","title":"CHỦ TỊCH"}].
	Authority []Authority `json:"authority,omitempty"`
	// Title (chức vụ) of the signer, e.g. "PHÓ CHỦ TỊCH".
	Title string `json:"title"`
	// Name (họ và tên) of the signer; may be blank in a draft.
	Name string `json:"name,omitempty"`
	// Rank (cấp bậc, quân hàm) printed before the name, e.g. "Thiếu
	// tướng" or "Đại tá" in the police and the army ("Thiếu tướng Trương
	// Minh Đương").
	Rank string `json:"rank,omitempty"`
}

// Authority is one step of the chain: "TM.", "KT.", "TL.", "TUQ." or "Q."
// followed by the body or title it acts for.
type Authority struct {
	Prefix string `json:"prefix" validate:"required"`
	Title  string `json:"title" validate:"required"`
}

// Distribution is the Nơi nhận block.
type Distribution struct {
	// Recipients (nơi nhận) in order. For a công văn the first is usually
	// "Như trên".
	Recipients []Recipient `json:"recipients,omitempty"`
	// Archive (lưu) builds the "Lưu: VT, ..." line.
	Archive *Archive `json:"archive,omitempty"`
	// ArchiveLine is the Lưu line verbatim, for faithful transcription of an
	// existing document; it is checked and printed as given. Use Archive
	// for new documents.
	ArchiveLine string `json:"archive_line,omitempty"`
	// Electronic (bản điện tử) recipients who get the document only
	// through the electronic system, printed as a second list headed
	// "Bản điện tử:" under the paper list and its Lưu line.
	Electronic []Recipient `json:"electronic,omitempty"`
}

// Recipient is one line of Nơi nhận.
type Recipient struct {
	// Name (nơi nhận) as a Text: a plain string, or runs when the line
	// carries emphasis or a footnote.
	Name Text `json:"name"`
	// Note (ghi chú mục đích) such as "để b/c", printed in parentheses.
	Note string `json:"note,omitempty"`
	// NoteCovers makes the note cover several recipients: this line and
	// the NoteCovers-1 lines before it (1 or 0: this line only). Such a
	// note prints on its own line under the group, "(để đưa tin)", as
	// offices write it beside a brace.
	NoteCovers int `json:"note_covers,omitempty" validate:"min=0,max=100"`
}

// Archive is the content of the "Lưu:" line: "Lưu: VT, <units>." with the
// optional drafter mark and copy count (ô số 12).
type Archive struct {
	// Units (đơn vị lưu) after VT, e.g. ["KGVX"]; VT itself is implied.
	Units []string `json:"units,omitempty"`
	// Drafter (ký hiệu người soạn thảo), e.g. "h" or "PT".
	Drafter string `json:"drafter,omitempty"`
	// Copies (số lượng bản phát hành), e.g. 30.
	Copies int `json:"copies,omitempty" validate:"min=0"`
}

// Options are presentation choices.
type Options struct {
	// Numbering of headings without a written label: "roman" (I. / 1. /
	// a)), the default, "decimal" (I. / 1. / 1.1. / 1.1.1.) or "article"
	// (Điều 1. / 1. / a)), the default of a quyết định, nghị quyết, quy
	// chế and quy định.
	Numbering string `json:"numbering,omitempty" validate:"omitempty,oneof=roman decimal article"`
	// Tone (kiểu bỏ dấu): "old" ("hòa", "thủy") or "new" ("hoà", "thuỷ").
	// When set, every word is normalised to it; when empty, a document that
	// mixes them is printed in the style most of its words use, with a note.
	Tone string `json:"tone,omitempty" validate:"omitempty,oneof=old new"`
	// Words variants for amounts in words: "bốn" for "tư", "lẻ" for
	// "linh", "ngàn" for "nghìn".
	WordsBon  bool `json:"words_bon,omitempty"`
	WordsLe   bool `json:"words_le,omitempty"`
	WordsNgan bool `json:"words_ngan,omitempty"`
	// DraftMark prints a boxed "DỰ THẢO" at the top right of the first
	// page (and of each appendix's), as offices mark a draft sent round
	// for comment; an issued document leaves it off.
	DraftMark bool `json:"draft_mark,omitempty"`

	// Profile is the office's house style (margins, line spacing, indent,
	// sizes, room for the signature), each inside NĐ30's range; left out,
	// vanban's house style applies.
	Profile *Profile `json:"profile,omitempty"`
}
