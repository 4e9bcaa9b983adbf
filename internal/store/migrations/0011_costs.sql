-- rolefit schema, version 11: the money side of placement roles
-- (internal/econ/doc.go). A role's compensation plan; how long its seat
-- stays empty when someone is hired and how the new person ramps up; and
-- hiring costs recorded per period by category with the hires made, for
-- the ANSI/SHRM cost per hire.

-- One plan per role. Amounts are annual, as pay is quoted.
CREATE TABLE comp_plans (
    role_id          TEXT PRIMARY KEY REFERENCES roles(id) ON DELETE CASCADE,
    org_id           TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    base             DOUBLE PRECISION NOT NULL CHECK (base >= 0),
    target_variable  DOUBLE PRECISION NOT NULL CHECK (target_variable >= 0),
    basis            TEXT NOT NULL CHECK (basis IN ('commission', 'bonus')),
    quota            DOUBLE PRECISION NOT NULL CHECK (quota >= 0),
    benefits_load    DOUBLE PRECISION NOT NULL CHECK (benefits_load >= 1 AND benefits_load <= 3),
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX comp_plans_org ON comp_plans (org_id);

-- What a hire into the role loses besides its cost per hire: the days the
-- seat stays empty, and the new person's productivity in each month of
-- ramp-up as shares of full, comma-separated ("0.25,0.5,0.75"; "" for none).
CREATE TABLE role_hiring (
    role_id       TEXT PRIMARY KEY REFERENCES roles(id) ON DELETE CASCADE,
    org_id        TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    days_to_fill  DOUBLE PRECISION NOT NULL CHECK (days_to_fill >= 0),
    ramp          TEXT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX role_hiring_org ON role_hiring (org_id);

-- A period of hiring, for one role or (role_id NULL) the organisation as a
-- whole: the hires made and their first-year compensation together.
-- Deleting the role keeps the period as the organisation's.
CREATE TABLE hiring_periods (
    id                       TEXT PRIMARY KEY,
    org_id                   TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role_id                  TEXT REFERENCES roles(id) ON DELETE SET NULL,
    from_month               TEXT NOT NULL CHECK (length(from_month) = 7),
    to_month                 TEXT NOT NULL CHECK (length(to_month) = 7 AND to_month >= from_month),
    hires                    INTEGER NOT NULL CHECK (hires >= 0),
    first_year_compensation  DOUBLE PRECISION NOT NULL CHECK (first_year_compensation >= 0),
    note                     TEXT NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX hiring_periods_org ON hiring_periods (org_id, from_month);

-- A period's costs, one row per item in the order entered.
CREATE TABLE hiring_cost_items (
    period_id  TEXT NOT NULL REFERENCES hiring_periods(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    category   TEXT NOT NULL,
    amount     DOUBLE PRECISION NOT NULL CHECK (amount >= 0),
    note       TEXT NOT NULL,
    PRIMARY KEY (period_id, position)
);
