package evidence

import "math"

// Validity is what local validity says of one score against one
// criterion over the N people with both. Each figure is nil when it is
// not defined at that N or spread (a pointer, so the API writes null).
type Validity struct {
	N int
	// R is Pearson's r, Rho Spearman's ρ.
	R, Rho *float64
	// Low and High are R's 95% interval by Fisher's z.
	Low, High *float64
	// P is R's two-sided p.
	P *float64
	// Corrected is R corrected for range restriction (CorrectRange); nil
	// when the organisation has too few earlier respondents for the
	// spread over all of them to mean anything.
	Corrected *float64
}

// Finding reports whether the figures may be called a finding: at least
// MinFinding people and an r.
func (v Validity) Finding() bool { return v.N >= MinFinding && v.R != nil }

// Correlate works out Validity of scores x against criteria y (pairs in
// order). sdAll is the score's SD over every respondent, or 0 when the
// organisation has too few of them to correct for range restriction.
func Correlate(x, y []float64, sdAll float64) Validity {
	v := Validity{N: len(x)}
	if len(x) != len(y) {
		v.N = 0
		return v
	}
	r, ok := Pearson(x, y)
	if !ok {
		return v
	}
	v.R = &r
	if rho, ok := Spearman(x, y); ok {
		v.Rho = &rho
	}
	if lo, hi, ok := Interval(r, v.N); ok {
		v.Low, v.High = &lo, &hi
	}
	if p, ok := PValue(r, v.N); ok {
		v.P = &p
	}
	if sd, ok := SD(x); ok && sdAll > 0 {
		if c, ok := CorrectRange(r, sdAll, sd); ok {
			v.Corrected = &c
		}
	}
	return v
}

// Line is the least-squares line y = Intercept + Slope·x through the
// pairs, for drawing; false without two distinct x.
func Line(x, y []float64) (slope, intercept float64, ok bool) {
	n := len(x)
	if n != len(y) || n < 2 {
		return 0, 0, false
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	if sxx == 0 {
		return 0, 0, false
	}
	slope = sxy / sxx
	return slope, my - slope*mx, true
}

// SDOfCounts is the sample SD (divisor n−1) of values each occurring
// counts[i] times, the shape in which the store gives an organisation's
// scores; false with fewer than 2 values in all.
func SDOfCounts(values []float64, counts []int) (sd float64, n int, ok bool) {
	var sum float64
	for i, c := range counts {
		n += c
		sum += float64(c) * values[i]
	}
	if n < 2 {
		return 0, n, false
	}
	m := sum / float64(n)
	var ss float64
	for i, c := range counts {
		d := values[i] - m
		ss += float64(c) * d * d
	}
	return math.Sqrt(ss / float64(n-1)), n, true
}
