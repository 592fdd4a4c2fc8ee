package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/vanban/vanban/internal/vntext"
)

// NameKey is how template and recipient names are compared and searched:
// folded by the one folding rule (vntext.Fold: no marks, đ as d, lower
// case), every run of anything but letters and digits as one space. So
// "Sở Tài chính", "SỞ TÀI CHÍNH" and "So Tai chinh" are one name, and
// typing "tai ch" finds it at the start of a word.
func NameKey(s string) string {
	// A byte that is not UTF-8 separates words, like punctuation; left
	// in, it would keep the normaliser from folding the letter after it.
	s = strings.ToValidUTF8(s, " ")
	f := strings.FieldsFunc(vntext.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, " ")
}

const templateCols = `id, office, owner, name, doc_type, summary, body, created_at`

func scanTemplate(r scanner) (Template, error) {
	var t Template
	var body string
	var created int64
	if err := r.Scan(&t.ID, &t.Office, &t.Owner, &t.Name, &t.Type, &t.Summary, &body, &created); err != nil {
		return Template{}, err
	}
	t.Body, t.CreatedAt = []byte(body), fromMicros(created)
	return t, nil
}

func (s *sqlStore) CreateTemplate(ctx context.Context, t Template) (Template, error) {
	t.ID, t.CreatedAt = newID(), s.now().UTC().Truncate(time.Microsecond)
	// ON CONFLICT DO NOTHING makes a taken name a no-op both dialects
	// report the same way (no row), where the unique index's own error
	// would differ between them.
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO templates (id, office, owner, name, name_key, doc_type, summary, body, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (office, name_key) DO NOTHING`),
		t.ID, t.Office, t.Owner, t.Name, NameKey(t.Name), t.Type, t.Summary, string(t.Body), micros(t.CreatedAt))
	if err != nil {
		return Template{}, fmt.Errorf("store: create template: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = ErrDuplicate
		}
		return Template{}, fmt.Errorf("store: create template: %w", err)
	}
	return t, nil
}

func (s *sqlStore) Templates(ctx context.Context, office string) ([]Template, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+templateCols+` FROM templates WHERE office = ? ORDER BY name_key, id`), office)
	if err != nil {
		return nil, fmt.Errorf("store: templates: %w", err)
	}
	defer rows.Close()
	out := []Template{}
	for rows.Next() {
		t, err := scanTemplate(rows)
		if err != nil {
			return nil, fmt.Errorf("store: templates: %w", err)
		}
		t.Body = nil
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: templates: %w", err)
	}
	return out, nil
}

func (s *sqlStore) Template(ctx context.Context, office, id string) (Template, error) {
	t, err := scanTemplate(s.db.QueryRowContext(ctx, s.q(`SELECT `+templateCols+` FROM templates WHERE id = ? AND office = ?`), id, office))
	if err != nil {
		return Template{}, fmt.Errorf("store: template: %w", notFound(err))
	}
	return t, nil
}

func (s *sqlStore) DeleteTemplate(ctx context.Context, office, id string) error {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM templates WHERE id = ? AND office = ?`), id, office)
	if err != nil {
		return fmt.Errorf("store: delete template: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = ErrNotFound
		}
		return fmt.Errorf("store: delete template: %w", err)
	}
	return nil
}

const recipientCols = `id, office, name, kind, grp, source, uses, created_at, updated_at`

func scanRecipient(r scanner) (Recipient, error) {
	var x Recipient
	var created, updated int64
	if err := r.Scan(&x.ID, &x.Office, &x.Name, &x.Kind, &x.Group, &x.Source, &x.Uses, &created, &updated); err != nil {
		return Recipient{}, err
	}
	x.CreatedAt, x.UpdatedAt = fromMicros(created), fromMicros(updated)
	return x, nil
}

