package placement

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"

	"rolefit/internal/errs"
)

// lpOptimum solves the same problem as a linear program with gonum's
// simplex method, an independent formulation: one variable per allowed
// cell and per person's "not placed", and per role a slack s (free seats
// below the maximum) and a surplus t (seats filled above the minimum):
//
//	Σ_j x_ij + x_i,none = 1          every person
//	Σ_i x_ij + s_j      = max_j      every role
//	s_j + t_j           = max_j − min_j
//
// The constraint matrix is that of a transportation problem, totally
// unimodular, so the LP optimum is integral and equals the assignment
// optimum. Priority is a weight big enough to outweigh all the money:
// the objective is −(cents + big·priority people placed).
func lpOptimum(p Matrix, big float64) (float64, error) {
	n, m := len(p.Values), len(p.Seats)
	type cell struct{ i, j int }
	var cells []cell
	for i, row := range p.Values {
		for j, v := range row {
			if !math.IsNaN(v) {
				cells = append(cells, cell{i, j})
			}
		}
		cells = append(cells, cell{i, -1})
	}
	vars := len(cells) + 2*m
	rows := n + 2*m
	a := mat.NewDense(rows, vars, nil)
	c := make([]float64, vars)
	b := make([]float64, rows)
	for k, e := range cells {
		a.Set(e.i, k, 1)
		if e.j >= 0 {
			a.Set(n+e.j, k, 1)
			c[k] = -float64(toCents(p.Values[e.i][e.j]))
			if p.Priority[e.i] {
				c[k] -= big
			}
		}
	}
	for i := range n {
		b[i] = 1
	}
	for j, s := range p.Seats {
		sv, tv := len(cells)+2*j, len(cells)+2*j+1
		a.Set(n+j, sv, 1)
		b[n+j] = float64(s.Max)
		a.Set(n+m+j, sv, 1)
		a.Set(n+m+j, tv, 1)
		b[n+m+j] = float64(s.Max - s.Min)
	}
	opt, _, err := lp.Simplex(c, a, b, 1e-9, nil)
	return opt, err
}

// TestSolveMatchesLinearProgram compares the solver with the LP on medium
// problems: 15–30 people, 3–6 roles, seats with minimums, forbidden cells
// and people with priority.
func TestSolveMatchesLinearProgram(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	solved := 0
	for c := range 30 {
		n, m := 15+r.IntN(16), 3+r.IntN(4)
		p := randomMatrix(r, n, m, false)
		for j := range p.Seats {
			p.Seats[j].Max += r.IntN(n / m)
		}
		const big = 1e7 // more than 2·n·15,000 cents, the widest spread of the values
		want, lpErr := lpOptimum(p, big)
		for _, dense := range []bool{false, true} {
			s, err := solveMatrix(&p, dense)
			if lpErr != nil {
				if !errors.Is(lpErr, lp.ErrInfeasible) {
					t.Fatalf("case %d: simplex: %v", c, lpErr)
				}
				if errs.Code(err) != errs.CodeInvalid {
					t.Fatalf("case %d (dense %v): the LP is infeasible, the solver gives %v", c, dense, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("case %d (dense %v): %v, the LP optimum is %v", c, dense, err, want)
			}
			pr, cents := checkAssignment(t, p, s)
			if got := -float64(cents) - big*float64(pr); math.Abs(got-want) > 0.5 {
				t.Fatalf("case %d (dense %v): got %v (%d priority, %d cents), LP optimum %v", c, dense, got, pr, cents, want)
			}
			solved++
		}
	}
	t.Logf("%d solutions compared", solved)
	if solved < 30 {
		t.Errorf("only %d of 60 solutions were compared: the cases are mostly infeasible", solved)
	}
}
