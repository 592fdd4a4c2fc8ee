package compose

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// Options change how a document is composed.
type Options struct {
	// Draft composes a dự thảo: blank number and date parts print as room
	// for the clerk, and a blank signer name prints no name line. Blank
	// values print the same way outside a draft (compose never fails on
	// them; the validator reports them), so Draft only documents intent.
	Draft bool
	// Tone is the tone-mark style ("old", "new") normalisation found the
	// document written in when options.tone is blank
	// (document.ToneReport.Style); the fixed texts (Quốc hiệu) follow
	// options.tone, else this, else the decree's own spelling.
	Tone string
}

// Fixed texts of the header (Phụ lục I, ô 1).
const (
	NationText = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	MottoText  = "Độc lập - Tự do - Hạnh phúc"
)

// NumberGap is the room left for a number not yet registered: six spaces
// between "Số:" and "/" ("Số:      /KH-UBND"), enough for a four-digit
// number written by hand at 13 pt, like vntext.BlankGap for the date.
const NumberGap = "      "

// SignSpace is the room for the signature and the seal between the last
// title line and the signer's name, in points: one inch, the height of a
// round seal's upper two thirds at the usual 13-14 pt line.
const SignSpace = 72

// epoch is Meta.Date when the document gives no year: outputs must not
// depend on the clock.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Compose turns a decoded, normalised and validated document into its
// printed pieces. It decides all wording, labels, numbers and totals; it
// never fails on a document that passed validation without errors, but
// returns an error (never panics) on anything it cannot compose. It does
// not change d.
func Compose(d *document.Document, opt Options) (*Document, error) {
	if d == nil {
		return nil, errors.New("compose: nil document")
	}
	typ, ok := document.LookupType(d.Type)
	if !ok {
		return nil, fmt.Errorf("compose: unknown document type %q", d.Type)
	}
	c := &composer{d: d, typ: typ, opt: opt, geo: GeometryOf(d.Options.Profile)}
	out := &Document{Meta: c.meta(), Geometry: c.geo}
	if d.Options.DraftMark {
		out.Mark = DraftMark
	}

	main, err := c.mainSection()
	if err != nil {
		return nil, err
	}
	out.Sections = append(out.Sections, main)
	for i := range d.Attachments {
		s, err := c.attachment(i)
		if err != nil {
			return nil, fmt.Errorf("compose: attachment %d: %w", i+1, err)
		}
		out.Sections = append(out.Sections, s)
	}
	for i := range d.Appendices {
		s, err := c.appendix(i)
		if err != nil {
			return nil, fmt.Errorf("compose: appendix %d: %w", i+1, err)
		}
		out.Sections = append(out.Sections, s)
	}
	for i := range out.Sections {
		keepLeadIns(out.Sections[i].Blocks)
	}
	out.Footnotes = c.footnotes
	return out, nil
}

// keepLeadIns keeps a paragraph that ends with a colon ("Cụ thể như sau:",
// "trong đó:") on the page of what it introduces: a clerk never wants the
// announcement at the foot of one page and the table or list on the next.
func keepLeadIns(bs []Block) {
	for i := 0; i+1 < len(bs); i++ {
		p := bs[i].Para
		if p == nil || len(p.Runs) == 0 {
			continue
		}
		last := strings.TrimRightFunc(p.Runs[len(p.Runs)-1].Text, unicode.IsSpace)
		if strings.HasSuffix(last, ":") {
			p.KeepNext = true
		}
	}
}

// composer carries what every part of one Compose call shares: the input,
// its type and the footnotes numbered so far.
type composer struct {
	d         *document.Document
	typ       document.DocType
	opt       Options
	geo       Geometry // the house style, or the document's profile applied
	footnotes []Footnote
	// landscape is set while an appendix that prints landscape is being
	// composed: its tables are laid out for the wider page.
	landscape bool
	// divisions counts the Phần/Chương/Mục headings being composed
	// around the current block.
	divisions int
	// scheme, when set, is the numbering of the text being composed (an
	// attached text numbers its own way).
	scheme string
}

