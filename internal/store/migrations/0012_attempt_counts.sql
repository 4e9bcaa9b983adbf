-- rolefit schema, version 12: failed attempts counted in the database, so
-- that every rolefit process serving one database shares the sign-in
-- limits and the guards against guessed links and API keys.
-- scope names the limit ('login_address', 'login_account', …); key_hash is
-- the SHA-256 of what is counted (an address, an e-mail address), so the
-- table keeps no addresses in clear. A window opens with the first failure
-- and ends at expires_at; an ended row is reset by the next failure and
-- deleted by the hourly housekeeping.
CREATE TABLE attempt_counts (
    scope       TEXT NOT NULL,
    key_hash    TEXT NOT NULL,
    failures    INTEGER NOT NULL CHECK (failures >= 1),
    expires_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key_hash)
);
CREATE INDEX attempt_counts_expires ON attempt_counts (expires_at);
