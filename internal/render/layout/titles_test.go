package layout

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/compose"
)

// titleLinesOf is p's text cut at TitleBreaks.
func titleLinesOf(fo *Fonts, p *compose.Para, width float64) []string {
	text := ParaText(p)
	brk := fo.TitleBreaks(p, compose.Styles[p.Style], width)
	if brk == nil {
		return nil
	}
	var out []string
	start := 0
	for _, at := range append(brk, len(text)) {
		out = append(out, text[start:at])
		start = at + 1
	}
	return out
}

func TestCompound(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"KẾ", "HOẠCH", true},
		{"phát", "triển", true},
		{"Ủy", "ban", true},
		{"“Thực", "hiện", true}, // an opening quote does not hide it
		{"kinh", "tế,", true},   // nor punctuation after it
		{"tế,", "xã", false},    // a comma closes the phrase
		{"hoạch", "phát", false},
		{"", "ban", false},
	}
	for _, tt := range tests {
		if got := Compound(tt.a, tt.b); got != tt.want {
			t.Errorf("Compound(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	for c := range Compounds() {
		if f := strings.Fields(c); len(f) != 2 || c != strings.ToLower(c) || !utf8.ValidString(c) {
			t.Errorf("lexicon entry %q is not two lower-case syllables", c)
		}
	}
	if n := len(Compounds()); n < 300 {
		t.Errorf("lexicon has %d entries, want a few hundred", n)
	}
}

func TestTitleBreaks(t *testing.T) {
	fo := loadFonts(t)
	const summary = "Triển khai thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2023"
	tests := []struct {
		name  string
		style compose.Style
		text  string
		width float64
		// want are the lines, or nil for no breaks; starts, when set, are
		// words some line but the first must start with instead.
		want   []string
		starts []string
	}{
		{"fits on one line", compose.StyleSummary, "Thực hiện công tác bình đẳng giới năm 2023", 467, nil, nil},
		{"not a title", compose.StyleBody, summary, 467, nil, nil},
		{"type name in a narrow column", compose.StyleTitle, "KẾ HOẠCH TRIỂN KHAI", 100, []string{"KẾ HOẠCH", "TRIỂN KHAI"}, nil},
		{"V/v column: before a phrase, not inside a word", compose.StyleSubject,
			"V/v hướng dẫn hoạt động bình đẳng giới năm 2020", 181,
			[]string{"V/v hướng dẫn hoạt động", "bình đẳng giới năm 2020"}, nil},
		{"trích yếu: balanced, never inside a word", compose.StyleSummary, summary, 467, nil, []string{}},
		{"trích yếu: at a phrase", compose.StyleSummary, "Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2023",
			467, nil, []string{"và", "vì", "trên", "năm", "ứng"}},
		{"word wider than the column", compose.StyleTitle, "QUYẾTĐỊNHQUYẾTĐỊNHQUYẾTĐỊNH KẾ", 60, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &compose.Para{Style: tt.style, Runs: []compose.Run{{Text: tt.text}}}
			got := titleLinesOf(fo, p, tt.width)
			if tt.starts == nil {
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("lines %q, want %q", got, tt.want)
				}
				return
			}
			if len(got) < 2 {
				t.Fatalf("lines %q, want at least two", got)
			}
			ok := len(tt.starts) == 0
			for _, l := range got[1:] {
				for _, s := range tt.starts {
					ok = ok || strings.HasPrefix(l, s+" ")
				}
			}
			if !ok {
				t.Errorf("lines %q: none starts with one of %q", got, tt.starts)
			}
			checkTitle(t, fo, p, got, tt.width)
		})
	}
}

