package econ

import "testing"

func TestCompPlanFigures(t *testing.T) {
	seller := CompPlan{Base: 60000, TargetVariable: 60000, Quota: 600000}
	service := CompPlan{Base: 50000, TargetVariable: 10000, Basis: Bonus, BenefitsLoad: 1.3}
	for _, tc := range []struct {
		name                      string
		plan                      CompPlan
		attainment                float64
		ote, baseShare, rate      float64
		monthly, variable, annual float64
		perRevenue                float64 // 0: none
	}{
		// 60k base × 1.25 = 75k, + 60k target = 135k a year, 11,250 a month.
		// At 120%: 72k variable, 147k, over 720k revenue.
		{"commission at 120%", seller, 1.2, 120000, 0.5, 0.1, 11250, 72000, 147000, 147000.0 / 720000},
		{"commission at 50%", seller, 0.5, 120000, 0.5, 0.1, 11250, 30000, 105000, 105000.0 / 300000},
		{"commission at 0", seller, 0, 120000, 0.5, 0.1, 11250, 0, 75000, 0},
		// 50k × 1.3 = 65k + 10k = 75k a year on target; the bonus stops at 100%.
		{"bonus above target", service, 1.5, 60000, 50000.0 / 60000, 0, 6250, 10000, 75000, 0},
		{"bonus below target", service, 0.5, 60000, 50000.0 / 60000, 0, 6250, 5000, 70000, 0},
		{"no pay", CompPlan{}, 1, 0, 1, 0, 0, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.plan
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			base, variable := p.PayMix()
			checks := []struct {
				what      string
				got, want float64
			}{
				{"OTE", p.OTE(), tc.ote},
				{"base share", base, tc.baseShare},
				{"variable share", variable, 1 - tc.baseShare},
				{"commission rate", p.CommissionRate(), tc.rate},
				{"loaded monthly cost", p.LoadedMonthlyCost(), tc.monthly},
				{"variable pay", p.VariableAt(tc.attainment), tc.variable},
				{"annual cost", p.AnnualCostAt(tc.attainment), tc.annual},
			}
			for _, c := range checks {
				if !near(c.got, c.want) {
					t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
				}
			}
			got, ok := p.CostPerRevenue(tc.attainment)
			if ok != (tc.perRevenue != 0) || !near(got, tc.perRevenue) {
				t.Errorf("cost per revenue: got %v %v, want %v", got, ok, tc.perRevenue)
			}
			s, err := p.Summarize(tc.attainment)
			if err != nil {
				t.Fatal(err)
			}
			if (s.CostPerRevenue != nil) != ok || s.AnnualCostAt != p.AnnualCostAt(tc.attainment) || s.LoadedMonthlyCost != p.LoadedMonthlyCost() {
				t.Errorf("summary %+v disagrees with the plan's methods", s)
			}
		})
	}
}

func TestCompPlanInvalid(t *testing.T) {
	for _, tc := range []struct {
		plan  CompPlan
		field string
	}{
		{CompPlan{Base: -1}, "base"},
		{CompPlan{TargetVariable: -5, Quota: 10}, "target_variable"},
		{CompPlan{Quota: -1}, "quota"},
		{CompPlan{Basis: "equity"}, "basis"},
		{CompPlan{BenefitsLoad: 0.9}, "benefits_load"},
		{CompPlan{BenefitsLoad: 4}, "benefits_load"},
		{CompPlan{TargetVariable: 1000}, "quota"},
		{CompPlan{Base: 1e13}, "base"},
	} {
		wantInvalid(t, tc.plan.Validate(), tc.field)
	}
	_, err := CompPlan{Base: 1}.Summarize(-0.5)
	wantInvalid(t, err, "attainment")
}

func TestDefaultServicePlanIsTheModelsDefault(t *testing.T) {
	// 60,000 × 1.25 / 12.
	got := DefaultServicePlan().LoadedMonthlyCost()
	if got != 6250 {
		t.Errorf("default service plan costs %v a month, want 6250", got)
	}
	if got != DefaultInputs().ServicePersonCost {
		t.Errorf("default service plan costs %v a month, the model's default %v", got, DefaultInputs().ServicePersonCost)
	}
}
