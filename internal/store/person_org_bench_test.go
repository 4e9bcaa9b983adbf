package store_test

import (
	"fmt"
	"rolefit"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkPersonWithOrganisation is what a submission through the API
// reads before it scores, on each database: the person and the
// organisation read one after the other, and PersonWithOrganisation
// (joined on PostgreSQL, one round trip; the two reads on SQLite).
//
//	ROLEFIT_TEST_POSTGRES_URL=… go test -run '^$' -bench BenchmarkPersonWithOrganisation -benchtime 5000x ./internal/store/
func BenchmarkPersonWithOrganisation(b *testing.B) {
	for _, db := range []struct {
		name string
		open func(testing.TB, *storetest.Clock) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(db.name, func(b *testing.B) {
			st := db.open(b, nil)
			org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
			if err != nil {
				b.Fatal(err)
			}
			o := st.Scope(org.ID)
			nps := make([]rolefit.NewPerson, 1000)
			for i := range nps {
				nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Kind: rolefit.Candidate}
			}
			people, err := o.ImportPeople(ctx, nps, nil, rolefit.ActorOf(a))
			if err != nil {
				b.Fatal(err)
			}
			b.Run("apart", func(b *testing.B) {
				for i := 0; b.Loop(); i++ {
					if _, err := o.Person(ctx, people[i%len(people)].ID); err != nil {
						b.Fatal(err)
					}
					if _, err := o.Get(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("PersonWithOrganisation", func(b *testing.B) {
				for i := 0; b.Loop(); i++ {
					if _, _, err := o.PersonWithOrganisation(ctx, people[i%len(people)].ID); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
