-- rolefit schema, version 3: scores stored one row per scale of each
-- response, a person's profile (their latest self-report) kept on the
-- person, whose view a response is (the person's own or a manager's
-- rating), and "job title" for what was called a person's role.

-- One row per facet or composite of each response: what lists, the team
-- map, norms and placement read with SQL instead of decoding the stored
-- result document. The rows are derived from the answers like the result;
-- a later rescoring may rewrite them.
CREATE TABLE response_scores (
    response_id            TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    org_id                 TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    questionnaire_id       TEXT NOT NULL,
    questionnaire_version  INTEGER NOT NULL,
    scale_id               TEXT NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('facet', 'composite')),
    score                  DOUBLE PRECISION,   -- NULL: too little answered
    band_low               DOUBLE PRECISION,   -- NULL: reliability not yet known
    band_high              DOUBLE PRECISION,
    percentile             DOUBLE PRECISION,   -- NULL: no local norms yet
    PRIMARY KEY (response_id, scale_id)
);
-- Norms: the distribution of one scale's scores in an organisation.
CREATE INDEX response_scores_norms ON response_scores (org_id, questionnaire_id, questionnaire_version, scale_id, score);

-- Whose view a response is: the person's own answers ('self'), or a
-- manager's rating of a staff member ('manager', with the rater).
ALTER TABLE responses ADD COLUMN view TEXT NOT NULL DEFAULT 'self' CHECK (view IN ('self', 'manager'));
ALTER TABLE responses ADD COLUMN rated_by TEXT NOT NULL DEFAULT '';
-- Before this version manager ratings could only come from the shipped
-- manager-rating questionnaire.
UPDATE responses SET view = 'manager' WHERE questionnaire_id = 'manager-rating';
CREATE INDEX responses_person_view ON responses (person_id, view, submitted_at);

-- A person's profile is their latest self-report; pointing at it from the
-- person makes "everyone with their profile" one join.
ALTER TABLE people ADD COLUMN profile_response_id TEXT REFERENCES responses(id) ON DELETE SET NULL;
UPDATE people SET profile_response_id = (
    SELECT r.id FROM responses r
    WHERE r.person_id = people.id AND r.view = 'self'
    ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1);

-- The composites now live in response_scores.
ALTER TABLE responses DROP COLUMN hunter;
ALTER TABLE responses DROP COLUMN farmer;

-- A person's job title is free text; "role" now means a placement role.
ALTER TABLE people RENAME COLUMN role TO job_title;

-- The newest responses of a questionnaire (the sample reliabilities are
-- measured on) without sorting all of an organisation's responses.
DROP INDEX responses_org_questionnaire;
CREATE INDEX responses_org_questionnaire ON responses (org_id, questionnaire_id, questionnaire_version, submitted_at);
