package document

// AuthorityPrefix is one quyền hạn of NĐ30 Phụ lục I, mục II.7, printed
// before the body or title a signer acts for, with what it means.
type AuthorityPrefix struct {
	Prefix  string `json:"prefix"`  // "KT."
	Meaning string `json:"meaning"` // "ký thay người đứng đầu"
}

// authorityPrefixes is the only list of them: validation, import and the
// editor (through the server) all read it.
var authorityPrefixes = []AuthorityPrefix{
	{"TM.", "thay mặt tập thể"},
	{"KT.", "ký thay người đứng đầu"},
	{"TL.", "thừa lệnh"},
	{"TUQ.", "thừa ủy quyền"},
	{"Q.", "quyền"},
}

// AuthorityPrefixes returns a copy of the prefixes in NĐ30's order.
func AuthorityPrefixes() []AuthorityPrefix {
	return append([]AuthorityPrefix(nil), authorityPrefixes...)
}

// IsAuthorityPrefix reports whether s is one of them, exactly ("KT.").
func IsAuthorityPrefix(s string) bool {
	for _, p := range authorityPrefixes {
		if p.Prefix == s {
			return true
		}
	}
	return false
}
