package app

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/store"
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
	if !monthPattern.MatchString(in.FromMonth) {
		f["from_month"] = "must be a month such as 2026-01"
	}
	if !monthPattern.MatchString(in.ToMonth) {
		f["to_month"] = "must be a month such as 2026-03"
	} else if f["from_month"] == "" && in.ToMonth < in.FromMonth {
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
	sp := store.HiringPeriod{FromMonth: in.FromMonth, ToMonth: in.ToMonth, Hires: in.Hires,
		FirstYearCompensation: in.FirstYearCompensation, Note: in.Note, Items: make([]store.HiringCostItem, len(in.Items))}
	if in.RoleID != "" {
		sp.RoleID = &in.RoleID
	}
	for i, it := range in.Items {
		sp.Items[i] = store.HiringCostItem{Category: string(it.Category), Amount: it.Amount, Note: strings.TrimSpace(it.Note)}
	}
	stored, err := a.org(act).CreateHiringPeriod(ctx, sp, act.Audit)
	if err != nil {
		return nil, err
	}
	return &PeriodCost{Period: *stored, Cost: cph}, nil
}

// PeriodCost is a recorded period with its cost per hire.
type PeriodCost struct {
	Period store.HiringPeriod
	Cost   econ.CostPerHire
}

// RoleHireCost is the total cost of a hire into one role (econ.HireCost)
// and where each of its inputs came from.
type RoleHireCost struct {
	Role store.PlacementRole
	// CPH is the cost per hire used, from CPHSource: "role" (the role's
	// own periods), "organisation" (every period, when the role has none
	// with hires) or "none" (nothing recorded: 0).
	CPH       econ.CostPerHire
	CPHSource string
	// Hiring is the role's days to fill and ramp-up; Set is false while
	// the role has none recorded (then no vacancy and no ramp-up).
	Hiring store.RoleHiring
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
}

// HiringCosts returns the organisation's hiring costs and each role's
// total cost of a hire.
func (a *App) HiringCosts(ctx context.Context, act Actor) (*HiringReport, error) {
	org := a.org(act)
	roles, err := org.Roles(ctx)
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
	as, _, err := a.assumptions(ctx, act)
	if err != nil {
		return nil, err
	}
	out := &HiringReport{GrossMargin: as.GrossMargin}
	all := &periodSum{}
	byRole := map[string]*periodSum{}
	for _, p := range periods {
		ep := econPeriod(p)
		c, err := ep.Compute()
		if err != nil {
			return nil, fmt.Errorf("hiring period %s: %w", p.ID, err)
		}
		out.Periods = append(out.Periods, PeriodCost{Period: p, Cost: c})
		all.add(ep)
		if p.RoleID != nil {
			if byRole[*p.RoleID] == nil {
				byRole[*p.RoleID] = &periodSum{}
			}
			byRole[*p.RoleID].add(ep)
		}
	}
	if out.Overall, err = all.period().Compute(); err != nil {
		return nil, err
	}
	for _, r := range roles {
		rc, err := roleHireCost(r, byRole[r.ID], out.Overall, hirings, as.GrossMargin)
		if err != nil {
			return nil, err
		}
		out.Roles = append(out.Roles, rc)
	}
	return out, nil
}

// roleHireCosts returns the total cost of a hire of each of roles, by
// role ID, for placement.
func (a *App) roleHireCosts(ctx context.Context, act Actor, roles []store.PlacementRole) (map[string]RoleHireCost, error) {
	rep, err := a.HiringCosts(ctx, act)
	if err != nil {
		return nil, err
	}
	out := make(map[string]RoleHireCost, len(rep.Roles))
	for _, rc := range rep.Roles {
		out[rc.Role.ID] = rc
	}
	return out, nil
}

func roleHireCost(r store.PlacementRole, own *periodSum, overall econ.CostPerHire,
	hirings map[string]store.RoleHiring, margin float64) (RoleHireCost, error) {
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
		MonthlyGrossProfit: r.HoursPerMonth * r.BaselineRate * margin, Ramp: rc.Hiring.Ramp}
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
func (a *App) SetRoleHiring(ctx context.Context, act Actor, roleID string, daysToFill float64, ramp []float64) (*store.RoleHiring, error) {
	org := a.org(act)
	if _, err := org.PlacementRole(ctx, roleID); err != nil {
		return nil, err
	}
	if _, err := (econ.HireCost{DaysToFill: daysToFill, Ramp: ramp}).Total(); err != nil {
		return nil, err
	}
	return org.SetRoleHiring(ctx, store.RoleHiring{RoleID: roleID, DaysToFill: daysToFill, Ramp: ramp}, act.Audit)
}

// econPeriod is a stored period as econ's.
func econPeriod(p store.HiringPeriod) econ.HiringPeriod {
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
