package assess

import (
	"math"
	"sort"
)

// JobMidpoint is the neutral answer of a job questionnaire's 1–5 scale:
// an answer above it asks for the statement's facets, one below it
// speaks against them.
const JobMidpoint = 3

// FacetSpread is how far answerers disagree on one facet: the lowest and
// highest raw weight one answerer's answers give it and their standard
// deviation (n − 1; 0 for one answerer).
type FacetSpread struct {
	Min, Max, SD float64
}

// JobProposal is the target profile a job questionnaire's answers
// propose: a weight per facet summing to 1 (nil when every facet's mean
// is 0 or below: the answers ask for nothing), the raw mean per facet,
// and each facet's spread over answerers.
type JobProposal struct {
	Weights map[string]float64
	Mean    map[string]float64
	Spread  map[string]FacetSpread
	N       int
}

// ProposeTarget is DESIGN §14's job target: for each answerer a, the raw
// weight of facet f is Σ over statements s of (answer_a(s) − 3) ×
// weight(s, f); the proposal is the mean over answerers, negatives clipped
// to 0, normalised to sum 1. Each answer set must answer every statement
// 1–5 (the caller checks; an unanswered statement counts as the midpoint).
func ProposeTarget(j *JobQuestionnaire, answerers []map[string]int) JobProposal {
	p := JobProposal{Mean: map[string]float64{}, Spread: map[string]FacetSpread{}, N: len(answerers)}
	if len(answerers) == 0 {
		return p
	}
	raw := map[string][]float64{}
	for _, s := range j.Statements {
		for f := range s.Facets {
			raw[f] = make([]float64, len(answerers))
		}
	}
	for a, ans := range answerers {
		for _, s := range j.Statements {
			v, ok := ans[s.ID]
			if !ok {
				v = JobMidpoint
			}
			for f, w := range s.Facets {
				raw[f][a] += float64(v-JobMidpoint) * w
			}
		}
	}
	facets := make([]string, 0, len(raw))
	for f := range raw {
		facets = append(facets, f)
	}
	sort.Strings(facets)
	total := 0.0
	for _, f := range facets {
		xs := raw[f]
		m, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
		for _, x := range xs {
			m += x
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
		m /= float64(len(xs))
		sd := 0.0
		if len(xs) > 1 {
			for _, x := range xs {
				sd += (x - m) * (x - m)
			}
			sd = math.Sqrt(sd / float64(len(xs)-1))
		}
		p.Mean[f], p.Spread[f] = m, FacetSpread{Min: lo, Max: hi, SD: sd}
		if m > 0 {
			total += m
		}
	}
	if total == 0 {
		return p
	}
	p.Weights = map[string]float64{}
	for _, f := range facets {
		if m := p.Mean[f]; m > 0 {
			p.Weights[f] = m / total
		}
	}
	return p
}
