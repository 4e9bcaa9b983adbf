package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"rolefit"
	"testing"
	"time"
)

// BenchmarkReliabilityPage measures the reliability page (read every
// stored answer, compute each scale's and composite's figures, render)
// for an organisation with 10,000 sales-service responses on a SQLite
// file, signed in. Responses are scored once and stored straight through
// the store, as BenchmarkTeamPage does.
func BenchmarkReliabilityPage(b *testing.B) {
	const n = 10000
	o := newBenchOrg(b)
	nps := make([]rolefit.NewPerson, n)
	for i := range nps {
		nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %05d", i), Kind: rolefit.Candidate}
	}
	people, err := o.org.ImportPeople(ctx, nps, nil, o.by)
	if err != nil {
		b.Fatal(err)
	}
	q := o.selfReports(b, people)
	path := fmt.Sprintf("/settings/reliability?questionnaire=%s:%d", q.ID, q.Version)
	b.Run("page/responses=10000", func(b *testing.B) {
		for b.Loop() {
			o.clock.Advance(2 * time.Minute) // past the reuse of computed figures: measure the computation
			req := httptest.NewRequest(http.MethodGet, path, nil)
			o.withSession(req)
			resp, err := o.app.Test(req, -1)
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatalf("status %v, %v", resp.StatusCode, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
	b.Run("answers/responses=10000", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := o.org.QuestionnaireAnswers(ctx, q.ID, q.Version); err != nil {
				b.Fatal(err)
			}
		}
	})
}
