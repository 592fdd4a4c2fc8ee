package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

//go:embed migrations
var migrations embed.FS

// SQLiteFile is the database file's name under the data directory.
const SQLiteFile = "vanban.db"

// sqlStore is Store over database/sql; dialect picks the placeholders and
// the migrations.
type sqlStore struct {
	db      *sql.DB
	dialect string // "sqlite" or "postgres"
	now     func() time.Time
}

// OpenSQLite opens (creating it and dir if needed) dir/vanban.db in WAL
// mode and applies the migrations.
func OpenSQLite(ctx context.Context, dir string) (Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: data dir: %w", err)
	}
	path := filepath.Join(dir, SQLiteFile)
	// busy_timeout lets a second process (sqlite3 .backup) wait instead
	// of failing; foreign keys make a deleted draft take its versions
	// and comments with it.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	// One connection: SQLite takes one writer at a time anyway, and a
	// single connection means no SQLITE_BUSY between our own requests.
	db.SetMaxOpenConns(1)
	return open(ctx, db, "sqlite")
}

// OpenPostgres connects to url (a postgres:// URL or DSN) and applies the
// migrations.
func OpenPostgres(ctx context.Context, url string) (Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return open(ctx, db, "postgres")
}

// Open picks PostgreSQL when databaseURL is set, SQLite under dataDir
// otherwise.
func Open(ctx context.Context, databaseURL, dataDir string) (Store, error) {
	if databaseURL != "" {
		return OpenPostgres(ctx, databaseURL)
	}
	return OpenSQLite(ctx, dataDir)
}

func open(ctx context.Context, db *sql.DB, dialect string) (Store, error) {
	s := &sqlStore{db: db, dialect: dialect, now: time.Now}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect %s: %w", dialect, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: migrate %s: %w", dialect, err)
	}
	return s, nil
}

func (s *sqlStore) Close() error { return s.db.Close() }

// migrate applies, in one transaction each, every embedded migration whose
// version schema_migrations does not hold yet. The version is the number
// before the first "_" of the file name.
func (s *sqlStore) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	dir := "migrations/" + s.dialect
	files, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return err
	}
	type mig struct {
		v    int
		name string
	}
	var todo []mig
	for _, f := range files {
		n, _, _ := strings.Cut(f.Name(), "_")
		v, err := strconv.Atoi(n)
		if err != nil || !strings.HasSuffix(f.Name(), ".sql") {
			return fmt.Errorf("migration %s: name must be NNNN_what.sql", f.Name())
		}
		todo = append(todo, mig{v, f.Name()})
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i].v < todo[j].v })
	for _, m := range todo {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var one int
			err := tx.QueryRowContext(ctx, s.q(`SELECT 1 FROM schema_migrations WHERE version = ?`), m.v).Scan(&one)
			if err == nil {
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			body, err := fs.ReadFile(migrations, dir+"/"+m.name)
			if err != nil {
				return err
			}
			for _, stmt := range strings.Split(string(body), ";") {
				if strings.TrimSpace(stripComments(stmt)) == "" {
					continue
				}
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w", m.name, err)
				}
			}
			_, err = tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), m.v, s.now().UnixMicro())
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func stripComments(stmt string) string {
	var b strings.Builder
	for _, line := range strings.Split(stmt, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// q rewrites "?" placeholders to PostgreSQL's "$n". No query of this
// package has a "?" inside a string literal.
func (s *sqlStore) q(query string) string {
	if s.dialect != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tx runs fn in a transaction, committed when fn returns nil.
func (s *sqlStore) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// SummaryKey is how a trích yếu is searched: lower case by Unicode rules,
// which SQLite's LOWER does not know for Vietnamese letters.
func SummaryKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func micros(t time.Time) int64 { return t.UnixMicro() }
func fromMicros(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMicro(v).UTC()
}

func (s *sqlStore) audit(ctx context.Context, tx *sql.Tx, office, id, actor, action, detail string, at time.Time) error {
	return s.auditAs(ctx, tx, office, id, actor, "", action, detail, at)
}

// auditAs is audit with the role the actor acted in.
func (s *sqlStore) auditAs(ctx context.Context, tx *sql.Tx, office, id, actor, role, action, detail string, at time.Time) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO audit (office, draft_id, actor, role, action, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		office, id, actor, role, action, detail, micros(at))
	return err
}

func (s *sqlStore) Create(ctx context.Context, d Draft) (Draft, error) {
	if d.Status == "" {
		d.Status = StatusDraft
	}
	if d.Status != StatusDraft && d.Status != StatusReview {
		return Draft{}, ErrBadMove
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	d.ID, d.Version, d.CreatedAt, d.UpdatedAt, d.UpdatedBy = newID(), 1, now, now, d.Owner
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO drafts (id, office, owner, doc_type, summary, summary_key, status, number, issued_on, version, body, created_at, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, '', '', 1, ?, ?, ?, ?)`),
			d.ID, d.Office, d.Owner, d.Type, d.Summary, SummaryKey(d.Summary), string(d.Status), string(d.Body), micros(now), micros(now), d.Owner); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO versions (draft_id, n, status, body, author, created_at) VALUES (?, 1, ?, ?, ?, ?)`),
			d.ID, string(d.Status), string(d.Body), d.Owner, micros(now)); err != nil {
			return err
		}
		return s.audit(ctx, tx, d.Office, d.ID, d.Owner, "created", "version 1", now)
	})
	if err != nil {
		return Draft{}, fmt.Errorf("store: create: %w", err)
	}
	return d, nil
}

