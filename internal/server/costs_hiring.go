package server

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/internal/quantity"
)

// hiringPage is the hiring costs page: the periods recorded with their
// cost per hire, each role's total cost of a hire, and the forms to record
// a period and to set a role's days to fill and ramp-up.
type hiringPage struct {
	Currency   string
	Periods    []periodRow
	Overall    string
	OverallRCR string
	Roles      []hireRow
	Categories []categoryBox
	RoleNames  []roleOption
	Margin     string
}

type roleOption struct{ ID, Name string }

// categoryBox is one cost category's box in the form.
type categoryBox struct {
	Name, Label string
	External    bool
}

type periodRow struct {
	Months, Role, External, Internal, Total, CPH, Ratio, Note string
	Hires                                                     int
	Items                                                     []string
}

type hireRow struct {
	ID, Role, CPH, CPHSource, Days, Ramp, GrossProfit, Vacancy, RampCost, Total string
}

// categoryLabel says a cost category in words.
func categoryLabel(p *i18n.Printer, c econ.Category) string {
	switch c {
	case econ.Advertising:
		return p.T("costs_hiring.category.advertising")
	case econ.AgencyFees:
		return p.T("costs_hiring.category.agency_fees")
	case econ.ReferralAwards:
		return p.T("costs_hiring.category.referral_awards")
	case econ.BackgroundChecks:
		return p.T("costs_hiring.category.background_checks")
	case econ.Assessments:
		return p.T("costs_hiring.category.assessments")
	case econ.Travel:
		return p.T("costs_hiring.category.travel")
	case econ.Relocation:
		return p.T("costs_hiring.category.relocation")
	case econ.SignOnBonus:
		return p.T("costs_hiring.category.sign_on_bonus")
	case econ.OtherExternal:
		return p.T("costs_hiring.category.other_external")
	case econ.RecruiterTime:
		return p.T("costs_hiring.category.recruiter_time")
	case econ.InterviewerTime:
		return p.T("costs_hiring.category.interviewer_time")
	case econ.HiringManagerTime:
		return p.T("costs_hiring.category.hiring_manager_time")
	case econ.RecruitingSystems:
		return p.T("costs_hiring.category.recruiting_systems")
	case econ.OtherInternal:
		return p.T("costs_hiring.category.other_internal")
	}
	return string(c)
}

// handleHiringCosts is the hiring costs page.
func handleHiringCosts(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderHiring(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("costs_hiring.title"), "costs"))
	}
}

func renderHiring(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view) error {
	ctx, act := c.UserContext(), actorOf(c)
	cur, err := uc.Currency(ctx, act)
	if err != nil {
		return err
	}
	rep, err := uc.HiringCosts(ctx, act)
	if err != nil {
		return err
	}
	v.Stored = rep.Problems
	m := moneyIn(cur)
	page := hiringPage{Currency: cur, Overall: m.Whole(rep.Overall.CPH), OverallRCR: ratio(rep.Overall.RecruitingCostRatio),
		Margin: percent(rep.GrossMargin)}
	for _, cat := range econ.Categories() {
		page.Categories = append(page.Categories, categoryBox{Name: "cost." + string(cat), Label: categoryLabel(rnd.english, cat), External: cat.External()})
	}
	names := rep.RoleNames
	for _, rc := range rep.Roles {
		page.RoleNames = append(page.RoleNames, roleOption{rc.Role.ID, rc.Role.Name})
		var src string
		switch rc.CPHSource {
		case "role":
			src = rnd.english.T("costs_hiring.source.role")
		case "organisation":
			src = rnd.english.T("costs_hiring.source.organisation")
		case "none":
			src = rnd.english.T("costs_hiring.source.none")
		}
		ramp := rnd.english.T("costs_hiring.ramp.none")
		if len(rc.Hiring.Ramp) > 0 {
			parts := make([]string, len(rc.Hiring.Ramp))
			for i, p := range rc.Hiring.Ramp {
				parts[i] = percent(p)
			}
			ramp = strings.Join(parts, ", ")
		}
		page.Roles = append(page.Roles, hireRow{ID: rc.Role.ID, Role: rc.Role.Name, CPH: m.Whole(rc.CPH.CPH), CPHSource: src,
			Days: oneDecimal(rc.Hiring.DaysToFill), Ramp: ramp, GrossProfit: m.Whole(rc.Input.MonthlyGrossProfit),
			Vacancy: m.Whole(rc.Total.Vacancy), RampCost: m.Whole(rc.Total.Ramp), Total: m.Whole(rc.Total.Total)})
	}
	for i := len(rep.Periods) - 1; i >= 0; i-- { // newest first
		pc := rep.Periods[i]
		p := pc.Period
		role := rnd.english.T("costs_hiring.periods.whole")
		if p.RoleID != nil {
			role = names[*p.RoleID]
		}
		months := p.FromMonth
		if p.ToMonth != p.FromMonth {
			months = rnd.english.T("costs_hiring.periods.months", p.FromMonth, p.ToMonth)
		}
		row := periodRow{Months: months, Role: role, Hires: p.Hires, External: m.Whole(pc.Cost.External), Internal: m.Whole(pc.Cost.Internal),
			Total: m.Whole(pc.Cost.Total), CPH: m.Whole(pc.Cost.CPH), Ratio: ratio(pc.Cost.RecruitingCostRatio), Note: p.Note}
		for _, ct := range pc.Cost.ByCategory {
			row.Items = append(row.Items, rnd.english.T("costs_hiring.periods.item", categoryLabel(rnd.english, ct.Category), m.Whole(ct.Amount)))
		}
		page.Periods = append(page.Periods, row)
	}
	if v.Form == nil {
		v.Form = map[string]string{"hires": "1"}
	}
	v.Data = page
	return rnd.render(c, status, "costs_hiring", v)
}

