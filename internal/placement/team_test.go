package placement

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"rolefit/internal/errs"
)

// demoTeam is the founding case in small: a star seller, an account
// manager, and a candidate who loves service.
func demoTeam() Team {
	return Team{
		Roles: []Role{
			{ID: "ae", Name: "Account executive", Activity: NewBusiness, Profile: []Weight{{"hunter", 1}}, Seats: Seats{1, 1}, HoursPerMonth: 120, BaselineRate: 5000, MonthlyCost: 15000},
			{ID: "am", Name: "Account manager", Activity: Mix, NewBusinessShare: 0.2, Profile: []Weight{{"hunter", 1}, {"farmer", 1}}, Seats: Seats{0, 1}, HoursPerMonth: 120, BaselineRate: 1500, MonthlyCost: 9000},
			{ID: "cs", Name: "Customer success", Activity: AccountService, Profile: []Weight{{"farmer", 1}}, Seats: Seats{0, 2}, HoursPerMonth: 120, BaselineRate: 1000, MonthlyCost: 6000},
		},
		People: []Person{
			{ID: "dana", Kind: Staff, CurrentRole: "am", Scales: map[string]Standing{"hunter": {Score: 95}, "farmer": {Score: 40}}, NewBusinessRate: ptr(5000), ServiceRate: ptr(1000)},
			{ID: "lee", Kind: Staff, CurrentRole: "ae", Scales: map[string]Standing{"hunter": {Score: 40}, "farmer": {Score: 70}}},
			{ID: "sam", Kind: Candidate, Scales: map[string]Standing{"hunter": {Score: 20}, "farmer": {Score: 90}}},
		},
		Assumptions: Assumptions{FitMultiplierLow: 0.6, FitMultiplierHigh: 1.4, GrossMargin: 0.7, CostOfHire: 30000, PaybackMonths: 12},
	}
}

func TestSolveDemo(t *testing.T) {
	plan, err := Solve(demoTeam())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range plan.People {
		got[p.PersonID] = p.RoleID
	}
	// Dana: 120 h × 5,000 × 0.7 − 15,000 = 405,000 on new business; Lee on
	// am (fit 55, ×1.04: 120 × 1,560 × 0.7 − 9,000 = 122,040) beats cs
	// (fit 70, ×1.16: 120 × 1,160 × 0.7 − 6,000 = 91,440); Sam in cs: fit 90,
	// ×1.32: 120 × 1,320 × 0.7 − 6,000 − 30,000/12 = 102,380.
	want := map[string]string{"dana": "ae", "lee": "am", "sam": "cs"}
	for id, role := range want {
		if got[id] != role {
			t.Errorf("%s: got %q, want %q", id, got[id], role)
		}
	}
	if want := 405000 + 122040 + 102380.0; math.Abs(plan.Total-want) > 1e-6 {
		t.Errorf("total: got %v, want %v", plan.Total, want)
	}
	if !plan.People[0].Changed || !plan.People[1].Changed || plan.People[2].Changed {
		t.Errorf("changed: got %v %v %v, want true true false", plan.People[0].Changed, plan.People[1].Changed, plan.People[2].Changed)
	}
	// Moving Dana to customer success: Dana earns 120 × 1,000 × 0.7 − 6,000
	// = 78,000, and ae's one seat must be filled (its minimum): Lee moves
	// there (fit 40, ×0.92: 120 × 4,600 × 0.7 − 15,000 = 371,400), and Sam
	// takes Lee's place in am (fit 55, ×1.04: 131,040 − 9,000 − 2,500 =
	// 119,540). Team: 568,940 against 629,420 before.
	ch, err := plan.WhatIf("dana", "cs")
	if err != nil {
		t.Fatal(err)
	}
	if want := 78000 + 371400 + 119540 - 629420.0; !ch.Possible || math.Abs(ch.Value-want) > 1e-6 {
		t.Errorf("moving dana to cs: got %+v, want a change of %v", ch, want)
	}
}

