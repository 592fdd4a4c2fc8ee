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
	// ErrDuplicate: the office already has a template, a recipient or a
	// profile of that name (compared folded: "Sở Tài chính" = "SO TAI CHINH").
	ErrDuplicate = errors.New("store: name already taken")
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
	// Role is the role the author commented in, for the audit trail.
	Role string
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
	// Role is the role the actor acted in (clerk, reviewer, lead); empty
	// where the caller gave none.
	Role string
	At   time.Time
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
	// Role is the role the actor acts in, written to the audit trail.
	Role string
	// Recipients are the Nơi nhận lines to add to the office's directory
	// (Learn) in the same transaction; kept only when issuing, since what
	// an office really sent to is what is worth proposing next time.
	Recipients []Recipient
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

// Template is a document an office starts its drafts from.
type Template struct {
	ID      string
	Office  string
	Owner   string
	Name    string
	Type    string
	Summary string
	// Body is the document; List leaves it out.
	Body      []byte
	CreatedAt time.Time
}

// Recipient kinds, as the directory groups them.
const (
	KindAgency   = "agency"  // cơ quan, tổ chức ngoài đơn vị
	KindUnit     = "unit"    // đơn vị, phòng ban trong cơ quan
	KindPerson   = "person"  // cá nhân (đồng chí, ông, bà)
	KindOther    = "other"   // anything else
	SourceManual = "manual"  // typed into the directory
	SourceLearnt = "learned" // taken from an issued draft's Nơi nhận
)

// ValidKind reports whether k is one of the recipient kinds.
func ValidKind(k string) bool {
	return k == KindAgency || k == KindUnit || k == KindPerson || k == KindOther
}

// Recipient is one entry of an office's directory of recipients.
type Recipient struct {
	ID     string
	Office string
	Name   string
	Kind   string
	Group  string
	// Source is manual or learned; Uses counts the issued drafts that
	// sent to it, which orders the suggestions.
	Source    string
	Uses      int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// RecipientQuery selects directory entries of one office. Prefix matches
// the start of the name or of any of its words, without regard to case
// or marks ("tai ch" finds "Sở Tài chính"); empty matches all.
type RecipientQuery struct {
	Office string
	Prefix string
	Kind   string
	Group  string
	// Limit is 1..MaxLimit; 0 means DefaultLimit.
	Limit int
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

	// CreateTemplate stores a template; ErrDuplicate when the office
	// has one of that name.
	CreateTemplate(ctx context.Context, t Template) (Template, error)
	// Templates lists the office's templates by name, without bodies.
	Templates(ctx context.Context, office string) ([]Template, error)
	Template(ctx context.Context, office, id string) (Template, error)
	DeleteTemplate(ctx context.Context, office, id string) error

	// Recipients searches the office's directory: names starting with
	// the prefix first, then the most used.
	Recipients(ctx context.Context, q RecipientQuery) ([]Recipient, error)
	// AddRecipient adds a manual entry; ErrDuplicate when the name is
	// there already.
	AddRecipient(ctx context.Context, r Recipient) (Recipient, error)
	// UpdateRecipient renames or reclassifies an entry.
	UpdateRecipient(ctx context.Context, r Recipient) (Recipient, error)
	DeleteRecipient(ctx context.Context, office, id string) error

	// Profiles lists the office's house styles by name, with bodies.
	Profiles(ctx context.Context, office string) ([]Profile, error)
	// Profile finds one by name (compared by NameKey).
	Profile(ctx context.Context, office, name string) (Profile, error)
	// PutProfile creates the profile when base is 0 (ErrDuplicate if
	// the name is taken) or replaces it if it is still at version base
	// (ErrConflict if not, ErrNotFound when gone); the result is at
	// version base+1.
	PutProfile(ctx context.Context, p Profile, base int) (Profile, error)
	// DeleteProfile removes the profile if it is still at version base.
	DeleteProfile(ctx context.Context, office, name string, base int) error

	Close() error
}
