package compose

import (
	"maps"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func fp(v float64) *float64 { return &v }

func TestGeometryOf(t *testing.T) {
	if g := GeometryOf(nil); !maps.Equal(g.Styles, Styles) || g.Page != Page || g.SignSpace != SignSpace {
		t.Fatalf("GeometryOf(nil) is not the house style: %+v", g.Page)
	}
	tests := []struct {
		name  string
		p     document.Profile
		check func(t *testing.T, g Geometry)
	}{
		{"empty profile is the house style", document.Profile{Name: "x"}, func(t *testing.T, g Geometry) {
			if !maps.Equal(g.Styles, Styles) || g.Page != Page {
				t.Error("an empty profile changed the geometry")
			}
		}},
		{"margins", document.Profile{MarginTop: fp(25), MarginLeft: fp(35), MarginRight: fp(15), MarginBottom: fp(22)}, func(t *testing.T, g Geometry) {
			if want := (PageSetup{Width: 210, Height: 297, Top: 25, Bottom: 22, Left: 35, Right: 15, HeaderDistance: 10}); g.Page != want {
				t.Errorf("page %+v, want %+v", g.Page, want)
			}
		}},
		{"13 pt body at 1.15 lines", document.Profile{BodySize: fp(13), LineSpacing: fp(1.15)}, func(t *testing.T, g Geometry) {
			for _, s := range bodyFamily {
				spec := g.Styles[s]
				if spec.Spacing != 1.15 || spec.Line != SpacedLine(spec.Size, 1.15) {
					t.Errorf("%s: spacing %v line %v", s, spec.Spacing, spec.Line)
				}
			}
			if b := g.Styles[StyleBody]; b.Size != 13 || b.Line != 17.2 {
				t.Errorf("body %v pt at %v pt, want 13 at 17.2", b.Size, b.Line)
			}
			if g.Styles[StyleTitle] != Styles[StyleTitle] {
				t.Error("the title is not body text and must keep the house style")
			}
		}},
		{"12.5 mm indent", document.Profile{FirstIndent: fp(12.5)}, func(t *testing.T, g Geometry) {
			if g.Styles[StyleBody].FirstIndent != 12.5 || g.Styles[StyleHeading1].FirstIndent != 12.5 {
				t.Error("the body indent is not 12.5 mm")
			}
			if g.Styles[StyleCentered].FirstIndent != 0 {
				t.Error("a centred style got an indent")
			}
		}},
		{"12 pt agency", document.Profile{AgencySize: fp(12)}, func(t *testing.T, g Geometry) {
			for _, s := range agencyFamily {
				if spec := g.Styles[s]; spec.Size != 12 || spec.Line != 14 {
					t.Errorf("%s: %v pt at %v", s, spec.Size, spec.Line)
				}
			}
		}},
		{"sign space", document.Profile{SignSpace: fp(25.4)}, func(t *testing.T, g Geometry) {
			if g.SignSpace != 72 {
				t.Errorf("sign space %v pt, want 72", g.SignSpace)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := GeometryOf(&tt.p)
			tt.check(t, g)
		})
	}
	// A profile never writes into the house table.
	GeometryOf(&document.Profile{BodySize: fp(13)})
	if Styles[StyleBody].Size != bodySize {
		t.Fatal("GeometryOf changed compose.Styles")
	}
}

// TestComposeCarriesProfile: the composed document carries the profile's
// geometry, and its closing the profile's room for the signature.
func TestComposeCarriesProfile(t *testing.T) {
	d := loadSample(t, "thua-thien-hue-2020-cong-van.json")
	d.Options.Profile = &document.Profile{MarginRight: fp(15), SignSpace: fp(30)}
	out, err := Compose(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Geo().Page.Right != 15 {
		t.Errorf("right margin %v, want 15", out.Geo().Page.Right)
	}
	for _, s := range out.Sections {
		for _, b := range s.Blocks {
			if b.Closing != nil && b.Closing.SignSpace != 30*72/25.4 {
				t.Errorf("sign space %v", b.Closing.SignSpace)
			}
		}
	}
	if (&Document{}).Geo().Page != Page {
		t.Error("a document without geometry is not the house style")
	}
}

// TestIssuedBy: the "của …" of a kèm theo line names the head when a head
// decides (Mẫu 1.3), the body when the collective does.
func TestIssuedBy(t *testing.T) {
	ubnd := document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"}}
	short := ubnd
	short.ShortName = "UBND tỉnh"
	snv := document.Issuer{Name: []string{"SỞ NỘI VỤ"}}
	hdnd := document.Issuer{Name: []string{"HỘI ĐỒNG NHÂN DÂN", "TỈNH LÂM ĐỒNG"}}
	tests := []struct {
		name       string
		issuer     document.Issuer
		competence []string
		want       string
	}{
		{"no competence", ubnd, nil, "Ủy ban nhân dân tỉnh Lâm Đồng"},
		{"collective", ubnd, []string{"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"}, "Ủy ban nhân dân tỉnh Lâm Đồng"},
		{"chủ tịch, lines broken", ubnd, []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"}, "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"},
		{"chủ tịch with a short name", short, []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"}, "Chủ tịch UBND tỉnh"},
		{"giám đốc sở", snv, []string{"GIÁM ĐỐC SỞ NỘI VỤ"}, "Giám đốc Sở Nội vụ"},
		{"a short name that names the head", document.Issuer{Name: ubnd.Name, ShortName: "Chủ tịch UBND tỉnh"}, []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"}, "Chủ tịch UBND tỉnh"},
		{"another body", snv, []string{"TRƯỞNG BAN CHỈ ĐẠO"}, "Trưởng ban chỉ đạo"},
		{"hđnd at its sitting", hdnd, []string{"HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG", "KHÓA X, KỲ HỌP THỨ 25"}, "Hội đồng nhân dân tỉnh Lâm Đồng"},
		{"hđnd, sitting on the same line", hdnd, []string{"HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG KHOÁ X, KỲ HỌP CHUYÊN ĐỀ"}, "Hội đồng nhân dân tỉnh Lâm Đồng"},
		{"hđnd with a short name", document.Issuer{Name: hdnd.Name, ShortName: "HĐND tỉnh"}, []string{"HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG", "KHÓA X, KỲ HỌP THỨ 25"}, "HĐND tỉnh"},
		{"a name holding the word, no sitting", snv, []string{"GIÁM ĐỐC SỞ NỘI VỤ", "KHÓA HỌC"}, "Giám đốc sở nội vụ khóa học"},
		{"a sitting named alone", hdnd, []string{"KỲ HỌP THỨ 25"}, "Kỳ họp thứ 25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Issuer: tt.issuer, Competence: tt.competence}
			if got := IssuedBy(d); got != tt.want {
				t.Errorf("IssuedBy = %q, want %q", got, tt.want)
			}
		})
	}
}
