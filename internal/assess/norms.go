package assess

import (
	"math"
	"slices"
	"sort"
)

// MinReferenceN is the smallest number of an organisation's earlier
// responses from which rolefit reports a measured reliability or norms.
// Below it an alpha or a percentile moves too much with each new response
// to be shown as a property of the organisation (internal/assess/doc.go: n ≥ 30).
const MinReferenceN = 30

// ProvisionalBelowN marks norms from fewer reference responses as
// provisional (internal/assess/doc.go).
const ProvisionalBelowN = 200

// Reference is a reference group: the scores (or any other measured
// values) of an organisation's earlier responses on one scale. Build it
// with NewReference; it is read-only afterwards.
type Reference struct {
	sorted []float64
	mean   float64
	sd     float64
}

// NewReference builds a reference group from values, leaving out values
// that are not finite numbers (missing scores). values is not modified.
func NewReference(values []float64) *Reference {
	r := &Reference{sorted: make([]float64, 0, len(values))}
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			r.sorted = append(r.sorted, v)
		}
	}
	slices.Sort(r.sorted)
	r.mean, r.sd = sampleMeanSD(r.sorted)
	return r
}

// N returns the number of values in the reference group.
func (r *Reference) N() int { return len(r.sorted) }

// Mean returns the reference group's mean, 0 when it is empty.
func (r *Reference) Mean() float64 { return r.mean }

// SD returns the reference group's sample standard deviation (divisor
// n−1, the usual estimate of the population SD from a sample), 0 when it
// has fewer than 2 values.
func (r *Reference) SD() float64 { return r.sd }

// Percentile returns the mid-percentile of x in the reference group:
// 100·(count below x + ½·count equal to x)/n, the percentile rank of
// classical norming (Crocker & Algina 1986, on norms and standard scores).
// Counting ties half keeps the percentile of a score that many people share
// from jumping to either end.
func (r *Reference) Percentile(x float64) float64 {
	n := len(r.sorted)
	if n == 0 {
		return math.NaN()
	}
	below := sort.SearchFloat64s(r.sorted, x)
	upto := below
	for upto < n && r.sorted[upto] == x {
		upto++
	}
	return 100 * (float64(below) + 0.5*float64(upto-below)) / float64(n)
}

// Z returns (x − mean)/SD, and false when the SD is 0 or undefined.
func (r *Reference) Z(x float64) (float64, bool) {
	if len(r.sorted) < 2 || r.sd == 0 {
		return 0, false
	}
	return (x - r.mean) / r.sd, true
}

// sampleMeanSD returns the mean and the sample standard deviation (divisor n−1)
// of xs, with two passes for accuracy.
func sampleMeanSD(xs []float64) (mean, sd float64) {
	n := len(xs)
	if n == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(n)
	if n < 2 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(n-1))
}

// Norms holds an organisation's reference groups by scale or composite ID.
// rolefit invents no norms: every percentile and T-score is against
// responses the organisation actually has.
type Norms struct {
	refs map[string]*Reference
}

// NewNorms builds norms from the earlier scores of each scale or composite,
// keyed by its ID.
func NewNorms(scores map[string][]float64) *Norms {
	n := &Norms{refs: make(map[string]*Reference, len(scores))}
	for id, vs := range scores {
		n.refs[id] = NewReference(vs)
	}
	return n
}

// Reference returns the reference group of a scale or composite.
func (n *Norms) Reference(id string) (*Reference, bool) {
	if n == nil {
		return nil, false
	}
	r, ok := n.refs[id]
	return r, ok
}

// Standing places one score in its reference group.
type Standing struct {
	// Percentile is the mid-percentile, 0–100.
	Percentile float64 `json:"percentile"`
	// T is 50 + 10·z, z against the reference mean and sample SD; null
	// when every reference score is the same.
	T *float64 `json:"t"`
	// N is the size of the reference group.
	N int `json:"n"`
	// Mean and SD describe the reference group (SD with divisor n−1).
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	// Provisional is true when N is below ProvisionalBelowN.
	Provisional bool `json:"provisional"`
}

// Standing returns the standing of score against the reference group of
// the scale or composite id. It is absent when there is no reference group
// for id or it has fewer than MinReferenceN scores.
func (n *Norms) Standing(id string, score float64) (*Standing, bool) {
	r, ok := n.Reference(id)
	if !ok || r.N() < MinReferenceN || math.IsNaN(score) {
		return nil, false
	}
	s := &Standing{
		Percentile:  r.Percentile(score),
		N:           r.N(),
		Mean:        r.mean,
		SD:          r.sd,
		Provisional: r.N() < ProvisionalBelowN,
	}
	if z, ok := r.Z(score); ok {
		t := 50 + 10*z
		s.T = &t
	}
	return s, true
}
