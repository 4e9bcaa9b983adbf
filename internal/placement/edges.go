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
// the person so that sifting reads no other memory. The cost is packed
// into one integer (packKey), which makes an entry 16 bytes instead of 24
// and its comparison one instruction: sifting is most of the solver's time.
type heapEntry struct {
	key int64
	k   int32
}

// keyShift places a move's rank above its cents in a packed key. A move
// between two cells of one person who is not pinned costs a rank of −1, 0
// or 1 (fillCells: −1 in every role for a person with priority, 0 for "not
// placed") and at most 2·MaxValue·100 = 2·10¹³ < 2⁴⁵ cents either way, so
// rank·2⁵⁰ + cents keeps the order of cost.less exactly.
const keyShift = 50

// packKey packs a move's cost into one integer ordered as cost.less.
func packKey(c cost) int64 { return c.rank<<keyShift + c.cents }

// unpackKey is the cost packKey packed.
func unpackKey(key int64) cost {
	rank := (key + 1<<(keyShift-1)) >> keyShift
	return cost{rank: rank, cents: key - rank<<keyShift}
}

// before orders a heap: cheaper moves first, then lower person index, so
// the answer never depends on the order people arrived in a node.
func (x heapEntry) before(y heapEntry) bool {
	return x.key < y.key || x.key == y.key && x.k < y.k
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
		hp := append(h.heaps[a*w+b], heapEntry{key: packKey(c.sub(row[a])), k: int32(k)})
		h.heaps[a*w+b] = hp
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
		hp[at] = hp[last]
		hp = hp[:last]
		h.heaps[a*w+b] = hp
		if int(at) == last {
			continue
		}
		// The last entry moved into the hole goes up or down, never both.
		if at > 0 && hp[at].before(hp[(at-1)/arity]) {
			h.up(hp, int(at), b)
		} else {
			h.down(hp, int(at), b)
		}
	}
}

// up sifts the entry at i towards the top, moving the hole rather than
// swapping, and records where each moved person now is.
// arity is how many children a heap entry has: four halves the depth a
// removal sifts through, and the four children lie side by side in memory.
const arity = 4

func (h *heapEdges) up(hp []heapEntry, i, b int) {
	w := h.f.m + 1
	x := hp[i]
	for i > 0 {
		parent := (i - 1) / arity
		if !x.before(hp[parent]) {
			break
		}
		hp[i] = hp[parent]
		h.pos[int(hp[i].k)*w+b] = int32(i)
		i = parent
	}
	hp[i] = x
	h.pos[int(x.k)*w+b] = int32(i)
}

// down sifts the entry at i towards the leaves, as up does.
func (h *heapEdges) down(hp []heapEntry, i, b int) {
	w := h.f.m + 1
	n := len(hp)
	x := hp[i]
	for {
		first := arity*i + 1
		if first >= n {
			break
		}
		c := first
		for r := first + 1; r < min(first+arity, n); r++ {
			if hp[r].before(hp[c]) {
				c = r
			}
		}
		if !hp[c].before(x) {
			break
		}
		hp[i] = hp[c]
		h.pos[int(hp[i].k)*w+b] = int32(i)
		i = c
	}
	hp[i] = x
	h.pos[int(x.k)*w+b] = int32(i)
}

func (h *heapEdges) bestFrom(a int, best []cost, who []int) {
	w := h.f.m + 1
	for b := range who {
		hp := h.heaps[a*w+b]
		if b == a || len(hp) == 0 {
			who[b] = -1
			continue
		}
		who[b], best[b] = int(hp[0].k), unpackKey(hp[0].key)
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
