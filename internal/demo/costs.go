package demo

import (
	"context"
	"fmt"
	"rolefit"
	"slices"
	"time"

	"rolefit/internal/store"
)

// demoPlans are the demo roles' compensation plans, made up for a small
// B2B firm: an account executive on a 50/50 commission plan, an account
// manager on a base-heavy plan with a bonus, and customer success on a
// salary with a small bonus; all at the default benefits load.
var demoPlans = map[string]rolefit.CompPlan{
	"Account executive": {Base: 72000, TargetVariable: 72000, Basis: "commission", Quota: 900000, BenefitsLoad: 1.25},
	"Account manager":   {Base: 66000, TargetVariable: 24000, Basis: "bonus", Quota: 600000, BenefitsLoad: 1.25},
	"Customer success":  {Base: 60000, TargetVariable: 6000, Basis: "bonus", BenefitsLoad: 1.25},
}

// demoHiring is each demo role's days to fill and ramp-up: a seller takes
// longest to find and to reach full speed.
var demoHiring = map[string]rolefit.RoleHiring{
	"Account executive": {DaysToFill: 75, Ramp: []float64{0.2, 0.4, 0.6, 0.8}},
	"Account manager":   {DaysToFill: 50, Ramp: []float64{0.4, 0.7}},
	"Customer success":  {DaysToFill: 35, Ramp: []float64{0.5, 0.8}},
}

// demoPeriod is a period of the demo's hiring, months counted back from
// now's month.
type demoPeriod struct {
	role      string
	from, to  int // months before now's month
	hires     int
	firstYear float64
	items     []rolefit.HiringCostItem
	note      string
}

// demoPeriods are last year's hiring: two customer success hires at about
// 3,000 each, an account executive through an agency, an account manager
// by referral.
var demoPeriods = []demoPeriod{
	{role: "Customer success", from: 11, to: 7, hires: 2, firstYear: 132000, note: "two hires for the growing book", items: []rolefit.HiringCostItem{
		{Category: "advertising", Amount: 1800}, {Category: "background_checks", Amount: 300},
		{Category: "recruiter_time", Amount: 2400}, {Category: "interviewer_time", Amount: 1500}}},
	{role: "Account executive", from: 10, to: 8, hires: 1, firstYear: 144000, note: "through an agency", items: []rolefit.HiringCostItem{
		{Category: "agency_fees", Amount: 18000}, {Category: "advertising", Amount: 2500},
		{Category: "interviewer_time", Amount: 2000}, {Category: "sign_on_bonus", Amount: 5000}}},
	{role: "Account manager", from: 6, to: 5, hires: 1, firstYear: 84000, note: "a referral", items: []rolefit.HiringCostItem{
		{Category: "referral_awards", Amount: 2000}, {Category: "advertising", Amount: 1200}, {Category: "recruiter_time", Amount: 1800}}},
}

// seedCosts gives the demo roles (name → ID) their compensation plans,
// days to fill and ramp-up, and records last year's hiring costs, so the
// Costs pages and Placement work with the demo team's own figures.
func seedCosts(ctx context.Context, o *store.Scope, roleIDs map[string]string, now time.Time, by rolefit.Actor) error {
	for name, p := range demoPlans {
		p.RoleID = roleIDs[name]
		if _, err := o.SetCompPlan(ctx, p, by); err != nil {
			return fmt.Errorf("set demo plan of %s: %w", name, err)
		}
	}
	for name, h := range demoHiring {
		h.RoleID = roleIDs[name]
		if _, err := o.SetRoleHiring(ctx, h, by); err != nil {
			return fmt.Errorf("set demo hiring of %s: %w", name, err)
		}
	}
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, dp := range demoPeriods {
		id := roleIDs[dp.role]
		p := rolefit.HiringPeriod{RoleID: &id, FromMonth: month.AddDate(0, -dp.from, 0).Format("2006-01"),
			ToMonth: month.AddDate(0, -dp.to, 0).Format("2006-01"), Hires: dp.hires, FirstYearCompensation: dp.firstYear,
			Note: dp.note, Items: slices.Clone(dp.items)}
		if _, err := o.CreateHiringPeriod(ctx, p, by); err != nil {
			return fmt.Errorf("record demo hiring of %s: %w", dp.role, err)
		}
	}
	return nil
}
