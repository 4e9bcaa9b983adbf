package store_test

import (
	"encoding/json"
	"fmt"
	"rolefit"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// BenchmarkPlacementStamp is what every placement and fit request adds to
// find out whether its kept plan is still good: one read of the
// organisation's placement version and count of responses, here with
// 10,000 responses, on each database.
func BenchmarkPlacementStamp(b *testing.B) {
	const n = 10000
	for _, db := range []struct {
		name string
		open func(testing.TB, *storetest.Clock) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(fmt.Sprintf("%s/responses=%d", db.name, n), func(b *testing.B) {
			st := db.open(b, nil)
			org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
			if err != nil {
				b.Fatal(err)
			}
			o, by := st.Scope(org.ID), rolefit.ActorOf(a)
			for start := 0; start < n; start += 1000 {
				nps := make([]rolefit.NewPerson, 1000)
				for i := range nps {
					nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %d", start+i), Kind: rolefit.Candidate}
				}
				ps, err := o.ImportPeople(ctx, nps, nil, by)
				if err != nil {
					b.Fatal(err)
				}
				rs := make([]store.EarlierResponse, len(ps))
				for i, p := range ps {
					rs[i] = store.EarlierResponse{SubmittedAt: storetest.Start, NewResponse: store.NewResponse{PersonID: p.ID, QuestionnaireID: "q",
						QuestionnaireVersion: 1, Answers: map[string]int{"a": 1}, View: rolefit.ViewSelf, Scored: store.Scored{Result: json.RawMessage(`{}`)}}}
				}
				if err := o.RecordEarlierResponses(ctx, rs, by); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				s, err := o.PlacementStamp(ctx)
				if err != nil || s.Responses != n {
					b.Fatalf("stamp %+v, %v; want %d responses", s, err, n)
				}
			}
		})
	}
}
