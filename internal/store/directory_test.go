package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestNameKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Sở Tài chính", "so tai chinh"},
		{"SỞ TÀI CHÍNH", "so tai chinh"},
		{"  Đảng ủy   xã ", "dang uy xa"},
		{"Sở Lao động - Thương binh và Xã hội", "so lao dong thuong binh va xa hoi"},
		{"UBND các xã, thị trấn;", "ubnd cac xa thi tran"},
		{"100%_", "100"},
		{"- ; .", ""},
	}
	for _, c := range cases {
		if got := NameKey(c.in); got != c.want {
			t.Errorf("NameKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTemplates(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		a, err := s.CreateTemplate(ctx, Template{Office: "ubnd", Owner: "lan", Name: "Kế hoạch tuyên truyền", Type: "ke_hoach",
			Summary: "Tuyên truyền", Body: []byte(`{"type":"ke_hoach"}`)})
		if err != nil || a.ID == "" || a.CreatedAt.IsZero() {
			t.Fatalf("create %+v %v", a, err)
		}
		if _, err := s.CreateTemplate(ctx, Template{Office: "ubnd", Owner: "hoa", Name: "KẾ HOẠCH  TUYÊN TRUYỀN", Body: []byte(`{}`)}); !errors.Is(err, ErrDuplicate) {
			t.Errorf("same name folded: %v, want ErrDuplicate", err)
		}
		// Another office may use the same name.
		if _, err := s.CreateTemplate(ctx, Template{Office: "so-tc", Owner: "minh", Name: "Kế hoạch tuyên truyền", Body: []byte(`{}`)}); err != nil {
			t.Errorf("same name in another office: %v", err)
		}
		if _, err := s.CreateTemplate(ctx, Template{Office: "ubnd", Owner: "lan", Name: "Công văn đôn đốc", Type: "cong_van", Body: []byte(`{"type":"cong_van"}`)}); err != nil {
			t.Fatal(err)
		}
		list, err := s.Templates(ctx, "ubnd")
		if err != nil || len(list) != 2 || list[0].Name != "Công văn đôn đốc" || list[1].Body != nil {
			t.Fatalf("list %+v %v", list, err)
		}
		got, err := s.Template(ctx, "ubnd", a.ID)
		if err != nil || string(got.Body) != `{"type":"ke_hoach"}` || got.Owner != "lan" {
			t.Fatalf("get %+v %v", got, err)
		}
		if _, err := s.Template(ctx, "so-tc", a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("get from another office: %v", err)
		}
		if err := s.DeleteTemplate(ctx, "so-tc", a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete from another office: %v", err)
		}
		if err := s.DeleteTemplate(ctx, "ubnd", a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Template(ctx, "ubnd", a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleted template: %v", err)
		}
		// The name is free again.
		if _, err := s.CreateTemplate(ctx, Template{Office: "ubnd", Owner: "hoa", Name: "Kế hoạch tuyên truyền", Body: []byte(`{}`)}); err != nil {
			t.Errorf("name after delete: %v", err)
		}
	})
}

func names(rs []Recipient) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

