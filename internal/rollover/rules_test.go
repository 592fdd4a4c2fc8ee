package rollover

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// TestRules checks each rule on one string: what it becomes, which edit
// codes were recorded and which review codes. Each case fails when its
// rule breaks (a reference moved, a period moved, a deadline left behind).
func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		role     role
		from, to int
		in, want string
		edits    []string
		reviews  []string
	}{
		{"plan year", roleText, 2025, 2026, "Kế hoạch hoạt động năm 2025 của xã.", "Kế hoạch hoạt động năm 2026 của xã.", []string{CodePlanYear}, nil},
		{"plan year upper case", roleText, 2025, 2026, "CHỈ TIÊU NĂM 2025", "CHỈ TIÊU NĂM 2026", []string{CodePlanYear}, nil},
		{"plan year two years ahead", roleText, 2024, 2026, "năm 2024", "năm 2026", []string{CodePlanYear}, nil},
		{"reference slash date", roleText, 2025, 2026, "Kế hoạch số 87/KH-UBND ngày 11/8/2021 của UBND huyện", "Kế hoạch số 87/KH-UBND ngày 11/8/2021 của UBND huyện", nil, nil},
		{"reference words date", roleText, 2012, 2013, "Quyết định số 1241/QĐ-TTg ngày 22 tháng 7 năm 2011 của Thủ tướng", "Quyết định số 1241/QĐ-TTg ngày 22 tháng 7 năm 2011 của Thủ tướng", nil, nil},
		{"reference without số, comma", roleText, 2021, 2022, "Quyết định 1719/QĐ-TTg, ngày 14/10/2021 của Thủ tướng", "Quyết định 1719/QĐ-TTg, ngày 14/10/2021 của Thủ tướng", nil, []string{CodeReference}},
		{"reference in the plan year", roleText, 2025, 2026, "theo Công văn số 12/UBND-VX ngày 05/3/2025", "theo Công văn số 12/UBND-VX ngày 05/3/2025", nil, []string{CodeReference}},
		{"reference spaced ký hiệu", roleText, 2023, 2024, "tại Quyết định 174/QĐ- UBND ngày 21/4/2023 của UBND tỉnh", "tại Quyết định 174/QĐ- UBND ngày 21/4/2023 của UBND tỉnh", nil, []string{CodeReference}},
		{"decree number with year", roleText, 2020, 2021, "theo Nghị định số 30/2020/NĐ-CP", "theo Nghị định số 30/2020/NĐ-CP", nil, []string{CodeReference}},
		{"law with its year", roleText, 2020, 2021, "quy định trong Bộ luật Lao động năm 2019.", "quy định trong Bộ luật Lao động năm 2019.", nil, nil},
		{"period ended", roleText, 2025, 2026, "Chương trình giai đoạn 2021-2025, trong đó", "Chương trình giai đoạn 2021-2025, trong đó", nil, []string{CodePeriodEnded}},
		{"period spaced", roleText, 2025, 2026, "thực hiện 2021 - 2025", "thực hiện 2021 - 2025", nil, []string{CodePeriodEnded}},
		{"term of office", roleText, 2025, 2026, "Đại hội nhiệm kỳ 2020-2025", "Đại hội nhiệm kỳ 2020-2025", nil, []string{CodePeriodEnded}},
		{"period with phase", roleText, 2025, 2026, "giai đoạn I: năm 2021 - 2025", "giai đoạn I: năm 2021 - 2025", nil, []string{CodePeriodEnded}},
		{"period in words", roleText, 2025, 2026, "từ năm 2021 đến năm 2025", "từ năm 2021 đến năm 2025", nil, []string{CodePeriodEnded}},
		{"period running", roleText, 2025, 2026, "Chiến lược giai đoạn 2021-2030", "Chiến lược giai đoạn 2021-2030", nil, nil},
		{"period ending in the new year", roleText, 2024, 2025, "giai đoạn 2021-2025", "giai đoạn 2021-2025", nil, nil},
		{"deadline", roleText, 2024, 2025, "Báo cáo trước ngày 15/12/2024.", "Báo cáo trước ngày 15/12/2025.", []string{CodeDeadline}, nil},
		{"two deadlines", roleText, 2024, 2025, "Báo cáo định kỳ trước ngày 05/6/2024 và ngày 10/12/2024 về UBND huyện",
			"Báo cáo định kỳ trước ngày 05/6/2025 và ngày 10/12/2025 về UBND huyện", []string{CodeDeadline, CodeDeadline}, nil},
		{"deadline early next year", roleText, 2024, 2025, "gửi về Sở trước ngày 15/01/2025", "gửi về Sở trước ngày 15/01/2026", []string{CodeDeadline}, nil},
		{"date range", roleText, 2024, 2025, "từ ngày 15/11/2024-15/12/2024", "từ ngày 15/11/2025-15/12/2025", []string{CodeDate, CodeDate}, nil},
		{"month", roleText, 2025, 2026, "trong tháng 6/2025", "trong tháng 6/2026", []string{CodeDate}, nil},
		{"quarter", roleText, 2025, 2026, "hoàn thành trong quý II/2025", "hoàn thành trong quý II/2026", []string{CodeDeadline}, nil},
		{"day month without year", roleText, 2024, 2025, "Ngày Gia đình Việt Nam 28/6, năm 2024", "Ngày Gia đình Việt Nam 28/6, năm 2025", []string{CodePlanYear}, nil},
		{"29 February", roleText, 2024, 2025, "ngày 29/02/2024", "ngày 29/02/2024", nil, []string{CodeInvalidDate}},
		{"last year", roleText, 2025, 2026, "trên cơ sở kết quả năm 2024", "trên cơ sở kết quả năm 2024", nil, []string{CodeYearBefore}},
		{"next year", roleText, 2024, 2025, "định hướng năm 2025", "định hướng năm 2025", nil, []string{CodeYearAfter}},
		{"old fixed year", roleText, 2025, 2026, "tầm nhìn đến năm 2030; Luật năm 2006", "tầm nhìn đến năm 2030; Luật năm 2006", nil, nil},
		{"bare plan year", roleText, 2018, 2019, "2018", "2018", nil, []string{CodeBareYear}},
		{"year inside a number", roleText, 2024, 2025, "mã 120245 và 2024x", "mã 120245 và 2024x", nil, nil},
		{"basis never moved", roleBasis, 2014, 2015, "Căn cứ Công văn số 164/LĐTBXH-BĐG ngày 21 tháng 01 năm 2014 về công tác năm 2014;",
			"Căn cứ Công văn số 164/LĐTBXH-BĐG ngày 21 tháng 01 năm 2014 về công tác năm 2014;", nil, []string{CodeBasis, CodeBasis}},
		{"other fields untouched", roleOther, 2024, 2025, "năm 2024", "năm 2024", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &roller{from: tt.from, to: tt.to, rep: &Report{}}
			got := r.rewrite("/x", tt.in, tt.role)
			if got != tt.want {
				t.Errorf("rewrite(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			var edits, reviews []string
			for _, e := range r.rep.Edits {
				edits = append(edits, e.Code)
			}
			for _, rv := range r.rep.ToReview {
				reviews = append(reviews, rv.Code)
			}
			if !slices.Equal(edits, tt.edits) {
				t.Errorf("edits = %v, want %v", edits, tt.edits)
			}
			if !slices.Equal(reviews, tt.reviews) {
				t.Errorf("reviews = %v, want %v (%+v)", reviews, tt.reviews, r.rep.ToReview)
			}
		})
	}
}