func (c *composer) letter() bool { return c.typ.IsLetter() }

// toned writes a fixed text in the document's tone-mark style
// (options.tone, or the majority style normalisation found), so the Quốc
// hiệu does not read "HÒA" over a body of "hoà".
func (c *composer) toned(s string) string {
	if t := c.d.Options.Tone; t != "" {
		return vntext.MoveTone(s, t)
	}
	return vntext.MoveTone(s, c.opt.Tone)
}

// Symbol returns the ký hiệu of d: the given one, or the one NĐ30 §6
// derives: "<type>-<issuer>" (KH-UBND) for a typed document,
// "<issuer>-<unit>" (UBND-VX) for a công văn, just "<issuer>" when a công
// văn has no unit.
func Symbol(d *document.Document) string {
	if d.Symbol != "" {
		return d.Symbol
	}
	t, _ := document.LookupType(d.Type)
	if t.IsLetter() || t.Abbreviation == "" {
		if d.Issuer.Unit == "" {
			return d.Issuer.Abbreviation
		}
		return d.Issuer.Abbreviation + "-" + d.Issuer.Unit
	}
	return t.Abbreviation + "-" + d.Issuer.Abbreviation
}

// numberSymbol is "1653/KH-UBND", or "      /KH-UBND" with room for the
// number when it is blank.
func (c *composer) numberSymbol() string {
	n := strings.TrimSpace(c.d.Number)
	if n == "" {
		return NumberGap + "/" + Symbol(c.d)
	}
	return n + "/" + Symbol(c.d)
}

func (c *composer) date() vntext.Date {
	return vntext.Date{Day: c.d.Date.Day, Month: c.d.Date.Month, Year: c.d.Date.Year}
}

func (c *composer) meta() Meta {
	d := c.d
	m := Meta{
		Author:  strings.Join(d.Issuer.Name, " "),
		Creator: "vanban",
		Date:    epoch,
	}
	if c.letter() {
		m.Title = subjectLine(d.Subject)
	} else {
		m.Title = d.Summary
	}
	if m.Title == "" {
		// A giấy mời without trích yếu is found by its name.
		m.Title = c.typ.Name
		if t := strings.TrimSpace(d.Title); t != "" {
			m.Title = vntext.CapitalizeFirst(vntext.Lower(t))
		}
	}
	// Metadata is searched, not printed: a draft with no number yet is
	// found by its ký hiệu, and says it is a draft.
	if n := strings.TrimSpace(d.Number); n != "" {
		m.Keywords = n + "/" + Symbol(d)
		m.Subject = c.typ.Name + " số " + m.Keywords
	} else {
		m.Keywords = Symbol(d)
		m.Subject = "Dự thảo " + vntext.Lower(c.typ.Name) + ", ký hiệu " + m.Keywords
	}
	m.Date = metaDate(c.date())
	return m
}

