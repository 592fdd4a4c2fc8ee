package document

// Profile is an office's house style (options.profile): the choices NĐ30
// leaves to each office, each inside the decree's range (Phụ lục I, mục I
// and II.6; nd30-rules §1-§3). A field left out keeps vanban's house
// default (compose.House). The ranges are the model's validate tags, so
// the validator, the JSON Schema and the error messages state them once.
type Profile struct {
	// Name is the office's label for the profile, e.g. "Sở Nội vụ".
	Name string `json:"name,omitempty" validate:"max=200"`
	// Page margins in millimetres: top and bottom 20-25, left 30-35,
	// right 15-20 (Phụ lục I, mục I.3).
	MarginTop    *float64 `json:"margin_top,omitempty" validate:"omitempty,min=20,max=25"`
	MarginBottom *float64 `json:"margin_bottom,omitempty" validate:"omitempty,min=20,max=25"`
	MarginLeft   *float64 `json:"margin_left,omitempty" validate:"omitempty,min=30,max=35"`
	MarginRight  *float64 `json:"margin_right,omitempty" validate:"omitempty,min=15,max=20"`
	// BodySize is the body text's size in points: 13 or 14 (mục II.6).
	BodySize *float64 `json:"body_size,omitempty" validate:"omitempty,min=13,max=14"`
	// LineSpacing is the body's line spacing as a multiple of single
	// spacing: from single (1) to 1.5 lines (mục II.6). Word's and
	// LibreOffice's "Multiple" setting; 1.1 and 1.15 are common.
	LineSpacing *float64 `json:"line_spacing,omitempty" validate:"omitempty,min=1,max=1.5"`
	// FirstIndent is the body's first-line indent in millimetres: 1 cm to
	// 1.27 cm (mục II.6).
	FirstIndent *float64 `json:"first_indent,omitempty" validate:"omitempty,min=10,max=12.7"`
	// AgencySize is the size in points of the agency lines (tên cơ quan
	// chủ quản and ban hành, ô 2): 12-13 (mục II.2).
	AgencySize *float64 `json:"agency_size,omitempty" validate:"omitempty,min=12,max=13"`
	// SignSpace is the room in millimetres left for the signature and the
	// seal between the signer's title and name. NĐ30 sets no figure; 20-50
	// mm holds a signature and a 36-40 mm seal's overlap as offices print
	// it.
	SignSpace *float64 `json:"sign_space,omitempty" validate:"omitempty,min=20,max=50"`
}
