package app

import (
	"context"
	"fmt"
	"maps"
	"math"
	"rolefit"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/currency"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
	"rolefit/internal/store"
)

// OrgSettings are the organisation's settings: the currency its money is
// kept in, the time zone its dates are shown in, the profile cut of the
// 2×2 class and the assumptions behind placement's values.
type OrgSettings struct {
	Currency string
	rolefit.Settings
	// CutMin and CutMax are the response scale's range, which the cut
	// must lie in (1 and 5 on the shipped questionnaires).
	CutMin, CutMax float64
	// Languages are the languages rolefit has the respondent's pages in,
	// which the organisation's language must be one of.
	Languages []string
}

// Assumptions returns the placement assumptions the settings hold.
func (s OrgSettings) Assumptions() placement.Assumptions {
	return placement.Assumptions{FitMultiplierLow: s.FitMultiplierLow, FitMultiplierHigh: s.FitMultiplierHigh,
		GrossMargin: s.GrossMargin, CostOfHire: s.CostOfHire, PaybackMonths: s.PaybackMonths}
}

// Location returns the settings' time zone; UTC when the name is not one
// this machine knows (a name is checked when it is saved, so that happens
// only if a later rolefit ships without it).
func (s OrgSettings) Location() *time.Location { return zoneOf(s.TimeZone) }

// OrgSettingsPatch changes some of the settings: a nil field keeps its
// value.
type OrgSettingsPatch struct {
	Currency          *string
	TimeZone          *string
	Language          *string
	ProfileCut        *float64
	FitMultiplierLow  *float64
	FitMultiplierHigh *float64
	GrossMargin       *float64
	CostOfHire        *float64
	PaybackMonths     *float64
	// FirstReminderDays and SecondReminderDays: days before a link
	// expires that its person is reminded, 0 for none.
	FirstReminderDays  *int
	SecondReminderDays *int
	// SelfIDForStaff lets staff self-identify; RespondentFeedback shows
	// respondents a summary of their own profile after they submit.
	SelfIDForStaff     *bool
	RespondentFeedback *bool
}

// OrgSettings returns the actor's organisation's settings. Anyone of the
// organisation may read them: they explain every figure they see.
func (a *App) OrgSettings(ctx context.Context, act Actor) (*OrgSettings, error) {
	org, err := a.scope(act).Get(ctx)
	if err != nil {
		return nil, err
	}
	return a.settingsOf(org), nil
}

// settingsOf is an organisation's settings with the cut's range.
func (a *App) settingsOf(org *rolefit.Organisation) *OrgSettings {
	s := &OrgSettings{Currency: org.Currency, Settings: org.Settings}
	if s.Currency == "" {
		s.Currency = DefaultCurrency
	}
	s.CutMin, s.CutMax = a.responseRange()
	s.Languages = a.msgs.Languages()
	return s
}