// metaDate is the document's date for the files' metadata: the parts a
// draft leaves blank count as the first (a plan dated only "năm 2024" is
// 2024-01-01), and a document with no year gets epoch.
func metaDate(dt vntext.Date) time.Time {
	if dt.Year == 0 {
		return epoch
	}
	month, day := max(dt.Month, 1), max(dt.Day, 1)
	if t := time.Date(dt.Year, time.Month(month), day, 0, 0, 0, 0, time.UTC); t.Day() == day {
		return t
	}
	return time.Date(dt.Year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
}

// subjectLine is the công văn trích yếu with its "V/v" prefix, added once.
func subjectLine(s string) string {
	s = strings.TrimSpace(s)
	if low := strings.ToLower(s); strings.HasPrefix(low, "v/v ") || low == "v/v" {
		return "V/v" + s[3:]
	}
	return "V/v " + s
}

func plainPara(st Style, text string) Para {
	return Para{Style: st, Runs: []Run{{Text: text}}}
}

func (c *composer) header() *Header {
	d := c.d
	h := &Header{}
	for _, l := range d.Issuer.Parent {
		h.Agency = append(h.Agency, plainPara(StyleParentAgency, vntext.Upper(l)))
	}
	for _, l := range d.Issuer.Name {
		h.Agency = append(h.Agency, plainPara(StyleAgency, vntext.Upper(l)))
	}
	if co := d.CoIssuer; co != nil {
		// A joint document names both bodies, the second under the first.
		for _, l := range co.Name {
			h.Agency = append(h.Agency, plainPara(StyleAgency, vntext.Upper(l)))
		}
	}
	if n := len(h.Agency); n > 0 {
		h.Agency[n-1].Rule = RuleShort
	}
	h.Nation = []Para{plainPara(StyleNation, c.toned(NationText)), plainPara(StyleMotto, MottoText)}
	h.Nation[1].Rule = RuleText
	h.Number = plainPara(StyleNumber, "Số: "+c.numberSymbol())
	if strings.TrimSpace(d.Number) == "" {
		// "Số:" then the gap: no extra space, so the gap is exactly NumberGap.
		h.Number = plainPara(StyleNumber, "Số:"+c.numberSymbol())
	}
	date := vntext.FormatDate(c.date())
	if p := strings.TrimSpace(d.Place); p != "" {
		h.PlaceDate = plainPara(StylePlaceDate, p+", "+date)
	} else {
		h.PlaceDate = plainPara(StylePlaceDate, vntext.CapitalizeFirst(date))
	}
	if c.letter() {
		h.Subject = []Para{plainPara(StyleSubject, subjectLine(d.Subject))}
	}
	return h
}

// addressees builds the Kính gửi block. One addressee goes on the lead's
// line as written (NĐ30 §7 and the công văn samples put no punctuation
// after a single addressee); several become "- A;" ... "- Z.". Footnotes
// on an addressee are numbered where they stand, like a paragraph's.
func (c *composer) addressees(list []document.Text) *Addressees {
	a := &Addressees{Lead: "Kính gửi:"}
	names := nonBlank(list)
	if len(names) == 1 {
		a.Lines = [][]Run{c.runs(names[0], false)}
		return a
	}
	for i, t := range names {
		a.Lines = append(a.Lines, c.listLine(t, "- ", listEnd(i, len(names))))
	}
	return a
}

// nonBlank drops the lines with neither text nor a footnote.
func nonBlank(list []document.Text) []document.Text {
	var out []document.Text
	for _, t := range list {
		if len(TrimListMarks(t)) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// listEnd is the punctuation of line i of n in a "- A;" … "- Z." list.
func listEnd(i, n int) string {
	if i == n-1 {
		return "."
	}
	return ";"
}

// listLine is one line of a dashed list (Kính gửi, the addressees of a
// công điện): the dash or sign the author typed before it and the
// punctuation after it replaced by prefix and end, so neither is doubled. When the last run carries a footnote,
// end follows its mark.
func (c *composer) listLine(t document.Text, prefix, end string) []Run {
	rs := c.runs(TrimListMarks(t), false)
	if len(rs) == 0 {
		return []Run{{Text: prefix + end}}
	}
	rs[0].Text = prefix + rs[0].Text
	if last := &rs[len(rs)-1]; last.Footnote == 0 && !last.Bold && !last.Italic {
		last.Text += end
		return rs
	}
	// After a footnote mark, or an emphasised word, the list's own
	// punctuation is a regular run of its own.
	return append(rs, Run{Text: end})
}

// TrimListMarks removes what a list line (Kính gửi, a công điện's
// addressees) may carry as typed and the list prints itself: a dash or
// plus before it, ";", ".", "," or ":" after it. The importer cleans an
// addressee with it, compose before printing, so the two agree.
func TrimListMarks(t document.Text) document.Text {
	return trimEnds(t, "-–+ \t", ";.,: \t")
}

// trimEnds removes the characters in left from the start and those in
// right from the end of a copy of t; runs left empty at either end
// without a footnote go. A footnote mark stays on its word: "địa bàn;¹"
// becomes "địa bàn¹".
func trimEnds(t document.Text, left, right string) document.Text {
	t = append(document.Text(nil), t...)
	for len(t) > 0 {
		t[0].Text = strings.TrimLeft(t[0].Text, left)
		if t[0].Text != "" || t[0].Footnote != "" {
			break
		}
		t = t[1:]
	}
	for len(t) > 0 {
		n := len(t) - 1
		t[n].Text = strings.TrimRight(t[n].Text, right)
		if t[n].Text != "" || t[n].Footnote != "" {
			break
		}
		t = t[:n]
	}
	return t
}

func (c *composer) mainSection() (Section, error) {
	d := c.d
	s := Section{}
	s.Blocks = append(s.Blocks, Block{Header: c.header()})
	if !c.letter() {
		name := c.typ.Name
		if t := strings.TrimSpace(d.Title); t != "" {
			name = t
		}
		s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleTitle, Runs: []Run{{Text: vntext.Upper(name)}}}})
		// A giấy mời, giấy giới thiệu or giấy nghỉ phép may have no
		// trích yếu: its name stands alone.
		if strings.TrimSpace(d.Summary) != "" || !c.typ.SummaryOptional() {
			s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleSummary, Runs: []Run{{Text: d.Summary}}, Rule: RuleShort}})
		}
		if n := len(d.SummaryLines); n > 1 {
			// The author's line breaks: every line but the last without
			// space after it, the rule under the last.
			last := s.Blocks[len(s.Blocks)-1].Para
			s.Blocks = s.Blocks[:len(s.Blocks)-1]
			for _, l := range d.SummaryLines[:n-1] {
				s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleSummaryLine, Runs: []Run{{Text: strings.TrimSpace(l)}}}})
			}
			last.Runs = []Run{{Text: strings.TrimSpace(d.SummaryLines[n-1])}}
			s.Blocks = append(s.Blocks, Block{Para: last})
		}
		if len(d.TitleNotes) > 0 {
			// Extra lines of the title block ("(Cấp lần đầu …)") sit
			// under the trích yếu, and the short rule under them.
			last := s.Blocks[len(s.Blocks)-1].Para
			last.Rule = RuleNone
			if last.Style == StyleSummary {
				last.Style = StyleSummaryLine
			}
			s.Blocks = append(s.Blocks, refLines(d.TitleNotes)...)
		}
	}
	telegram := d.Type == TypeTelegram && len(d.Competence) > 0
	for i, l := range d.Competence {
		l = vntext.Upper(strings.TrimSpace(l))
		if telegram && i == len(d.Competence)-1 {
			// Mẫu 1.6: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH … điện:".
			l = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(l, ":")), " ĐIỆN") + " điện:"
		}
		s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleCentered, Runs: []Run{{Text: l}}, KeepNext: true}})
	}
	switch {
	case telegram:
		// A công điện lists whom it is sent to under its sender line, as
		// "- …;" lines, with no "Kính gửi:".
		names := nonBlank(d.Addressees)
		for i, a := range names {
			s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleBullet, Label: BulletDash, Runs: c.listLine(a, "", listEnd(i, len(names))), KeepNext: true}})
		}
	case len(d.Addressees) > 0:
		// A công văn has Kính gửi; so may a tờ trình or a báo cáo sent to
		// a superior (NĐ30 §7), under its trích yếu.
		s.Blocks = append(s.Blocks, Block{Addressees: c.addressees(d.Addressees)})
	}
	start := len(s.Blocks)
	for _, t := range d.Bases {
		s.Blocks = append(s.Blocks, Block{Para: c.textPara(StyleBasis, "", t)})
	}
	for _, t := range d.Intro {
		s.Blocks = append(s.Blocks, Block{Para: c.textPara(StyleBody, "", t)})
	}
	if l := DecisionLine(d.Type); l != "" {
		s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleCentered, Runs: []Run{{Text: l}}, KeepNext: true}})
	}
	body, err := c.blocks(d.Body, startPath(d.Body, c.letter()), 0)
	if err != nil {
		return s, fmt.Errorf("compose: body: %w", err)
	}
	s.Blocks = append(s.Blocks, body...)
	for _, t := range d.Closing {
		s.Blocks = append(s.Blocks, Block{Para: c.textPara(StyleBody, "", t)})
	}
	if p := lastPara(s.Blocks[start:]); p != nil {
		p.Runs = appendEnding(p.Runs)
		p.KeepNext = true
	}
	s.Blocks = append(s.Blocks, c.closings()...)
	return s, nil
}

