-- rolefit schema: fewer indexes for each response to go into. A response
-- row was written into eight B-trees on SQLite (the table, its key and
-- six indexes), each a page to find and dirty in every submission's
-- transaction.
--
-- responses_person (person_id, submitted_at) is covered by
-- responses_person_view (person_id, view, submitted_at): a person's
-- responses, the profile's self-reports and the erasing of a person all
-- look up by the person first, and a person has a handful of responses,
-- so the few rows of one person are sorted by time as they are read.
DROP INDEX responses_person;

-- Only a response through an invitation link has an invitation; the
-- others (the API, paper forms, imports, ratings, interviews) were each
-- an entry of NULL in the unique index. The index now holds only the
-- responses that have one, which is every lookup it serves (an
-- invitation's response, and an invitation's deletion setting it NULL).
DROP INDEX responses_invitation;
CREATE UNIQUE INDEX responses_invitation ON responses (invitation_id) WHERE invitation_id IS NOT NULL;
