package httpapi

import (
	"mime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/document"
)

func TestFileName(t *testing.T) {
	long := strings.Repeat("Triển khai kế hoạch ", 10)
	tests := []struct {
		name  string
		doc   document.Document
		want  string
		ascii string
	}{
		{"numbered plan, derived symbol", document.Document{Type: "ke_hoach", Number: "1653", Issuer: document.Issuer{Abbreviation: "UBND"}},
			"Kế hoạch 1653-KH-UBND", "Ke-hoach-1653-KH-UBND"},
		{"given symbol with slash", document.Document{Type: "ke_hoach", Number: "07", Symbol: "KH/UBND-VX"},
			"Kế hoạch 07-KH-UBND-VX", "Ke-hoach-07-KH-UBND-VX"},
		{"letter", document.Document{Type: "cong_van", Number: "908", Issuer: document.Issuer{Abbreviation: "SLĐTBXH", Unit: "BĐG"}},
			"Công văn 908-SLĐTBXH-BĐG", "Cong-van-908-SLDTBXH-BDG"},
		{"draft plan uses the summary", document.Document{Type: "ke_hoach", Summary: "Thực hiện “Đề án 8” năm 2024"},
			"Kế hoạch Thực hiện Đề án 8 năm 2024", "Ke-hoach-Thuc-hien-De-an-8-nam-2024"},
		{"draft letter uses V/v", document.Document{Type: "cong_van", Subject: "hướng dẫn hoạt động"},
			"Công văn V-v hướng dẫn hoạt động", "Cong-van-V-v-huong-dan-hoat-dong"},
		{"unknown type", document.Document{Type: "x", Summary: `a:b*c?"d"<e>|f\g`},
			"Văn bản a b c d e f-g", "Van-ban-a-b-c-d-e-f-g"},
		{"long summary cut at a word", document.Document{Type: "ke_hoach", Summary: long},
			"Kế hoạch " + strings.TrimSpace(cutAtWord(long, maxNameRunes)), ""},
		{"control characters", document.Document{Type: "ke_hoach", Summary: "a\x00\r\nb"}, "Kế hoạch a b", "Ke-hoach-a-b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FileName(&tt.doc)
			if got != tt.want {
				t.Errorf("FileName = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > maxNameRunes+20 {
				t.Errorf("name has %d characters", n)
			}
			if tt.ascii != "" {
				if a := ASCIIName(got); a != tt.ascii {
					t.Errorf("ASCIIName = %q, want %q", a, tt.ascii)
				}
			}
		})
	}
}

func TestASCIIName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kế hoạch 1653-KH-UBND.pdf", "Ke-hoach-1653-KH-UBND.pdf"},
		{"ĐỀ ÁN đường", "DE-AN-duong"},
		{"…", "van-ban"},
		{".hidden", "hidden"},
		{"a  --  b", "a-b"},
	}
	for _, tt := range tests {
		if got := ASCIIName(tt.in); got != tt.want {
			t.Errorf("ASCIIName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestContentDisposition checks the header with the standard library's
// own RFC 2231/5987 parser, which prefers filename* as browsers do.
func TestContentDisposition(t *testing.T) {
	for _, name := range []string{"Kế hoạch 1653-KH-UBND.pdf", "Công văn V-v (mới) 100%.docx", "plain.zip"} {
		h := ContentDisposition(name)
		for _, c := range h {
			if c >= utf8.RuneSelf || c < ' ' {
				t.Fatalf("header %q is not printable ASCII", h)
			}
		}
		typ, params, err := mime.ParseMediaType(h)
		if err != nil {
			t.Fatalf("%q: %v", h, err)
		}
		if typ != "attachment" || params["filename"] != name {
			t.Errorf("%q parsed as %q %q, want %q", h, typ, params["filename"], name)
		}
	}
}
