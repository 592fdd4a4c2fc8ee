package docxread

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/compose"
)

// numLevel is one level of a Word list definition (w:lvl).
type numLevel struct {
	start int
	fmt   string // w:numFmt: decimal, lowerLetter, upperRoman, bullet ...
	text  string // w:lvlText: "%1.", "%1.%2.", "a)", "-"
}

// numbering maps a list instance (w:num) to its definition's levels; the
// counters of one definition are shared by its instances, as Word counts.
type numbering struct {
	abstract map[string]map[string]numLevel // abstractNumId → ilvl → level
	num      map[string]string              // numId → abstractNumId
}

func (p *parser) numPr(end xml.Name, para *Paragraph) error {
	return p.elements(end, func(t xml.StartElement) (bool, error) {
		if isW(t.Name) {
			switch t.Name.Local {
			case "ilvl":
				para.level, _ = attr(t, "val")
			case "numId":
				para.numID, _ = attr(t, "val")
			}
		}
		return false, nil
	})
}

// parseNumbering reads numbering.xml: the levels of each w:abstractNum and
// which one each w:num uses.
func parseNumbering(data []byte, b *bounds) (numbering, error) {
	n := numbering{abstract: map[string]map[string]numLevel{}, num: map[string]string{}}
	p := newParser(data, nil, b)
	var abs, lvl string
	var cur numLevel
	numID := ""
	for {
		tok, err := p.next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				abs, _ = attr(t, "abstractNumId")
				n.abstract[abs] = map[string]numLevel{}
			case "lvl":
				lvl, _ = attr(t, "ilvl")
				cur = numLevel{start: 1, fmt: "decimal"}
			case "start":
				if k, err := strconv.Atoi(v); err == nil && k >= 0 && k < 1<<20 {
					cur.start = k
				}
			case "numFmt":
				cur.fmt = v
			case "lvlText":
				cur.text = v
			case "num":
				numID, _ = attr(t, "numId")
			case "abstractNumId":
				if numID != "" {
					n.num[numID] = v
				}
			}
		case xml.EndElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "lvl":
				if m := n.abstract[abs]; m != nil && lvl != "" {
					m[lvl] = cur
				}
				lvl = ""
			case "abstractNum":
				abs = ""
			case "num":
				numID = ""
			}
		}
	}
}

// label walks the paragraphs in reading order and sets the label Word
// prints for each numbered one: its level's counter goes up, the deeper
// levels restart, and the level text's %1 … %9 are the counters of those
// levels in their formats.
func (n numbering) label(bs []Block, counters map[string][]int) {
	for _, b := range bs {
		switch {
		case b.Para != nil:
			n.labelPara(b.Para, counters)
			n.label(b.Para.TextBoxes, counters)
		case b.Table != nil:
			for _, r := range b.Table.Rows {
				for i := range r.Cells {
					n.label(r.Cells[i].Blocks, counters)
				}
			}
		}
	}
}

func (n numbering) labelPara(p *Paragraph, counters map[string][]int) {
	if !p.List || p.numID == "" || p.numID == "0" {
		return
	}
	abs, ok := n.num[p.numID]
	if !ok {
		return
	}
	levels := n.abstract[abs]
	ilvl, err := strconv.Atoi(p.level)
	if err != nil {
		ilvl = 0
	}
	if ilvl < 0 || ilvl > 8 {
		return
	}
	lv, ok := levels[strconv.Itoa(ilvl)]
	if !ok {
		return
	}
	c := counters[abs]
	if c == nil {
		c = make([]int, 9)
		for k := range c {
			c[k] = levels[strconv.Itoa(k)].start - 1
		}
	}
	c[ilvl]++
	for k := ilvl + 1; k < 9; k++ {
		c[k] = levels[strconv.Itoa(k)].start - 1
	}
	counters[abs] = c
	if lv.fmt == "bullet" || lv.fmt == "none" {
		p.Label = bulletLabel(lv.text)
		return
	}
	out := lv.text
	for k := 0; k <= ilvl; k++ {
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(k+1), formatCounter(c[k], levels[strconv.Itoa(k)].fmt))
	}
	p.Label = out
}

// bulletLabel: the dash a clerk types for Word's bullet glyphs (Symbol and
// Wingdings dots and squares are private-use code points).
func bulletLabel(text string) string {
	switch strings.TrimSpace(text) {
	case "-", "–", "+", "*":
		return strings.TrimSpace(text)
	case "":
		return ""
	}
	return "-"
}

func formatCounter(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 {
			return strconv.Itoa(n)
		}
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := compose.Roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}
