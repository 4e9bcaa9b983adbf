package app

import (
	"context"
	"fmt"
	"rolefit"

	"rolefit/internal/placement"
	"rolefit/internal/quantity"
)

// StoredProblem is a stored figure outside its range: saved before the
// range was checked at the door, or by an older rolefit, or by hand. The
// use cases that compute with it leave its record out (a role, a
// compensation plan, a hiring period, a role's hiring figures, a person's
// observed rates) or, for a setting, use the default in its place, and
// say so in these words, so that one bad number no longer fails a page
// for the whole organisation.
type StoredProblem struct {
	// Record is the kind of record: "role", "compensation_plan",
	// "hiring_period", "role_hiring", "organisation" or "performance".
	Record string
	// ID is the record's ID: the role's for a role, its plan and its
	// hiring figures, the period's, the person's for performance, the
	// organisation's for its settings.
	ID string
	// Field is the figure at fault, as the record's API names it.
	Field string
	// Message says which record, what is wrong and where to fix it:
	// "Role Account executive: its baseline rate 1e300 is outside
	// 0–1,000,000 an hour; fix it under Roles."
	Message string
}

// problems gathers stored problems, each once, in the order met.
type problems struct {
	list []StoredProblem
	seen map[string]bool
}

func (p *problems) add(sp ...StoredProblem) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	for _, s := range sp {
		if !p.seen[s.Message] {
			p.seen[s.Message] = true
			p.list = append(p.list, s)
		}
	}
}

// flawed turns a record's flaws into stored problems, each said as
// "<what>: <flaw>; <remedy>".
func flawed(record, id, what, remedy string, fs quantity.Flaws) []StoredProblem {
	out := make([]StoredProblem, len(fs))
	for i, f := range fs {
		out[i] = StoredProblem{Record: record, ID: id, Field: f.Field, Message: what + ": " + f.Stored + "; " + remedy + "."}
	}
	return out
}

// usableRoles splits the organisation's roles into those whose figures
// are within their ranges, which the money pages compute with, and the
// problems of the others, which they leave out.
func usableRoles(roles []rolefit.Role) ([]rolefit.Role, []StoredProblem) {
	out := make([]rolefit.Role, 0, len(roles))
	var ps []StoredProblem
	for _, r := range roles {
		if fs := r.Flaws(); len(fs) > 0 {
			ps = append(ps, flawed("role", r.ID, "Role "+r.Name, "fix it under Roles", fs)...)
			continue
		}
		out = append(out, r)
	}
	return out, ps
}

// RoleProblems says which of roles have figures outside their ranges,
// for the Roles page, where they are fixed.
func RoleProblems(roles []rolefit.Role) []StoredProblem {
	_, ps := usableRoles(roles)
	return ps
}

// Problems says which of the settings' placement figures are stored
// outside their ranges, for the settings page, where they are fixed; the
// figures elsewhere use each one's default until then.
func (s *OrgSettings) Problems(orgID string) []StoredProblem {
	_, fs := s.Assumptions().Usable()
	return settingsProblems(orgID, fs)
}

// planProblems says what is wrong with a role's stored compensation plan;
// a plan with problems is left out, and placement charges the role's own
// monthly cost.
func planProblems(r rolefit.Role, p rolefit.CompPlan) []StoredProblem {
	return flawed("compensation_plan", r.ID, "Compensation plan of "+r.Name, "fix it under Compensation plans", econPlan(p).Flaws())
}

// settingsProblems says which of the organisation's stored placement
// settings are outside their ranges, each replaced by its default in as.
func settingsProblems(orgID string, fs quantity.Flaws) []StoredProblem {
	out := make([]StoredProblem, len(fs))
	for i, f := range fs {
		msg := "Organisation settings: " + f.Stored + "; "
		if f.Default != "" {
			msg += "the default, " + f.Default + ", is used until it is fixed under Settings → Organisation."
		} else {
			msg += "fix it under Settings → Organisation."
		}
		out[i] = StoredProblem{Record: "organisation", ID: orgID, Field: f.Field, Message: msg}
	}
	return out
}

// usableRates returns a person's observed rates with each one outside
// quantity.RevenueRate left out (the fit-based estimate is used in its
// place), and the problems of those left out. Months recorded before
// their hours were checked against their revenue can make such a rate.
func usableRates(name, personID string, t rolefit.PerformanceTotals) (nb, sv *float64, ps []StoredProblem) {
	nb, sv = t.Rates()
	check := func(r **float64, field, label string) {
		if *r == nil || quantity.RevenueRate.Allows(**r) {
			return
		}
		ps = append(ps, StoredProblem{Record: "performance", ID: personID, Field: field, Message: fmt.Sprintf(
			"Person %s: their observed %s rate %s an hour is outside %s; fix their performance records.",
			name, label, quantity.Format(**r), quantity.RevenueRate.Span())})
		*r = nil
	}
	check(&nb, "new_business_rate", "new-business")
	check(&sv, "service_rate", "service")
	return nb, sv, ps
}

// settings returns the organisation's placement assumptions with every
// stored figure outside its range replaced by its default
// (placement.Assumptions.Usable), whether they are still the defaults, and
// the problems of those replaced.
func (a *App) settings(ctx context.Context, act Actor) (placement.Assumptions, bool, []StoredProblem, error) {
	s, err := a.OrgSettings(ctx, act)
	if err != nil {
		return placement.Assumptions{}, false, nil, err
	}
	as, fs := s.Assumptions().Usable()
	return as, s.Assumptions() == placement.DefaultAssumptions(), settingsProblems(act.OrgID, fs), nil
}