func TestRoll(t *testing.T) {
	in := &document.Document{
		Schema: document.SchemaV1, Type: document.TypeKeHoach,
		Issuer:       document.Issuer{Name: []string{"ỦY BAN NHÂN DÂN", "XÃ VĨNH GIANG"}, Abbreviation: "UBND"},
		Number:       "15",
		Date:         document.Date{Day: 20, Month: 12, Year: 2024},
		Summary:      "Phòng chống thiên tai xã Vĩnh Giang năm 2025",
		Bases:        []document.Text{document.PlainText("Căn cứ Kế hoạch số 3/KH-UBND ngày 02/01/2024 của UBND xã Vĩnh Giang;")},
		Body:         []document.Block{{Paragraph: &document.Text{{Text: "Xã Vĩnh Giang và xã Vĩnh Thái báo cáo trước ngày "}, {Text: "15/12/2025", Bold: true}}}},
		Signature:    document.Signature{Title: "CHỦ TỊCH"},
		Distribution: document.Distribution{Recipients: []document.Recipient{{Name: document.PlainText("UBND xã Vĩnh Giang, xã Vĩnh Thái")}}},
	}
	before, err := Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := Roll(in, 2026, Options{Renames: []Rename{{"xã Vĩnh Giang", "xã Vĩnh Hoàng"}, {"xã Vĩnh Thái", "xã Vĩnh Hoàng"}}})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := Marshal(in)
	if !bytes.Equal(before, after) {
		t.Error("Roll modified its input")
	}
	if rep.FromYear != 2025 {
		t.Errorf("plan year = %d, want 2025 (from the summary, not the date)", rep.FromYear)
	}
	if out.Date != (document.Date{Year: 2025}) {
		t.Errorf("date = %+v, want {Year: 2025}: a plan dated the year before keeps that offset", out.Date)
	}
	if out.Number != "" {
		t.Errorf("number = %q, want blank", out.Number)
	}
	checks := map[string]string{
		"summary":   out.Summary,
		"issuer":    out.Issuer.Name[1],
		"body":      out.Body[0].Paragraph.Plain(),
		"recipient": out.Distribution.Recipients[0].Name.Plain(),
		"basis":     out.Bases[0].Plain(),
	}
	wants := map[string]string{
		"summary":   "Phòng chống thiên tai xã Vĩnh Hoàng năm 2026",
		"issuer":    "XÃ VĨNH HOÀNG",
		"body":      "Xã Vĩnh Giang và xã Vĩnh Hoàng báo cáo trước ngày 15/12/2026",
		"recipient": "UBND xã Vĩnh Hoàng, xã Vĩnh Hoàng",
		"basis":     "Căn cứ Kế hoạch số 3/KH-UBND ngày 02/01/2024 của UBND xã Vĩnh Giang;",
	}
	for k, want := range wants {
		if checks[k] != want {
			t.Errorf("%s = %q, want %q", k, checks[k], want)
		}
	}
	var paths []string
	for _, e := range rep.Edits {
		paths = append(paths, e.Path+" "+e.Code)
	}
	for _, want := range []string{"/number draft", "/date draft", "/summary rename", "/summary plan_year", "/issuer/name/1 rename", "/body/0/paragraph/1/text deadline"} {
		if !slices.Contains(paths, want) {
			t.Errorf("no edit %q in %v", want, paths)
		}
	}
	var reviews []string
	for _, r := range rep.ToReview {
		reviews = append(reviews, r.Path+" "+r.Code)
	}
	for _, want := range []string{"/bases/0 rename", "/distribution/recipients/0/name rename_merged"} {
		if !slices.Contains(reviews, want) {
			t.Errorf("no review %q in %v", want, reviews)
		}
	}
	js, err := Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := document.DecodeBytes(js, document.Limits{}); err != nil {
		t.Errorf("result does not decode: %v", err)
	}
}

