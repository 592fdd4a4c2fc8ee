package compose

import (
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// RecipientsHead is the heading of ô 9b.
const RecipientsHead = "Nơi nhận:"

// RecipientLine is one Nơi nhận line: "- Bộ LĐTBXH (để b/c);". Punctuation
// the author typed at either end is replaced, so it is never doubled.
func RecipientLine(r document.Recipient) string {
	name := strings.TrimSpace(r.Name)
	name = strings.TrimLeft(name, "-–+ ")
	name = strings.TrimRight(name, ";., ")
	if note := strings.Trim(strings.TrimSpace(r.Note), "()"); note != "" {
		name += " (" + note + ")"
	}
	return "- " + name + ";"
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

// VerbatimArchiveLine prints an archive_line as given, with the "- " every
// Nơi nhận line starts with added when the author left it out. Its defects
// (a missing colon, say) are the validator's to report, not ours to fix.
func VerbatimArchiveLine(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		return s
	}
	return "- " + s
}

func (c *composer) closing() *Closing {
	d := c.d
	cl := &Closing{SignSpace: SignSpace}
	cl.Recipients = append(cl.Recipients, plainPara(StyleRecipientsHead, RecipientsHead))
	for _, r := range d.Distribution.Recipients {
		cl.Recipients = append(cl.Recipients, plainPara(StyleRecipient, RecipientLine(r)))
	}
	switch {
	case strings.TrimSpace(d.Distribution.ArchiveLine) != "":
		cl.Recipients = append(cl.Recipients, plainPara(StyleRecipient, VerbatimArchiveLine(d.Distribution.ArchiveLine)))
	case d.Distribution.Archive != nil:
		cl.Recipients = append(cl.Recipients, plainPara(StyleRecipient, ArchiveLine(*d.Distribution.Archive)))
	default:
		// NĐ30 §7: the list always ends with the Lưu line; VT keeps one.
		cl.Recipients = append(cl.Recipients, plainPara(StyleRecipient, ArchiveLine(document.Archive{})))
	}
	s := d.Signature
	for _, a := range s.Authority {
		t := strings.TrimSpace(a.Prefix) + " " + vntext.Upper(strings.TrimSpace(a.Title))
		cl.Signer = append(cl.Signer, plainPara(StyleAuthority, strings.TrimSpace(t)))
	}
	if t := strings.TrimSpace(s.Title); t != "" {
		cl.Signer = append(cl.Signer, plainPara(StyleAuthority, vntext.Upper(t)))
	}
	cl.NameIndex = len(cl.Signer)
	if n := strings.TrimSpace(s.Name); n != "" {
		cl.Signer = append(cl.Signer, plainPara(StyleSignerName, n))
	}
	return cl
}
