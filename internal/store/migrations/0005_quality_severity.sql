-- rolefit schema, version 5: the overall severity of a response's quality
-- flags ('likely', 'look' or '' when nothing was flagged), for lists, and
-- the version of the scoring rules that produced its stored result, so a
-- rescore can find results made by older rules. Every result stored before
-- this version was made by scoring rules version 1.
ALTER TABLE responses ADD COLUMN severity TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN scoring_version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX responses_scoring_version ON responses (scoring_version);
