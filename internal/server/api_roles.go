package server

import (
	"cmp"
	"rolefit"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// apiRole is a placement role in the API. The profile is an object of
// scale or composite ID to weight.
type apiRole struct {
	ID               string             `json:"id"`
	Name             string             `json:"name"`
	Activity         string             `json:"activity"`
	NewBusinessShare float64            `json:"new_business_share"`
	Profile          map[string]float64 `json:"profile"`
	SeatsMin         int                `json:"seats_min"`
	SeatsMax         int                `json:"seats_max"`
	HoursPerMonth    float64            `json:"hours_per_month"`
	BaselineRate     float64            `json:"baseline_rate"`
	MonthlyCost      float64            `json:"monthly_cost"`
	// RateSource says where the baseline placement uses comes from:
	// "records" (ObservedRate, the median observed rate of the role's
	// staff) or "entered" (BaselineRate); ObservedRate is null when
	// entered.
	RateSource   string   `json:"rate_source"`
	ObservedRate *float64 `json:"observed_rate"`
	// CostAMonth is what every page charges a month for a person in the
	// role: the compensation plan's loaded cost where the role has one
	// (CostSource "plan"), else MonthlyCost ("entered").
	CostAMonth float64 `json:"cost_a_month"`
	CostSource string  `json:"cost_source"`
	// TargetSource says where the profile came from: "entered" or
	// "job_questionnaire" (a job questionnaire's proposal a manager
	// accepted).
	TargetSource string `json:"target_source"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

func apiRoleOf(f app.RoleFigures) apiRole {
	r := f.Role
	out := apiRole{TargetSource: r.TargetSource, RateSource: f.Source, ObservedRate: f.Observed, CostAMonth: f.Cost.MonthlyCost, CostSource: "entered", ID: r.ID, Name: r.Name, Activity: r.Activity, NewBusinessShare: r.NewBusinessShare, Profile: map[string]float64{},
		SeatsMin: r.SeatsMin, SeatsMax: r.SeatsMax, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate, MonthlyCost: r.MonthlyCost,
		CreatedAt: r.CreatedAt.UTC().Format(time.RFC3339), UpdatedAt: r.UpdatedAt.UTC().Format(time.RFC3339)}
	if f.Cost.FromPlan {
		out.CostSource = "plan"
	}
	for _, w := range r.Weights {
		out.Profile[w.ScaleID] = w.Weight
	}
	return out
}

// apiRoleBody is the body of POST and PATCH /api/v1/roles: every field of
// a role, each optional in a PATCH.
type apiRoleBody struct {
	Name             *string            `json:"name"`
	Activity         *string            `json:"activity"`
	NewBusinessShare *float64           `json:"new_business_share"`
	Profile          map[string]float64 `json:"profile"`
	SeatsMin         *int               `json:"seats_min"`
	SeatsMax         *int               `json:"seats_max"`
	HoursPerMonth    *float64           `json:"hours_per_month"`
	BaselineRate     *float64           `json:"baseline_rate"`
	MonthlyCost      *float64           `json:"monthly_cost"`
}

// weights lists a profile object in scale order, so that errors and the
// stored rows do not depend on a map's order; nil stays nil.
func weights(profile map[string]float64) []rolefit.RoleWeight {
	if profile == nil {
		return nil
	}
	out := make([]rolefit.RoleWeight, 0, len(profile))
	for id, w := range profile {
		out = append(out, rolefit.RoleWeight{ScaleID: id, Weight: w})
	}
	slices.SortFunc(out, func(a, b rolefit.RoleWeight) int { return cmp.Compare(a.ScaleID, b.ScaleID) })
	return out
}

func (b apiRoleBody) patch() app.RolePatch {
	return app.RolePatch{Name: b.Name, Activity: b.Activity, NewBusinessShare: b.NewBusinessShare, SeatsMin: b.SeatsMin,
		SeatsMax: b.SeatsMax, HoursPerMonth: b.HoursPerMonth, BaselineRate: b.BaselineRate, MonthlyCost: b.MonthlyCost,
		Profile: weights(b.Profile)}
}

// input is the body as a whole role, a missing field standing for its
// zero (so a missing name or activity is reported as such).
func (b apiRoleBody) input() rolefit.RoleInput {
	in := rolefit.RoleInput{Weights: weights(b.Profile)}
	deref(&in.Name, b.Name)
	deref(&in.Activity, b.Activity)
	deref(&in.NewBusinessShare, b.NewBusinessShare)
	deref(&in.SeatsMin, b.SeatsMin)
	deref(&in.SeatsMax, b.SeatsMax)
	deref(&in.HoursPerMonth, b.HoursPerMonth)
	deref(&in.BaselineRate, b.BaselineRate)
	deref(&in.MonthlyCost, b.MonthlyCost)
	return in
}

func deref[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

// handleAPIRoles is GET /api/v1/roles: every role, by name. An
// organisation has tens of roles, not thousands, so the list is one page.
func handleAPIRoles(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		fs, _, err := uc.RoleFigures(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		out := listResponse[apiRole]{Items: make([]apiRole, len(fs))}
		for i, f := range fs {
			out.Items[i] = apiRoleOf(f)
		}
		return c.JSON(out)
	}
}

// roleReply answers with one role and its figures (app.RoleFigure).
func roleReply(c *fiber.Ctx, uc *app.App, status int, id string) error {
	f, err := uc.RoleFigure(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.Status(status).JSON(apiRoleOf(*f))
}

// handleAPIRoleCreate is POST /api/v1/roles.
func handleAPIRoleCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var b apiRoleBody
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
		r, err := uc.CreateRole(c.UserContext(), actorOf(c), b.input())
		if err != nil {
			return err
		}
		return roleReply(c, uc, fiber.StatusCreated, r.ID)
	}
}

// handleAPIRole is GET /api/v1/roles/{id}.
func handleAPIRole(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return roleReply(c, uc, fiber.StatusOK, c.Params("id"))
	}
}

// handleAPIRolePatch is PATCH /api/v1/roles/{id}: the fields sent change,
// the others stay; a profile sent replaces the whole profile.
func handleAPIRolePatch(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		// Look the role up first, so another organisation's ID is "not
		// found" whatever the body says.
		if _, err := uc.Role(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		var b apiRoleBody
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
		r, err := uc.PatchRole(c.UserContext(), actorOf(c), c.Params("id"), b.patch())
		if err != nil {
			return err
		}
		return roleReply(c, uc, fiber.StatusOK, r.ID)
	}
}

// handleAPIRoleDelete is DELETE /api/v1/roles/{id}.
func handleAPIRoleDelete(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.DeleteRole(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusNoContent)
	}
}
