package placement

import "math"

// cost is what the solver minimises, compared lexicographically: first the
// rank (minimum seats left empty and people of priority left unplaced, see
// rankUnit), then money in cents. Both parts are integers, so sums are exact
// and equal costs are true ties.
type cost struct {
	rank  int64
	cents int64
}

// infinite is larger than any cost a path can have. Ranks are bounded by
// rankUnit·n (rankUnit = max(2n+1, 2¹⁷+1)) and cents by maxCents·n per
// path, far below a quarter of int64.
var infinite = cost{rank: math.MaxInt64 / 4, cents: math.MaxInt64 / 4}

func (a cost) less(b cost) bool {
	return a.rank < b.rank || a.rank == b.rank && a.cents < b.cents
}

func (a cost) add(b cost) cost { return cost{a.rank + b.rank, a.cents + b.cents} }

func (a cost) sub(b cost) cost { return cost{a.rank - b.rank, a.cents - b.cents} }

func (a cost) isInfinite() bool { return !a.less(infinite) }
