package assess

import (
	"fmt"
	"math"
)

// AnswerMoments holds the sufficient statistics of an organisation's
// answers to a questionnaire's scored items: how many complete answer
// vectors, their mean and the sums of cross-products of deviations from
// it. It is the reference of the Mahalanobis-distance check, a plain value
// that a caller can store as a snapshot and update with Add as each
// response arrives, without re-reading the earlier ones. Build it with
// NewAnswerMoments; the zero value has no items.
type AnswerMoments struct {
	// Items lists the scored item IDs in questionnaire order; every vector
	// is in this order.
	Items []string `json:"items"`
	// Count is the number of vectors added.
	Count int `json:"count"`
	// Mean is the mean answer to each item.
	Mean []float64 `json:"mean"`
	// Comoment holds the sums of products of deviations from the mean
	// (Welford's update) for every pair of items i ≤ j, the upper triangle
	// of a symmetric p×p matrix row by row: p(p+1)/2 numbers, (0,0),
	// (0,1), …, (0,p−1), (1,1), …. Divided by Count−1 it is the covariance.
	Comoment []float64 `json:"comoment"`
}

// triangle returns the length of the upper triangle of a p×p matrix.
func triangle(p int) int { return p * (p + 1) / 2 }

// at returns the comoment of items i and j.
func (m *AnswerMoments) at(i, j int) float64 {
	if i > j {
		i, j = j, i
	}
	p := len(m.Items)
	return m.Comoment[i*(2*p-i+1)/2+j-i]
}

// NewAnswerMoments returns the empty statistics for q's scored items,
// with the given responses' answers added (Add says which are used).
func NewAnswerMoments(q *Questionnaire, answers []map[string]int) *AnswerMoments {
	ix := q.index()
	m := &AnswerMoments{Items: make([]string, len(ix.scored))}
	for i, p := range ix.scored {
		m.Items[i] = ix.items[p].ID
	}
	m.Mean = make([]float64, len(m.Items))
	m.Comoment = make([]float64, triangle(len(m.Items)))
	for _, a := range answers {
		m.Add(a)
	}
	return m
}

// N returns the number of responses in the statistics.
func (m *AnswerMoments) N() int { return m.Count }

// Add adds one response's answers, and reports whether it was used: only a
// response that answers every item is (listwise; submitted responses are
// complete, and a partial one would bias the covariances). It updates the
// mean and the cross-products by Welford's (1962) method, generalised to
// vectors.
func (m *AnswerMoments) Add(answers map[string]int) bool {
	p := len(m.Items)
	if p == 0 || len(m.Mean) != p || len(m.Comoment) != triangle(p) {
		return false
	}
	x := make([]float64, 2*p)
	d, e := x[:p], x[p:] // deviations from the old and the new mean
	for i, id := range m.Items {
		v, ok := answers[id]
		if !ok {
			return false
		}
		d[i] = float64(v)
	}
	m.Count++
	n := float64(m.Count)
	for i, v := range d {
		d[i] = v - m.Mean[i]
		m.Mean[i] += d[i] / n
		e[i] = v - m.Mean[i]
	}
	k := 0
	for i := range p {
		for _, ej := range e[i:] {
			m.Comoment[k] += d[i] * ej
			k++
		}
	}
	return true
}

// DistanceReference is an AnswerMoments prepared for scoring: a copy of
// the statistics with the Cholesky factor of their covariance, computed
// once so that scoring a complete response costs one triangular solve.
// It is read-only and safe for concurrent use. Build it with
// AnswerMoments.Reference.
type DistanceReference struct {
	m    AnswerMoments
	chol []float64 // lower-triangular factor of the covariance, row by row; nil when not positive definite
	// limit and support are the limits for a complete response.
	limit, support float64
}

// Reference prepares the statistics for scoring. Later calls to Add do
// not change the returned reference.
func (m *AnswerMoments) Reference() *DistanceReference {
	r := &DistanceReference{m: AnswerMoments{
		Items:    append([]string(nil), m.Items...),
		Count:    m.Count,
		Mean:     append([]float64(nil), m.Mean...),
		Comoment: append([]float64(nil), m.Comoment...),
	}}
	if r.fits() && r.m.Count >= 2 {
		all := make([]int, len(r.m.Items))
		for i := range all {
			all[i] = i
		}
		r.chol = r.m.cholesky(all)
		r.limit, r.support = distanceLimits(len(all), r.m.Count)
	}
	return r
}