const draftCols = `id, office, owner, doc_type, summary, status, number, issued_on, version, body, created_at, updated_at, updated_by`

type scanner interface{ Scan(...any) error }

func scanDraft(r scanner) (Draft, error) {
	var d Draft
	var status, body string
	var created, updated int64
	if err := r.Scan(&d.ID, &d.Office, &d.Owner, &d.Type, &d.Summary, &status, &d.Number, &d.IssuedOn, &d.Version, &body, &created, &updated, &d.UpdatedBy); err != nil {
		return Draft{}, err
	}
	d.Status, d.Body, d.CreatedAt, d.UpdatedAt = Status(status), []byte(body), fromMicros(created), fromMicros(updated)
	return d, nil
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

func (s *sqlStore) Get(ctx context.Context, office, id string) (Draft, error) {
	d, err := scanDraft(s.db.QueryRowContext(ctx, s.q(`SELECT `+draftCols+` FROM drafts WHERE id = ? AND office = ?`), id, office))
	if err != nil {
		return Draft{}, fmt.Errorf("store: get: %w", notFound(err))
	}
	return d, nil
}

// cursor is "created_at micros.id" of the last draft of a page, encoded.
func encodeCursor(d Draft) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(micros(d.CreatedAt), 10) + "." + d.ID))
}

// ErrBadCursor: the cursor was not made by List.
var ErrBadCursor = errors.New("store: bad cursor")

func decodeCursor(c string) (int64, string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, "", ErrBadCursor
	}
	ts, id, ok := strings.Cut(string(b), ".")
	v, err := strconv.ParseInt(ts, 10, 64)
	if !ok || err != nil {
		return 0, "", ErrBadCursor
	}
	return v, id, nil
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

func (s *sqlStore) List(ctx context.Context, q Query) (Page, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	where := []string{"office = ?"}
	args := []any{q.Office}
	if q.Type != "" {
		where, args = append(where, "doc_type = ?"), append(args, q.Type)
	}
	if q.Status != "" {
		where, args = append(where, "status = ?"), append(args, string(q.Status))
	}
	if k := SummaryKey(q.Summary); k != "" {
		where, args = append(where, `summary_key LIKE ? ESCAPE '\'`), append(args, likeEscape(k))
	}
	if q.Cursor != "" {
		ts, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return Page{}, err
		}
		where, args = append(where, "(created_at < ? OR (created_at = ? AND id < ?))"), append(args, ts, ts, id)
	}
	args = append(args, limit+1)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+draftCols+` FROM drafts WHERE `+strings.Join(where, " AND ")+
		` ORDER BY created_at DESC, id DESC LIMIT ?`), args...)
	if err != nil {
		return Page{}, fmt.Errorf("store: list: %w", err)
	}
	defer rows.Close()
	var p Page
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return Page{}, fmt.Errorf("store: list: %w", err)
		}
		d.Body = nil
		p.Drafts = append(p.Drafts, d)
	}
	if err := rows.Err(); err != nil {
		return Page{}, fmt.Errorf("store: list: %w", err)
	}
	if len(p.Drafts) > limit {
		p.Drafts = p.Drafts[:limit]
		p.Next = encodeCursor(p.Drafts[limit-1])
	}
	return p, nil
}

