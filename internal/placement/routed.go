package placement

import (
	"context"
	"fmt"
	"math"
	"slices"

	"rolefit/internal/errs"
)

// Routed is a team whose people have all been added to the solver's flow
// along shortest paths (successive shortest paths, see flow), before the
// plan is read off it: what SolveContext does in two steps. It exists even
// when the team cannot fill every role's minimum, which one more person
// may, and it answers two questions without solving the team again:
// its own plan (Plan), and the plan of the team with one more person
// (Join). That is how a candidate's page places them in today's team.
// It is not changed once made, so any number of goroutines may use it.
type Routed struct {
	team         Team
	mx           *Matrix
	f            *flow
	person, role map[string]int
}

// RouteContext checks the team and its pins as Solve does and adds its
// people to the flow, stopping with an errs timeout error when ctx ends.
func RouteContext(ctx context.Context, t Team) (*Routed, error) {
	if err := t.validate(); err != nil {
		return nil, err
	}
	n := len(t.People)
	r := &Routed{team: t}
	r.person, r.role = indexOf(t)
	mx := &Matrix{
		Seats:       make([]Seats, len(t.Roles)),
		Priority:    make([]bool, n),
		Pinned:      make([]int, n),
		PersonNames: make([]string, n),
		RoleNames:   make([]string, len(t.Roles)),
	}
	for j, role := range t.Roles {
		mx.Seats[j], mx.RoleNames[j] = role.Seats, role.ID
	}
	mx.Values = t.rows()
	for i, p := range t.People {
		mx.PersonNames[i], mx.Priority[i], mx.Pinned[i] = p.ID, p.Kind == Staff, NotPlaced
	}
	for _, c := range t.Forbidden {
		mx.Values[r.person[c.PersonID]][r.role[c.RoleID]] = math.NaN()
	}
	fields := map[string]string{}
	for k, pin := range t.Pins {
		i, j := r.person[pin.PersonID], r.role[pin.RoleID]
		v := Value(t.People[i], t.Roles[j], t.Assumptions)
		switch {
		case mx.Pinned[i] != NotPlaced:
			fields[fmt.Sprintf("pins[%d]", k)] = fmt.Sprintf("%s is pinned twice", pin.PersonID)
		case t.forbids(pin.PersonID, pin.RoleID):
			fields[fmt.Sprintf("pins[%d]", k)] = fmt.Sprintf("%s may not take %s: the placement is ruled out", pin.PersonID, pin.RoleID)
		case v.Reason == reasonNoBasis:
			fields[fmt.Sprintf("pins[%d]", k)] = fmt.Sprintf("%s in %s has no value: %s", pin.PersonID, pin.RoleID, v.Reason)
		default:
			mx.Pinned[i] = j
			mx.Values[i][j] = v.Net // a pin overrides the candidate rule
		}
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("the pins cannot be kept", fields)
	}
	f, err := routeMatrix(ctx, mx, len(mx.Seats) > denseAbove)
	if err != nil {
		return nil, err
	}
	r.mx, r.f = mx, f
	return r, nil
}

// Plan is the team's plan, as Solve gives it, or the errs invalid error
// naming the roles whose minimum the team cannot fill.
func (r *Routed) Plan(ctx context.Context) (*Plan, error) {
	sol, err := solution(r.mx, r.f)
	if err != nil {
		return nil, err
	}
	plan := &Plan{team: r.team, sol: sol, person: r.person, role: r.role}
	if err := plan.explain(ctx); err != nil {
		return nil, err
	}
	return plan, nil
}

// Team returns the team that was routed.
func (r *Routed) Team() Team { return r.team }

// Join is the plan of the team with one more person, p, after everyone
// else: the very plan SolveContext gives for that team, the same
// assignment, figures and explanations, made from the routed flow by one
// more shortest path instead of routing the whole team again. p must not
// be in the team already (an errs invalid error names them). Successive
// shortest paths add people one at a time in the team's order, so the
// flow after the last of the team and one more path for p is the flow a
// solve of the larger team reaches; for teams so large that the rank unit
// would change (rankUnitFor), Join solves the larger team instead.
func (r *Routed) Join(ctx context.Context, p Person) (*Plan, error) {
	t := r.team
	t.People = append(slices.Clip(t.People), p)
	if err := t.validate(); err != nil {
		return nil, err
	}
	n := len(r.mx.Values)
	if rankUnitFor(n+1) != r.f.rankUnit {
		return SolveContext(ctx, t)
	}
	mx := *r.mx
	mx.Values = append(slices.Clip(mx.Values), t.row(p))
	mx.Priority = append(slices.Clip(mx.Priority), p.Kind == Staff)
	mx.Pinned = append(slices.Clip(mx.Pinned), NotPlaced)
	mx.PersonNames = append(slices.Clip(mx.PersonNames), p.ID)
	if err := mx.validate(); err != nil {
		return nil, err
	}
	f := r.f.withOneMore(mx.Values[n], p.Kind == Staff)
	if err := f.route(n); err != nil {
		return nil, err
	}
	joined := &Routed{team: t, mx: &mx, f: f, role: r.role, person: make(map[string]int, n+1)}
	for id, i := range r.person {
		joined.person[id] = i
	}
	joined.person[p.ID] = n
	return joined.Plan(ctx)
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
