package placement

import (
	"context"
	"fmt"
	"slices"

	"rolefit/internal/errs"
)

// Pin fixes a person to a role.
type Pin struct {
	PersonID string `json:"person_id"`
	RoleID   string `json:"role_id"`
}

// Cell names a person and a role, such as a placement a manager has ruled
// out.
type Cell struct {
	PersonID string `json:"person_id"`
	RoleID   string `json:"role_id"`
}

// Team is everything a team placement needs.
type Team struct {
	Roles       []Role      `json:"roles"`
	People      []Person    `json:"people"`
	Assumptions Assumptions `json:"assumptions"`
	Pins        []Pin       `json:"pins,omitempty"`
	// Forbidden lists placements that may not be made.
	Forbidden []Cell `json:"forbidden,omitempty"`
	// Scales, when not nil, is every scale ID a profile may name; a profile
	// naming another is invalid.
	Scales []string `json:"scales,omitempty"`
}

// Placement is one person's recommendation.
type Placement struct {
	PersonID string `json:"person_id"`
	Name     string `json:"name"`
	Kind     Kind   `json:"kind"`
	// RoleID is the recommended role, "" for not placed.
	RoleID string `json:"role_id"`
	// CurrentRoleID is the staff member's role today; Changed is true when
	// the recommendation differs from it (for staff only).
	CurrentRoleID string `json:"current_role_id,omitempty"`
	Changed       bool   `json:"changed"`
	// Net is the person's Valuation.Net in the recommended role (0 when not
	// placed).
	Net float64 `json:"net"`
	// NextRoleID is the other role that costs the team least to move the
	// person to, "" when no other role is possible. Move is that cost with
	// everyone else re-optimised (Change.Value is the change of the team's
	// total a month); OwnDifference is the person's own Net there minus
	// Net here, with nobody else moved.
	NextRoleID    string  `json:"next_role_id,omitempty"`
	Move          Change  `json:"move"`
	OwnDifference float64 `json:"own_difference"`
	// CostOfHire and Payback are, for a candidate placed, their
	// Valuation's in the recommended role: what hiring them costs and the
	// months of value that pay it back (0 when there is nothing to pay
	// back).
	CostOfHire float64 `json:"cost_of_hire,omitempty"`
	Payback    float64 `json:"payback,omitempty"`
}

// RoleOutcome is one role's side of a plan.
type RoleOutcome struct {
	RoleID string `json:"role_id"`
	Seats  Seats  `json:"seats"`
	Filled int    `json:"filled"`
	// OneMore and OneFewer are the changes of the optimum with one seat
	// more or fewer (the maximum), everyone re-optimised.
	OneMore  Change `json:"one_more"`
	OneFewer Change `json:"one_fewer"`
}

// PinOutcome is what a pin costs: the optimum with every pin minus the
// optimum without this one.
type PinOutcome struct {
	Pin  Pin    `json:"pin"`
	Cost Change `json:"cost"`
}

// Plan is an optimal team placement with its explanations.
type Plan struct {
	// Total is the sum of Net over the people placed: the value the plan
	// maximises. TotalValue is the sum of Value (before hire costs).
	Total      float64       `json:"total"`
	TotalValue float64       `json:"total_value"`
	People     []Placement   `json:"people"`
	Roles      []RoleOutcome `json:"roles"`
	Pins       []PinOutcome  `json:"pins"`

	team   Team
	sol    *Solution
	person map[string]int
	role   map[string]int
}

// Solve finds the optimal team placement (internal/placement/doc.go): one role or
// none per person, maximising the sum of Net within every role's seats.
// The rules, in order of precedence:
//
//  1. every role gets at least its minimum and at most its maximum, and
//     every pin is kept; if that is impossible, an errs invalid error names
//     the role or pin;
//  2. as many staff as possible are placed ("staff are placed while seats
//     allow"), whatever their value, even a negative one;
//  3. the total Net is as large as possible.
//
// A candidate may take a role only where Net (value less cost of hire per
// month of the payback period) is positive, so a candidate is placed only
// when hiring them adds value. A pin overrides this rule (not Forbidden);
// such a pin can then raise the total, for example by filling a minimum
// that otherwise takes a better person away from another role, and its
// cost is found by solving again without it. A cell with no basis for a
// value (no fit, no observed rate) is not allowed.
//
// The same team, in the same order, always gives the same plan. Solve does
// not change t; the plan keeps it to answer Valuation and WhatIf. See
// SolveMatrix for the method. A plan is not changed after Solve returns
// it, so any number of goroutines may read it at once.
func Solve(t Team) (*Plan, error) {
	return SolveContext(context.Background(), t)
}

// SolveContext is Solve that stops when ctx ends (a request's deadline),
// with an errs timeout error, rather than running to the end.
func SolveContext(ctx context.Context, t Team) (*Plan, error) {
	r, err := RouteContext(ctx, t)
	if err != nil {
		return nil, err
	}
	return r.Plan(ctx)
}

