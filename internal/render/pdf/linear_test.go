package pdf

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
)

// longPara is a body paragraph of one unbroken word of n characters, or of
// n characters of words when spaced.
func longPara(n int, spaced bool) compose.Para {
	unit := "Nghịquyết1898/QĐ-TTg"
	if spaced {
		unit = "kinh phí 70.000.000 đồng theo 1898/QĐ-TTg "
	}
	text := strings.Repeat(unit, n/len(unit)+1)[:n]
	return compose.Para{Style: compose.StyleBody, Runs: []compose.Run{{Text: text}}}
}

// BenchmarkLayoutPara measures measuring and breaking one paragraph into
// lines: the time per byte stays flat from 10 KB to 1 MB (linear time),
// for one unbroken word as for ordinary words.
func BenchmarkLayoutPara(b *testing.B) {
	w := newWriter(b)
	spec := compose.Styles[compose.StyleBody]
	for _, spaced := range []bool{false, true} {
		for _, n := range []int{10_000, 100_000, 1_000_000} {
			p := longPara(n, spaced)
			name := "word/" + strconv.Itoa(n)
			if spaced {
				name = "words/" + strconv.Itoa(n)
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					w.layoutPara(p, 453, spec)
				}
			})
		}
	}
}

// BenchmarkRenderLongWord renders a whole document whose only paragraph
// is one word of 200 000 characters (about 45 pages).
func BenchmarkRenderLongWord(b *testing.B) {
	w := newWriter(b)
	p := longPara(200_000, false)
	d := &compose.Document{Sections: []compose.Section{{Blocks: []compose.Block{{Para: &p}}}}}
	b.SetBytes(200_000)
	for b.Loop() {
		if _, err := w.Render(context.Background(), io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
