package assess

import (
	"errors"
	"math"
)

// ReliabilityReport holds the reliability statistics of a questionnaire's
// scales and composites over a set of responses.
type ReliabilityReport struct {
	// Scales holds the scales in definition order, then the composites.
	Scales []ScaleReliability `json:"scales"`
}

// QuestionnaireReliability computes the reliability of every scale of q and
// of every composite, over the answers in t (internal/assess/doc.go). A scale's
// items are its scored items; a composite's are the scored items of all its
// scales. Reversed items (key −1) are reversed on the response scale's
// theoretical bounds before the statistics, as psych::alpha is given them
// with check.keys = FALSE. Listwise deletion is per scale or composite: a
// respondent who skipped an item of one scale still counts for the others.
// Items without a column in t are left out; a scale or composite none of
// whose items have one is left out of the report.
//
// When some scales' statistics are undefined, the report holds the others
// and the error joins a *ReliabilityError for each of those that failed.
func QuestionnaireReliability(q *Questionnaire, t *ResponseTable, mode MissingMode) (ReliabilityReport, error) {
	col := make(map[string]int, len(t.Items))
	for j, id := range t.Items {
		col[id] = j
	}
	lo, hi := float64(q.Scale.Min), float64(q.Scale.Max)
	report := ReliabilityReport{Scales: []ScaleReliability{}}
	var errs []error
	add := func(id string, items []Item) {
		var ids []string
		var cols []int
		var reversed []bool
		for _, it := range items {
			j, ok := col[it.ID]
			if it.Kind != KindScored || !ok {
				continue
			}
			ids = append(ids, it.ID)
			cols = append(cols, j)
			reversed = append(reversed, it.Key < 0)
		}
		if len(ids) == 0 {
			return
		}
		x := make([][]float64, len(t.Answers))
		flat := make([]float64, len(t.Answers)*len(ids))
		for r, answers := range t.Answers {
			row := flat[r*len(ids) : (r+1)*len(ids) : (r+1)*len(ids)]
			for i, j := range cols {
				v := math.NaN()
				if j < len(answers) {
					v = answers[j]
				}
				if reversed[i] {
					v = ReverseAnswer(v, lo, hi)
				}
				row[i] = v
			}
			x[r] = row
		}
		s, err := Reliability(id, ids, x, mode)
		if err != nil {
			errs = append(errs, err)
			return
		}
		report.Scales = append(report.Scales, s)
	}
	for _, s := range q.Scales {
		add(s.ID, q.ScaleItems(s.ID))
	}
	for _, c := range q.Composites {
		var items []Item
		for _, s := range q.CompositeScales(c.ID) {
			items = append(items, q.ScaleItems(s.ID)...)
		}
		add(c.ID, items)
	}
	return report, errors.Join(errs...)
}
