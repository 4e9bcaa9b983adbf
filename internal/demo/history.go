package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"rolefit"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// How many earlier applicants the demo brings, and in which language.
// HistoryEnglish is more than assess.ProvisionalBelowN, so that on first
// run the reliability page has figures, every score has a band
// (reliability needs 30 responses) and the English percentiles rest on a
// settled reference group; HistoryEach answered in Spanish and as many in
// German (the newest), enough for each language's reliability and norms
// (assess.MinReferenceN) but too few to pool them with the English ones,
// so the Reliability page shows each language apart.
const (
	HistoryEnglish = 250
	HistoryEach    = 40
	HistorySize    = HistoryEnglish + 2*HistoryEach
)

// historyLanguage is the language earlier applicant i (from 0, oldest
// first) answered in: English, then Spanish and German in turn.
func historyLanguage(i int) string {
	switch {
	case i < HistoryEnglish:
		return "en"
	case (i-HistoryEnglish)%2 == 0:
		return "es"
	}
	return "de"
}

// historyYears is how far back the earlier applicants answered.
const historyYears = 2

// history is the demo's earlier applicants: simulated, attentive answers
// to the sales-service questionnaire, each scored against the ones before
// it as it would have been when it arrived. The answers of every
// language are drawn alike: the translations are meant to measure the
// same, and nothing is known yet that says otherwise.
type history struct {
	responses []assess.Response
	earlier   []assess.Earlier
	// built is how many earlier responses the references were built on.
	built int
}

// simulateHistory simulates and scores the earlier applicants, from their
// own seeded source so the story's draws stay as they were. Their traits
// are drawn from the population (standard normal composites); a response
// that a quality check flags is drawn again, so the flags a manager sees
// on first run are the story's two careless candidates and no stranger's.
func simulateHistory(q *assess.Questionnaire) history {
	rng := rand.New(rand.NewPCG(2026, HistorySize))
	var h history
	var opt assess.Options
	for len(h.responses) < HistorySize {
		sim := assess.Simulation{Traits: assess.RandomTraits(q, rng), SlipRate: assess.DefaultSlipRate}
		resp := assess.Simulate(q, rng, sim)
		// Scoring against every earlier response, one at a time, is what
		// rolefit does; the references change little from one response to
		// the next, so they are rebuilt at every 25th response to keep
		// the demo's start quick (each rebuild reads them all).
		if n := len(h.earlier); n%25 == 0 && h.built != n {
			opt, h.built = assess.OptionsFrom(q, h.earlier), n
		}
		opt.Language = historyLanguage(len(h.responses))
		res := assess.Score(q, resp, opt)
		if len(res.Quality.Flags) > 0 {
			continue
		}
		h.responses = append(h.responses, resp)
		h.earlier = append(h.earlier, assess.Earlier{Answers: resp.Answers, Result: res})
	}
	return h
}

// seedHistory adds the earlier applicants, "Earlier applicant 001" to
// "Earlier applicant 330", each in their language (historyLanguage),
// candidates without e-mail or invitation, each
// with their response dated over the two years before now, oldest first,
// recorded as earlier responses (store.RecordEarlierResponses): they make
// the norms and the reliability page, and stay out of the story. They are
// not profiles, so the team map and placement show the story's people
// only (250 more points would hide them); being earlier applicants
// (store/earlier_applicants.go), they are out of the people list and the
// exports unless a manager asks for them; their responses are old, so the
// dashboard's new responses are the story's; and having answered, they
// are not on its list of people not yet invited. The people are one
// transaction, their responses another.
func seedHistory(ctx context.Context, o *store.Scope, q *assess.Questionnaire, h history, now time.Time, by rolefit.Actor) error {
	nps := make([]rolefit.NewPerson, len(h.responses))
	for i := range nps {
		nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Earlier applicant %03d", i+1), Kind: rolefit.Candidate}
	}
	people, err := o.ImportPeople(ctx, nps, nil, by)
	if err != nil {
		return fmt.Errorf("add demo earlier applicants: %w", err)
	}
	// Over the two years up to a month ago: none of them is new on the
	// dashboard.
	start, end := now.AddDate(-historyYears, 0, 0), now.AddDate(0, -1, 0)
	step := end.Sub(start) / time.Duration(len(people)+1)
	rs := make([]store.EarlierResponse, len(people))
	for i, p := range people {
		scored, err := store.ScoredFrom(h.earlier[i].Result)
		if err != nil {
			return err
		}
		rs[i] = store.EarlierResponse{SubmittedAt: start.Add(time.Duration(i+1) * step).Truncate(time.Second),
			NewResponse: store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash,
				Answers: h.responses[i].Answers, PageSeconds: h.responses[i].PageSeconds, Scored: scored, Language: historyLanguage(i)}}
	}
	if err := o.RecordEarlierResponses(ctx, rs, by); err != nil {
		return fmt.Errorf("record demo earlier responses: %w", err)
	}
	as := make([]applicant, len(people))
	for i, p := range people {
		as[i] = applicant{id: p.ID, at: rs[i].SubmittedAt}
		for _, c := range h.earlier[i].Result.Composites {
			if c.ID == "hunter" && c.Score != nil {
				as[i].hunter = *c.Score
			}
		}
	}
	return seedFairness(ctx, o, as, now, by)
}
