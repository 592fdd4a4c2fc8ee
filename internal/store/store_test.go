package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
)

// stores opens every backend the suite runs against: SQLite, and the
// backends that need a server, which postgres_test.go adds to moreStores
// under -tags integration (there a missing PostgreSQL fails the run, so
// the PostgreSQL half cannot silently stop running).
func stores(t *testing.T) map[string]func(t *testing.T) Store {
	t.Helper()
	out := map[string]func(t *testing.T) Store{
		"sqlite": func(t *testing.T) Store {
			s, err := OpenSQLite(context.Background(), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	}
	for name, open := range moreStores {
		out[name] = open
	}
	return out
}

// moreStores are the backends that need a server (integration tests).
var moreStores = map[string]func(t *testing.T) Store{}

// each runs f against every backend, one after the other (they share
// one PostgreSQL database).
func each(t *testing.T, f func(t *testing.T, s Store)) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) { f(t, open(t)) })
	}
}

func newDraft(office, owner, summary string) Draft {
	return Draft{Office: office, Owner: owner, Type: "ke_hoach", Summary: summary, Body: []byte(`{"summary":"` + summary + `"}`)}
}

func TestCreateGetSaveVersions(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		d, err := s.Create(ctx, newDraft("ubnd", "user:lan", "Kế hoạch A"))
		if err != nil {
			t.Fatal(err)
		}
		if d.Version != 1 || d.Status != StatusDraft || d.ID == "" {
			t.Fatalf("created %+v", d)
		}
		got, err := s.Get(ctx, "ubnd", d.ID)
		if err != nil || string(got.Body) != string(d.Body) || got.Owner != "user:lan" {
			t.Fatalf("get %+v %v", got, err)
		}
		if _, err := s.Get(ctx, "so-tc", d.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("another office: %v, want ErrNotFound", err)
		}
		saved, err := s.Save(ctx, "ubnd", d.ID, 1, Change{Type: "ke_hoach", Summary: "Kế hoạch B", Body: []byte(`{"v":2}`), Actor: "user:hoa"})
		if err != nil || saved.Version != 2 || saved.UpdatedBy != "user:hoa" {
			t.Fatalf("save %+v %v", saved, err)
		}
		if _, err := s.Save(ctx, "ubnd", d.ID, 1, Change{Body: []byte(`{"v":"lost"}`), Actor: "user:lan"}); !errors.Is(err, ErrConflict) {
			t.Errorf("stale save: %v, want ErrConflict", err)
		}
		vs, err := s.Versions(ctx, "ubnd", d.ID)
		if err != nil || len(vs) != 2 || vs[0].Author != "user:lan" || vs[1].Author != "user:hoa" {
			t.Fatalf("versions %+v %v", vs, err)
		}
		v1, err := s.Version(ctx, "ubnd", d.ID, 1)
		if err != nil || string(v1.Body) != string(d.Body) {
			t.Errorf("version 1: %s %v", v1.Body, err)
		}
		if _, err := s.Version(ctx, "ubnd", d.ID, 3); !errors.Is(err, ErrNotFound) {
			t.Errorf("version 3: %v", err)
		}
		if _, err := s.Versions(ctx, "so-tc", d.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("versions of another office: %v", err)
		}
	})
}

func TestWorkflow(t *testing.T) {
	cases := []struct {
		from, to Status
		ok       bool
	}{
		{StatusDraft, StatusDraft, true}, {StatusDraft, StatusReview, true}, {StatusDraft, StatusIssued, false},
		{StatusReview, StatusDraft, true}, {StatusReview, StatusIssued, true},
		{StatusIssued, StatusDraft, false}, {StatusIssued, StatusIssued, false}, {StatusDraft, "x", false},
	}
	for _, c := range cases {
		if got := c.from.CanMove(c.to); got != c.ok {
			t.Errorf("%s → %s: %v, want %v", c.from, c.to, got, c.ok)
		}
	}
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		d, _ := s.Create(ctx, newDraft("ubnd", "user:lan", "X"))
		if _, err := s.Save(ctx, "ubnd", d.ID, 1, Change{Status: StatusIssued, Body: d.Body, Actor: "a"}); !errors.Is(err, ErrBadMove) {
			t.Errorf("draft → issued: %v", err)
		}
		r, err := s.Save(ctx, "ubnd", d.ID, 1, Change{Status: StatusReview, Body: d.Body, Actor: "a"})
		if err != nil || r.Status != StatusReview {
			t.Fatalf("review: %+v %v", r, err)
		}
		iss, err := s.Save(ctx, "ubnd", d.ID, 2, Change{Status: StatusIssued, Number: "12", IssuedOn: "2026-12-05", Body: d.Body, Actor: "b"})
		if err != nil || iss.Number != "12" || iss.IssuedOn != "2026-12-05" {
			t.Fatalf("issue: %+v %v", iss, err)
		}
		if _, err := s.Save(ctx, "ubnd", d.ID, 3, Change{Body: d.Body, Actor: "a"}); !errors.Is(err, ErrReadOnly) {
			t.Errorf("save issued: %v", err)
		}
		if err := s.Delete(ctx, "ubnd", d.ID, 3, "a"); !errors.Is(err, ErrReadOnly) {
			t.Errorf("delete issued: %v", err)
		}
		log, err := s.Audit(ctx, "ubnd", d.ID)
		if err != nil || len(log) != 3 || log[0].Action != "created" || log[2].Action != "status" || log[2].Actor != "b" {
			t.Errorf("audit %+v %v", log, err)
		}
	})
}

