package compose

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// RecipientsHead is the heading of ô 9b.
const RecipientsHead = "Nơi nhận:"

// RecipientLine is one Nơi nhận line as plain text: "- Bộ LĐTBXH (để
// b/c);". Punctuation the author typed at either end is replaced, so it is
// never doubled.
func RecipientLine(r document.Recipient) string {
	var b strings.Builder
	for _, x := range (&composer{}).recipientRuns(r) {
		b.WriteString(x.Text)
	}
	return b.String()
}

// recipientRuns is RecipientLine as runs: the name's emphasis and
// footnotes kept (numbered where they stand), the note and the ";" after
// the last mark.
func (c *composer) recipientRuns(r document.Recipient) []Run {
	name := c.runs(trimEnds(r.Name, "-–+ \t", ";., \t"), false)
	tail := ";"
	if note := strings.Trim(strings.TrimSpace(r.Note), "()"); note != "" {
		tail = " (" + note + ");"
	}
	if n := len(name); n > 0 && name[n-1].Footnote == 0 && !name[n-1].Bold && !name[n-1].Italic {
		name[n-1].Text += tail
	} else {
		name = append(name, Run{Text: tail})
	}
	name[0].Text = "- " + name[0].Text
	return name
}

// ElectronicHead heads the list of recipients of the electronic copy,
// printed under the paper list.
const ElectronicHead = "Bản điện tử:"

// recipientLines prints a list of recipients. A note that covers several
// lines (NoteCovers) is printed once, on its own line under them; the
// lines it covers carry no note. The electronic list, which has no Lưu
// line after it, ends its last line with "." (last).
func (c *composer) recipientLines(rs []document.Recipient, last bool) []Para {
	var out []Para
	covered := make([]bool, len(rs))
	for i, r := range rs {
		if r.NoteCovers > 1 && strings.TrimSpace(r.Note) != "" {
			for j := max(0, i-r.NoteCovers+1); j <= i; j++ {
				covered[j] = true
			}
		}
	}
	for i, r := range rs {
		group := r.NoteCovers > 1 && strings.TrimSpace(r.Note) != ""
		if covered[i] {
			r.Note = ""
		}
		line := c.recipientRuns(r)
		if last && i == len(rs)-1 && !group {
			end := &line[len(line)-1]
			end.Text = strings.TrimSuffix(end.Text, ";") + "."
		}
		out = append(out, Para{Style: StyleRecipient, Runs: line})
		if group {
			out = append(out, plainPara(StyleRecipient, "("+strings.Trim(strings.TrimSpace(rs[i].Note), "()")+")"))
		}
	}
	return out
}

// ArchiveLine builds the last Nơi nhận line (NĐ30 §7, ô 12). Convention,
// from the Mẫu template "- Lưu: VT, …(unit). …(drafter).":
//
//	units only            - Lưu: VT, KTTH, KGVX.
//	with a drafter        - Lưu: VT, KTTH, KGVX. PT.
//	with drafter, copies  - Lưu: VT, KTTH, KGVX. PT(30).
//	copies, no drafter    - Lưu: VT, KGVX(30).
//
// VT (văn thư) is always first and never repeated; the line always ends
// with ".", as the decree requires of the last line.
func ArchiveLine(a document.Archive) string {
	parts := []string{"VT"}
	for _, u := range a.Units {
		u = strings.Trim(strings.TrimSpace(u), ",.;")
		if u != "" && u != "VT" {
			parts = append(parts, u)
		}
	}
	s := "- Lưu: " + strings.Join(parts, ", ")
	copies := ""
	if a.Copies > 0 {
		copies = "(" + strconv.Itoa(a.Copies) + ")"
	}
	if d := strings.Trim(strings.TrimSpace(a.Drafter), "."); d != "" {
		s += ". " + d + copies
	} else {
		s += copies
	}
	return s + "."
}

// VerbatimArchiveLine prints an archive_line, with the "- " every Nơi nhận
// line starts with added when the author left it out. A line that is
// well-formed is printed as given; one with a recognisable slip ("Lưu
// VT,VX.", a missing final ".") is printed in the NĐ30 form instead, so the
// paper is right, and the validator tells the clerk what was repaired.
func VerbatimArchiveLine(s string) string {
	if fixed, ok := RepairArchiveLine(s); ok {
		return fixed
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		return s
	}
	return "- " + s
}

// archiveStrictRE is the NĐ30 Lưu line (Phụ lục I, mục II.9), with the
// drafter mark and copy count of ô số 12 allowed after the dot; the line
// ends with "." after the drafter mark too ("- Lưu: VT, …(unit). …(drafter).",
// nd30-rules §7).
var archiveStrictRE = regexp.MustCompile(`^Lưu: VT(?:, [^,;.:\s][^,;.:]*)*\.(?:\s?[\p{L}\d]+(?:\(\d+\))?\.)?$`)

