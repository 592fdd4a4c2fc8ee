package validate

import (
	"fmt"
	"github.com/vanban/vanban/internal/document"
	"regexp"
	"strings"

	"github.com/vanban/vanban/internal/vntext"
)

// checkAuthorityPrefix: only TM., KT., TL., TUQ., Q.
func checkAuthorityPrefix(c *checker) {
	for i, a := range c.d.Signature.Authority {
		if a.Prefix != "" && !document.IsAuthorityPrefix(a.Prefix) {
			c.add("nd30.signature.prefix", document.Pointer("signature", "authority", i, "prefix"),
				fmt.Sprintf("Quyền hạn %q không hợp lệ: chỉ TM., KT., TL., TUQ. hoặc Q.", a.Prefix),
				fmt.Sprintf("authority prefix %q is not one of TM., KT., TL., TUQ., Q.", a.Prefix))
		}
	}
}

// collectivePrefixes start the name of a body that works "theo chế độ tập
// thể" and so can be signed for with TM. (folded: no accents, lower case).
var collectivePrefixes = []string{
	"uy ban", "ubnd", "hoi dong", "hdnd", "ban ", "doan ", "chinh phu", "quoc hoi",
	"thuong truc", "thuong vu", "dang uy", "dang doan", "dang bo", "chi bo", "to ", "bo chinh tri",
	"hoi ", "lien doan", "tap the",
}

