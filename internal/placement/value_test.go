package placement

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"rolefit/internal/errs"
)

func ptr(v float64) *float64 { return &v }

// TestValueByHand checks fit and expected monthly value against figures
// worked out by hand from the rules in internal/placement/doc.go.
func TestValueByHand(t *testing.T) {
	ae := Role{ID: "ae", Activity: NewBusiness, Profile: []Weight{{"hunter", 1}}, Seats: Seats{0, 1},
		HoursPerMonth: 120, BaselineRate: 5000, MonthlyCost: 15000}
	mix := Role{ID: "mix", Activity: Mix, NewBusinessShare: 0.25, Profile: []Weight{{"hunter", 1}, {"farmer", 3}},
		HoursPerMonth: 100, BaselineRate: 2000, MonthlyCost: 6000}
	a := DefaultAssumptions()
	a.CostOfHire = 24000
	tests := []struct {
		name             string
		p                Person
		r                Role
		fit, rate, value float64
		net              float64
		allowed          bool
		sources          []string
	}{
		// fit 90 → multiplier 0.6 + 0.8·0.9 = 1.32 → 6,600/h; 120 h → 792,000;
		// × 0.7 = 554,400; − 15,000 = 539,400.
		{"percentile", Person{Kind: Staff, Scales: map[string]Standing{"hunter": {Score: 2, Min: 1, Max: 5, Percentile: ptr(90)}}},
			ae, 90, 6600, 539400, 539400, true, []string{"fit"}},
		// an observed 5,000/h replaces the estimate: 600,000 × 0.7 − 15,000.
		{"observed", Person{Kind: Staff, Scales: map[string]Standing{"hunter": {Percentile: ptr(90)}}, NewBusinessRate: ptr(5000)},
			ae, 90, 5000, 405000, 405000, true, []string{"observed"}},
		// hunter 4 on 1–5 → 75, farmer 50 on 0–100: fit (75 + 3·50)/4 = 56.25,
		// multiplier 1.05 → 2,100/h on the 25 new-business hours (52,500) and
		// the observed 1,000/h on the 75 service hours (75,000): 127,500, a
		// mixed rate of 1,275/h; × 0.7 − 6,000 = 83,250; a candidate pays
		// 24,000/12 = 2,000 a month for the hire: 81,250.
		{"mix", Person{Kind: Candidate, Scales: map[string]Standing{"hunter": {Score: 4, Min: 1, Max: 5}, "farmer": {Score: 50}}, ServiceRate: ptr(1000)},
			mix, 56.25, 1275, 83250, 81250, true, []string{"fit", "observed"}},
		// a missing scale leaves its weight to the others: fit = farmer's 50.
		{"missing scale", Person{Kind: Staff, Scales: map[string]Standing{"farmer": {Score: 50}}},
			mix, 50, 2000, 100*2000*0.7 - 6000, 100*2000*0.7 - 6000, true, []string{"fit", "fit"}},
		// fit 0: 0.6 × 5,000 × 120 × 0.7 = 252,000 − 15,000 − 2,000 > 0.
		{"candidate pays back", Person{Kind: Candidate, Scales: map[string]Standing{"hunter": {Score: 0}}},
			ae, 0, 3000, 237000, 235000, true, []string{"fit"}},
		// no standing on the profile and no observed rate: no basis.
		{"no basis", Person{Kind: Staff, Scales: map[string]Standing{"other": {Score: 50}}},
			ae, 0, 5000, 405000, 405000, false, []string{"fit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Value(tt.p, tt.r, a)
			near := func(got, want float64) bool { return math.Abs(got-want) < 1e-6 }
			if !near(v.Fit.Fit, tt.fit) || !near(v.Rate, tt.rate) || !near(v.Value, tt.value) || !near(v.Net, tt.net) {
				t.Errorf("got fit %v, rate %v, value %v, net %v; want %v, %v, %v, %v", v.Fit.Fit, v.Rate, v.Value, v.Net, tt.fit, tt.rate, tt.value, tt.net)
			}
			if v.Allowed != tt.allowed {
				t.Errorf("got allowed %v (%s), want %v", v.Allowed, v.Reason, tt.allowed)
			}
			if len(v.Parts) != len(tt.sources) {
				t.Fatalf("got %d rate parts, want %d", len(v.Parts), len(tt.sources))
			}
			hours := 0.0
			for k, part := range v.Parts {
				hours += part.Hours
				if part.Source != tt.sources[k] {
					t.Errorf("part %d: got source %s, want %s", k, part.Source, tt.sources[k])
				}
			}
			if !near(hours, tt.r.HoursPerMonth) || !near(v.GrossProfit-v.MonthlyCost, v.Value) || !near(v.Revenue*a.GrossMargin, v.GrossProfit) {
				t.Errorf("the parts do not add up: %+v", v)
			}
		})
	}
}

