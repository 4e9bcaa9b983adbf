package store_test

import (
	"encoding/json"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// LatestViewScores gives each person's newest response of the view asked
// for, with its score rows: not an older rating, not a self-report, and
// nothing of another organisation.
func TestLatestViewScores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		o2 := st.Scope(org2.ID)
		ann, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Ann", Kind: rolefit.Staff}, by)
		bo, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Bo", Kind: rolefit.Staff}, by)
		zed, _ := o2.CreatePerson(ctx, rolefit.NewPerson{Name: "Zed", Kind: rolefit.Staff}, rolefit.ActorOf(a2))
		record := func(org *store.Scope, by rolefit.Actor, id, view string, hunter float64) {
			t.Helper()
			clock.Advance(time.Minute)
			h := hunter
			_, err := org.RecordResponse(ctx, store.NewResponse{PersonID: id, QuestionnaireID: "q", QuestionnaireVersion: 1,
				Answers: map[string]int{"a": 1}, View: view, Scored: store.Scored{Result: json.RawMessage(`{}`),
					Scores: []store.ScoreRow{{ScaleID: "hunter", Kind: "composite", Score: &h}}}}, by)
			if err != nil {
				t.Fatal(err)
			}
		}
		record(o, by, ann.ID, rolefit.ViewManager, 2)
		record(o, by, ann.ID, rolefit.ViewManager, 4) // newer: this one
		record(o, by, ann.ID, rolefit.ViewSelf, 5)
		record(o, by, bo.ID, rolefit.ViewSelf, 1)
		record(o2, rolefit.ActorOf(a2), zed.ID, rolefit.ViewManager, 3)

		got, err := o.LatestViewScores(ctx, rolefit.ViewManager)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || len(got[ann.ID]) != 1 || got[ann.ID][0].Score == nil || *got[ann.ID][0].Score != 4 {
			t.Fatalf("ratings %+v, want Ann's newest (hunter 4) only", got)
		}
		none, err := o.LatestViewScores(ctx, "interview")
		if err != nil || len(none) != 0 {
			t.Errorf("interview ratings %v (%v), want none", none, err)
		}
	})
}
