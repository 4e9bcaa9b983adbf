package app

import (
	"context"
	"rolefit"

	"rolefit/internal/evidence"
	"rolefit/internal/store"
)

// criterionValues gives a person's value of one criterion for a scale,
// false when they have none.
type criterionValues interface {
	of(personID string, s ValidityScale) (float64, bool)
}

// rateValues are observed revenue an hour by person: the same for every
// scale.
type rateValues map[string]float64

func (r rateValues) of(id string, _ ValidityScale) (float64, bool) {
	v, ok := r[id]
	return v, ok
}

// viewValues are the score rows of each person's newest response of a
// view (a manager's rating, an interview). A scale is read against the
// response's score on the same composite (a facet against its
// composite), so the self-reported hunter score meets the rater's hunter
// score; a response without that composite counts by the mean of its
// composites, and without composites by the mean of its facets.
type viewValues map[string][]store.ScoreRow

func (vv viewValues) of(id string, s ValidityScale) (float64, bool) {
	rows, ok := vv[id]
	if !ok {
		return 0, false
	}
	want := s.ID
	if s.Kind == store.ScaleFacet {
		want = s.Composite
	}
	for _, r := range rows {
		if r.Kind == store.ScaleComposite && r.ScaleID == want && r.Score != nil {
			return *r.Score, true
		}
	}
	for _, kind := range []string{store.ScaleComposite, store.ScaleFacet} {
		var sum float64
		n := 0
		for _, r := range rows {
			if r.Kind == kind && r.Score != nil {
				sum += *r.Score
				n++
			}
		}
		if n > 0 {
			return sum / float64(n), true
		}
	}
	return 0, false
}

// criteria reads every criterion's values: the staff's observed rates
// over their last twelve recorded months as the money model reads them
// (at least MinRecordedMonths, each rate within its range), the newest
// manager's rating and the newest interview ratings.
func (a *App) criteria(ctx context.Context, act Actor) (map[string]criterionValues, error) {
	rec, err := a.recorded(ctx, act)
	if err != nil {
		return nil, err
	}
	nb, sv := rateValues{}, rateValues{}
	for _, id := range rec.ids {
		p, t := rec.people[id], rec.totals[id]
		if p.Kind != rolefit.Staff || t.Months < MinRecordedMonths {
			continue
		}
		n, s, _ := usableRates(p.Name, p.ID, t)
		if n != nil {
			nb[id] = *n
		}
		if s != nil {
			sv[id] = *s
		}
	}
	ratings, err := a.scope(act).LatestViewScores(ctx, rolefit.ViewManager)
	if err != nil {
		return nil, err
	}
	interviews, err := a.interviewRatings(ctx, act)
	if err != nil {
		return nil, err
	}
	return map[string]criterionValues{CriterionNewBusiness: nb, CriterionService: sv,
		CriterionRating: viewValues(ratings), CriterionInterview: interviews}, nil
}

// interviewRatings are the mean of each person's newest interview ratings
// (InterviewMeans), the same for every scale: an interview rates the
// facets its guide chose, which differ from person to person, so their
// mean is the one figure every interviewed person has.
func (a *App) interviewRatings(ctx context.Context, act Actor) (rateValues, error) {
	means, err := a.InterviewMeans(ctx, act)
	if err != nil {
		return nil, err
	}
	out := make(rateValues, len(means))
	for _, m := range means {
		out[m.PersonID] = m.Mean
	}
	return out, nil
}

// respondentSpread is the SD of each scale's score over every response to
// questionnaire id, every version and language (profiles and earlier
// applicants alike): the spread of the pool people are chosen from, for
// the range-restriction correction. n is the most responses any scale
// has a score in.
func (a *App) respondentSpread(ctx context.Context, org *store.Scope, id string) (map[string]float64, int, error) {
	values, counts := map[string][]float64{}, map[string][]int{}
	for _, q := range a.cat.All() {
		if q.ID != id {
			continue
		}
		dist, err := org.ScoreDistribution(ctx, q.ID, q.Version)
		if err != nil {
			return nil, 0, err
		}
		for _, c := range dist {
			values[c.ScaleID] = append(values[c.ScaleID], c.Score)
			counts[c.ScaleID] = append(counts[c.ScaleID], c.N)
		}
	}
	out, most := map[string]float64{}, 0
	for scale := range values {
		sd, n, ok := evidence.SDOfCounts(values[scale], counts[scale])
		most = max(most, n)
		if ok {
			out[scale] = sd
		}
	}
	return out, most, nil
}
