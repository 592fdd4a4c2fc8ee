package validate

import (
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
)

// blockInfo is one block of the body or of an appendix, with where it
// stands in the tree.
type blockInfo struct {
	*document.Block
	Path string
	// Level is, for a heading, its level (1 = mục "I.", 2 = khoản "1.");
	// for any other block, the level of the heading above it (0 at the top
	// of a body whose headings are mục).
	Level int
	// Items is, for an item, its depth (1 = "-", 2 = "+"); for any other
	// block, the number of items above it.
	Items int
	// Label is the label printed for a heading ("" for other blocks and
	// for headings deeper than the scheme goes).
	Label string
	// Divisions counts the headings above (and including) this one whose
	// written label is a division (Phần, Chương, Mục): they do not count
	// towards the ladder's depth.
	Divisions int
	// Depth is how deep a heading nests in its body or appendix (1 for
	// the top headings, whether they are mục or khoản).
	Depth int
}

// eachBlock visits every block of the body, then of each appendix, in
// document order. Numbering restarts in each appendix, and its top level is
// mục ("I.") or khoản ("1.") as compose.StartLevel decides, so that the
// labels checked here are the labels printed.
func (c *checker) eachBlock(f func(blockInfo)) {
	numbering := compose.Numbering(c.d)
	c.walkBlocks(c.d.Body, "/body", c.startPath(c.d.Body), 0, 0, numbering, f)
	for i, a := range c.d.Attachments {
		c.walkBlocks(a.Blocks, document.Pointer("attachments", i, "blocks"), c.startPath(a.Blocks), 0, 0, numbering, f)
	}
	for i, a := range c.d.Appendices {
		c.walkBlocks(a.Blocks, document.Pointer("appendices", i, "blocks"), c.startPath(a.Blocks), 0, 0, numbering, f)
	}
}

// startPath is the heading path above a block list's top headings: {0}
// when they are khoản, so that they read level 2.
func (c *checker) startPath(bs []document.Block) []int {
	if compose.StartLevel(bs, c.letter()) == 2 {
		return []int{0}
	}
	return nil
}

func (c *checker) walkBlocks(blocks []document.Block, base string, ords []int, items, divs int, numbering string, f func(blockInfo)) {
	n := 0 // headings seen so far among these siblings
	for i := range blocks {
		b := &blocks[i]
		p := document.Join(base, i)
		switch {
		case b.Heading != nil:
			n++
			o := append(ords[:len(ords):len(ords)], n)
			label := ""
			if len(o) <= maxLevel(numbering) {
				label = compose.HeadingLabel(numbering, o)
			}
			d := divs
			if compose.ParseLabel(b.Heading.Label).Rung.Division() {
				d++
			}
			f(blockInfo{Block: b, Path: p, Level: len(o), Items: items, Label: label, Divisions: d, Depth: len(o) - c.offset(ords)})
			c.walkBlocks(b.Heading.Children, document.Join(p, "heading", "children"), o, items, d, numbering, f)
		case b.Item != nil:
			f(blockInfo{Block: b, Path: p, Level: len(ords), Items: items + 1, Divisions: divs})
			c.walkBlocks(b.Item.Children, document.Join(p, "item", "children"), ords, items+1, divs, numbering, f)
		default:
			f(blockInfo{Block: b, Path: p, Level: len(ords), Items: items, Divisions: divs})
		}
	}
}

// offset is 1 when the path above the top headings is the {0} of a list
// that starts at khoản, so that Depth counts nesting, not rungs.
func (c *checker) offset(ords []int) int {
	if len(ords) > 0 && ords[0] == 0 {
		return 1
	}
	return 0
}

// maxLevel is the deepest heading level of a numbering scheme: roman
// I. / 1. / a); decimal I. / 1. / 1.1. / 1.1.1.
func maxLevel(numbering string) int {
	if numbering == compose.NumberingDecimal {
		return 4
	}
	return 3
}