// why tells, after a conditional write matched no row, which rule it
// broke: the draft is gone (or of another office), issued, or newer.
func (s *sqlStore) why(ctx context.Context, tx *sql.Tx, office, id string) error {
	var status string
	err := tx.QueryRowContext(ctx, s.q(`SELECT status FROM drafts WHERE id = ? AND office = ?`), id, office).Scan(&status)
	switch {
	case err != nil:
		return notFound(err)
	case Status(status) == StatusIssued:
		return ErrReadOnly
	}
	return ErrConflict
}

func (s *sqlStore) Save(ctx context.Context, office, id string, base int, ch Change) (Draft, error) {
	var out Draft
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cur, err := scanDraft(tx.QueryRowContext(ctx, s.q(`SELECT `+draftCols+` FROM drafts WHERE id = ? AND office = ?`), id, office))
		if err != nil {
			return notFound(err)
		}
		if cur.Status == StatusIssued {
			return ErrReadOnly
		}
		if cur.Version != base {
			return ErrConflict
		}
		if ch.Status == "" {
			ch.Status = cur.Status
		}
		if !cur.Status.CanMove(ch.Status) {
			return ErrBadMove
		}
		if ch.Status != StatusIssued {
			ch.Number, ch.IssuedOn = "", ""
		}
		now := s.now().UTC().Truncate(time.Microsecond)
		// The version in the WHERE clause is what makes the check and
		// the write one step: a save that committed in between makes
		// this match nothing.
		res, err := tx.ExecContext(ctx, s.q(`UPDATE drafts SET doc_type = ?, summary = ?, summary_key = ?, status = ?, number = ?, issued_on = ?,
			version = version + 1, body = ?, updated_at = ?, updated_by = ? WHERE id = ? AND office = ? AND version = ? AND status <> ?`),
			ch.Type, ch.Summary, SummaryKey(ch.Summary), string(ch.Status), ch.Number, ch.IssuedOn, string(ch.Body), micros(now), ch.Actor,
			id, office, base, string(StatusIssued))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return s.why(ctx, tx, office, id)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO versions (draft_id, n, status, body, author, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
			id, base+1, string(ch.Status), string(ch.Body), ch.Actor, micros(now)); err != nil {
			return err
		}
		detail := fmt.Sprintf("version %d", base+1)
		action := "saved"
		if ch.Status != cur.Status {
			action, detail = "status", fmt.Sprintf("version %d: %s → %s", base+1, cur.Status, ch.Status)
			if ch.Status == StatusIssued {
				detail += fmt.Sprintf(" (số %s, ngày %s)", ch.Number, ch.IssuedOn)
			}
		}
		if err := s.auditAs(ctx, tx, office, id, ch.Actor, ch.Role, action, detail, now); err != nil {
			return err
		}
		if ch.Status == StatusIssued {
			if err := s.learn(ctx, tx, office, ch.Recipients, now); err != nil {
				return err
			}
		}
		out = cur
		out.Type, out.Summary, out.Status, out.Number, out.IssuedOn = ch.Type, ch.Summary, ch.Status, ch.Number, ch.IssuedOn
		out.Version, out.Body, out.UpdatedAt, out.UpdatedBy = base+1, ch.Body, now, ch.Actor
		return nil
	})
	if err != nil {
		return Draft{}, fmt.Errorf("store: save: %w", err)
	}
	return out, nil
}

