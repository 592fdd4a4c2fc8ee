package engine

import (
	"testing"

	"github.com/vanban/vanban/internal/document"
)

func ptr(v float64) *float64 { return &v }

// TestUseProfile: a service profile applies to a document without one,
// never over a document's own, and its ranges are NĐ30's.
func TestUseProfile(t *testing.T) {
	e := newEngine(t)
	svc := &document.Profile{Name: "Sở", MarginRight: ptr(15), FirstIndent: ptr(10)}
	if fs := ProfileFindings(svc); len(fs) != 0 {
		t.Fatalf("a profile inside the ranges: %v", fs)
	}
	e.UseProfile(svc)
	plain := &document.Document{}
	if c := e.CheckDocument(plain, true); c.Doc.Options.Profile == nil || *c.Doc.Options.Profile.MarginRight != 15 {
		t.Errorf("the service profile does not apply: %+v", c.Doc.Options.Profile)
	}
	own := &document.Document{Options: document.Options{Profile: &document.Profile{MarginRight: ptr(20)}}}
	if c := e.CheckDocument(own, true); *c.Doc.Options.Profile.MarginRight != 20 || c.Doc.Options.Profile.FirstIndent != nil {
		t.Errorf("the document's own profile must win whole: %+v", c.Doc.Options.Profile)
	}
	bad := &document.Profile{MarginRight: ptr(12), BodySize: ptr(16)}
	fs := ProfileFindings(bad)
	if len(fs) != 2 || fs[0].Path == fs[1].Path {
		t.Fatalf("two values outside NĐ30's ranges, want two findings: %v", fs)
	}
	for _, f := range fs {
		if f.VI == "" || f.EN == "" || f.Code == "" {
			t.Errorf("finding lacks a code or a message: %+v", f)
		}
	}
}
