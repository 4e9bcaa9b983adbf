package app

import (
	"cmp"
	"context"
	"fmt"
	"rolefit"
	"slices"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
	"rolefit/internal/store"
)

// JobTarget is a role's job questionnaire and what its answers propose
// (DESIGN §14): the statements, the answers given, the proposed weight
// per facet with the answerers' spread, the role's weights now, and, for
// reference, the mean profile of the role's staff in the top half by
// observed revenue an hour.
type JobTarget struct {
	Role *rolefit.Role
	Job  *assess.JobQuestionnaire
	// Answers are the answer sets to this job questionnaire version,
	// oldest first.
	Answers  []rolefit.JobAnswers
	Proposal assess.JobProposal
	Facets   []JobFacet
	// TopStaff counts the staff in the top half with a profile, of
	// Recorded staff in the role with at least MinRecordedMonths months.
	TopStaff, Recorded int
}

// JobFacet is one facet's row of a job target.
type JobFacet struct {
	Facet, Name string
	// Proposed is the proposal's weight (0 when not proposed); Spread
	// the answerers' disagreement on its raw weight.
	Proposed float64
	Spread   assess.FacetSpread
	// Current is the role's weight on the facet now, a composite's weight
	// shared among its facets (assess.FacetTargets), as a share of 1.
	Current float64
	// TopStaff is the mean score of the top half of the role's staff;
	// nil without any.
	TopStaff *float64
}

// jobQuestionnaire is the newest version of the first job questionnaire
// installed; nil when there is none.
func (a *App) jobQuestionnaire() *assess.JobQuestionnaire {
	if len(a.extras.Jobs) == 0 {
		return nil
	}
	return a.extras.Job(a.extras.Jobs[0].ID)
}

// JobTarget returns the role's job questionnaire with its answers and
// proposal. Another organisation's role is not found.
func (a *App) JobTarget(ctx context.Context, act Actor, roleID string) (*JobTarget, error) {
	org := a.scope(act)
	role, err := org.Role(ctx, roleID)
	if err != nil {
		return nil, err
	}
	j := a.jobQuestionnaire()
	if j == nil {
		return nil, errs.Conflict("No job questionnaire is installed.")
	}
	q, ok := a.cat.Latest(j.Questionnaire)
	if !ok {
		return nil, errs.Conflict("The questionnaire %s that the job questionnaire names is not installed.", j.Questionnaire)
	}
	all, err := org.JobAnswers(ctx, role.ID)
	if err != nil {
		return nil, err
	}
	jt := &JobTarget{Role: role, Job: j}
	var sets []map[string]int
	for _, ja := range all {
		if ja.JobQuestionnaireID == j.ID && ja.JobQuestionnaireVersion == j.Version {
			jt.Answers = append(jt.Answers, ja)
			sets = append(sets, ja.Answers)
		}
	}
	jt.Proposal = assess.ProposeTarget(j, sets)
	weights := map[string]float64{}
	for _, w := range role.Weights {
		weights[w.ScaleID] += w.Weight
	}
	current := assess.FacetTargets(q, weights)
	total := 0.0
	for _, w := range current {
		total += w
	}
	top, n, err := a.topHalfProfile(ctx, act, org, role)
	if err != nil {
		return nil, err
	}
	jt.TopStaff, jt.Recorded = top.people, n
	for _, s := range q.Scales {
		f := JobFacet{Facet: s.ID, Name: s.Name, Proposed: jt.Proposal.Weights[s.ID], Spread: jt.Proposal.Spread[s.ID]}
		if total > 0 {
			f.Current = current[s.ID] / total
		}
		if m, ok := top.means[s.ID]; ok {
			f.TopStaff = &m
		}
		jt.Facets = append(jt.Facets, f)
	}
	return jt, nil
}

// topProfile is the mean facet scores of the top half of a role's staff.
type topProfile struct {
	means  map[string]float64
	people int
}

