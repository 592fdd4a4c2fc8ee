package compose

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// rulebook lists the rule tables and derived strings that exist once, in
// Go, with the one file allowed to state each. A second copy (in Go or in
// the editor's JavaScript) is how they came to disagree before: the editor
// lettered điểm differently after the 23rd, and "Đồng" passed validation
// but failed to render.
var rulebook = []struct {
	name  string
	re    *regexp.Regexp
	owner string // slash path from the module root; "" when no file may state it
	// copies are snippets of the removed copies: each must match, so that
	// the pattern keeps catching what it is for.
	copies []string
}{
	{"money units and their factors",
		regexp.MustCompile(`(nghìn|ngàn|triệu|tỷ|tỉ) đồng"[^\n]{0,24}?(1_?000|1e[369]\b|1000)`),
		"internal/vntext/unit.go",
		[]string{`"nghìn đồng": 1_000,`, `"triệu đồng": 1e6,`, `"tỷ đồng": 1000000000n,`, `{"đồng": 1, "nghìn đồng": 1e3}`}},
	{"điểm letters with đ",
		regexp.MustCompile(`"d",\s*"đ",\s*"e"|abcdđe`),
		"internal/compose/body.go",
		[]string{`const ALPHA = ["a", "b", "c", "d", "đ", "e", "g"];`, `var vnLetters = "abcdđeghiklmnopqrstuvxy"`}},
	{"Roman numerals",
		regexp.MustCompile(`"XC"|"XL"\s*\}`),
		"internal/compose/body.go",
		[]string{`[90, "XC"], [50, "L"]`, `{50, "L"}, {40, "XL"}, {10, "X"}`}},
	{"number words",
		regexp.MustCompile(`"không",\s*"một",\s*"hai"`),
		"internal/vntext/words.go",
		[]string{`const DIGITS = ["không", "một", "hai", "ba"];`}},
	{"the Lưu line",
		regexp.MustCompile(`"- Lưu: "`),
		"internal/compose/closing.go",
		[]string{`let s = "- Lưu: " + parts.join(", ");`}},
	{"diacritic folding",
		regexp.MustCompile(`norm\.NFD|\\u0300-\\u036f`),
		"internal/vntext/fold.go",
		[]string{`for _, r := range norm.NFD.String(s) {`, `.normalize("NFD").replace(/[\u0300-\u036f]/g, "")`}},
	{"ký hiệu derivation",
		regexp.MustCompile(`(?i)abbreviation[^\n]{0,40}join\("-"\)|Abbreviation \+ "-" \+`),
		"internal/compose/compose.go",
		[]string{`[t && t.abbreviation, iss.abbreviation].filter(Boolean).join("-")`}},
	{"authority prefixes",
		regexp.MustCompile(`"TL\."[^\n]{0,12}"TUQ\."|\bTL\|TUQ\b|thừa (ủy|uỷ) quyền"`),
		"internal/document/authority.go",
		[]string{`map[string]bool{"TM.": true, "KT.": true, "TL.": true, "TUQ.": true, "Q.": true}`, "`^(TM|KT|TL|TUQ|Q)\\s*\\.`", `["TUQ.", "TUQ. — thừa ủy quyền"],`}},
	{"the Phụ lục III table of document types",
		regexp.MustCompile(`"ke_hoach",\s*(name:\s*)?"Kế hoạch"`),
		"internal/document/types.go",
		[]string{`{ code: "ke_hoach", name: "Kế hoạch", abbreviation: "KH", layout: "1.4" },`}},
	{"the Phụ lục II administrative unit words",
		regexp.MustCompile(`"thị xã",\s*"thị trấn"`),
		"internal/vntext/adminunit.go",
		[]string{`var unitWords = []string{"thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường"}`}},
	{"digit grouping by hand in JavaScript",
		regexp.MustCompile(`\\B\(\?=\(\\d\{3\}\)\+`),
		"",
		[]string{`String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")`}},
}

// TestRulebookPatterns: each pattern catches the copies it was written
// for, and the owner's statement.
func TestRulebookPatterns(t *testing.T) {
	for _, r := range rulebook {
		for _, c := range r.copies {
			if !r.re.MatchString(c) {
				t.Errorf("%s: the pattern misses the copy %q", r.name, c)
			}
		}
	}
}

// TestNoSecondCopy scans the repository's Go and JavaScript sources (tests
// and test data aside) and fails when a rule table appears outside its
// owner, or is no longer found in it.
func TestNoSecondCopy(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found from the compose package: %v", err)
	}
	found := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if e.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, "_test.go") || !(strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".mjs")) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = blankComments(data)
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		for _, r := range rulebook {
			if loc := r.re.FindIndex(data); loc != nil {
				if r.owner != "" && rel == r.owner {
					found[r.name] = true
					continue
				}
				line := 1 + strings.Count(string(data[:loc[0]]), "\n")
				src := r.owner
				if src == "" {
					src = "none: a library does it"
				}
				t.Errorf("%s:%d: a second copy of %s (the one source: %s): %q", rel, line, r.name, src, data[loc[0]:loc[1]])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rulebook {
		if r.owner != "" && !found[r.name] {
			t.Errorf("%s: not found in its owner %s any more; update the rulebook", r.name, r.owner)
		}
	}
}

// blankComments empties whole-line comments (// and JSDoc " * "), keeping
// the line count: a comment may name what a table holds; code may not
// hold it again.
func blankComments(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "//") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "/*") {
			lines[i] = ""
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
