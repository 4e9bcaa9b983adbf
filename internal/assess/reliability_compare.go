package assess

import (
	"fmt"
	"math"
)

// Compare lists every way s differs from want: a different ID, N, K or item
// list, or a figure further than tol from want's. It also returns the
// largest difference between figures. It is how rolefit's figures are
// checked against a reference such as psych::alpha's, whose results are
// read into a ScaleReliability.
func (s ScaleReliability) Compare(want ScaleReliability, tol float64) (diffs []string, worst float64) {
	near := func(name string, g, w float64) {
		d := math.Abs(g - w)
		worst = math.Max(worst, d)
		if !(d <= tol) { // also catches NaN
			diffs = append(diffs, fmt.Sprintf("%s: %s = %.12g, want %.12g, diff %.3g", want.ID, name, g, w, d))
		}
	}
	if s.ID != want.ID || s.N != want.N || s.K != want.K {
		diffs = append(diffs, fmt.Sprintf("id, n, k = %s, %d, %d; want %s, %d, %d", s.ID, s.N, s.K, want.ID, want.N, want.K))
	}
	near("mean", s.Mean, want.Mean)
	near("sd", s.SD, want.SD)
	near("alpha", s.Alpha, want.Alpha)
	near("std_alpha", s.StdAlpha, want.StdAlpha)
	near("lambda6", s.Lambda6, want.Lambda6)
	near("average_r", s.AverageR, want.AverageR)
	near("sem", s.SEM, want.SEM)
	if len(s.Items) != len(want.Items) {
		return append(diffs, fmt.Sprintf("%s: %d items, want %d", want.ID, len(s.Items), len(want.Items))), worst
	}
	for i, w := range want.Items {
		g := s.Items[i]
		if g.ID != w.ID {
			diffs = append(diffs, fmt.Sprintf("%s: item %d is %s, want %s", want.ID, i, g.ID, w.ID))
		}
		near(w.ID+" r_drop", g.RDrop, w.RDrop)
		switch {
		case (g.AlphaIfDropped == nil) != (w.AlphaIfDropped == nil):
			diffs = append(diffs, fmt.Sprintf("%s: %s alpha_if_dropped = %v, want %v", want.ID, w.ID, g.AlphaIfDropped, w.AlphaIfDropped))
		case w.AlphaIfDropped != nil:
			near(w.ID+" alpha_if_dropped", *g.AlphaIfDropped, *w.AlphaIfDropped)
		}
	}
	return diffs, worst
}
