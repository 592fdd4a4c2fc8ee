package compose

import "math"

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
	// Spacing, when set, makes Line a multiple of single line spacing:
	// Line is SpacedLine(Size, Spacing), and the DOCX declares it as Word's
	// "Multiple" (w:lineRule="auto", w:line=240×Spacing), so a clerk who
	// opens it in Word sees "Single" (1) rather than an exact height.
	// Word with Times New Roman and LibreOffice with Liberation Serif stack
	// such lines at that same pitch.
	Spacing float64
}

// SingleLine is the single line spacing per point of font size of Times
// New Roman and of Liberation Serif, which shares its metrics: (ascender
// 1825 + descender 443 + line gap 87) / 2048 units per em. At 14 pt it is
// Word's 16.1 pt (43 lines on a page with our margins); layout's tests
// check it against the loaded face.
const SingleLine = 2355.0 / 2048

// SpacedLine is the pitch in points of lines of size pt at mult times
// single spacing, rounded to whole twips as both writers round lengths.
func SpacedLine(size, mult float64) float64 {
	return math.Round(size*SingleLine*mult*20) / 20
}

// ExactLine is the exact line height the header and closing styles use
// for size pt: single spacing rounded up to a whole point, so an exact
// line never clips a glyph (12 → 14, 13 → 15, 14 → 17 with 1.2 for air).
func ExactLine(size float64) float64 { return math.Ceil(size * SingleLine) }

// Body text geometry shared by many styles: NĐ30 §3 (14 pt, justified,
// first line 1 cm or 1.27 cm, at least 6 pt between paragraphs, line
// spacing from single to 1.5). The house style is what most real
// born-digital documents do (README, "House style"): single spacing
// (16.1 pt at 14 pt, Word's default). The indent is the 1 cm, the
// lower end of NĐ30's range: the corpus mostly prints 1.25-1.27 cm, which an
// imported document keeps as its own profile (importer's profile reading).
const (
	bodySize    = 14
	bodySpacing = 1
	bodyLine    = 16.1 // SpacedLine(bodySize, bodySpacing); TestHouseLines
	bodyIndent  = 10
	bodyAfter   = 6
	// agencySize is the issuing body's size (ô 2): 13 pt, as most offices
	// print it (NĐ30: 12-13). The chủ quản line above it stays at 12 pt,
	// as the decree's own example has it: at 13 pt a long chủ quản name and
	// the Quốc hiệu leave too little air between the columns.
	agencySize = 13
	agencyLine = 15 // ExactLine(agencySize)
)

// StyleTable maps each style to what it means on paper.
type StyleTable map[Style]StyleSpec

// Styles is the house style's table of paragraph styles; a document's own
// table is Geometry.Styles (GeometryOf), which an office profile derives
// from this one.
var Styles = StyleTable{
	StyleParentAgency:   {Size: 12, Upper: true, Align: AlignCenter, Line: 14},
	StyleAgency:         {Size: agencySize, Bold: true, Upper: true, Align: AlignCenter, Line: agencyLine},
	StyleNumber:         {Size: 13, Align: AlignCenter, SpaceBefore: 6, Line: 15},
	StyleSubject:        {Size: 12, Align: AlignCenter, SpaceBefore: 6, Line: 14},
	StyleNation:         {Size: 12, Bold: true, Upper: true, Align: AlignCenter, Line: 14},
	StyleMotto:          {Size: 14, Bold: true, Align: AlignCenter, Line: 17},
	StylePlaceDate:      {Size: 14, Italic: true, Align: AlignCenter, SpaceBefore: 6, Line: 17},
	StyleTitle:          {Size: 14, Bold: true, Upper: true, Align: AlignCenter, SpaceBefore: 18, Line: 17},
	StyleSummary:        {Size: 14, Bold: true, Align: AlignCenter, SpaceAfter: 12, Line: 17},
	StyleAddressee:      {Size: 14, Align: AlignCenter, SpaceBefore: 12, SpaceAfter: 12, Line: 17},
	StyleBasis:          {Size: bodySize, Italic: true, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleBody:           {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleHeading1:       {Size: bodySize, Bold: true, Upper: true, Align: AlignJustify, FirstIndent: bodyIndent, SpaceBefore: 6, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleHeading2:       {Size: bodySize, Bold: true, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleHeading3:       {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleBullet:         {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleBullet2:        {Size: bodySize, Align: AlignJustify, FirstIndent: bodyIndent, SpaceAfter: bodyAfter, Line: bodyLine, Spacing: bodySpacing},
	StyleTableTitle:     {Size: 14, Bold: true, Align: AlignCenter, SpaceBefore: 6, SpaceAfter: 6, Line: bodyLine, Spacing: bodySpacing},
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
	StyleCentered:       {Size: 14, Bold: true, Align: AlignCenter, SpaceBefore: 6, SpaceAfter: 6, Line: bodyLine, Spacing: bodySpacing},
	StyleSummaryLine:    {Size: 14, Bold: true, Align: AlignCenter, Line: 17},
	StyleAgencyLeft:     {Size: agencySize, Bold: true, Upper: true, Align: AlignLeft, Line: agencyLine},
}

// PageSetup is the A4 page and its margins in millimetres (NĐ30 Phụ lục I
// §I: top and bottom 20-25, left 30-35, right 15-20). We take the lower
// bound of each range (the most text per page that is still lawful),
// except on the right: 20 mm, as most real documents have it.
type PageSetup struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	// HeaderDistance is where the page number's line sits from the top edge.
	HeaderDistance float64
}

// Page is the portrait setup; a landscape section swaps Width and Height
// and keeps the binding edge on the left (same margins).
var Page = PageSetup{Width: 210, Height: 297, Top: 20, Bottom: 20, Left: 30, Right: 20, HeaderDistance: 10}

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
