-- Global search (issue 6): one FTS5 index over organisations, people and policy-makers,
-- events, letters, interactions and dossiers, kept in step by triggers in the writing
-- transaction. Text is folded for case and accents by `fold()` and acronyms come from
-- `acronym()`, SQL functions the store registers on its connection before migrating.
--
-- search_docs holds what a hit shows (kind, title, subtitle) and maps a record to its FTS
-- row, with `keys`: the folded short names, acronyms and references that name it exactly (a
-- hit whose key is what was typed ranks first). search_fts is contentless (the folded text
-- is indexed, not stored twice), with contentless_delete so a record's row can be removed by
-- rowid. Prefix indexes up to six characters make a prefix query one doclist read instead
-- of a merge of every matching term. Record ids are UUIDs, unique across tables, so a person
-- who becomes a policy-maker keeps one entry.

CREATE TABLE search_docs (
    doc_id      INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('organisation','person','policy_maker','event','letter','interaction','dossier')),
    title       TEXT NOT NULL,
    subtitle    TEXT,
    keys        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
    name, body,
    content = '', contentless_delete = 1,
    prefix = '1 2 3 4 5 6',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What each kind puts in the index: the hit's title and subtitle, the folded words that name
-- it (weighted most) and the rest. Archived organisations and people are left out.

CREATE VIEW search_src_organisation AS
SELECT o.id AS record_id, 'organisation' AS kind, o.name AS title,
       coalesce(o.short_name || ' · ', '') || o.country AS subtitle,
       trim(coalesce(fold(o.short_name), '') || ' ' || acronym(o.name)) AS keys,
       fold(o.name) || ' ' || coalesce(fold(o.short_name), '') || ' ' || acronym(o.name) AS name_text,
       lower(o.country) || ' ' || coalesce(fold(o.notes), '') || ' ' || coalesce(fold(o.website), '')
           || ' ' || coalesce(fold(o.email), '') AS body_text
FROM organisations o
WHERE o.archived = 0;

CREATE VIEW search_src_person AS
SELECT p.id AS record_id,
       CASE WHEN pm.person_id IS NULL THEN 'person' ELSE 'policy_maker' END AS kind,
       p.display_name AS title,
       CASE WHEN pm.person_id IS NULL THEN
                coalesce((SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.position LIMIT 1), p.country)
            ELSE
                CASE pm.office WHEN 'mep' THEN 'MEP' WHEN 'commission' THEN 'European Commission'
                               WHEN 'council' THEN 'Council' WHEN 'perm_rep' THEN 'Permanent Representation'
                               WHEN 'national_minister' THEN 'National minister'
                               WHEN 'national_official' THEN 'National official'
                               ELSE coalesce(pm.institution, 'Policy-maker') END
                || coalesce(' · ' || pm.group_code, '') || coalesce(' · ' || p.country, '')
       END AS subtitle,
       '' AS keys,
       fold(p.display_name) || ' ' || fold(p.given_name) || ' ' || fold(p.family_name)
           || coalesce(' ' || fold(pm.official_name), '') AS name_text,
       coalesce((SELECT group_concat(fold(e.email), ' ') FROM person_emails e WHERE e.person_id = p.id), '')
           || ' ' || coalesce(lower(p.country), '') || ' ' || coalesce(fold(p.notes), '')
           || coalesce(' ' || pm.office || ' ' || replace(pm.office, '_', ' '), '')
           || coalesce(' ' || fold(pm.group_code), '') || coalesce(' ' || fold(pm.institution), '')
           || coalesce(' ' || fold(pm.position_title), '') || coalesce(' ' || fold(pm.national_party), '') AS body_text
FROM people p
LEFT JOIN policy_makers pm ON pm.person_id = p.id
WHERE p.archived = 0;

CREATE VIEW search_src_event AS
SELECT e.id AS record_id, 'event' AS kind, e.title AS title,
       substr(e.starts_at, 1, 10) || coalesce(' · ' || e.venue_name, '') AS subtitle,
       e.reference AS keys,
       fold(e.title) || ' ' || fold(replace(e.reference, '-', ' ')) AS name_text,
       coalesce(fold(e.venue_name), '') || ' ' || coalesce(fold(e.venue_address), '') AS body_text
FROM events e;

CREATE VIEW search_src_letter AS
SELECT l.id AS record_id, 'letter' AS kind, l.title AS title,
       l.reference || coalesce(' · ' || l.target, '') AS subtitle,
       l.reference AS keys,
       fold(l.title) || ' ' || fold(replace(l.reference, '-', ' ')) AS name_text,
       coalesce(fold(l.target), '') AS body_text
FROM letters l;

CREATE VIEW search_src_interaction AS
SELECT i.id AS record_id, 'interaction' AS kind, i.subject AS title,
       i.occurred_on || ' · ' || i.kind AS subtitle,
       '' AS keys,
       fold(i.subject) AS name_text,
       coalesce(fold(i.outcome), '') AS body_text
FROM interactions i;

CREATE VIEW search_src_dossier AS
SELECT d.id AS record_id, 'dossier' AS kind, d.short_title AS title,
       d.reference || coalesce(' · ' || d.lead_committee, '') AS subtitle,
       fold(d.reference) AS keys,
       fold(d.short_title) || ' ' || fold(d.reference) AS name_text,
       coalesce(lower(d.lead_committee), '') AS body_text
FROM dossiers d;
-- Each record's entry is rebuilt (removed, then added from its view) whenever it changes.

CREATE TRIGGER search_organisations_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_organisation WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_organisation v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_organisations_update AFTER UPDATE OF name, short_name, country, notes, website, email, archived ON organisations BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_organisation WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_organisation v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_organisations_delete AFTER DELETE ON organisations BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
END;

CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF given_name, family_name, display_name, country, notes, archived ON people BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
END;

CREATE TRIGGER search_events_insert AFTER INSERT ON events BEGIN
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_event WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_event v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_events_update AFTER UPDATE OF title, reference, venue_name, venue_address, starts_at ON events BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_event WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_event v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_events_delete AFTER DELETE ON events BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
END;

CREATE TRIGGER search_letters_insert AFTER INSERT ON letters BEGIN
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_letter WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_letter v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_letters_update AFTER UPDATE OF title, reference, target ON letters BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_letter WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_letter v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_letters_delete AFTER DELETE ON letters BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
END;

CREATE TRIGGER search_interactions_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_interaction WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_interaction v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_interactions_update AFTER UPDATE OF subject, outcome, occurred_on, kind ON interactions BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_interaction WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_interaction v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_interactions_delete AFTER DELETE ON interactions BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
END;

CREATE TRIGGER search_dossiers_insert AFTER INSERT ON dossiers BEGIN
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_dossier WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_dossier v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_dossiers_update AFTER UPDATE OF short_title, reference, lead_committee ON dossiers BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_dossier WHERE record_id = NEW.id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_dossier v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.id;
END;
CREATE TRIGGER search_dossiers_delete AFTER DELETE ON dossiers BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.id);
    DELETE FROM search_docs WHERE record_id = OLD.id;
END;

-- A person's emails and policy-maker row are part of their entry (and decide its kind).

CREATE TRIGGER search_person_emails_insert AFTER INSERT ON person_emails BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = NEW.person_id);
    DELETE FROM search_docs WHERE record_id = NEW.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = NEW.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.person_id;
END;
CREATE TRIGGER search_person_emails_update AFTER UPDATE OF email, person_id ON person_emails BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.person_id);
    DELETE FROM search_docs WHERE record_id = OLD.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = OLD.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = OLD.person_id;
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = NEW.person_id);
    DELETE FROM search_docs WHERE record_id = NEW.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = NEW.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.person_id;
END;
CREATE TRIGGER search_person_emails_delete AFTER DELETE ON person_emails BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.person_id);
    DELETE FROM search_docs WHERE record_id = OLD.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = OLD.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = OLD.person_id;
END;

CREATE TRIGGER search_policy_makers_insert AFTER INSERT ON policy_makers BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = NEW.person_id);
    DELETE FROM search_docs WHERE record_id = NEW.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = NEW.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.person_id;
END;
CREATE TRIGGER search_policy_makers_update AFTER UPDATE OF person_id, office, institution, position_title, official_name, group_code, national_party ON policy_makers BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.person_id);
    DELETE FROM search_docs WHERE record_id = OLD.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = OLD.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = OLD.person_id;
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = NEW.person_id);
    DELETE FROM search_docs WHERE record_id = NEW.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = NEW.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = NEW.person_id;
END;
CREATE TRIGGER search_policy_makers_delete AFTER DELETE ON policy_makers BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT doc_id FROM search_docs WHERE record_id = OLD.person_id);
    DELETE FROM search_docs WHERE record_id = OLD.person_id;
    INSERT INTO search_docs (record_id, kind, title, subtitle, keys)
        SELECT record_id, kind, title, subtitle, keys FROM search_src_person WHERE record_id = OLD.person_id;
    INSERT INTO search_fts (rowid, name, body)
        SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id
        WHERE v.record_id = OLD.person_id;
END;

-- Back-fill what is already stored.
INSERT INTO search_docs (record_id, kind, title, subtitle, keys) SELECT record_id, kind, title, subtitle, keys FROM search_src_organisation;
INSERT INTO search_docs (record_id, kind, title, subtitle, keys) SELECT record_id, kind, title, subtitle, keys FROM search_src_person;
INSERT INTO search_docs (record_id, kind, title, subtitle, keys) SELECT record_id, kind, title, subtitle, keys FROM search_src_event;
INSERT INTO search_docs (record_id, kind, title, subtitle, keys) SELECT record_id, kind, title, subtitle, keys FROM search_src_letter;
INSERT INTO search_docs (record_id, kind, title, subtitle, keys) SELECT record_id, kind, title, subtitle, keys FROM search_src_interaction;
INSERT INTO search_docs (record_id, kind, title, subtitle, keys) SELECT record_id, kind, title, subtitle, keys FROM search_src_dossier;
INSERT INTO search_fts (rowid, name, body)
    SELECT d.doc_id, v.name_text, v.body_text FROM search_src_organisation v JOIN search_docs d ON d.record_id = v.record_id;
INSERT INTO search_fts (rowid, name, body)
    SELECT d.doc_id, v.name_text, v.body_text FROM search_src_person v JOIN search_docs d ON d.record_id = v.record_id;
INSERT INTO search_fts (rowid, name, body)
    SELECT d.doc_id, v.name_text, v.body_text FROM search_src_event v JOIN search_docs d ON d.record_id = v.record_id;
INSERT INTO search_fts (rowid, name, body)
    SELECT d.doc_id, v.name_text, v.body_text FROM search_src_letter v JOIN search_docs d ON d.record_id = v.record_id;
INSERT INTO search_fts (rowid, name, body)
    SELECT d.doc_id, v.name_text, v.body_text FROM search_src_interaction v JOIN search_docs d ON d.record_id = v.record_id;
INSERT INTO search_fts (rowid, name, body)
    SELECT d.doc_id, v.name_text, v.body_text FROM search_src_dossier v JOIN search_docs d ON d.record_id = v.record_id;
