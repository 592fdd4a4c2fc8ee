package store

import (
	"context"
	"errors"
	"time"
)

// Status is where a draft stands in its office's workflow.
type Status string

// The workflow: a draft (dự thảo) is sent for review (trình duyệt), which
// either returns it to the drafter or issues it (đã ban hành). An issued
// document is read-only.
const (
	StatusDraft  Status = "du_thao"
	StatusReview Status = "trinh_duyet"
	StatusIssued Status = "da_ban_hanh"
)

// Valid reports whether s is one of the three statuses.
func (s Status) Valid() bool { return s == StatusDraft || s == StatusReview || s == StatusIssued }

// CanMove reports whether the workflow allows going from s to next.
// Staying put is always allowed (a plain save), except once issued.
func (s Status) CanMove(next Status) bool {
	switch s {
	case StatusDraft:
		return next == StatusDraft || next == StatusReview
	case StatusReview:
		return next == StatusDraft || next == StatusReview || next == StatusIssued
	}
	return false
}

// Errors the callers switch on.
var (
	// ErrNotFound: no such draft, version or comment in the caller's
	// office.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: the draft changed since the version the caller read.
	ErrConflict = errors.New("store: version conflict")
	// ErrReadOnly: the draft is issued and can no longer change.
	ErrReadOnly = errors.New("store: issued draft is read-only")
	// ErrBadMove: the workflow does not allow that status change.
	ErrBadMove = errors.New("store: status change not allowed")
)

// Draft is one document being drafted, at its latest version.
type Draft struct {
	ID     string
	Office string
	Owner  string
	// Type and Summary are the document's type code and trích yếu, kept
	// beside the body so drafts can be searched.
	Type    string
	Summary string
	Status  Status
	// Number and IssuedOn (YYYY-MM-DD) are set when the draft is issued.
	Number   string
	IssuedOn string
	// Version counts the saves, from 1; it is the draft's ETag.
	Version   int
	Body      []byte
	CreatedAt time.Time
	UpdatedAt time.Time
	UpdatedBy string
}

// Version is one save of a draft.
type Version struct {
	N         int
	Status    Status
	Body      []byte
	Author    string
	CreatedAt time.Time
}

// Comment is a remark on one field of a draft, named by a JSON Pointer.
type Comment struct {
	ID         string
	DraftID    string
	Path       string
	Text       string
	Author     string
	CreatedAt  time.Time
	ResolvedBy string
	ResolvedAt time.Time // zero while open
}

// AuditEntry says who did what to which draft, and when.
type AuditEntry struct {
	Seq     int64
	DraftID string
	Actor   string
	// Action is one of created, saved, status, deleted, commented,
	// resolved.
	Action string
	Detail string
	At     time.Time
}

// Change is one save: the new body and searchable fields, and the status
// after it. Number and IssuedOn are kept only when issuing.
type Change struct {
	Type     string
	Summary  string
	Status   Status
	Number   string
	IssuedOn string
	Body     []byte
	Actor    string
}

// Query selects drafts of one office. Empty fields match everything;
// Summary matches a part of the trích yếu, case-insensitively.
type Query struct {
	Office  string
	Type    string
	Summary string
	Status  Status
	// Limit is the page size (1..MaxLimit; 0 means DefaultLimit).
	Limit int
	// Cursor is the Next of the previous page; empty for the first.
	Cursor string
}

// Page sizes of List.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Page is one page of drafts, newest first, without bodies.
type Page struct {
	Drafts []Draft
	// Next is the cursor of the following page; empty on the last.
	Next string
}

// Store is everything the drafts API needs to keep. Every method takes
// the caller's office: a draft of another office is ErrNotFound.
type Store interface {
	// Create stores a new draft as version 1 (status dự thảo unless
	// d.Status says otherwise) and returns it with its ID and times.
	Create(ctx context.Context, d Draft) (Draft, error)
	Get(ctx context.Context, office, id string) (Draft, error)
	List(ctx context.Context, q Query) (Page, error)
	// Save applies ch if the draft is still at version base: ErrConflict
	// if not, ErrReadOnly once issued, ErrBadMove for a status change
	// the workflow does not allow. The result is at version base+1.
	Save(ctx context.Context, office, id string, base int, ch Change) (Draft, error)
	// Delete removes the draft if it is still at version base and not
	// issued; its history and comments go with it, its audit stays.
	Delete(ctx context.Context, office, id string, base int, actor string) error
	Versions(ctx context.Context, office, id string) ([]Version, error)
	Version(ctx context.Context, office, id string, n int) (Version, error)
	AddComment(ctx context.Context, office string, c Comment) (Comment, error)
	Comments(ctx context.Context, office, draftID string) ([]Comment, error)
	ResolveComment(ctx context.Context, office, draftID, commentID, actor string) (Comment, error)
	Audit(ctx context.Context, office, draftID string) ([]AuditEntry, error)
	Close() error
}
