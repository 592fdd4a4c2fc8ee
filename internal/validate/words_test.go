package validate

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/document"
)

// jsonNames are the JSON field names of the document model, found by
// walking its types: the words a clerk must never have to read.
func jsonNames() map[string]bool {
	names := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				names[name] = true
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(document.Document{}))
	return names
}

var (
	// quoted strips what a message quotes from the document itself.
	quoted  = regexp.MustCompile(`"[^"]*"|“[^”]*”|'[^']*'`)
	asciiID = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*`)
)

// jsonWords lists the JSON names a Vietnamese message uses: a model field
// name as a whole word, a snake_case word or a dotted path.
func jsonWords(msg string, names map[string]bool) []string {
	var out []string
	for _, w := range asciiID.FindAllString(quoted.ReplaceAllString(msg, ""), -1) {
		if names[w] || strings.Contains(w, "_") || (strings.Contains(w, ".") && names[strings.Split(w, ".")[0]]) {
			out = append(out, w)
		}
	}
	return out
}

func TestJSONWords(t *testing.T) {
	names := jsonNames()
	cases := []struct {
		msg  string
		want string
	}{
		{"Kế hoạch phải có trích yếu (summary).", "summary"},
		{"cần đơn vị soạn thảo (issuer.unit)", "issuer.unit"},
		{"dùng archive hoặc archive_line", "archive archive_line"},
		{`đặt options.tone là "old"`, "options.tone"},
		{`Nơi nhận "summary" bị lặp.`, ""},
		{"Ký hiệu có dạng <LOẠI>-<CƠ QUAN>, không dùng TM. hay KT.", ""},
	}
	for _, c := range cases {
		if got := strings.Join(jsonWords(c.msg, names), " "); got != c.want {
			t.Errorf("jsonWords(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

// TestMessagesInClerksWords: no Vietnamese message, of the rule catalogue
// or of a finding on any sample or broken sample, names a JSON field; and
// every finding carries its field's name for the clerk.
func TestMessagesInClerksWords(t *testing.T) {
	names := jsonNames()
	check := func(where, msg string) {
		if ws := jsonWords(msg, names); len(ws) > 0 {
			t.Errorf("%s: %q names JSON fields %v", where, msg, ws)
		}
	}
	for _, r := range catalogue {
		check("rule "+r.Code, r.VI)
	}
	// Each rule's own failing case (rules_test.go) words one finding.
	for _, tc := range ruleCases {
		d := tc.base()
		tc.bad(d)
		for _, fd := range Validate(d, tc.badOpt) {
			check("case "+tc.name+" "+fd.Code, fd.VI)
		}
	}
	files, _ := filepath.Glob(filepath.Join(samplesDir, "*.json"))
	more, _ := filepath.Glob(filepath.Join(invalidDir, "*.json"))
	n := 0
	for _, f := range append(files, more...) {
		if strings.HasSuffix(f, ".expected.json") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, draft := range []bool{false, true} {
			fs, err := pipeline(data, Options{Draft: draft})
			if err != nil {
				continue // not JSON at all: the decoder's own test covers it
			}
			for _, fd := range fs {
				n++
				check(filepath.Base(f)+" "+fd.Code, fd.VI)
				if fd.Field == "" {
					t.Errorf("%s %s at %q has no field name", filepath.Base(f), fd.Code, fd.Path)
				}
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d findings looked at; the samples did not load", n)
	}
}
