package store_test

import (
	"encoding/json"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// Interview ratings are stored as a response of view "interview": never
// the person's profile, and LatestInterviews gives each person's newest,
// of this organisation only.
func TestLatestInterviews(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		o2 := st.Scope(org2.ID)
		p1, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Ann", Kind: rolefit.Candidate}, by)
		p2, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Bo", Kind: rolefit.Staff}, by)
		theirs, _ := o2.CreatePerson(ctx, rolefit.NewPerson{Name: "Cy", Kind: rolefit.Staff}, rolefit.ActorOf(a2))
		record := func(o *store.Scope, personID, view string, ratings map[string]int) *rolefit.Response {
			t.Helper()
			clock.Advance(time.Minute)
			r, err := o.RecordResponse(ctx, store.NewResponse{PersonID: personID, QuestionnaireID: "interview-bank", QuestionnaireVersion: 1,
				Answers: ratings, View: view, RatedBy: "Ada", Scored: store.Scored{Result: json.RawMessage(`{"role_id":"r1"}`)}}, by)
			if err != nil {
				t.Fatalf("record %s: %v", view, err)
			}
			return r
		}
		self := record(o, p1.ID, rolefit.ViewSelf, map[string]int{"a": 3})
		record(o, p1.ID, rolefit.ViewInterview, map[string]int{"drive": 2})
		newest := record(o, p1.ID, rolefit.ViewInterview, map[string]int{"drive": 4, "influence": 5})
		only := record(o, p2.ID, rolefit.ViewInterview, map[string]int{"service": 3})
		record(o2, theirs.ID, rolefit.ViewInterview, map[string]int{"service": 1})
		got, err := o.LatestInterviews(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]string{}
		for _, r := range got {
			ids[r.PersonID] = r.ID
			if r.View != rolefit.ViewInterview || r.RatedBy != "Ada" {
				t.Errorf("interview %s: view %q, rated by %q", r.ID, r.View, r.RatedBy)
			}
		}
		if len(got) != 2 || ids[p1.ID] != newest.ID || ids[p2.ID] != only.ID {
			t.Errorf("latest interviews %v, want %s for Ann and %s for Bo", ids, newest.ID, only.ID)
		}
		if p, _ := o.Person(ctx, p1.ID); p.ProfileResponseID == nil || *p.ProfileResponseID != self.ID {
			t.Errorf("profile %v, want the self-report %s: an interview is never the profile", p.ProfileResponseID, self.ID)
		}
	})
}

// Interview ratings are not scored by the scoring rules: a rescore never
// picks them up nor counts them as outdated.
func TestRescoreLeavesInterviewsAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		p, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Ann", Kind: rolefit.Candidate}, by)
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "interview-bank", QuestionnaireVersion: 1,
			Answers: map[string]int{"drive": 3}, View: rolefit.ViewInterview, Scored: store.Scored{Result: json.RawMessage(`{}`), ScoringVersion: 1}}, by); err != nil {
			t.Fatal(err)
		}
		outdated, err := st.OutdatedResponses(ctx, 99, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.CountOutdated(ctx, 99)
		if err != nil {
			t.Fatal(err)
		}
		if len(outdated) != 0 || n != 0 {
			t.Errorf("an interview is outdated for a rescore: %d listed, %d counted", len(outdated), n)
		}
	})
}
