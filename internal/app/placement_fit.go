package app

import (
	"context"
	"rolefit"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

// RoleFit is a person's fit and expected monthly value in one role.
type RoleFit struct {
	Role      rolefit.Role
	Valuation placement.Valuation
}

// PersonFit is one person's fit and value for every role, and where they
// would go in today's team.
type PersonFit struct {
	PersonID   string
	Name       string
	Kind       rolefit.PersonKind
	HasProfile bool
	Roles      []RoleFit
	// Recommended is the role the placement of today's team with the
	// person gives them, "" for not placed or when the team cannot be
	// placed (Placed is false then).
	Recommended string
	Placed      bool
	// InTeam is the person's line of that placement (their value there,
	// the next-best role and what moving them costs), and Why says why
	// they are placed there or not placed; both are set when Placed is.
	InTeam *placement.Placement
	Why    *TeamReason
	// TeamSize is how many people that placement considered; WholeTeam
	// says it is the Placement page's (everyone with a profile), not
	// today's staff and the person alone.
	TeamSize  int
	WholeTeam bool
	// AwaitsLook is set when the person's answers are flagged likely
	// careless and no manager has looked at them: no money figure is
	// shown for them, and a candidate gets no place.
	AwaitsLook  bool
	Assumptions placement.Assumptions
	// Problems are the stored figures outside their ranges left out of
	// the figures (or, for a setting, replaced by its default).
	Problems []StoredProblem
}

// Fit is one person's fit and expected monthly value (placement.Value)
// for every role, with every figure behind them, and where Placement puts
// them: the same kept plan of everyone with a profile the Placement page
// shows (WholeTeam), candidates competing for the seats, with the reason.
// A candidate the plan does not consider (beyond placement.MaxPeople) is
// joined to today's staff instead (placement.Routed.Join). Answers
// flagged likely careless that no manager has looked at get no money
// figure and no place (AwaitsLook). A solve that outlasts the request's
// deadline is a timeout error.
func (a *App) Fit(ctx context.Context, act Actor, personID string) (*PersonFit, error) {
	org := a.scope(act)
	e, in, err := a.placementInputs(ctx, act)
	if err != nil {
		return nil, err
	}
	p, err := org.ProfiledPerson(ctx, personID)
	if err != nil {
		return nil, err
	}
	roles, costs, as := in.tp.Roles, in.tp.Costs, in.tp.Assumptions
	var ps problems
	ps.add(in.tp.Problems...)
	// The person as placement values them: from the team when it holds
	// them, else from their latest records as the team's people are.
	var pp placement.Person
	found := false
	for _, q := range in.team.People {
		if q.ID == p.ID {
			pp, found = q, true
		}
	}
	if !found {
		pp = a.placementPerson(*p)
		ms, err := org.PerformanceMonths(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		if len(ms) > econ.SplitMonths {
			ms = ms[len(ms)-econ.SplitMonths:]
		}
		var rps []StoredProblem
		pp.NewBusinessRate, pp.ServiceRate, rps = usableRates(p.Name, p.ID, rolefit.TotalOf(ms))
		ps.add(rps...)
	}
	pp.CurrentRole = "" // only the team's validation needs it
	out := &PersonFit{PersonID: p.ID, Name: p.Name, Kind: p.Kind, HasProfile: p.QuestionnaireID != "", Assumptions: as,
		Roles: make([]RoleFit, len(roles)), AwaitsLook: rolefit.AwaitsLook(p.Severity, p.LookedAt)}
	for j, r := range roles {
		out.Roles[j] = RoleFit{Role: r, Valuation: placement.Value(pp, placementRole(r, costs[r.ID], in.tp.Rates[r.ID]), as)}
	}
	if out.HasProfile && len(roles) > 0 && !(out.AwaitsLook && p.Kind == rolefit.Candidate) {
		var plan *placement.Plan
		if found && in.tooMany == nil {
			plan, err = a.solvedPlan(ctx, e, in, nil)
			out.WholeTeam = true
		} else {
			plan, err = a.todayWith(ctx, e, in, pp)
		}
		switch {
		case err == nil:
			out.TeamSize = len(plan.People)
			for _, pl := range plan.People {
				if pl.PersonID == p.ID {
					out.Recommended, out.Placed, out.InTeam = pl.RoleID, true, &pl
				}
			}
			out.Why = reasonFor(plan, p.ID)
		case errs.Code(err) == errs.CodeTimeout:
			return nil, err
		}
		// Otherwise the team cannot be placed (a minimum no one can fill,
		// too many staff): the page says there is no placement.
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, "fit for every role"); err != nil {
		return nil, err
	}
	out.Problems = ps.list
	return out, nil
}

// todayWith is the placement of today's team with the person in it: the
// kept plan of the staff when they are one of them, else the kept routed
// staff with them joined after the staff (which may fill a minimum the
// staff alone cannot).
func (a *App) todayWith(ctx context.Context, e *planEntry, in *teamInputs, pp placement.Person) (*placement.Plan, error) {
	if in.tooMany != nil {
		return nil, in.tooMany
	}
	today, err := e.today.get(ctx, func(ctx context.Context) (*placement.Routed, error) {
		a.plans.solves.Add(1)
		if a.plans.beforeSolve != nil {
			a.plans.beforeSolve()
		}
		r, err := placement.RouteContext(ctx, in.staff)
		if err == nil {
			a.plans.grew(e, in.cells(len(in.staff.People)))
		}
		return r, err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range in.staff.People {
		if p.ID == pp.ID {
			return e.todayPlan.get(ctx, today.Plan)
		}
	}
	a.plans.joins.Add(1)
	return today.Join(ctx, pp)
}
