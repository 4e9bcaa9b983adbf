package app

import (
	"context"
	"rolefit"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// ProfileView is a person's profile as the JSON API gives it: their latest
// self-report and, beside it and labelled, the latest manager's rating.
type ProfileView struct {
	Person *rolefit.Person
	// SelfReport is the person's profile; nil before they have one.
	SelfReport *ResponseReport
	// ManagerRating is the latest manager's rating; nil without one.
	ManagerRating *ResponseReport
	// Performance is a staff member's recorded months and observed
	// rates; nil for a candidate and for staff without records.
	Performance *Performance
}

// ResponseReport is what a manager reads of one scored response.
type ResponseReport struct {
	Questionnaire string
	Version       int
	SubmittedAt   time.Time
	// RatedBy names the rater of a manager's rating; "" for a self-report.
	RatedBy string
	// Class and Borderline are the 2×2 class; Class is "" when the
	// questionnaire has no hunter and farmer composites.
	Class      string
	Borderline bool
	// Preference is the work-preference index, −1 (service) to +1
	// (selling); nil when it could not be computed.
	Preference *float64
	// Scales are the composites, then the facets, in definition order.
	Scales []ReportScale
	// Flags are the response-quality flags raised; Severity is the
	// strongest evidence over them, "" when none was raised.
	Flags    []ReportFlag
	Severity string
	// Language is the language the questionnaire was answered in.
	Language string
	// NormGroup says which earlier responses the percentiles compare
	// with: those in the same language, or every language's pooled; nil
	// when not recorded (a response scored before languages were).
	NormGroup *assess.NormGroup
}

// ReportScale is one composite or facet score with its band and
// percentile (each nil when not known).
type ReportScale struct {
	ID, Name string
	// Kind is "composite" or "facet".
	Kind                                 string
	Score, BandLow, BandHigh, Percentile *float64
}

// ReportFlag is one raised response-quality flag.
type ReportFlag struct {
	Check, Reason, Severity string
}

// Profile returns a person's profile and manager's rating, built from the
// same detail as their page (Person), whose reading is audited.
func (a *App) Profile(ctx context.Context, act Actor, personID string) (*ProfileView, error) {
	d, err := a.Person(ctx, act, personID)
	if err != nil {
		return nil, err
	}
	v := &ProfileView{Person: d.Person}
	if d.Profile != nil {
		v.SelfReport = reportOf(*d.Profile)
	}
	if d.Rating != nil {
		v.ManagerRating = reportOf(*d.Rating)
	}
	if d.Performance != nil && len(d.Performance.Months) > 0 {
		v.Performance = d.Performance
	}
	return v, nil
}

// reportOf summarises a response view.
func reportOf(rv ResponseView) *ResponseReport {
	res := rv.Scored
	r := &ResponseReport{Questionnaire: rv.QuestionnaireID, Version: rv.QuestionnaireVersion, SubmittedAt: rv.SubmittedAt,
		RatedBy: rv.RatedBy, Severity: string(res.Quality.Severity), Language: rv.Language, NormGroup: res.NormGroup,
		Scales: make([]ReportScale, 0, len(res.Composites)+len(res.Scales)), Flags: make([]ReportFlag, 0, len(res.Quality.Flags))}
	if rv.View != rolefit.ViewManager {
		r.RatedBy = ""
	}
	if res.Profile != nil {
		r.Class, r.Borderline = string(res.Profile.Class), res.Profile.Borderline
	}
	if res.Preference != nil {
		r.Preference = res.Preference.Index
	}
	add := func(kind string, list []assess.ScaleScore) {
		for _, s := range list {
			sc := ReportScale{ID: s.ID, Name: s.Name, Kind: kind, Score: s.Score}
			if s.Band != nil {
				lo, hi := s.Band.Low, s.Band.High
				sc.BandLow, sc.BandHigh = &lo, &hi
			}
			if s.Norm != nil {
				p := s.Norm.Percentile
				sc.Percentile = &p
			}
			r.Scales = append(r.Scales, sc)
		}
	}
	add(store.ScaleComposite, res.Composites)
	add(store.ScaleFacet, res.Scales)
	for _, f := range res.Quality.Flags {
		r.Flags = append(r.Flags, ReportFlag{Check: f.Code, Reason: f.Reason, Severity: string(f.Severity)})
	}
	return r
}

// MarkLookedAt records that the actor has looked at a person's answers
// flagged likely careless: their value in money is shown again and
// placement considers them.
func (a *App) MarkLookedAt(ctx context.Context, act Actor, personID string) error {
	return a.scope(act).MarkLookedAt(ctx, personID, act.Audit)
}
