package document

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestDecodeFindings(t *testing.T) {
	const head = `{"schema":"vanban/v1","type":"ke_hoach",`
	tests := []struct {
		name     string
		in       string
		lim      Limits
		code     string
		path     string
		syntax   bool
		line     int
		col      int
		findings int
	}{
		{"unknown top-level field", head + `"titel":"x"}`, Limits{}, "decode.unknown_field", "/titel", false, 0, 0, 1},
		{"unknown nested field", head + `"body":[{"heading":{"title":"A","childs":[]}}]}`, Limits{}, "decode.unknown_field", "/body/0/heading/childs", false, 0, 0, 1},
		{"wrong type", head + `"date":{"day":"5"}}`, Limits{}, "decode.type", "/date/day", false, 0, 0, 1},
		{"every problem, not the first", head + `"number":5,"place":true}`, Limits{}, "decode.type", "/number", false, 0, 0, 2},
		{"fraction for an integer", head + `"date":{"year":2024.5}}`, Limits{}, "decode.type", "/date/year", false, 0, 0, 1},
		{"bad run field", head + `"intro":[[{"text":"a","underline":true}]]}`, Limits{}, "decode.unknown_field", "/intro/0/0/underline", false, 0, 0, 1},
		{"bad cell", head + `"body":[{"table":{"columns":[{"title":"A"}],"rows":[{"cells":[true]}]}}]}`, Limits{}, "decode.type", "/body/0/table/rows/0/cells/0", false, 0, 0, 1},
		{"syntax error with position", "{\n  \"schema\": \"vanban/v1\",\n  \"type\": ke_hoach\n}", Limits{}, "decode.syntax", "", true, 3, 11, 1},
		{"truncated", head, Limits{}, "decode.syntax", "", true, 1, 41, 1},
		{"trailing data", head + `"place":"Hà Nội"} {}`, Limits{}, "decode.trailing_data", "", true, 1, 60, 1},
		{"too large", head + `"place":"` + strings.Repeat("x", 100) + `"}`, Limits{MaxBytes: 64}, "decode.too_large", "", false, 0, 0, 1},
		{"too deep", head + `"body":[{"item":{"text":"a","children":[{"item":{"text":"b","children":[]}}]}}]}`, Limits{MaxDepth: 6}, "decode.too_deep", "/body/0/item/children/0/item", false, 0, 0, 1},
		{"too deep in the second element", head + `"body":[{"paragraph":"a"},{"item":{"text":"a","children":[{"item":{"text":"b"}}]}}]}`, Limits{MaxDepth: 5}, "decode.too_deep", "/body/1/item/children/0", false, 0, 0, 1},
		{"too deep under an escaped key", `{"a\/b":{"c":[[1]]}}`, Limits{MaxDepth: 3}, "decode.too_deep", "/a~1b/c/0", false, 0, 0, 1},
		{"too many elements", head + `"bases":["a","b","c","d"]}`, Limits{MaxElements: 3}, "decode.too_many", "/bases", false, 0, 0, 1},
		{"wrong schema", `{"schema":"vanban/v3","type":"ke_hoach"}`, Limits{}, "decode.schema", "/schema", false, 0, 0, 1},
		{"addressee neither string nor runs", head + `"addressees":["Sở Y tế",5]}`, Limits{}, "decode.type", "/addressees/1", false, 0, 0, 1},
		{"bad run on an addressee", head + `"addressees":[[{"text":"a","note":"x"}]]}`, Limits{}, "decode.unknown_field", "/addressees/0/0/note", false, 0, 0, 1},
		{"recipient name neither string nor runs", head + `"distribution":{"recipients":[{"name":{"text":"a"}}]}}`, Limits{}, "decode.type", "/distribution/recipients/0/name", false, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeBytes([]byte(tt.in), tt.lim)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v (doc %v), want *DecodeError", err, d != nil)
			}
			if d != nil {
				t.Error("a document was returned with the error")
			}
			if len(de.Findings) != tt.findings {
				t.Errorf("%d findings, want %d: %v", len(de.Findings), tt.findings, de.Findings)
			}
			f := de.Findings[0]
			if f.Code != tt.code || f.Path != tt.path || f.Severity != Error || f.VI == "" || f.EN == "" {
				t.Errorf("finding %+v, want code %s path %q", f, tt.code, tt.path)
			}
			if de.Syntax != tt.syntax || (tt.syntax && (de.Line != tt.line || de.Column != tt.col)) {
				t.Errorf("syntax=%v line %d col %d, want %v %d %d", de.Syntax, de.Line, de.Column, tt.syntax, tt.line, tt.col)
			}
		})
	}
}

