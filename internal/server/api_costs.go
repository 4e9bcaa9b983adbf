package server

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// apiCompPlan is one role's compensation plan in the API; Plan and
// Summary are null for a role without one.
type apiCompPlan struct {
	RoleID      string            `json:"role_id"`
	RoleName    string            `json:"role_name"`
	MonthlyCost float64           `json:"role_monthly_cost"`
	Plan        *econ.CompPlan    `json:"plan"`
	Summary     *econ.PlanSummary `json:"summary"`
}

func apiCompPlanOf(rp app.RolePlan) apiCompPlan {
	return apiCompPlan{RoleID: rp.Role.ID, RoleName: rp.Role.Name, MonthlyCost: rp.Role.MonthlyCost, Plan: rp.Plan, Summary: rp.Summary}
}

// apiCompPlans is the body of GET /api/v1/comp-plans: a list, with the
// stored figures its figures leave out.
type apiCompPlans struct {
	listResponse[apiCompPlan]
	Problems []apiProblem `json:"problems"`
}

// handleAPICompPlans is GET /api/v1/comp-plans: every role's plan with
// its figures at ?attainment= (default 1, 100% of quota).
func handleAPICompPlans(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		attainment := app.DefaultAttainment
		if raw := strings.TrimSpace(c.Query("attainment")); raw != "" {
			a, err := quantity.Parse(raw)
			if err != nil {
				return errs.InvalidFields("Please correct the attainment.", map[string]string{"attainment": err.Error() + " (1 = 100% of quota)"})
			}
			attainment = a
		}
		plans, err := uc.CompPlans(c.UserContext(), actorOf(c), attainment)
		if err != nil {
			return err
		}
		out := apiCompPlans{listResponse: listResponse[apiCompPlan]{Items: make([]apiCompPlan, len(plans.Roles))},
			Problems: apiProblemsOf(plans.Problems)}
		for i, rp := range plans.Roles {
			out.Items[i] = apiCompPlanOf(rp)
		}
		return c.JSON(out)
	}
}

// apiCompPlanBody is the body of POST /api/v1/comp-plans.
type apiCompPlanBody struct {
	RoleID string `json:"role_id"`
	econ.CompPlan
}

// handleAPICompPlanSet is POST /api/v1/comp-plans: set a role's plan,
// replacing the one it had. A role_id that is not the organisation's is
// invalid, as for any field.
func handleAPICompPlanSet(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var b apiCompPlanBody
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
		rp, err := uc.SetCompPlan(c.UserContext(), actorOf(c), b.RoleID, b.CompPlan)
		if errs.Code(err) == errs.CodeNotFound {
			return errs.InvalidFields("There is no such role.", map[string]string{"role_id": "is not one of your organisation's roles"})
		}
		if err != nil {
			return err
		}
		return c.JSON(apiCompPlanOf(*rp))
	}
}

// apiHiringPeriod is a recorded period with its cost per hire.
type apiHiringPeriod struct {
	ID                    string           `json:"id"`
	RoleID                *string          `json:"role_id"`
	FromMonth             string           `json:"from_month"`
	ToMonth               string           `json:"to_month"`
	Items                 []econ.CostItem  `json:"items"`
	Hires                 int              `json:"hires"`
	FirstYearCompensation float64          `json:"first_year_compensation"`
	Note                  string           `json:"note"`
	CreatedAt             string           `json:"created_at"`
	CostPerHire           econ.CostPerHire `json:"cost_per_hire"`
}

func apiHiringPeriodOf(pc app.PeriodCost) apiHiringPeriod {
	p := pc.Period
	out := apiHiringPeriod{ID: p.ID, RoleID: p.RoleID, FromMonth: p.FromMonth, ToMonth: p.ToMonth, Hires: p.Hires,
		FirstYearCompensation: p.FirstYearCompensation, Note: p.Note, CreatedAt: p.CreatedAt.UTC().Format(time.RFC3339),
		CostPerHire: pc.Cost, Items: make([]econ.CostItem, len(p.Items))}
	for i, it := range p.Items {
		out.Items[i] = econ.CostItem{Category: econ.Category(it.Category), Amount: it.Amount, Note: it.Note}
	}
	return out
}

