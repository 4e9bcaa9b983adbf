package server

import "math"

// mapBox is an axis-aligned rectangle in SVG user units, x to the right and
// y down.
type mapBox struct{ x0, y0, x1, y1 float64 }

// mapBoxAt is the w by h box whose top left corner is at (x, y).
func mapBoxAt(x, y, w, h float64) mapBox { return mapBox{x, y, x + w, y + h} }

// mapAround is the square of half side r centred on (x, y).
func mapAround(x, y, r float64) mapBox { return mapBox{x - r, y - r, x + r, y + r} }

// overlaps says whether a and b share any area; boxes that only touch do
// not.
func (a mapBox) overlaps(b mapBox) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// within says whether a lies inside b.
func (a mapBox) within(b mapBox) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// mapSegment is a straight line from (x0, y0) to (x1, y1): a label's leader.
type mapSegment struct{ x0, y0, x1, y1 float64 }

// bounds is the box a segment spans.
func (s mapSegment) bounds() mapBox {
	return mapBox{min(s.x0, s.x1), min(s.y0, s.y1), max(s.x0, s.x1), max(s.y0, s.y1)}
}

// crosses says whether the segment passes through the inside of b,
// clipping it to b's slabs (Liang and Barsky 1984); a segment that only
// touches b's edge does not.
func (s mapSegment) crosses(b mapBox) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := s.x1-s.x0, s.y1-s.y0
	clip := func(p, q float64) bool { // the part where p·t < q is inside
		if p == 0 {
			return q > 0
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		return t0 < t1
	}
	return clip(-dx, s.x0-b.x0) && clip(dx, b.x1-s.x0) && clip(-dy, s.y0-b.y0) && clip(dy, b.y1-s.y0)
}

// spaceItem is something a label keeps clear of: a point's mark, a
// placed label or leader, or the quadrants' names.
type spaceItem struct {
	b     mapBox
	seg   *mapSegment // set for a leader; b is then its bounds
	owner int         // the point's index; -1 for the quadrants' names
	label bool        // a label or leader, which its own point may replace
	gone  bool        // replaced by a longer label
}

// mapSpace holds what is drawn on the plot, in a grid of square cells so
// that a label is checked only against its neighbours: placing 500
// labels stays linear in their number.
type mapSpace struct {
	plot       mapBox
	cell       float64
	cols, rows int
	cells      [][]int // cell → indices into items
	items      []spaceItem
	seen       []int // per item, the last query that checked it
	query      int
	// effort counts the items the queries have looked at, the measure
	// of the work a map's labels cost.
	effort int
}

// mapCell is the side of the grid's cells: about a label's height and a
// half, so a label spans a few cells.
const mapCell = 24

func newMapSpace(plot mapBox) *mapSpace {
	cols := int(math.Ceil((plot.x1-plot.x0)/mapCell)) + 1
	rows := int(math.Ceil((plot.y1-plot.y0)/mapCell)) + 1
	return &mapSpace{plot: plot, cell: mapCell, cols: cols, rows: rows, cells: make([][]int, cols*rows)}
}

// cellsOf calls f with each cell b covers, clamped to the grid.
func (s *mapSpace) cellsOf(b mapBox, f func(c int)) {
	clampTo := func(v float64, n int) int { return min(max(int(math.Floor(v)), 0), n-1) }
	c0, c1 := clampTo((b.x0-s.plot.x0)/s.cell, s.cols), clampTo((b.x1-s.plot.x0)/s.cell, s.cols)
	r0, r1 := clampTo((b.y0-s.plot.y0)/s.cell, s.rows), clampTo((b.y1-s.plot.y0)/s.cell, s.rows)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			f(r*s.cols + c)
		}
	}
}

// add puts an item on the plot and returns its index.
func (s *mapSpace) add(it spaceItem) int {
	i := len(s.items)
	s.items = append(s.items, it)
	s.seen = append(s.seen, 0)
	put := func(c int) { s.cells[c] = append(s.cells[c], i) }
	if it.seg != nil {
		// A leader is in the cells it passes through: a box it crosses
		// holds a point of it, in a cell of the box's.
		s.cellsAlong(*it.seg, put)
	} else {
		s.cellsOf(it.b, put)
	}
	return i
}