// TypeTelegram is the công điện (Mẫu 1.6): a sender line ending "điện:"
// and its recipients, then the text.
const TypeTelegram = "cong_dien"

// DecisionLine is the centred line between the căn cứ and the articles
// of a quyết định ("QUYẾT ĐỊNH:") or a nghị quyết ("QUYẾT NGHỊ:"), Mẫu
// 1.1–1.3; "" for other types.
func DecisionLine(typ string) string {
	switch typ {
	case "quyet_dinh":
		return "QUYẾT ĐỊNH:"
	case "nghi_quyet":
		return "QUYẾT NGHỊ:"
	}
	return ""
}

// refLines are italic centred lines of a title block ("(Ban hành kèm theo
// …)", "(Gồm 01 đơn vị …)"), the short rule under the last.
func refLines(lines []string) []Block {
	var out []Block
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, Block{Para: &Para{Style: StyleAppendixRef, Runs: []Run{{Text: l}}}})
		}
	}
	if n := len(out); n > 0 {
		out[n-1].Para.Rule = RuleShort
	}
	return out
}

// attachment composes a text issued with the document (Mẫu 1.3): its own
// heading block (agency and Quốc hiệu, no number, no date), its name and
// trích yếu, the "(Ban hành kèm theo …)" line and its text, ending "./.".
// It has no signature: the quyết định that issues it is signed.
func (c *composer) attachment(i int) (Section, error) {
	a := c.d.Attachments[i]
	s := Section{RestartNumbering: true, NumberFirstPage: true, Landscape: a.Orientation == "landscape"}
	if !a.NoHeader {
		h := c.header()
		h.Number, h.PlaceDate, h.Subject = Para{Style: StyleNumber}, Para{Style: StylePlaceDate}, nil
		s.Blocks = append(s.Blocks, Block{Header: h})
	}
	s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleTitle, Runs: []Run{{Text: vntext.Upper(strings.TrimSpace(a.Name))}}}})
	for _, l := range a.Summary {
		s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleSummaryLine, Runs: []Run{{Text: strings.TrimSpace(l)}}}})
	}
	ref := strings.TrimSpace(a.Ref)
	if ref == "" {
		ref = c.kemTheo("Ban hành kèm theo")
	}
	s.Blocks = append(s.Blocks, refLines(append([]string{ref}, a.Notes...))...)
	c.scheme = attachmentNumbering(a.Name, Numbering(c.d))
	c.landscape = s.Landscape
	defer func() { c.scheme, c.landscape = "", false }()
	start := len(s.Blocks)
	bs, err := c.blocks(a.Blocks, startPath(a.Blocks, false), 0)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, bs...)
	if p := lastPara(s.Blocks[start:]); p != nil {
		p.Runs = appendEnding(p.Runs)
	}
	return s, nil
}

