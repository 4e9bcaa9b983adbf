package app

import (
	"cmp"
	"context"
	"fmt"
	"rolefit"
	"slices"
	"sync"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
	"rolefit/internal/store"
)

// teamInputs is what an organisation's placements are made from, read at
// one placement stamp and kept with the plans made from it (planCache).
type teamInputs struct {
	// team is everyone a team placement considers: every staff member
	// with a profile, and the candidates with the newest profiles up to
	// placement.MaxPeople.
	team placement.Team
	// staff is today's team: the staff with a profile, in the same order.
	staff placement.Team
	// tp is the TeamPlacement without a plan or pins.
	tp TeamPlacement
	// tooMany says why no placement is made of this team (too many roles,
	// or more staff than the bound), nil when one can be.
	tooMany error
}

// cells is what a plan of n people over the team's roles counts in the
// plan cache.
func (in *teamInputs) cells(n int) int { return n * (len(in.team.Roles) + 1) }

// placementInputs reads the organisation's placement stamp and returns
// the kept entry for it with its inputs, reading them when the entry is
// new. The stamp is read first, so inputs read after a change are never
// kept under the stamp from before it.
func (a *App) placementInputs(ctx context.Context, act Actor) (*planEntry, *teamInputs, error) {
	stamp, err := a.scope(act).PlacementStamp(ctx)
	if err != nil && ctx.Err() != nil {
		return nil, nil, placementTimedOut()
	}
	if err != nil {
		return nil, nil, err
	}
	e := a.plans.entry(act.OrgID, stamp)
	in, err := e.inputs.get(ctx, func(ctx context.Context) (*teamInputs, error) {
		in, err := a.readTeam(ctx, act)
		if err == nil {
			a.plans.grew(e, in.cells(len(in.team.People)))
		}
		return in, err
	})
	if err != nil && ctx.Err() != nil {
		return nil, nil, placementTimedOut()
	}
	return e, in, err
}

// readTeam reads the organisation's roles and everyone with a profile
// as placement's team, with every figure the roles are charged. Stored
// figures outside their ranges are left out (a role, a plan, a person's
// observed rate) or replaced by their default (a setting), and said in
// the result's Problems; staff whose role today is left out count as
// without one.
func (a *App) readTeam(ctx context.Context, act Actor) (*teamInputs, error) {
	org := a.scope(act)
	all, err := org.Roles(ctx)
	if err != nil {
		return nil, err
	}
	var ps problems
	roles, rps := usableRoles(all)
	ps.add(rps...)
	// The profiles are most of the reading (10,000 people's score rows);
	// the other reads are small, and are made while they are read.
	var (
		profiled    []store.ProfiledPerson
		profilesErr error
		reading     sync.WaitGroup
	)
	reading.Go(func() { profiled, profilesErr = org.PlacementProfiles(ctx, weighedScales(roles)) })
	tp, totals, err := a.readTeamFigures(ctx, act, roles)
	reading.Wait()
	if profilesErr != nil {
		return nil, profilesErr
	}
	if err != nil {
		return nil, err
	}
	ps.add(tp.Problems...)
	// A candidate whose answers look careless is not put in the team
	// until a manager has looked at them: rolefit recommends no hire on
	// answers it doubts.
	people := profiled[:0:0]
	var awaiting []PersonRef
	for _, p := range profiled {
		if p.Kind == rolefit.Candidate && rolefit.AwaitsLook(p.Severity, p.LookedAt) {
			awaiting = append(awaiting, PersonRef{ID: p.ID, Name: p.Name})
			continue
		}
		people = append(people, p)
	}
	bound := placement.MaxPeople
	if a.plans.maxPeople != nil {
		bound = a.plans.maxPeople
	}
	tp.MaxPeople, tp.AwaitingLook = bound(len(roles)), awaiting
	in := &teamInputs{tp: tp}
	costs, rates, as := tp.Costs, tp.Rates, tp.Assumptions
	kept, staff := considered(people, in.tp.MaxPeople)
	in.tp.LeftOut = len(people) - len(kept)
	switch {
	case len(all) > rolefit.MaxRoles:
		in.tooMany = errs.Conflict("The organisation has %d roles; placement works with at most %d. Delete roles to see a placement.", len(all), rolefit.MaxRoles)
	case staff > in.tp.MaxPeople:
		in.tooMany = errs.Conflict("Placement considers at most %d people with %d roles, and the organisation has %d staff with a profile, who must all be placed. "+
			"With fewer roles it considers more people (%d with up to 20 roles).", in.tp.MaxPeople, len(roles), staff, bound(20))
	}
	base := placement.Team{Roles: make([]placement.Role, len(roles)), Assumptions: as}
	for j, r := range roles {
		base.Roles[j] = placementRole(r, costs[r.ID], rates[r.ID])
	}
	in.team, in.staff = base, base
	in.team.People = make([]placement.Person, 0, len(kept))
	usable := map[string]bool{}
	for _, r := range roles {
		usable[r.ID] = true
	}
	for _, p := range kept {
		pp := a.placementPerson(p)
		if !usable[pp.CurrentRole] {
			pp.CurrentRole = "" // today's role is left out: as without one
		}
		var rps []StoredProblem
		pp.NewBusinessRate, pp.ServiceRate, rps = usableRates(p.Name, p.ID, totals[p.ID])
		ps.add(rps...)
		in.team.People = append(in.team.People, pp)
		if pp.Kind == placement.Staff {
			in.staff.People = append(in.staff.People, pp)
		}
	}
	in.tp.People = len(in.team.People)
	in.tp.Problems = ps.list
	return in, nil
}

