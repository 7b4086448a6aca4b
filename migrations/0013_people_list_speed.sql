-- The people list at 100k people (issue 6). Sorting by last contact computed the latest
-- interaction of every person over all participants (12.5 s a page at 100k people and 2.7M
-- participants): the date is now stored on the person and kept right by triggers.
ALTER TABLE people ADD COLUMN last_contact_on TEXT;

UPDATE people SET last_contact_on = m.last_on
FROM (SELECT ip.person_id, max(i.occurred_on) AS last_on
      FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
      WHERE ip.person_id IS NOT NULL GROUP BY ip.person_id) AS m
WHERE m.person_id = people.id;

-- A participant added: the date can only move later.
CREATE TRIGGER people_last_contact_participant_insert AFTER INSERT ON interaction_participants
WHEN NEW.person_id IS NOT NULL BEGIN
    UPDATE people SET last_contact_on = (SELECT occurred_on FROM interactions WHERE id = NEW.interaction_id)
    WHERE id = NEW.person_id
      AND (last_contact_on IS NULL OR last_contact_on < (SELECT occurred_on FROM interactions WHERE id = NEW.interaction_id));
END;

-- A participant removed (also by the cascade when an interaction is deleted): recomputed
-- from the person's remaining interactions.
CREATE TRIGGER people_last_contact_participant_delete AFTER DELETE ON interaction_participants
WHEN OLD.person_id IS NOT NULL BEGIN
    UPDATE people SET last_contact_on = (
        SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
        WHERE ip.person_id = OLD.person_id)
    WHERE id = OLD.person_id;
END;

CREATE TRIGGER people_last_contact_participant_update AFTER UPDATE OF person_id, interaction_id ON interaction_participants BEGIN
    UPDATE people SET last_contact_on = (
        SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
        WHERE ip.person_id = people.id)
    WHERE id IN (OLD.person_id, NEW.person_id);
END;

-- An interaction moved to another date: its people recomputed.
CREATE TRIGGER people_last_contact_interaction_date AFTER UPDATE OF occurred_on ON interactions
WHEN NEW.occurred_on IS NOT OLD.occurred_on BEGIN
    UPDATE people SET last_contact_on = (
        SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
        WHERE ip.person_id = people.id)
    WHERE id IN (SELECT person_id FROM interaction_participants WHERE interaction_id = NEW.id AND person_id IS NOT NULL);
END;

-- An interaction deleted: the cascade removes its participants (trigger above); should any
-- participant rows remain (foreign keys off), their people are recomputed without it.
CREATE TRIGGER people_last_contact_interaction_delete AFTER DELETE ON interactions BEGIN
    UPDATE people SET last_contact_on = (
        SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
        WHERE ip.person_id = people.id)
    WHERE id IN (SELECT person_id FROM interaction_participants WHERE interaction_id = OLD.id AND person_id IS NOT NULL);
END;

-- The list's sorts read from indexes, in the ORDER BY's own terms (empty values last in
-- either direction, ties by family name ascending): one index per direction, since the
-- ties stay ascending when the column is descending.
CREATE INDEX people_archived_last_contact ON people (archived, last_contact_on IS NULL, last_contact_on, family_key, id);
CREATE INDEX people_archived_last_contact_desc ON people (archived, last_contact_on IS NULL, last_contact_on DESC, family_key, id);
CREATE INDEX people_archived_country_sort ON people (archived, country IS NULL, country, family_key, id);
CREATE INDEX people_archived_country_sort_desc ON people (archived, country IS NULL, country DESC, family_key, id);
CREATE INDEX people_archived_name ON people (archived, name_key, id);

-- Focal points: the filter reads the current ones from this small index alone, and a row's
-- "focal point" flag finds the person's own there (person first: keyed by focal_point, the
-- flag's subquery walked every focal point for every row of the page).
CREATE INDEX affiliations_focal ON affiliations (person_id, ends_on) WHERE focal_point = 1;

-- The text filter (a name or an email containing the text) reads the names from the list's
-- own index and the emails from theirs, in one pass each, instead of the table and a
-- subquery per person.
DROP INDEX people_archived_family;
CREATE INDEX people_archived_family ON people (archived, family_key, id, name_key);
DROP INDEX person_emails_key;
CREATE INDEX person_emails_key ON person_emails (email_key, person_id);

-- The total of an unfiltered page: counted from the smallest index there is.
CREATE INDEX people_archived ON people (archived);
