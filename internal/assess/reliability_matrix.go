package assess

import "math"

// The matrix arithmetic behind Reliability. Matrices are k×k, stored row by
// row in one slice; k is the number of items of a scale, so small.

// completeRows returns the rows without a missing answer (R's na.omit).
func completeRespondents(x [][]float64) [][]float64 {
	out := make([][]float64, 0, len(x))
rows:
	for _, row := range x {
		for _, v := range row {
			if math.IsNaN(v) {
				continue rows
			}
		}
		out = append(out, row)
	}
	return out
}

// columns copies the rows of x into one slice per item, so that the
// covariance loops below read memory in order.
func itemColumns(x [][]float64, k int) [][]float64 {
	n := len(x)
	flat := make([]float64, n*k)
	cols := make([][]float64, k)
	for j := range cols {
		cols[j] = flat[j*n : (j+1)*n : (j+1)*n]
	}
	for r, row := range x {
		for j, v := range row {
			cols[j][r] = v
		}
	}
	return cols
}

// meanSD returns the mean and the sample standard deviation (divisor n−1).
func scoreMeanSD(v []float64) (mean, sd float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	ss := 0.0
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(v)-1))
}

// pairwiseCov returns the covariance matrix of the columns as R's
// cov(x, use = "pairwise.complete.obs") computes it: each entry over the
// rows where both columns are present, with those rows' own means and the
// divisor (pairs − 1); the diagonal is each column's variance over the rows
// where it is present. pairs holds the number of rows behind each entry. An
// entry behind fewer than two rows is left NaN.
func pairwiseCov(cols [][]float64) (cov []float64, pairs []int) {
	k := len(cols)
	cov = make([]float64, k*k)
	pairs = make([]int, k*k)
	for i := range k {
		for j := i; j < k; j++ {
			c, n := covPair(cols[i], cols[j])
			cov[i*k+j], cov[j*k+i] = c, c
			pairs[i*k+j], pairs[j*k+i] = n, n
		}
	}
	return cov, pairs
}

// covPair is the covariance of x and y over the rows where both are present,
// in two passes (means first) for accuracy.
func covPair(x, y []float64) (float64, int) {
	n := 0
	sx, sy := 0.0, 0.0
	for r, a := range x {
		b := y[r]
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		sx += a
		sy += b
		n++
	}
	if n < 2 {
		return math.NaN(), n
	}
	mx, my := sx/float64(n), sy/float64(n)
	s := 0.0
	for r, a := range x {
		b := y[r]
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		s += (a - mx) * (b - my)
	}
	return s / float64(n-1), n
}

func matrixTrace(m []float64, k int) float64 {
	t := 0.0
	for i := range k {
		t += m[i*k+i]
	}
	return t
}

func matrixSum(m []float64) float64 {
	s := 0.0
	for _, v := range m {
		s += v
	}
	return s
}

// cov2cor scales a covariance matrix to correlations by the variances on its
// diagonal, in the order of R's stats::cov2cor (Is_i·V_ij·Is_j with
// Is = sqrt(1/diag V)), and sets the diagonal to exactly 1.
func cov2cor(c []float64, k int) []float64 {
	is := make([]float64, k)
	for i := range k {
		is[i] = math.Sqrt(1 / c[i*k+i])
	}
	r := make([]float64, k*k)
	for i := range k {
		for j := range k {
			r[i*k+j] = is[i] * c[i*k+j] * is[j]
		}
		r[i*k+i] = 1
	}
	return r
}

// smcOf returns each item's squared multiple correlation with the others,
// SMC_j = 1 − 1/(R⁺)_jj, as psych's smc computes it: R⁺ is the Moore–Penrose
// pseudo-inverse, so a singular matrix still yields figures, and results
// above 1 or below 0 are set to 1 or 0.
func smcOf(r []float64, k int) []float64 {
	d := pinvDiag(r, k)
	smc := make([]float64, k)
	for j, v := range d {
		s := 1 - 1/v
		switch {
		case s > 1:
			s = 1
		case s < 0 || math.IsNaN(s):
			s = 0
		}
		smc[j] = s
	}
	return smc
}

// pinvDiag returns the diagonal of the Moore–Penrose pseudo-inverse of the
// symmetric matrix a. psych's Pinv keeps the singular values above
// sqrt(machine epsilon) times the largest; for a symmetric matrix the
// singular values are the absolute eigenvalues and the singular vectors the
// eigenvectors, so the pseudo-inverse is Σ v_m v_mᵀ/λ_m over the kept
// eigenpairs.
func pinvDiag(a []float64, k int) []float64 {
	vals, vecs := symEigen(a, k)
	largest := 0.0
	for _, l := range vals {
		largest = math.Max(largest, math.Abs(l))
	}
	tol := math.Sqrt(2.220446049250313e-16) * largest
	d := make([]float64, k)
	for m, l := range vals {
		if !(math.Abs(l) > tol) {
			continue
		}
		for j := range k {
			v := vecs[j*k+m]
			d[j] += v * v / l
		}
	}
	return d
}

// symEigen returns the eigenvalues of the symmetric k×k matrix a and the
// eigenvectors as the columns of vecs, by the cyclic Jacobi method, which is
// accurate for small eigenvalues of the small matrices here. a is not
// changed.
func symEigen(a []float64, k int) (vals, vecs []float64) {
	m := append([]float64(nil), a...)
	vecs = make([]float64, k*k)
	for i := range k {
		vecs[i*k+i] = 1
	}
	for sweep := range 100 {
		off, all := 0.0, 0.0
		for i := range k {
			for j := range k {
				v := m[i*k+j] * m[i*k+j]
				all += v
				if i != j {
					off += v
				}
			}
		}
		if off == 0 || off <= 1e-32*all {
			break
		}
		for p := 0; p < k-1; p++ {
			for q := p + 1; q < k; q++ {
				apq := m[p*k+q]
				if apq == 0 {
					continue
				}
				// After a few sweeps an element too small to change either
				// diagonal entry it meets is set to zero rather than rotated
				// away: rotations could not shrink it further in floating
				// point, and without this rule the relative stopping test
				// above is never met and every call ran all 100 sweeps
				// (the rule of Press et al., Numerical Recipes, §11.1).
				if g := 100 * math.Abs(apq); sweep > 3 &&
					math.Abs(m[p*k+p])+g == math.Abs(m[p*k+p]) && math.Abs(m[q*k+q])+g == math.Abs(m[q*k+q]) {
					m[p*k+q], m[q*k+p] = 0, 0
					continue
				}
				theta := (m[q*k+q] - m[p*k+p]) / (2 * apq)
				var t float64
				if math.Abs(theta) > 1e150 {
					t = 1 / (2 * theta)
				} else {
					t = 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
					if theta < 0 {
						t = -t
					}
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				// m ← Jᵀ m J and vecs ← vecs J, J the rotation in the
				// (p, q) plane that zeroes m[p][q].
				for r := range k {
					rp, rq := m[r*k+p], m[r*k+q]
					m[r*k+p], m[r*k+q] = c*rp-s*rq, s*rp+c*rq
				}
				for r := range k {
					pr, qr := m[p*k+r], m[q*k+r]
					m[p*k+r], m[q*k+r] = c*pr-s*qr, s*pr+c*qr
				}
				for r := range k {
					rp, rq := vecs[r*k+p], vecs[r*k+q]
					vecs[r*k+p], vecs[r*k+q] = c*rp-s*rq, s*rp+c*rq
				}
			}
		}
	}
	vals = make([]float64, k)
	for i := range k {
		vals[i] = m[i*k+i]
	}
	return vals, vecs
}
