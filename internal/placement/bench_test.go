package placement

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// fewRolesMatrix is the target case of docs/PERFORMANCE.md: 10,000 people
// (a third of them staff), 20 roles with minimums and maximums that leave
// some people unplaced, 5% of cells not allowed.
func fewRolesMatrix(seed uint64) Matrix {
	const n, m = 10000, 20
	r := rand.New(rand.NewPCG(seed, 1))
	p := Matrix{Values: make([][]float64, n), Seats: make([]Seats, m), Priority: make([]bool, n)}
	for j := range p.Seats {
		p.Seats[j] = Seats{Min: 50 + r.IntN(100), Max: 300 + r.IntN(300)}
	}
	for i := range p.Values {
		row := make([]float64, m)
		for j := range row {
			row[j] = float64(r.IntN(2_000_000)-200_000) / 100
			if r.IntN(20) == 0 {
				row[j] = nan
			}
		}
		p.Values[i] = row
		p.Priority[i] = r.IntN(3) == 0
	}
	return p
}

// squareMatrix is 1,000 people × 1,000 roles of one seat each, every cell
// allowed, values uniform in money with cents.
func squareMatrix(seed uint64, n int) Matrix {
	r := rand.New(rand.NewPCG(seed, 2))
	p := Matrix{Values: make([][]float64, n), Seats: make([]Seats, n)}
	for j := range p.Seats {
		p.Seats[j] = Seats{Min: 0, Max: 1}
	}
	for i := range p.Values {
		row := make([]float64, n)
		for j := range row {
			row[j] = float64(r.IntN(10_000_000)) / 100
		}
		p.Values[i] = row
	}
	return p
}

func BenchmarkSolveFewRoles(b *testing.B) {
	p := fewRolesMatrix(1)
	for b.Loop() {
		if _, err := SolveMatrix(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSolveSquare(b *testing.B) {
	p := squareMatrix(1, 1000)
	for b.Loop() {
		if _, err := SolveMatrix(p); err != nil {
			b.Fatal(err)
		}
	}
}

var nan = math.NaN()

// bigTeam is 10,000 people (a third staff) with two scales each, some
// with observed rates, and 20 roles of the three activities with seats.
func bigTeam() Team {
	r := rand.New(rand.NewPCG(3, 3))
	acts := []Activity{NewBusiness, AccountService, Mix}
	t := Team{Assumptions: DefaultAssumptions()}
	t.Assumptions.CostOfHire = 20000
	for j := range 20 {
		t.Roles = append(t.Roles, Role{ID: fmt.Sprintf("role%d", j), Activity: acts[j%3], NewBusinessShare: 0.3,
			Profile: []Weight{{"hunter", r.Float64()}, {"farmer", r.Float64() + 0.1}}, Seats: Seats{Min: 50 + r.IntN(100), Max: 300 + r.IntN(300)},
			HoursPerMonth: 120, BaselineRate: float64(500 + r.IntN(5000)), MonthlyCost: float64(5000 + r.IntN(20000))})
	}
	for i := range 10000 {
		p := Person{ID: fmt.Sprintf("p%d", i), Kind: Candidate, Scales: map[string]Standing{
			"hunter": {Score: 1 + 4*r.Float64(), Min: 1, Max: 5}, "farmer": {Score: 1 + 4*r.Float64(), Min: 1, Max: 5}}}
		if i%3 == 0 {
			p.Kind, p.CurrentRole = Staff, t.Roles[r.IntN(20)].ID
			if r.IntN(2) == 0 {
				p.NewBusinessRate, p.ServiceRate = ptr(float64(r.IntN(8000))), ptr(float64(r.IntN(2000)))
			}
		}
		t.People = append(t.People, p)
	}
	t.Pins = []Pin{{"p1", "role3"}, {"p2", "role4"}}
	return t
}

// BenchmarkSolveTeam is the whole team placement of 10,000 people × 20
// roles: values of every cell, the optimum, and every explanation (next
// best role of each person, one seat more and fewer for each role, the
// cost of each pin).
func BenchmarkSolveTeam(b *testing.B) {
	t := bigTeam()
	for b.Loop() {
		if _, err := Solve(t); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJoin is a candidate joined to a routed team of 9,999 people
// over 20 roles (Routed.Join): a copy of the flow, one path and every
// explanation, against BenchmarkSolveTeam's solve of the whole team.
func BenchmarkJoin(b *testing.B) {
	t := bigTeam()
	newcomer := t.People[len(t.People)-1]
	t.People = t.People[:len(t.People)-1]
	routed, err := RouteContext(context.Background(), t)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := routed.Join(context.Background(), newcomer); err != nil {
			b.Fatal(err)
		}
	}
}
