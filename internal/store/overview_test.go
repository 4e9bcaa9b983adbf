package store_test

import (
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestOverviewAndExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		add := func(name string) *rolefit.Person {
			t.Helper()
			clock.Advance(time.Second)
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: name, Kind: rolefit.Candidate}, by)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		invite := func(p *rolefit.Person, days int) {
			t.Helper()
			if _, _, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: "sales-service",
				QuestionnaireVersion: 2, QuestionnaireHash: "h", Days: days}, by); err != nil {
				t.Fatal(err)
			}
		}
		record := func(p *rolefit.Person, view string, flags int, severity string) {
			t.Helper()
			clock.Advance(time.Second)
			sc := teamScored(fptr(4), fptr(2), flags)
			sc.Severity = severity
			if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
				Answers: map[string]int{"x": 1}, View: view, Scored: sc}, by); err != nil {
				t.Fatal(err)
			}
		}
		uninvited := add("Ann")
		invite(add("Ben"), 14)
		cat := add("Cat")
		invite(cat, 2)
		invite(add("Old"), 1)
		look := add("Lou")
		record(look, rolefit.ViewSelf, 1, "look")
		clock.Advance(25 * time.Hour)
		since := clock.Now()
		likely := add("Liz")
		record(likely, rolefit.ViewSelf, 2, "likely")
		record(look, rolefit.ViewManager, 0, "") // a rating is not an answer to count

		ov, err := o.Overview(ctx, store.OverviewQuery{Now: clock.Now(), Since: since, Soon: 3 * rolefit.Day, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if ov.People != 6 || ov.Waiting != 2 || ov.ExpiringSoon != 1 || len(ov.Expiring) != 1 || ov.Expiring[0].PersonID != cat.ID {
			t.Errorf("people %d waiting %d expiring %d %+v, want 6, 2, 1 (Cat)", ov.People, ov.Waiting, ov.ExpiringSoon, ov.Expiring)
		}
		if ov.NewResponses != 1 || len(ov.Recent) != 1 || ov.Recent[0].PersonID != likely.ID || ov.Recent[0].Flags != 2 {
			t.Errorf("new responses %d %+v, want Liz's only", ov.NewResponses, ov.Recent)
		}
		if ov.Flagged != 2 || ov.FlaggedLikely != 1 || len(ov.Flags) != 2 || ov.Flags[0].PersonID != likely.ID || ov.Flags[1].PersonID != look.ID {
			t.Errorf("flagged %d likely %d %+v, want Liz (likely) then Lou", ov.Flagged, ov.FlaggedLikely, ov.Flags)
		}
		if ov.NotInvited != 1 || len(ov.Uninvited) != 1 || ov.Uninvited[0].PersonID != uninvited.ID {
			t.Errorf("not invited %d %+v, want Ann", ov.NotInvited, ov.Uninvited)
		}
		// Another organisation counts nothing of Acme's.
		other, _, _ := st.CreateOrganisation(ctx, "Beta", admin("bea@example.com"), false)
		ob, err := st.Scope(other.ID).Overview(ctx, store.OverviewQuery{Now: clock.Now(), Since: time.Time{}, Soon: 3 * rolefit.Day, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if ob.People+ob.Waiting+ob.NewResponses+ob.Flagged+ob.NotInvited != 0 {
			t.Errorf("Beta's overview %+v, want all zero", ob)
		}

		// The export reads each profile's rows, never a rating's.
		ps, err := o.ExportPeople(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 6 {
			t.Fatalf("%d people exported, want 6", len(ps))
		}
		for _, p := range ps {
			switch p.ID {
			case look.ID, likely.ID:
				if len(p.Scores) != 3 || p.Composites["hunter"] == nil || *p.Composites["hunter"] != 4 {
					t.Errorf("%s: scores %+v composites %v", p.Name, p.Scores, p.Composites)
				}
			default:
				if len(p.Scores) != 0 || p.ProfileAt != nil {
					t.Errorf("%s has no profile but exports %+v", p.Name, p.Scores)
				}
			}
		}
		if n, err := st.Scope(other.ID).ExportPeople(ctx, ""); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(n) != 0 {
			t.Errorf("Beta exports %d people, want none", len(n))
		}
	})
}

func TestSessionRemembersPreviousVisit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		_, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		_, first, err := st.CreateSession(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if first.PreviousVisitAt != nil {
			t.Errorf("first sign-in: previous visit %v, want none", first.PreviousVisitAt)
		}
		signedIn := clock.Now()
		clock.Advance(time.Hour)
		// A request in a later session moves the last visit on.
		tok, _, _ := st.CreateSession(ctx, a)
		clock.Advance(time.Hour)
		if _, _, err := st.SessionUser(ctx, tok); err != nil {
			t.Fatal(err)
		}
		used := clock.Now()
		clock.Advance(time.Hour)
		_, third, err := st.CreateSession(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if third.PreviousVisitAt == nil || !third.PreviousVisitAt.Equal(used) {
			t.Errorf("third sign-in: previous visit %v, want %v (the last request, not the sign-in at %v)", third.PreviousVisitAt, used, signedIn)
		}
	})
}
