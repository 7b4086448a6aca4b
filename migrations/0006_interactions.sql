-- The engagement log: meetings, calls, emails, letters and hearings, who took part, and
-- the follow-up tasks they produce.

CREATE TABLE interactions (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('meeting','call','email','letter','hearing')),
    occurred_on TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
    subject     TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    outcome     TEXT,
    dossier_id  TEXT REFERENCES dossiers (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX interactions_occurred ON interactions (occurred_on, id);
CREATE INDEX interactions_dossier ON interactions (dossier_id, occurred_on);

-- A participant is a person (policy-makers are people) or an organisation.
CREATE TABLE interaction_participants (
    interaction_id  TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    person_id       TEXT REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id),
    CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
) STRICT;

CREATE UNIQUE INDEX interaction_participants_unique
    ON interaction_participants (interaction_id, coalesce(person_id, ''), coalesce(organisation_id, ''));
CREATE INDEX interaction_participants_person ON interaction_participants (person_id, interaction_id);
CREATE INDEX interaction_participants_organisation ON interaction_participants (organisation_id, interaction_id);

-- Follow-up tasks. An interaction's tasks go with it; events will own tasks too.
CREATE TABLE tasks (
    id              TEXT PRIMARY KEY NOT NULL,
    interaction_id  TEXT REFERENCES interactions (id) ON DELETE CASCADE,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner_person_id TEXT REFERENCES people (id),
    due_on          TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_on         TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    notes           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX tasks_open_due ON tasks (done, due_on);
CREATE INDEX tasks_interaction ON tasks (interaction_id);
CREATE INDEX tasks_owner ON tasks (owner_person_id, done, due_on);
