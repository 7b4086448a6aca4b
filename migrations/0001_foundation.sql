-- Foundation: organisations, their membership with its status history, and the audit log.
-- Enumerations are CHECKed here and mirrored by the Rust enums in coalition-core.

CREATE TABLE organisations (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- name folded for case, accents and spacing: what makes a name unique
    name_key        TEXT NOT NULL UNIQUE,
    short_name      TEXT,
    short_name_key  TEXT,
    org_type        TEXT NOT NULL CHECK (org_type IN
                        ('ngo','network','hotline','survivor_network','foundation',
                         'research','company','public_body','other')),
    country         TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
    website         TEXT,
    email           TEXT,
    phone           TEXT,
    notes           TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX organisations_archived_name ON organisations (archived, name_key);
CREATE INDEX organisations_country_name ON organisations (country, name_key);
CREATE INDEX organisations_type_name ON organisations (org_type, name_key);
CREATE INDEX organisations_short_name ON organisations (short_name_key);

CREATE TABLE memberships (
    organisation_id TEXT PRIMARY KEY NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    tier            TEXT NOT NULL CHECK (tier IN ('full','associate','observer','supporter')),
    status          TEXT NOT NULL CHECK (status IN
                        ('prospect','applied','active','suspended','lapsed','withdrawn')),
    joined_on       TEXT CHECK (joined_on IS NULL OR date(joined_on) IS joined_on),
    left_on         TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX memberships_status ON memberships (status);
CREATE INDEX memberships_tier ON memberships (tier);
CREATE INDEX memberships_joined ON memberships (joined_on);

CREATE TABLE membership_status_changes (
    id              TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    from_status     TEXT CHECK (from_status IS NULL OR from_status IN
                        ('prospect','applied','active','suspended','lapsed','withdrawn')),
    to_status       TEXT NOT NULL CHECK (to_status IN
                        ('prospect','applied','active','suspended','lapsed','withdrawn')),
    effective_on    TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    note            TEXT,
    recorded_at     TEXT NOT NULL
) STRICT;

CREATE INDEX membership_status_changes_org
    ON membership_status_changes (organisation_id, effective_on, recorded_at);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT CHECK (before IS NULL OR json_valid(before)),
    after       TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);