// TestStaffPlacedWhileSeatsAllow: a member of staff with a negative value
// is placed before a candidate who would add value, because staff are
// placed first while seats allow; with a second seat both are.
func TestStaffPlacedWhileSeatsAllow(t *testing.T) {
	for _, tt := range []struct {
		seats int
		want  []string
		total float64
	}{{1, []string{"cs", ""}, -540}, {2, []string{"cs", "cs"}, -540 + 7000}} {
		team := Team{
			Roles: []Role{{ID: "cs", Activity: AccountService, Profile: []Weight{{"farmer", 1}}, Seats: Seats{0, tt.seats}, HoursPerMonth: 100, BaselineRate: 100, MonthlyCost: 6000}},
			People: []Person{
				// 100 h × 78 × 0.7 − 6,000 = −540.
				{ID: "staff", Kind: Staff, Scales: map[string]Standing{"farmer": {Score: 50}}, ServiceRate: ptr(78)},
				// 100 h × 200 × 0.7 − 6,000 − 12,000/12 = 7,000.
				{ID: "candidate", Kind: Candidate, Scales: map[string]Standing{"farmer": {Score: 50}}, ServiceRate: ptr(200)},
			},
			Assumptions: DefaultAssumptions(),
		}
		team.Assumptions.CostOfHire = 12000
		plan, err := Solve(team)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range plan.People {
			if p.RoleID != tt.want[i] {
				t.Errorf("%d seats: %s got %q, want %q", tt.seats, p.PersonID, p.RoleID, tt.want[i])
			}
		}
		if math.Abs(plan.Total-tt.total) > 1e-6 {
			t.Errorf("%d seats: total %v, want %v", tt.seats, plan.Total, tt.total)
		}
	}
}

// TestSolveRejects checks that bad input is refused with the field named.
func TestSolveRejects(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Team)
		field string
	}{
		{"min above max", func(t *Team) { t.Roles[0].Seats = Seats{3, 2} }, "roles.ae.seats_min"},
		{"negative seats", func(t *Team) { t.Roles[1].Seats = Seats{-1, 2} }, "roles.am.seats_min"},
		{"no positive weight", func(t *Team) { t.Roles[2].Profile = []Weight{{"farmer", 0}} }, "roles.cs.profile"},
		{"negative weight", func(t *Team) { t.Roles[2].Profile = []Weight{{"farmer", -1}, {"hunter", 1}} }, "roles.cs.profile.farmer"},
		{"unknown scale", func(t *Team) { t.Scales = []string{"hunter"} }, "roles.am.profile.farmer"},
		{"duplicate role", func(t *Team) { t.Roles[1].ID = "ae" }, "roles.ae.id"},
		{"duplicate person", func(t *Team) { t.People[1].ID = "dana" }, "people.dana.id"},
		{"bad activity", func(t *Team) { t.Roles[0].Activity = "sales" }, "roles.ae.activity"},
		{"bad share", func(t *Team) { t.Roles[1].NewBusinessShare = 1.5 }, "roles.am.new_business_share"},
		{"bad kind", func(t *Team) { t.People[2].Kind = "contractor" }, "people.sam.kind"},
		{"unknown current role", func(t *Team) { t.People[0].CurrentRole = "ceo" }, "people.dana.current_role"},
		{"margin", func(t *Team) { t.Assumptions.GrossMargin = 1.2 }, "assumptions.gross_margin"},
		{"payback", func(t *Team) { t.Assumptions.PaybackMonths = 0 }, "assumptions.payback_months"},
		{"unknown pin person", func(t *Team) { t.Pins = []Pin{{"kim", "ae"}} }, "pins[0].person_id"},
		{"unknown pin role", func(t *Team) { t.Pins = []Pin{{"dana", "ceo"}} }, "pins[0].role_id"},
		{"pins beyond seats", func(t *Team) { t.Pins = []Pin{{"dana", "ae"}, {"lee", "ae"}} }, "pins.ae"},
		{"pinned twice", func(t *Team) { t.Pins = []Pin{{"dana", "ae"}, {"dana", "cs"}} }, "pins[1]"},
		{"pin on a forbidden cell", func(t *Team) { t.Pins = []Pin{{"dana", "cs"}}; t.Forbidden = []Cell{{"dana", "cs"}} }, "pins[0]"},
		{"pin without a basis for a value", func(t *Team) {
			t.People[2].Scales = nil
			t.Pins = []Pin{{"sam", "cs"}}
		}, "pins[0]"},
		{"infeasible minimum", func(t *Team) { t.Roles[2].Seats = Seats{3, 3} }, "seats.cs"},
		{"minimum beyond the allowed", func(t *Team) { t.Forbidden = []Cell{{"dana", "ae"}, {"lee", "ae"}, {"sam", "ae"}} }, "seats.ae"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			team := demoTeam()
			tt.edit(&team)
			_, err := Solve(team)
			if errs.Code(err) != errs.CodeInvalid {
				t.Fatalf("got %v, want an invalid error", err)
			}
			if _, ok := errs.FieldsOf(err)[tt.field]; !ok {
				t.Errorf("got %v, want the field %s named", err, tt.field)
			}
		})
	}
}

