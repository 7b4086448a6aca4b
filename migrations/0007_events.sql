-- Events: conferences, roundtables, webinars, press briefings and meetings; their
-- programme (sessions and speakers), participants with the waitlist, and checklist tasks.
-- Times are stored as the local wall-clock time in the event's IANA zone ("2023-03-20T09:30")
-- together with the zone; UTC instants are derived in core (chrono-tz), so a programme keeps
-- its local times across daylight-saving changes.

CREATE TABLE events (
    id              TEXT PRIMARY KEY NOT NULL,
    reference       TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 2 AND 60 AND reference NOT GLOB '*[^a-z0-9-]*'),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('conference','roundtable','webinar','press_briefing','meeting','other')),
    status          TEXT NOT NULL CHECK (status IN ('idea','planning','confirmed','held','cancelled')),
    time_zone       TEXT NOT NULL DEFAULT 'Europe/Brussels',
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL,
    -- UTC instants, derived from the local times and the zone, for ordering and calendars
    starts_utc      TEXT NOT NULL,
    ends_utc        TEXT NOT NULL CHECK (ends_utc >= starts_utc),
    venue_name      TEXT,
    venue_address   TEXT,
    venue_room      TEXT,
    online_link     TEXT,
    capacity        INTEGER CHECK (capacity IS NULL OR capacity > 0),
    notes           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX events_starts ON events (starts_utc);
CREATE INDEX events_status ON events (status, starts_utc);

CREATE TABLE event_organisers (
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (event_id, organisation_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_organisers_organisation ON event_organisers (organisation_id);

CREATE TABLE event_sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('keynote','panel','break','networking','other')),
    -- local wall-clock times in the event's zone
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL CHECK (ends_at > starts_at),
    notes       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX event_sessions_event ON event_sessions (event_id, starts_at);

CREATE TABLE session_speakers (
    session_id  TEXT NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL CHECK (role IN ('keynote_speaker','panellist','moderator','host')),
    state       TEXT NOT NULL CHECK (state IN ('to_ask','asked','confirmed','declined')),
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX session_speakers_person ON session_speakers (person_id);

CREATE TABLE event_participants (
    id              TEXT PRIMARY KEY NOT NULL,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id       TEXT NOT NULL REFERENCES people (id),
    -- the organisation shown on the badge (a current affiliation, usually)
    organisation_id TEXT REFERENCES organisations (id),
    role            TEXT NOT NULL CHECK (role IN ('guest','speaker','policy_maker','press','staff','organiser')),
    -- whether the participant takes a seat (staff can be marked as not counting)
    counts_for_capacity INTEGER NOT NULL DEFAULT 1 CHECK (counts_for_capacity IN (0, 1)),
    state           TEXT NOT NULL CHECK (state IN ('invited','registered','waitlisted','declined','attended','no_show')),
    invited_on      TEXT,
    registered_at   TEXT,
    -- order on the waitlist: the time the person was waitlisted
    waitlisted_at   TEXT,
    checked_in_at   TEXT,
    -- sensitive: shown only where needed, left out of general exports unless asked for
    dietary_needs   TEXT,
    access_needs    TEXT,
    notes           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (event_id, person_id)
) STRICT;

CREATE INDEX event_participants_state ON event_participants (event_id, state, waitlisted_at);
CREATE INDEX event_participants_person ON event_participants (person_id);

-- Event checklist tasks live in the shared tasks table, with a due date that may be
-- relative to the event's start ("10 days before" = -10).
ALTER TABLE tasks ADD COLUMN event_id TEXT REFERENCES events (id) ON DELETE CASCADE;
ALTER TABLE tasks ADD COLUMN due_offset_days INTEGER;
CREATE INDEX tasks_event ON tasks (event_id, due_on);

-- Saved lists of people ("press contacts", "LIBE staffers we know"), for inviting.
CREATE TABLE person_lists (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE person_list_members (
    list_id     TEXT NOT NULL REFERENCES person_lists (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX person_list_members_person ON person_list_members (person_id);
