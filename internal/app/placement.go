package app

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
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
	Roles []rolefit.Role
	// People is how many people with a profile were considered: every
	// staff member, and the candidates with the newest profiles up to
	// MaxPeople. LeftOut is how many candidates with a profile were not.
	People      int
	LeftOut     int
	MaxPeople   int
	Assumptions placement.Assumptions
	// DefaultAssumptions is true while the organisation has not changed
	// the assumptions from placement.DefaultAssumptions.
	DefaultAssumptions bool
	Pins               []placement.Pin
	// Costs are what placement charged for each role, by role ID.
	Costs map[string]RoleCost
	// Rates are each role's baselines, by role ID (one ruler).
	Rates map[string]RoleRates
	// AwaitingLook are the candidates left out because their answers are
	// flagged likely careless and no manager has looked at them yet.
	AwaitingLook []PersonRef
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
// Above placement.MaxPeople, the candidates with the oldest profiles are
// left out (TeamPlacement.LeftOut); more staff than that, or more roles
// than rolefit.MaxRoles, is a conflict. The plan is kept until anything it
// was made from changes (planCache), and the solve stops at the
// request's deadline with a timeout error. Seeing it is recorded in the
// audit log: it shows people's scores in money.
func (a *App) Placement(ctx context.Context, act Actor, pins []placement.Pin) (*TeamPlacement, error) {
	e, in, err := a.placementInputs(ctx, act)
	if err != nil {
		return nil, err
	}
	if err := checkPins(in.team, pins); err != nil {
		return nil, err
	}
	tp := in.tp
	tp.Pins = pins
	if len(in.team.Roles) == 0 || len(in.team.People) == 0 {
		return &tp, nil
	}
	if in.tooMany != nil {
		return nil, in.tooMany
	}
	if tp.Plan, err = a.solvedPlan(ctx, e, in, pins); err != nil {
		return nil, withRoleNames(err, tp.Roles)
	}
	detail := fmt.Sprintf("%d people, %d roles", tp.People, len(tp.Roles))
	if err := a.scope(act).AuditRead(ctx, act.Audit, "view", "placement", "", detail); err != nil {
		return nil, err
	}
	return &tp, nil
}

// withRoleNames says the roles of an invalid error from placement.Solve,
// such as a minimum that cannot be met, by name rather than by ID. The
// field names keep the IDs, which is what an API caller sent.
func withRoleNames(err error, roles []rolefit.Role) error {
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
	if len(pins) == 0 {
		return nil // nothing to look up among the people, who may be 10,000
	}
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

// placementRole is a role as placement sees it, charged what rc says
// (the compensation plan's loaded monthly cost when the role has a plan,
// and the role's total cost of a hire as a candidate's cost of hire), with
// the baselines rr found in its staff's records (one ruler).
func placementRole(r rolefit.Role, rc RoleCost, rr RoleRates) placement.Role {
	pr := placement.Role{ID: r.ID, Name: r.Name, Activity: placement.Activity(r.Activity), NewBusinessShare: r.NewBusinessShare,
		Seats: placement.Seats{Min: r.SeatsMin, Max: r.SeatsMax}, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate,
		MonthlyCost: r.MonthlyCost, Profile: make([]placement.Weight, len(r.Weights))}
	if rc.FromPlan {
		pr.MonthlyCost = rc.MonthlyCost
	}
	if rc.CostOfHire != nil {
		pr.CostOfHire = rc.CostOfHire
	}
	for _, act := range []placement.Activity{placement.NewBusiness, placement.AccountService} {
		if b := rr.For(act); b.Source == RateFromRecords {
			if pr.Baselines == nil {
				pr.Baselines = map[placement.Activity]float64{}
			}
			pr.Baselines[act] = b.Rate
		}
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
	if p.Kind == rolefit.Staff && p.CurrentRoleID != nil {
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

// PersonRef names a person.
type PersonRef struct {
	ID, Name string
}
