package app

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"rolefit"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
)

// HiringInput is a period of hiring as a manager enters it: the months it
// spans ("YYYY-MM"), the role it was for ("" for the organisation as a
// whole), the cost items, the hires made and their first-year
// compensation together.
type HiringInput struct {
	RoleID                string
	FromMonth             string
	ToMonth               string
	Items                 []econ.CostItem
	Hires                 int
	FirstYearCompensation float64
	Note                  string
}

var monthPattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// hiringMonths are the first and last months a period of hiring may
// span: from January 2000, as performance records, to a year after this
// month, so that a period under way or planned for the coming year can be
// recorded but a typing slip of a century cannot.
func hiringMonths(now time.Time) (first, last string) {
	return "2000-01", now.UTC().AddDate(0, 12, 0).Format("2006-01")
}

// maxHiringItems bounds the cost items of one period.
const maxHiringItems = 100

// RecordHiringCosts records a period of hiring after checking it: the
// months, a note of at most 500 characters, and the costs and hires as
// econ's cost per hire checks them (costs against zero hires are refused,
// "hires"; an item is named by its place, "items.2.amount"). Nothing is
// stored when anything is wrong.
func (a *App) RecordHiringCosts(ctx context.Context, act Actor, in HiringInput) (*PeriodCost, error) {
	f := map[string]string{}
	in.FromMonth, in.ToMonth = strings.TrimSpace(in.FromMonth), strings.TrimSpace(in.ToMonth)
	first, last := hiringMonths(a.now())
	for _, m := range []struct{ field, value, example string }{{"from_month", in.FromMonth, "2026-01"}, {"to_month", in.ToMonth, "2026-03"}} {
		switch {
		case !monthPattern.MatchString(m.value):
			f[m.field] = "must be a month such as " + m.example
		case m.value < first || m.value > last: // YYYY-MM compares as text in calendar order
			f[m.field] = fmt.Sprintf("must be a month from %s to %s", first, last)
		}
	}
	if f["from_month"] == "" && f["to_month"] == "" && in.ToMonth < in.FromMonth {
		f["to_month"] = "must not be before the first month"
	}
	in.Note = strings.TrimSpace(in.Note)
	if utf8.RuneCountInString(in.Note) > 500 {
		f["note"] = "must be at most 500 characters"
	}
	if len(in.Items) > maxHiringItems {
		f["items"] = fmt.Sprintf("must be at most %d", maxHiringItems)
	}
	for i, it := range in.Items {
		if utf8.RuneCountInString(it.Note) > 200 {
			f[fmt.Sprintf("items.%d.note", i)] = "must be at most 200 characters"
		}
	}
	period := econ.HiringPeriod{Items: in.Items, Hires: in.Hires, FirstYearCompensation: in.FirstYearCompensation}
	cph, err := period.Compute()
	for k, v := range errs.FieldsOf(err) {
		f[k] = v
	}
	if err != nil && errs.Code(err) != errs.CodeInvalid {
		return nil, err
	}
	if len(f) > 0 {
		return nil, errs.InvalidFields("Please correct the hiring costs.", f)
	}
	sp := rolefit.HiringPeriod{FromMonth: in.FromMonth, ToMonth: in.ToMonth, Hires: in.Hires,
		FirstYearCompensation: in.FirstYearCompensation, Note: in.Note, Items: make([]rolefit.HiringCostItem, len(in.Items))}
	if in.RoleID != "" {
		sp.RoleID = &in.RoleID
	}
	for i, it := range in.Items {
		sp.Items[i] = rolefit.HiringCostItem{Category: string(it.Category), Amount: it.Amount, Note: strings.TrimSpace(it.Note)}
	}
	stored, err := a.scope(act).CreateHiringPeriod(ctx, sp, act.Audit)
	if err != nil {
		return nil, err
	}
	return &PeriodCost{Period: *stored, Cost: cph}, nil
}

// PeriodCost is a recorded period with its cost per hire.
type PeriodCost struct {
	Period rolefit.HiringPeriod
	Cost   econ.CostPerHire
}

