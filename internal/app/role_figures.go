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
		pr := placementRole(r, f.Cost, f.Rates)
		nb, sv := pr.ActivityHours()
		hours, weighted, fromRecords := 0.0, 0.0, true
		for _, part := range [2]struct {
			act placement.Activity
			h   float64
		}{{placement.NewBusiness, nb}, {placement.AccountService, sv}} {
			if act, h := part.act, part.h; h > 0 {
				hours += h
				weighted += h * pr.Baseline(act)
				fromRecords = fromRecords && f.Rates.For(act).Source == RateFromRecords
			}
		}
		f.Rate = r.BaselineRate
		if hours > 0 {
			f.Rate = weighted / hours
			if fromRecords {
				f.Source, f.Observed = RateFromRecords, &f.Rate
			}
		}
		out = append(out, f)
	}
	return out, ps, nil
}