func (s *sqlStore) Delete(ctx context.Context, office, id string, base int, actor string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM drafts WHERE id = ? AND office = ? AND version = ? AND status <> ?`),
			id, office, base, string(StatusIssued))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return s.why(ctx, tx, office, id)
		}
		return s.audit(ctx, tx, office, id, actor, "deleted", fmt.Sprintf("at version %d", base), s.now())
	})
	if err != nil {
		return fmt.Errorf("store: delete: %w", err)
	}
	return nil
}

// owned checks that the draft exists in the office.
func (s *sqlStore) owned(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, office, id string) error {
	var one int
	return notFound(q.QueryRowContext(ctx, s.q(`SELECT 1 FROM drafts WHERE id = ? AND office = ?`), id, office).Scan(&one))
}

func (s *sqlStore) Versions(ctx context.Context, office, id string) ([]Version, error) {
	if err := s.owned(ctx, s.db, office, id); err != nil {
		return nil, fmt.Errorf("store: versions: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT n, status, author, created_at FROM versions WHERE draft_id = ? ORDER BY n`), id)
	if err != nil {
		return nil, fmt.Errorf("store: versions: %w", err)
	}
	defer rows.Close()
	out := []Version{}
	for rows.Next() {
		var v Version
		var status string
		var at int64
		if err := rows.Scan(&v.N, &status, &v.Author, &at); err != nil {
			return nil, fmt.Errorf("store: versions: %w", err)
		}
		v.Status, v.CreatedAt = Status(status), fromMicros(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *sqlStore) Version(ctx context.Context, office, id string, n int) (Version, error) {
	if err := s.owned(ctx, s.db, office, id); err != nil {
		return Version{}, fmt.Errorf("store: version: %w", err)
	}
	v := Version{N: n}
	var status, body string
	var at int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT status, body, author, created_at FROM versions WHERE draft_id = ? AND n = ?`), id, n).
		Scan(&status, &body, &v.Author, &at)
	if err != nil {
		return Version{}, fmt.Errorf("store: version: %w", notFound(err))
	}
	v.Status, v.Body, v.CreatedAt = Status(status), []byte(body), fromMicros(at)
	return v, nil
}

const commentCols = `id, draft_id, path, text, author, created_at, resolved_by, resolved_at`

func scanComment(r scanner) (Comment, error) {
	var c Comment
	var created, resolved int64
	if err := r.Scan(&c.ID, &c.DraftID, &c.Path, &c.Text, &c.Author, &created, &c.ResolvedBy, &resolved); err != nil {
		return Comment{}, err
	}
	c.CreatedAt, c.ResolvedAt = fromMicros(created), fromMicros(resolved)
	return c, nil
}

func (s *sqlStore) AddComment(ctx context.Context, office string, c Comment) (Comment, error) {
	c.ID = newID()
	c.CreatedAt = s.now().UTC().Truncate(time.Microsecond)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.owned(ctx, tx, office, c.DraftID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO comments (`+commentCols+`) VALUES (?, ?, ?, ?, ?, ?, '', 0)`),
			c.ID, c.DraftID, c.Path, c.Text, c.Author, micros(c.CreatedAt)); err != nil {
			return err
		}
		return s.auditAs(ctx, tx, office, c.DraftID, c.Author, c.Role, "commented", c.Path, c.CreatedAt)
	})
	if err != nil {
		return Comment{}, fmt.Errorf("store: comment: %w", err)
	}
	return c, nil
}

func (s *sqlStore) Comments(ctx context.Context, office, draftID string) ([]Comment, error) {
	if err := s.owned(ctx, s.db, office, draftID); err != nil {
		return nil, fmt.Errorf("store: comments: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+commentCols+` FROM comments WHERE draft_id = ? ORDER BY created_at, id`), draftID)
	if err != nil {
		return nil, fmt.Errorf("store: comments: %w", err)
	}
	defer rows.Close()
	out := []Comment{}
	for rows.Next() {
		c, err := scanComment(rows)
		if err != nil {
			return nil, fmt.Errorf("store: comments: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s *sqlStore) ResolveComment(ctx context.Context, office, draftID, commentID, actor string) (Comment, error) {
	var out Comment
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.owned(ctx, tx, office, draftID); err != nil {
			return err
		}
		now := s.now().UTC().Truncate(time.Microsecond)
		// Resolving twice keeps the first resolver and time.
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE comments SET resolved_by = ?, resolved_at = ? WHERE id = ? AND draft_id = ? AND resolved_at = 0`),
			actor, micros(now), commentID, draftID); err != nil {
			return err
		}
		c, err := scanComment(tx.QueryRowContext(ctx, s.q(`SELECT `+commentCols+` FROM comments WHERE id = ? AND draft_id = ?`), commentID, draftID))
		if err != nil {
			return notFound(err)
		}
		out = c
		if c.ResolvedBy == actor && c.ResolvedAt.Equal(now) {
			return s.audit(ctx, tx, office, draftID, actor, "resolved", c.Path, now)
		}
		return nil
	})
	if err != nil {
		return Comment{}, fmt.Errorf("store: resolve: %w", err)
	}
	return out, nil
}

func (s *sqlStore) Audit(ctx context.Context, office, draftID string) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT seq, draft_id, actor, role, action, detail, at FROM audit WHERE office = ? AND draft_id = ? ORDER BY seq`), office, draftID)
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	defer rows.Close()
	out := []AuditEntry{}
	for rows.Next() {
		var a AuditEntry
		var at int64
		if err := rows.Scan(&a.Seq, &a.DraftID, &a.Actor, &a.Role, &a.Action, &a.Detail, &at); err != nil {
			return nil, fmt.Errorf("store: audit: %w", err)
		}
		a.At = fromMicros(at)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("store: audit: %w", ErrNotFound)
	}
	return out, nil
}
