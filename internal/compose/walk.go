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
	// Divisions counts the headings above (and including) this one whose
	// written label is a division (Phần, Chương, Mục): they do not count
	// towards the ladder's depth.
	Divisions int
	// Depth is how deep a heading nests in its body, attached text or
	// appendix (1 for the top headings, whether they are mục or khoản).
	Depth int
}

// MaxHeadingLevel is the deepest heading level a numbering scheme numbers:
// roman I. / 1. / a); decimal I. / 1. / 1.1. / 1.1.1.
func MaxHeadingLevel(numbering string) int {
	if numbering == NumberingDecimal {
		return 4
	}
	return 3
}

// Walk visits every block of the body, then of each attached text, then of
// each appendix, in document
// order, with the positions and labels compose prints: numbering restarts
// in each appendix, and a list's top level is mục or khoản as StartLevel
// decides; headings under a bullet keep counting in their heading. letter
// is the document type's layout (công văn). The validator checks what this
// reports, and the editor shows it, so the labels checked and shown are
// the labels printed.
func Walk(d *document.Document, letter bool, f func(Position)) {
	numbering := Numbering(d)
	walk(d.Body, "/body", startPath(d.Body, letter), 0, 0, numbering, f)
	for i, a := range d.Attachments {
		walk(a.Blocks, document.Pointer("attachments", i, "blocks"), startPath(a.Blocks, letter), 0, 0, numbering, f)
	}
	for i, a := range d.Appendices {
		walk(a.Blocks, document.Pointer("appendices", i, "blocks"), startPath(a.Blocks, letter), 0, 0, numbering, f)
	}
}

// depthOffset is 1 when the path above a list's top headings is the {0}
// of a list that starts at khoản, so that Depth counts nesting, not rungs.
func depthOffset(ords []int) int {
	if len(ords) > 0 && ords[0] == 0 {
		return 1
	}
	return 0
}

func walk(blocks []document.Block, base string, ords []int, items, divs int, numbering string, f func(Position)) {
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
			dv := divs
			if ParseLabel(b.Heading.Label).Rung.Division() {
				dv++
			}
			f(Position{Block: b, Path: p, Level: len(o), Items: items, Label: label, Printed: printed, Divisions: dv, Depth: len(o) - depthOffset(ords)})
			walk(b.Heading.Children, document.Join(p, "heading", "children"), o, items, dv, numbering, f)
		case b.Item != nil:
			f(Position{Block: b, Path: p, Level: len(ords), Items: items + 1, Divisions: divs})
			walk(b.Item.Children, document.Join(p, "item", "children"), ords, items+1, divs, numbering, f)
		default:
			f(Position{Block: b, Path: p, Level: len(ords), Items: items, Divisions: divs})
		}
	}
}
