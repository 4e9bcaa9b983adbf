package server

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkTeamPage measures the team page (query, map, table, template)
// and GET /api/v1/team for an organisation of 10,000 people who each have
// a scored sales-service self-report, signed in, on a SQLite file. The
// responses are scored once with assess and stored straight through the
// store, which is quicker to set up than submitting each.
func BenchmarkTeamPage(b *testing.B) {
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
	_, key, _ := o.CreateAPIKey(ctx, "bench", store.ActorOf(admin))
	session, _, err := st.CreateSession(ctx, admin)
	if err != nil {
		b.Fatal(err)
	}
	nps := make([]store.NewPerson, n)
	for i := range nps {
		nps[i] = store.NewPerson{Name: fmt.Sprintf("Person %05d", i), Kind: store.Candidate}
		if i%4 == 0 {
			nps[i].Kind, nps[i].JobTitle = store.Staff, "Seller"
		}
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
	get := func(b *testing.B, path string, auth func(*http.Request)) {
		for b.Loop() {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			auth(req)
			resp, err := app.Test(req, -1)
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatalf("status %v, %v", resp.StatusCode, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	page := func(r *http.Request) { r.AddCookie(&http.Cookie{Name: sessionCookie, Value: session}) }
	api := func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+key) }
	b.Run("page/people=10000", func(b *testing.B) { get(b, "/team", page) })
	b.Run("page/people=10000/staff", func(b *testing.B) { get(b, "/team?kind=staff&job_title=Seller", page) })
	b.Run("api/people=10000/limit=50", func(b *testing.B) { get(b, "/api/v1/team", api) })
	b.Run("api/people=10000/limit=500", func(b *testing.B) { get(b, "/api/v1/team?limit=500", api) })
}