// startPath is the heading path above the top-level headings: empty when
// they are mục, {0} when they are khoản (HeadingLabel then reads level 2).
func startPath(bs []document.Block, letter bool) []int {
	if StartLevel(bs, letter) == 2 {
		return []int{0}
	}
	return nil
}

// lastPara is the last paragraph of the main text, the one that carries
// "./." and must stay with the signature block.
func lastPara(bs []Block) *Para {
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].Para != nil {
			return bs[i].Para
		}
	}
	return nil
}

// Ending is the mark closing the main text of every NĐ30 sample.
const Ending = "./."

// AppendEnding adds "./." to the end of s following NĐ30's samples
// ("…thi hành Nghị định này./."): the sentence's own period is kept and "/."
// added; a text already ending "./." is left alone; a trailing ";", "," or
// ":" (a list that was not closed) is replaced; anything else gets "./.".
func AppendEnding(s string) string {
	t := strings.TrimRight(s, " ")
	switch {
	case strings.HasSuffix(t, Ending):
		return t
	case strings.HasSuffix(t, "."):
		return t + "/."
	}
	return strings.TrimRight(t, ";,:") + Ending
}

// appendEnding applies AppendEnding to the last run, or adds a run when the
// last one carries a footnote mark (the mark must stay on its word).
func appendEnding(runs []Run) []Run {
	if len(runs) == 0 {
		return []Run{{Text: Ending}}
	}
	last := &runs[len(runs)-1]
	if last.Footnote > 0 {
		return append(runs, Run{Text: "/.", Bold: last.Bold, Italic: last.Italic})
	}
	last.Text = AppendEnding(last.Text)
	return runs
}

