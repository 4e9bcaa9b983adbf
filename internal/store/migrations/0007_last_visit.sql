-- rolefit schema, version 7: when a user was last seen, so the dashboard
-- can say what came in since their previous visit. A session keeps the
-- previous visit it started after: sessions end on sign-out and expire,
-- so the user's other sessions cannot tell it.
ALTER TABLE users ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE sessions ADD COLUMN previous_visit_at TIMESTAMPTZ;
-- What has come in since a time: responses by organisation and time.
CREATE INDEX responses_org_submitted ON responses (org_id, submitted_at);
