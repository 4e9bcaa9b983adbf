package evidence

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// MinFinding is the fewest people a correlation is called a finding
// with: below it the 95% interval spans more than ±0.63 around zero,
// which says nothing a manager could act on.
const MinFinding = 10

// z95 is the standard normal quantile of the two-sided 95% interval.
const z95 = 1.959963984540054

// Pearson returns Pearson's r of the pairs (x[i], y[i]), and false when
// it is not defined: fewer than 3 pairs, slices of different lengths, or
// either variable without spread.
func Pearson(x, y []float64) (float64, bool) {
	n := len(x)
	if n != len(y) || n < 3 {
		return 0, false
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0, false
	}
	r := sxy / math.Sqrt(sxx*syy)
	// Rounding can take a perfect correlation a hair past ±1.
	return math.Max(-1, math.Min(1, r)), true
}

// Spearman returns Spearman's ρ: Pearson's r on the mid-ranks of x and
// of y, which is how ties are handled in R's cor(method = "spearman")
// and scipy's spearmanr.
func Spearman(x, y []float64) (float64, bool) {
	if len(x) != len(y) {
		return 0, false
	}
	return Pearson(MidRanks(x), MidRanks(y))
}

// MidRanks returns the ranks of v, 1 for the smallest, tied values each
// given the mean of the ranks they span.
func MidRanks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case v[a] < v[b]:
			return -1
		case v[a] > v[b]:
			return 1
		}
		return 0
	})
	ranks := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		mid := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			ranks[idx[k]] = mid
		}
		i = j + 1
	}
	return ranks
}

// Interval returns the 95% interval of a correlation r over n people by
// Fisher's z: tanh(atanh r ± 1.96/√(n−3)); false below n = 4, where it
// is not defined.
func Interval(r float64, n int) (low, high float64, ok bool) {
	if n < 4 || math.IsNaN(r) {
		return 0, 0, false
	}
	if r >= 1 || r <= -1 {
		return r, r, true
	}
	z, se := math.Atanh(r), 1/math.Sqrt(float64(n-3))
	return math.Tanh(z - z95*se), math.Tanh(z + z95*se), true
}

// HalfWidth is the half-width of the 95% interval around r = 0 at n
// people, tanh(1.96/√(n−3)): how far the interval reaches either side
// of a correlation near zero, the widest it is at that n. It says what a
// team of n could learn ("with 30 the interval would be about ±0.36");
// false below n = 4.
func HalfWidth(n int) (float64, bool) {
	if n < 4 {
		return 0, false
	}
	return math.Tanh(z95 / math.Sqrt(float64(n-3))), true
}

// PValue returns the two-sided p of r over n people under the hypothesis
// of no correlation, from t = r·√((n−2)/(1−r²)) on n−2 degrees of
// freedom; false below n = 3. A perfect correlation has p = 0.
func PValue(r float64, n int) (float64, bool) {
	if n < 3 || math.IsNaN(r) {
		return 0, false
	}
	if r >= 1 || r <= -1 {
		return 0, true
	}
	df := float64(n - 2)
	t := math.Abs(r) * math.Sqrt(df/(1-r*r))
	st := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	return 2 * st.Survival(t), true
}

// CorrectRange corrects r for direct range restriction on the score by
// Thorndike's case II, with u = sdAll/sdSample: the score's SD over every
// respondent over its SD among the n people with a criterion:
// r·u / √(1 + r²(u² − 1)). False when either SD is not positive.
func CorrectRange(r, sdAll, sdSample float64) (float64, bool) {
	if !(sdAll > 0) || !(sdSample > 0) || math.IsNaN(r) {
		return 0, false
	}
	u := sdAll / sdSample
	return r * u / math.Sqrt(1+r*r*(u*u-1)), true
}

// SD is the sample standard deviation (divisor n−1) of v; false with
// fewer than 2 values.
func SD(v []float64) (float64, bool) {
	if len(v) < 2 {
		return 0, false
	}
	var m float64
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	var ss float64
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(v)-1)), true
}
