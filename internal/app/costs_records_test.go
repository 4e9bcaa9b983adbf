package app_test

import (
	"math"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestCompPlansInPlacement checks a role's plan figures against
// hand-worked values and that placement then charges the plan's loaded
// monthly cost instead of the role's own.
func TestCompPlansInPlacement(t *testing.T) {
	w, roles, people := scoredWorld(t)
	ae := roles[0]
	// Base 60,000 and 60,000 variable on a 600,000 quota, default load:
	// OTE 120,000; loaded monthly (60,000 × 1.25 + 60,000) / 12 = 11,250.
	if _, err := w.uc.SetCompPlan(ctx, w.mgr, ae.ID, econ.CompPlan{Base: 60000, TargetVariable: 60000, Quota: 600000}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		attainment, annual, perRevenue float64
	}{
		{1, 135000, 135000.0 / 600000},   // 75,000 + 60,000 over 600,000
		{0.5, 105000, 105000.0 / 300000}, // 75,000 + 30,000 over 300,000
		{1.5, 165000, 165000.0 / 900000}, // a commission has no ceiling
	} {
		plans, err := w.uc.CompPlans(ctx, w.mgr, tt.attainment)
		if err != nil {
			t.Fatal(err)
		}
		var s *econ.PlanSummary
		for _, rp := range plans.Roles {
			if rp.Role.ID == ae.ID {
				s = rp.Summary
			} else if rp.Plan != nil {
				t.Errorf("role %s has a plan it was not given", rp.Role.Name)
			}
		}
		if s == nil || s.OTE != 120000 || s.LoadedMonthlyCost != 11250 || s.BaseShare != 0.5 || s.CommissionRate != 0.1 ||
			!near(s.AnnualCostAt, tt.annual) || s.CostPerRevenue == nil || !near(*s.CostPerRevenue, tt.perRevenue) {
			t.Errorf("attainment %v: got %+v, want annual %v and %v per unit of revenue", tt.attainment, s, tt.annual, tt.perRevenue)
		}
	}
	if _, err := w.uc.CompPlans(ctx, w.mgr, 11); errs.FieldsOf(err)["attainment"] == "" {
		t.Errorf("attainment 11: got %v, want an error on attainment", err)
	}
	fit, err := w.uc.Fit(ctx, w.mgr, people[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range fit.Roles {
		want := rf.Role.MonthlyCost
		if rf.Role.ID == ae.ID {
			want = 11250
		}
		if rf.Valuation.MonthlyCost != want {
			t.Errorf("%s: monthly cost %v, want %v", rf.Role.Name, rf.Valuation.MonthlyCost, want)
		}
	}
	tp, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := tp.Costs[ae.ID]; !c.FromPlan || c.MonthlyCost != 11250 || tp.Costs[roles[1].ID].FromPlan {
		t.Errorf("placement's costs = %+v", tp.Costs)
	}
	// Bad plans store nothing.
	for _, tt := range []struct {
		plan  econ.CompPlan
		field string
	}{
		{econ.CompPlan{Base: -1}, "base"},
		{econ.CompPlan{Base: 1, TargetVariable: 10}, "quota"},
		{econ.CompPlan{Base: 1, BenefitsLoad: 0.5}, "benefits_load"},
		{econ.CompPlan{Base: math.NaN()}, "base"},
		{econ.CompPlan{Base: 1, Basis: "tips"}, "basis"},
	} {
		_, err := w.uc.SetCompPlan(ctx, w.mgr, roles[1].ID, tt.plan)
		if errs.FieldsOf(err)[tt.field] == "" {
			t.Errorf("%+v: got %v, want an error on %s", tt.plan, err, tt.field)
		}
	}
	if plans, err := w.org.CompPlans(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(plans) != 1 {
		t.Errorf("%d plans stored, want 1", len(plans))
	}
}

// TestHiringCosts checks the cost per hire, the recruiting cost ratio
// and the total cost of a hire against hand-worked values, and that a
// candidate is then charged the role's total cost of a hire.
func TestHiringCosts(t *testing.T) {
	w, roles, people := scoredWorld(t)
	cs := roles[1] // 140 h × 150 an hour
	// External 1,000 + 9,000 and internal 2,000 over 2 hires: 6,000 a
	// hire; 12,000 of 150,000 first-year pay is 8%.
	got, err := w.uc.RecordHiringCosts(ctx, w.mgr, app.HiringInput{RoleID: cs.ID, FromMonth: "2026-01", ToMonth: "2026-03",
		Items: []econ.CostItem{{Category: econ.Advertising, Amount: 1000}, {Category: econ.AgencyFees, Amount: 9000},
			{Category: econ.RecruiterTime, Amount: 2000}}, Hires: 2, FirstYearCompensation: 150000})
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Cost; c.External != 10000 || c.Internal != 2000 || c.CPH != 6000 || c.RecruitingCostRatio == nil || *c.RecruitingCostRatio != 8 {
		t.Errorf("cost per hire = %+v", c)
	}
	for _, tt := range []struct {
		name  string
		in    app.HiringInput
		field string
	}{
		{"costs against no hires", app.HiringInput{FromMonth: "2026-01", ToMonth: "2026-01",
			Items: []econ.CostItem{{Category: econ.Advertising, Amount: 500}}}, "hires"},
		{"month not a month", app.HiringInput{FromMonth: "2026-13", ToMonth: "2026-12", Hires: 1}, "from_month"},
		{"months backwards", app.HiringInput{FromMonth: "2026-05", ToMonth: "2026-04", Hires: 1}, "to_month"},
		{"negative amount", app.HiringInput{FromMonth: "2026-01", ToMonth: "2026-01", Hires: 1,
			Items: []econ.CostItem{{Category: econ.Advertising, Amount: 5}, {Category: econ.Travel, Amount: -1}}}, "items.1.amount"},
		{"unknown category", app.HiringInput{FromMonth: "2026-01", ToMonth: "2026-01", Hires: 1,
			Items: []econ.CostItem{{Category: "snacks", Amount: 5}}}, "items.0.category"},
		{"another organisation's role", app.HiringInput{RoleID: "nope", FromMonth: "2026-01", ToMonth: "2026-01", Hires: 1}, "role_id"},
	} {
		_, err := w.uc.RecordHiringCosts(ctx, w.mgr, tt.in)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tt.field] == "" {
			t.Errorf("%s: got %v, want invalid %s", tt.name, err, tt.field)
		}
	}
	if ps, err := w.org.HiringPeriods(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(ps) != 1 {
		t.Errorf("%d periods stored, want 1", len(ps))
	}
	// A month's days and one ramp month at half: gross profit a month
	// 140 × 150 × 0.7 = 14,700; vacancy 14,700; ramp 7,350; total
	// 6,000 + 14,700 + 7,350 = 28,050.
	if _, err := w.uc.SetRoleHiring(ctx, w.mgr, cs.ID, econ.DaysPerMonth, []float64{0.5}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.SetRoleHiring(ctx, w.mgr, cs.ID, -1, nil); errs.FieldsOf(err)["days_to_fill"] == "" {
		t.Errorf("negative days to fill: %v", err)
	}
	if _, err := w.uc.SetRoleHiring(ctx, w.mgr, cs.ID, 10, []float64{0.5, 1.5}); errs.FieldsOf(err)["ramp.1"] == "" {
		t.Errorf("a ramp share above 1: %v", err)
	}
	rep, err := w.uc.HiringCosts(ctx, w.mgr)
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range rep.Roles {
		switch rc.Role.ID {
		case cs.ID:
			if rc.CPHSource != "role" || !rc.Set || !near(rc.Total.Vacancy, 14700) || !near(rc.Total.Ramp, 7350) || !near(rc.Total.Total, 28050) {
				t.Errorf("customer success: %+v, want a total of 28,050", rc)
			}
		default:
			// No periods of its own: the organisation's 6,000, nothing else.
			if rc.CPHSource != "organisation" || rc.Set || rc.Total.Total != 6000 {
				t.Errorf("%s: %+v, want the organisation's 6,000", rc.Role.Name, rc)
			}
		}
	}
	// A period whose hires' pay is not given leaves the ratio of all
	// periods together out, not set against too little pay.
	if _, err := w.uc.RecordHiringCosts(ctx, w.mgr, app.HiringInput{FromMonth: "2026-04", ToMonth: "2026-04", Hires: 1,
		Items: []econ.CostItem{{Category: econ.Advertising, Amount: 3000}}}); err != nil {
		t.Fatal(err)
	}
	if rep, err := w.uc.HiringCosts(ctx, w.mgr); err != nil || rep.Overall.CPH != 5000 || rep.Overall.RecruitingCostRatio != nil ||
		rep.Roles[1].CPH.RecruitingCostRatio == nil || *rep.Roles[1].CPH.RecruitingCostRatio != 8 {
		t.Errorf("with a period of unknown pay: overall %+v, customer success %+v, %v", rep.Overall, rep.Roles[1].CPH, err)
	}
	cand := people[4]
	fit, err := w.uc.Fit(ctx, w.mgr, cand.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range fit.Roles {
		want := 5000.0 // every period together: 15,000 over 3 hires
		if rf.Role.ID == cs.ID {
			want = 28050
		}
		v := rf.Valuation
		if !near(v.CostOfHire, want) || !near(v.HireCostPerMonth, want/12) || (v.Value > 0 && !near(v.Payback, want/v.Value)) {
			t.Errorf("%s: cost of hire %v (%v a month, payback %v), want %v", rf.Role.Name, v.CostOfHire, v.HireCostPerMonth, v.Payback, want)
		}
	}
}

// TestExposureAndMove checks key-person exposure and the "move this
// person" comparison against econ's functions given hand-made inputs.
func TestExposureAndMove(t *testing.T) {
	w := sqliteWorld(t)
	star, other := w.person(t, "Star", rolefit.Staff), w.person(t, "Other", rolefit.Staff)
	quiet, cand := w.person(t, "Quiet", rolefit.Staff), w.person(t, "Cand", rolefit.Candidate)
	// Star: 12 months of 60 h selling at 5,000 (300,000) and 60 h serving
	// at 1,000; Other: 3 months of 200,000 new business.
	for m := 1; m <= 12; m++ {
		month := "2025-" + [...]string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"}[m-1]
		if _, err := w.uc.RecordPerformance(ctx, w.mgr, star.ID, perfMonth(month, 60, 300000, 60, 60000), false); err != nil {
			t.Fatal(err)
		}
		if m <= 3 {
			if _, err := w.uc.RecordPerformance(ctx, w.mgr, other.ID, perfMonth(month, 100, 200000, 0, 0), false); err != nil {
				t.Fatal(err)
			}
		}
	}
	ex, err := w.uc.Exposure(ctx, w.mgr)
	if err != nil {
		t.Fatal(err)
	}
	// A month: 300,000 against 200,000, so 60% and 40%; at risk × 0.7.
	if len(ex.Sellers) != 2 || ex.Sellers[0].Name != "Star" || !near(ex.Sellers[0].Share, 0.6) ||
		!near(ex.Sellers[0].GrossProfitAtRisk, 210000) || !near(ex.Sellers[1].Share, 0.4) || ex.Revenue != 500000 {
		t.Errorf("exposure = %+v", ex)
	}
	mv, err := w.uc.MovePerson(ctx, w.mgr, star.ID)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: 120 hours a month, 5,000 and 1,000 an hour, a book of 60 /
	// 2 = 30 accounts, the founding case otherwise, the service person at
	// the founding case's 1,000 an hour.
	rv := 1000.0
	in := econ.DefaultInputs()
	in.NewRate, in.ServiceRate, in.StartAccounts, in.ServicePersonRate = 5000, 1000, 30, &rv
	want, err := econ.Move(in)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range want.Options {
		for j, h := range o.Horizons {
			g := mv.Comparison.Options[i].Horizons[j]
			if g.Months != h.Months || !near(g.Contribution, h.Contribution) {
				t.Errorf("%s over %d months: got %v, want %v", o.Option, h.Months, g.Contribution, h.Contribution)
			}
		}
	}
	if mv.Inputs.Hours != 120 || mv.Sources["new_rate"] == "" || mv.Sources["start_accounts"] == "" {
		t.Errorf("inputs %+v, sources %v", mv.Inputs, mv.Sources)
	}
	// Other sells only: their service is valued at the founding case's
	// rate (they have no role), not at the star's.
	mv, err = w.uc.MovePerson(ctx, w.mgr, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if mv.Inputs.NewRate != 2000 || mv.Inputs.ServiceRate != econ.DefaultServiceRate || !strings.HasPrefix(mv.Sources["service_rate"], "the founding case") {
		t.Errorf("a seller without service hours: rates %v and %v, service rate from %q", mv.Inputs.NewRate, mv.Inputs.ServiceRate, mv.Sources["service_rate"])
	}
	for _, id := range []string{quiet.ID, cand.ID} {
		if _, err := w.uc.MovePerson(ctx, w.mgr, id); errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["person"] == "" {
			t.Errorf("a person without records: %v, want invalid person", err)
		}
	}
	// The Costs page's defaults: the star's figures.
	def, err := w.uc.CostDefaults(ctx, w.mgr, "")
	if err != nil {
		t.Fatal(err)
	}
	if def.Seller == nil || def.Seller.ID != star.ID || def.Inputs.NewRate != 5000 || def.Inputs.ServiceRate != 1000 || def.Inputs.Hours != 120 ||
		def.Sources["new_rate"] == "" || def.Sources["churn"] != "" {
		t.Errorf("defaults = %+v, %v", def.Inputs, def.Sources)
	}
}