// RoleHireCost is the total cost of a hire into one role (econ.HireCost)
// and where each of its inputs came from.
type RoleHireCost struct {
	Role rolefit.Role
	// CPH is the cost per hire used, from CPHSource: "role" (the role's
	// own periods), "organisation" (every period, when the role has none
	// with hires) or "none" (nothing recorded: 0).
	CPH       econ.CostPerHire
	CPHSource string
	// Hiring is the role's days to fill and ramp-up; Set is false while
	// the role has none recorded (then no vacancy and no ramp-up).
	Hiring rolefit.RoleHiring
	Set    bool
	// Input is what the total was made from; MonthlyGrossProfit is the
	// role's hours × baseline rate × gross margin.
	Input econ.HireCost
	Total econ.TotalHireCost
}

// HiringReport is the organisation's hiring costs: every period with its
// cost per hire, all periods together, and the total cost of a hire per
// role.
type HiringReport struct {
	Periods []PeriodCost
	// Overall is every period's costs and hires together; zero without
	// periods.
	Overall econ.CostPerHire
	Roles   []RoleHireCost
	// GrossMargin is the margin the lost gross profit is reckoned at.
	GrossMargin float64
	// RoleNames names every role of the organisation by ID, those left
	// out of Roles too, for the periods recorded against them.
	RoleNames map[string]string
	// Problems are the stored figures outside their ranges left out: a
	// role, a period, a role's hiring figures, or a setting replaced by its
	// default.
	Problems []StoredProblem
}

// HiringCosts returns the organisation's hiring costs and each role's
// total cost of a hire. A stored record with a figure outside its range
// is left out and said in the report's Problems: a role, a period (from
// every cost per hire), a role's days to fill and ramp-up (as if none
// were recorded).
func (a *App) HiringCosts(ctx context.Context, act Actor) (*HiringReport, error) {
	org := a.scope(act)
	all, err := org.Roles(ctx)
	if err != nil {
		return nil, err
	}
	periods, err := org.HiringPeriods(ctx)
	if err != nil {
		return nil, err
	}
	hirings, err := org.RoleHirings(ctx)
	if err != nil {
		return nil, err
	}
	as, _, sps, err := a.settings(ctx, act)
	if err != nil {
		return nil, err
	}
	var ps problems
	roles, rps := usableRoles(all)
	ps.add(rps...)
	ps.add(sps...)
	out := &HiringReport{GrossMargin: as.GrossMargin, RoleNames: map[string]string{}}
	for _, r := range all {
		out.RoleNames[r.ID] = r.Name
	}
	sum := &periodSum{}
	byRole := map[string]*periodSum{}
	for _, p := range periods {
		ep := econPeriod(p)
		if fs := ep.Flaws(); len(fs) > 0 {
			ps.add(flawed("hiring_period", p.ID, periodName(p, out.RoleNames), "it is left out of every cost per hire", fs)...)
			continue
		}
		c, err := ep.Compute()
		if err != nil {
			return nil, fmt.Errorf("hiring period %s: %w", p.ID, err)
		}
		out.Periods = append(out.Periods, PeriodCost{Period: p, Cost: c})
		sum.add(ep)
		if p.RoleID != nil {
			if byRole[*p.RoleID] == nil {
				byRole[*p.RoleID] = &periodSum{}
			}
			byRole[*p.RoleID].add(ep)
		}
	}
	if out.Overall, err = sum.period().Compute(); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(hirings)) {
		h := hirings[id]
		if fs := (econ.HireCost{DaysToFill: h.DaysToFill, Ramp: h.Ramp}).Flaws(); len(fs) > 0 {
			ps.add(flawed("role_hiring", id, "Hiring figures of "+out.RoleNames[id], "set them again under Hiring costs", fs)...)
			delete(hirings, id)
		}
	}
	rates, err := a.roleRates(ctx, act, roles)
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		rate, _ := rulerRate(r, rates[r.ID])
		rc, err := roleHireCost(r, rate, byRole[r.ID], out.Overall, hirings, as.GrossMargin)
		if err != nil {
			return nil, err
		}
		out.Roles = append(out.Roles, rc)
	}
	out.Problems = ps.list
	return out, nil
}

