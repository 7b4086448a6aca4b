-- The people list's usual page: people not archived, of one country, by family name. With
-- archived in the index too, the page (and its count) is read from the index alone, instead
-- of looking up every skipped row in the table to test `archived` (228 ms p50 at 100k people).
CREATE INDEX people_archived_country_family ON people (archived, country, family_key, id);
