package importer_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

// checkImported: whatever the input, an import either fails with one of
// the typed errors or yields a document that survives a JSON round trip
// through the strict decoder.
func checkImported(t *testing.T, d *document.Document, rep *importer.Report, err error) {
	t.Helper()
	if err != nil {
		if d != nil || rep != nil {
			t.Fatal("an error must come alone")
		}
		return
	}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if _, err := document.DecodeBytes(data, document.Limits{MaxBytes: 64 << 20, MaxDepth: 200, MaxElements: 1 << 20}); err != nil {
		t.Fatalf("the imported document does not decode: %v\n%s", err, data)
	}
}

func FuzzImportText(f *testing.F) {
	for _, data := range seedFiles(f) {
		f.Add(data)
	}
	for _, s := range []string{"", "|", "\t\n\t", "KẾ HOẠCH\n", "Số: /\n", "I. A\n1. B\na) C\n- D\n+ E\n", "X: 1.000đ (một nghìn đồng)\n- Y: 1.000đ\n", "PHỤ LỤC\n(Kèm theo)\n1\n|\n2\n|\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, rep, err := importer.ImportText(data, importer.Limits{})
		checkImported(t, d, rep, err)
	})
}

func FuzzImportDOCX(f *testing.F) {
	for _, d := range sampleDocs(f) {
		f.Add(renderDOCX(f, d))
	}
	f.Add(makeDOCX(f, map[string]string{"word/document.xml": body(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)}))
	// Header layouts, a text box, content after the signature, Word
	// numbering and header rows (see docx_features_test.go).
	f.Add(makeDOCX(f, map[string]string{"word/document.xml": body(headerA + p("KẾ HOẠCH") + p("X") + `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>A</w:t></w:r></w:p>` + closing + p("DANH SÁCH") + p("(Kèm theo Kế hoạch)") + table(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`+cell(p("TT"))+`</w:tr>`, row(cell(p("1"))))),
		"word/numbering.xml": `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`}))
	for _, s := range []string{"ỦY BAN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1\n/KH-UBND\n", "A[1]\n___\n[1] B\n", "Nơi nhận:\n- A;\n- Lưu: VT.\nBản điện tử:\n- B.\nGIÁM ĐỐC\nKý bởi X\nNguyễn Văn A\nPHỤ LỤC\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, rep, err := importer.Import(bytes.NewReader(data), int64(len(data)), "f.docx", importer.Limits{})
		checkImported(t, d, rep, err)
	})
}
