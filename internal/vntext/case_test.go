package vntext

import "testing"

func TestCase(t *testing.T) {
	cases := []struct{ in, upper, lower string }{
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hòa xã hội chủ nghĩa việt nam"},
		{"quyết định", "QUYẾT ĐỊNH", "quyết định"},
		{"Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "độc lập - tự do - hạnh phúc"},
		{"ặ ằ ẳ ẵ ắ ử ữ ỹ ỵ", "Ặ Ằ Ẳ Ẵ Ắ Ử Ữ Ỹ Ỵ", "ặ ằ ẳ ẵ ắ ử ữ ỹ ỵ"},
		{"Số 12/2024/QĐ-UBND", "SỐ 12/2024/QĐ-UBND", "số 12/2024/qđ-ubnd"},
		{"Vie\u0323\u0302t", "VIỆT", "việt"}, // decomposed input → NFC output
	}
	for _, c := range cases {
		if got := Upper(c.in); got != c.upper {
			t.Errorf("Upper(%q) = %q, want %q", c.in, got, c.upper)
		}
		if got := Lower(c.in); got != c.lower {
			t.Errorf("Lower(%q) = %q, want %q", c.in, got, c.lower)
		}
		if !IsUpper(c.upper) {
			t.Errorf("IsUpper(%q) = false", c.upper)
		}
		if IsUpper(c.lower) {
			t.Errorf("IsUpper(%q) = true", c.lower)
		}
	}
	for in, want := range map[string]bool{
		"QUYẾT ĐỊNH": true, "QUYẾT ĐỊNh": false, "SỐ 12/2024": true, "2024": false, "": false,
		"Quyết định": false, "ỦY BAN NHÂN DÂN": true, "Ǆ": true, "ǅ": false,
	} {
		if got := IsUpper(in); got != want {
			t.Errorf("IsUpper(%q) = %v, want %v", in, got, want)
		}
	}
	// Every letter of the alphabet maps to its partner in both directions.
	for _, r := range AllLetters() {
		li := letterOf[r]
		other := compose(li.base, li.tone, !li.upper)
		if li.upper {
			if Lower(string(r)) != string(other) || Upper(string(other)) != string(r) {
				t.Errorf("case pair %q/%q", r, other)
			}
		}
	}
}

func TestNFC(t *testing.T) {
	if NFC("Vie\u0323\u0302t") != "Việt" || NFC("Việt") != "Việt" {
		t.Error("NFC")
	}
	if n := len(AllLetters()); n != 134 {
		t.Errorf("AllLetters: %d letters, want 134 (132 toned/marked vowels + đ Đ)", n)
	}
}
