package server

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

// pinsOf reads the pins of a request: each ?pin=PERSON:ROLE, in order.
// One that does not have that shape is invalid, named by its position.
func pinsOf(c *fiber.Ctx) ([]placement.Pin, error) {
	var pins []placement.Pin
	f := map[string]string{}
	for k, raw := range c.Context().QueryArgs().PeekMulti("pin") {
		person, role, ok := strings.Cut(strings.TrimSpace(string(raw)), ":")
		if !ok || person == "" || role == "" {
			f[fmt.Sprintf("pins[%d]", k)] = fmt.Sprintf("%q must look like PERSON:ROLE (a person's ID and a role's ID)", raw)
			continue
		}
		pins = append(pins, placement.Pin{PersonID: person, RoleID: role})
	}
	if len(f) > 0 {
		return nil, errs.InvalidFields("A pin is not PERSON:ROLE.", f)
	}
	return pins, nil
}

// apiPlacement is GET /api/v1/placement's answer.
type apiPlacement struct {
	Currency string `json:"currency"`
	// Total is the sum of the placed people's net value a month; TotalValue
	// the same before candidates' cost of hire.
	Total      float64 `json:"total"`
	TotalValue float64 `json:"total_value"`
	// Assignment maps every person with a profile to a role ID, "" for
	// not placed (the shape of rolefit place --format json).
	Assignment map[string]string `json:"assignment"`
	// People and Roles are the explanations: each person's value, next-best
	// role and the cost of moving them; each role's value of a seat more
	// and a seat fewer.
	People      []placement.Placement  `json:"people"`
	Roles       []apiRoleOutcome       `json:"roles"`
	Pins        []placement.PinOutcome `json:"pins"`
	Assumptions placement.Assumptions  `json:"assumptions"`
	// DefaultAssumptions is true while the organisation has not changed
	// the assumptions from rolefit's defaults.
	DefaultAssumptions bool `json:"default_assumptions"`
	// PeopleConsidered is how many people the placement considered,
	// MaxPeople the most it considers with this many roles, and
	// CandidatesLeftOut how many candidates with a profile it left out
	// (those with the oldest profiles).
	PeopleConsidered  int `json:"people_considered"`
	MaxPeople         int `json:"max_people"`
	CandidatesLeftOut int `json:"candidates_left_out"`
	// AwaitingLook are the candidates left out until a manager has
	// looked at their answers, flagged likely careless.
	AwaitingLook []apiPersonRef `json:"awaiting_look"`
	// WhatIf answers ?move=PERSON&to=ROLE (or to=none); absent otherwise.
	WhatIf *apiWhatIf `json:"what_if,omitempty"`
	// Problems are the stored figures the placement left out.
	Problems []apiProblem `json:"problems"`
}

// apiPersonRef names a person.
type apiPersonRef struct {
	PersonID string `json:"person_id"`
	Name     string `json:"name"`
}

// apiWhatIf is the change of the total when one person is moved and
// everyone else is placed anew.
type apiWhatIf struct {
	PersonID string `json:"person_id"`
	// RoleID is "" for not placed.
	RoleID string `json:"role_id"`
	// Same: already recommended there; Pinned: pinned elsewhere.
	Same   bool `json:"same"`
	Pinned bool `json:"pinned"`
	placement.Change
	// Moves is everyone the change moves, the person first; empty when
	// it is not possible or changes nothing.
	Moves []placement.Moved `json:"moves"`
}

type apiRoleOutcome struct {
	Name string `json:"name"`
	placement.RoleOutcome
	// MonthlyCost is what placement charged for a person in the role, and
	// CostSource where it came from: "compensation_plan" (its loaded
	// monthly cost) or "role" (the role's own monthly cost).
	MonthlyCost float64 `json:"monthly_cost"`
	CostSource  string  `json:"cost_source"`
	// CostOfHire is the role's total cost of a hire, charged to a
	// candidate placed in it; null while nothing about hiring for the role
	// is recorded, when the assumptions' cost_of_hire applies.
	CostOfHire *float64 `json:"cost_of_hire"`
}

// roleOutcome is one role's line of the placement API, with its costs.
func roleOutcome(tp *app.TeamPlacement, r placement.RoleOutcome) apiRoleOutcome {
	c := tp.Costs[r.RoleID]
	out := apiRoleOutcome{Name: tp.RoleName(r.RoleID), RoleOutcome: r, MonthlyCost: c.MonthlyCost, CostSource: "role", CostOfHire: c.CostOfHire}
	if c.FromPlan {
		out.CostSource = "compensation_plan"
	}
	return out
}

