package compose

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// profileRange reads the min and max of document.Profile's field whose
// JSON name is name from its validate tag: NĐ30's range, stated once.
func profileRange(t *testing.T, name string) (lo, hi float64) {
	t.Helper()
	typ := reflect.TypeOf(document.Profile{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if strings.Split(f.Tag.Get("json"), ",")[0] != name {
			continue
		}
		var okLo, okHi bool
		for _, part := range strings.Split(f.Tag.Get("validate"), ",") {
			k, v, _ := strings.Cut(part, "=")
			n, err := strconv.ParseFloat(v, 64)
			switch {
			case k == "min" && err == nil:
				lo, okLo = n, true
			case k == "max" && err == nil:
				hi, okHi = n, true
			}
		}
		if !okLo || !okHi {
			t.Fatalf("document.Profile.%s states no min and max", f.Name)
		}
		return lo, hi
	}
	t.Fatalf("document.Profile has no field %q", name)
	return 0, 0
}

// TestHouseFigures pins the house style to the issue's figures (#14,
// "House style": right margin 20 mm, Word's single pitch for 14 pt, 16.1
// pt, 10 mm first-line indent, agency lines 13 pt) and holds every house
// figure an office profile can set inside NĐ30's range as document.Profile
// states it. It fails when a default drifts from either.
func TestHouseFigures(t *testing.T) {
	g := House()
	body := g.Styles[StyleBody]
	tests := []struct {
		field string  // document.Profile's JSON name
		got   float64 // the house figure
		issue float64 // the issue's figure; 0 where it names none
	}{
		{"margin_top", g.Page.Top, 0},
		{"margin_bottom", g.Page.Bottom, 0},
		{"margin_left", g.Page.Left, 0},
		{"margin_right", g.Page.Right, 20},
		{"body_size", body.Size, 14},
		{"line_spacing", body.Spacing, 1},
		{"first_indent", body.FirstIndent, 10},
		{"agency_size", g.Styles[StyleAgency].Size, 13},
		{"sign_space", g.SignSpace * 25.4 / 72, 0},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			if tt.issue != 0 && tt.got != tt.issue {
				t.Errorf("house %s = %v, the issue's figure is %v", tt.field, tt.got, tt.issue)
			}
			if lo, hi := profileRange(t, tt.field); tt.got < lo || tt.got > hi {
				t.Errorf("house %s = %v is outside NĐ30's %v-%v", tt.field, tt.got, lo, hi)
			}
		})
	}
	if body.Line != 16.1 || body.Line != SpacedLine(body.Size, body.Spacing) {
		t.Errorf("body pitch %v pt, want Word's single pitch for 14 pt, 16.1", body.Line)
	}
	// The whole body family shares the indent a profile moves, so no
	// indented body style keeps an older figure.
	for _, s := range bodyFamily {
		if spec := g.Styles[s]; spec.FirstIndent != 0 && spec.FirstIndent != body.FirstIndent {
			t.Errorf("%s indent %v mm, body %v mm", s, spec.FirstIndent, body.FirstIndent)
		}
	}
}
