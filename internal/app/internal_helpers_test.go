package app

import (
	"rolefit"
	"testing"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// inside is the use cases on a SQLite file with one organisation and its
// manager, for tests that look at the caches from inside the package.
type inside struct {
	uc    *App
	st    *store.Store
	cat   *assess.Catalog
	clock *storetest.Clock
	org   *store.Scope
	act   Actor
	q     *assess.Questionnaire // sales-service, latest
}

func newInside(t testing.TB) *inside {
	t.Helper()
	clock := storetest.NewClock(storetest.Start)
	st := storetest.SQLite(t, clock)
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	in := &inside{st: st, cat: cat, clock: clock}
	in.uc = in.restart(t)
	o, u, err := st.CreateOrganisation(t.Context(), "Acme", rolefit.NewUser{Email: "a@acme.example", Name: "A", Access: rolefit.Manager,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	in.org, in.act = st.Scope(o.ID), UserActor(u)
	in.q, _ = cat.Latest("sales-service")
	return in
}

// restart returns new use cases on the same database, nothing cached: a
// restarted process.
func (in *inside) restart(t testing.TB) *App {
	t.Helper()
	uc, err := New(Config{Store: in.st, Catalog: in.cat, BaseURL: "http://rolefit.test", Now: in.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	return uc
}

// Jitter is jitter, for the tests of package app_test.
var Jitter = jitter
