-- A response flagged "likely careless" gets no money figure, and its
-- candidate no place in a placement, until a manager has looked at it:
-- when they did is kept with the response (and who, in the audit log).
ALTER TABLE responses ADD COLUMN looked_at TIMESTAMPTZ;
