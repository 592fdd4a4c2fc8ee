package validate

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/document"
)

// Options change what Validate accepts.
type Options struct {
	// Draft allows a blank number, a blank or partial date and a blank
	// signer name: a dự thảo is printed with them left for the clerk. A
	// document whose own "draft" field is true is a draft whatever this
	// says.
	Draft bool
	// HasGlyph, when set, reports whether the PDF font can draw r; every
	// character of every printed text field is checked and a missing one is
	// an error naming the field (code text.missing_glyph).
	HasGlyph func(r rune) bool
	// Tone is what normalisation did about tone marks
	// (document.NormalizeWith); a document it moved to one style gets an
	// info note (text.tone_unified) pointing at the first moved field.
	Tone document.ToneReport
}

// checker carries one run of Validate.
type checker struct {
	d   *document.Document
	opt Options
	// typ is the document's type; known is false when the type code is not
	// in the Phụ lục III table, and type-specific rules are then skipped.
	typ   document.DocType
	known bool
	out   document.Findings
	// textCache holds every string of the document (see texts).
	textCache []textField
}

// draft reports whether blanks left for the clerk are allowed.
func (c *checker) draft() bool { return c.opt.Draft || c.d.Draft }

// letter reports whether the document is laid out as a công văn.
func (c *checker) letter() bool { return c.known && c.typ.IsLetter() }

// typed reports whether the document has a type name (Mẫu 1.4).
func (c *checker) typed() bool { return c.known && !c.typ.IsLetter() }

// add records a finding; its severity and source come from the catalogue.
func (c *checker) add(code, path, vi, en string) {
	r, ok := rules[code]
	if !ok {
		// A code missing from the catalogue is a bug in this package; it is
		// still reported, as an error, rather than dropped.
		r = Rule{Code: code, Severity: document.Error, Source: srcContract}
	}
	c.out = append(c.out, document.Finding{Path: path, Field: document.FieldLabel(path), Code: code, Severity: r.Severity, VI: vi, EN: en, Rule: r.Source})
}

// checks are run in this order; findings are sorted into document order
// afterwards, so the order here only breaks ties at one path.
var checks = []func(*checker){
	checkStructure, checkBlockKinds,
	checkType,
	checkIssuerName, checkIssuerParent, checkIssuerAbbreviation, checkIssuerUnit,
	checkSymbolFormat, checkSymbolYear, checkSymbolType, checkSymbolIssuer,
	checkNumberMissing, checkNumberFormat, checkNumberPadding,
	checkDateMissing, checkDateValid, checkDateYear,
	checkPlaceMissing, checkPlaceAbbreviated,
	checkSummaryMissing, checkSummaryPrefix, checkSummaryCase, checkSummaryAllowed,
	checkSubjectMissing, checkSubjectAllowed, checkSubjectPrefix,
	checkAddresseesMissing, checkAddresseesAllowed, checkAddresseesEmpty,
	checkBasesEmpty, checkBasesPunctuation,
	checkEmptyHeadings, checkEmptyTexts, checkLabels, checkArticles, checkHeadingDepth, checkItemDepth, checkFinalMark,
	checkPlanSections,
	checkRecipientsMissing, checkRecipientsEmpty, checkNoteCovers, checkNhuDieu, checkDecisionTyped, checkSummaryLines, checkTitle, checkInvitation, checkCosignature, checkTelegram, checkRecipientsDuplicate, checkRecipientsPunctuation,
	checkArchiveMissing, checkArchiveBoth, checkArchiveLine, checkArchiveUnits, checkArchiveInList,
	checkNhuTrenAddressees, checkNhuTrenFirst,
	checkAuthorityPrefix, checkTMCollective, checkTMUBND, checkKTDeputy,
	checkSignatureCase, checkSignerTitle, checkSignerName, checkAcademicTitle,
	checkBudgets, checkTables,
	checkControlChars, checkLegacyEncoding, checkMixedTone, checkGlyphs,
}

// Validate never changes d and returns every finding (errors and
// warnings), in document order.
func Validate(d *document.Document, opt Options) document.Findings {
	if d == nil {
		r := rules["schema.required"]
		return document.Findings{{Path: "", Field: document.FieldLabel(""), Code: r.Code, Severity: r.Severity, Rule: r.Source,
			VI: "Không có văn bản.", EN: "no document"}}
	}
	c := &checker{d: d, opt: opt}
	c.typ, c.known = document.LookupType(d.Type)
	for _, check := range checks {
		check(c)
	}
	out := dedupe(c.out)
	sortDocumentOrder(out)
	if out == nil {
		out = document.Findings{}
	}
	return out
}

// dedupe drops a finding that repeats an earlier one's path and code: a
// model tag and a rule may both see one problem.
func dedupe(fs document.Findings) document.Findings {
	type key struct{ path, code string }
	seen := map[key]bool{}
	out := fs[:0:0]
	for _, f := range fs {
		k := key{f.Path, f.Code}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// sortDocumentOrder sorts findings by where their path points in the
// document: struct fields in the contract's order, array elements by index.
// The sort is stable, so findings at one path keep the order of checks.
func sortDocumentOrder(fs document.Findings) {
	keys := make(map[string][]int, len(fs))
	for _, f := range fs {
		if _, ok := keys[f.Path]; !ok {
			keys[f.Path] = orderKey(f.Path)
		}
	}
	slices.SortStableFunc(fs, func(a, b document.Finding) int {
		return slices.Compare(keys[a.Path], keys[b.Path])
	})
}

var documentType = reflect.TypeOf(document.Document{})

// orderKey turns a JSON Pointer into a sequence of positions: the field
// index for a member name, the element index for an array. A segment the
// model does not know sorts after the known ones.
func orderKey(p string) []int {
	if p == "" {
		return nil
	}
	segs, _ := document.PointerTokens("/" + strings.TrimPrefix(p, "/"))
	key := make([]int, 0, len(segs))
	t := documentType
	for _, s := range segs {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t != nil && t.Kind() == reflect.Slice:
			n, err := strconv.Atoi(s)
			if err != nil {
				n = 1 << 30
			}
			key = append(key, n)
			t = t.Elem()
		case t != nil && t.Kind() == reflect.Struct:
			i, ft := fieldByJSONName(t, s)
			key = append(key, i)
			t = ft
		default:
			key = append(key, 1<<30)
			t = nil
		}
	}
	return key
}

func fieldByJSONName(t reflect.Type, name string) (int, reflect.Type) {
	for i := 0; i < t.NumField(); i++ {
		if jsonName(t.Field(i)) == name {
			return i, t.Field(i).Type
		}
	}
	return 1 << 30, nil
}

// jsonName is the member name a struct field has in the JSON contract
// (document.JSONName).
func jsonName(f reflect.StructField) string { return document.JSONName(f) }