// handleAPIPlacement is GET /api/v1/placement?pin=PERSON:ROLE….
func handleAPIPlacement(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		pins, err := pinsOf(c)
		if err != nil {
			return err
		}
		ctx, act := c.UserContext(), actorOf(c)
		tp, err := uc.Placement(ctx, act, pins)
		if err != nil {
			return err
		}
		cur, err := uc.Currency(ctx, act)
		if err != nil {
			return err
		}
		out := apiPlacement{Currency: cur, Assignment: map[string]string{}, People: []placement.Placement{}, Roles: []apiRoleOutcome{},
			Pins: []placement.PinOutcome{}, Assumptions: tp.Assumptions, DefaultAssumptions: tp.DefaultAssumptions,
			Problems:         apiProblemsOf(tp.Problems),
			PeopleConsidered: tp.People, MaxPeople: tp.MaxPeople, CandidatesLeftOut: tp.LeftOut, AwaitingLook: []apiPersonRef{}}
		for _, p := range tp.AwaitingLook {
			out.AwaitingLook = append(out.AwaitingLook, apiPersonRef{PersonID: p.ID, Name: p.Name})
		}
		if p := tp.Plan; p != nil {
			out.Total, out.TotalValue, out.People, out.Pins = p.Total, p.TotalValue, p.People, p.Pins
			for _, pl := range p.People {
				out.Assignment[pl.PersonID] = pl.RoleID
			}
			for _, r := range p.Roles {
				out.Roles = append(out.Roles, roleOutcome(tp, r))
			}
		}
		if person := c.Query("move"); person != "" {
			role := c.Query("to")
			if role == notPlacedValue {
				role = ""
			}
			w, err := tp.WhatIf(person, role)
			if err != nil {
				return err
			}
			moves, err := tp.WhatIfMoves(ctx, person, role)
			if err != nil {
				return err
			}
			out.WhatIf = &apiWhatIf{PersonID: w.PersonID, RoleID: w.RoleID, Same: w.Same, Pinned: w.Pinned, Change: w.Change,
				Moves: make([]placement.Moved, len(moves))}
			for i, m := range moves {
				out.WhatIf.Moves[i] = m.Moved
			}
		}
		return c.JSON(out)
	}
}

// apiFit is GET /api/v1/people/{id}/fit's answer.
type apiFit struct {
	PersonID   string `json:"person_id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	HasProfile bool   `json:"has_profile"`
	Currency   string `json:"currency"`
	// RecommendedRoleID is where the team placement puts the person today
	// ("" for not placed); Placed is false when there is no placement.
	RecommendedRoleID string                `json:"recommended_role_id"`
	Placed            bool                  `json:"placed"`
	Roles             []apiRoleFit          `json:"roles"`
	Assumptions       placement.Assumptions `json:"assumptions"`
	// TeamSize is how many people today's team had: the staff with a
	// profile, and this person. InTeam is the person's line of its
	// placement and Why the reason for it; both null when Placed is false.
	TeamSize int                  `json:"team_size"`
	InTeam   *placement.Placement `json:"in_team"`
	Why      *apiWhy              `json:"why"`
	// Problems are the stored figures the figures left out.
	Problems []apiProblem `json:"problems"`
	// AwaitsLook is true while the person's latest answers are flagged
	// likely careless and no manager has looked at them: the roles carry
	// no valuation, and a candidate is not placed.
	AwaitsLook bool `json:"awaits_look"`
}

// apiWhy says why a person is placed where they are in today's team, or
// not placed (app.TeamReason).
type apiWhy struct {
	// Code is "placed", "no_role" or "better_filled".
	Code string `json:"code"`
	// RoleID is the next-best role of a placed person or the best role of
	// one not placed; Change what moving them there changes.
	RoleID string           `json:"role_id"`
	Change placement.Change `json:"change"`
	Detail string           `json:"detail,omitempty"`
}

type apiRoleFit struct {
	RoleID   string `json:"role_id"`
	RoleName string `json:"role_name"`
	// Valuation is null while the person's answers await a look
	// (apiFit.AwaitsLook): rolefit puts no money on them until then.
	Valuation *placement.Valuation `json:"valuation"`
}

// handleAPIFit is GET /api/v1/people/{id}/fit.
func handleAPIFit(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ctx, act := c.UserContext(), actorOf(c)
		pf, err := uc.Fit(ctx, act, c.Params("id"))
		if err != nil {
			return err
		}
		cur, err := uc.Currency(ctx, act)
		if err != nil {
			return err
		}
		out := apiFit{PersonID: pf.PersonID, Name: pf.Name, Kind: string(pf.Kind), HasProfile: pf.HasProfile, Currency: cur,
			RecommendedRoleID: pf.Recommended, Placed: pf.Placed, Roles: make([]apiRoleFit, len(pf.Roles)), Assumptions: pf.Assumptions,
			TeamSize: pf.TeamSize, InTeam: pf.InTeam, Problems: apiProblemsOf(pf.Problems)}
		if w := pf.Why; w != nil {
			out.Why = &apiWhy{Code: w.Code, RoleID: w.RoleID, Change: w.Change, Detail: w.Detail}
		}
		for i, rf := range pf.Roles {
			out.Roles[i] = apiRoleFit{RoleID: rf.Role.ID, RoleName: rf.Role.Name}
			if !pf.AwaitsLook {
				out.Roles[i].Valuation = &rf.Valuation
			}
		}
		if out.AwaitsLook = pf.AwaitsLook; out.AwaitsLook {
			out.InTeam, out.Why = nil, nil
		}
		return c.JSON(out)
	}
}
