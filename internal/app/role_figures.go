package app

import (
	"context"
	"rolefit"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

// RoleFigures is a role with the figures every page and the API show for
// it, worked out as placement works them out: its cost a month (the
// compensation plan's loaded cost where a plan exists; Cost says nothing
// of hiring) and its baseline revenue an hour on the one ruler
// (RoleRates).
type RoleFigures struct {
	Role  rolefit.Role
	Cost  RoleCost
	Rates RoleRates
	// Rate is the baseline revenue an hour placement values a person of
	// middling fit at: the hours-weighted mean of its activities'
	// baselines (placement.Valuation.BaselineRate).
	Rate float64
	// Source is RateFromRecords when every activity of the role takes its
	// baseline from records, else RateEntered; Observed is the
	// hours-weighted median observed rate when Source is RateFromRecords.
	Source   string
	Observed *float64
}

// RoleFigures lists the organisation's roles by name with their figures,
// and the problems of the compensation plans left out on the way.
func (a *App) RoleFigures(ctx context.Context, act Actor) ([]RoleFigures, []StoredProblem, error) {
	roles, err := a.scope(act).Roles(ctx)
	if err != nil {
		return nil, nil, err
	}
	return a.roleFigures(ctx, act, roles)
}

// RoleFigure is RoleFigures for one role.
func (a *App) RoleFigure(ctx context.Context, act Actor, id string) (*RoleFigures, error) {
	r, err := a.scope(act).Role(ctx, id)
	if err != nil {
		return nil, err
	}
	fs, _, err := a.roleFigures(ctx, act, []rolefit.Role{*r})
	if err != nil {
		return nil, err
	}
	if len(fs) == 0 {
		return nil, errs.NotFound("role")
	}
	return &fs[0], nil
}

func (a *App) roleFigures(ctx context.Context, act Actor, roles []rolefit.Role) ([]RoleFigures, []StoredProblem, error) {
	costs, ps, err := a.planCosts(ctx, act, roles)
	if err != nil {
		return nil, nil, err
	}
	rates, err := a.roleRates(ctx, act, roles)
	if err != nil {
		return nil, nil, err
	}
	out := make([]RoleFigures, 0, len(roles))
	for _, r := range roles {
		f := RoleFigures{Role: r, Cost: costs[r.ID], Rates: rates[r.ID], Source: RateEntered}
		f.Rate, f.Source = rulerRate(r, f.Rates)
		if f.Source == RateFromRecords {
			f.Observed = &f.Rate
		}
		out = append(out, f)
	}
	return out, ps, nil
}

// rulerRate is a role's baseline revenue an hour on the one ruler: the
// hours-weighted mean of its activities' baselines (rr), as placement
// values a person of middling fit in it, and RateFromRecords when every
// activity it spends hours on takes its baseline from records, else
// RateEntered. A role without hours has its entered rate.
func rulerRate(r rolefit.Role, rr RoleRates) (float64, string) {
	pr := placementRole(r, RoleCost{}, rr)
	nb, sv := pr.ActivityHours()
	hours, weighted, source := 0.0, 0.0, RateFromRecords
	for _, part := range [2]struct {
		act placement.Activity
		h   float64
	}{{placement.NewBusiness, nb}, {placement.AccountService, sv}} {
		if part.h > 0 {
			hours += part.h
			weighted += part.h * pr.Baseline(part.act)
			if rr.For(part.act).Source != RateFromRecords {
				source = RateEntered
			}
		}
	}
	if hours == 0 {
		return r.BaselineRate, RateEntered
	}
	return weighted / hours, source
}
