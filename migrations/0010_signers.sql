-- A signature's named signer may be a person on record: the link is kept beside the name and
-- title as they were at the time (which stay what the published list shows).
ALTER TABLE signatures ADD COLUMN signer_person_id TEXT REFERENCES people (id);
CREATE INDEX signatures_signer ON signatures (signer_person_id);