// TestCandidateRule checks that a candidate whose hire does not pay back
// may not be placed.
func TestCandidateRule(t *testing.T) {
	cs := Role{ID: "cs", Activity: AccountService, Profile: []Weight{{"farmer", 1}}, HoursPerMonth: 100, BaselineRate: 100, MonthlyCost: 5000}
	p := Person{Kind: Candidate, Scales: map[string]Standing{"farmer": {Score: 50}}}
	a := DefaultAssumptions()
	// 100 h × 100 × 0.7 − 5,000 = 2,000 a month; a hire of 24,000 over 12
	// months is exactly 2,000: net 0 does not pay back, 23,999 does.
	for _, tt := range []struct {
		cost    float64
		allowed bool
	}{{24000, false}, {23999, true}, {0, true}} {
		a.CostOfHire = tt.cost
		if v := Value(p, cs, a); v.Allowed != tt.allowed {
			t.Errorf("cost of hire %v: got allowed %v (net %v), want %v", tt.cost, v.Allowed, v.Net, tt.allowed)
		}
	}
}

// TestStanding checks how a result on a scale becomes a standing of 0–100.
func TestStanding(t *testing.T) {
	tests := []struct {
		name   string
		s      Standing
		want   float64
		source string
	}{
		{"percentile first", Standing{Score: 5, Min: 1, Max: 5, Percentile: ptr(37.5)}, 37.5, "percentile"},
		{"raw score mapped", Standing{Score: 2, Min: 1, Max: 5}, 25, "score"},
		{"raw score below the range", Standing{Score: 0, Min: 1, Max: 5}, 0, "score"},
		{"on 0–100 already", Standing{Score: 64}, 64, "score"},
		{"above 100", Standing{Score: 120}, 100, "score"},
	}
	for _, tt := range tests {
		got, source := standing(tt.s)
		if got != tt.want || source != tt.source {
			t.Errorf("%s: got %v (%s), want %v (%s)", tt.name, got, source, tt.want, tt.source)
		}
	}
}

// TestRoleCostOfHire checks that a role's own cost of hire replaces the
// assumptions' for candidates only, and the payback it shows.
func TestRoleCostOfHire(t *testing.T) {
	// 100 h × 100 × 0.7 − 5,000 = 2,000 a month of value.
	own := 9000.0
	cs := Role{ID: "cs", Activity: AccountService, Profile: []Weight{{"farmer", 1}}, HoursPerMonth: 100, BaselineRate: 100,
		MonthlyCost: 5000, CostOfHire: &own}
	a := DefaultAssumptions()
	a.CostOfHire = 24000
	for _, tt := range []struct {
		kind                 Kind
		cost, perMonth, back float64
		allowed              bool
	}{
		// 9,000 / 12 = 750 a month; 9,000 / 2,000 = 4.5 months.
		{Candidate, 9000, 750, 4.5, true},
		{Staff, 0, 0, 0, true},
	} {
		v := Value(Person{Kind: tt.kind, Scales: map[string]Standing{"farmer": {Score: 50}}}, cs, a)
		if v.CostOfHire != tt.cost || v.HireCostPerMonth != tt.perMonth || v.Payback != tt.back || v.Allowed != tt.allowed {
			t.Errorf("%s: got cost %v, per month %v, payback %v, allowed %v; want %v, %v, %v, %v", tt.kind,
				v.CostOfHire, v.HireCostPerMonth, v.Payback, v.Allowed, tt.cost, tt.perMonth, tt.back, tt.allowed)
		}
	}
	// The team placement reports the same for the candidate it places.
	plan, err := Solve(Team{Roles: []Role{{ID: "cs", Activity: AccountService, Profile: cs.Profile, HoursPerMonth: 100,
		BaselineRate: 100, MonthlyCost: 5000, CostOfHire: &own, Seats: Seats{Max: 1}}}, Assumptions: a,
		People: []Person{{ID: "c", Kind: Candidate, Scales: map[string]Standing{"farmer": {Score: 50}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if pl := plan.People[0]; pl.RoleID != "cs" || pl.CostOfHire != 9000 || pl.Payback != 4.5 {
		t.Errorf("placed candidate: got role %q, cost of hire %v, payback %v; want cs, 9000, 4.5", pl.RoleID, pl.CostOfHire, pl.Payback)
	}
	bad := -1.0
	cs.CostOfHire = &bad
	team := Team{Roles: []Role{cs}, Assumptions: a}
	team.Roles[0].Seats = Seats{Max: 1}
	if _, err := Solve(team); !strings.Contains(fmt.Sprint(errs.FieldsOf(err)), "cost_of_hire") {
		t.Errorf("a negative cost of hire of a role: got %v, want an error on its cost_of_hire", err)
	}
}