func isCollective(title string) bool {
	t := fold(title) + " "
	for _, p := range collectivePrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// checkTMCollective: TM. precedes a collective body, never an individual
// title such as GIÁM ĐỐC.
func checkTMCollective(c *checker) {
	for i, a := range c.d.Signature.Authority {
		if a.Prefix == "TM." && a.Title != "" && !isCollective(a.Title) {
			c.add("nd30.signature.tm_collective", document.Pointer("signature", "authority", i, "title"),
				fmt.Sprintf("\"TM. %s\": TM. đứng trước tên tập thể (ỦY BAN NHÂN DÂN, HỘI ĐỒNG ...), không trước chức vụ cá nhân; người ký thay cấp trưởng dùng KT.", a.Title),
				fmt.Sprintf("\"TM. %s\": TM. precedes a collective body (ỦY BAN NHÂN DÂN, HỘI ĐỒNG ...), not an individual title; a deputy signs KT.", a.Title))
		}
	}
}

// isUBND reports an issuer that is an Ủy ban nhân dân.
func (c *checker) isUBND() bool {
	if c.d.Issuer.Abbreviation == "UBND" {
		return true
	}
	return strings.HasPrefix(fold(strings.Join(c.d.Issuer.Name, " ")), "uy ban nhan dan")
}

// checkTMUBND: a UBND signs for itself as "TM. ỦY BAN NHÂN DÂN".
func checkTMUBND(c *checker) {
	if !c.isUBND() {
		return
	}
	for i, a := range c.d.Signature.Authority {
		if a.Prefix != "TM." || a.Title == "" {
			continue
		}
		if vntext.NormalizeTone(a.Title, vntext.ToneOld) != "ỦY BAN NHÂN DÂN" {
			c.add("nd30.signature.tm_ubnd", document.Pointer("signature", "authority", i, "title"),
				fmt.Sprintf("\"TM. %s\": Ủy ban nhân dân ký thay mặt tập thể ghi \"TM. ỦY BAN NHÂN DÂN\".", a.Title),
				fmt.Sprintf("\"TM. %s\": a people's committee signs \"TM. ỦY BAN NHÂN DÂN\"", a.Title))
		}
	}
}

func isDeputy(title string) bool {
	t := fold(title)
	return strings.HasPrefix(t, "pho ") || t == "thu truong"
}

// checkKTDeputy: KT. (ký thay) is signed by a deputy.
func checkKTDeputy(c *checker) {
	s := c.d.Signature
	if s.Title == "" || isDeputy(s.Title) {
		return
	}
	for _, a := range s.Authority {
		if a.Prefix == "KT." {
			c.add("nd30.signature.kt_deputy", "/signature/title",
				fmt.Sprintf("\"KT. %s\" thì người ký là cấp phó (PHÓ ...), không phải %q.", a.Title, s.Title),
				fmt.Sprintf("with \"KT. %s\" the signer is a deputy (PHÓ ...), not %q", a.Title, s.Title))
			return
		}
	}
}

// checkSignatureCase: quyền hạn and chức vụ lines are upper case.
func checkSignatureCase(c *checker) {
	s := c.d.Signature
	for i, a := range s.Authority {
		if a.Title != "" && !vntext.IsUpper(a.Title) {
			c.add("nd30.signature.title_case", document.Pointer("signature", "authority", i, "title"),
				fmt.Sprintf("%q phải viết in hoa.", a.Title), fmt.Sprintf("%q must be upper case", a.Title))
		}
	}
	if s.Title != "" && !vntext.IsUpper(s.Title) {
		c.add("nd30.signature.title_case", "/signature/title",
			fmt.Sprintf("Chức vụ %q phải viết in hoa.", s.Title), fmt.Sprintf("title %q must be upper case", s.Title))
	}
}

// checkSignerTitle: the chức vụ line is always printed, except after
// "Q." (quyền): "Q. GIÁM ĐỐC" is itself the signer's title line.
func checkSignerTitle(c *checker) {
	as := c.d.Signature.Authority
	if n := len(as); n > 0 && as[n-1].Prefix == "Q." {
		return
	}
	if c.d.Signature.Title == "" {
		c.add("nd30.signature.title_missing", "/signature/title",
			"Thiếu chức vụ người ký (ví dụ \"CHỦ TỊCH\").", "the signer's title is missing (e.g. \"CHỦ TỊCH\")")
	}
}

// checkSignerName: an issued document names its signer.
func checkSignerName(c *checker) {
	if c.d.Signature.Name == "" && !c.draft() {
		c.add("nd30.signature.name_missing", "/signature/name",
			"Thiếu họ tên người ký (chỉ dự thảo mới được để trống).",
			"the signer's name is missing (only a draft may leave it blank)")
	}
}

// academicRE matches a học hàm/học vị typed before the name.
var academicRE = regexp.MustCompile(`(?i)^(?:GS|PGS|TS|TSKH|ThS|CN|KS|BS)\s*\.`)

// checkAcademicTitle: no học hàm, học vị before the signer's name.
func checkAcademicTitle(c *checker) {
	if n := c.d.Signature.Name; academicRE.MatchString(n) {
		c.add("nd30.signature.academic_title", "/signature/name",
			fmt.Sprintf("Bỏ học hàm, học vị trước họ tên người ký: %q.", n),
			fmt.Sprintf("drop the academic title before the signer's name: %q", n))
	}
}

// checkCosignature: a biên bản is signed by its thư ký and its chủ tọa
// (Mẫu 1.9), a joint document by each body; the second signature is
// cosignature, with a title like any signature.
func checkCosignature(c *checker) {
	cs := c.d.Cosignature
	switch {
	case cs == nil && c.minutes():
		c.add("nd30.signature.cosignature_missing", "/cosignature",
			"Biên bản có hai chữ ký: thư ký (chữ ký thứ hai, bên trái) và chủ tọa.",
			"a biên bản has two signatures: the thư ký (cosignature, left) and the chủ tọa (signature)")
	case cs == nil && c.d.CoIssuer != nil:
		c.add("nd30.signature.cosignature_missing", "/cosignature",
			"Văn bản liên tịch có chữ ký của cơ quan thứ hai: thêm chữ ký thứ hai.",
			"a joint document is signed for the second body too (cosignature)")
	case cs != nil && strings.TrimSpace(cs.Title) == "" && (len(cs.Authority) == 0 || cs.Authority[len(cs.Authority)-1].Prefix != "Q."):
		c.add("nd30.signature.title_missing", "/cosignature/title",
			"Thiếu chức vụ người ký thứ hai (ví dụ \"THƯ KÝ\").", "the second signer's title is missing (e.g. \"THƯ KÝ\")")
	}
}
