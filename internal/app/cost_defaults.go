package app

import (
	"context"
	"fmt"
	"math"
	"rolefit"
	"slices"

	"rolefit/internal/econ"
	"rolefit/internal/quantity"
)

// ModelDefaults are the capacity model's starting inputs for an
// organisation: the founding case (econ.DefaultInputs) with the
// organisation's own figures in place of each default it has data for.
type ModelDefaults struct {
	Inputs econ.Inputs
	// Sources says where each input taken from the organisation came
	// from, by the input's JSON name; an input not listed is the founding
	// case's.
	Sources map[string]string
	// Star is the seller whose observed rates are used: the staff member
	// with the most new-business revenue a month; nil without performance
	// records of new business.
	Star *rolefit.Person
	// ServiceRole is the role whose figures stand for a dedicated service
	// person; nil when the organisation has no account-service role.
	ServiceRole *rolefit.Role
	// Problems are the stored figures outside their ranges left out of
	// the defaults (or, for a setting, replaced by its default).
	Problems []StoredProblem
}

// CostDefaults returns the Costs page's starting inputs for the actor's
// organisation. The star seller (most new-business revenue a month in the
// performance records) gives the seller's hours a month and the observed
// revenue per hour of selling and of service; the account-service role
// with the most seats gives the service person's hours, loaded monthly
// cost (its compensation plan's, else its monthly cost) and cost per hire
// (its hiring records'), and the staff in that role today their observed
// service rate; placement's gross margin gives the margin. Rates are
// rounded to whole money an hour and hours to a tenth, as a person would
// type them.
func (a *App) CostDefaults(ctx context.Context, act Actor) (*ModelDefaults, error) {
	org := a.scope(act)
	out := &ModelDefaults{Inputs: econ.DefaultInputs(), Sources: map[string]string{}}
	var ps problems
	as, _, sps, err := a.settings(ctx, act)
	if err != nil {
		return nil, err
	}
	ps.add(sps...)
	out.Inputs.Margin = as.GrossMargin
	totals, err := org.AllPerformanceTotals(ctx)
	if err != nil {
		return nil, err
	}
	all, err := org.Roles(ctx)
	if err != nil {
		return nil, err
	}
	roles, rps := usableRoles(all)
	ps.add(rps...)
	ids := make([]string, 0, len(totals))
	for id := range totals {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	people, err := org.PeopleByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	// A person whose observed rates are outside their range is no
	// seller to start the model from.
	for _, id := range ids {
		if nb, sv, bad := usableRates(people[id].Name, id, totals[id]); len(bad) > 0 {
			ps.add(bad...)
			t := totals[id]
			if nb == nil {
				t.NewBusinessHours, t.NewBusinessRevenue = 0, 0
			}
			if sv == nil {
				t.ServiceHours, t.ServiceRevenue = 0, 0
			}
			totals[id] = t
		}
	}
	if star, ok := starSeller(totals, ids); ok {
		p := people[star.PersonID]
		out.Star = &p
		in, observed := out.Inputs.ForPerson(perfOf(star))
		in.ServicePersonRate = nil // the service person's rate is set below, or follows the seller's
		// Rounded as a person would type them: whole money an hour.
		in.NewRate, in.ServiceRate = math.Round(in.NewRate), math.Round(in.ServiceRate)
		out.Inputs = in
		for _, name := range observed {
			out.Sources[name] = fmt.Sprintf("%s's observed rate over %d recorded months", p.Name, star.Months)
		}
		if h := math.Round(10*(star.NewBusinessHours+star.ServiceHours)/float64(star.Months)) / 10; h > 0 && quantity.MonthHours.Allows(h) {
			out.Inputs.Hours = h
			out.Sources["hours"] = fmt.Sprintf("%s's hours a month, selling and serving, over %d recorded months", p.Name, star.Months)
		}
	}
	if r := serviceRole(roles); r != nil {
		out.ServiceRole = r
		costs, cps, err := a.roleCosts(ctx, act, roles)
		if err != nil {
			return nil, err
		}
		ps.add(cps...)
		rc := costs[r.ID]
		if r.HoursPerMonth >= 1 {
			out.Inputs.ServicePersonHours = r.HoursPerMonth
			out.Sources["service_person_hours"] = r.Name + " role's hours a month"
		}
		out.Inputs.ServicePersonCost = rc.MonthlyCost
		out.Sources["service_person_cost"] = r.Name + " role's monthly cost"
		if rc.FromPlan {
			out.Sources["service_person_cost"] = r.Name + " compensation plan's loaded monthly cost"
		}
		if rc.Hire.CPHSource != "none" {
			out.Inputs.ServicePersonCPH = rc.Hire.CPH.CPH
			out.Sources["service_person_cph"] = r.Name + " cost per hire from the hiring records"
			if rc.Hire.CPHSource == "organisation" {
				out.Sources["service_person_cph"] = "the organisation's cost per hire from the hiring records"
			}
		}
		var sv rolefit.PerformanceTotals
		n := 0
		for _, id := range ids {
			if p := people[id]; p.CurrentRoleID != nil && *p.CurrentRoleID == r.ID && totals[id].ServiceHours > 0 {
				sv.ServiceHours += totals[id].ServiceHours
				sv.ServiceRevenue += totals[id].ServiceRevenue
				n++
			}
		}
		if _, rate := sv.Rates(); rate != nil {
			rounded := math.Round(*rate)
			out.Inputs.ServicePersonRate = &rounded
			out.Sources["service_person_rate"] = fmt.Sprintf("observed service rate of the %d people in %s today", n, r.Name)
		}
	}
	if err := out.Inputs.Validate(); err != nil {
		// Figures the records make beyond the model's ranges: fall back
		// to the founding case rather than open a page that cannot run.
		return &ModelDefaults{Inputs: econ.DefaultInputs(), Sources: map[string]string{}, Problems: ps.list}, nil
	}
	out.Problems = ps.list
	return out, nil
}

// starSeller is the person with the most new-business revenue a month;
// ties go to the smaller ID, so the answer does not depend on map order.
func starSeller(totals map[string]rolefit.PerformanceTotals, ids []string) (rolefit.PerformanceTotals, bool) {
	var best rolefit.PerformanceTotals
	found := false
	for _, id := range ids {
		t := totals[id]
		if t.Months == 0 || t.NewBusinessHours <= 0 || t.NewBusinessRevenue <= 0 {
			continue
		}
		if !found || monthly(t.NewBusinessRevenue, t) > monthly(best.NewBusinessRevenue, best) {
			best, found = t, true
		}
	}
	return best, found
}

func monthly(v float64, t rolefit.PerformanceTotals) float64 { return v / float64(max(t.Months, 1)) }

// serviceRole is the account-service role with the most seats, by name
// among equals; nil when there is none.
func serviceRole(roles []rolefit.Role) *rolefit.Role {
	var out *rolefit.Role
	for i, r := range roles {
		if r.Activity == rolefit.ActivityAccountService && (out == nil || r.SeatsMax > out.SeatsMax) {
			out = &roles[i]
		}
	}
	return out
}

// perfOf is a person's recorded totals as econ's performance.
func perfOf(t rolefit.PerformanceTotals) econ.Performance {
	return econ.Performance{NewBusinessRevenue: t.NewBusinessRevenue, NewBusinessHours: t.NewBusinessHours,
		ServiceRevenue: t.ServiceRevenue, ServiceHours: t.ServiceHours}
}
