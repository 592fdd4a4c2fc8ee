package compose

// Style names a paragraph's role. The DOCX template defines a Word style of
// the same name for each, so an office can restyle its documents in Word;
// the PDF writer reads the same values from Styles.
type Style string

const (
	StyleParentAgency   Style = "VbCoQuanChuQuan" // ô 2, chủ quản: upper case, regular
	StyleAgency         Style = "VbCoQuan"        // ô 2, ban hành: upper case, bold
	StyleNumber         Style = "VbSo"            // ô 3
	StyleSubject        Style = "VbVv"            // ô 5b, công văn "V/v"
	StyleNation         Style = "VbQuocHieu"      // ô 1
	StyleMotto          Style = "VbTieuNgu"       // ô 1
	StylePlaceDate      Style = "VbDiaDanh"       // ô 4
	StyleTitle          Style = "VbTenLoai"       // ô 5a
	StyleSummary        Style = "VbTrichYeu"      // ô 5a
	StyleAddressee      Style = "VbKinhGui"       // ô 9a
	StyleBasis          Style = "VbCanCu"         // căn cứ
	StyleBody           Style = "VbNoiDung"       // ô 6
	StyleHeading1       Style = "VbMuc"           // I.
	StyleHeading2       Style = "VbKhoan"         // 1.
	StyleHeading3       Style = "VbDiem"          // a)
	StyleBullet         Style = "VbGach"          // -
	StyleBullet2        Style = "VbCong"          // +
	StyleTableTitle     Style = "VbTenBang"
	StyleTableUnit      Style = "VbDonViTinh"
	StyleTableHeader    Style = "VbBangTieuDe"
	StyleTableCell      Style = "VbBangO"
	StyleTableNote      Style = "VbGhiChu"
	StyleRecipientsHead Style = "VbNoiNhan"     // ô 9b heading
	StyleRecipient      Style = "VbNoiNhanDong" // ô 9b lines
	StyleAuthority      Style = "VbQuyenHan"    // ô 7a
	StyleSignerName     Style = "VbHoTen"       // ô 7b
	StyleAppendixNo     Style = "VbPhuLuc"      // "Phụ lục I"
	StyleAppendixTitle  Style = "VbTenPhuLuc"
	StyleAppendixRef    Style = "VbKemTheo" // "(Kèm theo ...)"
	StylePageNumber     Style = "VbSoTrang"
	StyleFootnote       Style = "VbChuThich"
	// StyleCentered is a centred bold line of the text: "Chương I" and its
	// title, the thẩm quyền line and "QUYẾT ĐỊNH:" of a quyết định, the
	// name of an attached text.
	StyleCentered Style = "VbGiua"
	// StyleSummaryLine is a trích yếu line followed by another line of
	// the title block: no space after it.
	StyleSummaryLine Style = "VbTrichYeuDong"
	// StyleAgencyLeft is the body's name at the top left of a "Biểu số"
	// appendix.
	StyleAgencyLeft Style = "VbCoQuanTrai"
)

// StyleSpec is what a style means on paper. Sizes in points; indents in
// millimetres.
type StyleSpec struct {
	Size        float64
	Bold        bool
	Italic      bool
	Upper       bool // text is already upper case in the runs; recorded for the template
	Align       Align
	FirstIndent float64 // first-line indent, mm
	SpaceBefore float64 // pt
	SpaceAfter  float64 // pt
	// Line is the exact line height in points. Exact heights make Word,
	// LibreOffice and the PDF writer stack lines identically, which keeps
	// page breaks in step.
	Line float64
}

// Body text geometry shared by many styles: NĐ30 §3 (14 pt, justified,
// first line 1.27 cm, at least 6 pt between paragraphs, line spacing from
// single to 1.5).
const (
	bodySize   = 14
	bodyLine   = 17 // > 14 × 1.15 (single) and < 1.5 lines
	bodyIndent = 12.7
	bodyAfter  = 6
)

