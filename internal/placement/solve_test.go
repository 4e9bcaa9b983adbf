package placement

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"rolefit/internal/errs"
)

// randomMatrix draws a small problem: values with cents, some cells not
// allowed, seats with minimums, some people with priority, some pins.
func randomMatrix(r *rand.Rand, n, m int, pins bool) Matrix {
	p := Matrix{Values: make([][]float64, n), Seats: make([]Seats, m), Priority: make([]bool, n)}
	for i := range p.Values {
		p.Values[i] = make([]float64, m)
		for j := range p.Values[i] {
			if r.IntN(5) == 0 {
				p.Values[i][j] = math.NaN()
			} else {
				p.Values[i][j] = float64(r.IntN(20001)-5000) / 100
			}
		}
		p.Priority[i] = r.IntN(3) == 0
	}
	for j := range p.Seats {
		lo := r.IntN(3)
		if r.IntN(2) == 0 {
			lo = 0
		}
		p.Seats[j] = Seats{Min: lo, Max: lo + r.IntN(3)}
	}
	if pins {
		p.Pinned = make([]int, n)
		for i := range p.Pinned {
			p.Pinned[i] = NotPlaced
			if j := r.IntN(m); r.IntN(6) == 0 && !math.IsNaN(p.Values[i][j]) {
				p.Pinned[i] = j
			}
		}
	}
	return p
}

// bruteForce tries every assignment and returns the best by the solver's
// rules (feasible, then most priority people placed, then most cents), and
// whether any assignment is feasible.
func bruteForce(p Matrix) (best []int, priority int, cents int64, ok bool) {
	n, m := len(p.Values), len(p.Seats)
	role := make([]int, n)
	var try func(i int)
	try = func(i int) {
		if i < n {
			for j := -1; j < m; j++ {
				if p.Pinned != nil && p.Pinned[i] != NotPlaced && p.Pinned[i] != j {
					continue
				}
				if j >= 0 && math.IsNaN(p.Values[i][j]) {
					continue
				}
				role[i] = j
				try(i + 1)
			}
			return
		}
		count := make([]int, m)
		var pr int
		var c int64
		for i, j := range role {
			if j < 0 {
				continue
			}
			count[j]++
			c += toCents(p.Values[i][j])
			if p.Priority[i] {
				pr++
			}
		}
		for j, s := range p.Seats {
			if count[j] < s.Min || count[j] > s.Max {
				return
			}
		}
		if !ok || pr > priority || pr == priority && c > cents {
			best, priority, cents, ok = append([]int(nil), role...), pr, c, true
		}
	}
	try(0)
	return best, priority, cents, ok
}

// checkAssignment verifies that a solution keeps the seats and the pins,
// uses allowed cells only, and reports its own total.
func checkAssignment(t *testing.T, p Matrix, s *Solution) (priority int, cents int64) {
	t.Helper()
	count := make([]int, len(p.Seats))
	var total float64
	for i, j := range s.Role {
		if p.Pinned != nil && p.Pinned[i] != NotPlaced && p.Pinned[i] != j {
			t.Errorf("person %d in role %d, pinned to %d", i, j, p.Pinned[i])
		}
		if j == NotPlaced {
			continue
		}
		if math.IsNaN(p.Values[i][j]) {
			t.Errorf("person %d placed in role %d, which is not allowed", i, j)
		}
		count[j]++
		total += p.Values[i][j]
		cents += toCents(p.Values[i][j])
		if p.Priority != nil && p.Priority[i] {
			priority++
		}
	}
	for j, s := range p.Seats {
		if count[j] < s.Min || count[j] > s.Max {
			t.Errorf("role %d has %d people, want %d to %d", j, count[j], s.Min, s.Max)
		}
	}
	if math.Abs(total-s.Total) > 1e-9 {
		t.Errorf("reported total %v, sum of the assignment %v", s.Total, total)
	}
	if priority != s.PriorityPlaced {
		t.Errorf("reported %d priority people placed, assignment has %d", s.PriorityPlaced, priority)
	}
	return priority, cents
}

// TestSolveMatchesBruteForce compares the solver, in both of its edge
// modes, with trying every assignment on thousands of small problems.
func TestSolveMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	feasible := 0
	for c := range 3000 {
		n, m := 1+r.IntN(6), 1+r.IntN(3)
		p := randomMatrix(r, n, m, c%2 == 0)
		_, wantPr, wantCents, ok := bruteForce(p)
		for _, dense := range []bool{false, true} {
			s, err := solveMatrix(&p, dense)
			if !ok {
				if errs.Code(err) != errs.CodeInvalid {
					t.Fatalf("case %d (dense %v): got %v, want an invalid error: no assignment keeps the seats", c, dense, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("case %d (dense %v): %v, want a solution", c, dense, err)
			}
			pr, cents := checkAssignment(t, p, s)
			if pr != wantPr || cents != wantCents {
				t.Fatalf("case %d (dense %v) %+v: got %d priority placed and %d cents, want %d and %d", c, dense, p, pr, cents, wantPr, wantCents)
			}
		}
		if ok {
			feasible++
		}
	}
	if feasible < 1000 {
		t.Errorf("only %d of 3000 cases were feasible: the test hardly tests the optimum", feasible)
	}
}

// TestSolveIsDeterministic solves problems full of ties (values in whole
// tens) many times over and wants the same assignment every time.
func TestSolveIsDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for c := range 50 {
		p := randomMatrix(r, 30, 4, c%2 == 0)
		for i := range p.Values {
			for j, v := range p.Values[i] {
				p.Values[i][j] = math.Round(v/10) * 10
			}
		}
		for _, dense := range []bool{false, true} {
			first, err := solveMatrix(&p, dense)
			if err != nil {
				continue
			}
			for range 5 {
				again, err := solveMatrix(&p, dense)
				if err != nil || !slices.Equal(again.Role, first.Role) {
					t.Fatalf("case %d (dense %v): got %v (%v), then %v", c, dense, first.Role, err, again.Role)
				}
			}
		}
	}
}