// randomTeam draws a small team with staff, candidates, observed rates,
// mix roles, seats with minimums and forbidden cells.
func randomTeam(r *rand.Rand) Team {
	acts := []Activity{NewBusiness, AccountService, Mix}
	t := Team{Assumptions: DefaultAssumptions()}
	t.Assumptions.CostOfHire = float64(r.IntN(60000))
	for j := range 1 + r.IntN(3) {
		lo := r.IntN(2)
		t.Roles = append(t.Roles, Role{ID: string(rune('a' + j)), Activity: acts[r.IntN(3)], NewBusinessShare: r.Float64(),
			Profile: []Weight{{"hunter", r.Float64()}, {"farmer", 0.1 + r.Float64()}}, Seats: Seats{lo, lo + r.IntN(3)},
			HoursPerMonth: 100 + float64(r.IntN(60)), BaselineRate: float64(200 + r.IntN(5000)), MonthlyCost: float64(r.IntN(200000))})
	}
	for i := range 1 + r.IntN(6) {
		p := Person{ID: string(rune('p' + i)), Kind: Candidate, Scales: map[string]Standing{"hunter": {Score: float64(r.IntN(101))}, "farmer": {Score: 1 + 4*r.Float64(), Min: 1, Max: 5}}}
		if r.IntN(2) == 0 {
			p.Kind = Staff
			p.CurrentRole = t.Roles[r.IntN(len(t.Roles))].ID
		}
		if r.IntN(3) == 0 {
			p.NewBusinessRate = ptr(float64(r.IntN(8000)))
		}
		t.People = append(t.People, p)
		if r.IntN(4) == 0 {
			t.Forbidden = append(t.Forbidden, Cell{p.ID, t.Roles[r.IntN(len(t.Roles))].ID})
		}
	}
	return t
}

