package server

import (
	"testing"
)

// BenchmarkTeamPage measures the team page (query, map, table, template)
// and GET /api/v1/team for an organisation of 10,000 people who each have
// a scored sales-service self-report, signed in, on a SQLite file. The
// responses are scored once with assess and stored straight through the
// store, which is quicker to set up than submitting each.
func BenchmarkTeamPage(b *testing.B) {
	const n = 10000
	o := newBenchOrg(b)
	people := o.addPeople(b, n)
	o.selfReports(b, people)
	b.Run("page/people=10000", func(b *testing.B) { o.get(b, "/team", o.withSession) })
	b.Run("page/people=10000/staff", func(b *testing.B) { o.get(b, "/team?kind=staff&job_title=Seller", o.withSession) })
	b.Run("api/people=10000/limit=50", func(b *testing.B) { o.get(b, "/api/v1/team", o.withKey) })
	b.Run("api/people=10000/limit=500", func(b *testing.B) { o.get(b, "/api/v1/team?limit=500", o.withKey) })
}
