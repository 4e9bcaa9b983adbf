package server

import (
	"fmt"
	"math"
	"rolefit"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/internal/quantity"
)

// Managers as well as admins keep the roles: roles are what placement,
// a manager's work, is made of, and they grant nobody any access (users
// and API keys, which do, stay with admins).

// rolesPage is the Roles settings page: the list and a form to add a role,
// or, with Editing set, the form to change one.
type rolesPage struct {
	Roles    []roleRow
	Scales   []app.ProfileScale
	Currency string
	// Editing is the role being changed, nil on the list.
	Editing *rolefit.Role
	// MaxRoles is the most roles an organisation may have; Full is true
	// when it has them, and the page offers no form to add one.
	MaxRoles int
	Full     bool
	// Job is the role's job questionnaire with its proposal, when
	// editing and one is installed.
	Job *jobView
}

// roleRow is a role in the list, with its figures formatted: the
// baseline rate and the cost a month placement uses, and where each came
// from.
type roleRow struct {
	rolefit.Role
	Activity, Profile, Rate, RateFrom, Cost, CostFrom string
}

// roleRowOf formats a role's figures for the list.
func roleRowOf(f app.RoleFigures, m money, l *i18n.Printer) roleRow {
	r := f.Role
	var parts []string
	for _, w := range r.Weights {
		parts = append(parts, fmt.Sprintf("%s %g", w.ScaleID, w.Weight))
	}
	row := roleRow{Role: r, Activity: activityLabel(r, l), Profile: strings.Join(parts, ", "), Rate: m.Whole(f.Rate),
		RateFrom: l.T("roles.from.entered"), Cost: m.Whole(f.Cost.MonthlyCost), CostFrom: l.T("roles.from.entered")}
	if f.Source == app.RateFromRecords {
		staff := max(f.Rates.NewBusiness.Staff, f.Rates.Service.Staff)
		row.RateFrom = l.T("roles.from.records", strconv.Itoa(staff), m.Whole(r.BaselineRate))
	} else if f.Rates.NewBusiness.Source == app.RateFromRecords || f.Rates.Service.Source == app.RateFromRecords {
		row.RateFrom = l.T("roles.from.partly_records")
	}
	if f.Cost.FromPlan {
		row.CostFrom = l.T("roles.from.plan", m.Whole(r.MonthlyCost))
	}
	return row
}

// activityLabel says a role's activity in l's words.
func activityLabel(r rolefit.Role, l *i18n.Printer) string {
	switch r.Activity {
	case rolefit.ActivityNewBusiness:
		return l.T("roles.activity.new_business")
	case rolefit.ActivityAccountService:
		return l.T("roles.activity.account_service")
	}
	return l.T("roles.activity.mix", percent(r.NewBusinessShare))
}

// roleNumbers are the number fields of the role form, with whether each
// must be a whole number and whether it may be left empty (as 0).
var roleNumbers = []struct {
	name          string
	whole, absent bool
}{
	{"new_business_share", false, true},
	{"seats_min", true, true},
	{"seats_max", true, false},
	{"hours_per_month", false, false},
	{"baseline_rate", false, false},
	{"monthly_cost", false, false},
}

// roleFormOf reads the role form: the input, the values as typed, and the
// boxes that are not numbers.
func roleFormOf(c *fiber.Ctx, scales []app.ProfileScale, l *i18n.Printer) (rolefit.RoleInput, map[string]string, map[string]string) {
	typed := map[string]string{"name": c.FormValue("name"), "activity": c.FormValue("activity")}
	bad := map[string]string{}
	num := map[string]float64{}
	for _, f := range roleNumbers {
		s := strings.TrimSpace(c.FormValue(f.name))
		typed[f.name] = s
		if s == "" {
			if !f.absent {
				bad[f.name] = l.T("roles.error.required")
			}
			continue
		}
		var v float64
		var err error
		if f.whole {
			var n int
			n, err = quantity.ParseWhole(s)
			v = float64(n)
		} else {
			v, err = quantity.Parse(s)
		}
		if err != nil {
			bad[f.name] = err.Error()
			continue
		}
		num[f.name] = v
	}
	// A box that could not be read stands in as a value the use case
	// refuses, so that nothing is stored and its other checks still run.
	for name := range bad {
		num[name] = math.NaN()
		if name == "seats_min" || name == "seats_max" {
			num[name] = -1
		}
	}
	in := rolefit.RoleInput{Name: typed["name"], Activity: typed["activity"], NewBusinessShare: num["new_business_share"],
		SeatsMin: int(num["seats_min"]), SeatsMax: int(num["seats_max"]), HoursPerMonth: num["hours_per_month"],
		BaselineRate: num["baseline_rate"], MonthlyCost: num["monthly_cost"]}
	for _, s := range scales {
		name := "profile." + s.ID
		raw := strings.TrimSpace(c.FormValue(name))
		typed[name] = raw
		if raw == "" {
			continue
		}
		w, err := quantity.Parse(raw)
		if err != nil {
			bad[name], w = err.Error(), math.NaN()
		}
		in.Weights = append(in.Weights, rolefit.RoleWeight{ScaleID: s.ID, Weight: w})
	}
	return in, typed, bad
}

