package pdfread

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// pdftotext's word boxes carry no font. poppler's pdftohtml -xml does: its
// text pieces name a font (whose family says ",Bold"/",Italic") and mark
// <b>/<i> spans, but it drops text drawn by signature appearances (a
// stamped "453"). So the words come from pdftotext, and pdftohtml only
// lends its styles: each word takes the style of the piece its centre
// falls in, at the proportional place inside the piece.

// styledPiece is one pdftohtml text element in PDF points.
type styledPiece struct {
	x0, y0, x1, y1 float64
	spans          []styledSpan
	chars          int
	ink            int     // characters that are not spaces
	font           string  // the fontspec's family, as the PDF names it
	size           float64 // the fontspec's size in points
}

type styledSpan struct {
	chars        int
	bold, italic bool
}

// styledPage is one page's pieces.
type styledPage struct {
	pieces []styledPiece
}

// parseStyles reads pdftohtml -xml output, scaling its pixel boxes to the
// PDF points of the pdftotext pages (pdftohtml draws at 1.5×).
func parseStyles(r io.Reader, pages []Page) ([]styledPage, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	fontBold := map[string]bool{}
	fontItalic := map[string]bool{}
	fontFamily := map[string]string{}
	fontSize := map[string]float64{}
	var out []styledPage
	scale := 1.0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read pdftohtml output: %v: %w", err, ErrUnreadable)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			out = append(out, styledPage{})
			scale = 1
			if k := len(out) - 1; k < len(pages) && pages[k].Width > 0 {
				if w := attrF(se, "width"); w > 0 {
					scale = w / pages[k].Width
				}
			}
		case "fontspec":
			fam := strings.ToLower(attrS(se, "family"))
			id := attrS(se, "id")
			fontBold[id] = strings.Contains(fam, "bold") || strings.Contains(fam, "black") || strings.Contains(fam, "heavy")
			fontItalic[id] = strings.Contains(fam, "italic") || strings.Contains(fam, "oblique")
			fontFamily[id] = attrS(se, "family")
			fontSize[id] = attrF(se, "size")
		case "text":
			if len(out) == 0 {
				continue
			}
			top, lft, w, h := attrF(se, "top"), attrF(se, "left"), attrF(se, "width"), attrF(se, "height")
			p := styledPiece{x0: lft / scale, y0: top / scale, x1: (lft + w) / scale, y1: (top + h) / scale}
			font := attrS(se, "font")
			// pdftohtml's sizes are in its own pixels, drawn at the same scale as the boxes.
			p.font, p.size = fontFamily[font], fontSize[font]/scale
			if err := readSpans(dec, &p, fontBold[font], fontItalic[font]); err != nil {
				return nil, err
			}
			if p.ink > 0 && w > 0 && len(out[len(out)-1].pieces) < MaxWordsPerPage {
				out[len(out)-1].pieces = append(out[len(out)-1].pieces, p)
			}
		}
	}
	return out, nil
}

// readSpans reads a <text> element's content: character data inside any
// depth of <b> and <i>.
func readSpans(dec *xml.Decoder, p *styledPiece, bold, italic bool) error {
	b, i := 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("read pdftohtml text: %v: %w", err, ErrUnreadable)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "b":
				b++
			case "i":
				i++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "b":
				b--
			case "i":
				i--
			case "text":
				return nil
			}
		case xml.CharData:
			n := utf8.RuneCount(t)
			if n == 0 {
				continue
			}
			p.spans = append(p.spans, styledSpan{chars: n, bold: bold || b > 0, italic: italic || i > 0})
			p.chars += n
			p.ink += utf8.RuneCountInString(strings.Join(strings.Fields(string(t)), ""))
		}
	}
}

func attrS(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// applyStyles marks each word bold or italic from the piece its centre
// falls in: the piece's words, left to right, take its spans in order of
// their characters (one space between words).
func applyStyles(pages []Page, styles []styledPage) {
	for pi := range pages {
		if pi >= len(styles) {
			return
		}
		pcs := styles[pi].pieces
		in := make([][]int, len(pcs))
		for wi := range pages[pi].Words {
			w := &pages[pi].Words[wi]
			cx, cy := (w.X0+w.X1)/2, (w.Y0+w.Y1)/2
			for k := range pcs {
				p := &pcs[k]
				if cx >= p.x0 && cx <= p.x1 && cy >= p.y0 && cy <= p.y1 {
					in[k] = append(in[k], wi)
					break
				}
			}
		}
		for k, ws := range in {
			sort.Slice(ws, func(a, b int) bool { return pages[pi].Words[ws[a]].X0 < pages[pi].Words[ws[b]].X0 })
			at := 0
			for _, wi := range ws {
				w := &pages[pi].Words[wi]
				w.Bold, w.Italic = pcs[k].styleAt(at)
				w.Font, w.Size = pcs[k].font, pcs[k].size
				at += utf8.RuneCountInString(w.Text) + 1
			}
		}
	}
}

// styleAt: the style of the piece's character at index at (the last
// span's past the end).
func (p *styledPiece) styleAt(at int) (bool, bool) {
	for _, s := range p.spans {
		if at < s.chars {
			return s.bold, s.italic
		}
		at -= s.chars
	}
	last := p.spans[len(p.spans)-1]
	return last.bold, last.italic
}
