-- Reserved: number 3 belongs to a migration written at the same time as
-- number 4. This stand-in keeps the numbers without a gap and changes
-- nothing; the real 0003 replaces it.
SELECT 1;
