package fairness

import "math"

// fisherRelErr is the relative tolerance of R's fisher.test and SciPy's
// fisher_exact: a table whose probability is within it of the observed one's
// counts as no more likely.
const fisherRelErr = 1 + 1e-7

// FisherExact is the two-sided p-value of Fisher's exact test on the 2×2
// table [[a, b], [c, d]]: the sum of the hypergeometric probabilities of the
// tables with the same margins that are no more likely than this one. It
// returns 1 for a table with an empty row or column, where every table with
// those margins is the observed one.
func FisherExact(a, b, c, d int) float64 {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return math.NaN()
	}
	row1, col1, n := a+b, a+c, a+b+c+d
	lo := max(0, col1-(n-row1))
	hi := min(row1, col1)
	if lo == hi {
		return 1
	}
	// Log probabilities avoid overflow of the binomials for a few thousand
	// people; the sum is taken relative to the largest term for precision.
	logP := func(x int) float64 {
		return lchoose(row1, x) + lchoose(n-row1, col1-x) - lchoose(n, col1)
	}
	obs := logP(a)
	limit := obs + math.Log(fisherRelErr)
	var p float64
	for x := lo; x <= hi; x++ {
		if lp := logP(x); lp <= limit {
			p += math.Exp(lp)
		}
	}
	return min(p, 1)
}

// lchoose is ln C(n, k).
func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}
