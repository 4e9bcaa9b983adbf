package assess

import "math"

// Moments summarises a stream of values by their count, mean and sum of
// squared deviations: the sufficient statistics of a mean and an SD. It is a
// plain value that can be stored as a snapshot and updated as each new
// response arrives, without re-reading the earlier ones. The zero value is
// an empty summary.
type Moments struct {
	// Count is the number of values added.
	Count int `json:"count"`
	// Mean is their mean, 0 when Count is 0.
	Mean float64 `json:"mean"`
	// M2 is the sum of squared deviations from Mean.
	M2 float64 `json:"m2"`
}

// NewMoments summarises values, leaving out values that are not finite.
func NewMoments(values []float64) *Moments {
	m := &Moments{}
	for _, v := range values {
		m.Add(v)
	}
	return m
}

// Add adds one value; a value that is not finite is ignored. It uses
// Welford's (1962) update, which stays accurate over long streams where
// keeping a running sum of squares would lose digits.
func (m *Moments) Add(x float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return
	}
	m.Count++
	d := x - m.Mean
	m.Mean += d / float64(m.Count)
	m.M2 += d * (x - m.Mean)
}

// N returns the number of values.
func (m *Moments) N() int { return m.Count }

// SD returns the sample standard deviation (divisor n−1), 0 with fewer
// than 2 values.
func (m *Moments) SD() float64 {
	if m.Count < 2 {
		return 0
	}
	return math.Sqrt(max(m.M2, 0) / float64(m.Count-1))
}

// Z returns (x − mean)/SD, and false when the SD is 0 or undefined.
func (m *Moments) Z(x float64) (float64, bool) {
	sd := m.SD()
	if sd == 0 {
		return 0, false
	}
	return (x - m.Mean) / sd, true
}
