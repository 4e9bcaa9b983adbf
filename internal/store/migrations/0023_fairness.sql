-- rolefit schema: fairness. A candidate's hiring outcomes (the stages they
-- reached, with dates), the voluntary self-identification a respondent may
-- give after submitting, kept in a table of its own apart from scores and
-- profiles and read only as counts, and two organisation settings: whether
-- staff are asked to self-identify too, and whether a respondent sees a
-- summary of their own profile after submitting. Both are off by default.
CREATE TABLE outcomes (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    stage       TEXT NOT NULL CHECK (stage IN ('advanced', 'offered', 'hired', 'rejected', 'withdrew')),
    reached_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX outcomes_person ON outcomes (person_id, reached_at);
CREATE INDEX outcomes_org_stage ON outcomes (org_id, stage, reached_at);

CREATE TABLE self_identifications (
    person_id       TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    org_id          TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    sex             TEXT NOT NULL CHECK (sex IN ('female', 'male', 'another', 'declined')),
    race_ethnicity  TEXT NOT NULL CHECK (race_ethnicity IN ('hispanic_or_latino', 'white', 'black_or_african_american', 'asian',
                        'native_hawaiian_or_pacific_islander', 'american_indian_or_alaska_native', 'two_or_more', 'declined')),
    age_40_or_over  TEXT NOT NULL CHECK (age_40_or_over IN ('yes', 'no', 'declined')),
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX self_identifications_org ON self_identifications (org_id);

ALTER TABLE organisations ADD COLUMN self_id_for_staff BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN respondent_feedback BOOLEAN NOT NULL DEFAULT FALSE;
