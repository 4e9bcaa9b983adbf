package app

import (
	"context"

	"rolefit/internal/store"
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

// roleCosts returns what placement charges for each role, by role ID.
func (a *App) roleCosts(ctx context.Context, act Actor, roles []store.PlacementRole) (map[string]RoleCost, error) {
	plans, err := a.org(act).CompPlans(ctx)
	if err != nil {
		return nil, err
	}
	hires, err := a.roleHireCosts(ctx, act, roles)
	if err != nil {
		return nil, err
	}
	out := make(map[string]RoleCost, len(roles))
	for _, r := range roles {
		rc := RoleCost{MonthlyCost: r.MonthlyCost, Hire: hires[r.ID]}
		if p, ok := plans[r.ID]; ok {
			rc.MonthlyCost, rc.FromPlan = econPlan(p).LoadedMonthlyCost(), true
		}
		if h, ok := hires[r.ID]; ok && (h.CPHSource != "none" || h.Set) {
			total := h.Total.Total
			rc.CostOfHire = &total
		}
		out[r.ID] = rc
	}
	return out, nil
}
