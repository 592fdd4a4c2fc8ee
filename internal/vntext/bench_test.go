package vntext

import (
	"strings"
	"testing"
)

func BenchmarkWords(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Words(uint64(3190000000+i), WordsOptions{})
	}
}

func BenchmarkParseWords(b *testing.B) {
	s := AmountInWords(3190456789, "đồng", WordsOptions{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseWords(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormatInt(b *testing.B) {
	b.ReportAllocs()
	for i := int64(0); b.Loop(); i++ {
		_ = FormatInt(370000000 + i)
	}
}

func BenchmarkFormatDecimal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = FormatDecimal(1234567.891, 2)
	}
}

// A page of mixed text (about 4 KB): Unicode paragraphs with a pasted
// TCVN3 line.
var benchPage = strings.Repeat("Theo đề nghị của Giám đốc Sở Tài chính, Ủy ban nhân dân tỉnh quyết định: "+
	"phê duyệt dự toán 370.000.000 đồng. "+sampleTCVN3+"\n", 20)

func BenchmarkDetectLegacy(b *testing.B) {
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		DetectLegacy(benchPage)
	}
}

func BenchmarkConvertLegacy(b *testing.B) {
	s := ToLegacy(benchPage, EncTCVN3)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		ConvertLegacy(s, EncTCVN3)
	}
}

func BenchmarkNormalizeTone(b *testing.B) {
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		NormalizeTone(benchPage, ToneNew)
	}
}
