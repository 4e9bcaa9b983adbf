-- rolefit schema, version 10: an organisation's own settings beside its
-- currency. The defaults are the product's: dates in UTC, the profile cut
-- at the 1–5 scale's agree point (internal/assess/doc.go), and the
-- placement assumptions of internal/placement/doc.go (a fit multiplier
-- from 0.6× to 1.4×, a gross margin of 70%, no cost of hire, a payback
-- period of 12 months).
ALTER TABLE organisations ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE organisations ADD COLUMN profile_cut DOUBLE PRECISION NOT NULL DEFAULT 3.5;
ALTER TABLE organisations ADD COLUMN fit_multiplier_low DOUBLE PRECISION NOT NULL DEFAULT 0.6 CHECK (fit_multiplier_low >= 0);
ALTER TABLE organisations ADD COLUMN fit_multiplier_high DOUBLE PRECISION NOT NULL DEFAULT 1.4 CHECK (fit_multiplier_high >= 0);
ALTER TABLE organisations ADD COLUMN gross_margin DOUBLE PRECISION NOT NULL DEFAULT 0.7 CHECK (gross_margin >= 0 AND gross_margin <= 1);
ALTER TABLE organisations ADD COLUMN cost_of_hire DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (cost_of_hire >= 0);
ALTER TABLE organisations ADD COLUMN payback_months DOUBLE PRECISION NOT NULL DEFAULT 12 CHECK (payback_months > 0);
