package econ

import "testing"

func TestCostPerHire(t *testing.T) {
	p := HiringPeriod{
		Items: []CostItem{
			{Category: Advertising, Amount: 1000},
			{Category: AgencyFees, Amount: 15000},
			{Category: RecruiterTime, Amount: 3000},
			{Category: Advertising, Amount: 500},
			{Category: InterviewerTime, Amount: 1000},
		},
		Hires:                 2,
		FirstYearCompensation: 164000,
	}
	got, err := p.Compute()
	if err != nil {
		t.Fatal(err)
	}
	// External 1,000 + 15,000 + 500; internal 3,000 + 1,000; 20,500 over 2
	// hires; 20,500 / 164,000 = 12.5%.
	if got.External != 16500 || got.Internal != 4000 || got.Total != 20500 || got.CPH != 10250 {
		t.Errorf("got external %v internal %v total %v CPH %v, want 16500 4000 20500 10250", got.External, got.Internal, got.Total, got.CPH)
	}
	if got.RecruitingCostRatio == nil || !near(*got.RecruitingCostRatio, 12.5) {
		t.Errorf("recruiting cost ratio %v, want 12.5", got.RecruitingCostRatio)
	}
	want := []CategoryTotal{{Advertising, true, 1500}, {AgencyFees, true, 15000}, {RecruiterTime, false, 3000}, {InterviewerTime, false, 1000}}
	if len(got.ByCategory) != len(want) {
		t.Fatalf("by category %v, want %v", got.ByCategory, want)
	}
	for i := range want {
		if got.ByCategory[i] != want[i] {
			t.Errorf("category %d: got %v, want %v", i, got.ByCategory[i], want[i])
		}
	}

	// No compensation given: no ratio. Neither costs nor hires: zero.
	p.FirstYearCompensation = 0
	if got, err := p.Compute(); err != nil || got.RecruitingCostRatio != nil {
		t.Errorf("without compensation: ratio %v, err %v; want none", got.RecruitingCostRatio, err)
	}
	if got, err := (HiringPeriod{}).Compute(); err != nil || got.CPH != 0 || got.Total != 0 {
		t.Errorf("empty period: %+v, %v", got, err)
	}
}

func TestCategoriesSplit(t *testing.T) {
	external := map[Category]bool{Advertising: true, AgencyFees: true, ReferralAwards: true, BackgroundChecks: true,
		Assessments: true, Travel: true, Relocation: true, SignOnBonus: true, OtherExternal: true}
	for _, c := range Categories() {
		if c.External() != external[c] {
			t.Errorf("%s: external %v, want %v", c, c.External(), external[c])
		}
	}
	if Category("lunch").Valid() || Category("lunch").External() {
		t.Error("an unknown category is valid or external")
	}
}

func TestCostPerHireInvalid(t *testing.T) {
	for _, tc := range []struct {
		name  string
		p     HiringPeriod
		field string
	}{
		{"costs against no hires", HiringPeriod{Items: []CostItem{{Advertising, 100, ""}}}, "hires"},
		{"negative hires", HiringPeriod{Hires: -1}, "hires"},
		{"unknown category", HiringPeriod{Items: []CostItem{{Advertising, 1, ""}, {"lunch", 1, ""}}, Hires: 1}, "items.1.category"},
		{"negative amount", HiringPeriod{Items: []CostItem{{Travel, -1, ""}}, Hires: 1}, "items.0.amount"},
		{"negative compensation", HiringPeriod{Hires: 1, FirstYearCompensation: -1}, "first_year_compensation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.p.Compute()
			wantInvalid(t, err, tc.field)
		})
	}
}

func TestTotalHireCost(t *testing.T) {
	// A month of gross profit is 30,437.5, so 45 days (1.478 months) lose
	// 45,000; a ramp at 25%, 50%, 75% loses 0.75 + 0.5 + 0.25 = 1.5 months.
	h := HireCost{CostPerHire: 4700, DaysToFill: 45, MonthlyGrossProfit: 30437.5, Ramp: []float64{0.25, 0.5, 0.75}}
	got, err := h.Total()
	if err != nil {
		t.Fatal(err)
	}
	want := TotalHireCost{CostPerHire: 4700, Vacancy: 45000, Ramp: 45656.25, Total: 95356.25}
	if !near(got.Vacancy, want.Vacancy) || !near(got.Ramp, want.Ramp) || !near(got.Total, want.Total) || got.CostPerHire != want.CostPerHire {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for _, tc := range []struct {
		h     HireCost
		field string
	}{
		{HireCost{CostPerHire: -1}, "cost_per_hire"},
		{HireCost{DaysToFill: -3}, "days_to_fill"},
		{HireCost{MonthlyGrossProfit: -3}, "monthly_gross_profit"},
		{HireCost{Ramp: []float64{0.5, 1.2}}, "ramp.1"},
	} {
		_, err := tc.h.Total()
		wantInvalid(t, err, tc.field)
	}
}