func ratio(r *float64) string {
	if r == nil {
		return "—"
	}
	return strconv.FormatFloat(*r, 'f', 1, 64) + "%"
}

// handleHiringRecord records a period of hiring from the form. The form
// has a box per category; the use case's item errors ("items.2.amount")
// are put back on the boxes they came from.
func handleHiringRecord(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		in := app.HiringInput{RoleID: c.FormValue("role_id"), FromMonth: c.FormValue("from_month"), ToMonth: c.FormValue("to_month"),
			Note: c.FormValue("note")}
		typed := map[string]string{"role_id": in.RoleID, "from_month": in.FromMonth, "to_month": in.ToMonth, "note": in.Note}
		bad := map[string]string{}
		var boxes []string // the box of each item, by item index
		for _, cat := range econ.Categories() {
			name := "cost." + string(cat)
			s := strings.TrimSpace(c.FormValue(name))
			typed[name] = s
			if s == "" {
				continue
			}
			x, err := quantity.Parse(s)
			if err != nil {
				bad[name], x = err.Error(), math.NaN()
			}
			in.Items = append(in.Items, econ.CostItem{Category: cat, Amount: x})
			boxes = append(boxes, name)
		}
		if s := strings.TrimSpace(c.FormValue("hires")); s != "" {
			typed["hires"] = s
			n, err := quantity.ParseWhole(s)
			if err != nil {
				bad["hires"], n = err.Error(), -1 // refused by the use case too, so nothing is stored
			}
			in.Hires = n
		}
		if s := strings.TrimSpace(c.FormValue("first_year_compensation")); s != "" {
			typed["first_year_compensation"] = s
			x, err := quantity.Parse(s)
			if err != nil {
				bad["first_year_compensation"], x = err.Error(), math.NaN()
			}
			in.FirstYearCompensation = x
		}
		_, err := uc.RecordHiringCosts(c.UserContext(), actorOf(c), in)
		if errs.Code(err) == errs.CodeInvalid {
			return refuseHiringForm(c, uc, rnd, err, bad, typed, func(k, msg string) (string, string) {
				var i int
				if _, e := fmt.Sscanf(k, "items.%d.", &i); e == nil && i < len(boxes) {
					k = boxes[i]
				}
				return k, msg
			})
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("costs_hiring.flash.recorded"))
		return c.Redirect("/costs/hiring", fiber.StatusSeeOther)
	}
}

// handleRoleHiringSave sets a role's days to fill and ramp-up from the
// form; the ramp is typed as shares or percentages, comma-separated.
func handleRoleHiringSave(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		roleID := c.FormValue("hire_role_id")
		typed := map[string]string{"hire_role_id": roleID, "days_to_fill": c.FormValue("days_to_fill"), "ramp": c.FormValue("ramp")}
		bad := map[string]string{}
		days := 0.0
		if s := strings.TrimSpace(typed["days_to_fill"]); s != "" {
			var err error
			if days, err = quantity.Parse(s); err != nil {
				bad["days_to_fill"], days = err.Error(), math.NaN()
			}
		}
		var ramp []float64
		for i, part := range strings.FieldsFunc(typed["ramp"], func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			x, err := quantity.ParseShare(part)
			if err != nil {
				bad["ramp"], x = rnd.english.T("costs_hiring.error.ramp", strconv.Itoa(i+1), strconv.Quote(part)), math.NaN()
			}
			ramp = append(ramp, x)
		}
		_, err := uc.SetRoleHiring(c.UserContext(), actorOf(c), roleID, days, ramp)
		if errs.Code(err) == errs.CodeNotFound {
			err = errs.InvalidFields(rnd.english.T("costs_hiring.error.no_role"), map[string]string{"role_id": rnd.english.T("costs_hiring.error.choose_role")})
		}
		if errs.Code(err) == errs.CodeInvalid {
			return refuseHiringForm(c, uc, rnd, err, bad, typed, func(k, msg string) (string, string) {
				var i int
				switch {
				case k == "role_id":
					k = "hire_role_id"
				case strings.HasPrefix(k, "ramp."):
					if _, e := fmt.Sscanf(k, "ramp.%d", &i); e == nil {
						msg = rnd.english.T("costs_hiring.error.month", strconv.Itoa(i+1), msg)
					}
					k = "ramp"
				}
				return k, msg
			})
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("costs_hiring.flash.saved"))
		return c.Redirect("/costs/hiring#total", fiber.StatusSeeOther)
	}
}

// refuseHiringForm shows the Hiring costs page again, 400, with what was
// typed kept: err's fields, each renamed to the form's own field by
// rename, and the values the form could not read as numbers (bad).
func refuseHiringForm(c *fiber.Ctx, uc *app.App, rnd *renderer, err error, bad, typed map[string]string, rename func(k, msg string) (string, string)) error {
	fields := map[string]string{}
	for k, msg := range errs.FieldsOf(err) {
		k, msg = rename(k, msg)
		fields[k] = msg
	}
	for k, msg := range bad {
		fields[k] = msg
	}
	v := pageView(c, rnd.english.T("costs_hiring.title"), "costs")
	v.Message, v.Errors, v.Form = errs.Message(err), fields, typed
	return renderHiring(c, uc, rnd, fiber.StatusBadRequest, v)
}
