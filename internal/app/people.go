package app

import (
	"context"
	"encoding/json"
	"fmt"
	"rolefit"
	"slices"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// AddPerson adds one candidate or staff member.
func (a *App) AddPerson(ctx context.Context, act Actor, np rolefit.NewPerson) (*rolefit.Person, error) {
	return a.scope(act).CreatePerson(ctx, np, act.Audit)
}

// PeopleQuery selects a page of people. Sort is "" (the order they were
// added), or a scale or composite ID of an installed questionnaire,
// prefixed with "-" for highest first.
type PeopleQuery struct {
	Limit  int
	Cursor string
	Search string
	Kind   string
	Sort   string
	// Invitation, Class and Flags filter by the newest invitation's
	// state, the profile's class and its quality flags; the values are
	// store.InvitationFilters, a class of assess or "none", and
	// store.FlagFilters. Empty keeps everyone.
	Invitation string
	Class      string
	Flags      string
	// Earlier is "" to leave earlier applicants out (the demo's, or
	// history an organisation brought), EarlierInclude to list them too,
	// EarlierOnly to list them alone.
	Earlier string
}

// The people list's and the export's values for earlier applicants (see
// PeopleQuery.Earlier).
const (
	EarlierInclude = store.EarlierInclude
	EarlierOnly    = store.EarlierOnly
)

// ProfileClasses are the people list's class filter values: the 2×2
// classes, "unknown" (too little answered to place), and "none" for
// people without a profile.
var ProfileClasses = []string{string(assess.ClassHunter), string(assess.ClassFarmer), string(assess.ClassAmbidextrous),
	string(assess.ClassDeveloping), string(assess.ClassUnknown), store.ClassNone}

// checkFilters names each filter of q with a value it does not know.
func (q PeopleQuery) checkFilters() map[string]string {
	fields := map[string]string{}
	for _, f := range []struct {
		name, value string
		allowed     []string
	}{
		{"invitation", q.Invitation, store.InvitationFilters},
		{"class", q.Class, ProfileClasses},
		{"flags", q.Flags, store.FlagFilters},
		{"earlier", q.Earlier, store.EarlierFilters},
	} {
		if f.value != "" && !slices.Contains(f.allowed, f.value) {
			fields[f.name] = "must be one of " + strings.Join(f.allowed, ", ")
		}
	}
	return fields
}

// PersonRow is a person in a list: their profile summary and their newest
// invitation.
type PersonRow struct {
	store.PersonProfile
	Invitation *rolefit.Invitation
	Status     rolefit.InvitationStatus
}

// PeoplePage is one page of the people list.
type PeoplePage struct {
	Items []PersonRow
	// Next is the cursor of the next page, "" on the last.
	Next string
	// Total counts the people the list is about before its other
	// filters: everyone but the earlier applicants, unless the query asks
	// for them. EarlierApplicants counts the earlier applicants, listed or
	// not.
	Total, EarlierApplicants int64
}

// People lists a page of the organisation's people with their profiles.
// Reading it is recorded in the audit log: it shows personal data.
func (a *App) People(ctx context.Context, act Actor, q PeopleQuery) (*PeoplePage, error) {
	sq := store.PeopleQuery{Limit: q.Limit, Cursor: q.Cursor, Search: q.Search, Kind: rolefit.PersonKind(q.Kind),
		Invitation: q.Invitation, Class: q.Class, Flags: q.Flags, Earlier: q.Earlier}
	fields := q.checkFilters()
	if sq.Kind != "" && sq.Kind != rolefit.Candidate && sq.Kind != rolefit.Staff {
		fields["kind"] = "must be candidate or staff"
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Choose the list's filters from those offered.", fields)
	}
	if q.Limit < 0 || q.Limit > 500 {
		return nil, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
	}
	if q.Sort != "" {
		id := strings.TrimPrefix(q.Sort, "-")
		if !a.isScale(id) {
			return nil, errs.InvalidFields("That is not a score to sort by.", map[string]string{"sort": "must be a scale or composite ID such as hunter or -hunter"})
		}
		sq.SortScale, sq.Desc = id, strings.HasPrefix(q.Sort, "-")
	}
	cut, err := a.cut(ctx, act)
	if err != nil {
		return nil, err
	}
	sq.Cut = cut
	org := a.scope(act)
	people, next, err := org.People(ctx, sq)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	invs, err := org.LatestInvitations(ctx, ids)
	if err != nil {
		return nil, err
	}
	all, err := org.CountPeople(ctx)
	if err != nil {
		return nil, err
	}
	earlier, err := org.CountEarlierApplicants(ctx)
	if err != nil {
		return nil, err
	}
	page := &PeoplePage{Items: make([]PersonRow, len(people)), Next: next, Total: all - earlier, EarlierApplicants: earlier}
	switch q.Earlier {
	case store.EarlierInclude:
		page.Total = all
	case store.EarlierOnly:
		page.Total = earlier
	}
	now := a.now()
	for i, p := range people {
		withClass(&p, cut)
		page.Items[i] = PersonRow{PersonProfile: p}
		if inv, ok := invs[p.ID]; ok {
			page.Items[i].Invitation = &inv
			page.Items[i].Status = inv.State(now)
		}
	}
	if err := org.AuditRead(ctx, act.Audit, "list", "people", "", ""); err != nil {
		return nil, err
	}
	return page, nil
}

// PeopleByID returns the organisation's people among ids, in the order of
// ids; an ID of no one (or of another organisation) is left out. Reading
// them is recorded in the audit log as a list of people.
func (a *App) PeopleByID(ctx context.Context, act Actor, ids []string) ([]rolefit.Person, error) {
	org := a.scope(act)
	found, err := org.PeopleByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]rolefit.Person, 0, len(found))
	for _, id := range ids {
		if p, ok := found[id]; ok {
			out = append(out, p)
			delete(found, id) // an ID given twice is listed once
		}
	}
	if err := org.AuditRead(ctx, act.Audit, "list", "people", "", ""); err != nil {
		return nil, err
	}
	return out, nil
}

