package vntext

import (
	"strings"
	"testing"
	"unicode"
)

const (
	sampleUnicodeNew = "Cộng hoà xã hội chủ nghĩa Việt Nam"
	sampleUnicodeOld = "Cộng hòa xã hội chủ nghĩa Việt Nam"
	sampleTCVN3      = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
	sampleVNI        = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
)

func TestLegacySamples(t *testing.T) {
	cases := []struct {
		in, want string
		enc      Encoding
	}{
		{sampleTCVN3, sampleUnicodeNew, EncTCVN3},
		{sampleVNI, sampleUnicodeOld, EncVNI},
	}
	for _, c := range cases {
		enc, n := DetectLegacy(c.in)
		if enc != c.enc || n < 3 {
			t.Errorf("DetectLegacy(%q) = %v, %d; want %v with ≥3 words", c.in, enc, n, c.enc)
		}
		if got := ConvertLegacy(c.in, c.enc); got != c.want {
			t.Errorf("ConvertLegacy(%q, %v) = %q, want %q", c.in, c.enc, got, c.want)
		}
		if got := ToLegacy(c.want, c.enc); got != c.in {
			t.Errorf("ToLegacy(%q, %v) = %q, want %q", c.want, c.enc, got, c.in)
		}
	}
}

// Every letter, both directions, one character at a time.
func TestLegacyTablesPerLetter(t *testing.T) {
	letters := AllLetters()
	if len(letters) != 134 {
		t.Fatalf("%d letters", len(letters))
	}
	letters = append(letters, []rune("aeiouyAEIOUYdD")...)
	seenTCVN3 := map[string]rune{}
	seenVNI := map[string]rune{}
	for _, r := range letters {
		s := string(r)
		// VNI: exact in both directions, both cases.
		v := ToLegacy(s, EncVNI)
		if prev, dup := seenVNI[v]; dup {
			t.Errorf("VNI code %q used for %q and %q", v, prev, r)
		}
		seenVNI[v] = r
		if r >= 0x80 && v == s && r != 'ì' && r != 'Ì' && r != 'í' && r != 'Í' {
			t.Errorf("VNI: %q not encoded", r)
		}
		if got := ConvertLegacy(v, EncVNI); got != s {
			t.Errorf("VNI %q → %q → %q", r, v, got)
		}
		// TCVN3: one code per lower-case letter; upper case has codes only
		// for Ă Â Đ Ê Ô Ơ Ư (and the ASCII capitals); other upper-case
		// letters share the lower-case code and decode to lower case.
		c := ToLegacy(s, EncTCVN3)
		if len([]rune(c)) != 1 {
			t.Errorf("TCVN3 %q → %q: want one code", r, c)
		}
		lower := unicode.ToLower(r)
		want := s
		_, hasUpper := tcvn3Upper[r]
		if unicode.IsUpper(r) && !hasUpper && r >= 0x80 {
			want = string(lower)
			if c != ToLegacy(want, EncTCVN3) {
				t.Errorf("TCVN3 %q → %q, want the code of %q", r, c, lower)
			}
		} else {
			if prev, dup := seenTCVN3[c]; dup {
				t.Errorf("TCVN3 code %q used for %q and %q", c, prev, r)
			}
			seenTCVN3[c] = r
		}
		if r >= 0x80 && c == s && r != 'ý' { // ý is 0xFD in both
			t.Errorf("TCVN3: %q not encoded", r)
		}
		// Decoded mid-sentence, so that the sentence-start capital rule
		// does not apply.
		if got := strings.TrimPrefix(ConvertLegacy("x "+c, EncTCVN3), "x "); got != want {
			t.Errorf("TCVN3 %q → %q → %q, want %q", r, c, got, want)
		}
	}
	// The codes themselves, decoded one by one, give the letters back.
	for code, l := range fromTCVN3 {
		if got := strings.TrimPrefix(ConvertLegacy("x "+string(code), EncTCVN3), "x "); got != string(l) {
			t.Errorf("TCVN3 code %q → %q, want %q", code, got, l)
		}
	}
}

