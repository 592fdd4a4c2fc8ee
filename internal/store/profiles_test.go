package store

import (
	"context"
	"errors"
	"testing"
)

func TestProfiles(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		a, err := s.PutProfile(ctx, Profile{Office: "ubnd", Name: "Sở Nội vụ", Body: []byte(`{"margin_left":35}`), UpdatedBy: "lan"}, 0)
		if err != nil || a.Version != 1 || a.UpdatedAt.IsZero() {
			t.Fatalf("create %+v %v", a, err)
		}
		if _, err := s.PutProfile(ctx, Profile{Office: "ubnd", Name: "SỞ NỘI  VỤ", Body: []byte(`{}`)}, 0); !errors.Is(err, ErrDuplicate) {
			t.Errorf("create a taken name (folded): %v, want ErrDuplicate", err)
		}
		if _, err := s.PutProfile(ctx, Profile{Office: "so-tc", Name: "Sở Nội vụ", Body: []byte(`{}`)}, 0); err != nil {
			t.Errorf("same name in another office: %v", err)
		}
		if _, err := s.PutProfile(ctx, Profile{Office: "ubnd", Name: "Chi cục", Body: []byte(`{}`)}, 0); err != nil {
			t.Fatal(err)
		}
		list, err := s.Profiles(ctx, "ubnd")
		if err != nil || len(list) != 2 || list[0].Name != "Chi cục" || string(list[1].Body) != `{"margin_left":35}` {
			t.Fatalf("list %+v %v", list, err)
		}
		got, err := s.Profile(ctx, "ubnd", "so noi vu")
		if err != nil || got.Name != "Sở Nội vụ" || got.Version != 1 || got.UpdatedBy != "lan" {
			t.Fatalf("get by folded name %+v %v", got, err)
		}
		if _, err := s.Profile(ctx, "khac", "Sở Nội vụ"); !errors.Is(err, ErrNotFound) {
			t.Errorf("get from another office: %v", err)
		}
		b, err := s.PutProfile(ctx, Profile{Office: "ubnd", Name: "Sở Nội Vụ", Body: []byte(`{"margin_left":30}`), UpdatedBy: "hoa"}, 1)
		if err != nil || b.Version != 2 || b.Name != "Sở Nội Vụ" {
			t.Fatalf("update %+v %v", b, err)
		}
		if _, err := s.PutProfile(ctx, Profile{Office: "ubnd", Name: "Sở Nội vụ", Body: []byte(`{}`)}, 1); !errors.Is(err, ErrConflict) {
			t.Errorf("update from a stale version: %v, want ErrConflict", err)
		}
		if _, err := s.PutProfile(ctx, Profile{Office: "ubnd", Name: "Không có", Body: []byte(`{}`)}, 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("update a missing one: %v, want ErrNotFound", err)
		}
		got, _ = s.Profile(ctx, "ubnd", "Sở Nội vụ")
		if string(got.Body) != `{"margin_left":30}` || got.UpdatedBy != "hoa" {
			t.Errorf("after update %+v", got)
		}
		if err := s.DeleteProfile(ctx, "ubnd", "Sở Nội vụ", 1); !errors.Is(err, ErrConflict) {
			t.Errorf("delete from a stale version: %v, want ErrConflict", err)
		}
		if err := s.DeleteProfile(ctx, "so-tc", "Chi cục", 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete from another office: %v, want ErrNotFound", err)
		}
		if err := s.DeleteProfile(ctx, "ubnd", "Sở Nội vụ", 2); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.Profiles(ctx, "ubnd"); len(list) != 1 {
			t.Errorf("after delete %+v", list)
		}
		if list, _ := s.Profiles(ctx, "so-tc"); len(list) != 1 || list[0].Name != "Sở Nội vụ" {
			t.Errorf("the other office's profile must stay: %+v", list)
		}
	})
}