func TestListSearchAndPages(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		for i := range 7 {
			d := newDraft("ubnd", "user:lan", fmt.Sprintf("Kế hoạch PHÒNG CHỐNG lụt bão %d", i))
			if i%2 == 1 {
				d.Type, d.Summary = "quyet_dinh", fmt.Sprintf("Quyết định %d 100%%_", i)
			}
			if _, err := s.Create(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Create(ctx, newDraft("so-tc", "user:x", "Kế hoạch phòng chống")); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			q    Query
			want int
		}{
			{Query{Office: "ubnd"}, 7},
			{Query{Office: "ubnd", Type: "quyet_dinh"}, 3},
			{Query{Office: "ubnd", Summary: "phòng chống"}, 4},
			{Query{Office: "ubnd", Summary: "%_"}, 3},
			{Query{Office: "ubnd", Summary: "zzz"}, 0},
			{Query{Office: "ubnd", Status: StatusReview}, 0},
			{Query{Office: "so-tc"}, 1},
		}
		for _, c := range cases {
			p, err := s.List(ctx, c.q)
			if err != nil || len(p.Drafts) != c.want {
				t.Errorf("%+v: %d drafts, %v; want %d", c.q, len(p.Drafts), err, c.want)
			}
		}
		seen := map[string]bool{}
		q := Query{Office: "ubnd", Limit: 3}
		for pages := 0; ; pages++ {
			p, err := s.List(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range p.Drafts {
				if seen[d.ID] {
					t.Errorf("draft %s on two pages", d.ID)
				}
				seen[d.ID] = true
			}
			if p.Next == "" {
				if pages != 2 {
					t.Errorf("%d pages, want 3", pages+1)
				}
				break
			}
			q.Cursor = p.Next
		}
		if len(seen) != 7 {
			t.Errorf("paged through %d drafts, want 7", len(seen))
		}
		if _, err := s.List(ctx, Query{Office: "ubnd", Cursor: "!!"}); !errors.Is(err, ErrBadCursor) {
			t.Errorf("bad cursor: %v", err)
		}
	})
}

func TestCommentsAndDelete(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		d, _ := s.Create(ctx, newDraft("ubnd", "user:lan", "X"))
		c, err := s.AddComment(ctx, "ubnd", Comment{DraftID: d.ID, Path: "/summary", Text: "Sửa trích yếu", Author: "user:hoa"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(ctx, "so-tc", Comment{DraftID: d.ID, Path: "/", Text: "x", Author: "x"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("comment from another office: %v", err)
		}
		r, err := s.ResolveComment(ctx, "ubnd", d.ID, c.ID, "user:lan")
		if err != nil || r.ResolvedBy != "user:lan" || r.ResolvedAt.IsZero() {
			t.Fatalf("resolve %+v %v", r, err)
		}
		again, _ := s.ResolveComment(ctx, "ubnd", d.ID, c.ID, "user:hoa")
		if again.ResolvedBy != "user:lan" {
			t.Errorf("second resolve changed the resolver to %q", again.ResolvedBy)
		}
		if _, err := s.ResolveComment(ctx, "ubnd", d.ID, "nope", "x"); !errors.Is(err, ErrNotFound) {
			t.Errorf("resolve unknown: %v", err)
		}
		cs, err := s.Comments(ctx, "ubnd", d.ID)
		if err != nil || len(cs) != 1 || cs[0].Path != "/summary" || cs[0].Author != "user:hoa" {
			t.Fatalf("comments %+v %v", cs, err)
		}
		if err := s.Delete(ctx, "ubnd", d.ID, 2, "user:lan"); !errors.Is(err, ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}
		if err := s.Delete(ctx, "so-tc", d.ID, 1, "x"); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete from another office: %v", err)
		}
		if err := s.Delete(ctx, "ubnd", d.ID, 1, "user:lan"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, "ubnd", d.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleted draft: %v", err)
		}
		log, err := s.Audit(ctx, "ubnd", d.ID)
		if err != nil || log[len(log)-1].Action != "deleted" {
			t.Errorf("audit after delete %+v %v", log, err)
		}
	})
}

// TestNoLostUpdate races many saves on the same base version: exactly one
// wins, every other gets ErrConflict, and the history has one new version.
func TestNoLostUpdate(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		d, _ := s.Create(ctx, newDraft("ubnd", "user:lan", "X"))
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = s.Save(ctx, "ubnd", d.ID, 1, Change{Body: []byte(fmt.Sprintf(`{"i":%d}`, i)), Actor: "a"})
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, ErrConflict):
				t.Errorf("racing save: %v", err)
			}
		}
		vs, _ := s.Versions(ctx, "ubnd", d.ID)
		if won != 1 || len(vs) != 2 {
			t.Errorf("%d saves won, %d versions; want 1 and 2", won, len(vs))
		}
	})
}

// TestReopen: a draft outlives the process (the SQLite file is reopened,
// migrations are not applied twice).
func TestReopen(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Create(ctx, newDraft("ubnd", "user:lan", "Giữ lại"))
	s.Close()
	s, err = OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(ctx, "ubnd", d.ID)
	if err != nil || got.Summary != "Giữ lại" {
		t.Fatalf("after reopen: %+v %v", got, err)
	}
}

func TestPlaceholders(t *testing.T) {
	pg := &sqlStore{dialect: "postgres"}
	if got := pg.q("a = ? AND b = ?"); got != "a = $1 AND b = $2" {
		t.Errorf("postgres: %q", got)
	}
	lite := &sqlStore{dialect: "sqlite"}
	if got := lite.q("a = ?"); got != "a = ?" {
		t.Errorf("sqlite: %q", got)
	}
}
