package check

// Para is one paragraph (DOCX) or visual line (PDF) with its resolved
// formatting: what the rules look at, whatever the format.
type Para struct {
	Text   string
	Page   int    // 1-based; 0 when unknown
	Cell   int    // 0 outside a table; else the 1-based column of its cell
	Table  int    // index+1 of the table it is in (0 outside)
	Row    int    // 1-based row in its table
	Font   string // the family of most of its text
	Size   float64
	Bold   bool // all of its text is bold
	Italic bool // all of its text is italic
	// Below the DOCX-only properties; PDF leaves them at their zero values
	// and Known false.
	Known     bool
	Jc        string  // left, center, right, both
	FirstLine float64 // first-line indent in points (negative: hanging)
	Line      float64 // line spacing in lines (auto) or points/Size (exact)
	After     float64 // space after in points
	Before    float64
	// RuleBelow: a horizontal rule drawn under it (a bottom border, a
	// drawn line next to it, or the next paragraph's top border).
	RuleBelow bool
	// Color is the first colour of its text that does not print black
	// ("FF0000", "theme accent1"); "" when all of it is black (DOCX only).
	Color string
	// Fonts is every family used in the paragraph's text.
	Fonts []string
	// X0, X1, Y0: the line's box in points (PDF only).
	X0, X1, Y0 float64
}

// Section is a page style: size and margins in points.
type Section struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	Known                    bool // margins set in the file (DOCX); a PDF's text extents are measured instead
	PageNumber               bool // numbered (PAGE field in the header / number at top)
	NumberCentred            bool
	NumberOnFirst            bool // page 1 shows its number
	NumberInFooter           bool
	TitlePg                  bool
}

// doc is a file read into the neutral model.
type doc struct {
	format   string
	pages    int
	sections []Section
	paras    []Para
	// pageNums: per page, the number printed at the top (PDF), 0 if none.
	pageNums []int
	// fonts are a PDF's fonts (pdffonts); nil when unknown.
	fonts      []pdfFont
	numCentred []bool
	numMid     []float64
}
