package plantemplate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/templates"
)

const minimal = `{"schema":"vanban/v1","type":"ke_hoach",
 "issuer":{"name":["ỦY BAN NHÂN DÂN","{{upper .DonVi}}"],"abbreviation":"UBND"},
 "date":{"year":"{{.Nam}}"},
 "summary":"Kế hoạch của {{.DonVi}} năm {{.Nam}}",
 "body":[{"paragraph":"Kinh phí {{num .KinhPhi}} đồng ({{words .KinhPhi}} đồng); năm trước {{add .Nam -1}}."},
  {"budget":{"label":"Ngân sách","total":"{{.KinhPhi}}"}},
  {"table":{"columns":[{"title":"Nội dung"},{"title":"Số lượng","numeric":true}],"rows":[{"cells":["Lớp","{{.SoLop}}"]}]}}],
 "signature":{"title":"CHỦ TỊCH","name":"{{.NguoiKy}}"},
 "distribution":{},"options":{}}`

func TestExecute(t *testing.T) {
	tm, err := Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"DonVi", "KinhPhi", "Nam", "NguoiKy", "SoLop"}; !slices.Equal(tm.Vars(), want) {
		t.Errorf("Vars = %v, want %v", tm.Vars(), want)
	}
	rows, err := ReadCSV("units.csv", strings.NewReader("DonVi,Nam,KinhPhi,NguoiKy,SoLop\nxã Vĩnh Tú,2025,\"370.000.000\",Trần Bình,3\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := tm.Execute(rows[0], document.Limits{})
	if res.Doc == nil {
		t.Fatalf("no document: %v", res.Findings)
	}
	d := res.Doc
	if d.Issuer.Name[1] != "XÃ VĨNH TÚ" || d.Date.Year != 2025 || d.Summary != "Kế hoạch của xã Vĩnh Tú năm 2025" || d.Signature.Name != "Trần Bình" {
		t.Errorf("substitution: %+v %+v %q %q", d.Issuer.Name, d.Date, d.Summary, d.Signature.Name)
	}
	if got, want := d.Body[0].Paragraph.Plain(), "Kinh phí 370.000.000 đồng (ba trăm bảy mươi triệu đồng); năm trước 2024."; got != want {
		t.Errorf("paragraph = %q, want %q", got, want)
	}
	if tot := d.Body[1].Budget.Total; tot == nil || *tot != 370000000 {
		t.Errorf("budget total = %v, want 370000000 as a number", tot)
	}
	if c := d.Body[2].Table.Rows[0].Cells[1]; c.Num == nil || *c.Num != 3 {
		t.Errorf("numeric cell = %+v, want 3", c)
	}
	if res.Row.Name() != "xã Vĩnh Tú" {
		t.Errorf("Name = %q", res.Row.Name())
	}
}

func TestExecuteFindings(t *testing.T) {
	tm, err := Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		csv   string
		codes []string
		paths []string
		doc   bool
	}{
		{"missing variable", "DonVi,Nam,KinhPhi,SoLop\nxã A,2025,1000,2\n",
			[]string{CodeMissingVariable}, []string{"/signature/name"}, false},
		{"unused column", "DonVi,Nam,KinhPhi,NguoiKy,SoLop,Ghichu\nxã A,2025,1000,B,2,x\n",
			[]string{CodeUnusedVariable}, []string{""}, true},
		{"not a number", "DonVi,Nam,KinhPhi,NguoiKy,SoLop\nxã A,2025,nhiều,B,2\n",
			[]string{CodeExec, CodeNotANumber}, []string{"/body/0/paragraph", "/body/1/budget/total"}, false},
		{"year not a number", "DonVi,Nam,KinhPhi,NguoiKy,SoLop\nxã A,năm nay,1000,B,2\n",
			[]string{CodeNotANumber, CodeExec}, []string{"/date/year", "/body/0/paragraph"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ReadCSV("units.csv", strings.NewReader(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			res := tm.Execute(rows[0], document.Limits{})
			var codes, paths []string
			for _, f := range res.Findings {
				codes = append(codes, f.Code)
				paths = append(paths, f.Path)
				if !strings.Contains(f.EN, "units.csv line 2") {
					t.Errorf("finding does not name the row: %s", f.EN)
				}
			}
			slices.Sort(codes)
			wantCodes := slices.Sorted(slices.Values(tt.codes))
			if !slices.Equal(codes, wantCodes) {
				t.Errorf("codes = %v, want %v (%v)", codes, wantCodes, res.Findings)
			}
			slices.Sort(paths)
			wantPaths := slices.Sorted(slices.Values(tt.paths))
			if !slices.Equal(paths, wantPaths) {
				t.Errorf("paths = %v, want %v", paths, wantPaths)
			}
			if (res.Doc != nil) != tt.doc {
				t.Errorf("document produced = %v, want %v", res.Doc != nil, tt.doc)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, code string }{
		{"not JSON", `{"schema":`, CodeJSON},
		{"not an object", `[]`, CodeJSON},
		{"syntax", `{"summary":"năm {{.Nam"}`, CodeSyntax},
		{"range", `{"summary":"{{range .X}}a{{end}}"}`, CodeUnsupported},
		{"function not offered", `{"summary":"{{call .F}}"}`, CodeUnsupported},
		{"declaration", `{"summary":"{{$x := .Nam}}{{$x}}"}`, CodeUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			de, ok := err.(*document.DecodeError)
			if !ok {
				t.Fatalf("err = %v, want a *document.DecodeError", err)
			}
			if de.Findings[0].Code != tt.code {
				t.Errorf("code = %s, want %s", de.Findings[0].Code, tt.code)
			}
		})
	}
}

func TestJSONLinesRows(t *testing.T) {
	tm, err := Parse([]byte(`{"schema":"vanban/v1","type":"ke_hoach","issuer":{"name":["UBND"],"abbreviation":"UBND"},
		"summary":"Chỉ tiêu {{.DonVi}}","body":[{"table":{"columns":[{"title":"Chỉ tiêu"},{"title":"Số","numeric":true}],"rows":"{{.Rows}}"}}],
		"signature":{"title":"CHỦ TỊCH"},"distribution":{},"date":{},"options":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadJSONLines("rows.jsonl", strings.NewReader(`{"DonVi":"xã A","Rows":[{"cells":["Lớp",3]},{"kind":"total","label":"Tổng","cells":[null]}]}`+"\n\n"+`{"DonVi":"xã B","Rows":"oops"}`))
	if err != nil {
		t.Fatal(err)
	}
	res := tm.Execute(rows[0], document.Limits{})
	if res.Doc == nil {
		t.Fatalf("row 1: %v", res.Findings)
	}
	if n := len(res.Doc.Body[0].Table.Rows); n != 2 {
		t.Errorf("rows = %d, want 2", n)
	}
	res = tm.Execute(rows[1], document.Limits{})
	if res.Doc != nil || len(res.Findings) == 0 || res.Findings[0].Path != "/body/0/table/rows" || res.Row.Line != 3 {
		t.Errorf("row 2 (line 3): want a decode finding at /body/0/table/rows, got %v line %d", res.Findings, res.Row.Line)
	}
}

// TestVinhLinhCommunes regenerates the Vĩnh Linh 2024 plan for 2025 for
// ten communes from samples/templates and checks every plan is valid.
func TestVinhLinhCommunes(t *testing.T) {
	dir := filepath.Join("..", "..", "samples", "templates")
	data, err := os.ReadFile(filepath.Join(dir, "vinh-linh-xa-ke-hoach-binh-dang-gioi.json"))
	if err != nil {
		t.Fatal(err)
	}
	tm, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "vinh-linh-xa-2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ReadData(f.Name(), f)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 10 {
		t.Fatalf("rows = %d, want 10", len(rows))
	}
	eng, err := engine.New(templates.FS, fonts.FS, document.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, row := range rows {
		res := tm.Execute(row, document.Limits{})
		if res.Doc == nil {
			t.Fatalf("%s: %v", row.Name(), res.Findings)
		}
		if len(res.Findings) > 0 {
			t.Errorf("%s: template findings %v", row.Name(), res.Findings)
		}
		if res.Doc.Date.Year != 2025 || !strings.HasSuffix(res.Doc.Summary, row.Name()+" năm 2025") {
			t.Errorf("%s: date %+v summary %q", row.Name(), res.Doc.Date, res.Doc.Summary)
		}
		if strings.Contains(string(res.JSON), "2024") {
			t.Errorf("%s: 2024 left in the plan", row.Name())
		}
		c := eng.CheckDocument(res.Doc, true)
		if !c.Valid() {
			t.Errorf("%s: invalid: %v", row.Name(), c.Findings.Errors())
		}
		names[res.Doc.Issuer.Name[1]] = true
	}
	if len(names) != 10 {
		t.Errorf("issuer names not distinct: %v", names)
	}
}
