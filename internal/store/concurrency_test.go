package store_test

import (
	"rolefit"
	"sync"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// Many requests writing at once must all commit: on SQLite the store queues
// writers itself instead of surfacing "database is locked".
func TestConcurrentWritesAllCommit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, u, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		o := st.Scope(org.ID)
		const workers, each = 16, 10
		var wg sync.WaitGroup
		errc := make(chan error, workers*each*2)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < each; i++ {
					if _, _, err := o.CreateAPIKey(ctx, "load", rolefit.ActorOf(u)); err != nil {
						errc <- err
					}
					token, _, err := st.CreateSession(ctx, u)
					if err != nil {
						errc <- err
						continue
					}
					if _, _, err := st.SessionUser(ctx, token); err != nil {
						errc <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errc)
		for err := range errc {
			t.Errorf("concurrent write failed: %v", err)
		}
		keys, err := o.APIKeys(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != workers*each {
			t.Errorf("%d keys committed, want %d", len(keys), workers*each)
		}
	})
}