// cellsAlong calls f with each cell the segment passes through, walking
// the grid from one end to the other (Amanatides and Woo 1987), so a long
// leader is checked against what lies on its way rather than in its
// bounds' box. Where it passes exactly through a corner, both cells
// beside the corner are visited too.
func (s *mapSpace) cellsAlong(l mapSegment, f func(c int)) {
	clampTo := func(v float64, n int) int { return min(max(int(math.Floor(v)), 0), n-1) }
	x0, y0 := (l.x0-s.plot.x0)/s.cell, (l.y0-s.plot.y0)/s.cell
	x1, y1 := (l.x1-s.plot.x0)/s.cell, (l.y1-s.plot.y0)/s.cell
	cx, cy := clampTo(x0, s.cols), clampTo(y0, s.rows)
	ex, ey := clampTo(x1, s.cols), clampTo(y1, s.rows)
	axis := func(from, d float64, c int) (step int, next, delta float64) {
		switch {
		case d > 0:
			return 1, (float64(c+1) - from) / d, 1 / d
		case d < 0:
			return -1, (from - float64(c)) / -d, -1 / d
		}
		return 0, math.Inf(1), math.Inf(1)
	}
	sx, nx, dx := axis(x0, x1-x0, cx)
	sy, ny, dy := axis(y0, y1-y0, cy)
	for range s.cols + s.rows + 2 {
		f(cy*s.cols + cx)
		if cx == ex && cy == ey {
			return
		}
		if math.Abs(nx-ny) < 1e-9 && sx != 0 && sy != 0 {
			if onGrid(cx+sx, s.cols) {
				f(cy*s.cols + cx + sx)
			}
			if onGrid(cy+sy, s.rows) {
				f((cy+sy)*s.cols + cx)
			}
		}
		if nx < ny {
			cx, nx = cx+sx, nx+dx
		} else {
			cy, ny = cy+sy, ny+dy
		}
		if !onGrid(cx, s.cols) || !onGrid(cy, s.rows) {
			return
		}
	}
}

// onGrid says whether a cell's column or row v is on a grid of n.
func onGrid(v, n int) bool { return v >= 0 && v < n }

// near calls f with every live item whose cells b's cells share, each
// once, until f returns false; it says whether f never did.
func (s *mapSpace) near(b mapBox, f func(it *spaceItem) bool) bool {
	return s.visit(func(g func(c int)) { s.cellsOf(b, g) }, f)
}

// along is near for the cells a segment passes through.
func (s *mapSpace) along(l mapSegment, f func(it *spaceItem) bool) bool {
	return s.visit(func(g func(c int)) { s.cellsAlong(l, g) }, f)
}

// visit calls f with every live item of the cells cells names, each once,
// until f returns false; it says whether f never did.
func (s *mapSpace) visit(cells func(func(c int)), f func(it *spaceItem) bool) bool {
	s.query++
	ok := true
	cells(func(c int) {
		s.effort += len(s.cells[c])
		for _, i := range s.cells[c] {
			if !ok {
				return
			}
			if s.seen[i] == s.query {
				continue
			}
			s.seen[i] = s.query
			if it := &s.items[i]; !it.gone && !f(it) {
				ok = false
			}
		}
	})
	return ok
}

// fits says whether a label of point self may take box b: inside the
// plot, clear of every mark (its own too), label and leader, but for
// self's own label, which it is about to replace.
func (s *mapSpace) fits(b mapBox, self int) bool {
	if !b.within(s.plot) {
		return false
	}
	return s.near(b, func(it *spaceItem) bool {
		if it.label && it.owner == self {
			return true
		}
		if it.seg != nil {
			return !it.seg.crosses(b)
		}
		return !it.b.overlaps(b)
	})
}

// clear says whether point self's leader l passes clear of every other
// point's mark and every label and leader drawn so far.
func (s *mapSpace) clear(l mapSegment, self int, crossing bool) bool {
	return s.along(l, func(it *spaceItem) bool {
		if it.owner == self && self >= 0 {
			return true
		}
		if it.seg != nil {
			return crossing || !l.meets(*it.seg)
		}
		if !it.label {
			return true
		}
		return !l.crosses(it.b)
	})
}

// meets says whether two segments share a point: each one's ends lie on
// both sides of the other's line, or one's end lies on the other.
func (s mapSegment) meets(o mapSegment) bool {
	side := func(ax, ay, bx, by, cx, cy float64) float64 { return (bx-ax)*(cy-ay) - (by-ay)*(cx-ax) }
	d1 := side(o.x0, o.y0, o.x1, o.y1, s.x0, s.y0)
	d2 := side(o.x0, o.y0, o.x1, o.y1, s.x1, s.y1)
	d3 := side(s.x0, s.y0, s.x1, s.y1, o.x0, o.y0)
	d4 := side(s.x0, s.y0, s.x1, s.y1, o.x1, o.y1)
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return true
	}
	on := func(d float64, p mapSegment, x, y float64) bool {
		b := p.bounds()
		return d == 0 && x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1
	}
	return on(d1, o, s.x0, s.y0) || on(d2, o, s.x1, s.y1) || on(d3, s, o.x0, o.y0) || on(d4, s, o.x1, o.y1)
}
