package app_test

import (
	"context"
	"math/rand/v2"
	"rolefit"
	"sync"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

var ctx = context.Background()

var (
	catalogOnce sync.Once
	catalog     *assess.Catalog
	catalogErr  error
)

func testCatalog(t testing.TB) *assess.Catalog {
	catalogOnce.Do(func() { catalog, catalogErr = assess.LoadCatalog(questionnaires.FS) })
	if catalogErr != nil {
		t.Fatalf("load shipped questionnaires: %v", catalogErr)
	}
	return catalog
}

// world is the use cases on a real database with one organisation and
// its manager.
type world struct {
	uc    *app.App
	st    *store.Store
	clock *storetest.Clock
	mgr   app.Actor
	org   *store.Scope
}

func newWorld(t testing.TB, st *store.Store, clock *storetest.Clock) *world {
	t.Helper()
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(t), BaseURL: "https://rolefit.example.com/", Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	o, u, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "max@acme.example", Name: "Max", Access: rolefit.Manager,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	return &world{uc: uc, st: st, clock: clock, mgr: app.UserActor(u), org: st.Scope(o.ID)}
}

func sqliteWorld(t testing.TB) *world {
	t.Helper()
	clock := storetest.NewClock(storetest.Start)
	return newWorld(t, storetest.SQLite(t, clock), clock)
}

// person adds a person of the given kind.
func (w *world) person(t testing.TB, name string, kind rolefit.PersonKind) *rolefit.Person {
	t.Helper()
	p, err := w.uc.AddPerson(ctx, w.mgr, rolefit.NewPerson{Name: name, Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// simulated returns attentive simulated answers to questionnaire id.
func simulated(t testing.TB, id string, rng *rand.Rand) map[string]int {
	t.Helper()
	q, ok := testCatalog(t).Latest(id)
	if !ok {
		t.Fatalf("no questionnaire %s", id)
	}
	return assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
}

// allAnswered returns answers with value v to every item of
// questionnaire id (choice items get their first option).
func allAnswered(t testing.TB, id string, v int) map[string]int {
	t.Helper()
	q, _ := testCatalog(t).Latest(id)
	out := map[string]int{}
	for _, it := range q.Items() {
		if it.Kind == assess.KindChoice {
			out[it.ID] = 1
		} else {
			out[it.ID] = v
		}
	}
	return out
}