// indexOf indexes a team's people and roles by ID; the maps are only read
// once made, so plans of one team share them.
func indexOf(t Team) (person, role map[string]int) {
	person, role = make(map[string]int, len(t.People)), make(map[string]int, len(t.Roles))
	for i, p := range t.People {
		person[p.ID] = i
	}
	for j, r := range t.Roles {
		role[r.ID] = j
	}
	return person, role
}

// row is the solver's row of a person: their Net in each role, NaN where
// they may not take it.
func (t *Team) row(p Person) []float64 {
	row := make([]float64, len(t.Roles))
	t.fillRow(p, row)
	return row
}

func (t *Team) forbids(person, role string) bool {
	for _, c := range t.Forbidden {
		if c.PersonID == person && c.RoleID == role {
			return true
		}
	}
	return false
}

// explainCheckEvery is how many people's lines explain makes between two
// looks at the context: each costs O(roles).
const explainCheckEvery = 1024

// explain fills the plan's figures and explanations from the solution. It
// computes the residual graph first, so that a finished plan is only
// read, never written, by the questions asked of it later.
func (plan *Plan) explain(ctx context.Context) error {
	t, s := &plan.team, plan.sol
	if _, err := s.residualContext(ctx); err != nil {
		return err
	}
	plan.Total = s.Total
	plan.People = make([]Placement, len(t.People))
	for i, p := range t.People {
		if i%explainCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return stopped(err, "explaining the plan")
			}
		}
		pl := Placement{PersonID: p.ID, Name: p.Name, Kind: p.Kind, CurrentRoleID: p.CurrentRole}
		if j := s.Role[i]; j != NotPlaced {
			pl.RoleID = t.Roles[j].ID
			pl.Net = s.p.Values[i][j]
			v := value(p, t.Roles[j], t.Assumptions, false)
			plan.TotalValue += v.Value
			pl.CostOfHire, pl.Payback = v.CostOfHire, v.Payback
		}
		pl.Changed = p.Kind == Staff && pl.RoleID != p.CurrentRole
		if next, ch := s.NextBest(i); next >= 0 {
			pl.NextRoleID, pl.Move = t.Roles[next].ID, ch
			pl.OwnDifference = s.p.Values[i][next] - pl.Net
		}
		plan.People[i] = pl
	}
	plan.Roles = make([]RoleOutcome, len(t.Roles))
	for j, r := range t.Roles {
		plan.Roles[j] = RoleOutcome{RoleID: r.ID, Seats: r.Seats, Filled: s.Filled[j], OneMore: s.MoreSeats(j), OneFewer: s.FewerSeats(j)}
	}
	plan.Pins = make([]PinOutcome, len(t.Pins))
	for k, pin := range t.Pins {
		i := plan.person[pin.PersonID]
		plan.Pins[k] = PinOutcome{Pin: pin, Cost: s.PinCost(i)}
		if Value(t.People[i], t.Roles[s.Role[i]], t.Assumptions).Allowed {
			continue
		}
		// The pin overrides the candidate rule: without it the cell is not
		// allowed at all, which the residual graph does not know, so solve
		// the team without this pin.
		without := *t
		without.Pins = slices.Delete(slices.Clone(t.Pins), k, k+1)
		other, err := SolveContext(ctx, without)
		if errs.Code(err) == errs.CodeTimeout {
			return err
		}
		if err != nil {
			plan.Pins[k].Cost = Change{} // without it no plan keeps the minimums: it cannot be removed
			continue
		}
		plan.Pins[k].Cost = Change{Possible: true, Value: plan.Total - other.Total, Priority: s.PriorityPlaced - other.sol.PriorityPlaced}
	}
	return nil
}

// Team returns the team the plan was solved for, to solve it again with a
// change.
func (plan *Plan) Team() Team { return plan.team }

// Valuation is the expected monthly value of a person in a role with every
// assumption behind it, as the plan used it.
func (plan *Plan) Valuation(personID, roleID string) (Valuation, error) {
	i, ok := plan.person[personID]
	if !ok {
		return Valuation{}, errs.NotFound("person " + personID)
	}
	j, ok := plan.role[roleID]
	if !ok {
		return Valuation{}, errs.NotFound("role " + roleID)
	}
	return Value(plan.team.People[i], plan.team.Roles[j], plan.team.Assumptions), nil
}

// WhatIf is the change of the plan's total when the person is moved to the
// role ("" for not placed) and everyone else is re-optimised by the same
// rules. It is exact (Solution.Move); Change.Possible is false when the
// move breaks a minimum or a pin, or the person may not take the role.
func (plan *Plan) WhatIf(personID, roleID string) (Change, error) {
	i, ok := plan.person[personID]
	if !ok {
		return Change{}, errs.InvalidFields("unknown person", map[string]string{"person": fmt.Sprintf("no person %q", personID)})
	}
	j := NotPlaced
	if roleID != "" {
		if j, ok = plan.role[roleID]; !ok {
			return Change{}, errs.InvalidFields("unknown role", map[string]string{"role": fmt.Sprintf("no role %q", roleID)})
		}
	}
	return plan.sol.Move(i, j), nil
}