// distanceLimits returns the D² above which the distance check flags and
// above which it counts as weak evidence, for k items and a reference of
// n: the F(k, n−k) points scaled as checkDistance says.
func distanceLimits(k, n int) (limit, support float64) {
	if n <= k+1 {
		return math.Inf(1), math.Inf(1)
	}
	nf, kf := float64(n), float64(k)
	scale := (nf + 1) * (nf - 1) * kf / (nf * (nf - kf))
	return scale * fQuantile(kf, nf-kf, distanceLimitP), scale * fQuantile(kf, nf-kf, distanceSupportP)
}

// N returns the number of responses in the reference.
func (r *DistanceReference) N() int { return r.m.Count }

func (r *DistanceReference) fits() bool {
	p := len(r.m.Items)
	return p > 0 && len(r.m.Mean) == p && len(r.m.Comoment) == triangle(p)
}

// minDistanceN returns the least reference size for the distance check
// with p items: the sample covariance of fewer than about three responses
// per item is too unstable to invert, and 200 keeps the test's reference
// distribution close to its large-sample form.
func minDistanceN(p int) int { return max(200, 3*p) }

// The probabilities of the distance check's limits: above the 0.999
// point it flags, above the 0.995 point it counts as weak evidence (at
// 0.99 the agreement check flagged 1.03% of the noisiest calibration
// model).
const (
	distanceLimitP   = 0.999
	distanceSupportP = 0.995
)

// checkDistance computes the Mahalanobis distance D² of the person's
// answers to the scored items from the organisation's mean, with the
// organisation's covariance (Meade & Craig 2012 found it among the best
// indices of random responding; Curran 2016). It uses the items the person
// answered. Under multivariate normality, for a new response against a
// reference of n,
//
//	D² · n(n−p) / ((n+1)(n−1)p) ~ F(p, n−p)
//
// (Hotelling's T² for a new observation, whose difference from the sample
// mean has covariance (1 + 1/n)Σ; Mardia, Kent & Bibby 1979, "Multivariate
// Analysis", chapter 3), so the limit is that F's upper 0.1% point, scaled back:
// it grows as the reference shrinks, where estimated covariances make
// every distance larger.
func checkDistance(ix *index, vals []int, dr *DistanceReference) Check {
	if dr == nil {
		return skippedCheck(CheckDistance, "no reference of the organisation's earlier answers")
	}
	if !dr.fits() {
		return skippedCheck(CheckDistance, "the organisation's reference does not fit this questionnaire")
	}
	ref := &dr.m
	p := len(ref.Items)
	if need := minDistanceN(p); ref.Count < need {
		return skippedCheck(CheckDistance, fmt.Sprintf("not compared: the organisation has %d complete earlier responses, %d needed", ref.Count, need))
	}
	// The positions in the reference of the items the person answered.
	use := make([]int, 0, p)
	x := make([]float64, 0, p)
	for i, id := range ref.Items {
		pos, ok := ix.byID[id]
		if !ok {
			return skippedCheck(CheckDistance, "the organisation's reference does not fit this questionnaire")
		}
		if vals[pos] != missingAnswer {
			use = append(use, i)
			x = append(x, float64(vals[pos])-ref.Mean[i])
		}
	}
	k := len(use)
	if !enoughAnswered(k, p) {
		return skippedCheck(CheckDistance, fmt.Sprintf("%d of %d scored items answered; at least %d needed", k, p, neededAnswers(p)))
	}
	l, limit, support := dr.chol, dr.limit, dr.support
	if k < p {
		l = ref.cholesky(use)
		limit, support = distanceLimits(k, ref.Count)
	}
	if l == nil {
		return skippedCheck(CheckDistance, "not compared: the organisation's answers do not vary enough on every item")
	}
	d2 := mahalanobis(l, x)
	c := Check{Code: CheckDistance, Status: StatusPassed, Value: floatPtr(d2), Limit: floatPtr(limit), N: k}
	c.Detail = fmt.Sprintf("distance of the %d answers from the organisation's %d earlier responses: D² = %.1f (limit %.1f)", k, ref.Count, d2, limit)
	switch {
	case d2 > limit:
		c.flag(SeverityLook, rateDistance)
		c.Detail += ": the pattern of answers is unlike the organisation's answers in a way few careful answers are"
	case d2 > support:
		c.Supports = true
		c.Detail += fmt.Sprintf(", above %.1f: weak evidence, not flagged alone", support)
	}
	return c
}