func TestRollErrors(t *testing.T) {
	d := &document.Document{Schema: document.SchemaV1, Type: document.TypeKeHoach, Summary: "Kế hoạch công tác"}
	if _, _, err := Roll(d, 2026, Options{}); !errors.Is(err, ErrPlanYear) {
		t.Errorf("no plan year: err = %v, want ErrPlanYear", err)
	}
	if _, _, err := Roll(d, 2026, Options{FromYear: 2026}); err == nil {
		t.Error("same year: want an error")
	}
	if _, _, err := Roll(d, 99999, Options{FromYear: 2025}); err == nil {
		t.Error("year out of range: want an error")
	}
}

func TestReadRenames(t *testing.T) {
	rs, err := ReadRenames(strings.NewReader("old,new\nxã Vĩnh Giang,xã Vĩnh Hoàng\n\n\"xã A, thôn B\",xã C\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Rename{{"xã Vĩnh Giang", "xã Vĩnh Hoàng"}, {"xã A, thôn B", "xã C"}}
	if !slices.Equal(rs, want) {
		t.Errorf("got %v, want %v", rs, want)
	}
	if _, err := ReadRenames(strings.NewReader("a,b,c\n")); err == nil {
		t.Error("three columns: want an error")
	}
}

// FuzzRewrite checks that no text makes the rules panic or lose text
// outside the edits they report.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{"năm 2024", "trước ngày 15/12/2024", "giai đoạn 2021-2025", "số 87/KH-UBND ngày 11/8/2021",
		"ngày 29/02/2024", "quý IV/2024", "từ năm 2021 đến năm 2025", "2024/2024/2024", "năm 20245", "Luật Đất đai năm 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, rl := range []role{roleText, roleBasis, roleOther} {
			r := &roller{from: 2024, to: 2025, rep: &Report{}, renames: sortedRenames([]Rename{{"xã A", "xã B"}})}
			out := r.rewrite("/x", s, rl)
			if len(r.rep.Edits) == 0 && out != s {
				t.Fatalf("changed without an edit: %q → %q", s, out)
			}
		}
	})
}
