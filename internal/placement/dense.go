package placement

import "fmt"

// routeDense is route for many roles: the same Dijkstra search, but it
// keeps the unsettled nodes in a shrinking list and relaxes straight from
// the people of the settled node, as Jonker & Volgenant's shortest
// augmenting path does over the columns still to scan. The relaxation also
// finds the next node to settle, so each step reads the list once.
func (f *flow) routeDense(i int, d *denseEdges) error {
	m, sink := f.m, f.m+1
	w := m + 1
	dist, pi := f.dist, f.pi
	todo := d.todo[:0]
	for v := range dist {
		dist[v], f.prev[v] = infinite, -2
		if v != sink {
			todo = append(todo, v)
		}
	}
	row := f.cell[i*w : (i+1)*w]
	for b, c := range row {
		if c.rank < infinite.rank {
			dist[b], f.prev[b] = c.sub(pi[b]), -1
		}
	}
	settled := d.settled[:0]
	next := -1 // index in todo of the cheapest unsettled node, -1: find it
	for {
		if next < 0 {
			for t, v := range todo {
				if next < 0 || dist[v].less(dist[todo[next]]) {
					next = t
				}
			}
		}
		// The sink is settled first among equals, which ends the search.
		u := sink
		if next >= 0 && dist[todo[next]].less(dist[sink]) {
			u = todo[next]
			// Keeping the list in order costs a short copy and makes the
			// relaxation below read the rows in order, which the memory
			// prefetcher rewards.
			todo = append(todo[:next], todo[next+1:]...)
		}
		if dist[u].isInfinite() {
			return fmt.Errorf("placement: no path for person %d", i) // cannot happen: pins were checked
		}
		settled = append(settled, u)
		if u == sink {
			break
		}
		du := dist[u].add(pi[u])
		if sc := f.sinkCost(u); !sc.isInfinite() {
			if nd := du.add(sc).sub(pi[sink]); nd.less(dist[sink]) {
				dist[sink], f.prev[sink] = nd, u
			}
		}
		next = -1
		members := d.members[u]
		for mi, k32 := range members {
			k := int(k32)
			rk := f.cell[k*w : (k+1)*w]
			baseRank, baseCents := du.rank-rk[u].rank, du.cents-rk[u].cents
			last := mi == len(members)-1
			for t, b := range todo {
				c := rk[b]
				if c.rank < infinite.rank {
					nd := cost{baseRank + c.rank - pi[b].rank, baseCents + c.cents - pi[b].cents}
					if nd.rank < dist[b].rank || nd.rank == dist[b].rank && nd.cents < dist[b].cents {
						dist[b], f.prev[b], f.via[b] = nd, u, k
					}
				}
				if last && (next < 0 || dist[b].less(dist[todo[next]])) {
					next = t
				}
			}
		}
	}
	end := dist[sink]
	for _, v := range settled {
		pi[v] = pi[v].add(dist[v]).sub(end)
	}
	d.todo, d.settled = todo, settled
	f.augment(i)
	return nil
}
