package pdfread

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// zones splits the lines into header, body, closing and after-signature
// zones and emits their paragraphs.
func (lo *layout) zones() {
	ls := lo.lines
	hEnd := lo.header()
	cStart, cEnd := lo.closingZone(hEnd)
	lo.paragraphs(ls[hEnd:cStart], ZoneBody)
	if cStart < cEnd {
		lo.closing(ls[cStart:cEnd])
	}
	// An attached document (a quy định, an điều lệ issued by the
	// decision) opens with its own two-column header, right after the
	// closing or at the top of a page: it is emitted as header columns
	// too, so the importer knows it as it knows a .docx attachment's
	// header table rather than reading it as a grid of data.
	from := cEnd
	for k := cEnd; k < len(ls); k++ {
		if k > cEnd && ls[k].page == ls[k-1].page {
			continue
		}
		cols, end := lo.headerAt(k)
		if cols == nil {
			continue
		}
		lo.paragraphs(ls[from:k], ZoneAfter)
		lo.emitColumns(cols)
		from = end
		k = end - 1
	}
	lo.paragraphs(ls[from:], ZoneAfter)
}

// emitColumns emits the columns of a header or closing block one after
// the other, each ending its cell.
func (lo *layout) emitColumns(cols [][]Para) {
	for _, col := range cols {
		if len(col) > 0 {
			col[len(col)-1].CellEnd = true
		}
		for _, p := range col {
			lo.emit(p)
		}
	}
}

func (lo *layout) emit(p Para) {
	if strings.TrimSpace(p.Text()) == "" && !hasFootnote(p.Runs) && p.Rows == nil {
		return
	}
	lo.res.Paras = append(lo.res.Paras, p)
}

func hasFootnote(rs []Run) bool {
	for _, r := range rs {
		if r.Footnote != "" {
			return true
		}
	}
	return false
}

func isNation(t string) bool {
	u := strings.ToUpper(t)
	return strings.Contains(u, "CỘNG HÒA XÃ HỘI") || strings.Contains(u, "CỘNG HOÀ XÃ HỘI")
}

// header finds the two-column header on the first page and emits it (see
// headerAt); it returns the index of the first body line.
func (lo *layout) header() int {
	cols, end := lo.headerAt(0)
	lo.emitColumns(cols)
	return end
}

// headerAt finds a two-column header among the first lines of the page
// from is on, from there on: the lines down to the first one that is not in
// a column (a centred title, a line across the split). It returns the left
// column, then the right, and the index of the line after the header; nil
// and from when the Quốc hiệu is not there or is centred (a stacked
// header, read in order).
func (lo *layout) headerAt(from int) ([][]Para, int) {
	ls := lo.lines
	if from >= len(ls) {
		return nil, from
	}
	page := ls[from].page
	ni, nseg := -1, (*seg)(nil)
	for k := from; k < len(ls); k++ {
		l := ls[k]
		if l.page != page || k-from > 15 {
			break
		}
		for _, s := range l.segs {
			if isNation(s.text()) {
				ni, nseg = k, s
				break
			}
		}
		if ni >= 0 {
			break
		}
	}
	if ni < 0 {
		return nil, from
	}
	split := nseg.x0 - 1
	rightCentre := nseg.centre()
	textCentre := (lo.left(page) + lo.right(page)) / 2
	if math.Abs(rightCentre-textCentre) < 2*lo.h {
		// The Quốc hiệu is centred on the page: the header is stacked, not
		// in two columns. Its lines read in order.
		return nil, from
	}
	maxY := nseg.y0 + 0.4*lo.pages[page].Height
	end := len(ls)
	for k := ni + 1; k < len(ls); k++ {
		l := ls[k]
		if l.page != page || l.y0 > maxY {
			end = k
			break
		}
		stop := false
		for _, s := range l.segs {
			c := s.centre()
			if (s.x0 < split-lo.h/2 && s.x1 > split+lo.h/2) ||
				(c > split && math.Abs(c-textCentre) < math.Abs(c-rightCentre)) ||
				call(lo.opt.Standalone, s.text()) || call(lo.opt.EndsHeader, s.text()) {
				stop = true
			}
		}
		if stop {
			end = k
			break
		}
	}
	var left, right []Para
	for _, l := range ls[from:end] {
		var lw, rw []*word
		for _, s := range l.segs {
			if s.centre() < split {
				lw = append(lw, s.words...)
			} else {
				rw = append(rw, s.words...)
			}
		}
		if len(lw) > 0 {
			left = append(left, Para{Runs: runsOf(lw, true), Zone: ZoneHeaderLeft, Page: page + 1})
		}
		if len(rw) > 0 {
			right = append(right, Para{Runs: runsOf(rw, false), Zone: ZoneHeaderRight, Page: page + 1})
		}
	}
	return [][]Para{left, right}, end
}

