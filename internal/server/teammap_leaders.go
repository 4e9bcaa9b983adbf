package server

import (
	"cmp"
	"math"
	"slices"
)

// The rings of leaderPlaces.
const (
	leaderStep  = 8.0
	leaderReach = 240.0
	leaderArc   = 9.0
)

// leaderPlace is a place a label set apart from its point may take: how
// far beyond the point's reach, and the cosine and sine of how far it
// turns from the point's outward direction.
type leaderPlace struct{ out, cos, sin float64 }

// leaderPlaces are the places of led in the order it tries them: on rings
// leaderStep apart, 10 to leaderReach units beyond the point's reach, at
// places about leaderArc apart along each ring, the cheapest first. A
// place costs its distance, more the further it turns from the outward
// direction: half as much again straight back into the crowd. Worked
// out once, as it is the same for every point.
var leaderPlaces = func() []leaderPlace {
	type costed struct {
		cost float64
		p    leaderPlace
	}
	var cs []costed
	for out := 10.0; out <= leaderReach; out += leaderStep {
		n := max(16, int(math.Ceil(2*math.Pi*(out+6)/leaderArc)))
		for k := range n {
			turn := float64(k) * 2 * math.Pi / float64(n)
			if turn > math.Pi {
				turn -= 2 * math.Pi
			}
			cs = append(cs, costed{out * (1 + 1.5*math.Abs(turn)/math.Pi), leaderPlace{out, math.Cos(turn), math.Sin(turn)}})
		}
	}
	slices.SortStableFunc(cs, func(a, b costed) int { return cmp.Compare(a.cost, b.cost) })
	ps := make([]leaderPlace, len(cs))
	for i, c := range cs {
		ps[i] = c.p
	}
	return ps
}()

// led tries the first places of leaderPlaces for point i's label, each
// joined to it by a leader; crossing lets the leader cross other leaders
// (never a label).
func (lb *labeller) led(i int, l mapLabel, crossing bool, places int) bool {
	s := lb.spots[i]
	w, h := mapLabelSize(l.text)
	for _, p := range leaderPlaces[:places] {
		if lb.spent() {
			return false
		}
		b, seg, ok := lb.leaderAt(s, p, w, h)
		if ok && lb.sp.fits(b, i) && lb.sp.clear(seg, i, crossing) {
			l.b, l.leader = b, &seg
			lb.set(i, l)
			return true
		}
	}
	return false
}

// leaderAt returns the box a w by h label takes at place p of point s,
// and its leader, from the mark's edge to the box's nearest side or
// corner; ok is false when the box leaves the plot.
func (lb *labeller) leaderAt(s mapSpot, p leaderPlace, w, h float64) (mapBox, mapSegment, bool) {
	c, sn := s.outCos*p.cos-s.outSin*p.sin, s.outSin*p.cos+s.outCos*p.sin
	r := s.reach + p.out
	ax, ay := s.x+r*c, s.y+r*sn
	left, top := ax-w/2, ay-h/2
	switch {
	case c > 0.38:
		left = ax
	case c < -0.38:
		left = ax - w
	}
	switch {
	case sn > 0.38:
		top = ay
	case sn < -0.38:
		top = ay - h
	}
	b := mapBoxAt(left, top, w, h)
	return b, mapSegment{s.x + s.mark*c, s.y + s.mark*sn, ax, ay}, b.within(lb.sp.plot)
}

// outwardReach is how far a point's neighbours count in the direction
// its leader leaves in.
const outwardReach = 80.0

// outward sets each point's direction away from its neighbours within
// outwardReach, each weighed by its nearness, so the leaders of a
// crowd's points leave it outwards, toward room, rather than across one
// another; a point with no neighbours leaves to the right.
func (lb *labeller) outward() {
	for i := range lb.spots {
		s := &lb.spots[i]
		var dx, dy float64
		for j, o := range lb.spots {
			ex, ey := s.x-o.x, s.y-o.y
			if j == i || math.Abs(ex) >= outwardReach || math.Abs(ey) >= outwardReach {
				continue
			}
			d2 := ex*ex + ey*ey
			if d2 >= outwardReach*outwardReach || d2 < 1e-18 { // on the same spot: no direction of its own
				continue
			}
			d := math.Sqrt(d2)
			wgt := (outwardReach - d) / outwardReach / d
			dx, dy = dx+ex*wgt, dy+ey*wgt
		}
		s.outCos, s.outSin = 1, 0
		if h := math.Hypot(dx, dy); h > 1e-9 {
			s.outCos, s.outSin = dx/h, dy/h
		}
	}
}
