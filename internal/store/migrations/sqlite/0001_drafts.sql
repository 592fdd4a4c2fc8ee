CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    office      TEXT NOT NULL,
    owner       TEXT NOT NULL,
    doc_type    TEXT NOT NULL,
    summary     TEXT NOT NULL,
    summary_key TEXT NOT NULL,
    status      TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    issued_on   TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX drafts_office_created ON drafts (office, created_at DESC, id DESC);

CREATE TABLE versions (
    draft_id   TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    status     TEXT NOT NULL,
    body       TEXT NOT NULL,
    author     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (draft_id, n)
);

CREATE TABLE comments (
    id          TEXT PRIMARY KEY,
    draft_id    TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    resolved_by TEXT NOT NULL DEFAULT '',
    resolved_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_draft ON comments (draft_id, created_at);

-- The audit trail outlives the draft: a deleted draft's history stays.
CREATE TABLE audit (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    office   TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX audit_draft ON audit (office, draft_id, seq);
