package app_test

import (
	"math/rand/v2"
	"net/http"
	"rolefit"
	"slices"
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/internal/webhook"
)

// A submission reaches the receiver as a signed response.submitted that
// verifies with the endpoint's secret, carrying identifiers, the quality
// severity and nothing of the answers.
func TestSubmissionIsSentSignedToTheEndpoint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w := newHookWorld(t, st, clock, nil)
		rec := newReceiver(t)
		ep := w.endpoint(t, rec.URL(), rolefit.EventResponseSubmitted)
		if !strings.HasPrefix(ep.Secret, "whsec_") {
			t.Fatalf("secret %q", ep.Secret)
		}
		p := w.person(t, "Dana Diaz", rolefit.Candidate)
		resp := w.answer(t, p, rand.New(rand.NewPCG(1, 2)))
		w.deliverAll(t)
		got := rec.requests()
		if len(got) != 1 {
			t.Fatalf("the receiver got %d requests, want 1 (only response.submitted was asked for)", len(got))
		}
		r := got[0]
		if err := webhook.Verify(ep.Secret, r.Header, r.Body, clock.Now()); err != nil {
			t.Errorf("the signature does not verify: %v", err)
		}
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || !strings.HasPrefix(r.Header.Get("webhook-id"), "msg_") {
			t.Errorf("request %s with headers %v", r.Method, r.Header)
		}
		e := eventOf(t, r.Body)
		if e.Type != "response.submitted" || e.Data["response_id"] != resp.ID || e.Data["person_id"] != p.ID || e.Data["view"] != "self" {
			t.Errorf("payload %s", r.Body)
		}
		if _, ok := e.Data["quality_severity"]; !ok {
			t.Errorf("payload without quality_severity: %s", r.Body)
		}
		for _, leak := range []string{"Dana", "answers", "inf1"} {
			if strings.Contains(string(r.Body), leak) {
				t.Errorf("the thin payload holds %q: %s", leak, r.Body)
			}
		}
		ds := w.deliveries(t, ep.ID)
		if len(ds) != 1 || ds[0].Status != rolefit.DeliveryDelivered || ds[0].Attempts != 1 || ds[0].LastStatus != 200 {
			t.Errorf("deliveries %+v", ds)
		}
	})
}

// Every event type reaches an endpoint that wants it, once, with its
// identifiers; an endpoint that wants none of them gets nothing.
func TestEveryEventIsSent(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	rec, quiet := newReceiver(t), newReceiver(t)
	w.endpoint(t, rec.URL(), rolefit.EventInvitationSent, rolefit.EventInvitationStarted, rolefit.EventInvitationExpired,
		rolefit.EventInvitationWithdrawn, rolefit.EventResponseSubmitted, rolefit.EventPersonErased)
	w.endpoint(t, quiet.URL(), rolefit.EventOutcomeRecorded)
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	w.answer(t, p, rand.New(rand.NewPCG(3, 4))) // sent, started, submitted
	q := w.person(t, "Eli Evans", rolefit.Candidate)
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: q.ID, Questionnaire: "sales-service", Days: 1})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(25 * time.Hour)
	if err := w.uc.QueueDue(ctx); err != nil { // expired
		t.Fatal(err)
	}
	if err := w.uc.QueueDue(ctx); err != nil { // told once only
		t.Fatal(err)
	}
	if _, err := w.uc.ExtendInvitation(ctx, w.mgr, q.ID, inv.ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.WithdrawInvitation(ctx, w.mgr, q.ID, inv.ID); err != nil { // withdrawn
		t.Fatal(err)
	}
	if err := w.uc.ErasePerson(ctx, w.mgr, p.ID, true); err != nil { // erased
		t.Fatal(err)
	}
	w.deliverAll(t)
	var types []string
	for _, r := range rec.requests() {
		e := eventOf(t, r.Body)
		types = append(types, e.Type)
		if _, err := time.Parse(time.RFC3339, e.Timestamp); err != nil {
			t.Errorf("%s: timestamp %q", e.Type, e.Timestamp)
		}
	}
	// A pass sends its deliveries at once, so they arrive in any order.
	slices.Sort(types)
	want := "invitation.expired invitation.sent invitation.sent invitation.started invitation.withdrawn person.erased response.submitted"
	if strings.Join(types, " ") != want {
		t.Errorf("events\n got %s\nwant %s", strings.Join(types, " "), want)
	}
	if n := len(quiet.requests()); n != 0 {
		t.Errorf("an endpoint of outcome.recorded only got %d requests", n)
	}
}

