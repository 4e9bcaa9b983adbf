-- rolefit schema, version 14: a number that changes whenever anything a
-- placement reads changes, other than a submission, so that a process may
-- keep an organisation's solved placement until then
-- (store/placement_stamp.go). Submissions are not counted here: each would
-- update this one row, and on PostgreSQL they would queue on its lock; a
-- placement sees them through the count of responses instead.
ALTER TABLE organisations ADD COLUMN placement_version BIGINT NOT NULL DEFAULT 0;