func TestTCVN3UpperCase(t *testing.T) {
	cases := []struct{ unicode, tcvn3, back string }{
		// Title case survives exactly.
		{"Hà Nội", "Hµ Néi", "Hà Nội"},
		{"Ủy ban", "ñy ban", "Ủy ban"},          // start of line: sentence capital
		{"Về Ủy ban", "VÒ ñy ban", "Về ủy ban"}, // mid-sentence: lost
		{"ban. Ủy ban", "ban. ñy ban", "ban. Ủy ban"},
		{"Đà Nẵng", "§µ N½ng", "Đà Nẵng"},
		// All-caps lines are recovered.
		{"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"HÀ NỘI", "Hµ NéI", "HÀ NỘI"},
		{"QUYẾT ĐỊNH", "QUYÕT §ÞNH", "QUYẾT ĐỊNH"},
		{"ĐẠI HỌC", "§¹I HäC", "ĐẠI HỌC"},
		// All-caps words inside mixed text: recovered with two capitals.
		{"Về việc QUYẾT TOÁN", "VÒ viÖc QUYÕT TO¸N", "Về việc QUYẾT TOÁN"},
		{"Nhà ở HÀ Nội", "Nhµ ë Hµ Néi", "Nhà ở Hà Nội"}, // documented limitation
		// The seven real TCVN3 capitals.
		{"Ă Â Đ Ê Ô Ơ Ư", "¡ ¢ § £ ¤ ¥ ¦", "Ă Â Đ Ê Ô Ơ Ư"},
		// Lines are judged separately.
		{"ĐỘC LẬP\nso với độc lập", "§éC LËP\nso víi ®éc lËp", "ĐỘC LẬP\nso với độc lập"},
		{"ĐỘC LẬP\nđộc lập", "§éC LËP\n®éc lËp", "ĐỘC LẬP\nĐộc lập"}, // line start,
	}
	for _, c := range cases {
		if got := ToLegacy(c.unicode, EncTCVN3); got != c.tcvn3 {
			t.Errorf("ToLegacy(%q) = %q, want %q", c.unicode, got, c.tcvn3)
		}
		if got := ConvertLegacy(c.tcvn3, EncTCVN3); got != c.back {
			t.Errorf("ConvertLegacy(%q) = %q, want %q", c.tcvn3, got, c.back)
		}
	}
}

func TestVNIMixedCase(t *testing.T) {
	cases := []struct{ in, want string }{
		{"OÂng", "Ông"},
		{"Oâng", "Ông"}, // lower-case code after a capital base
		{"oÂng", "ông"},
		{"ÑAÏI HOÏC", "ĐẠI HỌC"},
		{"Ñaïi hoïc", "Đại học"},
		{"TRÖÔØNG", "TRƯỜNG"},
		{"tröôøng", "trường"},
		{"Quyeát ñònh", "Quyết định"},
	}
	for _, c := range cases {
		if got := ConvertLegacy(c.in, EncVNI); got != c.want {
			t.Errorf("ConvertLegacy(%q, VNI) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Round trips over real sentences, both encodings.
func TestLegacyRoundTrip(t *testing.T) {
	texts := []string{
		"Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
		"Theo đề nghị của Giám đốc Sở Tài chính, Ủy ban nhân dân tỉnh quyết định:",
		"Điều 1. Phê duyệt dự toán: 370.000.000 đồng (Ba trăm bảy mươi triệu đồng chẵn).",
		"Người ký: Nguyễn Văn Ẩn, Trưởng phòng; ngày 05 tháng 01 năm 2020.",
		"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
	}
	for _, s := range texts {
		if got := ConvertLegacy(ToLegacy(s, EncVNI), EncVNI); got != s {
			t.Errorf("VNI round trip\n got %q\nwant %q", got, s)
		}
		enc, n := DetectLegacy(ToLegacy(s, EncVNI))
		if enc != EncVNI || n == 0 {
			t.Errorf("DetectLegacy(VNI of %q) = %v, %d", s, enc, n)
		}
		wantTCVN3 := strings.NewReplacer("Ủy ban", "ủy ban", "Văn Ẩn", "Văn ẩn").Replace(s)
		if got := ConvertLegacy(ToLegacy(s, EncTCVN3), EncTCVN3); got != wantTCVN3 {
			t.Errorf("TCVN3 round trip\n got %q\nwant %q", got, wantTCVN3)
		}
		enc, n = DetectLegacy(ToLegacy(s, EncTCVN3))
		if enc != EncTCVN3 || n == 0 {
			t.Errorf("DetectLegacy(TCVN3 of %q) = %v, %d", s, enc, n)
		}
		// Unicode input is never flagged and never changed by conversion
		// of words that cannot be mojibake.
		if enc, n := DetectLegacy(s); enc != EncUnicode || n != 0 {
			t.Errorf("DetectLegacy(unicode %q) = %v, %d", s, enc, n)
		}
	}
}

func TestDetectLegacyNegatives(t *testing.T) {
	texts := []string{
		"",
		"The quick brown fox jumps over the lazy dog. Version 1.2.3 (c) 2024.",
		"Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.",
		"có là và các của cho đó rồi gì bà tôi ông tuổi mà nè thì vì hòa hoà tùy tuỳ thúy gió già",
		"Café, naïve, résumé, señor, Müller, São Paulo, José, Zürich, façade, über, crème brûlée, Ångström",
		"© 2024 «Tên» § 3 – 10 × 20 ± 5 ¼ · ¶ ® ¡Hola! ¿Qué?",
		"Số: 12/2024/QĐ-UBND; Hà Nội, ngày 05 tháng 01 năm 2020",
		"ĐẠI HỌC QUỐC GIA HÀ NỘI — TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN",
	}
	for _, s := range texts {
		if enc, n := DetectLegacy(s); enc != EncUnicode || n != 0 {
			t.Errorf("DetectLegacy(%q) = %v, %d; want unicode, 0", s, enc, n)
		}
	}
}

// A document that mixes repaired Unicode with pasted mojibake: only the
// mojibake words change.
func TestConvertLegacyMixed(t *testing.T) {
	in := "Căn cứ Quyết định số 12: Céng hoµ x· héi chñ nghÜa ViÖt Nam"
	want := "Căn cứ Quyết định số 12: Cộng hoà xã hội chủ nghĩa Việt Nam"
	if got := ConvertLegacy(in, EncTCVN3); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	in = "Căn cứ Quyết định: Coäng hoøa xaõ hoäi"
	want = "Căn cứ Quyết định: Cộng hòa xã hội"
	if got := ConvertLegacy(in, EncVNI); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Whitespace (tabs, CRLF, double spaces) is preserved.
	in = "Céng\thoµ\r\n  va  x·  héi"
	if got := ConvertLegacy(in, EncTCVN3); got != "Cộng\thoà\r\n  va  xã  hội" {
		t.Errorf("whitespace: %q", got)
	}
	if got := ConvertLegacy(sampleTCVN3, EncUnicode); got != sampleTCVN3 {
		t.Errorf("EncUnicode changed text: %q", got)
	}
	if got := ToLegacy(sampleUnicodeNew, EncUnicode); got != sampleUnicodeNew {
		t.Errorf("ToLegacy EncUnicode changed text")
	}
	for _, e := range []Encoding{EncUnicode, EncTCVN3, EncVNI, 7} {
		if e.String() == "" {
			t.Error("empty name")
		}
	}
	if !strings.Contains(ToLegacy("Ω ộ", EncVNI), "Ω") {
		t.Error("unrepresentable rune dropped")
	}
}

// TestTCVN3HardWrap: a continuation line of hard-wrapped text keeps its
// first word in lower case; only a toned code at a sentence start (after a
// full stop, a heading in capitals, a list mark or a blank line) gets its
// capital back, and an ASCII lower-case first letter never does.
func TestTCVN3HardWrap(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Giao c¸c së ®Ó\nthùc hiÖn kÕ ho¹ch.", "Giao các sở để\nthực hiện kế hoạch."},
		{"KÕ ho¹ch.\nthùc hiÖn ngay.", "Kế hoạch.\nthực hiện ngay."},
		{"KÕ ho¹ch nµy\nñy ban", "Kế hoạch này\nủy ban"},
		{"KÕ ho¹ch.\nñy ban", "Kế hoạch.\nỦy ban"},
		{"- ñy ban nh©n d©n", "- Ủy ban nhân dân"},
		{"I. MôC §ÝCH\nñy ban", "I. MỤC ĐÍCH\nỦy ban"},
	} {
		if got := ConvertLegacy(c.in, EncTCVN3); got != c.want {
			t.Errorf("ConvertLegacy(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