// apiRoleHireCost is a role's total cost of a hire.
type apiRoleHireCost struct {
	RoleID      string             `json:"role_id"`
	RoleName    string             `json:"role_name"`
	CPHSource   string             `json:"cost_per_hire_source"`
	CostPerHire econ.CostPerHire   `json:"cost_per_hire"`
	Input       econ.HireCost      `json:"input"`
	Total       econ.TotalHireCost `json:"total_cost_of_hire"`
}

// apiHiringCosts is the body of GET /api/v1/hiring-costs.
type apiHiringCosts struct {
	Periods     []apiHiringPeriod `json:"periods"`
	Overall     econ.CostPerHire  `json:"overall"`
	Roles       []apiRoleHireCost `json:"roles"`
	GrossMargin float64           `json:"gross_margin"`
	Problems    []apiProblem      `json:"problems"`
}

// handleAPIHiringCosts is GET /api/v1/hiring-costs: every period with its
// cost per hire, all together, and each role's total cost of a hire.
func handleAPIHiringCosts(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		rep, err := uc.HiringCosts(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		out := apiHiringCosts{Overall: rep.Overall, GrossMargin: rep.GrossMargin, Periods: make([]apiHiringPeriod, len(rep.Periods)),
			Roles: make([]apiRoleHireCost, len(rep.Roles)), Problems: apiProblemsOf(rep.Problems)}
		for i, pc := range rep.Periods {
			out.Periods[i] = apiHiringPeriodOf(pc)
		}
		for i, rc := range rep.Roles {
			in := rc.Input
			if in.Ramp == nil {
				in.Ramp = []float64{}
			}
			out.Roles[i] = apiRoleHireCost{RoleID: rc.Role.ID, RoleName: rc.Role.Name, CPHSource: rc.CPHSource, CostPerHire: rc.CPH,
				Input: in, Total: rc.Total}
		}
		return c.JSON(out)
	}
}

// apiHiringBody is the body of POST /api/v1/hiring-costs.
type apiHiringBody struct {
	RoleID                string          `json:"role_id"`
	FromMonth             string          `json:"from_month"`
	ToMonth               string          `json:"to_month"`
	Items                 []econ.CostItem `json:"items"`
	Hires                 int             `json:"hires"`
	FirstYearCompensation float64         `json:"first_year_compensation"`
	Note                  string          `json:"note"`
}

// handleAPIHiringRecord is POST /api/v1/hiring-costs: record a period.
func handleAPIHiringRecord(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var b apiHiringBody
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
		pc, err := uc.RecordHiringCosts(c.UserContext(), actorOf(c), app.HiringInput{RoleID: b.RoleID, FromMonth: b.FromMonth,
			ToMonth: b.ToMonth, Items: b.Items, Hires: b.Hires, FirstYearCompensation: b.FirstYearCompensation, Note: b.Note})
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiHiringPeriodOf(*pc))
	}
}

// apiExposure is the body of GET /api/v1/exposure.
type apiExposure struct {
	Margin  float64             `json:"gross_margin"`
	Revenue float64             `json:"new_business_revenue"`
	Sellers []apiSellerExposure `json:"sellers"`
}

type apiSellerExposure struct {
	PersonID          string  `json:"person_id"`
	Name              string  `json:"name"`
	Months            int     `json:"months"`
	Revenue           float64 `json:"new_business_revenue"`
	Share             float64 `json:"share"`
	GrossProfitAtRisk float64 `json:"gross_profit_at_risk"`
	// SplitCostAMonth is the cost of the seller's split between selling
	// and serving (GET /api/v1/people/{id}/split), null when they serve
	// no accounts.
	SplitCostAMonth *float64 `json:"split_cost_a_month"`
}

// handleAPIExposure is GET /api/v1/exposure: each seller's share of
// new-business revenue a month and the gross profit at risk with them.
func handleAPIExposure(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ex, err := uc.Exposure(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		out := apiExposure{Margin: ex.Margin, Revenue: ex.Revenue, Sellers: make([]apiSellerExposure, len(ex.Sellers))}
		for i, s := range ex.Sellers {
			out.Sellers[i] = apiSellerExposure{PersonID: s.ID, Name: s.Name, Months: s.Months, Revenue: s.Revenue, Share: s.Share,
				GrossProfitAtRisk: s.GrossProfitAtRisk}
			if s.Split != nil {
				v := cents(s.Split.CostAMonth)
				out.Sellers[i].SplitCostAMonth = &v
			}
		}
		return c.JSON(out)
	}
}