// A receiver that fails is tried again on the schedule, under the same
// webhook-id and signed anew at each attempt, until it answers 2xx.
func TestFailedDeliveryIsRetriedOnTheSchedule(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	rec := newReceiver(t, 500, 503, 0) // 0: the handler answers 200 below
	rec.answers[2] = 200
	ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent)
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"}); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t) // at once: 500
	d := w.deliveries(t, ep.ID)[0]
	if d.Status != rolefit.DeliveryPending || d.Attempts != 1 || d.LastStatus != 500 || !d.NextAttemptAt.Equal(clock.Now().Add(5*time.Second)) {
		t.Fatalf("after the first attempt: %+v (next %v)", d, d.NextAttemptAt)
	}
	clock.Advance(4 * time.Second)
	w.deliverAll(t)
	if n := len(rec.requests()); n != 1 {
		t.Fatalf("tried again %d times before its time", n-1)
	}
	clock.Advance(time.Second)
	w.deliverAll(t) // 5 s: 503
	d = w.deliveries(t, ep.ID)[0]
	if d.Attempts != 2 || d.LastStatus != 503 || !d.NextAttemptAt.Equal(clock.Now().Add(5*time.Minute)) {
		t.Fatalf("after the second attempt: %+v", d)
	}
	clock.Advance(5 * time.Minute)
	w.deliverAll(t) // 5 min: 200
	d = w.deliveries(t, ep.ID)[0]
	if d.Status != rolefit.DeliveryDelivered || d.Attempts != 3 || d.DeliveredAt == nil {
		t.Fatalf("after the third attempt: %+v", d)
	}
	got := rec.requests()
	if len(got) != 3 {
		t.Fatalf("%d requests, want 3", len(got))
	}
	for i, r := range got {
		if r.Header.Get("webhook-id") != got[0].Header.Get("webhook-id") {
			t.Errorf("attempt %d has webhook-id %s, the first %s", i+1, r.Header.Get("webhook-id"), got[0].Header.Get("webhook-id"))
		}
		if err := webhook.Verify(ep.Secret, r.Header, r.Body, clock.Now()); err != nil && i == 2 {
			t.Errorf("attempt %d: %v", i+1, err)
		}
	}
	if got[0].Header.Get("webhook-timestamp") == got[2].Header.Get("webhook-timestamp") {
		t.Error("a retry kept the first attempt's timestamp; each attempt is signed when it is sent")
	}
	if e, err := w.uc.WebhookEndpoint(ctx, w.admin, ep.ID); err != nil || e.FailingSince != nil || !e.Enabled() {
		t.Errorf("after a success the endpoint is %+v, %v", e, err)
	}
}

// The schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h,
// 20 h and 24 h; jitter spreads each delay by up to a tenth.
func TestRetryScheduleAndJitter(t *testing.T) {
	want := []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 5 * time.Hour,
		10 * time.Hour, 14 * time.Hour, 20 * time.Hour, 24 * time.Hour}
	for i, d := range want {
		got, ok := rolefit.RetryDelay(i + 1)
		if !ok || got != d {
			t.Errorf("after %d failed attempts: %v, %v; want %v", i+1, got, ok, d)
		}
	}
	if _, ok := rolefit.RetryDelay(len(want) + 1); ok || rolefit.MaxAttempts != 10 {
		t.Errorf("attempts do not stop after 10 (%d)", rolefit.MaxAttempts)
	}
	lo, hi := time.Hour, time.Duration(0)
	for range 2000 {
		d := app.Jitter(time.Hour)
		lo, hi = min(lo, d), max(hi, d)
	}
	if lo < 54*time.Minute || hi > 66*time.Minute || hi-lo < 10*time.Minute {
		t.Errorf("jitter of an hour spans %v to %v, want within 54–66 min and spread", lo, hi)
	}
}

// A change that is rolled back writes no event: the queue's rows are
// written in the change's own transaction.
func TestNoEventForAChangeThatFailed(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	rec := newReceiver(t)
	ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent, rolefit.EventInvitationWithdrawn)
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.WithdrawInvitation(ctx, w.mgr, p.ID, inv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.WithdrawInvitation(ctx, w.mgr, p.ID, inv.ID); err == nil { // withdrawn already: refused
		t.Fatal("withdrew twice")
	}
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Days: 400}); err == nil {
		t.Fatal("invited for 400 days")
	}
	if n := len(w.deliveries(t, ep.ID)); n != 2 {
		t.Errorf("%d deliveries, want 2: one per change that was made", n)
	}
}