// weighedScales lists the scales the roles' profiles weigh, each once:
// the only standings a team placement reads (placement.Fit). A person's
// other scales change no fit, value or explanation, and are not read.
func weighedScales(roles []rolefit.Role) []string {
	var scales []string
	for _, r := range roles {
		for _, w := range r.Weights {
			if !slices.Contains(scales, w.ScaleID) {
				scales = append(scales, w.ScaleID)
			}
		}
	}
	return scales
}

// readTeamFigures reads what a team placement charges and assumes, all
// but the people: each role's costs and rates and the organisation's
// assumptions (in a TeamPlacement, with the stored figures left out in
// its Problems), and everyone's recent performance.
func (a *App) readTeamFigures(ctx context.Context, act Actor, roles []rolefit.Role) (TeamPlacement, map[string]rolefit.PerformanceTotals, error) {
	var ps problems
	totals, err := a.scope(act).RecentPerformance(ctx, econ.SplitMonths)
	if err != nil {
		return TeamPlacement{}, nil, err
	}
	costs, cps, err := a.roleCosts(ctx, act, roles)
	if err != nil {
		return TeamPlacement{}, nil, err
	}
	ps.add(cps...)
	as, def, sps, err := a.settings(ctx, act)
	if err != nil {
		return TeamPlacement{}, nil, err
	}
	ps.add(sps...)
	rates, err := a.roleRates(ctx, act, roles)
	if err != nil {
		return TeamPlacement{}, nil, err
	}
	return TeamPlacement{Roles: roles, Assumptions: as, DefaultAssumptions: def, Costs: costs, Rates: rates, Problems: ps.list}, totals, nil
}

// considered keeps of people, in their order, every staff member (staff
// are placed while seats allow, so none may be left out) and the
// candidates with the newest profiles (the candidates still in play, on
// the view that an older profile is an older application), at most
// bound in all; ties go to the later added. It also returns how many staff
// there are, which may be more than bound.
func considered(people []store.ProfiledPerson, bound int) ([]store.ProfiledPerson, int) {
	var staff int
	var cands []int
	for i, p := range people {
		if p.Kind == rolefit.Staff {
			staff++
		} else {
			cands = append(cands, i)
		}
	}
	room := bound - staff
	if room >= len(cands) {
		return people, staff
	}
	slices.SortStableFunc(cands, func(i, j int) int {
		return cmp.Or(people[j].ProfileAt.Compare(people[i].ProfileAt), cmp.Compare(j, i))
	})
	drop := map[int]bool{}
	for _, i := range cands[max(room, 0):] {
		drop[i] = true
	}
	kept := make([]store.ProfiledPerson, 0, len(people)-len(drop))
	for i, p := range people {
		if !drop[i] {
			kept = append(kept, p)
		}
	}
	return kept, staff
}

// solvedPlan is the plan of everyone considered, with the pins: kept with
// the inputs, and solved once for every request that asks before they
// change. A pinned plan is kept too, while it is among the newest pin
// sets asked for (pinnedPlansKept).
func (a *App) solvedPlan(ctx context.Context, e *planEntry, in *teamInputs, pins []placement.Pin) (*placement.Plan, error) {
	cells := in.cells(len(in.team.People))
	if len(pins) == 0 {
		return e.whole.get(ctx, func(ctx context.Context) (*placement.Plan, error) {
			plan, err := a.solve(ctx, in.team)
			if err == nil {
				a.plans.grew(e, cells)
			}
			return plan, err
		})
	}
	slot := a.plans.pinnedFor(e, pinsKey(pins))
	team := in.team
	team.Pins = pins
	return slot.plan.get(ctx, func(ctx context.Context) (*placement.Plan, error) {
		plan, err := a.solve(ctx, team)
		if err == nil {
			a.plans.pinnedSolved(e, slot, cells)
		}
		return plan, err
	})
}

// solve solves a team placement under the request's deadline.
func (a *App) solve(ctx context.Context, t placement.Team) (*placement.Plan, error) {
	a.plans.solves.Add(1)
	if a.plans.beforeSolve != nil {
		a.plans.beforeSolve()
	}
	return placement.SolveContext(ctx, t)
}

// pinsKey names a set of pins in their order, which decides the names of
// their errors ("pins[0]").
func pinsKey(pins []placement.Pin) string {
	key := ""
	for _, p := range pins {
		key += fmt.Sprintf("%q:%q,", p.PersonID, p.RoleID)
	}
	return key
}
