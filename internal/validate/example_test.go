package validate_test

import (
	"fmt"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/validate"
)

func ExampleValidate() {
	data := []byte(`{
  "schema": "vanban/v1",
  "type": "cong_van",
  "issuer": {"name": ["SỞ NỘI VỤ"], "abbreviation": "SNV", "unit": "VP"},
  "number": "5",
  "place": "Hà Nội",
  "date": {"day": 5, "month": 1, "year": 2024},
  "subject": "tổ chức hội nghị",
  "addressees": ["UBND các quận, huyện"],
  "body": [{"paragraph": "Sở Nội vụ đề nghị cử cán bộ dự hội nghị."}],
  "signature": {"authority": [{"prefix": "TM.", "title": "GIÁM ĐỐC"}], "title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"},
  "distribution": {"recipients": [{"name": "Như trên"}], "archive_line": "Lưu VT,VP."}
}`)
	d, err := document.DecodeBytes(data, document.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	document.Normalize(d, nil)
	for _, f := range validate.Validate(d, validate.Options{}) {
		fmt.Println(f.Severity, f.Path, f.Code)
	}
	// Output:
	// error /number nd30.number.padding
	// error /signature/authority/0/title nd30.signature.tm_collective
	// warning /distribution/archive_line nd30.recipients.archive_line
}

func ExampleRules() {
	for _, r := range validate.Rules() {
		if r.Code == "nd30.recipients.archive_line" {
			fmt.Printf("%s | %s | %s\n%s\n", r.Code, r.Severity, r.Source, r.EN)
		}
	}
	// Output:
	// nd30.recipients.archive_line | warning | NĐ30 Phụ lục I, mục II.9
	// The archive line must read "Lưu: VT, <UNITS>.".
}
