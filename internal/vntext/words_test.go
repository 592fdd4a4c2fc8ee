package vntext

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

var wordsCases = []struct {
	n    uint64
	want string
}{
	{0, "không"},
	{1, "một"},
	{4, "bốn"},
	{5, "năm"},
	{9, "chín"},
	{10, "mười"},
	{11, "mười một"},
	{14, "mười bốn"},
	{15, "mười lăm"},
	{19, "mười chín"},
	{20, "hai mươi"},
	{21, "hai mươi mốt"},
	{24, "hai mươi tư"},
	{25, "hai mươi lăm"},
	{27, "hai mươi bảy"},
	{30, "ba mươi"},
	{41, "bốn mươi mốt"},
	{44, "bốn mươi tư"},
	{55, "năm mươi lăm"},
	{99, "chín mươi chín"},
	{100, "một trăm"},
	{101, "một trăm linh một"},
	{104, "một trăm linh bốn"},
	{105, "một trăm linh năm"},
	{110, "một trăm mười"},
	{111, "một trăm mười một"},
	{115, "một trăm mười lăm"},
	{121, "một trăm hai mươi mốt"},
	{124, "một trăm hai mươi tư"},
	{200, "hai trăm"},
	{999, "chín trăm chín mươi chín"},
	{1000, "một nghìn"},
	{1001, "một nghìn không trăm linh một"},
	{1010, "một nghìn không trăm mười"},
	{1015, "một nghìn không trăm mười lăm"},
	{1021, "một nghìn không trăm hai mươi mốt"},
	{1100, "một nghìn một trăm"},
	{2024, "hai nghìn không trăm hai mươi tư"},
	{10000, "mười nghìn"},
	{10005, "mười nghìn không trăm linh năm"},
	{15000, "mười lăm nghìn"},
	{21000, "hai mươi mốt nghìn"},
	{100000, "một trăm nghìn"},
	{105000, "một trăm linh năm nghìn"},
	{999999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
	{1000000, "một triệu"},
	{1000005, "một triệu không trăm linh năm"},
	{1005000, "một triệu không trăm linh năm nghìn"},
	{1234567, "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"},
	{10000000, "mười triệu"},
	{150000000, "một trăm năm mươi triệu"},
	{370000000, "ba trăm bảy mươi triệu"},
	{1000000000, "một tỷ"},
	{1000000001, "một tỷ không trăm linh một"},
	{1005000000, "một tỷ không trăm linh năm triệu"},
	{1000005000, "một tỷ không trăm linh năm nghìn"},
	{3190000000, "ba tỷ một trăm chín mươi triệu"},
	{21000000000, "hai mươi mốt tỷ"},
	{1000000000000, "một nghìn tỷ"},
	{1234000000000, "một nghìn hai trăm ba mươi tư tỷ"},
	{1000000000005, "một nghìn tỷ không trăm linh năm"},
	{1000000000000000, "một triệu tỷ"},
	{1000000000000000000, "một tỷ tỷ"},
	{1000000002000000000, "một tỷ không trăm linh hai tỷ"},
	{math.MaxUint64, "mười tám tỷ bốn trăm bốn mươi sáu triệu bảy trăm bốn mươi tư nghìn không trăm bảy mươi ba tỷ " +
		"bảy trăm linh chín triệu năm trăm năm mươi mốt nghìn sáu trăm mười lăm"},
}

func TestWords(t *testing.T) {
	if len(wordsCases) < 60 {
		t.Fatalf("only %d cases", len(wordsCases))
	}
	for _, c := range wordsCases {
		if got := Words(c.n, WordsOptions{}); got != c.want {
			t.Errorf("Words(%d)\n got %q\nwant %q", c.n, got, c.want)
		}
	}
}

func TestWordsOptions(t *testing.T) {
	cases := []struct {
		n    uint64
		opt  WordsOptions
		want string
	}{
		{24, WordsOptions{Bon: true}, "hai mươi bốn"},
		{14, WordsOptions{Bon: true}, "mười bốn"},
		{104, WordsOptions{}, "một trăm linh bốn"},
		{105, WordsOptions{Le: true}, "một trăm lẻ năm"},
		{1005, WordsOptions{Le: true}, "một nghìn không trăm lẻ năm"},
		{1000, WordsOptions{Ngan: true}, "một ngàn"},
		{1000000000000, WordsOptions{Ngan: true}, "một ngàn tỷ"},
		{2024, WordsOptions{Bon: true, Le: true, Ngan: true}, "hai ngàn không trăm hai mươi bốn"},
		{3054, WordsOptions{Bon: true, Le: true, Ngan: true}, "ba ngàn không trăm năm mươi bốn"},
	}
	for _, c := range cases {
		if got := Words(c.n, c.opt); got != c.want {
			t.Errorf("Words(%d, %+v) = %q, want %q", c.n, c.opt, got, c.want)
		}
	}
}

func TestAmountInWords(t *testing.T) {
	cases := []struct {
		n    uint64
		unit string
		want string
	}{
		{370000000, "đồng", "Ba trăm bảy mươi triệu đồng chẵn"},
		{3190000000, "đồng", "Ba tỷ một trăm chín mươi triệu đồng chẵn"},
		{3190, "triệu đồng", "Ba nghìn một trăm chín mươi triệu đồng"},
		{0, "đồng", "Không đồng chẵn"},
		{8, "đồng", "Tám đồng chẵn"},
		{1, "", "Một"},
		{12, "USD", "Mười hai USD"},
		{500, "  đồng ", "Năm trăm đồng chẵn"},
	}
	for _, c := range cases {
		if got := AmountInWords(c.n, c.unit, WordsOptions{}); got != c.want {
			t.Errorf("AmountInWords(%d, %q) = %q, want %q", c.n, c.unit, got, c.want)
		}
	}
	// Vietnamese-aware capitalisation of the first letter.
	for in, want := range map[string]string{
		"ấn định": "Ấn định", "ăn": "Ăn", "ê": "Ê", "ổn": "Ổn", "ở": "Ở", "ững": "Ững", "đồng": "Đồng",
		"  năm": "  Năm", "123 ba": "123 Ba", "": "", "Đã": "Đã",
	} {
		if got := CapitalizeFirst(in); got != want {
			t.Errorf("CapitalizeFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseWordsRoundTrip(t *testing.T) {
	opts := []WordsOptions{{}, {Bon: true}, {Le: true}, {Ngan: true}, {Bon: true, Le: true, Ngan: true}}
	check := func(n uint64) {
		t.Helper()
		for _, o := range opts {
			w := Words(n, o)
			got, err := ParseWords(w)
			if err != nil || got != n {
				t.Fatalf("ParseWords(%q) = %d, %v; want %d", w, got, err, n)
			}
			a := AmountInWords(n, "đồng", o)
			if !WordsEqual(a, n) {
				t.Fatalf("WordsEqual(%q, %d) = false", a, n)
			}
			if n != math.MaxUint64 && WordsEqual(a, n+1) {
				t.Fatalf("WordsEqual(%q, %d) = true", a, n+1)
			}
		}
	}
	for _, c := range wordsCases {
		check(c.n)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		// Spread over all magnitudes, not just huge numbers.
		n := r.Uint64() >> r.UintN(64)
		check(n)
	}
}

func TestParseWordsVariants(t *testing.T) {
	cases := []struct {
		in   string
		want uint64
	}{
		{"Ba tỷ, một trăm chín mươi triệu đồng chẵn", 3190000000},
		{"(Bằng chữ: Ba tỉ, một trăm chín mươi triệu đồng chẵn)", 3190000000},
		{"Bằng chữ: bảy trăm nghìn đồng.", 700000},
		{"BA TRĂM BẢY MƯƠI TRIỆU ĐỒNG CHẴN", 370000000},
		{"ba trăm bảy mươi triệu đồng", 370000000},
		{"Ba trăm bảy mươi triệu đồng chẵn.", 370000000},
		{"(Ba trăm bảy mươi triệu đồng chẵn)", 370000000},
		{"ba tỉ", 3000000000},
		{"hai mươi bốn", 24},
		{"hai mươi tư", 24},
		{"một trăm lẻ năm", 105},
		{"một trăm linh tư", 104},
		{"một ngàn", 1000},
		{"hai mươi một", 21},
		{"hai mươi nhăm", 25},
		{"hai mươi năm", 25},
		{"hai mười lăm", 25},
		{"mươi", 10},
		{"bẩy", 7},
		{"không", 0},
		{"Không đồng", 0},
		{"một tỷ tỷ", 1000000000000000000},
		{"mười tám tỷ tỷ", 18000000000000000000},
		{"một nghìn tỷ", 1000000000000},
		{"một triệu không trăm linh năm nghìn", 1005000},
		{"một triệu năm nghìn", 1005000}, // colloquial: leading zeros omitted
		{"Mười lăm nghìn, năm trăm đồng", 15500},
		{"mo\u0323\u0302t tri\u1ec7u", 1000000}, // decomposed input
	}
	for _, c := range cases {
		got, err := ParseWords(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseWords(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

func TestParseWordsErrors(t *testing.T) {
	cases := []struct{ in, errHas string }{
		{"", "empty"},
		{"đồng chẵn", "empty"},
		{"(Bằng chữ: đồng chẵn)", "empty"},
		{"ba trăm bảy mươi triệu euro", `unknown word "euro"`},
		{"tỷ", "without a number"},
		{"triệu", "without a number"},
		{"linh năm", "must follow"},
		{"một trăm linh", "one digit"},
		{"một trăm năm", "ambiguous"},
		{"lăm", "cannot stand alone"},
		{"mười hai ba", "unexpected"},
		{"một nghìn một triệu", "larger or equal"},
		{"hai mươi tỷ tỷ", "does not fit"},
		{"không triệu", "zero before"},
		{"mốt mươi", "cannot stand before"},
		{"một mươi", "cannot stand before"},
	}
	for _, c := range cases {
		_, err := ParseWords(c.in)
		if err == nil || !strings.Contains(err.Error(), c.errHas) {
			t.Errorf("ParseWords(%q) error = %v, want containing %q", c.in, err, c.errHas)
		}
	}
}

func TestWordsEqual(t *testing.T) {
	if !WordsEqual("Ba trăm bảy mươi triệu đồng chẵn", 370000000) {
		t.Error("exact amount not equal")
	}
	if WordsEqual("Ba trăm bảy mươi triệu đồng chẵn", 307000000) {
		t.Error("different amount equal")
	}
	if WordsEqual("not a number", 0) {
		t.Error("garbage equal to 0")
	}
}
