package assess

import "math"

// OptionsFromSample builds the scoring options of an organisation from
// what a server can read quickly: scores, every earlier score of each scale
// or composite by ID (for the norms), and answers, the answers of a sample
// of its newest earlier responses (for the measured reliabilities, the IRV
// reference and, from minDistanceN complete responses, the answer
// distribution the distance check compares against). It gives the same reliabilities as OptionsFrom on the
// same answers, but computes only what scoring uses (alpha and the SD of
// the score), not lambda-6 or item statistics, which need an
// eigendecomposition.
func OptionsFromSample(q *Questionnaire, answers []map[string]int, scores map[string][]float64) Options {
	var opt Options
	if len(scores) > 0 {
		opt.Norms = NewNorms(scores)
	}
	if len(answers) == 0 {
		return opt
	}
	ix := q.index()
	vecs := make([][]int, len(answers))
	irv := make([]float64, 0, len(answers))
	for r, a := range answers {
		vecs[r], _ = answerVector(q, ix, a)
		if c := checkIRV(ix, vecs[r], nil); c.Value != nil {
			irv = append(irv, *c.Value)
		}
	}
	opt.IRV = NewMoments(irv)
	if am := NewAnswerMoments(q, nil); len(answers) >= minDistanceN(len(am.Items)) {
		for _, a := range answers {
			am.Add(a)
		}
		opt.Answers = am.Reference()
	}
	if len(answers) < MinReferenceN {
		return opt
	}
	opt.Reliability = map[string]MeasuredReliability{}
	lo, hi := float64(q.Scale.Min), float64(q.Scale.Max)
	// measure takes the item positions of a scale or composite.
	measure := func(id string, items []int) {
		var scored []int
		for _, p := range items {
			if ix.items[p].Kind == KindScored {
				scored = append(scored, p)
			}
		}
		k := len(scored)
		if k < 2 {
			return
		}
		x := make([][]float64, len(vecs))
		flat := make([]float64, len(vecs)*k)
		for r, vals := range vecs {
			row := flat[r*k : (r+1)*k : (r+1)*k]
			for i, p := range scored {
				v := math.NaN()
				if a := vals[p]; a != missingAnswer {
					v = float64(a)
					if ix.items[p].Key < 0 {
						v = ReverseAnswer(v, lo, hi)
					}
				}
				row[i] = v
			}
			x[r] = row
		}
		if m, ok := alphaAndSD(x, k); ok {
			opt.Reliability[id] = m
		}
	}
	for s, sc := range q.Scales {
		measure(sc.ID, ix.scaleItems[s])
	}
	for c, comp := range q.Composites {
		var items []int
		for _, s := range ix.compositeScales[c] {
			items = append(items, ix.scaleItems[s]...)
		}
		measure(comp.ID, items)
	}
	return opt
}

// alphaAndSD is Cronbach's alpha from the pairwise covariances of the
// items (as Reliability computes it) and the SD of the mean item score,
// over respondents x of k items; false when either is undefined.
func alphaAndSD(x [][]float64, k int) (MeasuredReliability, bool) {
	var scores []float64
	for _, row := range x {
		sum, m := 0.0, 0
		for _, v := range row {
			if !math.IsNaN(v) {
				sum += v
				m++
			}
		}
		if m > 0 {
			scores = append(scores, sum/float64(m))
		}
	}
	if len(scores) < MinReferenceN {
		return MeasuredReliability{}, false
	}
	_, sd := scoreMeanSD(scores)
	C, pairs := pairwiseCov(itemColumns(x, k))
	for _, n := range pairs {
		if n < 2 {
			return MeasuredReliability{}, false
		}
	}
	trC, sumC := matrixTrace(C, k), matrixSum(C)
	if sumVarianceProblem(sumC, trC) != "" {
		return MeasuredReliability{}, false
	}
	alpha := rawAlpha(trC, sumC, k)
	if math.IsNaN(alpha) || math.IsInf(alpha, 0) || math.IsNaN(sd) {
		return MeasuredReliability{}, false
	}
	return MeasuredReliability{Alpha: alpha, SD: sd, N: len(scores)}, true
}
