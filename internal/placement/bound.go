package placement

import "math"

// The bounds MaxPeople is made of, measured with Solve (every value, the
// optimum and every explanation) on a 2-core machine shared with other
// work, over seat shapes from one seat per role to minimums of half the
// people (docs/PERFORMANCE.md, "Placement's bounds").
const (
	// maxTeam is the largest team placed at all: DESIGN's organisation of
	// 10,000 people, whose placement over 20 roles is to take at most a
	// second (0.2–0.6 s measured).
	maxTeam = 10000
	// cellBudget bounds people × roles while the solver keeps its heaps
	// (at most denseAbove roles), whose work grows with people × roles²:
	// 10,000 × 20 is DESIGN's case, and 4,166 × 48 took 0.1–0.3 s where
	// 10,000 × 48 took up to 1 s.
	cellBudget = 200000
	// denseBudget bounds people² × roles above denseAbove roles, where a
	// path reads the people of every role it settles and a solve grows
	// with people² × roles: 1,000 × 200 took 0.2–0.7 s, where 1,525 × 200
	// took 0.5–1.9 s and 10,000 × 200 up to 70 s.
	denseBudget = 2e8
)

// MaxPeople is the most people one team placement over roles roles
// considers, so that solving and explaining it stays within about a
// second of one core: 10,000 up to 20 roles, 200,000 ÷ roles up to 48
// roles, and √(2·10⁸ ÷ roles) above (1,414 at 100 roles, 1,000 at 200).
// The caller decides who is left out; Solve itself takes any size.
func MaxPeople(roles int) int {
	switch {
	case roles <= 0:
		return maxTeam
	case roles <= denseAbove:
		return min(maxTeam, cellBudget/roles)
	}
	return int(math.Sqrt(denseBudget / float64(roles)))
}
