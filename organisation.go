package rolefit

import (
	"fmt"
	"time"
)

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
	// FirstReminderDays and SecondReminderDays are how many days before
	// an invitation's link expires its person is reminded by e-mail, 0
	// for no reminder (see CheckReminders).
	FirstReminderDays  int
	SecondReminderDays int
	// SelfIDForStaff lets staff members self-identify for the
	// adverse-impact report, as candidates may; off by default.
	SelfIDForStaff bool
	// RespondentFeedback shows a respondent a plain-language summary of
	// their own profile after they submit; off by default.
	RespondentFeedback bool
}

// DefaultSettings are a new organisation's settings, the same as the
// columns' defaults of the migration that added them: dates in UTC, the
// cut at the 1–5 scale's agree point, and placement.DefaultAssumptions.
func DefaultSettings() Settings {
	return Settings{TimeZone: "UTC", Language: "en", ProfileCut: 3.5, FitMultiplierLow: 0.6, FitMultiplierHigh: 1.4, GrossMargin: 0.7, PaybackMonths: 12}
}

// CheckReminders says what is wrong with reminder settings, by field:
// each from 0 (none) to MaxInvitationDays−1, a second reminder only after
// a first, and closer to the expiry than it.
func (s Settings) CheckReminders() map[string]string {
	f := map[string]string{}
	for name, d := range map[string]int{"first_reminder_days": s.FirstReminderDays, "second_reminder_days": s.SecondReminderDays} {
		if d < 0 || d >= MaxInvitationDays {
			f[name] = fmt.Sprintf("must be from 0 (no reminder) to %d days", MaxInvitationDays-1)
		}
	}
	if len(f) > 0 {
		return f
	}
	switch {
	case s.SecondReminderDays > 0 && s.FirstReminderDays == 0:
		f["second_reminder_days"] = "needs a first reminder"
	case s.SecondReminderDays > 0 && s.SecondReminderDays >= s.FirstReminderDays:
		f["second_reminder_days"] = "must be fewer days before the expiry than the first reminder"
	}
	return f
}

// ReminderDays are the days before expiry that reminders go out, first
// reminder first: none, one or two.
func (s Settings) ReminderDays() []int {
	var out []int
	for _, d := range []int{s.FirstReminderDays, s.SecondReminderDays} {
		if d > 0 {
			out = append(out, d)
		}
	}
	return out
}

// MaxRetentionDays is the longest retention period an admin can set: ten
// years. Longer than that is keeping data without a purpose.
const MaxRetentionDays = 3650
