package forms

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/validate"
)

// TestOf: each form offers its own parts, named as its Mẫu names them.
func TestOf(t *testing.T) {
	cases := []struct {
		code, sample, level1 string
		has, hasnt           []string
		required             []string // parts that are not optional
	}{
		{"quyet_dinh", "1.2", "Điều", []string{PartCompetence, PartBases, PartAttachments, PartBody}, []string{PartAddressees, PartSubject}, []string{PartCompetence, PartBases, PartSummary}},
		{"nghi_quyet", "1.1", "Điều", []string{PartCompetence, PartAttachments}, []string{PartSubject}, []string{PartCompetence}},
		{"ke_hoach", "1.4", "Mục", []string{PartSummary, PartBases, PartIntro, PartClosing}, []string{PartCompetence, PartAttachments, PartAddressees}, []string{PartSummary, PartIntro}},
		{"cong_van", "1.5", "Mục", []string{PartSubject, PartAddressees}, []string{PartSummary, PartCompetence}, []string{PartSubject, PartAddressees}},
		{"cong_dien", "1.6", "Mục", []string{PartCompetence, PartAddressees}, []string{PartAttachments}, []string{PartCompetence, PartAddressees}},
		{"giay_moi", "1.7", "Mục", []string{PartSummary, PartAddressees}, []string{PartCompetence}, nil},
		{"giay_gioi_thieu", "1.8", "Mục", []string{PartAddressees}, []string{PartCompetence}, nil},
		{"bien_ban", "1.9", "Mục", []string{PartCosignature}, []string{PartCoIssuer}, []string{PartCosignature}},
		{"giay_nghi_phep", "1.10", "Mục", []string{PartSummary}, []string{PartAddressees}, nil},
		{"to_trinh", "1.4", "Mục", []string{PartAddressees, PartCoIssuer, PartElectronic}, []string{PartCompetence}, nil},
	}
	for _, c := range cases {
		ty, ok := document.LookupType(c.code)
		if !ok {
			t.Fatalf("no type %s", c.code)
		}
		f := Of(ty)
		if f.Sample != c.sample || f.Levels[0] != c.level1 {
			t.Errorf("%s: Mẫu %s, level 1 %q; want %s, %q", c.code, f.Sample, f.Levels[0], c.sample, c.level1)
		}
		part := func(k string) *Part {
			for i := range f.Parts {
				if f.Parts[i].Key == k {
					return &f.Parts[i]
				}
			}
			return nil
		}
		for _, k := range c.has {
			if part(k) == nil {
				t.Errorf("%s: no part %s", c.code, k)
			}
		}
		for _, k := range c.hasnt {
			if part(k) != nil {
				t.Errorf("%s: part %s it does not have", c.code, k)
			}
		}
		for _, k := range c.required {
			if p := part(k); p == nil || p.Optional {
				t.Errorf("%s: part %s should be required: %+v", c.code, k, p)
			}
		}
	}
}

// TestPartKeys: every part names a member of the document (its JSON
// Pointer without the leading "/"), so the editor can edit it.
func TestPartKeys(t *testing.T) {
	members := map[string]reflect.Type{}
	dt := reflect.TypeOf(document.Document{})
	for i := 0; i < dt.NumField(); i++ {
		members[strings.Split(dt.Field(i).Tag.Get("json"), ",")[0]] = dt.Field(i).Type
	}
	for _, ty := range document.Types {
		f := Of(ty)
		if len(f.Parts) == 0 || len(f.Levels) < 3 {
			t.Errorf("%s: %+v", ty.Code, f)
		}
		for _, p := range f.Parts {
			head, rest, _ := strings.Cut(p.Key, "/")
			typ, ok := members[head]
			if !ok {
				t.Errorf("%s: part %q is no member of the document", ty.Code, p.Key)
				continue
			}
			if rest != "" {
				if _, ok := typ.FieldByNameFunc(func(n string) bool {
					fld, _ := typ.FieldByName(n)
					return strings.Split(fld.Tag.Get("json"), ",")[0] == rest
				}); !ok {
					t.Errorf("%s: part %q: %s has no %q", ty.Code, p.Key, head, rest)
				}
			}
			if p.Label == "" {
				t.Errorf("%s: part %q has no label", ty.Code, p.Key)
			}
		}
	}
}

