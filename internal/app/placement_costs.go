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
	plans, err := a.scope(act).CompPlans(ctx)
	if err != nil {
		return nil, nil, err
	}
	rep, err := a.HiringCosts(ctx, act)
	if err != nil {
		return nil, nil, err
	}
	hires := make(map[string]RoleHireCost, len(rep.Roles))
	for _, rc := range rep.Roles {
		hires[rc.Role.ID] = rc
	}
	var ps problems
	ps.add(rep.Problems...)
	out := make(map[string]RoleCost, len(roles))
	for _, r := range roles {
		rc := RoleCost{MonthlyCost: r.MonthlyCost, Hire: hires[r.ID]}
		if p, ok := plans[r.ID]; ok {
			if bad := planProblems(r, p); len(bad) > 0 {
				ps.add(bad...)
			} else {
				rc.MonthlyCost, rc.FromPlan = econPlan(p).LoadedMonthlyCost(), true
			}
		}
		if h, ok := hires[r.ID]; ok && (h.CPHSource != "none" || h.Set) {
			total := h.Total.Total
			rc.CostOfHire = &total
		}
		out[r.ID] = rc
	}
	return out, ps.list, nil
}
