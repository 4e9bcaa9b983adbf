-- What a signed-in user may do (admin or manager) is their access; "role"
-- is a placement role. The column takes the word the code and the pages use.
ALTER TABLE users RENAME COLUMN role TO access;
