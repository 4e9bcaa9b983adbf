package store_test

import (
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// Earlier responses are stored with the time they were given, all of
// them or none, and count in the norms without becoming profiles.
func TestRecordEarlierResponses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		ps, err := o.ImportPeople(ctx, []rolefit.NewPerson{{Name: "Ann", Kind: rolefit.Candidate}, {Name: "Bo", Kind: rolefit.Candidate}}, nil, by)
		if err != nil {
			t.Fatal(err)
		}
		old := clock.Now().AddDate(-1, 0, 0).Truncate(time.Second)
		er := func(p rolefit.Person, at time.Time) store.EarlierResponse {
			return store.EarlierResponse{SubmittedAt: at, NewResponse: store.NewResponse{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
				Answers: map[string]int{"x": 1}, Scored: teamScored(fptr(4), fptr(2), 0)}}
		}
		// Bo twice: nothing is stored.
		if err := o.RecordEarlierResponses(ctx, []store.EarlierResponse{er(ps[0], old), er(ps[1], old), er(ps[1], old)}, by); errs.Code(err) != errs.CodeInvalid {
			t.Fatalf("a person twice: got %v, want invalid", err)
		}
		if got, err := o.PersonWithProfile(ctx, ps[0].ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if got.ProfileAt != nil {
			t.Fatalf("a rejected batch stored Ann's response")
		}
		if err := o.RecordEarlierResponses(ctx, []store.EarlierResponse{er(ps[0], old), er(ps[1], old.Add(time.Hour))}, by); err != nil {
			t.Fatal(err)
		}
		for i, want := range []time.Time{old, old.Add(time.Hour)} {
			rs, err := o.PersonResponses(ctx, ps[i].ID)
			if err != nil || len(rs) != 1 || !rs[0].SubmittedAt.Equal(want) || rs[0].View != rolefit.ViewSelf {
				t.Errorf("%s: responses %+v, want one self-report at %v; %v", ps[i].Name, rs, want, err)
			}
			// History, not a profile: not on the team map, not a
			// person not yet invited.
			if got, err := o.PersonWithProfile(ctx, ps[i].ID); err != nil {
				t.Fatalf("read: %v", err)
			} else if got.ProfileAt != nil {
				t.Errorf("%s: an earlier response became the profile", ps[i].Name)
			}
		}
		if team, _, _ := o.Team(ctx, store.TeamQuery{}); len(team) != 0 {
			t.Errorf("%d people on the team map from earlier responses", len(team))
		}
		if ov, err := o.Overview(ctx, store.OverviewQuery{Now: clock.Now(), Since: clock.Now().AddDate(0, 0, -7), Limit: 5}); err != nil || ov.NotInvited != 0 || ov.NewResponses != 0 {
			t.Errorf("overview counts %+v as not invited or new; %v", ov, err)
		}
		// Norms read them.
		if d, err := o.ScoreDistribution(ctx, "sales-service", 2); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(d) == 0 {
			t.Error("earlier responses are not in the score distribution")
		}
		// Someone who answers now gets a profile; then no earlier response
		// may be added for them.
		clock.Advance(time.Second)
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: ps[0].ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
			Answers: map[string]int{"x": 1}, Scored: teamScored(fptr(2), fptr(4), 0)}, by); err != nil {
			t.Fatal(err)
		}
		if err := o.RecordEarlierResponses(ctx, []store.EarlierResponse{er(ps[0], old)}, by); errs.Code(err) != errs.CodeInvalid {
			t.Errorf("a person with a profile: got %v, want invalid", err)
		}
		// Another organisation's person is not found among this one's.
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		zed, _ := st.Scope(org2.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Zed", Kind: rolefit.Candidate}, rolefit.ActorOf(a2))
		if err := o.RecordEarlierResponses(ctx, []store.EarlierResponse{er(*zed, old)}, by); errs.Code(err) != errs.CodeInvalid {
			t.Errorf("another organisation's person: got %v, want invalid", err)
		}
	})
}
