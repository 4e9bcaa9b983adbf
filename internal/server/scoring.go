package server

import (
	"context"
	"encoding/json"
	"math"
	"sync"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// scoringTTL is how long an organisation's norms and reliabilities are
// reused before they are computed again from its responses. They move
// slowly (one response among hundreds), and computing them reads every
// earlier response of the questionnaire.
const scoringTTL = 5 * time.Minute

// scorer scores responses with what the organisation's own earlier
// responses tell: measured reliabilities (for the bands around scores),
// norms (percentiles and T-scores) and the spread of answering styles (for
// the IRV check). Nothing is invented: with too few responses the result
// says so instead.
type scorer struct {
	st    *store.Store
	now   func() time.Time
	mu    sync.Mutex
	cache map[scoringKey]scoringEntry
}

type scoringKey struct {
	org, questionnaire string
	version            int
}

type scoringEntry struct {
	opt assess.Options
	at  time.Time
}

func newScorer(st *store.Store, now func() time.Time) *scorer {
	return &scorer{st: st, now: now, cache: map[scoringKey]scoringEntry{}}
}

// options returns the scoring options for an organisation and questionnaire.
func (s *scorer) options(ctx context.Context, org *store.Org, q *assess.Questionnaire) (assess.Options, error) {
	key := scoringKey{org.ID(), q.ID, q.Version}
	s.mu.Lock()
	e, ok := s.cache[key]
	s.mu.Unlock()
	if ok && s.now().Sub(e.at) < scoringTTL {
		return e.opt, nil
	}
	history, err := org.ScoringHistory(ctx, q.ID, q.Version)
	if err != nil {
		return assess.Options{}, err
	}
	opt := optionsFromHistory(q, history)
	s.mu.Lock()
	s.cache[key] = scoringEntry{opt: opt, at: s.now()}
	s.mu.Unlock()
	return opt, nil
}

// score scores one response and prepares it for storing.
func (s *scorer) score(ctx context.Context, org *store.Org, q *assess.Questionnaire, r assess.Response) (store.Scored, error) {
	opt, err := s.options(ctx, org, q)
	if err != nil {
		return store.Scored{}, err
	}
	return store.ScoredFrom(assess.Score(q, r, opt))
}

// storedResult is the part of a stored result that norms need.
type storedResult struct {
	Scales []struct {
		ID    string
		Score *float64
	} `json:"scales"`
	Composites []struct {
		ID    string
		Score *float64
	} `json:"composites"`
	Quality struct {
		Checks []struct {
			Code  string   `json:"code"`
			Value *float64 `json:"value"`
		} `json:"checks"`
	} `json:"quality"`
}

// optionsFromHistory builds scoring options from an organisation's
// earlier responses to the same questionnaire version: norms from their
// scores, reliabilities from their raw answers (only with at least
// assess.MinReferenceN responses, DESIGN section 5), and the IRV
// reference from their within-person SDs.
func optionsFromHistory(q *assess.Questionnaire, history []store.Response) assess.Options {
	var opt assess.Options
	if len(history) == 0 {
		return opt
	}
	scores := map[string][]float64{}
	var irv []float64
	table := &assess.ResponseTable{}
	for _, it := range q.Items() {
		if it.Kind == assess.KindScored {
			table.Items = append(table.Items, it.ID)
		}
	}
	for _, h := range history {
		var r storedResult
		if err := json.Unmarshal(h.Result, &r); err != nil {
			continue
		}
		for _, s := range append(r.Scales, r.Composites...) {
			if s.Score != nil {
				scores[s.ID] = append(scores[s.ID], *s.Score)
			}
		}
		for _, c := range r.Quality.Checks {
			if c.Code == assess.CheckIRV && c.Value != nil {
				irv = append(irv, *c.Value)
			}
		}
		row := make([]float64, len(table.Items))
		for j, id := range table.Items {
			row[j] = math.NaN()
			if v, ok := h.Answers[id]; ok {
				row[j] = float64(v)
			}
		}
		table.Answers = append(table.Answers, row)
	}
	opt.Norms = assess.NewNorms(scores)
	if len(irv) > 0 {
		opt.IRV = assess.NewReference(irv)
	}
	if len(history) >= assess.MinReferenceN {
		// Scales whose reliability is undefined (no variance yet) are
		// left out and keep "reliability not yet known".
		report, _ := assess.QuestionnaireReliability(q, table, assess.Pairwise)
		opt.Reliability = map[string]assess.MeasuredReliability{}
		for _, s := range report.Scales {
			opt.Reliability[s.ID] = assess.MeasuredReliability{Alpha: s.Alpha, SD: s.SD, N: s.N}
		}
	}
	return opt
}
