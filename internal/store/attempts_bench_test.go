package store_test

import (
	"fmt"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkFailedSignInCounting measures what counting adds to one failed
// sign-in: the two checks (address, then account) and the two counts the
// server makes, on each database. Keys rotate over 1,000 addresses so rows
// are both new and existing, as under a spread of clients.
func BenchmarkFailedSignInCounting(b *testing.B) {
	for _, db := range []struct {
		name string
		open func(testing.TB, *storetest.Clock) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(db.name, func(b *testing.B) {
			st := db.open(b, nil)
			i := 0
			for b.Loop() {
				now := time.Now()
				addr, acct := fmt.Sprintf("203.0.113.%d", i%1000), fmt.Sprintf("user%d@example.com", i%1000)
				i++
				if _, _, err := st.Attempts(ctx, "signin_address", addr, now); err != nil {
					b.Fatal(err)
				}
				if _, _, err := st.Attempts(ctx, "signin_account", acct, now); err != nil {
					b.Fatal(err)
				}
				if err := st.CountAttempt(ctx, "signin_account", acct, now, 15*time.Minute); err != nil {
					b.Fatal(err)
				}
				if err := st.CountAttempt(ctx, "signin_address", addr, now, 5*time.Minute); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
