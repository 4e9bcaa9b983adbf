package placement

import "fmt"

// flow is the assignment as a min-cost flow, solved by successive shortest
// paths (Ahuja, Magnanti & Orlin, "Network Flows", 1993, section 9.7) on a
// graph whose nodes are the roles, not the people, so that a path costs
// O(roles²) however many people there are.
//
// Each person is a supply of one unit that flows to a role node or to the
// node "not placed", and from there to the sink. A person k sitting in node
// a can move to node b at cost cell(k,b) − cell(k,a); the cheapest such move
// from a to b is one edge of the role graph (edgeIndex keeps it). Role j
// reaches the sink while it has a free seat: the first Min seats at the cost
// −rankUnit (a reward no amount of money outweighs, so minimums are filled
// whenever possible), the others at 0. "Not placed" reaches the sink freely.
//
// People are added one at a time, each along a shortest path from the new
// person to the sink, which may move people already placed (Tomizawa 1971;
// Edmonds & Karp 1972). Node potentials keep reduced costs non-negative so
// Dijkstra's method applies; the search stops as soon as the sink is
// settled, and only settled nodes' potentials change (the usual early-exit
// update: π(v) += dist(v) − dist(sink) for settled v), which keeps every
// residual edge's reduced cost non-negative.
type flow struct {
	n, m     int            // people, roles; node m is "not placed", node m+1 the sink
	cell     []cost         // n×(m+1): cost of person i at node b; infinite if not allowed
	at       []int          // node of each person, -1 before the person is routed
	pinned   []bool         // pinned people never move and are not in edges
	free     map[int][]cost // the cells of pinned people as if they were free
	count    []int          // people at each node 0..m
	seats    []Seats        // per role
	rankUnit int64          // rank reward of filling a minimum seat
	pi       []cost         // potentials of the m+2 nodes
	edges    edgeIndex

	// scratch for route
	dist      []cost
	prev, via []int
	done      []bool
	best      []cost
	who       []int
}

// edgeIndex answers, for a node a, the cheapest move of one of its people
// to every other node b: best[b] = min over unpinned k at a of
// cell(k,b) − cell(k,a), who[b] = that k, or -1 when nobody at a may move
// to b.
type edgeIndex interface {
	insert(k, a int)
	remove(k, a int)
	bestFrom(a int, best []cost, who []int)
}

func newFlow(p *Matrix, dense bool) *flow {
	n, m := len(p.Values), len(p.Seats)
	f := &flow{
		n: n, m: m,
		cell:     make([]cost, n*(m+1)),
		at:       make([]int, n),
		pinned:   make([]bool, n),
		count:    make([]int, m+1),
		seats:    p.Seats,
		rankUnit: rankUnitFor(n),
		pi:       make([]cost, m+2),
		dist:     make([]cost, m+2),
		prev:     make([]int, m+2),
		via:      make([]int, m+2),
		done:     make([]bool, m+2),
		best:     make([]cost, m+1),
		who:      make([]int, m+1),
	}
	for i, row := range p.Values {
		f.at[i] = -1
		pin := NotPlaced
		if p.Pinned != nil {
			pin = p.Pinned[i]
		}
		f.pinned[i] = pin != NotPlaced
		c := f.cell[i*(m+1) : (i+1)*(m+1)]
		fillCells(c, row, p.Priority != nil && p.Priority[i])
		if pin != NotPlaced {
			if f.free == nil {
				f.free = map[int][]cost{}
			}
			f.free[i] = append([]cost(nil), c...)
			for j := range c {
				if j != pin {
					c[j] = infinite
				}
			}
		}
	}
	// With no one routed, the only edges are those to the sink, costing
	// −rankUnit from a role with a minimum and 0 from the others. These
	// potentials make every one of them exactly 0, so the first searches
	// end at once instead of settling every node before the sink.
	f.pi[m+1] = cost{rank: -f.rankUnit}
	for a := 0; a <= m; a++ {
		if a == m || p.Seats[a].Min == 0 {
			f.pi[a] = cost{rank: -f.rankUnit}
		}
	}
	if dense {
		f.edges = newDenseEdges(f)
	} else {
		f.edges = newHeapEdges(f)
	}
	return f
}

