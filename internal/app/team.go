package app

import (
	"context"
	"fmt"
	"rolefit"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// TeamQuery selects a page of the team map.
type TeamQuery struct {
	// Kind is "candidate", "staff" or "" for both.
	Kind string
	// JobTitle keeps only people with this job title (ignoring case); ""
	// keeps everyone.
	JobTitle string
	// Limit is the page size, 1 to 500; 0 means 50.
	Limit int
	// Cursor is the Next of an earlier page.
	Cursor string
	// Revenue adds each staff member's revenue a month from the
	// performance records and marks the top seller, for the map's point
	// sizes; the API's list leaves it out.
	Revenue bool
}

// TeamPoint is one person on the team map: their profile's hunter and
// farmer composites, class and flags.
type TeamPoint struct {
	PersonID string
	Name     string
	Kind     rolefit.PersonKind
	JobTitle string
	// Hunter and Farmer are the composites on the response scale; nil
	// when too little was answered.
	Hunter, Farmer *float64
	// Class is the 2×2 class under the organisation's cut.
	Class string
	// Borderline is set when the band of either composite contains the
	// cut, so the measurement cannot tell on which side of it the person
	// stands.
	Borderline bool
	// Flags counts the profile's response-quality flags.
	Flags int
	// Revenue is new-business plus service revenue a month, averaged over
	// the person's recorded months; nil without records, or when the
	// query did not ask for it.
	Revenue *float64
	// TopSeller marks the organisation's top seller (see TeamPage).
	TopSeller bool
}

// TeamPage is one page of the team map.
type TeamPage struct {
	Items []TeamPoint
	// Next is the cursor of the next page, "" on the last.
	Next string
	// Min and Max are the response scale's range the scores lie on, and
	// Cut the score at and above which a composite counts as high: the
	// organisation's profile cut.
	Min, Max, Cut float64
	// MaxRevenue is the largest revenue a month of anyone in the
	// organisation's records, on this page or not, so that a person is
	// drawn the same size on every page and filter of the map; 0 without
	// records. Set when the query asks for revenue.
	MaxRevenue float64
	// TopSeller is the person ID of the staff member with the most
	// new-business revenue a month in the records, the star seller the
	// Costs page starts from; "" without records.
	TopSeller string
	// TopSellerNewBusiness is the top seller's new-business revenue a
	// month, averaged over their recorded months.
	TopSellerNewBusiness float64
}

// Team lists a page of the organisation's people who have a profile (a
// self-report), with the hunter and farmer composites of it: the team map.
// A manager's rating is never a point of it. Reading it is recorded in the
// audit log: it shows personal data.
func (a *App) Team(ctx context.Context, act Actor, q TeamQuery) (*TeamPage, error) {
	sq := store.TeamQuery{Limit: q.Limit, Cursor: q.Cursor, Kind: rolefit.PersonKind(q.Kind), JobTitle: q.JobTitle}
	fields := map[string]string{}
	if sq.Kind != "" && sq.Kind != rolefit.Candidate && sq.Kind != rolefit.Staff {
		fields["kind"] = "must be candidate or staff"
	}
	if q.Limit < 0 || q.Limit > 500 {
		fields["limit"] = "must be a whole number from 1 to 500"
	}
	if len(q.JobTitle) > 100 {
		fields["job_title"] = "must be at most 100 characters"
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Please correct the team map's filters.", fields)
	}
	org := a.scope(act)
	ms, next, err := org.Team(ctx, sq)
	if err != nil {
		return nil, err
	}
	cut, err := a.cut(ctx, act)
	if err != nil {
		return nil, err
	}
	page := &TeamPage{Items: make([]TeamPoint, len(ms)), Next: next, Cut: cut}
	page.Min, page.Max = a.teamScale(ms)
	for i, m := range ms {
		p := TeamPoint{PersonID: m.PersonID, Name: m.Name, Kind: m.Kind, JobTitle: m.JobTitle,
			Hunter: m.Hunter, Farmer: m.Farmer, Flags: m.FlagCount}
		if m.Classed {
			// A profile of a questionnaire with hunter and farmer composites.
			pr := classOf(m.Hunter, m.HunterLow, m.HunterHigh, m.Farmer, m.FarmerLow, m.FarmerHigh, cut)
			p.Class, p.Borderline = string(pr.Class), pr.Borderline
		}
		page.Items[i] = p
	}
	detail := ""
	if q.Revenue {
		n, err := a.teamRevenue(ctx, act, page)
		if err != nil {
			return nil, err
		}
		detail = fmt.Sprintf("with the revenue a month of %d staff", n)
	}
	if err := org.AuditRead(ctx, act.Audit, "list", "team", "", detail); err != nil {
		return nil, err
	}
	return page, nil
}

// TeamJobTitles returns the job titles of the people on the team map,
// sorted: the choices of its filter.
func (a *App) TeamJobTitles(ctx context.Context, act Actor) ([]string, error) {
	return a.scope(act).TeamJobTitles(ctx)
}

// teamScale returns the range of the response scales of the members'
// questionnaires; 1–5 when no member's questionnaire is installed.
func (a *App) teamScale(ms []store.TeamMember) (lo, hi float64) {
	var sc *assess.ResponseScale
	for _, m := range ms {
		q, ok := a.cat.Get(m.QuestionnaireID, m.QuestionnaireVersion)
		if !ok {
			continue
		}
		if sc == nil {
			s := q.Scale
			sc = &s
			continue
		}
		sc.Min, sc.Max = min(sc.Min, q.Scale.Min), max(sc.Max, q.Scale.Max)
	}
	if sc == nil {
		sc = &assess.ResponseScale{Min: 1, Max: 5}
	}
	return float64(sc.Min), float64(sc.Max)
}
