package server

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"rolefit"
	"testing"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// benchOrg is the app on a SQLite file with one organisation, its admin,
// an API key and a signed-in session: what every benchmark of a page or
// an API route starts from.
type benchOrg struct {
	clock   *storetest.Clock
	st      *store.Store
	app     *fiber.App
	org     *store.Scope
	admin   *rolefit.User
	by      rolefit.Actor
	key     string
	session string
}

func newBenchOrg(b *testing.B) *benchOrg {
	b.Helper()
	clock := storetest.NewClock(testStart)
	return newBenchOrgOn(b, storetest.SQLite(b, clock), clock)
}

// newBenchOrgOn is newBenchOrg on a given store, such as PostgreSQL's.
func newBenchOrgOn(b *testing.B, st *store.Store, clock *storetest.Clock) *benchOrg {
	b.Helper()
	org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "a@acme.example", Name: "A", Access: rolefit.Admin, Password: testPassword}, false)
	if err != nil {
		b.Fatal(err)
	}
	o := &benchOrg{clock: clock, st: st, app: newAppTB(b, st, clock), org: st.Scope(org.ID), admin: admin, by: rolefit.ActorOf(admin)}
	if _, o.key, err = o.org.CreateAPIKey(ctx, "bench", o.by); err != nil {
		b.Fatal(err)
	}
	if o.session, _, err = st.CreateSession(ctx, admin); err != nil {
		b.Fatal(err)
	}
	return o
}

// withSession signs a request in as the admin's session; withKey sends
// the API key.
func (o *benchOrg) withSession(r *http.Request) {
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: o.session})
}
func (o *benchOrg) withKey(r *http.Request) { r.Header.Set("Authorization", "Bearer "+o.key) }

// get runs GET path with auth until the benchmark is done, failing on any
// status but 200.
func (o *benchOrg) get(b *testing.B, path string, auth func(*http.Request)) {
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		auth(req)
		o.do(b, req)
	}
}

// do sends req and reads the whole answer, failing on any status but 200.
func (o *benchOrg) do(b *testing.B, req *http.Request) {
	resp, err := o.app.Test(req, -1)
	if err != nil {
		b.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	if resp.StatusCode != http.StatusOK {
		b.Fatalf("%s %s: status %d", req.Method, req.URL, resp.StatusCode)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// selfReports stores a simulated, scored sales-service self-report for
// each person, straight through the store: quicker to set up than
// submitting each, and scored as a submission would be without norms.
func (o *benchOrg) selfReports(b *testing.B, people []rolefit.Person) *assess.Questionnaire {
	b.Helper()
	q := salesService(b)
	rng := rand.New(rand.NewPCG(1, 1))
	for _, p := range people {
		ans := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		sc, err := store.ScoredFrom(assess.Score(q, assess.Response{Answers: ans}, assess.Options{}))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := o.org.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
			QuestionnaireHash: q.Hash, Answers: ans, View: rolefit.ViewSelf, Scored: sc}, o.by); err != nil {
			b.Fatal(err)
		}
	}
	return q
}

// addPeople adds n people, "Person 00000" on: every fourth a staff member
// with the job title Seller, the rest candidates.
func (o *benchOrg) addPeople(b *testing.B, n int) []rolefit.Person {
	b.Helper()
	nps := make([]rolefit.NewPerson, n)
	for i := range nps {
		nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %05d", i), Kind: rolefit.Candidate}
		if i%4 == 0 {
			nps[i].Kind, nps[i].JobTitle = rolefit.Staff, "Seller"
		}
	}
	people, err := o.org.ImportPeople(ctx, nps, nil, o.by)
	if err != nil {
		b.Fatal(err)
	}
	return people
}
