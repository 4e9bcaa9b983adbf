package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
	"rolefit/internal/store"
)

// TeamPlacement is the optimal placement of the actor's organisation
// (internal/placement/doc.go) with what it was made from. Plan is nil when there
// is nothing to place yet: no roles, or nobody with a profile.
type TeamPlacement struct {
	Plan  *placement.Plan
	Roles []store.PlacementRole
	// People is how many people with a profile were considered.
	People      int
	Assumptions placement.Assumptions
	// DefaultAssumptions is true while the organisation has not changed
	// the assumptions from placement.DefaultAssumptions.
	DefaultAssumptions bool
	Pins               []placement.Pin
	// Costs are what placement charged for each role, by role ID.
	Costs map[string]RoleCost
	// Problems are the stored figures outside their ranges that the
	// placement left out (or, for a setting, replaced by its default).
	Problems []StoredProblem
}

// RoleName returns the name of one of the placement's roles, "" for
// none or an unknown ID.
func (tp *TeamPlacement) RoleName(id string) string {
	for _, r := range tp.Roles {
		if r.ID == id {
			return r.Name
		}
	}
	return ""
}

// Placement recommends a role (or none) for everyone with a profile,
// keeping the pins, and explains it (placement.Solve). A pin naming a
// person without a profile or an unknown role, or more pins to a role
// than it has seats, is invalid, and the error names the pin ("pins[0]").
// Seeing it is recorded in the audit log: it shows people's scores in
// money.
func (a *App) Placement(ctx context.Context, act Actor, pins []placement.Pin) (*TeamPlacement, error) {
	team, tp, err := a.team(ctx, act)
	if err != nil {
		return nil, err
	}
	if err := checkPins(team, pins); err != nil {
		return nil, err
	}
	tp.Pins = pins
	if len(team.Roles) == 0 || len(team.People) == 0 {
		return tp, nil
	}
	team.Pins = pins
	if tp.Plan, err = placement.Solve(team); err != nil {
		return nil, withRoleNames(err, tp.Roles)
	}
	if err := a.org(act).Audit(ctx, act.Audit, "view", "placement", "", fmt.Sprintf("%d people, %d roles", len(team.People), len(team.Roles))); err != nil {
		return nil, err
	}
	return tp, nil
}

// team reads the organisation's roles and everyone with a profile as a
// placement.Team. Stored figures outside their ranges are left out (a
// role, a plan, a person's observed rate) or replaced by their default
// (a setting), and said in the result's Problems; staff whose role today
// is left out count as without one.
func (a *App) team(ctx context.Context, act Actor) (placement.Team, *TeamPlacement, error) {
	org := a.org(act)
	all, err := org.Roles(ctx)
	if err != nil {
		return placement.Team{}, nil, err
	}
	var ps problems
	roles, rps := usableRoles(all)
	ps.add(rps...)
	people, err := org.ProfiledPeople(ctx)
	if err != nil {
		return placement.Team{}, nil, err
	}
	totals, err := org.AllPerformanceTotals(ctx)
	if err != nil {
		return placement.Team{}, nil, err
	}
	costs, cps, err := a.roleCosts(ctx, act, roles)
	if err != nil {
		return placement.Team{}, nil, err
	}
	ps.add(cps...)
	as, def, sps, err := a.settings(ctx, act)
	if err != nil {
		return placement.Team{}, nil, err
	}
	ps.add(sps...)
	team := placement.Team{Roles: make([]placement.Role, len(roles)), People: make([]placement.Person, len(people)), Assumptions: as}
	usable := map[string]bool{}
	for j, r := range roles {
		team.Roles[j] = placementRole(r, costs[r.ID])
		usable[r.ID] = true
	}
	for i, p := range people {
		team.People[i] = a.placementPerson(p)
		if !usable[team.People[i].CurrentRole] {
			team.People[i].CurrentRole = ""
		}
		var rps []StoredProblem
		team.People[i].NewBusinessRate, team.People[i].ServiceRate, rps = usableRates(p.Name, p.ID, totals[p.ID])
		ps.add(rps...)
	}
	return team, &TeamPlacement{Roles: roles, People: len(people), Assumptions: as, DefaultAssumptions: def, Costs: costs,
		Problems: ps.list}, nil
}

// withRoleNames says the roles of an invalid error from placement.Solve,
// such as a minimum that cannot be met, by name rather than by ID. The
// field names keep the IDs, which is what an API caller sent.
func withRoleNames(err error, roles []store.PlacementRole) error {
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.CodeInvalid {
		return err
	}
	pairs := make([]string, 0, 2*len(roles))
	for _, r := range roles {
		pairs = append(pairs, r.ID, r.Name)
	}
	names := strings.NewReplacer(pairs...)
	out := &errs.Error{Code: e.Code, Message: names.Replace(e.Message), Fields: map[string]string{}}
	for k, v := range e.Fields {
		out.Fields[k] = names.Replace(v)
	}
	return out
}

// checkPins checks the pins against the team: each names a person with a
// profile and a role, and no role has more pins than seats.
func checkPins(t placement.Team, pins []placement.Pin) error {
	people, roles := map[string]bool{}, map[string]placement.Role{}
	for _, p := range t.People {
		people[p.ID] = true
	}
	for _, r := range t.Roles {
		roles[r.ID] = r
	}
	f := map[string]string{}
	count := map[string]int{}
	for k, pin := range pins {
		key, name := fmt.Sprintf("pins[%d]", k), pin.PersonID+":"+pin.RoleID
		r, ok := roles[pin.RoleID]
		switch {
		case !people[pin.PersonID]:
			f[key] = fmt.Sprintf("%s: there is no person %q with a profile", name, pin.PersonID)
		case !ok:
			f[key] = fmt.Sprintf("%s: there is no role %q", name, pin.RoleID)
		default:
			count[pin.RoleID]++
			if count[pin.RoleID] > r.Seats.Max {
				f[key] = fmt.Sprintf("%s: %s has %d seats and this is pin %d to it", name, r.Name, r.Seats.Max, count[pin.RoleID])
			}
		}
	}
	if len(f) > 0 {
		return errs.InvalidFields("The pins cannot be kept.", f)
	}
	return nil
}

