package app_test

import (
	"math/rand/v2"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/mail"
	"rolefit/internal/mail/mailtest"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// mailWorld is a hook world whose e-mail goes to a test SMTP server.
func mailWorld(t *testing.T, st *store.Store, clock *storetest.Clock) (*hookWorld, *mailtest.TestServer) {
	t.Helper()
	smtp := mailtest.StartTestServer(t)
	m, err := mail.ParseURL(smtp.URL("hiring@acme.example"))
	if err != nil {
		t.Fatal(err)
	}
	m.Now = clock.Now
	return newHookWorld(t, st, clock, m), smtp
}

// withEmail adds a person with an e-mail address.
func (w *hookWorld) withEmail(t *testing.T, name, email string) *rolefit.Person {
	t.Helper()
	p, err := w.uc.AddPerson(ctx, w.mgr, rolefit.NewPerson{Name: name, Email: email, Kind: rolefit.Candidate})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// to lists the recipients of the messages whose subject has s.
func to(smtp *mailtest.TestServer, s string) []string {
	var out []string
	for _, m := range smtp.Messages() {
		if strings.Contains(m.Header.Get("Subject"), s) {
			out = append(out, m.To)
		}
	}
	return out
}

// Reminders go out the days the organisation chose before a link
// expires, once each, with a link of their own that opens the same
// answers; none goes to someone who has submitted, and the count is kept
// on the invitation and on Home.
func TestRemindersAreSentOnceAndStopOnSubmission(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w, smtp := mailWorld(t, st, clock)
		first, second := 3, 1
		if _, err := w.uc.UpdateOrgSettings(ctx, w.admin, app.OrgSettingsPatch{FirstReminderDays: &first, SecondReminderDays: &second}); err != nil {
			t.Fatal(err)
		}
		dana, eli := w.withEmail(t, "Dana Diaz", "dana@example.com"), w.withEmail(t, "Eli Evans", "eli@example.com")
		noMail := w.person(t, "Fay Frost", rolefit.Candidate)
		invs := map[string]*app.Invitation{}
		for _, p := range []*rolefit.Person{dana, eli, noMail} {
			inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Days: 7})
			if err != nil {
				t.Fatal(err)
			}
			invs[p.ID] = inv
		}
		step := func(d time.Duration) {
			t.Helper()
			clock.Advance(d)
			for range 2 { // looking twice queues nothing twice
				if err := w.uc.QueueDue(ctx); err != nil {
					t.Fatal(err)
				}
				w.deliverAll(t)
			}
		}
		step(3*24*time.Hour + time.Hour) // 3 days in: 4 days left, nothing due
		if got := to(smtp, "Reminder"); len(got) != 0 {
			t.Fatalf("reminders too early: %v", got)
		}
		step(24 * time.Hour) // 3 days left: the first reminders
		if got := strings.Join(to(smtp, "Reminder"), " "); got != "dana@example.com eli@example.com" && got != "eli@example.com dana@example.com" {
			t.Fatalf("first reminders went to %q", got)
		}
		var reminder mailtest.Received
		for _, m := range smtp.Messages() {
			if m.To == "dana@example.com" && strings.Contains(m.Header.Get("Subject"), "Reminder") {
				reminder = m
			}
		}
		if !strings.Contains(reminder.Body, "expires in 3 days") || strings.Contains(reminder.Body, invs[dana.ID].URL) {
			t.Errorf("reminder body (it must carry a link of its own):\n%s", reminder.Body)
		}
		// The reminder's link opens the same invitation: Dana answers
		// through it.
		link := reminder.Body[strings.Index(reminder.Body, "https://rolefit.example.com/i/"):]
		link = strings.Fields(link)[0]
		w.submit(t, link, simulated(t, "sales-service", rand.New(rand.NewPCG(5, 6))))
		step(2*24*time.Hour + time.Minute) // 1 day left: Eli's second reminder only
		got := to(smtp, "Reminder")
		if strings.Count(strings.Join(got, " "), "eli@example.com") != 2 || strings.Count(strings.Join(got, " "), "dana@example.com") != 1 {
			t.Errorf("reminders went to %v; want Eli twice and Dana, who submitted, once", got)
		}
		step(2 * 24 * time.Hour) // expired: no more
		if n := len(to(smtp, "Reminder")); n != 3 {
			t.Errorf("%d reminders in all, want 3", n)
		}
		for p, want := range map[*rolefit.Person]int{dana: 1, eli: 2, noMail: 0} {
			inv, err := w.uc.Invitation(ctx, w.mgr, invs[p.ID].ID)
			if err != nil {
				t.Fatal(err)
			}
			if inv.RemindersSent != want {
				t.Errorf("%s: %d reminders sent on the invitation, want %d", p.Name, inv.RemindersSent, want)
			}
		}
	})
}

// A reminder already queued is not sent once the person has submitted,
// and a link shorter than the reminder's days gets no reminder at once.
func TestReminderQueuedBeforeSubmissionIsCancelled(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w, smtp := mailWorld(t, storetest.SQLite(t, clock), clock)
	five := 5
	if _, err := w.uc.UpdateOrgSettings(ctx, w.admin, app.OrgSettingsPatch{FirstReminderDays: &five}); err != nil {
		t.Fatal(err)
	}
	dana := w.withEmail(t, "Dana Diaz", "dana@example.com")
	short := w.withEmail(t, "Gil Grant", "gil@example.com")
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: dana.ID, Questionnaire: "sales-service", Days: 6})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: short.ID, Questionnaire: "sales-service", Days: 3}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(25 * time.Hour)
	if err := w.uc.QueueDue(ctx); err != nil { // Dana's reminder is queued
		t.Fatal(err)
	}
	w.submit(t, inv.URL, simulated(t, "sales-service", rand.New(rand.NewPCG(7, 8)))) // before it is sent
	w.deliverAll(t)
	if got := to(smtp, "Reminder"); len(got) != 0 {
		t.Errorf("reminders sent: %v; want none (Dana submitted, Gil's link is shorter than 5 days)", got)
	}
}

// The bad reminder settings are refused by field; a second reminder needs
// a first one, closer to the expiry.
func TestReminderSettingsAreChecked(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	for _, c := range []struct {
		first, second int
		field         string
	}{
		{-1, 0, "first_reminder_days"}, {90, 0, "first_reminder_days"}, {0, 2, "second_reminder_days"},
		{2, 2, "second_reminder_days"}, {2, 5, "second_reminder_days"},
	} {
		_, err := w.uc.UpdateOrgSettings(ctx, w.admin, app.OrgSettingsPatch{FirstReminderDays: &c.first, SecondReminderDays: &c.second})
		if _, ok := errs.FieldsOf(err)[c.field]; !ok {
			t.Errorf("%d and %d days: %v; want %s named", c.first, c.second, err, c.field)
		}
	}
}