// ArchiveLineOK reports whether s is a Lưu line in the NĐ30 form, with or
// without the leading "- " of the list: the validator warns about any other
// and VerbatimArchiveLine prints it as given or repairs it.
func ArchiveLineOK(s string) bool {
	return archiveStrictRE.MatchString(strings.TrimPrefix(s, "- "))
}

// archiveLooseRE reads what clerks actually type: colon, spaces and the
// final dot optional, units separated by commas.
var archiveLooseRE = regexp.MustCompile(`^Lưu\s*:?\s*VT\s*(?:[,;]\s*(.*?))?\s*[.;]?$`)

// RepairArchiveLine returns the NĐ30 form of a Lưu line ("- Lưu: VT, A,
// B.") and true when s is a recognisable Lưu line that is not already in
// that form; it returns "", false for a well-formed line and for anything
// it cannot read with confidence.
func RepairArchiveLine(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "-"))
	if archiveStrictRE.MatchString(s) {
		return "", false
	}
	// Only the final "." is missing ("Lưu: VT, NC.Châu"): add it and keep
	// the rest as the author wrote it.
	if archiveStrictRE.MatchString(s + ".") {
		return "- " + s + ".", true
	}
	m := archiveLooseRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	var units []string
	for _, u := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ';' }) {
		u = strings.TrimSpace(u)
		if u == "" || strings.ContainsAny(u, ".:") {
			return "", false
		}
		units = append(units, u)
	}
	return ArchiveLine(document.Archive{Units: units}), true
}

// DocumentArchiveLine is the Lưu line a distribution prints: its
// archive_line (repaired when it has a slip), the line built from its
// archive, or, NĐ30 §7 ending every list with one, "- Lưu: VT.".
func DocumentArchiveLine(dist document.Distribution) string {
	switch {
	case strings.TrimSpace(dist.ArchiveLine) != "":
		return VerbatimArchiveLine(dist.ArchiveLine)
	case dist.Archive != nil:
		return ArchiveLine(*dist.Archive)
	}
	return ArchiveLine(document.Archive{})
}

func (c *composer) closing() *Closing {
	d := c.d
	cl := &Closing{SignSpace: c.geo.SignSpace}
	cl.Recipients = append(cl.Recipients, plainPara(StyleRecipientsHead, RecipientsHead))
	cl.Recipients = append(cl.Recipients, c.recipientLines(d.Distribution.Recipients, false)...)
	cl.Recipients = append(cl.Recipients, plainPara(StyleRecipient, DocumentArchiveLine(d.Distribution)))
	if len(d.Distribution.Electronic) > 0 {
		cl.Recipients = append(cl.Recipients, plainPara(StyleRecipientsHead, ElectronicHead))
		cl.Recipients = append(cl.Recipients, c.recipientLines(d.Distribution.Electronic, true)...)
	}
	cl.Signer, cl.NameIndex = signerLines(d.Signature)
	return cl
}

// signerLines are the lines of a signature block: authority chain, title,
// then the name (with the rank before it); nameIndex is the name line's
// index, len(lines) when there is no name yet.
func signerLines(s document.Signature) (lines []Para, nameIndex int) {
	for _, a := range s.Authority {
		t := strings.TrimSpace(a.Prefix) + " " + vntext.Upper(strings.TrimSpace(a.Title))
		lines = append(lines, plainPara(StyleAuthority, strings.TrimSpace(t)))
	}
	if t := strings.TrimSpace(s.Title); t != "" {
		lines = append(lines, plainPara(StyleAuthority, vntext.Upper(t)))
	}
	nameIndex = len(lines)
	if n := strings.TrimSpace(s.Name); n != "" {
		if r := strings.TrimSpace(s.Rank); r != "" {
			n = r + " " + n
		}
		lines = append(lines, plainPara(StyleSignerName, n))
	}
	return lines, nameIndex
}

// closings is the end of the main text: Nơi nhận beside the signature,
// or, with a cosignature, the two signature blocks side by side (the
// cosigner on the left, as the thư ký of a biên bản and the second body
// of a joint document sign) with Nơi nhận under the left one: one block,
// so it moves as one in both writers.
func (c *composer) closings() []Block {
	cl := c.closing()
	if c.d.Cosignature == nil {
		return []Block{{Closing: cl}}
	}
	left, li := signerLines(*c.d.Cosignature)
	two := &Closing{Recipients: append(left, cl.Recipients...), Signer: cl.Signer, NameIndex: cl.NameIndex, SignSpace: cl.SignSpace}
	if li < len(left) && li > 0 {
		two.LeftSignIndex = li
	}
	return []Block{{Closing: two}}
}
