//go:build integration

package layout

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/vanban/vanban/internal/testtools"
)

// TestLibreOfficeBreaks holds the line-breaking measure (FitAdvance, Fits,
// ItalicReserve) to LibreOffice itself: paragraphs of random words from
// the samples, in each face at 12 to 14 pt on measures of 150 to 172 mm,
// are laid out by LibreOffice from a DOCX with kerning off, as ours are;
// for every line it set but the last of a paragraph, the line must fit by
// our measure and the line with its next word must not. A measure off by
// a twip in a few hundred lines fails here.
func TestLibreOfficeBreaks(t *testing.T) {
	soffice := testtools.Soffice(t)
	pdftotext := testtools.Poppler(t)
	fo := loadFonts(t)
	words := sampleWords(t)
	rng := rand.New(rand.NewSource(1))
	dir := t.TempDir()
	type doc struct {
		size   float64
		face   FaceIndex
		width  int // twips
		paras  [][]string
		indent []int // first-line indent of each paragraph, twips
	}
	var docs []doc
	for i, size := range []float64{12, 13, 13.5, 14, 14, 13} {
		for fi := Regular; fi <= BoldItalic; fi++ {
			d := doc{size: size, face: fi, width: 8500 + rng.Intn(1250)}
			for range 20 {
				n := 25 + rng.Intn(40)
				p := make([]string, n)
				for j := range p {
					p[j] = words[rng.Intn(len(words))]
				}
				d.paras = append(d.paras, p)
				d.indent = append(d.indent, []int{0, 567, 720}[rng.Intn(3)])
			}
			if err := writeTestDocx(filepath.Join(dir, fmt.Sprintf("d%02d.docx", i*4+int(fi))), d.size, d.face, d.width, d.paras, d.indent); err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	sort.Strings(files)
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	checked, wrong := 0, 0
	for i, d := range docs {
		out, err := exec.Command(pdftotext, "-nopgbrk", strings.TrimSuffix(files[i], ".docx")+".pdf", "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		var lines [][]string
		for _, l := range strings.Split(string(out), "\n") {
			if f := strings.Fields(l); len(f) > 0 {
				lines = append(lines, f)
			}
		}
		f := fo.faces[d.face]
		reserve := fo.ItalicReserve(d.face, d.size)
		li := 0
		for pi, p := range d.paras {
			avail := Pt(d.width - d.indent[pi])
			for wi := 0; wi < len(p); {
				if li >= len(lines) {
					t.Fatalf("doc %d: LibreOffice's text ends before paragraph %d", i, pi)
				}
				l := lines[li]
				li++
				if len(l) > len(p)-wi || strings.Join(p[wi:wi+len(l)], " ") != strings.Join(l, " ") {
					t.Fatalf("doc %d paragraph %d: LibreOffice's line %q is not the paragraph's next words", i, pi, strings.Join(l, " "))
				}
				wi += len(l)
				if wi < len(p) {
					text := strings.Join(l, " ")
					checked++
					if !Fits(f.FitWidth(text, d.size)+reserve, avail) || Fits(f.FitWidth(text+" "+p[wi], d.size)+reserve, avail) {
						wrong++
						t.Errorf("%v pt face %d on %.2f pt: LibreOffice set %q (%.3f) and wrapped %q (%.3f)", d.size, d.face, avail, text, f.FitWidth(text, d.size)+reserve-avail, p[wi], f.FitWidth(text+" "+p[wi], d.size)+reserve-avail)
					}
				}
				avail = Pt(d.width)
			}
		}
		if li != len(lines) {
			t.Fatalf("doc %d: %d lines of LibreOffice's text left over", i, len(lines)-li)
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d line breaks compared", checked)
	}
	t.Logf("%d line breaks compared, %d differ", checked, wrong)
}

// sampleWords are the distinct words of the samples' text that break only
// at spaces (no hyphen or slash, where LibreOffice may break inside).
func sampleWords(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../../samples/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	seen := map[string]bool{}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, w := range strings.Fields(v) {
				ok := true
				for _, r := range w {
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(",.;:", r) {
						ok = false
					}
				}
				if ok && !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		walk(v)
	}
	sort.Strings(out) // map order must not change the random draw
	return out
}

// writeTestDocx writes a DOCX of justified paragraphs in Times New Roman
// at size in face fi, kerning off, single spacing, on an A4 page whose
// text is width twips wide.
func writeTestDocx(path string, size float64, fi FaceIndex, width int, paras [][]string, indent []int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(f)
	parts := map[string]string{
		"[Content_Types].xml":          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`,
		// Word 2013+ compatibility, as templates/base declares it: older
		// modes change how LibreOffice breaks italic lines.
		"word/settings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
		"_rels/.rels":       `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
	}
	emph := map[FaceIndex]string{Bold: "<w:b/>", Italic: "<w:i/>", BoldItalic: "<w:b/><w:i/>"}[fi]
	rpr := fmt.Sprintf(`<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>%s<w:sz w:val="%d"/><w:kern w:val="0"/><w:lang w:val="vi-VN"/></w:rPr>`, emph, int(size*2))
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for i, p := range paras {
		fmt.Fprintf(&b, `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="%d"/><w:jc w:val="both"/></w:pPr><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>`,
			indent[i], rpr, strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(strings.Join(p, " ")))
	}
	const pageW, left = 11906, 1701
	fmt.Fprintf(&b, `<w:sectPr><w:pgSz w:w="%d" w:h="16838"/><w:pgMar w:top="1134" w:right="%d" w:bottom="1134" w:left="%d" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>`, pageW, pageW-left-width, left)
	parts["word/document.xml"] = b.String()
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/settings.xml", "word/document.xml"} {
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			return err
		}
	}
	return z.Close()
}
