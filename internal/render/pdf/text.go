package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/render/layout"
)

// Superscript footnote marks: layout's, which measures titles with them.
const (
	supSize = layout.SupSize
	supRise = layout.SupRise
)

// piece is text in one face and size, drawn as one string.
type piece struct {
	text string
	face layout.FaceIndex
	size float64
	rise float64 // baseline shift up, pt
	w    float64 // pt
	// fit is w as LibreOffice measures it to break lines
	// (layout.Face.FitAdvance).
	fit float64
	// fixed marks a piece of its own (addFixedPiece): drawn alone, the
	// next piece at its end, and a portion of its own in the line measure.
	fixed bool
}

// portion is what LibreOffice lays out as one text portion: text in one
// face, size and rise. A glued space or hyphen (U+00A0, w:noBreakHyphen
// in the DOCX) is a portion of its own.
type portion struct {
	face layout.FaceIndex
	size float64
	rise float64
}

// word is an unbreakable run of pieces. space is the width of the space
// that follows it (0 when the next word is glued to it, after a hyphen or a
// character break); only real spaces stretch when a line is justified.
type word struct {
	pieces []piece
	w      float64
	space  float64
	spaces int // space characters after the word
	// glued counts the non-breaking spaces inside the word
	// (layout.Glue): drawn as spaces, stretched like them in a justified
	// line, never broken at.
	glued int
	// brk ends the line after the word: a title's break chosen by
	// layout.TitleBreaks, where the DOCX has a w:br.
	brk bool
	// spaceFit is space as LibreOffice measures it (layout.Face.FitAdvance)
	// and spaceIn the portion the space belongs to: breakLines decides
	// with them and the pieces' fit.
	spaceFit float64
	spaceIn  portion
}

// line is one laid-out line of a paragraph.
type line struct {
	words   []word
	natural float64 // width without the trailing space
	indent  float64 // extra left offset (first-line indent), pt
	avail   float64 // width available to the line, pt
	last    bool    // last line of its paragraph: never justified
}

// para is a paragraph broken into lines, ready to be placed.
type para struct {
	spec      compose.StyleSpec
	lines     []line
	line      float64 // line height, pt
	before    float64
	after     float64
	keepNext  bool
	rule      compose.Rule
	footnotes []int // footnote IDs referenced, in order
	// lineNotes[i] lists the footnotes referenced from line i.
	lineNotes [][]int
}

func (p *para) height() float64 { return float64(len(p.lines)) * p.line }

// textBox is the part of a line's height that holds its text, from the
// line's top. A line at a multiple of single spacing (Word's "Multiple")
// is as tall as the multiple, but LibreOffice sets its text in the single
// line at the top and leaves the rest below, where the last line of a page
// may run into the bottom margin (item.tail): measured on 14 pt lines at
// 1.15 to 2 lines between 20 and 25 mm margins, a page holds
// floor((H - single)/line) + 1 of them. An exact or single height is all
// text box.
func (p *para) textBox() float64 {
	if p.spec.Spacing > 1 {
		return min(compose.SpacedLine(p.spec.Size, 1), p.line)
	}
	return p.line
}

// maxLineWidth is the widest line's natural width.
func (p *para) maxLineWidth() float64 {
	w := 0.0
	for _, l := range p.lines {
		w = max(w, l.natural)
	}
	return w
}

// textBuilder turns runs into words. A word ends at a space; pieces inside
// a word change face when the run's emphasis changes.
type textBuilder struct {
	w     *Writer
	words []word
	cur   word
	open  bool
	notes []int
	// noteAt[i] lists the footnotes attached to word i.
	noteAt map[int][]int
	// glue lists the offsets, in the paragraph's text (layout.ParaText),
	// of the spaces and hyphens a line must not break at; off is the
	// offset of the text addText is given next, gi the first glue entry
	// not yet passed.
	glue    []int
	gi, off int
	// brks are the offsets of the spaces a title's lines break at
	// (layout.TitleBreaks), bi the first not yet passed.
	brks []int
	bi   int
}

// broken reports whether the space at offset at of the paragraph's text
// ends a title's line. Offsets are asked in increasing order.
func (b *textBuilder) broken(at int) bool {
	for b.bi < len(b.brks) && b.brks[b.bi] < at {
		b.bi++
	}
	return b.bi < len(b.brks) && b.brks[b.bi] == at
}

// breakAfterLast marks the last word as ending its line.
func (b *textBuilder) breakAfterLast() {
	if n := len(b.words); n > 0 {
		b.words[n-1].brk = true
	}
}

