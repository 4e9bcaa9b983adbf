-- rolefit schema, version 8: a staff member's performance records, one row
-- per person and calendar month (YYYY-MM): hours and revenue on new
-- business and on account service, from which placement takes each
-- person's observed revenue per hour (internal/placement/doc.go). Erasing
-- the person erases their records.
CREATE TABLE performance_months (
    org_id                TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    person_id             TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    month                 TEXT NOT NULL CHECK (length(month) = 7),
    new_business_hours    DOUBLE PRECISION NOT NULL CHECK (new_business_hours >= 0),
    new_business_revenue  DOUBLE PRECISION NOT NULL CHECK (new_business_revenue >= 0),
    service_hours         DOUBLE PRECISION NOT NULL CHECK (service_hours >= 0),
    service_revenue       DOUBLE PRECISION NOT NULL CHECK (service_revenue >= 0),
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, month)
);
-- The organisation's totals per person, for placement.
CREATE INDEX performance_months_org ON performance_months (org_id, person_id);
