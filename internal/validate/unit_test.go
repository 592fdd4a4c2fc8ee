package validate

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/compose"
)

// TestBudgetUnitOneBehaviour: a unit the validator accepts composes and
// prints in its table spelling; one it refuses is refused with
// budget.unit_unknown. ("Đồng" once passed validation and failed to
// render.)
func TestBudgetUnitOneBehaviour(t *testing.T) {
	cases := []struct {
		unit  string
		print string // "" when refused
	}{
		{"", "đồng"},
		{"Đồng", "đồng"},
		{"ĐỒNG", "đồng"},
		{"Triệu đồng", "triệu đồng"},
		{" nghìn  đồng ", "nghìn đồng"},
		{"ngàn đồng", "ngàn đồng"},
		{"Tỉ đồng", "tỉ đồng"},
		{"USD", ""},
		{"đ", ""},
		{"triệu", ""},
	}
	for _, tc := range cases {
		t.Run(tc.unit, func(t *testing.T) {
			d := baseKeHoach()
			budgetOf(d).Unit = tc.unit
			budgetOf(d).Words = ""
			fs := Validate(d, Options{HasGlyph: func(rune) bool { return true }})
			refused := false
			for _, f := range fs {
				refused = refused || f.Code == "budget.unit_unknown"
			}
			if refused != (tc.print == "") {
				t.Fatalf("unit %q: refused = %v, want %v\n%s", tc.unit, refused, tc.print == "", dump(fs))
			}
			if refused {
				return
			}
			if fs.HasErrors() {
				t.Fatalf("unit %q: errors\n%s", tc.unit, dump(fs))
			}
			cd, err := compose.Compose(d, compose.Options{})
			if err != nil {
				t.Fatalf("unit %q validates but does not compose: %v", tc.unit, err)
			}
			var b strings.Builder
			if err := cd.Dump(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), " "+tc.print+" (") {
				t.Errorf("unit %q: the budget line does not print %q:\n%s", tc.unit, tc.print, b.String())
			}
		})
	}
}
