-- People: the staff of member organisations, survivors, experts and policy-makers alike.
-- Names are kept exactly as typed; the *_key columns hold them folded for case, accents
-- and spacing (coalition_core::text::fold), for sorting and duplicate flagging.

CREATE TABLE people (
    id              TEXT PRIMARY KEY NOT NULL,
    given_name      TEXT NOT NULL DEFAULT '',
    family_name     TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
    display_name    TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    honorific       TEXT,
    -- fold(family_name) || ' ' || fold(given_name): the list's sort key
    family_key      TEXT NOT NULL,
    -- fold(given_name || ' ' || family_name): same name, for duplicate flagging
    name_key        TEXT NOT NULL,
    country         TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
    notes           TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX people_archived_family ON people (archived, family_key, id);
CREATE INDEX people_country_family ON people (country, family_key, id);
CREATE INDEX people_name_key ON people (name_key);

-- Languages a person works in, as ISO 639-1 codes ("fr", "nl").
CREATE TABLE person_languages (
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    language    TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 3 AND language = lower(language)),
    PRIMARY KEY (language, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX person_languages_person ON person_languages (person_id);

CREATE TABLE person_emails (
    id          TEXT PRIMARY KEY NOT NULL,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    label       TEXT NOT NULL CHECK (label IN ('work','personal','assistant','other')),
    email       TEXT NOT NULL CHECK (length(trim(email)) > 0),
    -- lower(trim(email)): how an import finds the person an email belongs to
    email_key   TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX person_emails_person ON person_emails (person_id, position);
CREATE INDEX person_emails_key ON person_emails (email_key);

CREATE TABLE person_phones (
    id          TEXT PRIMARY KEY NOT NULL,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    label       TEXT NOT NULL CHECK (label IN ('work','mobile','home','assistant','other')),
    phone       TEXT NOT NULL CHECK (length(trim(phone)) > 0),
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX person_phones_person ON person_phones (person_id, position);

-- Dated affiliations of people to organisations. People move; history is kept.
CREATE TABLE affiliations (
    id              TEXT PRIMARY KEY NOT NULL,
    person_id       TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    job_title       TEXT,
    starts_on       TEXT CHECK (starts_on IS NULL OR date(starts_on) IS starts_on),
    ends_on         TEXT CHECK (ends_on IS NULL OR (date(ends_on) IS ends_on AND (starts_on IS NULL OR ends_on >= starts_on))),
    -- the coalition's main contact at that organisation
    focal_point     INTEGER NOT NULL DEFAULT 0 CHECK (focal_point IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX affiliations_person ON affiliations (person_id, starts_on);
CREATE INDEX affiliations_organisation ON affiliations (organisation_id, ends_on, focal_point);

-- Seats may now be held by an organisation, a person, or both: rebuild seat_terms with a
-- nullable organisation and a person.
CREATE TABLE seat_terms_v4 (
    id              TEXT PRIMARY KEY NOT NULL,
    body_id         TEXT NOT NULL REFERENCES bodies (id),
    role            TEXT NOT NULL CHECK (role IN ('member','chair','co_chair','vice_chair','lead','secretariat')),
    organisation_id TEXT REFERENCES organisations (id),
    person_id       TEXT REFERENCES people (id),
    starts_on       TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on         TEXT CHECK (ends_on IS NULL OR (date(ends_on) IS ends_on AND ends_on >= starts_on)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL)
) STRICT;

INSERT INTO seat_terms_v4 (id, body_id, role, organisation_id, person_id, starts_on, ends_on, created_at, updated_at)
    SELECT id, body_id, role, organisation_id, NULL, starts_on, ends_on, created_at, updated_at FROM seat_terms;
DROP TABLE seat_terms;
ALTER TABLE seat_terms_v4 RENAME TO seat_terms;

CREATE INDEX seat_terms_organisation ON seat_terms (organisation_id, starts_on);
CREATE INDEX seat_terms_person ON seat_terms (person_id, starts_on);
CREATE INDEX seat_terms_body ON seat_terms (body_id, role, starts_on);

-- Small key/value settings of this store (such as the coordinator's profile).
CREATE TABLE settings (
    key     TEXT PRIMARY KEY NOT NULL,
    value   TEXT NOT NULL
) STRICT;
