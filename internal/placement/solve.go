package placement

import (
	"context"
	"errors"
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
	return SolveMatrixContext(context.Background(), p)
}

// SolveMatrixContext is SolveMatrix that stops when ctx ends, with an errs
// timeout error, so that a request's deadline bounds the work (see
// checkEvery).
func SolveMatrixContext(ctx context.Context, p Matrix) (*Solution, error) {
	return solveMatrixContext(ctx, &p, len(p.Seats) > denseAbove)
}

// checkEvery is how many people are routed between two looks at the
// context. A route costs at most O(roles²) or O(people·roles) (a few
// milliseconds at the sizes placement.MaxPeople allows), so a solve
// stops within about 64 of them of its deadline, and the look itself,
// an atomic load, is lost in the work.
const checkEvery = 64

// stopped is the error of a solve whose context ended (with err) before it
// was done.
func stopped(err error, what string) error {
	if errors.Is(err, context.Canceled) {
		return errs.Timeout("The placement was stopped before it was done: the request was cancelled (" + what + ").")
	}
	return errs.Timeout("The placement took longer than a request may take and was stopped (" + what + "). " +
		"Try again; if it keeps happening, the team or its roles are too many to place in one request.")
}

func solveMatrix(p *Matrix, dense bool) (*Solution, error) {
	return solveMatrixContext(context.Background(), p, dense)
}

func solveMatrixContext(ctx context.Context, p *Matrix, dense bool) (*Solution, error) {
	f, err := routeMatrix(ctx, p, dense)
	if err != nil {
		return nil, err
	}
	return solution(p, f)
}

// routeMatrix checks a problem and adds its people to the flow one by one
// along shortest paths, stopping when ctx ends. The minimums are checked
// after (solution): a flow short of them may still take more people.
func routeMatrix(ctx context.Context, p *Matrix, dense bool) (*flow, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	f := newFlow(p, dense)
	for i := range p.Values {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, stopped(err, fmt.Sprintf("%d of %d people placed", i, len(p.Values)))
			}
		}
		if err := f.route(i); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// solution reads the assignment off a flow with every person routed, or
// names the roles whose minimum it could not fill.
func solution(p *Matrix, f *flow) (*Solution, error) {
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