// placementRole is a role as placement sees it, charged what rc says:
// the compensation plan's loaded monthly cost when the role has a plan,
// and the role's total cost of a hire as a candidate's cost of hire.
func placementRole(r store.PlacementRole, rc RoleCost) placement.Role {
	pr := placement.Role{ID: r.ID, Name: r.Name, Activity: placement.Activity(r.Activity), NewBusinessShare: r.NewBusinessShare,
		Seats: placement.Seats{Min: r.SeatsMin, Max: r.SeatsMax}, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate,
		MonthlyCost: r.MonthlyCost, Profile: make([]placement.Weight, len(r.Weights))}
	if rc.FromPlan {
		pr.MonthlyCost = rc.MonthlyCost
	}
	if rc.CostOfHire != nil {
		pr.CostOfHire = rc.CostOfHire
	}
	for i, w := range r.Weights {
		pr.Profile[i] = placement.Weight{Scale: w.ScaleID, Weight: w.Weight}
	}
	return pr
}

// placementPerson turns a person's profile rows into standings: the local
// percentile when norms exist, else the score with the questionnaire's
// answer range, which a facet or composite score (a mean of answers) lies
// in (internal/assess/doc.go and internal/placement/doc.go).
func (a *App) placementPerson(p store.ProfiledPerson) placement.Person {
	pp := placement.Person{ID: p.ID, Name: p.Name, Kind: placement.Kind(p.Kind), Scales: map[string]placement.Standing{}}
	if p.Kind == store.Staff && p.CurrentRoleID != nil {
		pp.CurrentRole = *p.CurrentRoleID
	}
	q, known := a.cat.Get(p.QuestionnaireID, p.QuestionnaireVersion)
	for _, row := range p.Scores {
		if row.Score == nil {
			continue // too little answered: no standing
		}
		s := placement.Standing{Score: *row.Score, Percentile: row.Percentile}
		if known {
			s.Min, s.Max = float64(q.Scale.Min), float64(q.Scale.Max)
		} else if row.Percentile == nil {
			continue // no range to map the score from
		}
		pp.Scales[row.ScaleID] = s
	}
	return pp
}

// RoleFit is a person's fit and expected monthly value in one role.
type RoleFit struct {
	Role      store.PlacementRole
	Valuation placement.Valuation
}

// PersonFit is one person's fit and value for every role, and where they
// would go in today's team.
type PersonFit struct {
	PersonID   string
	Name       string
	Kind       store.PersonKind
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
	// TeamSize is how many people that placement considered: the staff
	// with a profile, and the person.
	TeamSize    int
	Assumptions placement.Assumptions
	// Problems are the stored figures outside their ranges left out of
	// the figures (or, for a setting, replaced by its default).
	Problems []StoredProblem
}

// Fit is one person's fit and expected monthly value (placement.Value)
// for every role, with every figure behind them, and where they would go
// in today's team: the optimal placement of the staff with a profile and
// this person (other candidates are not in the team today, so they do
// not compete for the seats), with the reason.
func (a *App) Fit(ctx context.Context, act Actor, personID string) (*PersonFit, error) {
	org := a.org(act)
	p, err := org.ProfiledPerson(ctx, personID)
	if err != nil {
		return nil, err
	}
	all, err := org.Roles(ctx)
	if err != nil {
		return nil, err
	}
	var ps problems
	roles, rps := usableRoles(all)
	ps.add(rps...)
	costs, cps, err := a.roleCosts(ctx, act, roles)
	if err != nil {
		return nil, err
	}
	ps.add(cps...)
	as, _, sps, err := a.settings(ctx, act)
	if err != nil {
		return nil, err
	}
	ps.add(sps...)
	pp := a.placementPerson(*p)
	pp.CurrentRole = "" // only the team's validation needs it
	ms, err := org.PerformanceMonths(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	pp.NewBusinessRate, pp.ServiceRate, rps = usableRates(p.Name, p.ID, store.TotalOf(ms))
	ps.add(rps...)
	out := &PersonFit{PersonID: p.ID, Name: p.Name, Kind: p.Kind, HasProfile: p.QuestionnaireID != "", Assumptions: as,
		Roles: make([]RoleFit, len(roles))}
	for j, r := range roles {
		out.Roles[j] = RoleFit{Role: r, Valuation: placement.Value(pp, placementRole(r, costs[r.ID]), as)}
	}
	if out.HasProfile && len(roles) > 0 {
		team, tp, err := a.team(ctx, act)
		if err != nil {
			return nil, err
		}
		ps.add(tp.Problems...)
		team = todaysTeamWith(team, p.ID)
		out.TeamSize = len(team.People)
		if plan, err := placement.Solve(team); err == nil {
			for _, pl := range plan.People {
				if pl.PersonID == p.ID {
					out.Recommended, out.Placed, out.InTeam = pl.RoleID, true, &pl
				}
			}
			out.Why = reasonFor(plan, team, p.ID)
		}
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, "fit for every role"); err != nil {
		return nil, err
	}
	out.Problems = ps.list
	return out, nil
}
