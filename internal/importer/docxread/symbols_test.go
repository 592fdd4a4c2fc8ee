package docxread

import "testing"

func TestSymbolRune(t *testing.T) {
	tests := []struct {
		font, char string
		want       rune
	}{
		{"Wingdings", "F0FE", '■'},    // ☑ ticked box
		{"Wingdings", "F06F", '□'},    // ☐ empty box
		{"Wingdings", "F0FC", '√'},    // ✓
		{" wingdings ", "FE", '■'},    // an older file: the byte itself
		{"Symbol", "F0B7", '•'},       // bullet
		{"Wingdings 2", "F052", '■'},  // ☑
		{"Wingdings", "F0E9", 0xF0E9}, // unknown: private use, reported by the importer
		{"Webdings", "F021", 0xF021},
		{"Times New Roman", "00E9", 'é'}, // a plain font's code point
		{"Wingdings", "zz", 0xF000},      // malformed: still reported, never dropped
	}
	for _, tt := range tests {
		if got := symbolRune(tt.font, tt.char); got != tt.want {
			t.Errorf("symbolRune(%q, %q) = %U, want %U", tt.font, tt.char, got, tt.want)
		}
	}
}
