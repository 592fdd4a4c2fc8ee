//go:build integration

package whole

import (
	"testing"
)

// FuzzValidPrintsWhole builds a random valid document from the fuzzer's
// numbers (which pieces, how long, the words from a seed) and checks the
// invariant on it: it renders in both formats and every word it prints is
// in the PDF's and the DOCX's text, in order, with no bad line break. The
// seed corpus (a few shapes) runs with every `go test`; `make fuzz` and
// `make test` explore further.
func FuzzValidPrintsWhole(f *testing.F) {
	f.Add(uint64(1), uint16(80), uint16(0), uint16(0), uint16(0), uint16(0), uint16(0), uint8(0))
	f.Add(uint64(2), uint16(5), uint16(60), uint16(300), uint16(0), uint16(0), uint16(0), uint8(1))
	f.Add(uint64(3), uint16(10), uint16(0), uint16(20), uint16(200), uint16(900), uint16(40), uint8(2))
	f.Add(uint64(4), uint16(3), uint16(0), uint16(10), uint16(0), uint16(600), uint16(10), uint8(0x1c))
	f.Fuzz(func(t *testing.T, seed uint64, recipients, addressees, words, signer, long, rows uint16, shape uint8) {
		s := spec{
			congVan:      shape&1 != 0,
			recipients:   int(recipients % 200),
			subjectWords: int(words % 500),
			signerWords:  int(signer % 300),
			rows:         int(rows % 120),
			headingDepth: int(shape>>2) % 4,
			items:        shape&0x20 != 0,
			paras:        int(shape>>6) % 4,
		}
		if s.congVan {
			s.addressees = int(addressees % 120)
		}
		if s.signerWords > 0 && s.signerWords < 4 {
			s.signerWords = 4
		}
		switch long := int(long % 2000); shape & 2 {
		case 0:
			s.paraWords = long
		default:
			if s.rows > 0 {
				s.cellWords = long
			} else {
				s.headerWords = long % 800
				s.rows = 2
			}
		}
		if shape&0x10 != 0 {
			s.headingDepth = 4
			s.decimal = true
		}
		if shape&0x08 != 0 {
			s.footnoteWords = 1 + int(recipients)%1500
			s.notedLists = true
		}
		if s.congVan {
			// A công văn's headings start at "1.": one level fewer.
			s.headingDepth = min(s.headingDepth, 2)
			if s.decimal {
				s.headingDepth = 3
			}
		}
		if shape&0x40 != 0 && shape&0x80 != 0 {
			s.appendixRows = int(rows % 70)
		}
		r, err := pipeline(t, build(s, seed))
		if err != nil {
			t.Fatalf("a generated document must validate and render (%+v): %v", s, err)
		}
		checkWhole(t, r)
	})
}
