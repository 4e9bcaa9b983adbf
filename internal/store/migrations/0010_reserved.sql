-- rolefit schema, version 10: reserved for the organisation settings
-- migration, which brings the columns of organisation settings. Until it
-- is here this step changes nothing, so that version 11 follows without a
-- gap; it is replaced by that migration, not kept beside it.
SELECT 1;
