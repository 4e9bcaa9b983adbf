package server

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkReliabilityPage measures the reliability page (read every
// stored answer, compute each scale's and composite's figures, render)
// for an organisation with 10,000 sales-service responses on a SQLite
// file, signed in. Responses are scored once and stored straight through
// the store, as BenchmarkTeamPage does.
func BenchmarkReliabilityPage(b *testing.B) {
	const n = 10000
	clock := storetest.NewClock(testStart)
	st := storetest.SQLite(b, clock)
	app := newAppTB(b, st, clock)
	org, admin, err := st.CreateOrganisation(ctx, "Acme", store.NewUser{Email: "a@acme.example", Name: "A", Role: store.RoleAdmin, Password: testPassword}, false)
	if err != nil {
		b.Fatal(err)
	}
	o := st.Org(org.ID)
	by := store.ActorOf(admin)
	session, _, err := st.CreateSession(ctx, admin)
	if err != nil {
		b.Fatal(err)
	}
	nps := make([]store.NewPerson, n)
	for i := range nps {
		nps[i] = store.NewPerson{Name: fmt.Sprintf("Person %05d", i), Kind: store.Candidate}
	}
	people, err := o.ImportPeople(ctx, nps, nil, by)
	if err != nil {
		b.Fatal(err)
	}
	q := salesService(b)
	rng := rand.New(rand.NewPCG(1, 1))
	for _, p := range people {
		ans := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		sc, err := store.ScoredFrom(assess.Score(q, assess.Response{Answers: ans}, assess.Options{}))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
			QuestionnaireHash: q.Hash, Answers: ans, View: store.ViewSelf, Scored: sc}, by); err != nil {
			b.Fatal(err)
		}
	}
	path := fmt.Sprintf("/settings/reliability?questionnaire=%s:%d", q.ID, q.Version)
	b.Run("page/responses=10000", func(b *testing.B) {
		for b.Loop() {
			clock.Advance(2 * time.Minute) // past the reuse of computed figures: measure the computation
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.AddCookie(&http.Cookie{Name: sessionCookie, Value: session})
			resp, err := app.Test(req, -1)
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatalf("status %v, %v", resp.StatusCode, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
	b.Run("answers/responses=10000", func(b *testing.B) {
		for b.Loop() {
			if _, err := o.QuestionnaireAnswers(ctx, q.ID, q.Version); err != nil {
				b.Fatal(err)
			}
		}
	})
}
