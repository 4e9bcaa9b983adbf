package assess

import "math"

// Earlier is one of an organisation's earlier responses to a
// questionnaire version: the raw answers and the result they were scored
// to.
type Earlier struct {
	Answers map[string]int
	Result  Result
}

// OptionsFrom builds scoring options from an organisation's earlier
// responses to q (internal/assess/doc.go): norms from their scale and composite
// scores, measured reliabilities from their raw answers (pairwise, only
// with at least MinReferenceN responses), the IRV reference from their
// within-person SDs, and the answer statistics of the distance check from
// their complete answer vectors. With too few responses the options stay empty
// and scores say so ("no norms yet", "reliability not yet known"): nothing
// is invented. Scales whose reliability is undefined on these responses
// (no variance yet) keep "reliability not yet known". The IRV summary is a
// Moments, which a caller that keeps options as a snapshot can update with
// each new response's IRV (Moments.Add) without re-reading the earlier
// ones.
func OptionsFrom(q *Questionnaire, earlier []Earlier) Options {
	var opt Options
	if len(earlier) == 0 {
		return opt
	}
	scores := map[string][]float64{}
	var irv []float64
	table := &ResponseTable{}
	for _, it := range q.Items() {
		if it.Kind == KindScored {
			table.Items = append(table.Items, it.ID)
		}
	}
	for _, e := range earlier {
		for _, list := range [][]ScaleScore{e.Result.Scales, e.Result.Composites} {
			for _, s := range list {
				if s.Score != nil {
					scores[s.ID] = append(scores[s.ID], *s.Score)
				}
			}
		}
		if c, ok := e.Result.Quality.Check(CheckIRV); ok && c.Value != nil {
			irv = append(irv, *c.Value)
		}
		row := make([]float64, len(table.Items))
		for j, id := range table.Items {
			row[j] = math.NaN()
			if v, ok := e.Answers[id]; ok {
				row[j] = float64(v)
			}
		}
		table.Answers = append(table.Answers, row)
	}
	opt.Norms = NewNorms(scores)
	opt.IRV = NewMoments(irv)
	// The answer statistics cost p² per response (about 25 ms for 10,000
	// responses to sales-service): build them only when the distance check
	// can use them. A caller that keeps an AnswerMoments snapshot and adds
	// each new response pays that once.
	answers := NewAnswerMoments(q, nil)
	if len(earlier) >= minDistanceN(len(answers.Items)) {
		for _, e := range earlier {
			answers.Add(e.Answers)
		}
		opt.Answers = answers.Reference()
	}
	if len(earlier) >= MinReferenceN {
		report, _ := QuestionnaireReliability(q, table, Pairwise)
		opt.Reliability = map[string]MeasuredReliability{}
		for _, s := range report.Scales {
			opt.Reliability[s.ID] = MeasuredReliability{Alpha: s.Alpha, SD: s.SD, N: s.N}
		}
	}
	return opt
}
