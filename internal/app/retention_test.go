package app_test

import (
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

const day = 24 * time.Hour

// TestRetentionPurge moves the clock through a retention period of 30
// days and checks, day by day as worked out by hand, who the purge erases:
// a candidate is kept until 30 days after their last activity, a link
// still open keeps them, staff are never purged, and an organisation
// without a period keeps everyone.
func TestRetentionPurge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) { retentionPurge(t, newWorld(t, st, clock)) })
}

func retentionPurge(t *testing.T, w *world) {
	start := w.clock.Now()
	ann := w.person(t, "Ann idle", rolefit.Candidate)     // last activity: day 0
	ben := w.person(t, "Ben answered", rolefit.Candidate) // a response on day 20
	cal := w.person(t, "Cal invited", rolefit.Candidate)  // a link open from day 0 to day 28
	sue := w.person(t, "Sue staff", rolefit.Staff)        // staff: never
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: cal.ID, Questionnaire: "sales-service", Days: 45}); err != nil {
		t.Fatal(err)
	}
	// Another organisation that set no period keeps its idle candidate.
	_, otherUser, err := w.st.CreateOrganisation(ctx, "Beta", rolefit.NewUser{Email: "bea@beta.example", Name: "Bea",
		Access: rolefit.Admin, Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	bea := app.UserActor(otherUser)
	keep, err := w.uc.AddPerson(ctx, bea, rolefit.NewPerson{Name: "Kim kept", Kind: rolefit.Candidate})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.uc.SetRetention(ctx, w.mgr, 30); err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(20 * day)
	if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: ben.ID, Questionnaire: "sales-service",
		Answers: allAnswered(t, "sales-service", 3)}); err != nil {
		t.Fatal(err)
	}

	present := func(id string) bool {
		_, err := w.org.Person(ctx, id)
		if err != nil && errs.Code(err) != errs.CodeNotFound {
			t.Fatal(err)
		}
		return err == nil
	}
	for _, step := range []struct {
		at     time.Duration // since the start
		purged int
		gone   []*rolefit.Person
		kept   []*rolefit.Person
	}{
		{30 * day, 0, nil, []*rolefit.Person{ann, ben, cal, sue}},                           // Ann: exactly 30 days, not past them
		{30*day + time.Second, 1, []*rolefit.Person{ann}, []*rolefit.Person{ben, cal, sue}}, // Ann: past them; Cal: idle since day 0 but the link is open
		{45*day - time.Second, 0, nil, []*rolefit.Person{ben, cal, sue}},                    // Cal: the link's last second
		{45 * day, 1, []*rolefit.Person{cal}, []*rolefit.Person{ben, sue}},                  // Cal: the link has closed
		{50 * day, 0, nil, []*rolefit.Person{ben, sue}},                                     // Ben: exactly 30 days after his response
		{50*day + time.Second, 1, []*rolefit.Person{ben}, []*rolefit.Person{sue}},
		{5000 * day, 0, nil, []*rolefit.Person{sue}},
	} {
		w.clock.Advance(start.Add(step.at).Sub(w.clock.Now()))
		rep, err := w.uc.PurgeExpired(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Purged[w.org.ID()]; got != step.purged {
			t.Errorf("day %v: purged %d, want %d", int(step.at/day), got, step.purged)
		}
		for _, p := range step.gone {
			if present(p.ID) {
				t.Errorf("day %v: %s was not purged", int(step.at/day), p.Name)
			}
		}
		for _, p := range step.kept {
			if !present(p.ID) {
				t.Errorf("day %v: %s was purged", int(step.at/day), p.Name)
			}
		}
	}
	if _, err := w.uc.Person(ctx, bea, keep.ID); err != nil {
		t.Errorf("an organisation without a retention period lost its candidate: %v", err)
	}

	// Ben's response and its score rows went with him, and the log says
	// the retention period erased him.
	if rs, err := w.org.PersonResponses(ctx, ben.ID); err != nil || len(rs) != 0 {
		t.Errorf("Ben's responses after the purge: %d, %v", len(rs), err)
	}
	page, err := w.uc.AuditLog(ctx, w.mgr, app.AuditQuery{Person: ben.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 || page.Items[0].Action != "erase" || page.Items[0].ActorName != "rolefit retention period" ||
		!strings.Contains(page.Items[0].Detail, "no activity for 30 days") {
		t.Errorf("newest audit entry about Ben: %+v, want the retention period's erasure", page.Items)
	}

	// The store refuses to purge staff even when asked directly.
	err = w.org.PurgeCandidate(ctx, sue.ID, w.clock.Now(), 30, rolefit.Actor{ID: "t", Name: "test"})
	if errs.Code(err) != errs.CodeConflict || !strings.Contains(errs.Message(err), "never purges staff") || !present(sue.ID) {
		t.Errorf("purging staff: %v; want a conflict saying staff are never purged, and Sue kept", err)
	}
}

func TestRetentionSetting(t *testing.T) {
	w := sqliteWorld(t)
	for _, tc := range []struct {
		days int
		ok   bool
	}{{-1, false}, {0, true}, {1, true}, {3650, true}, {3651, false}, {1 << 40, false}} {
		before, _ := w.uc.Retention(ctx, w.mgr)
		err := w.uc.SetRetention(ctx, w.mgr, tc.days)
		got, _ := w.uc.Retention(ctx, w.mgr)
		switch {
		case tc.ok && (err != nil || got != tc.days):
			t.Errorf("set %d: got %d, %v; want %d stored", tc.days, got, err, tc.days)
		case !tc.ok && (errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["retention_days"] == "" || got != before):
			t.Errorf("set %d: got %v, period now %d; want invalid naming retention_days and %d kept", tc.days, err, got, before)
		}
	}
}