// runsOf joins words into runs: a new run where bold or italic changes and
// after each footnote mark. number: a "Số:" line, whose number and
// "/symbol" the stamping split ("Số: 453" and "/TB-UBND") are joined back.
func runsOf(ws []*word, number bool) []Run {
	var out []Run
	var cur *Run
	for i, w := range ws {
		if w.Text == "" && w.footnote == "" {
			continue
		}
		sep := ""
		if (cur != nil || len(out) > 0) && w.Text != "" {
			// Glued: "453" and "/TB-UBND" of a stamped number; a comma
			// after a footnote mark ("Tỉnh ủy¹, Đảng ủy").
			stamped := number && strings.HasPrefix(w.Text, "/") && i > 0 && isDigits(ws[i-1].Text)
			afterMark := cur == nil && len(out) > 0 && out[len(out)-1].Footnote != "" && strings.ContainsAny(w.Text[:1], ",.;:)")
			if !stamped && !afterMark {
				sep = " "
			}
		}
		if cur != nil && (cur.Bold != w.Bold || cur.Italic != w.Italic) {
			out = append(out, *cur)
			cur = nil
		}
		if cur == nil {
			cur = &Run{Bold: w.Bold, Italic: w.Italic}
		}
		cur.Text += sep + w.Text
		if w.footnote != "" {
			cur.Footnote = w.footnote
			out = append(out, *cur)
			cur = nil
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// closingZone finds the Nơi nhận / signature blocks after the body: from
// the first line that opens them (with the signature lines just above it
// on the right) to the end of that page.
func (lo *layout) closingZone(from int) (int, int) {
	ls := lo.lines
	start := -1
	for k := from; k < len(ls); k++ {
		for _, s := range ls[k].segs {
			if call(lo.opt.Closing, s.text()) && s.x1-s.x0 < 0.75*(lo.right(ls[k].page)-lo.left(ls[k].page)) {
				start = k
				break
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return len(ls), len(ls)
	}
	mid := (lo.left(ls[start].page) + lo.right(ls[start].page)) / 2
	for start > from && ls[start-1].page == ls[start].page && ls[start-1].x0 > mid-2*lo.h && isCaps(ls[start-1].text()) {
		start--
	}
	// The two columns end with the page, or at a line across both (an
	// endnote, an attached text).
	end := start
	across := func(l *vline) bool {
		for _, s := range l.segs {
			if s.x0 < mid-2*lo.h && s.x1 > mid+4*lo.h {
				return true
			}
		}
		return false
	}
	for end < len(ls) && ls[end].page == ls[start].page && (end == start || !across(ls[end])) {
		end++
	}
	// A long Nơi nhận goes on at the top of the next page (its Lưu line,
	// which ends it, is not on this one): its "- ..." lines on the left,
	// the rest of the signature on the right.
	ended := false
	for _, l := range ls[start:end] {
		for _, sg := range l.segs {
			t := strings.TrimLeft(sg.text(), "-–• ")
			ended = ended || (sg.x0 < mid && strings.HasPrefix(t, "Lưu"))
		}
	}
	for !ended && end < len(ls) && ls[end].page == ls[start].page+1 && !across(ls[end]) {
		t := strings.TrimSpace(ls[end].text())
		left := ls[end].x1 < mid
		if !(left && (strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") || strings.HasPrefix(t, "Lưu"))) && !(ls[end].x0 > mid-lo.h) {
			break
		}
		end++
	}
	return start, end
}

// closing emits the left column (Nơi nhận: one line per recipient, wrapped
// lines joined) and the right column (one line each) as two cells.
func (lo *layout) closing(ls []*vline) {
	mid := (lo.left(ls[0].page) + lo.right(ls[0].page)) / 2
	var left, right []Para
	for _, l := range ls {
		var lw, rw []*word
		for _, s := range l.segs {
			if s.centre() < mid && s.x0 < mid-lo.h {
				lw = append(lw, s.words...)
			} else {
				rw = append(rw, s.words...)
			}
		}
		if len(lw) > 0 {
			runs := runsOf(lw, false)
			t := strings.TrimSpace(Para{Runs: runs}.Text())
			// A recipient wrapped onto the next line goes on it, and so
			// does a note under it ("(để đưa tin)"); other text after a
			// line that ended its item (";", ".", "Lưu: VT.") starts a new
			// one, such as a group heading "Bản điện tử:". A line in
			// capitals that is no "- …" item is a signature block's (the
			// left one of two, as a biên bản's thư ký or a joint
			// document's second body sign): nothing joins it, neither
			// its next title line nor the name under it.
			if n := len(left); n > 0 && !call(lo.opt.StartsBlock, t) && !call(lo.opt.Closing, t) && !strings.HasPrefix(t, "Lưu") &&
				!sigCaps(left[n-1].Text()) &&
				(!endsTerminal(left[n-1].Text()) || strings.HasPrefix(t, "(")) {
				left[n-1].Runs = joinRuns(left[n-1].Runs, runs)
			} else {
				left = append(left, Para{Runs: runs, Zone: ZoneRecipients, Page: l.page + 1})
			}
		}
		if len(rw) > 0 {
			right = append(right, Para{Runs: runsOf(rw, false), Zone: ZoneSignature, Page: l.page + 1})
		}
	}
	lo.emitColumns([][]Para{left, right})
}

// sigCaps: a left-column line in capitals that is no "- …" item, a line
// of a signature block.
func sigCaps(t string) bool {
	t = strings.TrimSpace(t)
	return isCaps(t) && strings.IndexAny(t, "-–•+") != 0
}

func joinRuns(a, b []Run) []Run {
	if len(b) == 0 {
		return a
	}
	out := append([]Run(nil), a...)
	first := b[0]
	if !brokenAtHyphen(out) {
		first.Text = " " + first.Text
	}
	if n := len(out); n > 0 && out[n-1].Footnote == "" && out[n-1].Bold == first.Bold && out[n-1].Italic == first.Italic {
		out[n-1].Text += first.Text
		out[n-1].Footnote = first.Footnote
		return append(out, b[1:]...)
	}
	return append(append(out, first), b[1:]...)
}

// brokenAtHyphen: the runs end in a word Word broke after its hyphen
// ("226-" / "KL/TW", "2026-" / "2031"): the next line continues the word.
func brokenAtHyphen(rs []Run) bool {
	if len(rs) == 0 {
		return false
	}
	t := rs[len(rs)-1].Text
	return rs[len(rs)-1].Footnote == "" && len(t) >= 2 && strings.HasSuffix(t, "-") && !strings.HasSuffix(t, " -") && !strings.HasSuffix(t, "--")
}

// paragraphs re-joins visual lines into paragraphs: a line continues the
// one above unless it opens a block (label, bullet), either is a
// standalone line, the gap above it is wider than the usual line gap, it
// is indented further than the line above, or the line above ended short
// of the right margin. Centred lines join only centred lines.
func (lo *layout) paragraphs(ls []*vline, zone Zone) {
	var cur *Para
	var prev *vline
	var first *vline
	flush := func() {
		if cur != nil {
			cur.Running = first != nil && !lo.centred(first) && first.x0 > lo.left(first.page)+0.8*lo.h && !allBold(cur.Runs)
			lo.emit(*cur)
			cur = nil
		}
	}
	for k := 0; k < len(ls); k++ {
		l := ls[k]
		if rows, next := lo.tableAt(ls, k); rows != nil {
			flush()
			lo.emit(Para{Rows: rows, Zone: zone, Page: l.page + 1})
			k, prev = next-1, nil
			continue
		}
		runs := runsOf(l.words(), false)
		t := strings.TrimSpace(Para{Runs: runs}.Text())
		if t == "" && !hasFootnote(runs) {
			continue
		}
		if cur != nil && prev != nil && lo.continues(prev, l, t) {
			cur.Runs = joinRuns(cur.Runs, runs)
		} else {
			flush()
			cur = &Para{Runs: runs, Zone: zone, Page: l.page + 1}
			first = l
		}
		prev = l
	}
	flush()
}

func lineBold(l *vline) bool {
	for _, w := range l.words() {
		if !w.Bold {
			return false
		}
	}
	return true
}

func allBold(rs []Run) bool {
	for _, r := range rs {
		if strings.TrimSpace(r.Text) != "" && !r.Bold {
			return false
		}
	}
	return true
}

func (lo *layout) centred(l *vline) bool {
	c := (l.x0 + l.x1) / 2
	lm, rm := lo.left(l.page), lo.right(l.page)
	return l.x0 > lm+2*lo.h && l.x1 < rm-2*lo.h && math.Abs(c-(lm+rm)/2) < 2*lo.h
}

func (lo *layout) continues(p, l *vline, t string) bool {
	pt := strings.TrimSpace(p.text())
	if call(lo.opt.StartsBlock, t) || call(lo.opt.Standalone, t) || call(lo.opt.Standalone, pt) {
		return false
	}
	gap := l.y0 - p.y1
	samePage := p.page == l.page
	if samePage && (gap > lo.gap+0.45*lo.h || gap < -lo.h) {
		return false
	}
	if startsLower(t) {
		return true
	}
	pc, lc := lo.centred(p), lo.centred(l)
	if pc || lc {
		// A title in capitals may open with a line set to the margins.
		return (pc && lc && isCaps(pt) == isCaps(t)) || (isCaps(pt) && isCaps(t) && lineBold(p) == lineBold(l))
	}
	if len(l.segs) > 1 || len(p.segs) > 1 {
		// A row of a table or a line with tab stops.
		return false
	}
	if l.x0 > p.x0+0.8*lo.h && l.x0 > lo.left(l.page)+0.8*lo.h {
		return false
	}
	if p.x1 < lo.right(p.page)-3*lo.h {
		return false
	}
	if endsTerminal(pt) && l.x0 > lo.left(l.page)+0.8*lo.h {
		return false
	}
	return true
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func isCaps(s string) bool {
	return strings.ContainsFunc(s, unicode.IsLetter) && !strings.ContainsFunc(s, unicode.IsLower)
}

func endsTerminal(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "”\"’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// tableAt reads a grid starting at ls[i]: two or more consecutive lines of
// several segments whose segments fall into shared columns (the columns
// are the union of the segments' x ranges). A line with nothing in the
// first column continues the row above (a wrapped cell). It returns the
// rows, the first one the header, and the index after them; nil when
// there is no grid.
func (lo *layout) tableAt(ls []*vline, i int) ([][]string, int) {
	j := i
	for j < len(ls) && (j == i || ls[j].page == ls[j-1].page) {
		// A line of one segment right of the first column is a wrapped
		// cell of the row above.
		wrapped := j > i && len(ls[j].segs) == 1 && ls[j].segs[0].x0 > ls[i].segs[0].x1+lo.h/2
		if len(ls[j].segs) < 2 && !wrapped {
			break
		}
		j++
	}
	for j > i && len(ls[j-1].segs) < 2 && j-1 > i+1 {
		// It ends on a full row: a trailing lone segment is text.
		if ls[j-1].segs[0].x1 > lo.right(ls[j-1].page)-lo.h {
			j--
			continue
		}
		break
	}
	if j-i < 2 || len(ls[i].segs) < 2 || len(ls[i+1].segs) < 2 {
		return nil, i
	}
	type span struct{ x0, x1 float64 }
	var spans []span
	for _, l := range ls[i:j] {
		for _, w := range l.words() {
			if w.footnote != "" {
				return nil, i // a footnote mark has no place in a cell
			}
		}
		for _, s := range l.segs {
			spans = append(spans, span{s.x0, s.x1})
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].x0 < spans[b].x0 })
	var cols []span
	for _, s := range spans {
		if n := len(cols); n > 0 && s.x0 <= cols[n-1].x1 {
			cols[n-1].x1 = math.Max(cols[n-1].x1, s.x1)
			continue
		}
		cols = append(cols, s)
	}
	if len(cols) < 2 || len(cols) > 16 {
		return nil, i
	}
	var rows [][]string
	for _, l := range ls[i:j] {
		cells := make([]string, len(cols))
		for _, s := range l.segs {
			for c := range cols {
				if s.x0 >= cols[c].x0 && s.x0 <= cols[c].x1 {
					cells[c] = strings.TrimSpace(cells[c] + " " + s.text())
					break
				}
			}
		}
		if n := len(rows); n > 0 && cells[0] == "" {
			for c := range cells {
				rows[n-1][c] = strings.TrimSpace(rows[n-1][c] + " " + cells[c])
			}
			continue
		}
		rows = append(rows, cells)
	}
	if len(rows) < 2 {
		return nil, i
	}
	return rows, j
}
