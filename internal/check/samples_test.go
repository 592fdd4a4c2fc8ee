package check

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/golden"
	"github.com/vanban/vanban/internal/testengine"
	"github.com/vanban/vanban/samples"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// rendered renders a sample in one format with the engine.
func rendered(t testing.TB, name string, f engine.Format) []byte {
	t.Helper()
	eng := testengine.Shared(t)
	data, err := fs.ReadFile(samples.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := eng.Check(data, false)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := eng.RenderChecked(context.Background(), c, f, &buf); err != nil {
		t.Fatalf("%s: render: %v", name, err)
	}
	return buf.Bytes()
}

func sampleNames(t *testing.T) []string {
	names, err := fs.Glob(samples.FS, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	return names
}

// notReadBack are the form samples whose layout the importer under check
// does not read back yet (importer formGaps): two signature blocks, the
// công điện's sender line and its list of addressees.
var notReadBack = map[string]bool{
	"mau-2026-bien-ban-hop.json":       true,
	"mau-2026-ke-hoach-lien-tich.json": true,
	"mau-2026-cong-dien-bao.json":      true,
}

// TestSamplesPass: what vanban renders as DOCX is nothing a reviewer would
// send back, and its layout asks for no fix either (the samples' own
// slips, a repeated word or a list that skips, are content and text
// findings, reported but not layout). The PDFs are reviewed the same way
// in TestSamplesPassPDF (integration: it reads them with poppler).
func TestSamplesPass(t *testing.T) {
	samplesPass(t, engine.DOCX)
}

func samplesPass(t *testing.T, f engine.Format) {
	for _, name := range sampleNames(t) {
		t.Run(name+"/"+string(f), func(t *testing.T) {
			rep, err := File(context.Background(), name+"."+string(f), rendered(t, name, f))
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Passes() {
				var b strings.Builder
				rep.WriteText(&b)
				t.Fatalf("does not pass:\n%s", b.String())
			}
			for _, fd := range rep.Findings {
				// What the importer does not read back yet (importer
				// formGaps) the content rules then miss: the biên bản's
				// thư ký, a joint document's second signer, a công
				// điện's sender and addressees. The layout rule for the
				// signature block also expects one block, on the right.
				if notReadBack[name] && (strings.HasPrefix(fd.Rule, "nd30.") || fd.Rule == "signature") {
					continue
				}
				if fd.Severity >= Fix && !strings.HasPrefix(fd.Rule, "text.") && fd.Rule != "numbering" {
					t.Errorf("layout finding on vanban's own output: %+v", fd)
				}
			}
		})
	}
}

// editDOCX rewrites parts of a .docx: each edit replaces old by new in
// the named part and must match.
func editDOCX(t *testing.T, data []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == part {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s has no %q", part, old)
			}
			b = bytes.ReplaceAll(b, []byte(old), []byte(new))
			found = true
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	zw.Close()
	return buf.Bytes()
}

// TestAlteredDOCX: a rendered sample edited by hand as a clerk would is
// caught, and the untouched file is not.
func TestAlteredDOCX(t *testing.T) {
	const name = "thua-thien-hue-2020-cong-van.json"
	orig := rendered(t, name, engine.DOCX)
	tests := []struct {
		name           string
		part, old, new string
		rule, element  string
		sev            Severity
	}{
		{"left margin 20 mm", "word/document.xml", `w:left="1701"`, `w:left="1134"`, "page.margins", "section 1 left margin", Fix},
		{"top margin 35 mm", "word/document.xml", `w:top="1134"`, `w:top="2000"`, "page.margins", "section 1 top margin", Fix},
		{"Arial by default", "word/styles.xml", `w:ascii="Times New Roman" w:hAnsi="Times New Roman"`, `w:ascii="Arial" w:hAnsi="Arial"`, "font.family", "", Fix},
		{"VNI font", "word/styles.xml", `w:ascii="Times New Roman" w:hAnsi="Times New Roman"`, `w:ascii="VNI-Times" w:hAnsi="VNI-Times"`, "font.family", "", SendBack},
		{"no page number", "word/header1.xml", ` PAGE `, ` DATE `, "pagenum", "section 1", Fix},
		{"header rule removed", "word/styles.xml", `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>`, ``, "header.rule", "Tiêu ngữ", Fix},
		{"Letter paper", "word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="12240" w:h="15840"/>`, "page.size", "section 1", SendBack},
		{"Tiêu ngữ with en dashes", "word/document.xml", `Độc lập - Tự do - Hạnh phúc`, "Độc lập \u2013 Tự do \u2013 Hạnh phúc", "header.tieungu", "Tiêu ngữ", Fix},
		{"body style 12 pt", "word/styles.xml", `<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/>`,
			`<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="24"/>`, "body.size", "", Fix},
		{"body style in red", "word/styles.xml", `<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/>`,
			`<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="C00000"/>`, "font.color", "", Fix},
		{"Lưu line without its colon", "word/document.xml", `Lưu: VT`, `Lưu VT`, "recipients", "Lưu line", Fix},
		{"body left-aligned by direct formatting", "word/document.xml", `<w:pStyle w:val="VbNoiDung"/>`, `<w:pStyle w:val="VbNoiDung"/><w:jc w:val="left"/>`, "body.justify", "", Fix},
	}
	has := func(rep *Report, rule, element string, sev Severity) bool {
		for _, f := range rep.Findings {
			if f.Rule == rule && (element == "" || f.Element == element) && f.Severity == sev {
				return true
			}
		}
		return false
	}
	base, err := File(context.Background(), "orig.docx", orig)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if has(base, tt.rule, tt.element, tt.sev) {
				t.Fatalf("the untouched file already has %s %s", tt.rule, tt.element)
			}
			rep, err := File(context.Background(), "edited.docx", editDOCX(t, orig, tt.part, tt.old, tt.new))
			if err != nil {
				t.Fatal(err)
			}
			if !has(rep, tt.rule, tt.element, tt.sev) {
				var b strings.Builder
				rep.WriteText(&b)
				t.Errorf("no %s finding %s on %q:\n%s", tt.sev, tt.rule, tt.element, b.String())
			}
		})
	}
}

const corpusDir = "../../../shared/corpus"

// corpusKept are the reviews kept as golden files.
var corpusKept = map[string]bool{
	"01-kh-lamdong-thi-dua-cchc-2026.docx":      true,
	"42-cv-cuc-hoa-chat-597-giay-phep-xnk.docx": true,
	"33-tb-hanoi-453-treo-co-2026.pdf":          true,
}

// TestCorpus runs check on every .docx of the shared corpus (beside the
// repository, not in it: skipped where it is absent): no error, no panic.
// The PDFs are TestCorpusPDF's (integration: poppler reads them).
func TestCorpus(t *testing.T) {
	corpus(t, ".docx")
}

func corpus(t *testing.T, ext string) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*"+ext))
	if len(files) == 0 {
		t.Skip("no shared corpus here")
	}
	for _, f := range files {
		base := filepath.Base(f)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := File(context.Background(), base, data)
			if err != nil {
				t.Fatal(err)
			}
			if corpusKept[base] {
				var b bytes.Buffer
				if err := rep.WriteJSON(&b); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "golden", base+".json"), b.Bytes(), *update)
			}
		})
	}
}