// Styles is the one table of paragraph styles.
var Styles = map[Style]StyleSpec{
	StyleParentAgency:   {Size: 12, Upper: true, Align: AlignCenter, Line: 14},
	StyleAgency:         {Size: 12, Bold: true, Upper: true, Align: AlignCenter, Line: 14},
	StyleNumber:         {Size: 13, Align: AlignCenter, SpaceBefore: 6, Line: 15},
	StyleSubject:        {Size: 12, Align: AlignCenter, SpaceBefore: 6, Line: 14},
	StyleNation:         {Size: 12, Bold: true, Upper: true, Align: AlignCenter, Line: 14},
	StyleMotto:          {Size: 14, Bold: true, Align: AlignCenter, Line: 17},
	StylePlaceDate:      {Size: 14, Italic: true, Align: AlignCenter, SpaceBefore: 6, Line: 17},
	StyleTitle:          {Size: 14, Bold: true, Upper: true, Align: AlignCenter, SpaceBefore: 18, Line: 17},
	StyleSummary:        {Size: 14, Bold: true, Align: AlignCenter, SpaceAfter: 12, Line: 17},
	StyleAddressee:      {Size: 14, Align: AlignCenter, SpaceBefore: 12, SpaceAfter: 12, Line: 17},
	StyleBasis:          {Size: bodySize, Italic: true, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleBody:           {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleHeading1:       {Size: bodySize, Bold: true, Upper: true, Align: AlignJustify, FirstIndent: bodyIndent, SpaceBefore: 6, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleHeading2:       {Size: bodySize, Bold: true, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleHeading3:       {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleBullet:         {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleBullet2:        {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine},
	StyleTableTitle:     {Size: 14, Bold: true, Align: AlignCenter, SpaceBefore: 6, SpaceAfter: 6, Line: bodyLine},
	StyleTableUnit:      {Size: 13, Italic: true, Align: AlignRight, SpaceAfter: 3, Line: 15},
	StyleTableHeader:    {Size: 12, Bold: true, Align: AlignCenter, Line: 14},
	StyleTableCell:      {Size: 12, Align: AlignLeft, Line: 14},
	StyleTableNote:      {Size: 13, Italic: true, Align: AlignJustify, SpaceBefore: 6, Line: 15},
	StyleRecipientsHead: {Size: 12, Bold: true, Italic: true, Align: AlignLeft, Line: 14},
	StyleRecipient:      {Size: 11, Align: AlignLeft, Line: 13},
	StyleAuthority:      {Size: 14, Bold: true, Upper: true, Align: AlignCenter, Line: 17},
	StyleSignerName:     {Size: 14, Bold: true, Align: AlignCenter, Line: 17},
	StyleAppendixNo:     {Size: 14, Bold: true, Align: AlignCenter, Line: 17},
	StyleAppendixTitle:  {Size: 14, Bold: true, Upper: true, Align: AlignCenter, Line: 17},
	StyleAppendixRef:    {Size: 14, Italic: true, Align: AlignCenter, SpaceAfter: 12, Line: 17},
	StylePageNumber:     {Size: 14, Align: AlignCenter, Line: 17},
	StyleFootnote:       {Size: 10, Align: AlignJustify, Line: 12},
	StyleCentered:       {Size: 14, Bold: true, Align: AlignCenter, SpaceBefore: 6, SpaceAfter: 6, Line: bodyLine},
	StyleSummaryLine:    {Size: 14, Bold: true, Align: AlignCenter, Line: 17},
	StyleAgencyLeft:     {Size: 12, Bold: true, Upper: true, Align: AlignLeft, Line: 14},
}

// PageSetup is the A4 page and its margins in millimetres (NĐ30 Phụ lục I
// §I: top and bottom 20-25, left 30-35, right 15-20). We take the lower
// bound of each range: the most text per page that is still lawful.
type PageSetup struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	// HeaderDistance is where the page number's line sits from the top edge.
	HeaderDistance float64
}

// Page is the portrait setup; a landscape section swaps Width and Height
// and keeps the binding edge on the left (same margins).
var Page = PageSetup{Width: 210, Height: 297, Top: 20, Bottom: 20, Left: 30, Right: 15, HeaderDistance: 10}

// Landscape returns the setup for a landscape section.
func (p PageSetup) Landscape() PageSetup {
	p.Width, p.Height = p.Height, p.Width
	return p
}

// TextWidth is the width between the margins.
func (p PageSetup) TextWidth() float64 { return p.Width - p.Left - p.Right }

// DraftMark is the mark a draft prints when options.draft_mark asks.
const DraftMark = "DỰ THẢO"

// MarkSize is the mark's size in points; it is set bold in a box.
const MarkSize = 13
