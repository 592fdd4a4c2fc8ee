package document

import (
	"reflect"
	"strings"
	"testing"
)

func TestFieldLabel(t *testing.T) {
	cases := []struct{ path, want string }{
		{"", "Toàn văn bản"},
		{"/summary", "Trích yếu"},
		{"/issuer/unit", "Đơn vị soạn thảo"},
		{"/issuer/name/1", "Tên cơ quan ban hành"},
		{"/distribution/archive_line", "Dòng Lưu"},
		{"/options/tone", "Kiểu bỏ dấu"},
		{"/body/2/heading/children/0/paragraph", "Đoạn văn"},
		{"/body/2/heading/children/0/paragraph/1", "Đoạn văn"},
		{"/appendices/0/blocks/3/table/rows/4/cells/2", "Ô của bảng"},
		{"/body/0/budget/items/1/items/0/amount", "Số tiền"},
		{"/signature/authority/1/prefix", "Quyền hạn ký (TM., KT., TL. …)"},
		{"/cosignature/authority/0/title", "Thay cho (chức vụ, tập thể)"},
		{"/distribution/recipients/3/name", "Nơi nhận"},
		{"/distribution/recipients/x/name", "Danh sách nơi nhận"}, // not an index: its holder's name
		{"/unknown/field", "Toàn văn bản"},
	}
	for _, c := range cases {
		if got := FieldLabel(c.path); got != c.want {
			t.Errorf("FieldLabel(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// TestFieldLabelsCoverTheModel: every top-level field of the document and
// of its signature, issuer and distribution has its own name, so a new
// field cannot reach a clerk as its JSON name.
func TestFieldLabelsCoverTheModel(t *testing.T) {
	for _, c := range []struct {
		base string
		typ  reflect.Type
	}{
		{"", reflect.TypeOf(Document{})},
		{"/issuer", reflect.TypeOf(Issuer{})},
		{"/signature", reflect.TypeOf(Signature{})},
		{"/distribution", reflect.TypeOf(Distribution{})},
		{"/options", reflect.TypeOf(Options{})},
	} {
		parent := FieldLabel(c.base)
		for i := 0; i < c.typ.NumField(); i++ {
			name, _, _ := strings.Cut(c.typ.Field(i).Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			p := c.base + "/" + name
			if got := FieldLabel(p); got == parent || got == "Toàn văn bản" {
				t.Errorf("%s has no name of its own (gets %q)", p, got)
			}
		}
	}
}
