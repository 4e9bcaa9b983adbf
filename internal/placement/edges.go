package placement

// heapEdges keeps, for every ordered pair of nodes (a, b), a binary heap of
// the people at a who may move to b, keyed by the cost of the move, so the
// cheapest move is read in O(1) and a person changes node in
// O(roles·log people). This is what makes 10,000 people × 20 roles fast:
// a shortest path looks at (roles+1)² heap tops, never at the people.
type heapEdges struct {
	f     *flow
	heaps [][]heapEntry // (m+1)×(m+1), heap of node a towards node b at a*(m+1)+b
	pos   []int32       // n×(m+1): index of person k in heap (at[k], b), -1 if absent
}

// heapEntry is a person in a heap with the cost of their move, kept beside
// the person so that sifting reads no other memory.
type heapEntry struct {
	key cost
	k   int32
}

// before orders a heap: cheaper moves first, then lower person index, so
// the answer never depends on the order people arrived in a node.
func (x heapEntry) before(y heapEntry) bool {
	if x.key != y.key {
		return x.key.less(y.key)
	}
	return x.k < y.k
}

func newHeapEdges(f *flow) *heapEdges {
	w := f.m + 1
	h := &heapEdges{f: f, heaps: make([][]heapEntry, w*w), pos: make([]int32, f.n*w)}
	for i := range h.pos {
		h.pos[i] = -1
	}
	return h
}

func (h *heapEdges) insert(k, a int) {
	w := h.f.m + 1
	row := h.f.cell[k*w : (k+1)*w]
	for b, c := range row {
		if b == a || c.isInfinite() {
			continue
		}
		hp := append(h.heaps[a*w+b], heapEntry{key: c.sub(row[a]), k: int32(k)})
		h.heaps[a*w+b] = hp
		h.pos[k*w+b] = int32(len(hp) - 1)
		h.up(hp, len(hp)-1, b)
	}
}

func (h *heapEdges) remove(k, a int) {
	w := h.f.m + 1
	for b := 0; b < w; b++ {
		at := h.pos[k*w+b]
		if at < 0 {
			continue
		}
		h.pos[k*w+b] = -1
		hp := h.heaps[a*w+b]
		last := len(hp) - 1
		if int(at) != last {
			hp[at] = hp[last]
			h.pos[int(hp[at].k)*w+b] = at
		}
		hp = hp[:last]
		h.heaps[a*w+b] = hp
		if int(at) < last {
			h.down(hp, int(at), b)
			h.up(hp, int(at), b)
		}
	}
}

func (h *heapEdges) up(hp []heapEntry, i, b int) {
	w := h.f.m + 1
	for i > 0 {
		parent := (i - 1) / 2
		if !hp[i].before(hp[parent]) {
			return
		}
		hp[i], hp[parent] = hp[parent], hp[i]
		h.pos[int(hp[i].k)*w+b], h.pos[int(hp[parent].k)*w+b] = int32(i), int32(parent)
		i = parent
	}
}

func (h *heapEdges) down(hp []heapEntry, i, b int) {
	w := h.f.m + 1
	for {
		least := i
		if c := 2*i + 1; c < len(hp) && hp[c].before(hp[least]) {
			least = c
		}
		if c := 2*i + 2; c < len(hp) && hp[c].before(hp[least]) {
			least = c
		}
		if least == i {
			return
		}
		hp[i], hp[least] = hp[least], hp[i]
		h.pos[int(hp[i].k)*w+b], h.pos[int(hp[least].k)*w+b] = int32(i), int32(least)
		i = least
	}
}

func (h *heapEdges) bestFrom(a int, best []cost, who []int) {
	w := h.f.m + 1
	for b := range who {
		hp := h.heaps[a*w+b]
		if b == a || len(hp) == 0 {
			who[b] = -1
			continue
		}
		who[b], best[b] = int(hp[0].k), hp[0].key
	}
}

// denseEdges finds the cheapest moves by looking at every person of a node:
// O(people at a × roles). With many roles and few people per role (1,000 ×
// 1,000 with one seat each) that is cheaper than (roles+1)² heaps, and the
// search is then the shortest augmenting path method of Jonker & Volgenant
// (1987) on a rectangular matrix with capacities.
type denseEdges struct {
	f       *flow
	members [][]int32 // people at each node
	index   []int32   // index of each person in members[at[k]]

	todo, settled []int // scratch of routeDense
}

func newDenseEdges(f *flow) *denseEdges {
	return &denseEdges{f: f, members: make([][]int32, f.m+1), index: make([]int32, f.n)}
}

func (d *denseEdges) insert(k, a int) {
	d.index[k] = int32(len(d.members[a]))
	d.members[a] = append(d.members[a], int32(k))
}

func (d *denseEdges) remove(k, a int) {
	ms := d.members[a]
	at, last := d.index[k], len(ms)-1
	ms[at] = ms[last]
	d.index[ms[at]] = at
	d.members[a] = ms[:last]
}

func (d *denseEdges) bestFrom(a int, best []cost, who []int) {
	w := d.f.m + 1
	for b := range who {
		who[b] = -1
	}
	for _, k32 := range d.members[a] {
		k := int(k32)
		row := d.f.cell[k*w : (k+1)*w]
		here := row[a]
		for b, c := range row {
			if b == a || c.isInfinite() {
				continue
			}
			key := c.sub(here)
			if who[b] < 0 || key.less(best[b]) || key == best[b] && k < who[b] {
				best[b], who[b] = key, k
			}
		}
	}
}
