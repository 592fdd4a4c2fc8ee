package validate

import (
	"testing"

	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

// toneRules are the engine's: vntext moves and counts.
var toneRules = document.ToneRules{Move: vntext.MoveTone, Count: vntext.DetectToneStyle}

// TestToneUnified: a document that mixes tone styles without options.tone
// is printed in its majority style, Quốc hiệu included, with an info note
// at the first field that was in the other style.
func TestToneUnified(t *testing.T) {
	cases := []struct {
		name        string
		edit        func(d *document.Document)
		wantNote    string // path of the text.tone_unified note; "" for none
		wantSummary string
		wantNation  string
	}{
		{"majority old, one new word in the summary", func(d *document.Document) {
			d.Summary = "Thực hiện hoà nhập cộng đồng"
		}, "/summary", "Thực hiện hòa nhập cộng đồng", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"majority new: the old header words move too", func(d *document.Document) {
			d.Summary = "Thực hiện hoà nhập, thuỷ lợi và khoẻ mạnh"
			d.Closing = []document.Text{{{Text: "Trên đây là Kế hoạch của Uỷ ban nhân dân tỉnh."}}}
		}, "/issuer/name/0", "Thực hiện hoà nhập, thuỷ lợi và khoẻ mạnh", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"one style only: no note", func(d *document.Document) {
			d.Summary = "Thực hiện hòa nhập cộng đồng"
		}, "", "Thực hiện hòa nhập cộng đồng", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"options.tone given: moved, no note", func(d *document.Document) {
			d.Summary = "Thực hiện hòa nhập cộng đồng"
			d.Options.Tone = document.ToneNew
		}, "", "Thực hiện hoà nhập cộng đồng", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := baseKeHoach()
			tc.edit(d)
			rep := document.NormalizeWith(d, toneRules)
			fs := Validate(d, Options{Tone: rep, HasGlyph: func(rune) bool { return true }})
			note := ""
			for _, f := range fs {
				if f.Code == "text.mixed_tone" {
					t.Errorf("still reported as mixed after normalisation: %s", f)
				}
				if f.Code == "text.tone_unified" {
					if f.Severity != document.Info {
						t.Errorf("severity %s, want info", f.Severity)
					}
					note = f.Path
				}
			}
			if note != tc.wantNote {
				t.Errorf("note at %q, want %q\n%s", note, tc.wantNote, dump(fs))
			}
			if d.Summary != tc.wantSummary {
				t.Errorf("summary %q, want %q", d.Summary, tc.wantSummary)
			}
			cd, err := compose.Compose(d, compose.Options{Tone: rep.Style})
			if err != nil {
				t.Fatal(err)
			}
			if got := cd.Sections[0].Blocks[0].Header.Nation[0].Runs[0].Text; got != tc.wantNation {
				t.Errorf("Quốc hiệu %q, want %q", got, tc.wantNation)
			}
		})
	}
}
