package app

import (
	"context"
	"rolefit"
)

// RoleCost is what placement charges for a role and where it came from.
type RoleCost struct {
	// MonthlyCost is the loaded monthly cost of a person in the role:
	// the compensation plan's (econ.CompPlan.LoadedMonthlyCost) when
	// FromPlan, else the role's own monthly cost.
	MonthlyCost float64
	FromPlan    bool
	// CostOfHire is the role's total cost of a hire (Hire.Total.Total),
	// a candidate's cost of hire for the role; nil when nothing about
	// hiring for it is recorded, leaving the placement assumptions' cost
	// of hire.
	CostOfHire *float64
	Hire       RoleHireCost
}

// roleCosts returns what placement charges for each role, by role ID, and
// the problems of the stored figures it left out: a compensation plan
// outside its ranges (the role's own monthly cost is charged instead),
// and whatever the hiring costs left out (HiringCosts).
func (a *App) roleCosts(ctx context.Context, act Actor, roles []rolefit.Role) (map[string]RoleCost, []StoredProblem, error) {
	out, ps, err := a.planCosts(ctx, act, roles)
	if err != nil {
		return nil, nil, err
	}
	rep, err := a.HiringCosts(ctx, act)
	if err != nil {
		return nil, nil, err
	}
	ps = append(ps, rep.Problems...)
	for _, h := range rep.Roles {
		rc, ok := out[h.Role.ID]
		if !ok {
			continue
		}
		rc.Hire = h
		if h.CPHSource != "none" || h.Set {
			total := h.Total.Total
			rc.CostOfHire = &total
		}
		out[h.Role.ID] = rc
	}
	return out, ps, nil
}

// planCosts returns each role's cost a month, by role ID, with nothing
// about hiring: its compensation plan's loaded cost where it has a plan
// within its ranges, else its own monthly cost; and the problems of the
// plans left out.
func (a *App) planCosts(ctx context.Context, act Actor, roles []rolefit.Role) (map[string]RoleCost, []StoredProblem, error) {
	plans, err := a.scope(act).CompPlans(ctx)
	if err != nil {
		return nil, nil, err
	}
	var ps problems
	out := make(map[string]RoleCost, len(roles))
	for _, r := range roles {
		rc := RoleCost{MonthlyCost: r.MonthlyCost}
		if p, ok := plans[r.ID]; ok {
			if bad := planProblems(r, p); len(bad) > 0 {
				ps.add(bad...)
			} else {
				rc.MonthlyCost, rc.FromPlan = econPlan(p).LoadedMonthlyCost(), true
			}
		}
		out[r.ID] = rc
	}
	return out, ps.list, nil
}
