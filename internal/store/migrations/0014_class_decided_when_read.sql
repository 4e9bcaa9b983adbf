-- A profile's 2×2 class depends on the organisation's cut, which an admin
-- may change; the class stored at scoring time went stale when the cut
-- did, and the people list's class filter read it. The class is now
-- decided from the hunter and farmer composite rows when read, so the
-- stored copy goes.
ALTER TABLE responses DROP COLUMN profile_class;
