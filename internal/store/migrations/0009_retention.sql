-- rolefit schema, version 9: how long candidates who were not hired are
-- kept, and indexes for reading the audit log by person and by user.
-- NULL retention_days means candidates are kept until someone erases them.
ALTER TABLE organisations ADD COLUMN retention_days INTEGER CHECK (retention_days IS NULL OR (retention_days >= 1 AND retention_days <= 3650));
-- The audit log page filters by the person an entry is about and by who
-- acted, newest first.
CREATE INDEX audit_entries_org_subject_time ON audit_entries (org_id, subject_id, created_at);
CREATE INDEX audit_entries_org_actor_time ON audit_entries (org_id, actor_id, created_at);