// isScale reports whether id names a scale or composite of an installed
// questionnaire.
func (a *App) isScale(id string) bool {
	for _, q := range a.cat.All() {
		for _, s := range q.Scales {
			if s.ID == id {
				return true
			}
		}
		for _, c := range q.Composites {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}

// InvitationRow is an invitation on a person's page, with what can be done
// with it now (the same rules the store enforces).
type InvitationRow struct {
	rolefit.Invitation
	State       rolefit.InvitationStatus
	Title       string
	CanExtend   bool
	CanWithdraw bool
	CanRenew    bool
}

// ResponseView is a stored response with its scored result.
type ResponseView struct {
	rolefit.Response
	Title string
	// ScaleText describes the response scale, such as "1–5".
	ScaleText string
	// ScaleMin and ScaleMax bound the response scale; both 0 when the
	// questionnaire is no longer installed.
	ScaleMin, ScaleMax int
	Scored             assess.Result
	// ResponsesNow counts the organisation's responses to the same
	// questionnaire version now, which the reliability page and a new
	// response's percentiles rest on; the response's own percentiles
	// compare it with those before it (NormsN). 0 when not read.
	ResponsesNow int
}

// NormsN is how many responses the percentiles of the response compare it
// with: those the organisation had when it was scored.
func (rv ResponseView) NormsN() int {
	n, _ := normsOf(rv.Scored)
	return n
}

// Report is the response's scores, bands, percentiles, class and flags as
// the profile API gives them; the profile page's chart draws the same.
func (rv ResponseView) Report() *ResponseReport { return reportOf(rv) }

// ComparedWith says in words which language it was answered in and which
// earlier responses its percentiles compare with; "" for a response
// scored before languages were recorded.
func (rv ResponseView) ComparedWith() string {
	g := rv.Scored.NormGroup
	if g == nil {
		return ""
	}
	in := "Answered in " + LanguageName(rv.Language) + "; percentiles compare with "
	if g.Pooled {
		return in + "all your responses in " + LanguageList(g.Languages) +
			", pooled: each language has enough of them and no statement is answered differently between languages."
	}
	return in + "your " + LanguageName(g.Language) + "-language responses only: norms are kept by language until the languages' responses may be pooled (see Reliability)."
}

// Reading is what the response means for placement and its limits, in
// plain words.
func (rv ResponseView) Reading() Reading { return ReadingOf(rv.Scored, rv.View == rolefit.ViewManager) }

// PersonDetail is everything a manager sees about one person.
type PersonDetail struct {
	Person      *rolefit.Person
	Invitations []InvitationRow
	// Profile is the latest self-report, nil before there is one.
	Profile *ResponseView
	// Rating is the latest manager's rating, shown beside the profile and
	// labelled with the rater and date; nil without one.
	Rating *ResponseView
	// Earlier are the person's other responses, newest first.
	Earlier []ResponseView
	// Interviews are interviewers' ratings of the person, newest first,
	// beside the self-report and never in its place.
	Interviews []InterviewView
	// Questionnaires can be sent to the person: the newest version of
	// each meant for their kind.
	Questionnaires []*assess.Questionnaire
	// Performance is a staff member's recorded months and observed
	// rates; nil for a candidate.
	Performance *Performance
	// Outcomes are the hiring outcomes recorded for the person, earliest
	// first.
	Outcomes []rolefit.Outcome
}

// Person returns everything about one person. Reading it is recorded in
// the audit log.
func (a *App) Person(ctx context.Context, act Actor, id string) (*PersonDetail, error) {
	org := a.scope(act)
	rec, err := personRecordOf(ctx, org, id)
	if err != nil {
		return nil, err
	}
	p, invs, resps := rec.person, rec.invitations, rec.responses
	cut, err := a.cut(ctx, act)
	if err != nil {
		return nil, err
	}
	d := &PersonDetail{Person: p, Outcomes: rec.outcomes}
	now := a.now()
	for _, inv := range invs {
		d.Invitations = append(d.Invitations, InvitationRow{Invitation: inv, State: inv.State(now),
			Title:     a.Title(inv.QuestionnaireID, inv.QuestionnaireVersion),
			CanExtend: inv.CanExtend(now), CanWithdraw: inv.CanWithdraw(now), CanRenew: inv.CanRenew(now)})
	}
	counts := map[string]int{} // responses to each questionnaire version now
	for _, r := range resps {
		if r.View == rolefit.ViewInterview {
			iv, err := a.InterviewView(r)
			if err != nil {
				return nil, err
			}
			d.Interviews = append(d.Interviews, iv)
			continue
		}
		rv, err := a.responseView(r)
		if err != nil {
			return nil, err
		}
		ref := fmt.Sprintf("%s:%d", r.QuestionnaireID, r.QuestionnaireVersion)
		if _, ok := counts[ref]; !ok {
			if counts[ref], err = org.CountResponses(ctx, r.QuestionnaireID, r.QuestionnaireVersion); err != nil {
				return nil, err
			}
		}
		rv.ResponsesNow = counts[ref]
		rv.Scored.WithCut(cut)
		switch {
		case p.ProfileResponseID != nil && r.ID == *p.ProfileResponseID:
			d.Profile = &rv
		case r.View == rolefit.ViewManager && d.Rating == nil:
			d.Rating = &rv
		default:
			d.Earlier = append(d.Earlier, rv)
		}
	}
	for _, q := range a.cat.Newest() {
		if q.IsFor(string(p.Kind)) {
			d.Questionnaires = append(d.Questionnaires, q)
		}
	}
	if p.Kind == rolefit.Staff {
		d.Performance = performanceOf(rec.performance)
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, ""); err != nil {
		return nil, err
	}
	return d, nil
}

// personRecord is what is stored about one person: the person, their
// invitations and responses (newest first) and their performance months.
type personRecord struct {
	person      *rolefit.Person
	invitations []rolefit.Invitation
	responses   []rolefit.Response
	performance []rolefit.PerformanceMonth
	outcomes    []rolefit.Outcome
}

// personRecordOf reads a person's record; the person's page and their
// data export both start from it.
func personRecordOf(ctx context.Context, org *store.Scope, id string) (*personRecord, error) {
	p, err := org.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	rec := &personRecord{person: p}
	if rec.invitations, err = org.PersonInvitations(ctx, p.ID); err != nil {
		return nil, err
	}
	if rec.responses, err = org.PersonResponses(ctx, p.ID); err != nil {
		return nil, err
	}
	if rec.performance, err = org.PerformanceMonths(ctx, p.ID); err != nil {
		return nil, err
	}
	if rec.outcomes, err = org.Outcomes(ctx, p.ID); err != nil {
		return nil, err
	}
	return rec, nil
}

func (a *App) responseView(r rolefit.Response) (ResponseView, error) {
	rv := ResponseView{Response: r, Title: a.Title(r.QuestionnaireID, r.QuestionnaireVersion), ScaleText: "response"}
	if q, ok := a.cat.Get(r.QuestionnaireID, r.QuestionnaireVersion); ok {
		rv.ScaleText = fmt.Sprintf("%d–%d", q.Scale.Min, q.Scale.Max)
		rv.ScaleMin, rv.ScaleMax = q.Scale.Min, q.Scale.Max
	}
	if err := json.Unmarshal(r.Result, &rv.Scored); err != nil {
		return rv, fmt.Errorf("read scores of response %s: %w", r.ID, err)
	}
	return rv, nil
}

// ErasePerson deletes a person with every invitation, answer and score.
func (a *App) ErasePerson(ctx context.Context, act Actor, id string, confirmed bool) error {
	if !confirmed {
		return errs.InvalidFields("Tick the box to confirm the erasure; nothing was deleted.", map[string]string{"confirm": "must be ticked"})
	}
	if err := a.scope(act).ErasePerson(ctx, id, act.Audit); err != nil {
		return err
	}
	// Norms must not keep an erased person's scores.
	a.refs.forget(act.OrgID)
	a.plans.forget(act.OrgID)
	return nil
}

// PersonSummary returns one person as the people list shows them. Reading
// it is recorded in the audit log.
func (a *App) PersonSummary(ctx context.Context, act Actor, id string) (*PersonRow, error) {
	org := a.scope(act)
	p, err := org.PersonWithProfile(ctx, id)
	if err != nil {
		return nil, err
	}
	cut, err := a.cut(ctx, act)
	if err != nil {
		return nil, err
	}
	withClass(p, cut)
	row := &PersonRow{PersonProfile: *p}
	invs, err := org.LatestInvitations(ctx, []string{p.ID})
	if err != nil {
		return nil, err
	}
	if inv, ok := invs[p.ID]; ok {
		row.Invitation, row.Status = &inv, inv.State(a.now())
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, ""); err != nil {
		return nil, err
	}
	return row, nil
}

// UpdatePerson changes some of a person's details (name, e-mail address,
// job title), recorded in the audit log.
func (a *App) UpdatePerson(ctx context.Context, act Actor, id string, c rolefit.PersonChange) (*rolefit.Person, error) {
	p, err := a.scope(act).UpdatePerson(ctx, id, c, act.Audit)
	if err != nil {
		return nil, err
	}
	a.plans.forget(act.OrgID)
	return p, nil
}
