-- Letters (open letters, joint statements, petitions...) and the organisations' signatures.

CREATE TABLE letters (
    id              TEXT PRIMARY KEY NOT NULL,
    reference       TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 2 AND 60 AND reference NOT GLOB '*[^a-z0-9-]*'),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind            TEXT NOT NULL CHECK (kind IN
                        ('open_letter','joint_statement','position_paper','consultation_response','petition')),
    target          TEXT,
    body            TEXT,
    link            TEXT,
    languages       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
    status          TEXT NOT NULL CHECK (status IN ('drafting','collecting','published','closed')),
    deadline        TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
    published_on    TEXT CHECK (published_on IS NULL OR date(published_on) IS published_on),
    -- the export choices last used for this letter (format, order, grouping, signers)
    export_choices  TEXT CHECK (export_choices IS NULL OR json_valid(export_choices)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX letters_status ON letters (status, deadline);

CREATE TABLE signatures (
    id                    TEXT PRIMARY KEY NOT NULL,
    letter_id             TEXT NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
    organisation_id       TEXT NOT NULL REFERENCES organisations (id),
    state                 TEXT NOT NULL CHECK (state IN ('invited','signed','declined','withdrawn')),
    invited_on            TEXT CHECK (invited_on IS NULL OR date(invited_on) IS invited_on),
    signed_on             TEXT CHECK (signed_on IS NULL OR date(signed_on) IS signed_on),
    declined_on           TEXT CHECK (declined_on IS NULL OR date(declined_on) IS declined_on),
    withdrawn_on          TEXT CHECK (withdrawn_on IS NULL OR date(withdrawn_on) IS withdrawn_on),
    withdrawal_reason     TEXT,
    channel               TEXT CHECK (channel IS NULL OR channel IN ('email','web_form','phone','in_person')),
    publish_organisation  INTEGER NOT NULL DEFAULT 1 CHECK (publish_organisation IN (0, 1)),
    publish_signer        INTEGER NOT NULL DEFAULT 0 CHECK (publish_signer IN (0, 1)),
    display_name          TEXT,
    signer_name           TEXT,
    signer_title          TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    UNIQUE (letter_id, organisation_id)
) STRICT;

CREATE INDEX signatures_letter_state ON signatures (letter_id, state);
CREATE INDEX signatures_organisation ON signatures (organisation_id, letter_id);