// textPara converts model runs, numbering footnotes as they are met.
func (c *composer) textPara(st Style, label string, t document.Text) *Para {
	return &Para{Style: st, Label: label, Runs: c.runs(t, false)}
}

func (c *composer) runs(t document.Text, upper bool) []Run {
	out := make([]Run, 0, len(t))
	for _, r := range t {
		x := Run{Text: r.Text, Bold: r.Bold, Italic: r.Italic}
		if upper {
			x.Text = vntext.Upper(x.Text)
		}
		if r.Footnote != "" {
			id := len(c.footnotes) + 1
			c.footnotes = append(c.footnotes, Footnote{ID: id, Text: r.Footnote})
			x.Footnote = id
		}
		out = append(out, x)
	}
	return out
}

func (c *composer) appendix(i int) (Section, error) {
	d := c.d
	a := d.Appendices[i]
	// Each appendix is numbered on its own from 1 (NĐ30 Phụ lục I, mục
	// I.7); the rule that hides the number is written for page 1 of the
	// document, so an appendix shows its "1": a one-page appendix at the
	// end would otherwise carry no number a reader (or vanban check) can tell
	// from a missing one.
	s := Section{RestartNumbering: true, NumberFirstPage: true}
	no := appendixNo(a, i, len(d.Appendices))
	if a.Agency {
		// A "Biểu số" form names its body at the top left.
		for _, l := range d.Issuer.Name {
			s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleAgencyLeft, Runs: []Run{{Text: vntext.Upper(strings.TrimSpace(l))}}}})
		}
	}
	s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleAppendixNo, Runs: []Run{{Text: no}}}})
	if t := strings.TrimSpace(a.Title); t != "" {
		s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleAppendixTitle, Runs: []Run{{Text: vntext.Upper(t)}}}})
	}
	ref := strings.TrimSpace(a.Ref)
	if ref == "" {
		ref = c.appendixRef()
	}
	s.Blocks = append(s.Blocks, Block{Para: &Para{Style: StyleAppendixRef, Runs: []Run{{Text: ref}}, Rule: RuleShort}})
	switch a.Orientation {
	case "landscape":
		s.Landscape = true
	case "portrait":
	default:
		s.Landscape = anyTable(a.Blocks, NeedsLandscape)
	}
	c.landscape = s.Landscape
	defer func() { c.landscape = false }()
	bs, err := c.blocks(a.Blocks, startPath(a.Blocks, c.letter()), 0)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, bs...)
	return s, nil
}

// appendixNo is the "Phụ lục I" line of appendix i of n: the label as
// written when the appendix has one ("BIỂU SỐ 01", "Phụ lục số 01"), else
// just "Phụ lục" when there is one.
func appendixNo(a document.Appendix, i, n int) string {
	if l := strings.TrimSpace(a.Label); l != "" {
		return l
	}
	if n > 1 {
		return "Phụ lục " + Roman(i+1)
	}
	return "Phụ lục"
}

// appendixRef is the "(Kèm theo Kế hoạch số 1653/KH-UBND ngày 30 tháng 6
// năm 2023 của UBND tỉnh)" line (NĐ30 §9, Mẫu 2.1).
func (c *composer) appendixRef() string { return c.kemTheo("Kèm theo") }

