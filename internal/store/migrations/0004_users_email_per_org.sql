-- rolefit schema, version 4: a user's e-mail address is unique within the
-- user's organisation, not across the install. With one global index an
-- admin adding a user learnt, from the refusal, that the address had an
-- account in some other organisation; and one person may well work for
-- two organisations that use rolefit. Sign-in looks accounts up by address
-- and checks the password against each (see Store.SignIn).
-- Addresses are stored lower-cased; lower() keeps the rule even for a row
-- written by other means.

DROP INDEX users_email;
CREATE UNIQUE INDEX users_org_email ON users (org_id, lower(email));
CREATE INDEX users_email ON users (email);
