package placement

import (
	"fmt"
	"strings"

	"rolefit/internal/errs"
)

// denseAbove is the number of roles above which the solver looks at the
// people of a role directly instead of keeping (roles+1)² heaps: the heaps
// pay off when roles are few and people per role many.
const denseAbove = 48

// Solution is an optimal assignment together with what the explanations
// need (the final flow and its residual graph).
type Solution struct {
	Assignment
	p    *Matrix
	f    *flow
	dist []cost // all-pairs shortest paths of the residual role graph, computed on first use
}

// SolveMatrix finds an assignment of each person to one role or to
// NotPlaced that
//
//  1. fills every role to at least its minimum and at most its maximum and
//     keeps every pin (otherwise an errs invalid error names the role or pin),
//  2. among those, places as many people with Priority as possible,
//  3. among those, has the largest total value (in whole cents),
//
// and breaks remaining ties by fixed rules on the input's order (see the
// package documentation), so the same input gives the same answer. It is exact: the
// lexicographic objective is one min-cost flow whose costs are pairs (rank,
// cents), see flow.
func SolveMatrix(p Matrix) (*Solution, error) {
	return solveMatrix(&p, len(p.Seats) > denseAbove)
}

func solveMatrix(p *Matrix, dense bool) (*Solution, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	f := newFlow(p, dense)
	for i := range p.Values {
		if err := f.route(i); err != nil {
			return nil, err
		}
	}
	fields := map[string]string{}
	var short []string
	for j, s := range p.Seats {
		if f.count[j] < s.Min {
			short = append(short, p.roleName(j))
			fields["seats."+p.roleName(j)] = fmt.Sprintf("minimum %d cannot be met (the best attempt fills %d): too few people may take the role, or they are needed for other roles' minimums or pinned elsewhere", s.Min, f.count[j])
		}
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("the minimum seats of "+strings.Join(short, ", ")+" cannot be filled", fields)
	}
	s := &Solution{p: p, f: f}
	s.Role = make([]int, len(p.Values))
	s.Filled = make([]int, len(p.Seats))
	for i, a := range f.at {
		if a == f.m {
			s.Role[i] = NotPlaced
			continue
		}
		s.Role[i] = a
		s.Filled[a]++
		s.Total += p.Values[i][a]
		if p.Priority != nil && p.Priority[i] {
			s.PriorityPlaced++
		}
	}
	return s, nil
}
