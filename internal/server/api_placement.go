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
	// DefaultAssumptions is true while the organisation has no placement
	// settings of its own.
	DefaultAssumptions bool `json:"default_assumptions"`
}

type apiRoleOutcome struct {
	Name string `json:"name"`
	placement.RoleOutcome
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
			Pins: []placement.PinOutcome{}, Assumptions: tp.Assumptions, DefaultAssumptions: tp.DefaultAssumptions}
		if p := tp.Plan; p != nil {
			out.Total, out.TotalValue, out.People, out.Pins = p.Total, p.TotalValue, p.People, p.Pins
			for _, pl := range p.People {
				out.Assignment[pl.PersonID] = pl.RoleID
			}
			for _, r := range p.Roles {
				out.Roles = append(out.Roles, apiRoleOutcome{Name: tp.RoleName(r.RoleID), RoleOutcome: r})
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
}

type apiRoleFit struct {
	RoleID    string              `json:"role_id"`
	RoleName  string              `json:"role_name"`
	Valuation placement.Valuation `json:"valuation"`
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
			RecommendedRoleID: pf.Recommended, Placed: pf.Placed, Roles: make([]apiRoleFit, len(pf.Roles)), Assumptions: pf.Assumptions}
		for i, rf := range pf.Roles {
			out.Roles[i] = apiRoleFit{RoleID: rf.Role.ID, RoleName: rf.Role.Name, Valuation: rf.Valuation}
		}
		return c.JSON(out)
	}
}