// TestBlankValidates: the blank draft of every form is a valid document
// but for what only the clerk can fill: every error points at a value the
// blank leaves empty. The form's own checks (a quyết định's executing
// article, a giấy mời's time and place, a công điện's sender) pass.
func TestBlankValidates(t *testing.T) {
	for _, ty := range document.Types {
		d := Blank(ty, 2026)
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		back, err := document.DecodeBytes(data, document.Limits{})
		if err != nil {
			t.Fatalf("%s: the blank does not decode: %v", ty.Code, err)
		}
		var tree any
		if err := json.Unmarshal(data, &tree); err != nil {
			t.Fatal(err)
		}
		for _, f := range validate.Validate(back, validate.Options{Draft: true}) {
			if f.Severity != document.Error {
				continue
			}
			if !blankAt(tree, f.Path) {
				t.Errorf("%s: error at a filled value: %s", ty.Code, f)
			}
		}
	}
}

// TestBlankFormParts: the blank of each form holds the parts its Mẫu
// prints.
func TestBlankFormParts(t *testing.T) {
	qd, _ := document.LookupType("quyet_dinh")
	d := Blank(qd, 2026)
	if len(d.Competence) == 0 || len(d.Body) != 3 || !strings.HasPrefix(d.Bases[len(d.Bases)-1].Plain(), "Xét đề nghị") {
		t.Errorf("quyết định blank: %+v", d)
	}
	if !strings.Contains(d.Body[2].Heading.Title.Plain(), "thi hành") || d.Distribution.Recipients[0].Name.Plain() != "Như Điều 3" {
		t.Errorf("quyết định blank lacks its executing article: %+v", d.Body[2].Heading)
	}
	if a := d.Signature.Authority; len(a) != 1 || a[0].Prefix != "KT." || a[0].Title != "CHỦ TỊCH" {
		t.Errorf("a quyết định of the Chủ tịch is signed KT. CHỦ TỊCH, not %+v", a)
	}
	nq, _ := document.LookupType("nghi_quyet")
	for _, p := range Of(nq).Parts {
		if p.Key == PartCompetence && !strings.Contains(p.Hint, "KỲ HỌP") || p.Key == PartBases && !strings.Contains(p.Label, "Xét Tờ trình") {
			t.Errorf("nghị quyết (Mẫu 1.1) %s: %q / %q", p.Key, p.Label, p.Hint)
		}
	}
	bb, _ := document.LookupType("bien_ban")
	if d := Blank(bb, 2026); d.Cosignature == nil || d.Cosignature.Title != "THƯ KÝ" {
		t.Errorf("biên bản blank has no thư ký: %+v", d.Cosignature)
	}
	gm, _ := document.LookupType("giay_moi")
	var titles []string
	for _, b := range Blank(gm, 2026).Body {
		titles = append(titles, b.Heading.Title.Plain())
	}
	if !slices.ContainsFunc(titles, func(s string) bool { return strings.HasPrefix(s, "Thời gian") }) {
		t.Errorf("giấy mời blank: %q", titles)
	}
}

// blankAt reports whether the value at JSON Pointer p of tree is missing,
// an empty string, or a text whose runs are all empty.
func blankAt(tree any, p string) bool {
	v := tree
	for _, tok := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		if p == "" {
			break
		}
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i := 0
			for _, c := range tok {
				i = i*10 + int(c-'0')
			}
			if i >= len(x) {
				return true
			}
			v = x[i]
		default:
			return false
		}
		if v == nil {
			return true
		}
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		for _, r := range x {
			if m, ok := r.(map[string]any); !ok || strings.TrimSpace(m["text"].(string)) != "" {
				return false
			}
		}
		return true
	case map[string]any:
		// A heading, recipient or signature whose text is blank.
		for _, k := range []string{"title", "name", "text"} {
			if s, ok := x[k].(string); ok && strings.TrimSpace(s) == "" {
				return true
			}
		}
	}
	return false
}
