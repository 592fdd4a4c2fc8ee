package compose

import "testing"

// TestDraftMark: options.draft_mark gives the composed document its mark;
// without it there is none, draft or not.
func TestDraftMark(t *testing.T) {
	for _, c := range []struct {
		draft, mark bool
		want        string
	}{
		{false, false, ""},
		{true, false, ""},
		{true, true, DraftMark},
		{false, true, DraftMark},
	} {
		d := loadSample(t, "vinh-linh-2024-ke-hoach-du-thao.json")
		d.Draft = c.draft
		d.Options.DraftMark = c.mark
		out, err := Compose(d, Options{Draft: c.draft})
		if err != nil {
			t.Fatal(err)
		}
		if out.Mark != c.want {
			t.Errorf("draft %v draft_mark %v: mark %q, want %q", c.draft, c.mark, out.Mark, c.want)
		}
	}
}
