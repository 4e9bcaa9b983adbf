package app

import (
	"cmp"
	"context"
	"fmt"
	"rolefit"
	"slices"
	"strings"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// MoveView is the "move this person" comparison for one staff member
// (econ.Move) with what it was made from.
type MoveView struct {
	Person rolefit.Person
	// Totals are the person's performance records summed.
	Totals rolefit.PerformanceTotals
	// Inputs are the model's inputs: the organisation's defaults
	// (CostDefaults) with the person's own hours, observed rates and book.
	Inputs econ.Inputs
	// Sources says where each input came from, by JSON name, as
	// ModelDefaults.Sources.
	Sources    map[string]string
	Comparison econ.MoveComparison
}

// MovePerson compares, for a staff member, (a) keeping them selling and
// hiring service people for their book, (b) moving them to service and
// (c) keeping both jobs, over 12, 24 and 36 months with the cost of each
// hire (econ.Move). Their hours a month, observed revenue per hour on each
// activity and their book (their service hours a month over the service
// each account needs) come from their performance records; the service
// person's figures are the organisation's (CostDefaults). A person
// without performance records, or a candidate, is invalid ("person").
// Seeing it is recorded in the audit log: it shows a person's results in
// money.
func (a *App) MovePerson(ctx context.Context, act Actor, personID string) (*MoveView, error) {
	org := a.scope(act)
	p, err := org.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	if p.Kind != rolefit.Staff {
		return nil, errs.InvalidFields("Only a member of staff can be moved.",
			map[string]string{"person": p.Name + " is a candidate: the comparison needs a staff member's performance records"})
	}
	ms, err := org.PerformanceMonths(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	t := rolefit.TotalOf(ms)
	hours := 0.0
	if t.Months > 0 {
		hours = (t.NewBusinessHours + t.ServiceHours) / float64(t.Months)
	}
	if t.Months == 0 || hours <= 0 {
		return nil, errs.InvalidFields(p.Name+" has no performance records yet.",
			map[string]string{"person": "has no performance records: record their hours and revenue a month on their page first"})
	}
	def, err := a.CostDefaults(ctx, act)
	if err != nil {
		return nil, err
	}
	base := def.Inputs
	base.Months = econ.DefaultMonths
	base.StartAccounts = 0
	// An activity the person has no hours on is valued at their role's
	// baseline rate, or the founding case's without a role: never at the
	// star seller's rates the organisation's defaults carry.
	base.NewRate, base.ServiceRate = econ.DefaultNewRate, econ.DefaultServiceRate
	rateFrom := "the founding case"
	if p.CurrentRoleID != nil {
		if r, err := org.Role(ctx, *p.CurrentRoleID); err == nil && r.BaselineRate > 0 && len(r.Flaws()) == 0 {
			base.NewRate, base.ServiceRate = r.BaselineRate, r.BaselineRate
			rateFrom = "the baseline rate of " + r.Name + ", their role today (no hours recorded on it)"
		}
	}
	in, observed := base.ForPerson(perfOf(t))
	if def.Inputs.ServicePersonRate == nil {
		// The service person earns the founding case's service rate, not
		// this person's.
		rv := float64(econ.DefaultServiceRate)
		in.ServicePersonRate = &rv
	}
	in.Hours = min(hours, quantity.MaxMonthHours)
	sources := map[string]string{}
	for k, v := range def.Sources {
		if k != "new_rate" && k != "service_rate" && k != "hours" {
			sources[k] = v
		}
	}
	if def.Inputs.ServicePersonRate == nil {
		sources["service_person_rate"] = "the founding case's service rate"
	}
	sources["new_rate"], sources["service_rate"] = rateFrom, rateFrom
	for _, name := range observed {
		sources[name] = fmt.Sprintf("%s's observed rate over %d recorded months", p.Name, t.Months)
	}
	sources["hours"] = fmt.Sprintf("%s's hours a month, selling and serving, over %d recorded months", p.Name, t.Months)
	if in.ServiceHoursPerAccount > 0 {
		in.StartAccounts = t.ServiceHours / float64(t.Months) / in.ServiceHoursPerAccount
		sources["start_accounts"] = fmt.Sprintf("%s's service hours a month over the service each account needs", p.Name)
	}
	comparison, err := econ.Move(in)
	if err != nil {
		return nil, err
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, "move this person"); err != nil {
		return nil, err
	}
	return &MoveView{Person: *p, Totals: t, Inputs: in, Sources: sources, Comparison: comparison}, nil
}

// MoveChoices lists the staff members the comparison can be made for:
// everyone with performance records, by name.
func (a *App) MoveChoices(ctx context.Context, act Actor) ([]rolefit.Person, error) {
	org := a.scope(act)
	totals, err := org.AllPerformanceTotals(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(totals))
	for id := range totals {
		ids = append(ids, id)
	}
	people, err := org.PeopleByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]rolefit.Person, 0, len(people))
	for _, p := range people {
		if p.Kind == rolefit.Staff {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y rolefit.Person) int {
		return cmp.Or(strings.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)), strings.Compare(x.ID, y.ID))
	})
	return out, nil
}
