package validate

import (
	"github.com/vanban/vanban/internal/compose"
)

// blockInfo is one block of the body or of an appendix, with where it
// stands in the tree and its printed label (compose.Position).
type blockInfo = compose.Position

// eachBlock visits every block of the body, then of each appendix, in
// document order, as compose.Walk does, so that the labels checked here are
// the labels printed.
func (c *checker) eachBlock(f func(blockInfo)) { compose.Walk(c.d, c.letter(), f) }
