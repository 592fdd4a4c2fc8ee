//go:build integration

package httpapi

import (
	"context"
	"encoding/json"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/check"
	"github.com/vanban/vanban/internal/testtools"
)

// parityKnown are the renderings under a stored profile whose lines do
// not yet all match LibreOffice's, each with its reason; a case that comes
// to match fails the test until it is taken off here. None is left: the
// line breaker measures text as LibreOffice's reference device does
// (layout.Face.FitAdvance, kerning off in the DOCX), and lines at a
// multiple of single spacing keep their text at the top and may end a
// page with their extra space in the margin, as LibreOffice sets them.
var parityKnown = map[string]string{}

// TestStoredProfilesParity stores two office profiles at the opposite
// ends of every NĐ30 range, puts each into two samples as the editor does
// (options.profile = the stored profile's full values), renders both
// formats through the API and holds the DOCX, laid out by LibreOffice, to
// the PDF line by line (check --parity), but for parityKnown. The PDF's
// body text starts at the profile's left margin, so the profile did reach
// the layout.
func TestStoredProfilesParity(t *testing.T) {
	testtools.Soffice(t)
	testtools.Poppler(t)
	s, st := draftServerWith(t, t.TempDir(), withRoles)
	defer st.Close()
	sep := signIn(t, s.Handler(), "sep@ubnd")
	ends := map[string]string{
		"Thấp nhất": `{"margin_top":20,"margin_bottom":20,"margin_left":30,"margin_right":15,"body_size":13,"line_spacing":1,"first_indent":10,"agency_size":12,"sign_space":20}`,
		"Cao nhất":  `{"margin_top":25,"margin_bottom":25,"margin_left":35,"margin_right":20,"body_size":14,"line_spacing":1.5,"first_indent":12.7,"agency_size":13,"sign_space":50}`,
	}
	for name, body := range ends {
		if rec := sep.do("PUT", "/v1/profiles/"+url.PathEscape(name), body, map[string]string{"If-None-Match": "*"}); rec.Code != 201 {
			t.Fatalf("store %s: %d %s", name, rec.Code, rec.Body.String())
		}
	}
	var list ProfilesResponse
	if err := json.Unmarshal(sep.do("GET", "/v1/profiles", "", nil).Body.Bytes(), &list); err != nil || len(list.Profiles) != 2 {
		t.Fatalf("list: %+v %v", list, err)
	}
	for _, sample := range []string{"thua-thien-hue-2020-cong-van", "vinh-linh-2024-ke-hoach-du-thao"} {
		data, err := os.ReadFile("../../samples/" + sample + ".json")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list.Profiles {
			t.Run(sample+"/"+p.Name, func(t *testing.T) {
				var doc map[string]any
				if err := json.Unmarshal(data, &doc); err != nil {
					t.Fatal(err)
				}
				opts, _ := doc["options"].(map[string]any)
				if opts == nil {
					opts = map[string]any{}
				}
				opts["profile"] = p.Profile
				doc["options"] = opts
				b, _ := json.Marshal(doc)
				out := map[string][]byte{}
				for _, f := range []string{"docx", "pdf"} {
					rec := sep.do("POST", "/v1/render/"+f+"?draft=true", string(b), nil)
					if rec.Code != 200 {
						t.Fatalf("render %s: %d %s", f, rec.Code, rec.Body.String())
					}
					out[f] = rec.Body.Bytes()
				}
				r, err := check.Parity(context.Background(), out["docx"], out["pdf"], 3*time.Minute)
				if err != nil {
					t.Fatal(err)
				}
				if r.PagesDOCX != r.PagesPDF || r.WordsDiffer != 0 || r.NoTimes || r.Lines < 30 {
					t.Fatalf("under %s: %d/%d pages, %d words differ, no Times %v, %d lines", p.Name, r.PagesDOCX, r.PagesPDF, r.WordsDiffer, r.NoTimes, r.Lines)
				}
				switch why, known := parityKnown[sample+"/"+p.Name]; {
				case known && r.Same():
					t.Errorf("every line matches now: take %q off parityKnown", sample+"/"+p.Name)
				case known:
					t.Logf("%d of %d lines differ, known: %s", r.Differ, r.Lines, why)
				case !r.Same():
					t.Errorf("parity under %s: %d of %d lines differ: %+v", p.Name, r.Differ, r.Lines, r.Diffs)
				}
				want := *p.Profile.MarginLeft * 72 / 25.4
				if left := textLeft(t, out["pdf"]); math.Abs(left-want) > 1 {
					t.Errorf("the PDF's body text starts at x=%.1f pt, want the profile's left margin %.1f", left, want)
				}
			})
		}
	}
}

var wordXMin = regexp.MustCompile(`<word xMin="([0-9.]+)"`)

// textLeft is where the body text of a PDF's first page starts: the
// most frequent x, in points, of its words (pdftotext -bbox), which is
// the left margin every body line starts at. (The smallest would be the
// header table's, which may reach into the margin as in Word.)
func textLeft(t *testing.T, pdf []byte) float64 {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	count := map[float64]int{}
	left, most := 0.0, 0
	for _, m := range wordXMin.FindAllSubmatch(out, -1) {
		x, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			continue
		}
		x = math.Round(x*10) / 10
		if count[x]++; count[x] > most {
			left, most = x, count[x]
		}
	}
	return left
}