// TestWhatIfAndPinsMatchSolving checks, on random teams, that every
// what-if and every pin's cost equals solving the team again with that pin
// added or removed, that a pin never raises the optimum, and that adding a
// seat never lowers it.
func TestWhatIfAndPinsMatchSolving(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	checked := 0
	for c := range 400 {
		team := randomTeam(r)
		plan, err := Solve(team)
		if err != nil {
			continue
		}
		var sum float64
		for _, p := range plan.People {
			sum += p.Net
		}
		if math.Abs(sum-plan.Total) > 1e-6 {
			t.Fatalf("case %d: total %v, sum of the placements %v", c, plan.Total, sum)
		}
		for _, p := range team.People {
			for _, role := range team.Roles {
				got, err := plan.WhatIf(p.ID, role.ID)
				if err != nil {
					t.Fatal(err)
				}
				pinned := team
				pinned.Pins = append(slices.Clone(team.Pins), Pin{p.ID, role.ID})
				other, err := Solve(pinned)
				if err != nil {
					if got.Possible {
						t.Fatalf("case %d: what-if %s→%s = %+v, but solving with the pin fails: %v", c, p.ID, role.ID, got, err)
					}
					continue
				}
				if got.Possible && slices.Contains(team.Forbidden, Cell{p.ID, role.ID}) {
					t.Fatalf("case %d: what-if %s→%s is possible on a forbidden cell", c, p.ID, role.ID)
				}
				pc := other.Pins[len(other.Pins)-1].Cost
				if !sameChangeWithin(pc, Change{Possible: true, Value: other.Total - plan.Total, Priority: countStaff(other) - countStaff(plan)}, 0.01*float64(len(team.People))) {
					t.Fatalf("case %d: the pin %s→%s costs %+v, but the optimum without it is %v (%d staff) and with it %v (%d staff)", c, p.ID, role.ID, pc, plan.Total, countStaff(plan), other.Total, countStaff(other))
				}
				// The what-if keeps the candidate rule; a pin overrides it, so
				// only compare where the person may take the role by the rules.
				if v, _ := plan.Valuation(p.ID, role.ID); !v.Allowed || slices.Contains(team.Forbidden, Cell{p.ID, role.ID}) {
					continue
				}
				// A pin that overrides the candidate rule may raise it; others never do.
				if countStaff(other) > countStaff(plan) || countStaff(other) == countStaff(plan) && other.Total > plan.Total+1e-6 {
					t.Errorf("case %d: pinning %s to %s raises the optimum from %v to %v", c, p.ID, role.ID, plan.Total, other.Total)
				}
				want := Change{Possible: true, Value: other.Total - plan.Total, Priority: countStaff(other) - countStaff(plan)}
				// The solver works in cents, the totals in unrounded money.
				if !sameChangeWithin(got, want, 0.01*float64(len(team.People))) {
					t.Fatalf("case %d: what-if %s→%s = %+v, solving with the pin gives %+v", c, p.ID, role.ID, got, want)
				}
				checked++
			}
		}
		for j := range team.Roles {
			more := team
			more.Roles = slices.Clone(team.Roles)
			more.Roles[j].Seats.Max++
			other, err := Solve(more)
			if err != nil {
				t.Fatalf("case %d: one more seat in %s: %v", c, team.Roles[j].ID, err)
			}
			if countStaff(other) < countStaff(plan) || countStaff(other) == countStaff(plan) && other.Total < plan.Total-1e-6 {
				t.Errorf("case %d: one more seat in %s lowers the optimum from %v to %v", c, team.Roles[j].ID, plan.Total, other.Total)
			}
			want := Change{Possible: true, Value: other.Total - plan.Total, Priority: countStaff(other) - countStaff(plan)}
			if got := plan.Roles[j].OneMore; !sameChangeWithin(got, want, 0.01*float64(len(team.People))) {
				t.Fatalf("case %d: one more seat in %s = %+v, solving gives %+v", c, team.Roles[j].ID, got, want)
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d what-ifs checked", checked)
	}
}

func countStaff(p *Plan) int {
	n := 0
	for _, pl := range p.People {
		if pl.Kind == Staff && pl.RoleID != "" {
			n++
		}
	}
	return n
}

// TestSolveTeamMatchesBruteForce compares Solve on random teams with trying
// every assignment under the rules written out again here: seats, forbidden
// cells, a candidate only where value less hire cost per month is positive,
// most staff placed first, then the largest total.
func TestSolveTeamMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	compared := 0
	for c := range 400 {
		team := randomTeam(r)
		n, m := len(team.People), len(team.Roles)
		net := make([][]float64, n)
		ok := make([][]bool, n)
		for i, p := range team.People {
			net[i], ok[i] = make([]float64, m), make([]bool, m)
			for j, role := range team.Roles {
				v := Value(p, role, team.Assumptions)
				net[i][j] = v.Value
				if p.Kind == Candidate {
					net[i][j] -= team.Assumptions.CostOfHire / team.Assumptions.PaybackMonths
				}
				ok[i][j] = !slices.Contains(team.Forbidden, Cell{p.ID, role.ID}) && (p.Kind == Staff || net[i][j] > 0)
			}
		}
		bestStaff, bestTotal, found := 0, 0.0, false
		role := make([]int, n)
		var try func(i int)
		try = func(i int) {
			if i < n {
				for j := -1; j < m; j++ {
					if j < 0 || ok[i][j] {
						role[i] = j
						try(i + 1)
					}
				}
				return
			}
			count := make([]int, m)
			staff, total := 0, 0.0
			for i, j := range role {
				if j >= 0 {
					count[j]++
					total += net[i][j]
					if team.People[i].Kind == Staff {
						staff++
					}
				}
			}
			for j, role := range team.Roles {
				if count[j] < role.Seats.Min || count[j] > role.Seats.Max {
					return
				}
			}
			if !found || staff > bestStaff || staff == bestStaff && total > bestTotal {
				bestStaff, bestTotal, found = staff, total, true
			}
		}
		try(0)
		plan, err := Solve(team)
		if !found {
			if errs.Code(err) != errs.CodeInvalid {
				t.Fatalf("case %d: no assignment keeps the seats, Solve gives %v", c, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("case %d: %v", c, err)
		}
		if countStaff(plan) != bestStaff || math.Abs(plan.Total-bestTotal) > 0.01*float64(n) {
			t.Fatalf("case %d: got %d staff placed and %v, want %d and %v", c, countStaff(plan), plan.Total, bestStaff, bestTotal)
		}
		compared++
	}
	if compared < 150 {
		t.Errorf("only %d of 400 teams compared", compared)
	}
}
