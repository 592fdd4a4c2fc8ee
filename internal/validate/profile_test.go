package validate

import (
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func fp(v float64) *float64 { return &v }

// TestProfileRanges: an office profile inside NĐ30's ranges passes; a
// value outside them is an error at its JSON Pointer, with a stable code
// and a message in both languages.
func TestProfileRanges(t *testing.T) {
	tests := []struct {
		name     string
		p        document.Profile
		path     string // "" = no finding under /options/profile
		wantCode string
	}{
		{"inside every range", document.Profile{MarginTop: fp(25), MarginBottom: fp(20), MarginLeft: fp(35), MarginRight: fp(15),
			BodySize: fp(13), LineSpacing: fp(1.5), FirstIndent: fp(10), AgencySize: fp(12), SignSpace: fp(30)}, "", ""},
		{"right margin 10 mm", document.Profile{MarginRight: fp(10)}, "/options/profile/margin_right", "schema.min"},
		{"left margin 40 mm", document.Profile{MarginLeft: fp(40)}, "/options/profile/margin_left", "schema.max"},
		{"body 12 pt", document.Profile{BodySize: fp(12)}, "/options/profile/body_size", "schema.min"},
		{"double spacing", document.Profile{LineSpacing: fp(2)}, "/options/profile/line_spacing", "schema.max"},
		{"indent 15 mm", document.Profile{FirstIndent: fp(15)}, "/options/profile/first_indent", "schema.max"},
		{"agency 14 pt", document.Profile{AgencySize: fp(14)}, "/options/profile/agency_size", "schema.max"},
		{"top margin 0", document.Profile{MarginTop: fp(0)}, "/options/profile/margin_top", "schema.min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadSample(t, filepath.Join(samplesDir, "thua-thien-hue-2020-cong-van.json"))
			p := tt.p
			d.Options.Profile = &p
			var found *document.Finding
			fs := Validate(d, Options{})
			for i, f := range fs {
				if len(f.Path) >= len("/options/profile") && f.Path[:len("/options/profile")] == "/options/profile" {
					if tt.path == "" {
						t.Fatalf("unexpected finding %s", f)
					}
					found = &fs[i]
				}
			}
			if tt.path == "" {
				return
			}
			if found == nil {
				t.Fatalf("no finding at %s", tt.path)
			}
			if found.Path != tt.path || found.Code != tt.wantCode || found.Severity != document.Error || found.VI == "" || found.EN == "" {
				t.Errorf("finding %+v, want %s at %s, an error in both languages", *found, tt.wantCode, tt.path)
			}
		})
	}
}
