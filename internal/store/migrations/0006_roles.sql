-- rolefit schema, version 6: placement roles (internal/placement/doc.go) and a
-- staff member's role today, so that "today" can be compared with the
-- recommendation.

CREATE TABLE roles (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    activity            TEXT NOT NULL CHECK (activity IN ('new_business', 'account_service', 'mix')),
    -- For a mix, the share of the hours spent on new business; the rest
    -- is account service.
    new_business_share  DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (new_business_share >= 0 AND new_business_share <= 1),
    seats_min           INTEGER NOT NULL CHECK (seats_min >= 0),
    seats_max           INTEGER NOT NULL CHECK (seats_max >= seats_min),
    hours_per_month     DOUBLE PRECISION NOT NULL CHECK (hours_per_month >= 0),
    baseline_rate       DOUBLE PRECISION NOT NULL CHECK (baseline_rate >= 0),
    -- Until compensation plans exist (internal/econ/doc.go), the loaded
    -- monthly cost of one person in the role.
    monthly_cost        DOUBLE PRECISION NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- A name names one role per organisation, whatever its case.
CREATE UNIQUE INDEX roles_org_name ON roles (org_id, lower(name));

-- A role's target profile, one row per scale (a facet or a composite): a
-- row per weight keeps the rule "no negative weight" in the schema and
-- lets a query ask which roles weigh a scale, on SQLite and PostgreSQL
-- alike.
CREATE TABLE role_weights (
    role_id   TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    scale_id  TEXT NOT NULL,
    weight    DOUBLE PRECISION NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (role_id, scale_id)
);

-- A staff member's role today; deleting the role leaves them without one.
ALTER TABLE people ADD COLUMN current_role_id TEXT REFERENCES roles(id) ON DELETE SET NULL;
CREATE INDEX people_current_role ON people (current_role_id);
