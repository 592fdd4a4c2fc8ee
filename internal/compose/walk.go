package compose

import "github.com/vanban/vanban/internal/document"

// Position is one block of the body or of an appendix, with where it
// stands in the tree and the label it is printed with.
type Position struct {
	*document.Block
	// Path is the block's JSON Pointer ("/body/2/heading/children/0").
	Path string
	// Level is, for a heading, its level (1 = mục "I.", 2 = khoản "1.");
	// for any other block, the level of the heading above it (0 at the top
	// of a body whose headings are mục).
	Level int
	// Items is, for an item, its depth (1 = "-", 2 = "+"); for any other
	// block, the number of items above it.
	Items int
	// Label is the label a heading is checked against ("" for other blocks
	// and for headings deeper than the scheme numbers).
	Label string
	// Printed is the label printed before a heading, at any depth (a "-"
	// line below điểm in the roman scheme).
	Printed string
}

// Numbering is the numbering scheme of d: NumberingDecimal when asked,
// NumberingRoman otherwise.
func Numbering(o document.Options) string {
	if o.Numbering == NumberingDecimal {
		return NumberingDecimal
	}
	return NumberingRoman
}

// MaxHeadingLevel is the deepest heading level a numbering scheme numbers:
// roman I. / 1. / a); decimal I. / 1. / 1.1. / 1.1.1.
func MaxHeadingLevel(numbering string) int {
	if numbering == NumberingDecimal {
		return 4
	}
	return 3
}

// Walk visits every block of the body, then of each appendix, in document
// order, with the positions and labels compose prints: numbering restarts
// in each appendix, and a list's top level is mục or khoản as StartLevel
// decides; headings under a bullet keep counting in their heading. letter
// is the document type's layout (công văn). The validator checks what this
// reports, and the editor shows it, so the labels checked and shown are
// the labels printed.
func Walk(d *document.Document, letter bool, f func(Position)) {
	numbering := Numbering(d.Options)
	walk(d.Body, "/body", startPath(d.Body, letter), 0, numbering, f)
	for i, a := range d.Appendices {
		walk(a.Blocks, document.Pointer("appendices", i, "blocks"), startPath(a.Blocks, letter), 0, numbering, f)
	}
}

func walk(blocks []document.Block, base string, ords []int, items int, numbering string, f func(Position)) {
	n := 0 // headings seen so far among these siblings
	for i := range blocks {
		b := &blocks[i]
		p := document.Join(base, i)
		switch {
		case b.Heading != nil:
			n++
			o := append(ords[:len(ords):len(ords)], n)
			printed := HeadingLabel(numbering, o)
			label := ""
			if len(o) <= MaxHeadingLevel(numbering) {
				label = printed
			}
			f(Position{Block: b, Path: p, Level: len(o), Items: items, Label: label, Printed: printed})
			walk(b.Heading.Children, document.Join(p, "heading", "children"), o, items, numbering, f)
		case b.Item != nil:
			f(Position{Block: b, Path: p, Level: len(ords), Items: items + 1})
			walk(b.Item.Children, document.Join(p, "item", "children"), ords, items+1, numbering, f)
		default:
			f(Position{Block: b, Path: p, Level: len(ords), Items: items})
		}
	}
}
