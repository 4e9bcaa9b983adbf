-- rolefit schema, version 2: people, invitations to a questionnaire, the
-- answers saved while a questionnaire is being taken, and submitted
-- responses with their scores.

CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',     -- lower-cased; '' when not given
    kind        TEXT NOT NULL CHECK (kind IN ('candidate', 'staff')),
    role        TEXT NOT NULL DEFAULT '',     -- current role, for staff
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_org_name ON people (org_id, name);
CREATE INDEX people_org_created ON people (org_id, created_at, id);
-- An e-mail address names one person per organisation.
CREATE UNIQUE INDEX people_org_email ON people (org_id, email) WHERE email <> '';

CREATE TABLE invitations (
    id                     TEXT PRIMARY KEY,
    org_id                 TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    person_id              TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    questionnaire_id       TEXT NOT NULL,
    questionnaire_version  INTEGER NOT NULL,
    questionnaire_hash     TEXT NOT NULL,
    token_hash             TEXT NOT NULL,     -- SHA-256 of the link's token
    status                 TEXT NOT NULL CHECK (status IN ('sent', 'started', 'submitted', 'withdrawn')),
    created_by             TEXT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    expires_at             TIMESTAMPTZ NOT NULL,
    consented_at           TIMESTAMPTZ,
    consent_text           TEXT NOT NULL DEFAULT '',  -- the statement the person agreed to
    started_at             TIMESTAMPTZ,
    submitted_at           TIMESTAMPTZ,
    withdrawn_at           TIMESTAMPTZ,
    emailed_at             TIMESTAMPTZ,
    email_error            TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX invitations_token ON invitations (token_hash);
CREATE INDEX invitations_person ON invitations (person_id, created_at);
CREATE INDEX invitations_org ON invitations (org_id, created_at);

-- Answers saved while the questionnaire is being taken, one row per item,
-- so a click saved from one tab never overwrites another item's answer.
CREATE TABLE draft_answers (
    invitation_id  TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    value          INTEGER NOT NULL,
    answered_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (invitation_id, item_id)
);

-- Time on each page, measured by the server between showing a page and
-- receiving its answers.
CREATE TABLE page_times (
    invitation_id  TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    page           INTEGER NOT NULL,
    shown_at       TIMESTAMPTZ,
    seconds        DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY (invitation_id, page)
);

-- A submitted response. answers and page_seconds are the record; result is
-- the scoring at submission (derived; it can be recomputed from the record).
CREATE TABLE responses (
    id                     TEXT PRIMARY KEY,
    org_id                 TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    person_id              TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    invitation_id          TEXT REFERENCES invitations(id) ON DELETE SET NULL,
    source                 TEXT NOT NULL CHECK (source IN ('invitation', 'api')),
    questionnaire_id       TEXT NOT NULL,
    questionnaire_version  INTEGER NOT NULL,
    questionnaire_hash     TEXT NOT NULL,
    answers                TEXT NOT NULL,     -- JSON object: item ID → answer
    page_seconds           TEXT NOT NULL,     -- JSON array: seconds per page, [] when unknown
    result                 TEXT NOT NULL,     -- JSON of the scored result
    hunter                 DOUBLE PRECISION,  -- composite scores, copied for lists and maps
    farmer                 DOUBLE PRECISION,
    profile_class          TEXT NOT NULL DEFAULT '',
    flag_count             INTEGER NOT NULL DEFAULT 0,
    submitted_at           TIMESTAMPTZ NOT NULL
);
-- One response per invitation: two tabs submitting at once store one.
CREATE UNIQUE INDEX responses_invitation ON responses (invitation_id);
CREATE INDEX responses_person ON responses (person_id, submitted_at);
CREATE INDEX responses_org_questionnaire ON responses (org_id, questionnaire_id, questionnaire_version);