// checkTitle asserts what every chosen title holds: each line fits with
// TitleMargin to spare, no line ends inside a compound, and the lines are
// balanced (none more than a third of the column longer than another but
// the last, which is no longer than the others).
func checkTitle(t *testing.T, fo *Fonts, p *compose.Para, lines []string, width float64) {
	t.Helper()
	spec := compose.Styles[p.Style]
	var ws []float64
	for i, l := range lines {
		w := fo.Width(l, spec.Size, spec.Bold, spec.Italic)
		ws = append(ws, w)
		if w > width-TitleMargin+0.01 {
			t.Errorf("line %q is %.1f pt wide, the column %.1f", l, w, width)
		}
		if i+1 < len(lines) {
			a, b := strings.Fields(l), strings.Fields(lines[i+1])
			if Compound(a[len(a)-1], b[0]) {
				t.Errorf("line %q ends inside a compound with %q", l, b[0])
			}
		}
	}
	if len(ws) > 2 {
		lo, hi := ws[0], ws[0]
		for _, w := range ws[:len(ws)-1] {
			lo, hi = min(lo, w), max(hi, w)
		}
		if hi-lo > width/3 {
			t.Errorf("lines %q are not balanced: %.0f to %.0f pt", lines, lo, hi)
		}
	}
	if n := len(ws); n > 1 && ws[n-1] > ws[n-2]+width/4 {
		t.Errorf("last line %q is longer than it needs", lines[n-1])
	}
}

// TestTitleBreaksProperty breaks titles strung from the lexicon at many
// widths: the lines read as the title, and a compound is split only when it
// is wider than the column on its own.
func TestTitleBreaksProperty(t *testing.T) {
	fo := loadFonts(t)
	var terms []string
	for c := range Compounds() {
		terms = append(terms, c)
	}
	slices.Sort(terms)
	for i := range 40 { // every 13th, to mix the letters
		terms[i] = terms[i*13%len(terms)]
	}
	for n := 3; n <= 30; n += 3 {
		for _, width := range []float64{90, 160, 240, 467} {
			text := strings.ToUpper(strings.Join(terms[:n], " "))
			p := &compose.Para{Style: compose.StyleTitle, Runs: []compose.Run{{Text: text}}}
			lines := titleLinesOf(fo, p, width)
			if lines == nil {
				if fo.Width(text, 14, true, false) > width {
					t.Errorf("%d terms at %.0f pt: no breaks, but the title does not fit", n, width)
				}
				continue
			}
			if got := fo.TitleLines(p, compose.Styles[p.Style], width); got != len(lines) {
				t.Errorf("TitleLines %d, lines %d", got, len(lines))
			}
			for i := 0; i+1 < len(lines); i++ {
				a, b := strings.Fields(lines[i]), strings.Fields(lines[i+1])
				pair := a[len(a)-1] + " " + b[0]
				if Compound(a[len(a)-1], b[0]) && fo.Width(pair, 14, true, false) <= width-TitleMargin {
					t.Errorf("%d terms at %.0f pt: %q ends inside a compound", n, width, lines[i])
				}
			}
			if strings.Join(lines, " ") != text {
				t.Errorf("%d terms at %.0f pt: lines %q do not read as the title", n, width, lines)
			}
		}
	}
}

// TestTitleBreaksLong: a "title" of thousands of words is broken greedily
// (still never inside a compound) in time linear in its length.
func TestTitleBreaksLong(t *testing.T) {
	fo := loadFonts(t)
	text := strings.TrimSpace(strings.Repeat("phát triển kinh tế xã hội giai đoạn ", 2000))
	p := &compose.Para{Style: compose.StyleSubject, Runs: []compose.Run{{Text: text}}}
	lines := titleLinesOf(fo, p, 180)
	if len(lines) < 100 {
		t.Fatalf("%d lines", len(lines))
	}
	for i := 0; i+1 < len(lines); i++ {
		a, b := strings.Fields(lines[i]), strings.Fields(lines[i+1])
		if Compound(a[len(a)-1], b[0]) {
			t.Fatalf("line %d %q ends inside a compound", i, lines[i])
		}
	}
}

func BenchmarkTitleBreaks(b *testing.B) {
	fo := loadFonts(b)
	p := &compose.Para{Style: compose.StyleSummary, Runs: []compose.Run{{Text: "Triển khai thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025 trên địa bàn tỉnh Gia Lai"}}}
	for b.Loop() {
		fo.TitleBreaks(p, compose.Styles[p.Style], 467)
	}
}
