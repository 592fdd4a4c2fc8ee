package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Profile is one of an office's house styles, kept by name. Names are
// compared by NameKey, so "Sở Nội vụ" and "SO NOI VU" are one profile.
type Profile struct {
	Office string
	Name   string
	// Body is the JSON of a document's options.profile, already checked
	// by the caller against NĐ30's ranges.
	Body []byte
	// Version counts the saves, from 1; it is the profile's ETag.
	Version   int
	UpdatedBy string
	UpdatedAt time.Time
}

const profileCols = `office, name, body, version, updated_by, updated_at`

func scanProfile(r scanner) (Profile, error) {
	var p Profile
	var body string
	var at int64
	if err := r.Scan(&p.Office, &p.Name, &body, &p.Version, &p.UpdatedBy, &at); err != nil {
		return Profile{}, err
	}
	p.Body, p.UpdatedAt = []byte(body), fromMicros(at)
	return p, nil
}

func (s *sqlStore) Profiles(ctx context.Context, office string) ([]Profile, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+profileCols+` FROM profiles WHERE office = ? ORDER BY name_key`), office)
	if err != nil {
		return nil, fmt.Errorf("store: profiles: %w", err)
	}
	defer rows.Close()
	out := []Profile{}
	for rows.Next() {
		p, err := scanProfile(rows)
		if err != nil {
			return nil, fmt.Errorf("store: profiles: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: profiles: %w", err)
	}
	return out, nil
}

func (s *sqlStore) Profile(ctx context.Context, office, name string) (Profile, error) {
	p, err := scanProfile(s.db.QueryRowContext(ctx, s.q(`SELECT `+profileCols+` FROM profiles WHERE office = ? AND name_key = ?`), office, NameKey(name)))
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile: %w", notFound(err))
	}
	return p, nil
}

func (s *sqlStore) PutProfile(ctx context.Context, p Profile, base int) (Profile, error) {
	p.UpdatedAt = s.now().UTC().Truncate(time.Microsecond)
	key := NameKey(p.Name)
	var res sql.Result
	var err error
	if base == 0 {
		p.Version = 1
		// ON CONFLICT DO NOTHING: a taken name is no row in both dialects.
		res, err = s.db.ExecContext(ctx, s.q(`INSERT INTO profiles (office, name, name_key, body, version, updated_by, updated_at)
			VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (office, name_key) DO NOTHING`),
			p.Office, p.Name, key, string(p.Body), p.UpdatedBy, micros(p.UpdatedAt))
	} else {
		p.Version = base + 1
		// The UPDATE matches only the version the caller read, so of two
		// leads saving at once the second gets ErrConflict.
		res, err = s.db.ExecContext(ctx, s.q(`UPDATE profiles SET name = ?, body = ?, version = ?, updated_by = ?, updated_at = ?
			WHERE office = ? AND name_key = ? AND version = ?`),
			p.Name, string(p.Body), p.Version, p.UpdatedBy, micros(p.UpdatedAt), p.Office, key, base)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("store: put profile: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = s.profileMiss(ctx, p.Office, key, base)
		}
		return Profile{}, fmt.Errorf("store: put profile: %w", err)
	}
	return p, nil
}

// profileMiss says why a write matched no row: on create the name is
// taken; on update or delete the profile is gone or at another version.
func (s *sqlStore) profileMiss(ctx context.Context, office, key string, base int) error {
	if base == 0 {
		return ErrDuplicate
	}
	var v int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version FROM profiles WHERE office = ? AND name_key = ?`), office, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return ErrConflict
}

func (s *sqlStore) DeleteProfile(ctx context.Context, office, name string, base int) error {
	key := NameKey(name)
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM profiles WHERE office = ? AND name_key = ? AND version = ?`), office, key, base)
	if err != nil {
		return fmt.Errorf("store: delete profile: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = s.profileMiss(ctx, office, key, max(base, 1))
		}
		return fmt.Errorf("store: delete profile: %w", err)
	}
	return nil
}
