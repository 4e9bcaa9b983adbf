package assess

import (
	"fmt"
	"math"
)

// checkConsistency is a split-half consistency index over the facets, the
// even–odd idea of Johnson (2005) and Meade & Craig (2012) ("individual
// reliability", Curran 2016) with the halves chosen by keying: for each
// facet, the mean raw answer to its items keyed 1 against the mean reversed
// answer to its items keyed −1, correlated across the facets. A careful
// person's two halves rise and fall together from facet to facet; random
// answers leave them unrelated (about 0), and answering the same whatever
// the wording pushes them apart. Splitting by keying rather than by item
// position keeps a general tendency to agree (which moves every raw answer
// the same way) from changing the index: it shifts one half up and the
// other down by the same amount in every facet, and a correlation ignores
// shifts. It uses every scored item, 60 on sales-service, where the
// designed pairs use 14 or 20.
func checkConsistency(q *Questionnaire, ix *index, vals []int) Check {
	xs := make([]float64, 0, len(q.Scales))
	ys := make([]float64, 0, len(q.Scales))
	for s := range q.Scales {
		var sum [2]float64
		var n [2]int
		for _, p := range ix.scaleItems[s] {
			v := vals[p]
			if v == missingAnswer {
				continue
			}
			k := 0
			if ix.items[p].Key < 0 {
				k, v = 1, q.Scale.Reverse(v)
			}
			sum[k] += float64(v)
			n[k]++
		}
		if n[0] > 0 && n[1] > 0 {
			xs = append(xs, sum[0]/float64(n[0]))
			ys = append(ys, sum[1]/float64(n[1]))
		}
	}
	if len(xs) < minConsistencyFacets {
		return skippedCheck(CheckConsistency, fmt.Sprintf("%d facets with answers to statements keyed both ways; at least %d needed", len(xs), minConsistencyFacets))
	}
	r, ok := pairPearson(xs, ys)
	if !ok {
		return Check{Code: CheckConsistency, Status: StatusSkipped, N: len(xs),
			Detail: fmt.Sprintf("consistency over %d facets is undefined: the facet means of one wording were all the same", len(xs))}
	}
	c := Check{Code: CheckConsistency, Status: StatusPassed, Value: floatPtr(r), Limit: floatPtr(consistencyLimit), N: len(xs)}
	c.Detail = fmt.Sprintf("correlation over %d facets between statements worded one way and the other: %.2f", len(xs), r)
	switch {
	case r < consistencyLimit:
		c.flag(SeverityLook, rateConsistency)
		c.Detail += fmt.Sprintf(", below %.2f: facets scored high from one wording were scored low from the other", consistencyLimit)
	case r < consistencySupport:
		c.Supports = true
		c.Detail += fmt.Sprintf(", below %.2f: weak evidence, not flagged alone", consistencySupport)
	}
	return c
}

// checkPairs correlates the raw answers to the first and second items of
// the designed synonym or antonym pairs (psychometric synonyms and
// antonyms, Meade & Craig 2012; Curran 2016). With a handful of pairs the
// correlation is too noisy to judge a person by, so it never flags alone:
// a synonym correlation below −0.6 or an antonym correlation above 0.6
// only counts as weak evidence (Supports).
func checkPairs(code string, pairs [][2]int, vals []int) Check {
	what := "synonym"
	if code == CheckAntonyms {
		what = "antonym"
	}
	if len(pairs) == 0 {
		return skippedCheck(code, fmt.Sprintf("the questionnaire has no %s pairs", what))
	}
	var xs, ys [16]float64 // the pairs of one questionnaire usually fit; append grows past
	x, y := xs[:0], ys[:0]
	for _, p := range pairs {
		a, b := vals[p[0]], vals[p[1]]
		if a == missingAnswer || b == missingAnswer {
			continue
		}
		x = append(x, float64(a))
		y = append(y, float64(b))
	}
	if len(x) < minPairs {
		return skippedCheck(code, fmt.Sprintf("%d %s pairs answered; at least %d needed", len(x), what, minPairs))
	}
	r, ok := pairPearson(x, y)
	if !ok {
		return Check{Code: code, Status: StatusSkipped, N: len(x),
			Detail: fmt.Sprintf("correlation over %d %s pairs is undefined: one side of the pairs got the same answer every time", len(x), what)}
	}
	limit := synonymSupport
	if code == CheckAntonyms {
		limit = antonymSupport
	}
	c := Check{Code: code, Status: StatusPassed, Value: floatPtr(r), Limit: floatPtr(limit), N: len(x)}
	c.Detail = fmt.Sprintf("correlation over %d %s pairs: %.2f", len(x), what, r)
	if code == CheckSynonyms && r < limit {
		c.Supports = true
		c.Detail += fmt.Sprintf(", below %.1f: statements meaning the same were answered differently; supporting evidence only", limit)
	}
	if code == CheckAntonyms && r > limit {
		c.Supports = true
		c.Detail += fmt.Sprintf(", above %.1f: statements meaning the opposite were answered alike; supporting evidence only", limit)
	}
	return c
}

// pairPearson returns the Pearson correlation of x and y, and false when either
// has zero variance (the correlation is then undefined, not 0).
func pairPearson(x, y []float64) (float64, bool) {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
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
	return sxy / math.Sqrt(sxx*syy), true
}
