package server

import (
	"rolefit"
	"testing"
)

// BenchmarkPeoplePage measures the people page (a page of 100: query,
// newest invitations, table, template) and GET /api/v1/people with the
// list's filters and sorts, for an organisation of 10,000 people who each
// have a scored self-report and of whom every tenth was invited, on a
// SQLite file through app.Test.
func BenchmarkPeoplePage(b *testing.B) {
	const n = 10000
	o := newBenchOrg(b)
	people := o.addPeople(b, n)
	q := o.selfReports(b, people)
	for i := 0; i < n; i += 10 {
		if _, _, err := o.org.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: people[i].ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version}, o.by); err != nil {
			b.Fatal(err)
		}
	}
	for _, query := range []string{
		"",
		"sort=-hunter",
		"invitation=sent",
		"invitation=none&class=farmer",
		"flags=any",
		"kind=staff&class=hunter&flags=none&sort=-farmer",
	} {
		b.Run("page/people=10000/"+query, func(b *testing.B) { o.get(b, "/people?"+query, o.withSession) })
	}
	b.Run("api/people=10000/limit=100/class=hunter&sort=-hunter", func(b *testing.B) {
		o.get(b, "/api/v1/people?limit=100&class=hunter&sort=-hunter", o.withKey)
	})
}