func TestDecodeAcceptsTextForms(t *testing.T) {
	in := `{"schema":"vanban/v1","type":"ke_hoach","intro":["plain",[{"text":"bold ","bold":true},{"text":"x","footnote":"note"}]],
	"body":[{"table":{"columns":[{"title":"A","numeric":true}],"rows":[{"cells":[3.190]},{"cells":["-"]},{"cells":[null]}]}}]}`
	d, err := DecodeBytes([]byte(in), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Intro[1].Plain(); got != "bold x" || !d.Intro[1][0].Bold || d.Intro[1][1].Footnote != "note" {
		t.Errorf("runs = %+v", d.Intro[1])
	}
	cells := []Cell{d.Body[0].Table.Rows[0].Cells[0], d.Body[0].Table.Rows[1].Cells[0], d.Body[0].Table.Rows[2].Cells[0]}
	if cells[0].Num == nil || *cells[0].Num != 3.19 || cells[0].Raw != "3.190" || !cells[1].IsDash() || !cells[2].IsBlank() {
		t.Errorf("cells = %+v", cells)
	}
}

// TestDecodeListLinesAsText: an addressee and a recipient's name are a
// Text since v2; the string a v1 document holds still decodes, and both
// write back in the form they came in.
func TestDecodeListLinesAsText(t *testing.T) {
	in := `{"schema":"vanban/v1","type":"cong_van","addressees":["Sở Y tế",[{"text":"UBND các xã","footnote":"Gồm: A, B."}]],` +
		`"distribution":{"recipients":[{"name":"Như trên"},{"name":[{"text":"Các đơn vị","bold":true},{"text":" phối hợp","footnote":"C, D."}],"note":"để t/h"}]}}`
	d, err := DecodeBytes([]byte(in), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Addressees) != 2 || !d.Addressees[0].IsPlain() || d.Addressees[0].Plain() != "Sở Y tế" ||
		d.Addressees[1].IsPlain() || d.Addressees[1][0].Footnote != "Gồm: A, B." {
		t.Errorf("addressees = %+v", d.Addressees)
	}
	rs := d.Distribution.Recipients
	if len(rs) != 2 || rs[0].Name.Plain() != "Như trên" || rs[1].Name.Plain() != "Các đơn vị phối hợp" || !rs[1].Name[0].Bold || rs[1].Name[1].Footnote != "C, D." || rs[1].Note != "để t/h" {
		t.Errorf("recipients = %+v", rs)
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"addressees":["Sở Y tế",[{"text":"UBND các xã","footnote":"Gồm: A, B."}]]`, `{"name":"Như trên"}`, `"footnote":"C, D."`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("encoded %s\nlacks %s", out, want)
		}
	}
	var fields []string
	EachString(d, func(f TextField) { fields = append(fields, f.Path) })
	joined := strings.Join(fields, " ")
	for _, want := range []string{"/addressees/0", "/addressees/1/0/text", "/addressees/1/0/footnote", "/distribution/recipients/1/name/1/footnote"} {
		if !strings.Contains(joined+" ", want+" ") {
			t.Errorf("EachString paths %q lack %s", joined, want)
		}
	}
}

func TestPointer(t *testing.T) {
	tests := []struct {
		parts []any
		want  string
	}{
		{nil, ""},
		{[]any{"body", 2, "heading"}, "/body/2/heading"},
		{[]any{"a/b", "c~d"}, "/a~1b/c~0d"},
	}
	for _, tt := range tests {
		if got := Pointer(tt.parts...); got != tt.want {
			t.Errorf("Pointer(%v) = %q, want %q", tt.parts, got, tt.want)
		}
	}
	if got := Join("/x", 1); got != "/x/1" {
		t.Errorf("Join = %q", got)
	}
}

func TestNormalize(t *testing.T) {
	d := &Document{
		Place:   "  Hà\u00a0 Nội\t",
		Summary: "Ke\u0302\u0301 hoạch", // decomposed
		Intro:   []Text{{{Text: "  Hello "}, {Text: "world  ", Bold: true}}},
	}
	Normalize(d, nil)
	if d.Place != "Hà Nội" {
		t.Errorf("place %q", d.Place)
	}
	if d.Summary != "Kế hoạch" {
		t.Errorf("summary %q not NFC", d.Summary)
	}
	if d.Intro[0][0].Text != "Hello " || d.Intro[0][1].Text != "world" {
		t.Errorf("runs %q %q: inner space must stay, ends trimmed", d.Intro[0][0].Text, d.Intro[0][1].Text)
	}
}