// kemTheo is the reference line of an appendix ("Kèm theo") or an
// attached text ("Ban hành kèm theo") to this document.
func (c *composer) kemTheo(lead string) string {
	var b strings.Builder
	b.WriteString("(" + lead + " ")
	b.WriteString(c.typ.Name)
	b.WriteString(" số")
	if strings.TrimSpace(c.d.Number) != "" {
		b.WriteByte(' ')
	}
	b.WriteString(c.numberSymbol())
	b.WriteByte(' ')
	b.WriteString(vntext.FormatDate(c.date()))
	if who := IssuedBy(c.d); who != "" {
		b.WriteString(" của ")
		b.WriteString(who)
	}
	b.WriteByte(')')
	return b.String()
}

// IssuedBy is who issued d as a sentence names it after "của": the body
// ("UBND tỉnh", or its name in sentence case), or, when a quyết định's
// thẩm quyền is a head of the body rather than the body itself, that head
// ("Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ"), as the decree's Mẫu 1.3
// fills its "(Kèm theo Quyết định số … của …)" line. The head's title is
// what the thẩm quyền adds before the body's name; a thẩm quyền that does
// not end with the body's name is printed whole, in sentence case.
func IssuedBy(d *document.Document) string {
	body := strings.TrimSpace(d.Issuer.ShortName)
	if body == "" {
		body = sentenceCase(d.Issuer.Name)
	}
	comp := withoutSession(strings.Join(strings.Fields(strings.Join(d.Competence, " ")), " "))
	if comp == "" {
		return body
	}
	name := strings.Join(strings.Fields(strings.Join(d.Issuer.Name, " ")), " ")
	upper := vntext.Upper(comp)
	if name != "" && upper == vntext.Upper(name) {
		return body // the collective decides: the body itself
	}
	if title, ok := strings.CutSuffix(upper, " "+vntext.Upper(name)); ok && name != "" {
		title = vntext.CapitalizeFirst(vntext.Lower(strings.TrimSpace(title)))
		if body == "" || strings.HasPrefix(vntext.Lower(body), vntext.Lower(title)+" ") {
			return body // a short name that already names the head
		}
		return title + " " + body
	}
	return sentenceCase([]string{comp})
}

// sessionWords open the part of a thẩm quyền that names the term and
// sitting of an elected body, "… KHÓA X, KỲ HỌP THỨ 25" (a Hội đồng nhân
// dân's nghị quyết, Mẫu 1.1): it says when the body resolved, not who, so
// a "của …" line leaves it out.
var sessionWords = regexp.MustCompile(`[ ,]+(KHÓA|KHOÁ|NHIỆM KỲ) [IVXLCDM0-9]|[ ,]+KỲ HỌP `)

// withoutSession is comp up to its term and sitting (sessionWords).
func withoutSession(comp string) string {
	up := vntext.Upper(comp)
	if len(up) != len(comp) {
		return comp // no case mapping changes the length of Vietnamese text; be safe
	}
	if loc := sessionWords.FindStringIndex(up); loc != nil && loc[0] > 0 {
		return comp[:loc[0]]
	}
	return comp
}

// sentenceCase turns the upper-case name lines of a body ("ỦY BAN NHÂN
// DÂN", "TỈNH GIA LAI") into the form used inside a sentence ("Ủy ban nhân
// dân tỉnh Gia Lai"), following Phụ lục II: the body's first line is
// lowered but for its first letter; a later line that starts with an
// administrative unit keeps the unit word lower case and capitalises each
// word of the place name. Lines the author did not type in capitals are
// kept as written. Used only when the issuer has no short_name.
func sentenceCase(lines []string) string {
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !vntext.IsUpper(l) {
			out = append(out, l)
			continue
		}
		low := vntext.Lower(l)
		if i == 0 {
			out = append(out, bodyCase(low))
			continue
		}
		out = append(out, placeCase(low))
	}
	return strings.Join(out, " ")
}

// bodyWords name the kind of a body; Phụ lục II capitalises the word after
// them, the first of the field's name ("Sở Y tế", "Bộ Tài chính").
var bodyWords = []string{"tổng cục", "văn phòng", "trung tâm", "sở", "bộ", "ban", "phòng", "cục", "hội", "viện"}

