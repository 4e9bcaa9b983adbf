package app

import (
	"context"
	"math"
	"rolefit"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// ModelDefaults are the capacity model's starting inputs for an
// organisation: the founding case (econ.DefaultInputs) with the
// organisation's own figures in place of each default it has data for,
// starting from one seller's current state.
type ModelDefaults struct {
	Inputs econ.Inputs
	// Sources says where each input taken from the organisation came
	// from, by the input's JSON name; an input not listed is the founding
	// case's.
	Sources map[string]string
	// Seller is the seller the model starts from; nil without
	// performance records of new business.
	Seller *rolefit.Person
	// Split is the cost of that seller's split (Split), when they have
	// one: the same figure Home, their page and the API show.
	Split *SplitView
	// ServiceRole is the role whose figures stand for a dedicated service
	// person; nil when the organisation has no account-service role.
	ServiceRole *rolefit.Role
	// Problems are the stored figures outside their ranges left out of
	// the defaults (or, for a setting, replaced by its default).
	Problems []StoredProblem
}

// CostDefaults returns the Costs page's starting inputs for the actor's
// organisation, from the current state of the seller personID (or, for
// "", the seller whose split costs most, else the one with the most
// new-business revenue a month): their hours a month selling and serving
// (H), their observed revenue an hour on each (r_n, r_s) and the book they
// serve (n0 = service hours a month over s). So month 1 of "the seller
// serves" is the month their records show. The service person is the
// account-service role with the most seats: its hours, its loaded monthly
// cost (its plan's where it has one), its staff's median observed service
// rate and its cost per hire from the hiring records; the margin is
// placement's. Rates are rounded to the cent and hours to a tenth, as a
// person would type them. Someone named who is not a seller is invalid
// ("person").
func (a *App) CostDefaults(ctx context.Context, act Actor, personID string) (*ModelDefaults, error) {
	m, err := a.readMoneyModel(ctx, act)
	if err != nil {
		return nil, err
	}
	out := &ModelDefaults{Inputs: econ.DefaultInputs(), Sources: map[string]string{}, ServiceRole: m.cover.Role}
	in := &out.Inputs
	in.Margin = m.margin
	out.Sources["margin"] = "the organisation's gross margin (Settings)"
	c := m.cover
	in.ServicePersonHours, in.ServicePersonCost, in.ServicePersonCPH = c.Hours, c.Cost, c.CPH
	for _, k := range []string{"service_person_hours", "service_person_cost", "service_person_cph"} {
		out.Sources[k] = c.Sources[k]
	}
	if c.Rate != nil {
		rate := cents(*c.Rate)
		in.ServicePersonRate = &rate
		out.Sources["service_person_rate"] = c.RateSource
	}
	id, err := m.sellerFor(personID)
	if err != nil {
		return nil, err
	}
	if id != "" {
		p := m.people[id]
		out.Seller = &p
		s := m.state(id)
		months := p.Name + "'s records, " + recordedMonths(s.Months)
		if h := math.Round(10*s.Hours()) / 10; h > 0 && quantity.MonthHours.Allows(h) {
			in.Hours = h
			out.Sources["hours"] = months + ": hours a month, selling and serving"
		}
		if s.HasNewRate {
			in.NewRate = cents(s.NewRate)
			out.Sources["new_rate"] = months + ": new-business revenue over its hours"
		}
		if s.HasServiceRate {
			in.ServiceRate = cents(s.ServiceRate)
			out.Sources["service_rate"] = months + ": service revenue over its hours"
		}
		in.StartAccounts = math.Round(10*s.ServiceHours/in.ServiceHoursPerAccount) / 10
		out.Sources["start_accounts"] = months + ": service hours a month over the hours each account needs"
		if sv, ok, err := m.splitOf(id); err != nil {
			return nil, err
		} else if ok {
			out.Split = &sv
		}
	}
	out.Problems = m.problems.list
	if err := in.Validate(); err != nil {
		// Figures the records make beyond the model's ranges: fall back
		// to the founding case rather than open a page that cannot run.
		return &ModelDefaults{Inputs: econ.DefaultInputs(), Sources: map[string]string{}, Problems: out.Problems}, nil
	}
	return out, nil
}

// sellerFor picks the seller the model starts from: personID when given
// (invalid when they are no seller: staff with new-business records),
// else the one whose split costs most, else the one with the most
// new-business revenue a month; "" when nobody has such records.
func (m *moneyModel) sellerFor(personID string) (string, error) {
	if personID != "" {
		p, ok := m.people[personID]
		if !ok || p.Kind != rolefit.Staff || !m.state(personID).HasNewRate {
			return "", errs.InvalidFields("Choose a seller with performance records.",
				map[string]string{"person": "is not a member of staff with new-business records"})
		}
		return personID, nil
	}
	splits, err := m.splits()
	if err != nil {
		return "", err
	}
	if len(splits) > 0 {
		return splits[0].Person.ID, nil
	}
	if star, ok := starSeller(m.totals, m.ids); ok {
		return star.PersonID, nil
	}
	return "", nil
}

// cents rounds money to the cent.
func cents(v float64) float64 { return math.Round(100*v) / 100 }

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
