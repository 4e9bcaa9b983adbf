package placement

import "context"

// Change is the effect of a change to a solved problem on its optimum, with
// the rest of the team re-optimised by the solver's own rules (minimums
// first, then people with priority, then value).
type Change struct {
	// Possible is false when the change cannot be made while keeping every
	// role's minimum and the pins.
	Possible bool `json:"possible"`
	// Value is the change of the total value, money per month (negative:
	// the team earns less).
	Value float64 `json:"value"`
	// Priority is the change of the number of people with priority (staff)
	// who are placed.
	Priority int `json:"priority"`
}

// residual computes, once, the all-pairs shortest paths of the final
// residual role graph (Floyd–Warshall, O((roles+2)³)): the cost of the
// cheapest chain of moves from one node to another that keeps the
// assignment optimal elsewhere. Every change below is a cycle through this
// graph: the optimum changes by the cycle's cost, because an optimal flow
// has no negative cycle and the difference of two flows decomposes into
// cycles (Ahuja, Magnanti & Orlin 1993, theorem 9.1 and section 3.5).
func (s *Solution) residual() []cost {
	d, _ := s.residualContext(context.Background()) // cannot fail without a deadline
	return d
}

// residualContext is residual that stops when ctx ends: Floyd–Warshall
// costs O((roles+2)³), tens of milliseconds at 200 roles and seconds at
// a thousand, so it looks at the context once per intermediate node
// (O(roles²) work apart).
func (s *Solution) residualContext(ctx context.Context) ([]cost, error) {
	if s.dist != nil {
		return s.dist, nil
	}
	f := s.f
	w := f.m + 2
	sink := f.m + 1
	d := make([]cost, w*w)
	for i := range d {
		d[i] = infinite
	}
	best, who := make([]cost, f.m+1), make([]int, f.m+1)
	for a := 0; a <= f.m; a++ {
		f.edges.bestFrom(a, best, who)
		for b, k := range who {
			if k >= 0 {
				d[a*w+b] = best[b]
			}
		}
		d[a*w+sink] = f.sinkCost(a)
		if f.count[a] > 0 {
			// One person fewer at a: undoing a minimum seat gives back its reward.
			if a < f.m && f.count[a] <= f.seats[a].Min {
				d[sink*w+a] = cost{rank: f.rankUnit}
			} else {
				d[sink*w+a] = cost{}
			}
		}
	}
	for v := range w {
		d[v*w+v] = cost{}
	}
	for k := range w {
		if err := ctx.Err(); err != nil {
			return nil, stopped(err, "explaining the plan")
		}
		for i := range w {
			ik := d[i*w+k]
			if ik.isInfinite() {
				continue
			}
			for j := range w {
				if kj := d[k*w+j]; !kj.isInfinite() {
					if c := ik.add(kj); c.less(d[i*w+j]) {
						d[i*w+j] = c
					}
				}
			}
		}
	}
	s.dist = d
	return d, nil
}

// change turns a cycle's cost (what the solver minimises) into a Change.
func (s *Solution) change(c cost) Change {
	if c.isInfinite() {
		return Change{}
	}
	// rank = −(rankUnit·minimum seats filled + priority people placed), and
	// |priority change| ≤ n < rankUnit/2, so the nearest multiple of
	// rankUnit is the minimum seats' part.
	u := s.f.rankUnit
	r := -c.rank
	mins := (r + u/2) / u
	if r < 0 {
		mins = -((-r + u/2) / u)
	}
	if mins < 0 {
		return Change{}
	}
	return Change{Possible: true, Value: -float64(c.cents) / 100, Priority: int(r - mins*u)}
}

// Move is the change of the optimum when person i is made to take role j
// (NotPlaced: to leave the team) and everyone else is re-optimised. It is
// exact and costs O(1) once the residual graph is known.
func (s *Solution) Move(i, j int) Change {
	f := s.f
	a := f.at[i]
	b := j
	if j == NotPlaced {
		b = f.m
	}
	if b == a {
		return Change{Possible: true}
	}
	w := f.m + 1
	in := f.cell[i*w+b]
	if f.pinned[i] || in.isInfinite() {
		return Change{}
	}
	d := s.residual()
	back := d[b*(f.m+2)+a]
	if back.isInfinite() {
		return Change{}
	}
	return s.change(in.sub(f.cell[i*w+a]).add(back))
}

// MoreSeats is the change of the optimum when role j gets one more seat.
func (s *Solution) MoreSeats(j int) Change {
	f := s.f
	if f.count[j] < f.seats[j].Max {
		return Change{Possible: true} // a seat is already free
	}
	// The new seat (cost 0, above the minimum) and a chain of moves from
	// the sink back to j; doing nothing is the cycle of cost 0.
	c := s.residual()[(f.m+1)*(f.m+2)+j]
	if !c.less(cost{}) {
		return Change{Possible: true}
	}
	return s.change(c)
}

// FewerSeats is the change of the optimum when role j loses one seat. It is
// not possible when the role has no seat or its maximum would fall below
// its minimum.
func (s *Solution) FewerSeats(j int) Change {
	f := s.f
	if f.seats[j].Max == 0 || f.seats[j].Max-1 < f.seats[j].Min {
		return Change{}
	}
	if f.count[j] < f.seats[j].Max {
		return Change{Possible: true}
	}
	// One person leaves j (the seat is above the minimum, so no rank is
	// given back) along the cheapest chain to a free seat or out.
	return s.change(s.residual()[j*(f.m+2)+f.m+1])
}

// NextBest is the role, other than person i's own, that costs the team
// least when person i is made to take it with everyone else re-optimised,
// and that change; -1 when no other role is possible. Ties go to the lower
// role index.
func (s *Solution) NextBest(i int) (int, Change) {
	f := s.f
	next := -1
	var bestCost cost
	d := s.residual()
	w := f.m + 1
	for b := 0; b < f.m; b++ {
		a := f.at[i]
		if b == a || f.pinned[i] || f.cell[i*w+b].isInfinite() {
			continue
		}
		back := d[b*(f.m+2)+a]
		if back.isInfinite() {
			continue
		}
		c := f.cell[i*w+b].sub(f.cell[i*w+a]).add(back)
		if s.change(c).Possible && (next < 0 || c.less(bestCost)) {
			next, bestCost = b, c
		}
	}
	if next < 0 {
		return -1, Change{}
	}
	return next, s.change(bestCost)
}

// PinCost is the change of the optimum that person i's pin causes: the
// optimum with every pin minus the optimum without this one (so it is never
// positive in value unless it places more people with priority). Zero for
// a person who is not pinned.
func (s *Solution) PinCost(i int) Change {
	f := s.f
	row, ok := f.free[i]
	if !ok {
		return Change{Possible: true}
	}
	// Freeing the pin adds person i's moves out of its role; the new optimum
	// is the old one plus the cheapest cycle through one of them.
	a := f.at[i]
	d := s.residual()
	bestCycle := cost{}
	for b, c := range row {
		if b == a || c.isInfinite() {
			continue
		}
		back := d[b*(f.m+2)+a]
		if back.isInfinite() {
			continue
		}
		if cyc := c.sub(row[a]).add(back); cyc.less(bestCycle) {
			bestCycle = cyc
		}
	}
	ch := s.change(cost{}.sub(bestCycle))
	return ch
}