// wholeKinds are the bodies of a local government whose name is all kind
// and no field (Phụ lục II: "Hội đồng nhân dân tỉnh Sơn La"): they must not
// read "hội" as the kind of an association ("Hội Nông dân") and capitalise
// what follows it.
var wholeKinds = []string{"hội đồng nhân dân", "ủy ban nhân dân", "uỷ ban nhân dân"}

// bodyCase capitalises a lower-case body name: its first letter, and
// after a kind word the first word of each field of its name, as Phụ lục II
// writes "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
// "Bộ Lao động - Thương binh và Xã hội"; a place it serves ("sở y tế tỉnh
// gia lai") keeps its unit word lower case (placeCase). Names whose fields
// do not follow that pattern take issuer.short_name.
func bodyCase(low string) string {
	for _, k := range wholeKinds {
		if rest, ok := strings.CutPrefix(low, k); ok && (rest == "" || rest[0] == ' ') {
			if rest = strings.TrimSpace(rest); rest != "" {
				return vntext.CapitalizeFirst(k) + " " + placeCase(rest)
			}
			return vntext.CapitalizeFirst(k)
		}
	}
	for _, w := range bodyWords {
		if rest, ok := strings.CutPrefix(low, w+" "); ok {
			return vntext.CapitalizeFirst(w) + " " + fieldCase(rest)
		}
	}
	return vntext.CapitalizeFirst(low)
}

// fieldSep separates the fields of a body's name.
var fieldSep = regexp.MustCompile(`, | và | - `)

// fieldCase capitalises the first word of each field of a body's name, up
// to the administrative unit it serves, if any.
func fieldCase(rest string) string {
	for _, u := range unitWords {
		i := strings.Index(rest, " "+u+" ")
		// "xã hội" is a field ("Thương binh và Xã hội"), not a commune.
		if i > 0 && !strings.HasPrefix(rest[i+1+len(u):], " hội") {
			return fieldCase(rest[:i]) + " " + placeCase(rest[i+1:])
		}
	}
	var b strings.Builder
	at := 0
	for _, m := range fieldSep.FindAllStringIndex(rest, -1) {
		b.WriteString(fieldWord(rest[at:m[0]], at == 0))
		b.WriteString(rest[m[0]:m[1]])
		at = m[1]
	}
	b.WriteString(fieldWord(rest[at:], at == 0))
	return b.String()
}

// fieldWord capitalises a field's first word; "phòng, chống …" is one
// field written with a comma, not two.
func fieldWord(f string, first bool) string {
	if !first && strings.HasPrefix(f, "chống ") {
		return f
	}
	return vntext.CapitalizeFirst(f)
}

// unitWords are the administrative units written lower case before a place
// name ("tỉnh Gia Lai", "thành phố Huế").
var unitWords = vntext.AdminUnits

// placeCase capitalises a lower-case "tỉnh gia lai" into "tỉnh Gia Lai";
// a line that does not start with a unit word is capitalised at its first
// letter only.
func placeCase(low string) string {
	for _, u := range unitWords {
		if rest, ok := strings.CutPrefix(low, u+" "); ok {
			words := strings.Fields(rest)
			for j, w := range words {
				words[j] = vntext.CapitalizeFirst(w)
			}
			name := strings.Join(words, " ")
			// Phụ lục II: a unit named after a person or a number is
			// capitalised as part of the name ("Thành phố Hồ Chí Minh",
			// "Quận 1").
			if name == "Hồ Chí Minh" || (name != "" && name[0] >= '0' && name[0] <= '9') {
				u = vntext.CapitalizeFirst(u)
			}
			return u + " " + name
		}
	}
	return low
}

// anyTable reports whether some table among bs, at any depth, satisfies
// ok.
func anyTable(bs []document.Block, ok func(*document.Table) bool) bool {
	for _, b := range bs {
		switch {
		case b.Table != nil && ok(b.Table):
			return true
		case b.Heading != nil && anyTable(b.Heading.Children, ok):
			return true
		case b.Item != nil && anyTable(b.Item.Children, ok):
			return true
		}
	}
	return false
}
