package server

import (
	"fmt"
	"testing"

	"rolefit/internal/store"
)

// BenchmarkTeamPage measures the team page (query, map, table, template)
// and GET /api/v1/team for an organisation of 10,000 people who each have
// a scored sales-service self-report, signed in, on a SQLite file. The
// responses are scored once with assess and stored straight through the
// store, which is quicker to set up than submitting each.
func BenchmarkTeamPage(b *testing.B) {
	const n = 10000
	o := newBenchOrg(b)
	nps := make([]store.NewPerson, n)
	for i := range nps {
		nps[i] = store.NewPerson{Name: fmt.Sprintf("Person %05d", i), Kind: store.Candidate}
		if i%4 == 0 {
			nps[i].Kind, nps[i].JobTitle = store.Staff, "Seller"
		}
	}
	people, err := o.org.ImportPeople(ctx, nps, nil, o.by)
	if err != nil {
		b.Fatal(err)
	}
	o.selfReports(b, people)
	b.Run("page/people=10000", func(b *testing.B) { o.get(b, "/team", o.withSession) })
	b.Run("page/people=10000/staff", func(b *testing.B) { o.get(b, "/team?kind=staff&job_title=Seller", o.withSession) })
	b.Run("api/people=10000/limit=50", func(b *testing.B) { o.get(b, "/api/v1/team", o.withKey) })
	b.Run("api/people=10000/limit=500", func(b *testing.B) { o.get(b, "/api/v1/team?limit=500", o.withKey) })
}
