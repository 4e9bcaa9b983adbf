package placement

import "fmt"

// routeDense is route for many roles: the same Dijkstra search, but it
// keeps the unsettled nodes in a shrinking list and relaxes straight from
// the people of the settled node, as Jonker & Volgenant's shortest
// augmenting path does over the columns still to scan.
func (f *flow) routeDense(i int, d *denseEdges) error {
	m, sink := f.m, f.m+1
	w := m + 1
	todo := d.todo[:0]
	for v := range f.dist {
		f.dist[v], f.prev[v] = infinite, -2
		todo = append(todo, v)
	}
	row := f.cell[i*w : (i+1)*w]
	for b, c := range row {
		if !c.isInfinite() {
			f.dist[b], f.prev[b] = c.sub(f.pi[b]), -1
		}
	}
	settled := d.settled[:0]
	for {
		at := -1
		for t, v := range todo {
			if at < 0 || f.dist[v].less(f.dist[todo[at]]) {
				at = t
			}
		}
		if at < 0 || f.dist[todo[at]].isInfinite() {
			return fmt.Errorf("placement: no path for person %d", i) // cannot happen: pins were checked
		}
		u := todo[at]
		todo[at] = todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		settled = append(settled, u)
		if u == sink {
			break
		}
		du := f.dist[u].add(f.pi[u])
		if sc := f.sinkCost(u); !sc.isInfinite() {
			if nd := du.add(sc).sub(f.pi[sink]); nd.less(f.dist[sink]) {
				f.dist[sink], f.prev[sink] = nd, u
			}
		}
		for _, k32 := range d.members[u] {
			k := int(k32)
			rk := f.cell[k*w : (k+1)*w]
			base := du.sub(rk[u])
			for _, b := range todo {
				if b == sink {
					continue
				}
				c := rk[b]
				if c.isInfinite() {
					continue
				}
				if nd := base.add(c).sub(f.pi[b]); nd.less(f.dist[b]) {
					f.dist[b], f.prev[b], f.via[b] = nd, u, k
				}
			}
		}
	}
	end := f.dist[sink]
	for _, v := range settled {
		f.pi[v] = f.pi[v].add(f.dist[v]).sub(end)
	}
	d.todo, d.settled = todo, settled
	f.augment(i)
	return nil
}
