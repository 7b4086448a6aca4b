-- History and undo: who made each audit entry, which entry an undo reverses, and which
-- records each entry is about besides its own (a signature is in its letter's and its
-- organisation's history, an affiliation in its person's and organisation's...).

-- The coordinator's name (profile, else the OS user) when the entry was written.
ALTER TABLE audit_log ADD COLUMN actor TEXT;
-- For action 'undo': the entry it reversed.
ALTER TABLE audit_log ADD COLUMN undo_of INTEGER REFERENCES audit_log (seq);

CREATE INDEX audit_log_undo_of ON audit_log (undo_of) WHERE undo_of IS NOT NULL;

-- The records an entry also belongs to. Written by audit::append from the ids inside the
-- entry's JSON (person_id, organisation_id, event_id, letter_id, interaction_id, dossier_id,
-- owner_person_id, and the ids inside participants, speakers, organisers, tasks), plus the
-- links of earlier entries about the same record (an update that only carries a state still
-- belongs to the letter its signature was created on).
CREATE TABLE audit_links (
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL REFERENCES audit_log (seq),
    PRIMARY KEY (entity, entity_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX audit_links_seq ON audit_links (seq);

-- Backfill for the entries already written: the same rules as audit::append.
INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT CASE j.key
           WHEN 'person_id' THEN 'person'
           WHEN 'owner_person_id' THEN 'person'
           WHEN 'organisation_id' THEN 'organisation'
           WHEN 'event_id' THEN 'event'
           WHEN 'letter_id' THEN 'letter'
           WHEN 'interaction_id' THEN 'interaction'
           WHEN 'dossier_id' THEN 'dossier'
       END,
       j.value, a.seq
FROM audit_log a, json_each(a.after) j
WHERE j.type = 'text'
  AND j.key IN ('person_id', 'owner_person_id', 'organisation_id', 'event_id', 'letter_id', 'interaction_id', 'dossier_id');

INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT CASE j.key
           WHEN 'person_id' THEN 'person'
           WHEN 'owner_person_id' THEN 'person'
           WHEN 'organisation_id' THEN 'organisation'
           WHEN 'event_id' THEN 'event'
           WHEN 'letter_id' THEN 'letter'
           WHEN 'interaction_id' THEN 'interaction'
           WHEN 'dossier_id' THEN 'dossier'
       END,
       j.value, a.seq
FROM audit_log a, json_each(a.before) j
WHERE j.type = 'text'
  AND j.key IN ('person_id', 'owner_person_id', 'organisation_id', 'event_id', 'letter_id', 'interaction_id', 'dossier_id');

-- ids inside lists: participants and speakers (objects), organisers (organisation ids)
INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT 'person', json_extract(e.value, '$.person_id'), a.seq
FROM audit_log a, json_each(coalesce(a.after, a.before)) j, json_each(j.value) e
WHERE j.key IN ('participants', 'speakers') AND j.type = 'array' AND e.type = 'object'
  AND json_extract(e.value, '$.person_id') IS NOT NULL;

INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT 'organisation', json_extract(e.value, '$.organisation_id'), a.seq
FROM audit_log a, json_each(coalesce(a.after, a.before)) j, json_each(j.value) e
WHERE j.key IN ('participants', 'speakers') AND j.type = 'array' AND e.type = 'object'
  AND json_extract(e.value, '$.organisation_id') IS NOT NULL;

INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT 'organisation', e.value, a.seq
FROM audit_log a, json_each(coalesce(a.after, a.before)) j, json_each(j.value) e
WHERE j.key = 'organisers' AND j.type = 'array' AND e.type = 'text';

-- a membership's id is its organisation's; a policy-maker's is its person's
INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT 'organisation', entity_id, seq FROM audit_log WHERE entity = 'membership';
INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT 'person', entity_id, seq FROM audit_log WHERE entity = 'policy_maker';

-- later entries about a record inherit the links of its earlier ones
INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
SELECT l.entity, l.entity_id, a.seq
FROM audit_log a
JOIN audit_log f ON f.entity = a.entity AND f.entity_id = a.entity_id AND f.seq < a.seq
JOIN audit_links l ON l.seq = f.seq;
