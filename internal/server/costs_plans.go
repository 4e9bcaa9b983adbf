package server

import (
	"maps"
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// plansPage is the compensation plans page: every role's plan side by
// side at one attainment, and the form to set a role's plan.
type plansPage struct {
	Rows     []planRow
	Roles    []app.RolePlan
	Currency string
	// Attainment is as typed; Percent is the attainment in force as a
	// percentage, for the column headings.
	Attainment, Percent string
}

// planRow is one role's plan formatted; Has is false for a role without
// a plan.
type planRow struct {
	RoleID, Role, Has                                  string
	Base, Variable, OTE, Mix, Basis, Rate, Quota, Load string
	Monthly, RoleMonthly, AnnualAt, PerRevenue         string
	HasPlan                                            bool
}

// planNumbers are the number boxes of the plan form.
var planNumbers = []string{"base", "target_variable", "quota", "benefits_load"}

// handleCompPlans is the compensation plans page. ?attainment= sets the
// attainment of the last two columns (1 = 100% of quota); ?role= fills the
// form with that role's plan.
func handleCompPlans(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		v := pageView(c, rnd.english.T("costs_plans.title"), "costs")
		return renderPlans(c, uc, rnd, fiber.StatusOK, v, c.Query("role"))
	}
}

// renderPlans shows the plans page with status and whatever v holds; the
// form is filled with the plan of role editing unless v.Form is set.
func renderPlans(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, editing string) error {
	ctx, act := c.UserContext(), actorOf(c)
	cur, err := uc.Currency(ctx, act)
	if err != nil {
		return err
	}
	m := moneyIn(cur)
	raw := strings.TrimSpace(c.Query("attainment"))
	attainment := app.DefaultAttainment
	if raw != "" {
		a, err := quantity.ParseShare(raw)
		if err != nil {
			a = math.NaN()
		}
		attainment = a
	}
	plans, err := uc.CompPlans(ctx, act, attainment)
	if errs.Code(err) == errs.CodeInvalid && status == fiber.StatusOK {
		v.Message = rnd.english.T("costs_plans.message.attainment")
		v.Errors = map[string]string{"attainment": rnd.english.T("costs_plans.error.attainment", quantity.Attainment.Rule())}
		status, attainment = fiber.StatusBadRequest, app.DefaultAttainment
		plans, err = uc.CompPlans(ctx, act, attainment)
	}
	if err != nil {
		return err
	}
	v.Stored = plans.Problems
	page := plansPage{Roles: plans.Roles, Currency: cur, Attainment: raw, Percent: percent(attainment)}
	for _, rp := range plans.Roles {
		row := planRow{RoleID: rp.Role.ID, Role: rp.Role.Name, RoleMonthly: m.Whole(rp.Role.MonthlyCost)}
		if p, s := rp.Plan, rp.Summary; p != nil {
			row.HasPlan = true
			row.Base, row.Variable, row.OTE = m.Whole(p.Base), m.Whole(p.TargetVariable), m.Whole(s.OTE)
			row.Mix = percent(s.BaseShare) + " / " + percent(s.VariableShare)
			row.Basis, row.Quota, row.Load = string(p.Basis), m.Whole(p.Quota), formatInput(s.BenefitsLoad)
			if p.Quota == 0 {
				row.Quota = rnd.english.T("costs_plans.none")
			}
			row.Rate = rnd.english.T("costs_plans.none")
			if s.CommissionRate > 0 {
				row.Rate = rnd.english.T("costs_plans.rate.commission", strconv.FormatFloat(100*s.CommissionRate, 'f', 1, 64))
			} else if p.Basis == econ.Bonus && p.TargetVariable > 0 {
				row.Rate = rnd.english.T("costs_plans.rate.bonus", m.Whole(p.TargetVariable))
			}
			row.Monthly, row.AnnualAt = m.Whole(s.LoadedMonthlyCost), m.Whole(s.AnnualCostAt)
			row.PerRevenue = rnd.english.T("costs_plans.no_quota")
			if s.CostPerRevenue != nil {
				row.PerRevenue = m.prefix + strconv.FormatFloat(*s.CostPerRevenue, 'f', 3, 64)
			}
		}
		page.Rows = append(page.Rows, row)
		if v.Form == nil && rp.Role.ID == editing {
			v.Form = map[string]string{"role_id": rp.Role.ID, "basis": string(econ.Commission), "benefits_load": formatInput(econ.DefaultBenefitsLoad)}
			if p := rp.Plan; p != nil {
				v.Form["base"], v.Form["target_variable"], v.Form["quota"] = formatInput(p.Base), formatInput(p.TargetVariable), formatInput(p.Quota)
				v.Form["basis"], v.Form["benefits_load"] = string(p.Basis), formatInput(p.Load())
			}
		}
	}
	if v.Form == nil {
		v.Form = map[string]string{"basis": string(econ.Commission), "benefits_load": formatInput(econ.DefaultBenefitsLoad)}
		if len(plans.Roles) > 0 {
			v.Form["role_id"] = plans.Roles[0].Role.ID
		}
	}
	v.Data = page
	return rnd.render(c, status, "costs_plans", v)
}

// handleCompPlanSave sets a role's plan from the form; bad input shows the
// page again with each problem beside its box and the values as typed.
func handleCompPlanSave(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		typed := map[string]string{"role_id": c.FormValue("role_id"), "basis": c.FormValue("basis")}
		bad := map[string]string{}
		num := map[string]float64{}
		for _, name := range planNumbers {
			s := strings.TrimSpace(c.FormValue(name))
			typed[name] = s
			if s == "" {
				continue // 0, or for the load the default
			}
			x, err := quantity.Parse(s)
			if err != nil {
				bad[name], x = err.Error(), math.NaN()
			}
			num[name] = x
		}
		p := econ.CompPlan{Base: num["base"], TargetVariable: num["target_variable"], Basis: econ.VariableBasis(typed["basis"]),
			Quota: num["quota"], BenefitsLoad: num["benefits_load"]}
		rp, err := uc.SetCompPlan(c.UserContext(), actorOf(c), typed["role_id"], p)
		if errs.Code(err) == errs.CodeNotFound {
			err = errs.InvalidFields(rnd.english.T("costs_hiring.error.no_role"), map[string]string{"role_id": rnd.english.T("costs_hiring.error.choose_role")})
		}
		if code := errs.Code(err); code == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("costs_plans.title"), "costs")
			v.Message, v.Errors, v.Form = errs.Message(err), map[string]string{}, typed
			maps.Copy(v.Errors, errs.FieldsOf(err))
			for k, msg := range bad {
				v.Errors[k] = msg
			}
			return renderPlans(c, uc, rnd, fiber.StatusBadRequest, v, "")
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("costs_plans.flash.saved", rp.Role.Name))
		return c.Redirect("/costs/plans", fiber.StatusSeeOther)
	}
}