// UpdateOrgSettings changes the organisation's settings and records the
// change in the audit log. It is an admin's: the page's route checks the
// user's role, the API's the key's (its creator's role today). Every problem is
// reported at once under its field's name; nothing is saved unless all
// are right.
func (a *App) UpdateOrgSettings(ctx context.Context, act Actor, p OrgSettingsPatch) (*OrgSettings, error) {
	org := a.scope(act)
	cur, err := org.Get(ctx)
	if err != nil {
		return nil, err
	}
	s := a.settingsOf(cur)
	set := func(dst *float64, src *float64) {
		if src != nil {
			*dst = *src
		}
	}
	if p.Currency != nil {
		s.Currency = strings.ToUpper(strings.TrimSpace(*p.Currency))
	}
	if p.TimeZone != nil {
		s.TimeZone = strings.TrimSpace(*p.TimeZone)
	}
	if p.Language != nil {
		s.Language = strings.TrimSpace(*p.Language)
	}
	set(&s.ProfileCut, p.ProfileCut)
	set(&s.FitMultiplierLow, p.FitMultiplierLow)
	set(&s.FitMultiplierHigh, p.FitMultiplierHigh)
	set(&s.GrossMargin, p.GrossMargin)
	set(&s.CostOfHire, p.CostOfHire)
	set(&s.PaybackMonths, p.PaybackMonths)
	if p.FirstReminderDays != nil {
		s.FirstReminderDays = *p.FirstReminderDays
	}
	if p.SecondReminderDays != nil {
		s.SecondReminderDays = *p.SecondReminderDays
	}
	if p.SelfIDForStaff != nil {
		s.SelfIDForStaff = *p.SelfIDForStaff
	}
	if p.RespondentFeedback != nil {
		s.RespondentFeedback = *p.RespondentFeedback
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	if err := org.SetSettings(ctx, s.Currency, s.Settings, act.Audit); err != nil {
		return nil, err
	}
	return s, nil
}

// check says what is wrong with the settings, each under its field: the
// currency, the time zone, the cut within the response scale, and the
// placement assumptions by their own rule (placement.Assumptions.Flaws).
func (s *OrgSettings) check() error {
	f := map[string]string{}
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	if c, err := currency.ParseISO(s.Currency); err != nil || c == currency.XXX || c == currency.XTS {
		f["currency"] = fmt.Sprintf("%q is not a three-letter ISO 4217 currency code such as USD, EUR or GBP", s.Currency)
	}
	if msg := checkZone(s.TimeZone); msg != "" {
		f["time_zone"] = msg
	}
	if !slices.Contains(s.Languages, s.Language) {
		f["language"] = fmt.Sprintf("must be one of %s, the languages respondents' pages are offered in", strings.Join(s.Languages, ", "))
		if p := assess.TagProblem(s.Language); p != "" {
			f["language"] = p
		}
	}
	if !finite(s.ProfileCut) || s.ProfileCut < s.CutMin || s.ProfileCut > s.CutMax {
		f["profile_cut"] = fmt.Sprintf("must be a number from %g to %g, the response scale's range", s.CutMin, s.CutMax)
	}
	maps.Copy(f, s.Assumptions().Flaws().Fields(""))
	maps.Copy(f, s.CheckReminders())
	if len(f) > 0 {
		return errs.InvalidFields("Please correct the highlighted settings.", f)
	}
	return nil
}

// checkZone says what is wrong with a time zone name, "" when it is an
// IANA name this machine knows. "Local" is refused: it would mean the
// server's zone, which the organisation does not choose.
func checkZone(name string) string {
	if name == "" || name == "Local" {
		return "must be a time zone name such as Europe/Berlin or America/New_York"
	}
	if _, err := time.LoadLocation(name); err != nil {
		return fmt.Sprintf("%q is not a known time zone; use a name such as Europe/Berlin or America/New_York", name)
	}
	return ""
}

// zones keeps the time zones loaded so far by name: time.LoadLocation
// reads and parses the zone's file on every call, and every page shows
// dates.
var zones sync.Map

// zoneOf loads a time zone by name, UTC when it is unknown.
func zoneOf(name string) *time.Location {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc := time.UTC
	if checkZone(name) == "" {
		loc, _ = time.LoadLocation(name)
	}
	zones.Store(name, loc)
	return loc
}

// Zone returns the time zone of the given name, UTC when it is unknown:
// what pages show an organisation's dates in.
func Zone(name string) *time.Location { return zoneOf(name) }

// responseRange is the range of the installed questionnaires' response
// scales: what a composite score, and so the cut, can be. 1–5 when none
// is installed.
func (a *App) responseRange() (lo, hi float64) {
	first := true
	for _, q := range a.cat.All() {
		if first {
			lo, hi, first = float64(q.Scale.Min), float64(q.Scale.Max), false
			continue
		}
		lo, hi = min(lo, float64(q.Scale.Min)), max(hi, float64(q.Scale.Max))
	}
	if first {
		return 1, 5
	}
	return lo, hi
}

// cut is the organisation's profile cut.
func (a *App) cut(ctx context.Context, act Actor) (float64, error) {
	org, err := a.scope(act).Get(ctx)
	if err != nil {
		return 0, err
	}
	return org.ProfileCut, nil
}

// classOf is the 2×2 class of a pair of hunter and farmer composites with
// their bands (each nil when not known) under the cut: assess.Classify,
// the one rule, applied to stored score rows.
func classOf(hunter, hLow, hHigh, farmer, fLow, fHigh *float64, cut float64) *assess.Profile {
	sc := func(id string, score, low, high *float64) assess.ScaleScore {
		s := assess.ScaleScore{ID: id, Score: score}
		if score != nil && low != nil && high != nil {
			s.Band = &assess.Band{Low: *low, High: *high}
		}
		return s
	}
	return assess.Classify(sc("hunter", hunter, hLow, hHigh), sc("farmer", farmer, fLow, fHigh), cut)
}

// withClass sets a listed person's class from their profile's composites
// under the cut; a profile without hunter and farmer composites has none,
// as assess gives it none.
func withClass(p *store.PersonProfile, cut float64) {
	if p.ProfileAt == nil {
		return
	}
	h, hok := p.Composites["hunter"]
	f, fok := p.Composites["farmer"]
	if !hok || !fok {
		p.ProfileClass = ""
		return
	}
	p.ProfileClass = string(classOf(h, nil, nil, f, nil, nil, cut).Class)
}

// Organisation returns the actor's organisation.
func (a *App) Organisation(ctx context.Context, act Actor) (*rolefit.Organisation, error) {
	return a.scope(act).Get(ctx)
}
