-- Templates: an office's usual plans to start a draft from. Built-in
-- templates (the repository's samples) are not stored: they come with the
-- binary, so an upgrade brings their new versions.
CREATE TABLE templates (
    id         TEXT PRIMARY KEY,
    office     TEXT NOT NULL,
    owner      TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    doc_type   TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX templates_office_name ON templates (office, name_key);

-- The office's directory of recipients for Nơi nhận, typed by hand or
-- learned from issued drafts. name_key is the folded name (no marks, lower
-- case, words split on anything but letters and digits) that typing
-- searches by prefix.
CREATE TABLE recipients (
    id         TEXT PRIMARY KEY,
    office     TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    grp        TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL,
    uses       BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX recipients_office_name ON recipients (office, name_key);

-- The role the actor acted in (clerk, reviewer, lead), for the audit.
ALTER TABLE audit ADD COLUMN role TEXT NOT NULL DEFAULT '';
