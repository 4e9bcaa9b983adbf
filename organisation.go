package rolefit

import "time"

// Organisation is a company using rolefit. All its data is its own.
type Organisation struct {
	ID        string
	Name      string
	IsDemo    bool
	Currency  string
	CreatedAt time.Time
	// Settings are what an admin sets for the whole organisation
	// (orgsettings.go); the columns' defaults fill a new organisation's.
	Settings
}

// Settings are an organisation's own settings beside its currency: the
// time zone its dates are shown in, the profile cut of the 2×2 class, and
// the assumptions behind placement's values (internal/placement/doc.go).
// The use case that changes them checks them (internal/app/orgsettings.go);
// the schema's CHECKs keep the bounds that need no questionnaire.
type Settings struct {
	// TimeZone is an IANA time zone name such as "Europe/Berlin".
	TimeZone string
	// Language is the language respondents see when neither their
	// invitation nor their browser names one their questionnaire offers.
	Language string
	// ProfileCut is the composite score at and above which a composite
	// counts as high.
	ProfileCut float64
	// FitMultiplierLow and FitMultiplierHigh scale a role's baseline
	// revenue per hour at fit 0 and fit 100.
	FitMultiplierLow  float64
	FitMultiplierHigh float64
	// GrossMargin is the share of revenue that is gross profit, 0 to 1.
	GrossMargin float64
	// CostOfHire is what hiring one candidate costs, spread over
	// PaybackMonths.
	CostOfHire    float64
	PaybackMonths float64
}

// DefaultSettings are a new organisation's settings, the same as the
// columns' defaults of the migration that added them: dates in UTC, the
// cut at the 1–5 scale's agree point, and placement.DefaultAssumptions.
func DefaultSettings() Settings {
	return Settings{TimeZone: "UTC", Language: "en", ProfileCut: 3.5, FitMultiplierLow: 0.6, FitMultiplierHigh: 1.4, GrossMargin: 0.7, PaybackMonths: 12}
}

// MaxRetentionDays is the longest retention period an admin can set: ten
// years. Longer than that is keeping data without a purpose.
const MaxRetentionDays = 3650
