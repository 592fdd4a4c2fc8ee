package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// samplesDir is the public samples folder, relative to this package.
const samplesDir = "../../samples"

// sampleExpect is what each public sample must give with default
// options: no error, and exactly these warning codes (one entry per
// finding), sorted. The drafts say so in their own "draft" field.
var sampleExpect = map[string][]string{
	"gia-lai-2023-ke-hoach-du-an-8.json":    {"nd30.summary.case", "table.target_mismatch"},
	"ha-nam-2014-ke-hoach.json":             {"nd30.recipients.archive_line", "text.mixed_tone"},
	"lang-son-2018-2025-ke-hoach.json":      {"nd30.summary.case", "text.mixed_tone"},
	"thua-thien-hue-2020-cong-van.json":     {"nd30.recipients.archive_line"},
	"vinh-linh-2024-ke-hoach-du-thao.json":  nil,
	"lao-cai-2025-quyet-dinh-uy-quyen.json": {"nd30.bases.punctuation", "text.mixed_tone"},
	"lam-dong-2026-to-trinh-kinh-gui.json":  nil,
	"lao-cai-2026-quyet-dinh-phu-luc.json":  nil,
	"mau-2026-ke-hoach-du-toan.json":        nil,
	"mau-2026-quyet-dinh-toa-do.json":       nil,
	"mau-2026-bao-cao-bieu-phan-luong.json": nil,
	"lam-dong-2026-giay-moi-hop.json":       nil,
	"mau-2026-giay-nghi-phep.json":          nil,
	"mau-2026-bien-ban-hop.json":            nil,
	"mau-2026-giay-gioi-thieu.json":         nil,
	"mau-2026-ke-hoach-lien-tich.json":      nil,
	"mau-2026-cong-dien-bao.json":           nil,
	"mau-2026-nghi-quyet-hdnd.json":         nil,
	"mau-2026-de-an-chuyen-doi-so.json":     nil,
	"mau-2026-huong-dan-nop-luu.json":       nil,
	"mau-2026-chuong-trinh-cong-tac.json":   nil,
	"mau-2026-phuong-an-ung-pho-bao.json":   nil,
	"lam-dong-2026-quyet-dinh-dieu-le.json": {"nd30.body.label_sequence", "nd30.body.label_sequence", "text.mixed_tone"},
	"lao-cai-2025-bao-cao-vlncn.json":       {"text.mixed_tone"},
	"ha-noi-2026-thong-bao-treo-co.json":    {"nd30.recipients.archive_line"},
	"lam-dong-2026-thong-bao-ket-luan.json": {"nd30.body.label_sequence", "nd30.recipients.archive_line"},
}

func loadSample(t testing.TB, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.DecodeBytes(data, document.Limits{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	document.Normalize(d, nil)
	return d
}

func TestSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(samplesDir, "*.json"))
	if len(files) == 0 {
		t.Skip("no samples yet")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := sampleExpect[name]
			if !ok {
				t.Fatalf("sample %s has no row in sampleExpect", name)
			}
			fs := Validate(loadSample(t, f), Options{})
			for _, e := range fs.Errors() {
				t.Errorf("unexpected error: %s", e)
			}
			var got []string
			for _, w := range fs.Warnings() {
				got = append(got, w.Code)
				t.Logf("warning: %s | %s", w, w.VI)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("warnings = [%s], want [%s]", strings.Join(got, " "), strings.Join(want, " "))
			}
		})
	}
}
