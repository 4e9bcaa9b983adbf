package server

import (
	"context"
	"encoding/json"
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

// optionsFromHistory decodes the organisation's stored responses and
// builds scoring options from them (assess.OptionsFrom). A result that
// cannot be read is left out rather than failing a person's submission.
func optionsFromHistory(q *assess.Questionnaire, history []store.Response) assess.Options {
	earlier := make([]assess.Earlier, 0, len(history))
	for _, h := range history {
		var res assess.Result
		if err := json.Unmarshal(h.Result, &res); err != nil {
			continue
		}
		earlier = append(earlier, assess.Earlier{Answers: h.Answers, Result: res})
	}
	return assess.OptionsFrom(q, earlier)
}
