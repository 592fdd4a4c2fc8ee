package httpapi

import (
	"reflect"
	"testing"

	"github.com/vanban/vanban/internal/store"
)

// TestMovesFor: the buttons a draft offers are the workflow's moves the
// role may make, and nothing once it is issued.
func TestMovesFor(t *testing.T) {
	tests := []struct {
		role Role
		from store.Status
		want []store.Status
	}{
		{RoleClerk, store.StatusDraft, []store.Status{store.StatusReview}},
		{RoleClerk, store.StatusReview, nil},
		{RoleReviewer, store.StatusDraft, nil},
		{RoleReviewer, store.StatusReview, []store.Status{store.StatusIssued, store.StatusDraft}},
		{RoleLead, store.StatusDraft, []store.Status{store.StatusReview}},
		{RoleLead, store.StatusReview, []store.Status{store.StatusIssued, store.StatusDraft}},
		{RoleLead, store.StatusIssued, nil},
	}
	for _, tt := range tests {
		var got []store.Status
		for _, m := range movesFor(caller{who: "a@x", office: "x", role: tt.role}, tt.from) {
			if m.Label == "" {
				t.Errorf("%s from %s: move to %s has no label", tt.role, tt.from, m.To)
			}
			got = append(got, m.To)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s from %s: moves %v, want %v", tt.role, tt.from, got, tt.want)
		}
	}
}
