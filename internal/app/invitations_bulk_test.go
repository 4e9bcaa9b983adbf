package app_test

import (
	"fmt"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// A manager invites thirty people in one action: thirty invitations with
// links, one audit entry and one invitation.sent each, and an e-mail with
// a link of its own to everyone with an address, sent by the queue.
func TestInviteThirtyPeopleAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w, smtp := mailWorld(t, st, clock)
		rec := newReceiver(t)
		w.endpoint(t, rec.URL(), rolefit.EventInvitationSent)
		var ids []string
		for i := range 30 {
			email := ""
			if i%3 != 0 {
				email = fmt.Sprintf("p%d@example.com", i)
			}
			p, err := w.uc.AddPerson(ctx, w.mgr, rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Email: email, Kind: rolefit.Candidate})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		invs, err := w.uc.InviteMany(ctx, w.mgr, app.BulkInviteInput{PersonIDs: ids, Questionnaire: "sales-service", Days: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(invs) != 30 {
			t.Fatalf("%d invitations, want 30", len(invs))
		}
		queued := 0
		for i, inv := range invs {
			if inv.PersonID != ids[i] || !strings.HasPrefix(inv.URL, "https://rolefit.example.com/i/") || !inv.ExpiresAt.Equal(clock.Now().Add(10*rolefit.Day)) {
				t.Errorf("invitation %d: %+v", i, inv.Invitation)
			}
			if inv.EmailQueued {
				queued++
			}
		}
		if queued != 20 {
			t.Errorf("%d e-mails queued, want 20 (the people with an address)", queued)
		}
		w.deliverAll(t)
		if n := len(smtp.Messages()); n != 20 {
			t.Errorf("%d e-mails sent, want 20", n)
		}
		if n := len(rec.requests()); n != 30 {
			t.Errorf("%d invitation.sent events, want 30", n)
		}
		// Each e-mail's link is its own, and opens its invitation.
		for _, m := range smtp.Messages() {
			link := strings.Fields(m.Body[strings.Index(m.Body, "https://rolefit.example.com/i/"):])[0]
			rs, err := w.uc.Respondent(ctx, link[strings.LastIndex(link, "/")+1:])
			if err != nil {
				t.Fatalf("the link e-mailed to %s: %v", m.To, err)
			}
			if rs.Person().Email != m.To {
				t.Errorf("the link e-mailed to %s opens %s's invitation", m.To, rs.Person().Email)
			}
			for _, inv := range invs {
				if inv.URL == link {
					t.Errorf("the e-mail to %s carries the link shown to the manager; it must have its own", m.To)
				}
			}
		}
		page, err := w.uc.Invitations(ctx, w.mgr, app.InvitationQuery{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		emailed := 0
		for _, inv := range page.Items {
			if inv.EmailedAt != nil {
				emailed++
			}
		}
		if emailed != 20 {
			t.Errorf("%d invitations record their e-mail, want 20", emailed)
		}
	})
}

// A bulk invitation naming someone of another organisation, someone
// already invited, the same person twice or nobody is refused with each
// problem named, and nobody is invited.
func TestBulkInvitationIsAllOrNothing(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	st := storetest.SQLite(t, clock)
	w := newHookWorld(t, st, clock, nil)
	dana, eli := w.person(t, "Dana Diaz", rolefit.Candidate), w.person(t, "Eli Evans", rolefit.Candidate)
	invited := w.person(t, "Fay Frost", rolefit.Candidate)
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: invited.ID, Questionnaire: "sales-service"}); err != nil {
		t.Fatal(err)
	}
	other, otherAdmin, err := st.CreateOrganisation(ctx, "Beta", rolefit.NewUser{Email: "bea@beta.example", Name: "Bea", Access: rolefit.Admin,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := st.Scope(other.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Stan Stranger", Kind: rolefit.Candidate}, rolefit.ActorOf(otherAdmin))
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		page, err := w.uc.Invitations(ctx, w.mgr, app.InvitationQuery{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		return len(page.Items)
	}
	before := count()
	for _, c := range []struct {
		name   string
		in     app.BulkInviteInput
		fields map[string]string // field → part of its message
	}{
		{"another organisation's person", app.BulkInviteInput{PersonIDs: []string{dana.ID, stranger.ID}, Questionnaire: "sales-service"},
			map[string]string{"person_ids.1": "not a person of your organisation"}},
		{"someone already invited", app.BulkInviteInput{PersonIDs: []string{dana.ID, eli.ID, invited.ID}, Questionnaire: "sales-service"},
			map[string]string{"person_ids.2": "Fay Frost already has an open invitation"}},
		{"the same person twice", app.BulkInviteInput{PersonIDs: []string{dana.ID, eli.ID, dana.ID}, Questionnaire: "sales-service"},
			map[string]string{"person_ids.2": "same person as person_ids.0"}},
		{"nobody", app.BulkInviteInput{Questionnaire: "sales-service"}, map[string]string{"person_ids": "at least one"}},
		{"a rating is not sent to candidates", app.BulkInviteInput{PersonIDs: []string{dana.ID}, Questionnaire: "manager-rating"},
			map[string]string{"person_ids.0": "not for them"}},
		{"no such questionnaire", app.BulkInviteInput{PersonIDs: []string{dana.ID}, Questionnaire: "shoe-size"},
			map[string]string{"questionnaire": "is not one of"}},
		{"too long a link", app.BulkInviteInput{PersonIDs: []string{dana.ID}, Questionnaire: "sales-service", Days: 91},
			map[string]string{"expires_in_days": "between 1 and 90"}},
		{"too many", app.BulkInviteInput{PersonIDs: make([]string, app.MaxBulkInvitations+1), Questionnaire: "sales-service"},
			map[string]string{"person_ids": "at most 500"}},
	} {
		_, err := w.uc.InviteMany(ctx, w.mgr, c.in)
		if errs.Code(err) != errs.CodeInvalid {
			t.Errorf("%s: %v, want invalid", c.name, err)
			continue
		}
		for f, want := range c.fields {
			if got := errs.FieldsOf(err)[f]; !strings.Contains(got, want) {
				t.Errorf("%s: %s is %q, want it to say %q (all: %v)", c.name, f, got, want, errs.FieldsOf(err))
			}
		}
		if n := count(); n != before {
			t.Errorf("%s: %d invitations after, %d before: something was invited", c.name, n, before)
		}
	}
}
