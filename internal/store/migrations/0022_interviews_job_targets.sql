-- rolefit schema: interview ratings and job targets (DESIGN §14).
--
-- An interviewer's ratings of a person are a response of their own view,
-- 'interview', beside the self-report and the manager's rating. A CHECK
-- cannot be changed in place on SQLite, so the column is replaced: renamed,
-- added again with the wider CHECK, copied, and the old one dropped (its
-- index first), the same statements on SQLite and PostgreSQL.
DROP INDEX responses_person_view;
ALTER TABLE responses RENAME COLUMN view TO view_before_interviews;
ALTER TABLE responses ADD COLUMN view TEXT NOT NULL DEFAULT 'self' CHECK (view IN ('self', 'manager', 'interview'));
UPDATE responses SET view = view_before_interviews;
ALTER TABLE responses DROP COLUMN view_before_interviews;
CREATE INDEX responses_person_view ON responses (person_id, view, submitted_at);

-- Where a role's target profile came from: weights a manager entered, or
-- a job questionnaire's proposal the manager accepted (and may have
-- edited).
ALTER TABLE roles ADD COLUMN target_source TEXT NOT NULL DEFAULT 'entered'
    CHECK (target_source IN ('entered', 'job_questionnaire'));

-- A job questionnaire answered about a role by someone who knows the job:
-- one row per answerer, the answers as JSON (statement ID → 1–5).
CREATE TABLE role_job_answers (
    id                        TEXT PRIMARY KEY,
    org_id                    TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role_id                   TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    job_questionnaire_id      TEXT NOT NULL,
    job_questionnaire_version INTEGER NOT NULL,
    answerer                  TEXT NOT NULL,
    answers                   TEXT NOT NULL,
    recorded_by               TEXT NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX role_job_answers_role ON role_job_answers (role_id, created_at);