// periodName names a period in a problem: "Hiring period 2026-01 to
// 2026-03 of Account executive".
func periodName(p rolefit.HiringPeriod, roles map[string]string) string {
	of := "the whole organisation"
	if p.RoleID != nil {
		of = roles[*p.RoleID]
	}
	return fmt.Sprintf("Hiring period %s to %s of %s", p.FromMonth, p.ToMonth, of)
}

// roleHireCost is a role's cost of a hire: its own cost per hire (or the
// organisation's), and the gross profit lost while the seat is empty and
// during ramp-up, at the role's baseline rate on the one ruler (rate).
func roleHireCost(r rolefit.Role, rate float64, own *periodSum, overall econ.CostPerHire,
	hirings map[string]rolefit.RoleHiring, margin float64) (RoleHireCost, error) {
	rc := RoleHireCost{Role: r, CPH: overall, CPHSource: "organisation"}
	if own != nil && own.sum.Hires > 0 {
		c, err := own.period().Compute()
		if err != nil {
			return rc, err
		}
		rc.CPH, rc.CPHSource = c, "role"
	} else if overall.Hires == 0 {
		rc.CPHSource = "none"
	}
	rc.Hiring, rc.Set = hirings[r.ID]
	rc.Input = econ.HireCost{CostPerHire: rc.CPH.CPH, DaysToFill: rc.Hiring.DaysToFill,
		MonthlyGrossProfit: r.HoursPerMonth * rate * margin, Ramp: rc.Hiring.Ramp}
	t, err := rc.Input.Total()
	if err != nil {
		return rc, fmt.Errorf("total cost of a hire of role %s: %w", r.ID, err)
	}
	rc.Total = t
	return rc, nil
}

// SetRoleHiring records a role's days to fill and its ramp-up (the new
// person's productivity in each ramp month, as shares of full), after
// econ has checked them ("days_to_fill", "ramp.1").
func (a *App) SetRoleHiring(ctx context.Context, act Actor, roleID string, daysToFill float64, ramp []float64) (*rolefit.RoleHiring, error) {
	org := a.scope(act)
	if _, err := org.Role(ctx, roleID); err != nil {
		return nil, err
	}
	if _, err := (econ.HireCost{DaysToFill: daysToFill, Ramp: ramp}).Total(); err != nil {
		return nil, err
	}
	return org.SetRoleHiring(ctx, rolefit.RoleHiring{RoleID: roleID, DaysToFill: daysToFill, Ramp: ramp}, act.Audit)
}

// econPeriod is a stored period as econ's.
func econPeriod(p rolefit.HiringPeriod) econ.HiringPeriod {
	ep := econ.HiringPeriod{Hires: p.Hires, FirstYearCompensation: p.FirstYearCompensation, Items: make([]econ.CostItem, len(p.Items))}
	for i, it := range p.Items {
		ep.Items[i] = econ.CostItem{Category: econ.Category(it.Category), Amount: it.Amount, Note: it.Note}
	}
	return ep
}

// periodSum adds up several periods: the cost per hire of several periods
// together is their costs over their hires. The recruiting cost ratio of
// the sum is left out when a period with hires did not give their pay,
// since their costs would then be set against too little pay.
type periodSum struct {
	sum        econ.HiringPeriod
	payUnknown bool
}

func (s *periodSum) add(p econ.HiringPeriod) {
	s.sum.Items = append(s.sum.Items, p.Items...)
	s.sum.Hires += p.Hires
	s.sum.FirstYearCompensation += p.FirstYearCompensation
	if p.Hires > 0 && p.FirstYearCompensation == 0 {
		s.payUnknown = true
	}
}

// period is the sum as one period.
func (s *periodSum) period() econ.HiringPeriod {
	p := s.sum
	if s.payUnknown {
		p.FirstYearCompensation = 0
	}
	return p
}