func TestRecipientsSearch(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		for _, r := range []Recipient{
			{Office: "ubnd", Name: "Sở Tài chính", Kind: KindAgency, Group: "Sở, ngành"},
			{Office: "ubnd", Name: "Sở Tư pháp", Kind: KindAgency, Group: "Sở, ngành"},
			{Office: "ubnd", Name: "Phòng Tài chính - Kế hoạch", Kind: KindUnit},
			{Office: "ubnd", Name: "Đ/c Chủ tịch UBND tỉnh", Kind: KindPerson},
			{Office: "so-tc", Name: "Sở Tài nguyên và Môi trường", Kind: KindAgency},
		} {
			if _, err := s.AddRecipient(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.AddRecipient(ctx, Recipient{Office: "ubnd", Name: "SỞ TÀI CHÍNH", Kind: KindAgency}); !errors.Is(err, ErrDuplicate) {
			t.Errorf("duplicate folded name: %v", err)
		}
		cases := []struct {
			q    RecipientQuery
			want []string
		}{
			// Name prefix first, then a word's prefix; marks and case do
			// not matter.
			{RecipientQuery{Office: "ubnd", Prefix: "tai ch"}, []string{"Phòng Tài chính - Kế hoạch", "Sở Tài chính"}},
			{RecipientQuery{Office: "ubnd", Prefix: "sở t"}, []string{"Sở Tài chính", "Sở Tư pháp"}},
			{RecipientQuery{Office: "ubnd", Prefix: "SO TAI"}, []string{"Sở Tài chính"}},
			{RecipientQuery{Office: "ubnd", Prefix: "dc"}, nil},
			{RecipientQuery{Office: "ubnd", Prefix: "đ/c"}, []string{"Đ/c Chủ tịch UBND tỉnh"}},
			{RecipientQuery{Office: "ubnd", Prefix: "chinh"}, []string{"Phòng Tài chính - Kế hoạch", "Sở Tài chính"}},
			{RecipientQuery{Office: "ubnd", Prefix: "hinh"}, nil}, // inside a word: no
			{RecipientQuery{Office: "ubnd", Kind: KindUnit}, []string{"Phòng Tài chính - Kế hoạch"}},
			{RecipientQuery{Office: "ubnd", Group: "Sở, ngành", Limit: 1}, []string{"Sở Tài chính"}},
			{RecipientQuery{Office: "so-tc", Prefix: "so"}, []string{"Sở Tài nguyên và Môi trường"}},
			{RecipientQuery{Office: "x"}, nil},
		}
		for _, c := range cases {
			got, err := s.Recipients(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if g := names(got); len(g) != len(c.want) || (len(g) > 0 && !equal(g, c.want)) {
				t.Errorf("%+v: %q, want %q", c.q, g, c.want)
			}
		}
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRecipientsEdit(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		a, _ := s.AddRecipient(ctx, Recipient{Office: "ubnd", Name: "Sở Tài chính", Kind: KindAgency})
		b, _ := s.AddRecipient(ctx, Recipient{Office: "ubnd", Name: "Sở Tư pháp", Kind: KindAgency})
		up, err := s.UpdateRecipient(ctx, Recipient{ID: a.ID, Office: "ubnd", Name: "Sở Tài chính tỉnh", Kind: KindAgency, Group: "Sở"})
		if err != nil || up.Name != "Sở Tài chính tỉnh" || up.Group != "Sở" || up.Source != SourceManual {
			t.Fatalf("update %+v %v", up, err)
		}
		if _, err := s.UpdateRecipient(ctx, Recipient{ID: b.ID, Office: "ubnd", Name: "so tai chinh tinh", Kind: KindAgency}); !errors.Is(err, ErrDuplicate) {
			t.Errorf("rename onto another: %v", err)
		}
		if _, err := s.UpdateRecipient(ctx, Recipient{ID: a.ID, Office: "so-tc", Name: "X", Kind: KindAgency}); !errors.Is(err, ErrNotFound) {
			t.Errorf("update from another office: %v", err)
		}
		if err := s.DeleteRecipient(ctx, "so-tc", a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete from another office: %v", err)
		}
		if err := s.DeleteRecipient(ctx, "ubnd", a.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Recipients(ctx, RecipientQuery{Office: "ubnd"})
		if g := names(got); !equal(g, []string{"Sở Tư pháp"}) {
			t.Errorf("after delete: %q", g)
		}
	})
}

// TestLearnFromIssued: only an issue teaches the directory; each issue
// counts one use per name, and the most used comes first.
func TestLearnFromIssued(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		rs := []Recipient{{Name: "Sở Tài chính", Kind: KindAgency}, {Name: "Sở Tài chính"}, {Name: "Phòng Tư pháp"}, {Name: " "}}
		d, _ := s.Create(ctx, newDraft("ubnd", "lan", "A"))
		if _, err := s.Save(ctx, "ubnd", d.ID, 1, Change{Status: StatusReview, Body: d.Body, Actor: "lan", Role: "clerk", Recipients: rs}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Recipients(ctx, RecipientQuery{Office: "ubnd"}); len(got) != 0 {
			t.Errorf("learned before issue: %q", names(got))
		}
		if _, err := s.Save(ctx, "ubnd", d.ID, 2, Change{Status: StatusIssued, Number: "1", IssuedOn: "2026-12-05", Body: d.Body,
			Actor: "hoa", Role: "reviewer", Recipients: rs}); err != nil {
			t.Fatal(err)
		}
		e, _ := s.Create(ctx, newDraft("ubnd", "lan", "B"))
		_, _ = s.Save(ctx, "ubnd", e.ID, 1, Change{Status: StatusReview, Body: e.Body, Actor: "lan"})
		if _, err := s.Save(ctx, "ubnd", e.ID, 2, Change{Status: StatusIssued, Number: "2", IssuedOn: "2026-12-05", Body: e.Body,
			Actor: "hoa", Recipients: []Recipient{{Name: "PHÒNG TƯ PHÁP"}}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Recipients(ctx, RecipientQuery{Office: "ubnd"})
		if err != nil || len(got) != 2 {
			t.Fatalf("learned %+v %v", got, err)
		}
		if got[0].Name != "Phòng Tư pháp" || got[0].Uses != 2 || got[0].Kind != KindOther || got[0].Source != SourceLearnt {
			t.Errorf("first %+v, want Phòng Tư pháp used twice, kind other, learned", got[0])
		}
		if got[1].Name != "Sở Tài chính" || got[1].Uses != 1 || got[1].Kind != KindAgency {
			t.Errorf("second %+v, want Sở Tài chính used once, agency", got[1])
		}
		if other, _ := s.Recipients(ctx, RecipientQuery{Office: "so-tc"}); len(other) != 0 {
			t.Errorf("learned into another office: %q", names(other))
		}
		log, _ := s.Audit(ctx, "ubnd", d.ID)
		if last := log[len(log)-1]; last.Role != "reviewer" || last.Actor != "hoa" || last.Action != "status" {
			t.Errorf("audit of the issue %+v, want hoa as reviewer", last)
		}
	})
}

// FuzzNameKey: a key is its own key (so a stored key and a typed query
// meet), has no space at either end nor two in a row, and ignores case
// and marks.
func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Sở Tài chính", "UBND các xã, thị trấn;", "Đ/c Chủ tịch", "  ", "ĐỒNG  CHÍ", "a\u0301b", "100%_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NameKey(s)
		if NameKey(k) != k {
			t.Errorf("NameKey(%q) = %q, whose key is %q", s, k, NameKey(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Errorf("NameKey(%q) = %q: stray spaces", s, k)
		}
		// Case: wherever upper-casing round-trips (not "ϰ", whose capital
		// lowers to another letter), it leaves the key as it was.
		// (Not strings.EqualFold: it folds "ϰ" and "κ" together, which
		// lower-casing does not.)
		up := strings.ToUpper(s)
		if lowUp, low := strings.ToLower(up), strings.ToLower(s); lowUp == low && NameKey(up) != k {
			t.Errorf("case changes the key of %q: %q, %q", s, k, NameKey(up))
		}
	})
}