func (s *sqlStore) Recipients(ctx context.Context, q RecipientQuery) ([]Recipient, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	where, args := []string{"office = ?"}, []any{q.Office}
	if q.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, q.Kind)
	}
	if q.Group != "" {
		where, args = append(where, "grp = ?"), append(args, q.Group)
	}
	// A key holds only letters, digits and single spaces, so it needs no
	// LIKE escaping.
	k := NameKey(q.Prefix)
	order := "uses DESC, name_key, id"
	if k != "" {
		where, args = append(where, "(name_key LIKE ? OR name_key LIKE ?)"), append(args, k+"%", "% "+k+"%")
		order = "CASE WHEN name_key LIKE ? THEN 0 ELSE 1 END, " + order
		args = append(args, k+"%")
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+recipientCols+` FROM recipients WHERE `+strings.Join(where, " AND ")+
		` ORDER BY `+order+` LIMIT ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: recipients: %w", err)
	}
	defer rows.Close()
	out := []Recipient{}
	for rows.Next() {
		r, err := scanRecipient(rows)
		if err != nil {
			return nil, fmt.Errorf("store: recipients: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: recipients: %w", err)
	}
	return out, nil
}

func (s *sqlStore) AddRecipient(ctx context.Context, r Recipient) (Recipient, error) {
	now := s.now().UTC().Truncate(time.Microsecond)
	r.ID, r.CreatedAt, r.UpdatedAt, r.Uses = newID(), now, now, 0
	if r.Source == "" {
		r.Source = SourceManual
	}
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO recipients (`+recipientCols+`, name_key) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
		ON CONFLICT (office, name_key) DO NOTHING`),
		r.ID, r.Office, r.Name, r.Kind, r.Group, r.Source, micros(now), micros(now), NameKey(r.Name))
	if err != nil {
		return Recipient{}, fmt.Errorf("store: add recipient: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = ErrDuplicate
		}
		return Recipient{}, fmt.Errorf("store: add recipient: %w", err)
	}
	return r, nil
}

func (s *sqlStore) UpdateRecipient(ctx context.Context, r Recipient) (Recipient, error) {
	var out Recipient
	err := s.tx(ctx, func(tx *sql.Tx) error {
		key := NameKey(r.Name)
		var other string
		err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM recipients WHERE office = ? AND name_key = ? AND id <> ?`), r.Office, key, r.ID).Scan(&other)
		if err == nil {
			return ErrDuplicate
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := s.now().UTC().Truncate(time.Microsecond)
		// An edited entry is the office's own from now on.
		res, err := tx.ExecContext(ctx, s.q(`UPDATE recipients SET name = ?, name_key = ?, kind = ?, grp = ?, source = ?, updated_at = ? WHERE id = ? AND office = ?`),
			r.Name, key, r.Kind, r.Group, SourceManual, micros(now), r.ID, r.Office)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err == nil {
				err = ErrNotFound
			}
			return err
		}
		out, err = scanRecipient(tx.QueryRowContext(ctx, s.q(`SELECT `+recipientCols+` FROM recipients WHERE id = ?`), r.ID))
		return err
	})
	if err != nil {
		return Recipient{}, fmt.Errorf("store: update recipient: %w", err)
	}
	return out, nil
}

func (s *sqlStore) DeleteRecipient(ctx context.Context, office, id string) error {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM recipients WHERE id = ? AND office = ?`), id, office)
	if err != nil {
		return fmt.Errorf("store: delete recipient: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = ErrNotFound
		}
		return fmt.Errorf("store: delete recipient: %w", err)
	}
	return nil
}

// learn adds an issued draft's recipients to the directory, or counts
// one more use of those already there; a name listed twice counts once.
// An entry the office edited keeps its name, kind and group.
func (s *sqlStore) learn(ctx context.Context, tx *sql.Tx, office string, rs []Recipient, now time.Time) error {
	seen := map[string]bool{}
	for _, r := range rs {
		key := NameKey(r.Name)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		kind := r.Kind
		if !ValidKind(kind) {
			kind = KindOther
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO recipients (`+recipientCols+`, name_key) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
			ON CONFLICT (office, name_key) DO UPDATE SET uses = recipients.uses + 1, updated_at = excluded.updated_at`),
			newID(), office, strings.Join(strings.Fields(r.Name), " "), kind, r.Group, SourceLearnt, micros(now), micros(now), key); err != nil {
			return fmt.Errorf("learn recipients: %w", err)
		}
	}
	return nil
}
