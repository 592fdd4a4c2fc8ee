//go:build integration

package pdf

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/testtools"
)

// TestDraftMark: the mark prints on the first page only (the later pages
// carry their number there), and nothing prints without it.
func TestDraftMark(t *testing.T) {
	testtools.Poppler(t)
	w := newWriter(t)
	for _, mark := range []string{"", "DỰ THẢO"} {
		d := handDoc()
		d.Mark = mark
		path := writePDF(t, w, d)
		page := func(n string) string {
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			return string(out)
		}
		first := page("1")
		if got := strings.Contains(first, "DỰ THẢO"); got != (mark != "") {
			t.Errorf("mark %q: page 1 shows the mark: %v", mark, got)
		}
		if mark != "" && strings.Index(first, "DỰ THẢO") > strings.Index(first, "CỘNG HÒA") {
			t.Errorf("the mark is not above the header:\n%s", first)
		}
	}
}
