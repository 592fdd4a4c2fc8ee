-- Office profiles: an office's house styles (the JSON of a document's
-- options.profile), kept by name so a clerk chooses one in the editor.
-- version counts the saves, from 1: it is the profile's ETag.
CREATE TABLE profiles (
    office     TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    body       TEXT NOT NULL,
    version    BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (office, name_key)
);
