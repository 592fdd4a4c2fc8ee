package document_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/vntext"
)

var toneRules = document.ToneRules{Move: vntext.MoveTone, Count: vntext.DetectToneStyle}

// styleWords are words whose spelling differs between the styles, old
// then new, with words where both agree mixed in.
var styleWords = [][2]string{
	{"hòa", "hoà"}, {"thủy", "thuỷ"}, {"ỦY", "UỶ"}, {"Ủy", "Uỷ"}, {"khỏe", "khoẻ"},
	{"HÒA", "HOÀ"}, {"lũy", "luỹ"}, {"tòa", "toà"},
}
var plainWords = []string{"ban", "nhân", "dân", "hoàn", "thuyền", "kế", "hoạch", "2024", "tỉnh"}

func randomText(r *rand.Rand) string {
	n := 1 + r.IntN(8)
	ws := make([]string, n)
	for i := range ws {
		if r.IntN(3) == 0 {
			ws[i] = plainWords[r.IntN(len(plainWords))]
			continue
		}
		ws[i] = styleWords[r.IntN(len(styleWords))][r.IntN(2)]
	}
	return strings.Join(ws, " ")
}

// countAll counts the printed words in each style.
func countAll(d *document.Document) (old, new int) {
	document.EachString(d, func(tf document.TextField) {
		if tf.Printed {
			o, n := vntext.DetectToneStyle(tf.Text)
			old, new = old+o, new+n
		}
	})
	return old, new
}

// TestNormalizeOneToneStyle is a property test: whatever mix of styles a
// document has, after normalisation without options.tone it has one style,
// the one most of its words used, and MajorityTone names it.
func TestNormalizeOneToneStyle(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2026))
	for i := range 500 {
		d := &document.Document{Schema: document.SchemaV1, Type: document.TypeKeHoach}
		d.Issuer.Name = []string{strings.ToUpper(randomText(r))}
		d.Summary = randomText(r)
		for range r.IntN(4) {
			d.Intro = append(d.Intro, document.Text{{Text: randomText(r)}})
		}
		for range r.IntN(6) {
			d.Body = append(d.Body, document.Block{Paragraph: &document.Text{{Text: randomText(r), Footnote: randomText(r)}}})
		}
		d.Distribution.Recipients = []document.Recipient{{Name: document.PlainText(randomText(r))}}
		oldBefore, newBefore := countAll(d)
		rep := document.NormalizeWith(d, toneRules)
		old, new := countAll(d)
		if old > 0 && new > 0 {
			t.Fatalf("doc %d still mixes styles after normalisation: %d old, %d new (report %+v)", i, old, new, rep)
		}
		if oldBefore+newBefore == 0 {
			if rep.Style != "" {
				t.Fatalf("doc %d has no styled word but got style %q", i, rep.Style)
			}
			continue
		}
		want := document.ToneOld
		if newBefore > oldBefore {
			want = document.ToneNew
		}
		if rep.Style != want || document.MajorityTone(d, vntext.DetectToneStyle).Style != want {
			t.Fatalf("doc %d: %d old, %d new before: style %q, want %q", i, oldBefore, newBefore, rep.Style, want)
		}
		if rep.Mixed() != (oldBefore > 0 && newBefore > 0) || rep.Mixed() && rep.Minority == "" {
			t.Fatalf("doc %d: report %+v for %d old, %d new", i, rep, oldBefore, newBefore)
		}
		if old+new != oldBefore+newBefore {
			t.Fatalf("doc %d: %d styled words before, %d after: words were lost or made", i, oldBefore+newBefore, old+new)
		}
	}
}

// BenchmarkNormalize measures what the tone rules add to normalisation
// on the largest sample (the engine normalises with them once per check).
func BenchmarkNormalize(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "gia-lai-2023-ke-hoach-du-an-8.json"))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		rules document.ToneRules
	}{{"plain", document.ToneRules{}}, {"tone-rules", toneRules}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				d, err := document.DecodeBytes(data, document.Limits{})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				document.NormalizeWith(d, bc.rules)
			}
		})
	}
}
