-- Coalition bodies (the steering group, working groups, the secretariat) and the terms of
-- the seats in them. Organisations hold seats here; people will too, with the people feature.

CREATE TABLE bodies (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('steering_group','working_group','secretariat','other')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE seat_terms (
    id              TEXT PRIMARY KEY NOT NULL,
    body_id         TEXT NOT NULL REFERENCES bodies (id),
    role            TEXT NOT NULL CHECK (role IN ('member','chair','co_chair','vice_chair','lead','secretariat')),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    starts_on       TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on         TEXT CHECK (ends_on IS NULL OR (date(ends_on) IS ends_on AND ends_on >= starts_on)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX seat_terms_organisation ON seat_terms (organisation_id, starts_on);
CREATE INDEX seat_terms_body ON seat_terms (body_id, role, starts_on);
