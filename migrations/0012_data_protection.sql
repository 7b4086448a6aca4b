-- Data protection (GDPR): each person's lawful basis, the data's source, the consent date where
-- consent applies, and a "sensitive" flag (survivors among others) that keeps a person out of
-- every export unless the coordinator includes them on purpose; the log of exports.

ALTER TABLE people ADD COLUMN lawful_basis TEXT NOT NULL DEFAULT 'legitimate_interest'
    CHECK (lawful_basis IN ('consent','legitimate_interest','public_role'));
-- where the data came from, free text: "web form 2024-03", "EP site", "met at event"
ALTER TABLE people ADD COLUMN source TEXT;
-- YYYY-MM-DD; set exactly when lawful_basis = 'consent' (checked by the core's validation)
ALTER TABLE people ADD COLUMN consent_date TEXT CHECK (consent_date IS NULL OR date(consent_date) IS consent_date);
ALTER TABLE people ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1));
-- why the person is flagged; private (never exported, not shown in lists)
ALTER TABLE people ADD COLUMN sensitive_reason TEXT;

-- Back-fill: policy-makers hold a public role; everyone else was recorded on the coalition's
-- legitimate interest (the column's default).
UPDATE people SET lawful_basis = 'public_role' WHERE id IN (SELECT person_id FROM policy_makers);
UPDATE people SET source = 'recorded before data-protection fields';

-- The sensitive-people list, and the exports' "N sensitive people left out" counts.
CREATE INDEX people_sensitive ON people (sensitive, family_key, id) WHERE sensitive = 1;

-- What was exported, when and by whom: never the data itself.
CREATE TABLE export_log (
    id                  TEXT PRIMARY KEY NOT NULL,
    exported_at         TEXT NOT NULL,
    -- the coordinator's profile name (else the OS user), as on stances
    exported_by         TEXT NOT NULL,
    -- "people.csv", "letter.signatories.xlsx", "event.badges.pdf"...
    kind                TEXT NOT NULL CHECK (length(kind) > 0),
    -- the letter, event or dossier exported, when the export is of one record
    record_id           TEXT,
    record_title        TEXT,
    row_count           INTEGER NOT NULL CHECK (row_count >= 0),
    sensitive_included  INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_included IN (0, 1)),
    -- sensitive people left out (or, in signatory lists, shown without their name)
    sensitive_left_out  INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_left_out >= 0),
    -- the file's name only, not its folder
    file_name           TEXT
) STRICT;

CREATE INDEX export_log_at ON export_log (exported_at, id);
