-- rolefit schema: what rolefit sends to and takes from other systems.
-- One outbound queue (deliveries) for webhooks, Greenhouse's completion
-- call and e-mail, its rows written in the transaction of what caused
-- them; webhook endpoints; the assessments Greenhouse asked for and the
-- errors it reported; API responses kept for Idempotency-Key; single
-- sign-on; reminders before an invitation expires, and the links those
-- e-mails carry.

CREATE TABLE webhook_endpoints (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    url              TEXT NOT NULL,
    events           TEXT NOT NULL,             -- event types, space-separated
    secret           TEXT NOT NULL,             -- whsec_…, kept to sign with
    created_by       TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    disabled_at      TIMESTAMPTZ,
    disabled_reason  TEXT NOT NULL DEFAULT '',
    failing_since    TIMESTAMPTZ                -- first failure since the last success
);
CREATE INDEX webhook_endpoints_org ON webhook_endpoints (org_id, created_at);

-- The outbound queue. A row is due when it is pending and next_attempt_at
-- has come; a worker takes it by setting locked_until (on PostgreSQL with
-- FOR UPDATE SKIP LOCKED, so each row goes to one process) and records the
-- attempt when it is done.
CREATE TABLE deliveries (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('webhook', 'greenhouse', 'email')),
    endpoint_id      TEXT REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    message_id       TEXT NOT NULL,             -- webhook-id: the same on every attempt
    event_type       TEXT NOT NULL,
    target           TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    first_attempt_at TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    locked_until     TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_endpoint ON deliveries (endpoint_id, created_at);
CREATE INDEX deliveries_created ON deliveries (created_at);

-- An assessment Greenhouse asked for (send_test): its invitation, the
-- address to PATCH when it is complete, and the candidate's profile in
-- Greenhouse. request_key is the SHA-256 of Greenhouse's address for the
-- test, so the same request twice finds the same assessment.
CREATE TABLE greenhouse_assessments (
    id             TEXT PRIMARY KEY,            -- partner_interview_id
    org_id         TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    invitation_id  TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    request_key    TEXT NOT NULL,
    test_id        TEXT NOT NULL,
    role_id        TEXT,
    callback_url   TEXT NOT NULL DEFAULT '',
    profile_url    TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX greenhouse_assessments_request ON greenhouse_assessments (org_id, request_key);
CREATE UNIQUE INDEX greenhouse_assessments_invitation ON greenhouse_assessments (invitation_id);

-- Errors Greenhouse reported about rolefit's answers (request_errors).
CREATE TABLE greenhouse_errors (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    report       TEXT NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX greenhouse_errors_org ON greenhouse_errors (org_id, received_at);

-- The first answer to an API POST with an Idempotency-Key, for 24 hours.
-- key_hash is the SHA-256 of the API key's ID and the Idempotency-Key;
-- the answer is sealed with a key derived from the API key and the
-- Idempotency-Key, which rolefit does not keep, so the table alone shows
-- nothing an answer held (such as an invitation's link).
CREATE TABLE idempotency_keys (
    key_hash      TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    request_hash  TEXT NOT NULL,
    status        INTEGER NOT NULL DEFAULT 0,   -- 0 while the first request runs
    answer        BYTEA,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Single sign-on with OpenID Connect, per organisation.
CREATE TABLE sso_configs (
    org_id            TEXT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    enabled           BOOLEAN NOT NULL DEFAULT FALSE,
    issuer            TEXT NOT NULL,
    client_id         TEXT NOT NULL,
    client_secret     TEXT NOT NULL,
    create_users      BOOLEAN NOT NULL DEFAULT FALSE,
    new_user_access   TEXT NOT NULL DEFAULT 'manager' CHECK (new_user_access IN ('admin', 'manager')),
    password_sign_in  BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- A sign-in begun at the identity provider: the SHA-256 of its state, the
-- PKCE verifier and the nonce, until it comes back or ten minutes pass.
CREATE TABLE sso_logins (
    state_hash  TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    verifier    TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    next        TEXT NOT NULL DEFAULT '/',
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sso_logins_expires ON sso_logins (expires_at);

-- Reminders: how many days before a link expires the first and the
-- second reminder go out (0: none), and per invitation how many were
-- queued and sent. expiry_noted is set once invitation.expired was
-- written for the invitation.
ALTER TABLE organisations ADD COLUMN first_reminder_days INTEGER NOT NULL DEFAULT 0 CHECK (first_reminder_days >= 0 AND first_reminder_days <= 90);
ALTER TABLE organisations ADD COLUMN second_reminder_days INTEGER NOT NULL DEFAULT 0 CHECK (second_reminder_days >= 0 AND second_reminder_days <= 90);
ALTER TABLE invitations ADD COLUMN reminders_queued INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN reminders_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN expiry_noted BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX invitations_open_expiry ON invitations (expires_at) WHERE status IN ('sent', 'started');

-- More links to one invitation: each e-mail rolefit sends later (a
-- reminder, an invitation sent with many others) carries a link of its
-- own, made when it is sent, so no link's token is ever stored. All of an
-- invitation's links lead to the same answers.
CREATE TABLE invitation_links (
    token_hash     TEXT PRIMARY KEY,
    invitation_id  TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX invitation_links_invitation ON invitation_links (invitation_id);
