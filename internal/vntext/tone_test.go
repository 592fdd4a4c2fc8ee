package vntext

import "testing"

func TestToneStyle(t *testing.T) {
	cases := []struct {
		in       string
		old, new int
		toOld    string
		toNew    string
	}{
		{"hòa", 1, 0, "hòa", "hoà"},
		{"hoà", 0, 1, "hòa", "hoà"},
		{"thủy", 1, 0, "thủy", "thuỷ"},
		{"Ủy ban", 1, 0, "Ủy ban", "Uỷ ban"},
		{"Uỷ ban", 0, 1, "Ủy ban", "Uỷ ban"},
		{"khỏe", 1, 0, "khỏe", "khoẻ"},
		{"xoè", 0, 1, "xòe", "xoè"},
		{"HÒA", 1, 0, "HÒA", "HOÀ"},
		{"Hòa", 1, 0, "Hòa", "Hoà"},
		{"THUỶ", 0, 1, "THỦY", "THUỶ"},
		{"hóa đơn", 1, 0, "hóa đơn", "hoá đơn"},
		{"tùy", 1, 0, "tùy", "tuỳ"},
		{"lũy", 1, 0, "lũy", "luỹ"},
		// Words where the styles agree are never touched.
		{"hoàn thành", 0, 0, "hoàn thành", "hoàn thành"},
		{"thuyền", 0, 0, "thuyền", "thuyền"},
		{"quý", 0, 0, "quý", "quý"},
		{"quà", 0, 0, "quà", "quà"},
		{"hoa", 0, 0, "hoa", "hoa"},
		{"ngoài", 0, 0, "ngoài", "ngoài"},
		{"khuya", 0, 0, "khuya", "khuya"},
		{"", 0, 0, "", ""},
		{"English text", 0, 0, "English text", "English text"},
		// Mixed text keeps punctuation and spacing byte for byte.
		{"Cộng hòa xã hội; Ủy ban (hoà giải)  thủy-lợi.", 3, 1,
			"Cộng hòa xã hội; Ủy ban (hòa giải)  thủy-lợi.",
			"Cộng hoà xã hội; Uỷ ban (hoà giải)  thuỷ-lợi."},
		// Decomposed input: changed words come out NFC.
		{"ho\u0300a", 1, 0, "ho\u0300a", "hoà"},
	}
	for _, c := range cases {
		o, n := DetectToneStyle(c.in)
		if o != c.old || n != c.new {
			t.Errorf("DetectToneStyle(%q) = %d, %d; want %d, %d", c.in, o, n, c.old, c.new)
		}
		if got := NormalizeTone(c.in, ToneOld); got != c.toOld {
			t.Errorf("NormalizeTone(%q, old) = %q, want %q", c.in, got, c.toOld)
		}
		if got := NormalizeTone(c.in, ToneNew); got != c.toNew {
			t.Errorf("NormalizeTone(%q, new) = %q, want %q", c.in, got, c.toNew)
		}
		if got := NormalizeTone(c.in, ToneUnknown); got != c.in {
			t.Errorf("NormalizeTone(%q, unknown) changed it", c.in)
		}
	}
	// All five tones on all three rimes, both cases.
	for _, rime := range [][2]rune{{'o', 'a'}, {'o', 'e'}, {'u', 'y'}} {
		for tone := toneHuyen; tone < numTones; tone++ {
			for _, up := range []bool{false, true} {
				old := "th" + string([]rune{compose(rime[0], tone, up), compose(rime[1], toneNone, up)})
				nw := "th" + string([]rune{compose(rime[0], toneNone, up), compose(rime[1], tone, up)})
				if got := NormalizeTone(old, ToneNew); got != nw {
					t.Errorf("NormalizeTone(%q, new) = %q, want %q", old, got, nw)
				}
				if got := NormalizeTone(nw, ToneOld); got != old {
					t.Errorf("NormalizeTone(%q, old) = %q, want %q", nw, got, old)
				}
			}
		}
	}
}