// glued reports whether the character at offset at of the paragraph's
// text is glue. Offsets are asked in increasing order.
func (b *textBuilder) glued(at int) bool {
	for b.gi < len(b.glue) && b.glue[b.gi] < at {
		b.gi++
	}
	return b.gi < len(b.glue) && b.glue[b.gi] == at
}

func (b *textBuilder) addText(s string, fi layout.FaceIndex, size, rise float64) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		b.addPiece(s[start:end], fi, size, rise)
		start = -1
	}
	base := b.off
	b.off += len(s)
	for i, r := range s {
		switch {
		case (r == ' ' || r == '-') && (start >= 0 || b.open) && b.glued(base+i):
			// A non-breaking space or hyphen, part of the word: the DOCX
			// has U+00A0 or w:noBreakHyphen there, which LibreOffice lays
			// out as a portion of its own (measured: the text before it is
			// counted in whole twips, see breakLines). In italic text it
			// takes that portion for the end of italic text and widens it
			// by layout.Fonts.ItalicReserve; the PDF draws it as wide, so
			// the line breaks and the words stand where LibreOffice puts
			// them.
			flush(i)
			b.addFixedPiece(s[i:i+1], fi, size, rise, b.w.fonts.ItalicReserve(fi, size))
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			flush(i)
			b.addSpace(fi, size)
			if r == ' ' && b.broken(base+i) {
				b.breakAfterLast()
			}
		case r == '-' && (start >= 0 || b.open) && (b.glued(base+i) || b.glued(base+i+1)):
			// A hyphen inside a reference or a range, or before a glued
			// space ("04/HD- ĐCT"): no break after it.
			if start < 0 {
				start = i
			}
		case (r == '-' || r == '–') && (start >= 0 || b.open):
			// A break is allowed after a hyphen or an en dash inside a word
			// ("2011-2015", "KH-UBND", "động –Thương", where the space
			// before the dash is glued) as Word and LibreOffice allow it
			// (UAX #14 class HY and BA); the glue after it does not stretch.
			if start < 0 {
				start = i
			}
			b.addPiece(s[start:i+utf8.RuneLen(r)], fi, size, rise)
			start = -1
			b.endWord(0, 0)
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
}

// addFixedPiece appends s to the current word as a piece of its own,
// extra points wider than its glyphs, which no other piece merges with.
func (b *textBuilder) addFixedPiece(s string, fi layout.FaceIndex, size, rise, extra float64) {
	w := b.w.face(fi).Width(s, size) + extra
	b.cur.glued += strings.Count(s, " ")
	fit := b.w.face(fi).FitWidth(s, size) + extra
	b.cur.pieces = append(b.cur.pieces, piece{text: s, face: fi, size: size, rise: rise, w: w, fit: fit, fixed: true})
	b.cur.w += w
	b.open = true
}

func (b *textBuilder) addPiece(s string, fi layout.FaceIndex, size, rise float64) {
	if s == "" {
		return
	}
	f := b.w.face(fi)
	w := 0.0
	for _, r := range s {
		w += f.Advance(r)
	}
	w *= size
	fit := f.FitWidth(s, size)
	b.cur.glued += strings.Count(s, " ")
	// Merge with the previous piece when the style is the same.
	if n := len(b.cur.pieces); n > 0 {
		p := &b.cur.pieces[n-1]
		if p.face == fi && p.size == size && p.rise == rise && !p.fixed {
			p.text += s
			p.w += w
			p.fit += fit
			b.cur.w += w
			b.open = true
			return
		}
	}
	b.cur.pieces = append(b.cur.pieces, piece{text: s, face: fi, size: size, rise: rise, w: w, fit: fit})
	b.cur.w += w
	b.open = true
}

func (b *textBuilder) addSpace(fi layout.FaceIndex, size float64) {
	sw := b.w.face(fi).Advance(' ') * size
	sf := b.w.face(fi).FitAdvance(' ', size)
	if b.open {
		b.cur.spaceFit = sf
		b.cur.spaceIn = portion{face: fi, size: size}
		b.endWord(sw, 1)
		return
	}
	// Spaces before any word, or a second space: widen the previous gap.
	if n := len(b.words); n > 0 {
		b.words[n-1].spaceFit += sf
		b.words[n-1].space += sw
		b.words[n-1].spaces++
	}
}

func (b *textBuilder) endWord(space float64, spaces int) {
	if !b.open {
		return
	}
	b.cur.space = space
	b.cur.spaces = spaces
	b.words = append(b.words, b.cur)
	b.cur = word{}
	b.open = false
}

// addNote appends a superscript footnote mark to the current word.
func (b *textBuilder) addNote(id int, fi layout.FaceIndex, size float64) {
	b.addPiece(strconv.Itoa(id), fi, size*supSize, size*supRise)
	if b.noteAt == nil {
		b.noteAt = map[int][]int{}
	}
	b.noteAt[len(b.words)] = append(b.noteAt[len(b.words)], id)
	b.notes = append(b.notes, id)
}

func (b *textBuilder) finish() []word {
	b.endWord(0, 0)
	return b.words
}

// layoutPara builds and breaks a paragraph to the given width (pt).
// sizeOverride, when > 0, replaces the style's size (table cells) and
// scales the line height with it.
func (w *Writer) layoutPara(p compose.Para, width float64, spec compose.StyleSpec) *para {
	out := &para{
		spec:     spec,
		line:     spec.Line,
		before:   spec.SpaceBefore,
		after:    spec.SpaceAfter,
		keepNext: p.KeepNext,
		rule:     p.Rule,
	}
	b := &textBuilder{w: w, glue: layout.ParaGlue(&p), brks: w.fonts.TitleBreaks(&p, spec, width)}
	base := layout.FaceOf(spec.Bold, spec.Italic)
	if p.Label != "" {
		b.addText(p.Label, base, spec.Size, 0)
		b.addSpace(base, spec.Size)
		if b.broken(b.off) {
			b.breakAfterLast()
		}
		b.off++ // the space ParaText puts after the label
	}
	for _, r := range p.Runs {
		fi := layout.FaceOf(spec.Bold || r.Bold, spec.Italic || r.Italic)
		b.addText(r.Text, fi, spec.Size, 0)
		if r.Footnote > 0 {
			b.addNote(r.Footnote, fi, spec.Size)
		}
	}
	words := b.finish()
	out.footnotes = b.notes
	indent := layout.IndentPt(spec.FirstIndent)
	out.lines = w.breakLines(words, width, indent)
	if len(b.noteAt) > 0 {
		out.lineNotes = make([][]int, len(out.lines))
		i := 0
		for li, l := range out.lines {
			for range l.words {
				out.lineNotes[li] = append(out.lineNotes[li], b.noteAt[i]...)
				i++
			}
		}
	}
	return out
}

// breakLines is greedy first-fit on word boundaries, as Word does: a word
// goes on the line if the line's width up to the end of that word (trailing
// spaces hang in the margin) fits as LibreOffice sets it (lineMeasure,
// layout.Fits: italic reserve kept). A word wider than a whole line is
// broken between characters.
func (w *Writer) breakLines(words []word, width, indent float64) []line {
	const eps = 0.01
	var lines []line
	avail := width - indent
	cur := line{indent: indent, avail: avail}
	pending := 0.0 // space owed before the next word on this line
	// m is the line as LibreOffice measures it; the break is decided on it.
	var m lineMeasure
	var pendingFit float64
	var pendingIn portion
	push := func() {
		lines = append(lines, cur)
		cur = line{avail: width}
		avail = width
		pending, pendingFit, m = 0, 0, lineMeasure{}
	}
	for i := 0; i < len(words); i++ {
		wd := words[i]
		next := m
		if len(cur.words) > 0 {
			next.add(pendingIn, false, pendingFit)
		}
		for _, p := range wd.pieces {
			next.add(portion{p.face, p.size, p.rise}, p.fixed, p.fit)
		}
		if len(cur.words) > 0 && !layout.Fits(next.width()+w.italicReserve(wd), avail) {
			push()
			next = lineMeasure{}
			for _, p := range wd.pieces {
				next.add(portion{p.face, p.size, p.rise}, p.fixed, p.fit)
			}
		}
		if len(cur.words) == 0 && wd.w > avail+eps {
			// Break the word between characters.
			head, tail := w.splitWord(wd, avail)
			if len(head.pieces) == 0 { // not even one character fits: take one
				head, tail = w.splitWord(wd, firstRuneWidth(w, wd))
				if len(head.pieces) == 0 {
					head, tail = wd, word{}
				}
			}
			cur.words = append(cur.words, head)
			cur.natural += head.w
			m = lineMeasure{}
			m.add(portion{}, true, head.w) // a word split between characters: exact widths
			if len(tail.pieces) > 0 {
				push()
				// The tail is the next word to place: in place, so a word
				// of any length breaks in time linear in its length.
				words[i] = tail
				i--
				continue
			}
			pending, pendingFit, pendingIn = head.space, head.spaceFit, head.spaceIn
			continue
		}
		cur.natural += pending + wd.w
		m = next
		cur.words = append(cur.words, wd)
		pending, pendingFit, pendingIn = wd.space, wd.spaceFit, wd.spaceIn
		if wd.brk && i < len(words)-1 {
			push()
		}
	}
	if len(cur.words) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	lines[len(lines)-1].last = true
	return lines
}

// lineMeasure is a line's width as LibreOffice measures it to break it:
// each text portion it has finished (a change of face, size or rise, a
// glued space or hyphen) in whole twips, rounded, and the open one, where
// the break falls, to the pixel of its reference device. Measured against
// LibreOffice 7.4 with upright, bold and italic runs, U+00A0 and
// w:noBreakHyphen: summing at the pixel throughout misses a quarter of the
// edges by a twip; this meets all of them.
type lineMeasure struct {
	done    float64 // finished portions, whole twips, pt
	open    float64 // the open portion, pt
	in      portion
	fixed   bool // the open portion is a piece of its own
	started bool
}

func (m *lineMeasure) add(in portion, fixed bool, w float64) {
	if m.started && (in != m.in || fixed || m.fixed) {
		m.done += layout.Pt(int(math.Floor(m.open*20 + 0.5 + 1e-6)))
		m.open = 0
	}
	m.in, m.fixed, m.started = in, fixed, true
	m.open += w
}

func (m lineMeasure) width() float64 { return m.done + m.open }

// italicReserve is the room LibreOffice keeps at the end of a line when wd
// ends in italic text (layout.Fonts.ItalicReserve): the line must fit
// without it.
func (w *Writer) italicReserve(wd word) float64 {
	if len(wd.pieces) == 0 {
		return 0
	}
	p := wd.pieces[len(wd.pieces)-1]
	if p.rise != 0 { // a footnote mark: LibreOffice's own portion, upright
		return 0
	}
	return w.fonts.ItalicReserve(p.face, p.size)
}

// splitWord splits wd so that the head is at most width wide (at least one
// character when possible).
func (w *Writer) splitWord(wd word, width float64) (head, tail word) {
	used := 0.0
	for pi, p := range wd.pieces {
		if used+p.w <= width+0.01 {
			head.pieces = append(head.pieces, p)
			used += p.w
			continue
		}
		f := w.face(p.face)
		cut, acc := 0, 0.0
		for i, r := range p.text {
			cw := f.Advance(r) * p.size
			if used+acc+cw > width+0.01 {
				break
			}
			acc += cw
			cut = i + utf8.RuneLen(r)
		}
		if cut > 0 {
			head.pieces = append(head.pieces, piece{text: p.text[:cut], face: p.face, size: p.size, rise: p.rise, w: acc, fit: f.FitWidth(p.text[:cut], p.size)})
			used += acc
		}
		var rest []piece
		if cut < len(p.text) {
			rest = append(rest, piece{text: p.text[cut:], face: p.face, size: p.size, rise: p.rise, w: p.w - acc, fit: f.FitWidth(p.text[cut:], p.size), fixed: p.fixed})
		}
		rest = append(rest, wd.pieces[pi+1:]...)
		// The word's end, with its space and any line break after it,
		// goes with the tail.
		tail = word{pieces: rest, space: wd.space, spaces: wd.spaces, spaceFit: wd.spaceFit, spaceIn: wd.spaceIn, brk: wd.brk}
		for _, q := range rest {
			tail.w += q.w
		}
		// Count in the head only, which is at most a line long: counting
		// the tail would make a long word's breaking quadratic.
		for _, q := range head.pieces {
			head.glued += strings.Count(q.text, " ")
		}
		tail.glued = wd.glued - head.glued
		head.w = used
		return head, tail
	}
	head.w = used
	head.space, head.spaces, head.glued = wd.space, wd.spaces, wd.glued
	head.spaceFit, head.spaceIn, head.brk = wd.spaceFit, wd.spaceIn, wd.brk
	return head, word{}
}

// firstRuneWidth is the width of the first character of wd.
func firstRuneWidth(w *Writer, wd word) float64 {
	p := wd.pieces[0]
	r, _ := utf8.DecodeRuneInString(p.text)
	return w.face(p.face).Advance(r) * p.size
}