// roleFormValues fills the form from a stored role.
func roleFormValues(r *rolefit.Role) map[string]string {
	f := map[string]string{"name": r.Name, "activity": r.Activity,
		"new_business_share": strconv.FormatFloat(r.NewBusinessShare, 'g', -1, 64),
		"seats_min":          strconv.Itoa(r.SeatsMin), "seats_max": strconv.Itoa(r.SeatsMax),
		"hours_per_month": strconv.FormatFloat(r.HoursPerMonth, 'g', -1, 64),
		"baseline_rate":   strconv.FormatFloat(r.BaselineRate, 'g', -1, 64),
		"monthly_cost":    strconv.FormatFloat(r.MonthlyCost, 'g', -1, 64)}
	for _, w := range r.Weights {
		f["profile."+w.ScaleID] = strconv.FormatFloat(w.Weight, 'g', -1, 64)
	}
	return f
}

// renderRoles shows the Roles page (the list and the add form, or the edit
// form when editing is not nil) with status and whatever v holds.
func renderRoles(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, editing *rolefit.Role) error {
	ctx, act := c.UserContext(), actorOf(c)
	cur, err := uc.Currency(ctx, act)
	if err != nil {
		return err
	}
	m := moneyIn(cur)
	page := rolesPage{Scales: uc.ProfileScales(), Currency: cur, Editing: editing, MaxRoles: rolefit.MaxRoles}
	if editing == nil {
		fs, ps, err := uc.RoleFigures(ctx, act)
		if err != nil {
			return err
		}
		rs := make([]rolefit.Role, len(fs))
		for i, f := range fs {
			rs[i] = f.Role
		}
		v.Stored = append(app.RoleProblems(rs), ps...)
		for _, f := range fs {
			page.Roles = append(page.Roles, roleRowOf(f, m, rnd.english))
		}
		page.Full = len(rs) >= rolefit.MaxRoles
	}
	if v.Form == nil {
		v.Form = map[string]string{"activity": rolefit.ActivityNewBusiness, "seats_min": "0", "hours_per_month": "140"}
	}
	if editing != nil {
		if page.Job, err = jobOf(c, uc, editing.ID); err != nil {
			return err
		}
		if page.Job != nil {
			jobFormValues(v.Form, page.Job.JobTarget)
		}
	}
	v.Data = page
	return rnd.render(c, status, "roles", v)
}

// handleRoles is the Roles settings page.
func handleRoles(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderRoles(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("roles.title"), "settings"), nil)
	}
}

// handleRoleCreate adds a role; bad input shows the page again with each
// problem beside its box and the values as typed.
func handleRoleCreate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		in, typed, bad := roleFormOf(c, uc.ProfileScales(), rnd.english)
		r, err := roleSave(c, uc, "", in, bad, rnd.english)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, rnd.english.T("roles.title"), "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), typed
			return renderRoles(c, uc, rnd, statusOf[code], v, nil)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("roles.flash.added", r.Name))
		return c.Redirect("/settings/roles", fiber.StatusSeeOther)
	}
}

// roleSave creates (id "") or updates a role, reporting boxes that are not
// numbers together with the use case's own findings.
func roleSave(c *fiber.Ctx, uc *app.App, id string, in rolefit.RoleInput, bad map[string]string, l *i18n.Printer) (*rolefit.Role, error) {
	ctx, act := c.UserContext(), actorOf(c)
	var r *rolefit.Role
	var err error
	if id == "" {
		r, err = uc.CreateRole(ctx, act, in)
	} else {
		r, err = uc.UpdateRole(ctx, act, id, in)
	}
	if len(bad) == 0 || (err != nil && errs.Code(err) != errs.CodeInvalid && errs.Code(err) != errs.CodeConflict) {
		return r, err
	}
	if err == nil { // cannot happen: unreadable boxes stand in as refused values
		return nil, fmt.Errorf("save role: accepted input with unreadable numbers %v", bad)
	}
	fields := map[string]string{}
	for k, v := range errs.FieldsOf(err) {
		fields[k] = v
	}
	for k, v := range bad {
		fields[k] = v // what was typed, not the 0 that stood in for it
	}
	return nil, errs.InvalidFields(l.T("roles.error.summary"), fields)
}

// handleRole is the form to change a role.
func handleRole(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := uc.Role(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		v := pageView(c, r.Name, "settings")
		v.Form = roleFormValues(r)
		return renderRoles(c, uc, rnd, fiber.StatusOK, v, r)
	}
}

// handleRoleUpdate saves a changed role.
func handleRoleUpdate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := uc.Role(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		in, typed, bad := roleFormOf(c, uc.ProfileScales(), rnd.english)
		saved, err := roleSave(c, uc, r.ID, in, bad, rnd.english)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, r.Name, "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), typed
			return renderRoles(c, uc, rnd, statusOf[code], v, r)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("roles.flash.saved", saved.Name))
		return c.Redirect("/settings/roles", fiber.StatusSeeOther)
	}
}

// handleRoleDelete deletes a role.
func handleRoleDelete(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.DeleteRole(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		flash(c, rnd.english.T("roles.flash.deleted"))
		return c.Redirect("/settings/roles", fiber.StatusSeeOther)
	}
}
