// Package store keeps the drafting desk's data: drafts, every saved
// version of them, the comments reviewers leave on a field (by JSON
// Pointer), an audit trail of who changed what (and in which role), the
// office's templates, its directory of recipients for Nơi nhận, and its
// house styles (profiles: a document's options.profile kept by name,
// versioned like a draft so two leads editing one never lose a save).
//
// Template and recipient names are compared by NameKey, built on the one
// folding rule (vntext.Fold), so typing "so tai ch" finds "Sở Tài chính"
// at the start of the name or of any of its words. The directory learns
// an issued draft's recipients in the same transaction as the issue.
//
// One narrow interface, Store, has two implementations over database/sql:
// an embedded SQLite database (the pure-Go modernc.org/sqlite driver, one
// file in WAL mode, created on first open), so a single binary needs
// nothing else; and PostgreSQL (pgx) when an office runs a database
// server. Both share the same queries, written with "?" placeholders and
// rewritten to "$n" for PostgreSQL, and differ only in their migrations:
// versioned SQL files embedded under migrations/<dialect>/, applied in
// order at Open and recorded in schema_migrations.
//
// Every change is checked and written in one transaction: a save names
// the version it was based on, and the UPDATE only matches that version,
// so two clerks saving at once never lose one of the saves: the second
// gets ErrConflict. Drafts belong to an office; every method takes the
// caller's office, and a draft of another office is ErrNotFound, never a
// hint that it exists.
//
// The store knows nothing of HTTP nor of the document model: bodies are
// opaque JSON that the caller has already validated; the caller also
// extracts the searchable fields (type, trích yếu).
package store