// cholesky returns the lower-triangular factor L, row by row, of the
// covariance S = Comoment/(Count−1) restricted to the items use, with
// S = LLᵀ (the Cholesky–Banachiewicz order), and nil when that S is not
// positive definite (an item nobody varied on, or items that always move
// together).
func (m *AnswerMoments) cholesky(use []int) []float64 {
	k := len(use)
	div := float64(m.Count - 1)
	l := make([]float64, k*k)
	for i := range k {
		for j := 0; j <= i; j++ {
			s := m.at(use[i], use[j]) / div
			for t := range j {
				s -= l[i*k+t] * l[j*k+t]
			}
			if i == j {
				if s <= 1e-12 {
					return nil
				}
				l[i*k+i] = math.Sqrt(s)
			} else {
				l[i*k+j] = s / l[j*k+j]
			}
		}
	}
	return l
}

// mahalanobis returns xᵀS⁻¹x = |L⁻¹x|² for S = LLᵀ, by forward
// substitution.
func mahalanobis(l, x []float64) float64 {
	k := len(x)
	var d2 float64
	z := make([]float64, k)
	for i := range k {
		s := x[i]
		for t := range i {
			s -= l[i*k+t] * z[t]
		}
		z[i] = s / l[i*k+i]
		d2 += z[i] * z[i]
	}
	return d2
}

// fQuantile returns the quantile of the F(d1, d2) distribution at
// probability prob, by bisection on its distribution function
// I_{d1·f/(d1·f+d2)}(d1/2, d2/2), the regularised incomplete beta function.
func fQuantile(d1, d2, prob float64) float64 {
	lo, hi := 0.0, 1.0
	for fCDF(hi, d1, d2) < prob {
		hi *= 2
	}
	for hi-lo > 1e-12*hi {
		mid := (lo + hi) / 2
		if fCDF(mid, d1, d2) < prob {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// fCDF is the distribution function of F(d1, d2) at f.
func fCDF(f, d1, d2 float64) float64 {
	if f <= 0 {
		return 0
	}
	return regIncBeta(d1/2, d2/2, d1*f/(d1*f+d2))
}

// regIncBeta returns the regularised incomplete beta function I_x(a, b)
// from its continued fraction (DLMF 8.17.22), evaluated by the modified
// Lentz method, on the side of x where the fraction converges quickly
// (using I_x(a, b) = 1 − I_{1−x}(b, a), DLMF 8.17.4).
func regIncBeta(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	case x > (a+1)/(a+b+2):
		return 1 - regIncBeta(b, a, 1-x)
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log(1-x))
	return front * betaFraction(a, b, x) / a
}

// betaFraction evaluates 1/(1+ d1/(1+ d2/(1+ …))) with
// d_{2m+1} = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)) and
// d_{2m} = m(b−m)x/((a+2m−1)(a+2m)) by the modified Lentz method.
func betaFraction(a, b, x float64) float64 {
	const tiny = 1e-300
	guard := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	c := 1.0
	d := 1 / guard(1-(a+b)*x/(a+1))
	h := d
	for m := 1.0; m < 1000; m++ {
		even := m * (b - m) * x / ((a + 2*m - 1) * (a + 2*m))
		d = 1 / guard(1+even*d)
		c = guard(1 + even/c)
		h *= d * c
		odd := -(a + m) * (a + b + m) * x / ((a + 2*m) * (a + 2*m + 1))
		d = 1 / guard(1+odd*d)
		c = guard(1 + odd/c)
		step := d * c
		h *= step
		if math.Abs(step-1) < 1e-14 {
			break
		}
	}
	return h
}
