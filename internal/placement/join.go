package placement

import (
	"context"
	"slices"
)

// Join is the plan of the plan's team with one more person, p, after
// everyone else: the very plan SolveContext gives for that team, the same
// assignment, figures and explanations, made from this plan's solved flow
// by one more shortest path instead of solving the whole team again. It
// answers "where would this candidate go in today's team" for one person
// after another from one solved team: a copy of the flow, one path and
// the explanations, where a solve is O(people) paths.
//
// The plan itself is not changed. p must not be in the team already (an
// errs invalid error names them). Successive shortest paths add people
// one at a time in the team's order, so the flow after the last of the
// team and one more path for p is the flow a solve of the larger team
// reaches; for teams so large that the rank unit would change
// (rankUnitFor), Join solves the larger team instead.
func (plan *Plan) Join(ctx context.Context, p Person) (*Plan, error) {
	t := plan.team
	t.People = append(slices.Clip(t.People), p)
	if err := t.validate(); err != nil {
		return nil, err
	}
	old := plan.sol
	n := len(old.p.Values)
	if rankUnitFor(n+1) != old.f.rankUnit {
		return SolveContext(ctx, t)
	}
	mx := *old.p
	mx.Values = append(slices.Clip(mx.Values), t.row(p))
	mx.Priority = append(slices.Clip(mx.Priority), p.Kind == Staff)
	mx.Pinned = append(slices.Clip(mx.Pinned), NotPlaced)
	mx.PersonNames = append(slices.Clip(mx.PersonNames), p.ID)
	if err := mx.validate(); err != nil {
		return nil, err
	}
	f := old.f.withOneMore(mx.Values[n], p.Kind == Staff)
	if err := f.route(n); err != nil {
		return nil, err
	}
	sol, err := solution(&mx, f)
	if err != nil {
		return nil, err
	}
	joined := newPlan(t)
	joined.sol = sol
	if err := joined.explain(ctx); err != nil {
		return nil, err
	}
	return joined, nil
}

// withOneMore is a copy of a flow with every person routed and room for
// one more, whose values are row, not yet routed. The copy shares nothing
// the solver writes with f, so f and the plans made from it stay as they
// were.
func (f *flow) withOneMore(row []float64, priority bool) *flow {
	n, m := f.n, f.m
	w := m + 1
	g := &flow{
		n: n + 1, m: m,
		cell:     make([]cost, (n+1)*w),
		at:       append(slices.Clone(f.at), -1),
		pinned:   append(slices.Clone(f.pinned), false),
		free:     f.free, // read only: the cells of pinned people, none of them new
		count:    slices.Clone(f.count),
		seats:    f.seats,
		rankUnit: f.rankUnit,
		pi:       slices.Clone(f.pi),
		dist:     make([]cost, m+2),
		prev:     make([]int, m+2),
		via:      make([]int, m+2),
		done:     make([]bool, m+2),
		best:     make([]cost, m+1),
		who:      make([]int, m+1),
	}
	copy(g.cell, f.cell)
	fillCells(g.cell[n*w:], row, priority)
	switch e := f.edges.(type) {
	case *heapEdges:
		h := &heapEdges{f: g, heaps: make([][]heapEntry, len(e.heaps)), pos: make([]int32, (n+1)*w)}
		for k, hp := range e.heaps {
			h.heaps[k] = slices.Clone(hp)
		}
		copy(h.pos, e.pos)
		for b := range w {
			h.pos[n*w+b] = -1
		}
		g.edges = h
	case *denseEdges:
		d := &denseEdges{f: g, members: make([][]int32, len(e.members)), index: append(slices.Clone(e.index), 0)}
		for a, ms := range e.members {
			d.members[a] = slices.Clone(ms)
		}
		g.edges = d
	}
	return g
}
