package store_test

import (
	"context"
	"fmt"
	"rolefit"
	"sync"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// Workers claiming at once, on two handles of one database as two
// processes would be, each take different deliveries: every due delivery
// is claimed exactly once (on PostgreSQL by FOR UPDATE SKIP LOCKED, on
// SQLite because its writes take turns).
func TestConcurrentClaimsTakeEachDeliveryOnce(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			clock := storetest.NewClock(storetest.Start)
			var dsn string
			if engine == "postgres" {
				dsn = storetest.PostgresURL(t)
			} else {
				dsn = t.TempDir() + "/rolefit.db"
			}
			open := func() *store.Store {
				st, err := store.Open(ctx, dsn, storetest.Options(clock))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				if _, err := st.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return st
			}
			one, two := open(), open()
			org, admin, err := one.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada",
				Access: rolefit.Admin, Password: "correct horse battery"}, false)
			if err != nil {
				t.Fatal(err)
			}
			o := one.Scope(org.ID)
			if _, err := o.CreateWebhookEndpoint(ctx, "https://hooks.example.com/", []rolefit.EventType{rolefit.EventPersonErased},
				"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", rolefit.ActorOf(admin)); err != nil {
				t.Fatal(err)
			}
			const n = 120
			for i := range n {
				p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("P %d", i), Kind: rolefit.Candidate}, rolefit.ActorOf(admin))
				if err != nil {
					t.Fatal(err)
				}
				if err := o.ErasePerson(ctx, p.ID, rolefit.ActorOf(admin)); err != nil { // person.erased
					t.Fatal(err)
				}
			}
			var mu sync.Mutex
			claimed := map[string]int{}
			var wg sync.WaitGroup
			for w := range 8 {
				st := []*store.Store{one, two}[w%2]
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						ds, err := st.ClaimDeliveries(ctx, 3, time.Minute)
						if err != nil {
							t.Error(err)
							return
						}
						if len(ds) == 0 {
							return
						}
						mu.Lock()
						for _, d := range ds {
							claimed[d.ID]++
						}
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			if len(claimed) != n {
				t.Errorf("%d deliveries claimed, want %d", len(claimed), n)
			}
			for id, k := range claimed {
				if k != 1 {
					t.Errorf("delivery %s claimed %d times", id, k)
				}
			}
			// A lease that ran out (its worker stopped) frees the row.
			clock.Advance(time.Minute)
			ds, err := two.ClaimDeliveries(ctx, 500, time.Minute)
			if err != nil || len(ds) != n {
				t.Errorf("after the leases ran out: %d claimed, %v; want all %d again", len(ds), err, n)
			}
		})
	}
}
