package server

import (
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"

	usecases "rolefit/internal/app"
	"rolefit/internal/demo"
)

// browserDemo is the demo organisation in a fresh SQLite database, for a
// browser test: its store and clock, the use cases, the demo manager as
// an actor, and the star seller's ID.
type browserDemo struct {
	st      *store.Store
	clock   *storetest.Clock
	uc      *usecases.App
	manager usecases.Actor
	dana    string
}

// seedDemoForBrowser seeds the demo and finds its manager and star seller.
func seedDemoForBrowser(t *testing.T) browserDemo {
	t.Helper()
	clock := newClock()
	st := openSQLite(t, clock)
	if _, created, err := demo.Seed(ctx, st, testCatalog(t)); err != nil || !created {
		t.Fatalf("seed the demo: %v", err)
	}
	u, err := st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		t.Fatal(err)
	}
	d := browserDemo{st: st, clock: clock, uc: useCases(t, st, clock, nil, ""), manager: usecases.UserActor(u)}
	found, err := d.uc.People(ctx, d.manager, usecases.PeopleQuery{Search: "Dana Diaz"})
	if err != nil || len(found.Items) != 1 {
		t.Fatalf("find the star seller: %v", err)
	}
	d.dana = found.Items[0].ID
	return d
}

// fixture is a server fixture over the demo's store, for listenForBrowser.
func (d browserDemo) fixture(t *testing.T) *fixture {
	return &fixture{t: t, st: d.st, clock: d.clock}
}