// fillCells sets a person's cells from their row of values: the cost of
// each role (rank −1 for a person with priority, so that placing them
// counts), infinite where they may not take it; "not placed" costs 0.
func fillCells(c []cost, row []float64, priority bool) {
	var rank int64
	if priority {
		rank = -1
	}
	for j, v := range row {
		if v != v { // NaN: not allowed
			c[j] = infinite
		} else {
			c[j] = cost{rank, -toCents(v)}
		}
	}
}

// rankUnitFloor is the smallest rankUnit: one value for every team of up
// to 65,535 people. Any unit above twice the people with priority orders
// the lexicographic objective the same way (a difference of priority
// counts never outweighs a minimum seat), so the choice changes no
// answer; keeping it the same for n and n+1 people is what lets
// Routed.Join place one more person on a routed flow and reach the very
// flow a fresh solve of the larger team builds.
const rankUnitFloor = 1<<17 + 1

// rankUnitFor is the rank reward of a minimum seat for n people: more
// than twice n, so that it outweighs any change of the number of people
// with priority placed (at most n either way).
func rankUnitFor(n int) int64 { return max(int64(2*n+1), rankUnitFloor) }

// sinkCost is the cost of the edge from node a to the sink, infinite when
// a has no free seat.
func (f *flow) sinkCost(a int) cost {
	switch {
	case a == f.m:
		return cost{}
	case f.count[a] < f.seats[a].Min:
		return cost{rank: -f.rankUnit}
	case f.count[a] < f.seats[a].Max:
		return cost{}
	}
	return infinite
}

// route adds person i along a shortest path to the sink.
func (f *flow) route(i int) error {
	if d, ok := f.edges.(*denseEdges); ok {
		return f.routeDense(i, d)
	}
	m, sink := f.m, f.m+1
	for v := range f.dist {
		f.dist[v], f.prev[v], f.done[v] = infinite, -2, false
	}
	row := f.cell[i*(m+1) : (i+1)*(m+1)]
	for b, c := range row {
		if !c.isInfinite() {
			f.dist[b], f.prev[b] = c.sub(f.pi[b]), -1
		}
	}
	for {
		u := -1
		for v, d := range f.dist {
			if !f.done[v] && (u < 0 || d.less(f.dist[u])) {
				u = v
			}
		}
		if u < 0 || f.dist[u].isInfinite() {
			return fmt.Errorf("placement: no path for person %d", i) // cannot happen: pins were checked
		}
		f.done[u] = true
		if u == sink {
			break
		}
		du := f.dist[u].add(f.pi[u])
		if sc := f.sinkCost(u); !sc.isInfinite() {
			if d := du.add(sc).sub(f.pi[sink]); d.less(f.dist[sink]) {
				f.dist[sink], f.prev[sink] = d, u
			}
		}
		f.edges.bestFrom(u, f.best, f.who)
		for b, k := range f.who {
			if k < 0 || f.done[b] {
				continue
			}
			if d := du.add(f.best[b]).sub(f.pi[b]); d.less(f.dist[b]) {
				f.dist[b], f.prev[b], f.via[b] = d, u, k
			}
		}
	}
	end := f.dist[sink]
	for v, done := range f.done {
		if done {
			f.pi[v] = f.pi[v].add(f.dist[v]).sub(end)
		}
	}
	f.augment(i)
	return nil
}

// augment walks the shortest path back from the sink: each node on it
// hands one person on to the next, and the new person i takes the first.
func (f *flow) augment(i int) {
	for x := f.prev[f.m+1]; ; {
		p := f.prev[x]
		if p == -1 {
			f.place(i, x)
			return
		}
		k := f.via[x]
		f.edges.remove(k, p)
		f.count[p]--
		f.place(k, x)
		x = p
	}
}

func (f *flow) place(k, x int) {
	f.at[k] = x
	f.count[x]++
	if !f.pinned[k] {
		f.edges.insert(k, x)
	}
}
