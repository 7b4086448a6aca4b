-- Policy-makers (people with an office), MEPs from the Parliament's list, committees,
-- dossiers, roll-call votes and stances.

CREATE TABLE policy_makers (
    person_id       TEXT PRIMARY KEY NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    office          TEXT NOT NULL CHECK (office IN
                        ('mep','commission','council','perm_rep','national_minister','national_official','other')),
    -- where the office sits: "DG HOME", "Permanent Representation of Belgium"...
    institution     TEXT,
    position_title  TEXT,
    -- MEPs only: the Parliament's numeric id, stable across terms
    ep_id           INTEGER UNIQUE,
    -- MEPs only: the name as the Parliament writes it, family name in capitals
    official_name   TEXT,
    group_code      TEXT CHECK (group_code IS NULL OR group_code IN
                        ('EPP','S&D','PfE','ECR','Renew','Greens/EFA','The Left','ESN','NI')),
    national_party  TEXT,
    -- MEPs only: current, or outgoing once missing from the Parliament's list
    mep_status      TEXT CHECK (mep_status IS NULL OR mep_status IN ('current','outgoing')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((office = 'mep') = (ep_id IS NOT NULL AND mep_status IS NOT NULL))
) STRICT;

CREATE INDEX policy_makers_office ON policy_makers (office, mep_status);
CREATE INDEX policy_makers_group ON policy_makers (group_code, mep_status);

CREATE TABLE committees (
    code    TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 2 AND 8 AND code = upper(code)),
    name    TEXT NOT NULL
) STRICT;

INSERT INTO committees (code, name) VALUES
    ('AFET', 'Foreign Affairs'),
    ('DEVE', 'Development'),
    ('INTA', 'International Trade'),
    ('BUDG', 'Budgets'),
    ('CONT', 'Budgetary Control'),
    ('ECON', 'Economic and Monetary Affairs'),
    ('EMPL', 'Employment and Social Affairs'),
    ('ENVI', 'Environment, Climate and Food Safety'),
    ('ITRE', 'Industry, Research and Energy'),
    ('IMCO', 'Internal Market and Consumer Protection'),
    ('TRAN', 'Transport and Tourism'),
    ('REGI', 'Regional Development'),
    ('AGRI', 'Agriculture and Rural Development'),
    ('PECH', 'Fisheries'),
    ('CULT', 'Culture and Education'),
    ('JURI', 'Legal Affairs'),
    ('LIBE', 'Civil Liberties, Justice and Home Affairs'),
    ('AFCO', 'Constitutional Affairs'),
    ('FEMM', 'Women''s Rights and Gender Equality'),
    ('PETI', 'Petitions'),
    ('SEDE', 'Security and Defence'),
    ('SANT', 'Public Health');

CREATE TABLE committee_memberships (
    id              TEXT PRIMARY KEY NOT NULL,
    person_id       TEXT NOT NULL REFERENCES policy_makers (person_id) ON DELETE CASCADE,
    committee_code  TEXT NOT NULL REFERENCES committees (code),
    role            TEXT NOT NULL CHECK (role IN ('member','substitute','chair','vice_chair')),
    starts_on       TEXT CHECK (starts_on IS NULL OR date(starts_on) IS starts_on),
    ends_on         TEXT CHECK (ends_on IS NULL OR (date(ends_on) IS ends_on AND (starts_on IS NULL OR ends_on >= starts_on))),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX committee_memberships_committee ON committee_memberships (committee_code, ends_on, person_id);
CREATE INDEX committee_memberships_person ON committee_memberships (person_id);

-- Legislative files, such as 2022/0155(COD).
CREATE TABLE dossiers (
    id              TEXT PRIMARY KEY NOT NULL,
    reference       TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    short_title     TEXT NOT NULL CHECK (length(trim(short_title)) > 0),
    lead_committee  TEXT REFERENCES committees (code),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE dossier_roles (
    id          TEXT PRIMARY KEY NOT NULL,
    dossier_id  TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES policy_makers (person_id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('rapporteur','shadow_rapporteur')),
    created_at  TEXT NOT NULL,
    UNIQUE (dossier_id, person_id, role)
) STRICT;

CREATE INDEX dossier_roles_person ON dossier_roles (person_id);

-- A roll-call vote on a dossier, and each MEP's position in it.
CREATE TABLE votes (
    id          TEXT PRIMARY KEY NOT NULL,
    dossier_id  TEXT NOT NULL REFERENCES dossiers (id),
    voted_on    TEXT NOT NULL CHECK (date(voted_on) IS voted_on),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX votes_dossier ON votes (dossier_id, voted_on);

CREATE TABLE vote_positions (
    vote_id     TEXT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES policy_makers (person_id),
    position    TEXT NOT NULL CHECK (position IN ('for','against','abstention','did_not_vote')),
    PRIMARY KEY (vote_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX vote_positions_person ON vote_positions (person_id);

-- Where a policy-maker stands on a dossier. Rows are never rewritten: the current stance
-- is the latest by (stated_on, recorded_at).
CREATE TABLE stances (
    id          TEXT PRIMARY KEY NOT NULL,
    person_id   TEXT NOT NULL REFERENCES policy_makers (person_id) ON DELETE CASCADE,
    dossier_id  TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
    level       TEXT NOT NULL CHECK (level IN ('champion','supportive','undecided','sceptical','opposed','unknown')),
    stated_on   TEXT NOT NULL CHECK (date(stated_on) IS stated_on),
    evidence    TEXT NOT NULL CHECK (evidence IN ('vote','meeting','public_statement','social_media','other')),
    -- a link or a note on the source
    source      TEXT,
    vote_id     TEXT REFERENCES votes (id),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX stances_dossier_person ON stances (dossier_id, person_id, stated_on, recorded_at);
CREATE INDEX stances_person ON stances (person_id, dossier_id);
