package app

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// What a response is scored against beyond itself: the organisation's
// norms (every earlier score, read from the score rows' index), and the
// reliabilities and the spread of answering styles measured on its newest
// earlier responses. These move slowly (one response among many), so they
// are kept for a while and refreshed in the background of a request.
const (
	// ReferencesTTL is how long references are used before a refresh.
	ReferencesTTL = time.Minute
	// ReferencesSample is how many of the newest responses reliabilities and the
	// IRV reference are measured on. Alpha over 1,000 responses has a
	// standard error near 0.005; reading more would only slow a cold start
	// (docs/PERFORMANCE.md).
	ReferencesSample = 1000
)

// references caches scoring options per organisation and questionnaire
// version. Concurrent misses share one computation; after ReferencesTTL the
// first caller refreshes while the others keep using the old value.
type references struct {
	st  *store.Store
	now func() time.Time
	mu  sync.Mutex
	m   map[refKey]*refEntry
	// computed counts computations, for tests of the sharing.
	computed atomic.Int64
}

type refKey struct {
	org, questionnaire string
	version            int
	lang               string
}

type refEntry struct {
	ready      chan struct{} // closed once opt or err is set the first time
	opt        assess.Options
	err        error
	at         time.Time
	refreshing bool
}

func newReferences(st *store.Store, now func() time.Time) *references {
	return &references{st: st, now: now, m: map[refKey]*refEntry{}}
}

// options returns the scoring options of an organisation for a response
// to q in lang.
func (r *references) options(ctx context.Context, org *store.Scope, q *assess.Questionnaire, lang string) (assess.Options, error) {
	key := refKey{org.ID(), q.ID, q.Version, lang}
	r.mu.Lock()
	e := r.m[key]
	switch {
	case e == nil:
		e = &refEntry{ready: make(chan struct{})}
		r.m[key] = e
		r.mu.Unlock()
		opt, err := r.compute(ctx, org, q, lang)
		r.mu.Lock()
		e.opt, e.err, e.at = opt, err, r.now()
		if err != nil {
			delete(r.m, key) // the next caller tries again
		}
		r.mu.Unlock()
		close(e.ready)
		return opt, err
	case r.now().Sub(e.at) >= ReferencesTTL && !e.refreshing && isClosed(e.ready):
		e.refreshing = true
		old := e.opt
		r.mu.Unlock()
		opt, err := r.compute(ctx, org, q, lang)
		r.mu.Lock()
		e.refreshing = false
		if err == nil {
			e.opt, e.at = opt, r.now()
		}
		r.mu.Unlock()
		if err != nil {
			return old, nil // stale norms are better than a failed submission
		}
		return opt, nil
	}
	r.mu.Unlock()
	select {
	case <-e.ready:
	case <-ctx.Done():
		return assess.Options{}, ctx.Err()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return e.opt, e.err
}

// forget drops what is known of an organisation, after an erasure.
func (r *references) forget(orgID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k := range r.m {
		if k.org == orgID {
			delete(r.m, k)
		}
	}
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func (r *references) compute(ctx context.Context, org *store.Scope, q *assess.Questionnaire, lang string) (assess.Options, error) {
	r.computed.Add(1)
	return computeOptions(ctx, org, q, lang)
}

// computeOptions reads what scoring a response in lang needs: the score
// distribution of every scale (norms, exact over all responses of the
// response's language, or of every language once they may be pooled,
// LanguageNorms) and the answers of the newest ReferencesSample responses
// (reliabilities and the IRV reference, over every language: they
// describe how the organisation's people answer, not where a score
// stands).
func computeOptions(ctx context.Context, org *store.Scope, q *assess.Questionnaire, lang string) (assess.Options, error) {
	recent, err := org.RecentAnswers(ctx, q.ID, q.Version, ReferencesSample)
	if err != nil {
		return assess.Options{}, err
	}
	counts, err := org.ScoreDistribution(ctx, q.ID, q.Version)
	if err != nil {
		return assess.Options{}, err
	}
	norms, err := LanguageNorms(ctx, org, q)
	if err != nil {
		return assess.Options{}, err
	}
	group := norms.GroupFor(lang)
	opt := assess.OptionsFromSample(q, recent, distribution(counts, group))
	opt.NormGroup, opt.Language = &group, lang
	return opt, nil
}

// LanguageNorms decides whether the organisation's norms of q are kept
// per language or pooled (assess.DecideLanguageNorms), from its responses
// in each language and, once each has enough, the newest ReferencesSample
// of each for the check of every statement between languages.
func LanguageNorms(ctx context.Context, org *store.Scope, q *assess.Questionnaire) (assess.LanguageNorms, error) {
	counts, err := org.LanguageCounts(ctx, q.ID, q.Version)
	if err != nil {
		return assess.LanguageNorms{}, err
	}
	sample := map[string][]map[string]int{}
	enough := len(counts) > 1
	for _, n := range counts {
		enough = enough && n >= assess.PoolingMinN
	}
	if enough {
		for l := range counts {
			if sample[l], err = org.RecentAnswersIn(ctx, q.ID, q.Version, l, ReferencesSample); err != nil {
				return assess.LanguageNorms{}, err
			}
		}
	}
	return assess.DecideLanguageNorms(q, counts, sample), nil
}

// distribution expands the score counts of a reference group into each
// scale's list of scores.
func distribution(counts []store.ScoreCount, group assess.NormGroup) map[string][]float64 {
	out := map[string][]float64{}
	for _, c := range counts {
		if !group.Pooled && c.Language != group.Language {
			continue
		}
		s := out[c.ScaleID]
		for range c.N {
			s = append(s, c.Score)
		}
		out[c.ScaleID] = s
	}
	return out
}