// topHalfProfile is the mean profile of the staff in the role today, with
// at least MinRecordedMonths recorded months, in the top half by observed
// revenue an hour on the role's activity (a mix weighs the two rates by
// its new-business share), read as the ruler reads recorded staff
// (recorded, usableRates); n counts the staff ranked.
func (a *App) topHalfProfile(ctx context.Context, act Actor, org *store.Scope, role *rolefit.Role) (topProfile, int, error) {
	out := topProfile{means: map[string]float64{}}
	rec, err := a.recorded(ctx, act)
	if err != nil {
		return out, 0, err
	}
	type ranked struct {
		id   string
		rate float64
	}
	var rs []ranked
	for _, id := range rec.ids {
		p, t := rec.people[id], rec.totals[id]
		if p.Kind != rolefit.Staff || p.CurrentRoleID == nil || *p.CurrentRoleID != role.ID || t.Months < MinRecordedMonths {
			continue
		}
		nb, sv, _ := usableRates(p.Name, p.ID, t)
		var rate *float64
		switch {
		case role.Activity == rolefit.ActivityNewBusiness:
			rate = nb
		case role.Activity == rolefit.ActivityAccountService:
			rate = sv
		case nb != nil && sv != nil:
			v := role.NewBusinessShare*(*nb) + (1-role.NewBusinessShare)*(*sv)
			rate = &v
		default:
			rate = cmp.Or(nb, sv)
		}
		if rate != nil {
			rs = append(rs, ranked{id, *rate})
		}
	}
	slices.SortFunc(rs, func(x, y ranked) int { return cmp.Or(cmp.Compare(y.rate, x.rate), strings.Compare(x.id, y.id)) })
	top := map[string]bool{}
	for _, r := range rs[:(len(rs)+1)/2] {
		top[r.id] = true
	}
	if len(top) == 0 {
		return out, len(rs), nil
	}
	profiled, err := org.ProfiledPeople(ctx)
	if err != nil {
		return out, 0, err
	}
	sums, counts := map[string]float64{}, map[string]int{}
	for _, p := range profiled {
		if !top[p.ID] {
			continue
		}
		out.people++
		for _, s := range p.Scores {
			if s.Kind == store.ScaleFacet && s.Score != nil {
				sums[s.ScaleID] += *s.Score
				counts[s.ScaleID]++
			}
		}
	}
	for f, s := range sums {
		out.means[f] = s / float64(counts[f])
	}
	return out, len(rs), nil
}

// AnswerJob stores one answerer's answers to the job questionnaire about
// a role. Every statement must be answered 1–5 and the answerer named, or
// nothing is stored and the error names each field ("answers.j03").
func (a *App) AnswerJob(ctx context.Context, act Actor, roleID, answerer string, answers map[string]float64) (*rolefit.JobAnswers, error) {
	j := a.jobQuestionnaire()
	if j == nil {
		return nil, errs.Conflict("No job questionnaire is installed.")
	}
	fields := map[string]string{}
	name, msg := rolefit.CleanName(answerer, 100)
	if msg != "" {
		fields["answerer"] = msg
	}
	known := map[string]bool{}
	out := map[string]int{}
	for _, s := range j.Statements {
		known[s.ID] = true
		v, ok := answers[s.ID]
		switch {
		case !ok:
			fields["answers."+s.ID] = "is required"
		case quantity.Rating.Problem(v) != "":
			fields["answers."+s.ID] = quantity.Rating.Problem(v)
		default:
			out[s.ID] = int(v)
		}
	}
	for id := range answers {
		if !known[id] {
			fields["answers."+id] = fmt.Sprintf("is not a statement of %s", j)
		}
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Some answers are missing or not allowed; nothing was stored.", fields)
	}
	return a.scope(act).AddJobAnswers(ctx, rolefit.JobAnswers{RoleID: roleID, JobQuestionnaireID: j.ID,
		JobQuestionnaireVersion: j.Version, Answerer: name, Answers: out}, act.Audit)
}

// AcceptJobTarget makes weights, the proposal as proposed or as the
// manager edited it, the role's target profile, and records that it came
// from the job questionnaire. The weights are checked as any role's are.
func (a *App) AcceptJobTarget(ctx context.Context, act Actor, roleID string, weights map[string]float64) (*rolefit.Role, error) {
	role, err := a.scope(act).Role(ctx, roleID)
	if err != nil {
		return nil, err
	}
	in := role.Input()
	in.Weights = nil
	for s, w := range weights {
		in.Weights = append(in.Weights, rolefit.RoleWeight{ScaleID: s, Weight: w})
	}
	in.TargetSource = rolefit.TargetJobQuestionnaire
	return a.UpdateRole(ctx, act, role.ID, in)
}

// DiscardJobAnswers deletes the answers to the job questionnaire about a
// role, and with them its proposal; the role's target stays as it is.
func (a *App) DiscardJobAnswers(ctx context.Context, act Actor, roleID string) error {
	return a.scope(act).DiscardJobAnswers(ctx, roleID, act.Audit)
}
