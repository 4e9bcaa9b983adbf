package store_test

import (
	"context"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// Two messages to one endpoint in flight at once: the last attempt of one
// fails and is recorded first, disabling the endpoint; the other's
// success, sent before that, is recorded after and enables it again,
// audited. A success sent after the disabling, or one crossing a 410
// Gone, leaves the endpoint disabled.
func TestASuccessInFlightUndoesADisablingItCrossed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		ctx := context.Background()
		org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada",
			Access: rolefit.Admin, Password: "correct horse battery"}, false)
		if err != nil {
			t.Fatal(err)
		}
		o := st.Scope(org.ID)
		ep, err := o.CreateWebhookEndpoint(ctx, "https://hooks.example.com/", []rolefit.EventType{rolefit.EventPersonErased},
			"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", rolefit.ActorOf(admin))
		if err != nil {
			t.Fatal(err)
		}
		// claim erases a person (a person.erased delivery) and claims it.
		claim := func() store.Claimed {
			t.Helper()
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana Diaz", Kind: rolefit.Candidate}, rolefit.ActorOf(admin))
			if err != nil {
				t.Fatal(err)
			}
			if err := o.ErasePerson(ctx, p.ID, rolefit.ActorOf(admin)); err != nil {
				t.Fatal(err)
			}
			ds, err := st.ClaimDeliveries(ctx, 1, time.Minute)
			if err != nil || len(ds) != 1 {
				t.Fatalf("claimed %d deliveries, %v", len(ds), err)
			}
			return ds[0]
		}
		enabled := func() bool {
			t.Helper()
			e, err := o.WebhookEndpoint(ctx, ep.ID)
			if err != nil {
				t.Fatal(err)
			}
			return e.Enabled()
		}
		record := func(d store.Claimed, a store.Attempt) {
			t.Helper()
			if err := st.RecordAttempt(ctx, d.Delivery, a); err != nil {
				t.Fatal(err)
			}
		}
		failed := func(disable string, stillFailing bool) store.Attempt {
			now := clock.Now()
			return store.Attempt{Began: now.Add(-time.Second), At: now, Status: 500, Error: "answered 500",
				Result: rolefit.DeliveryFailed, Disable: disable, OnlyIfStillFailing: stillFailing}
		}
		ok := func(began time.Time) store.Attempt {
			return store.Attempt{Began: began, At: clock.Now(), Status: 204, Result: rolefit.DeliveryDelivered}
		}

		// Persistent failure recorded first, then a success sent before it.
		failing, other := claim(), claim()
		began := clock.Now()
		clock.Advance(time.Second)
		record(failing, failed("Every attempt failed.", true))
		if enabled() {
			t.Fatal("the persistent failure did not disable the endpoint")
		}
		clock.Advance(time.Second)
		record(other, ok(began))
		if !enabled() {
			t.Error("a success sent before the endpoint was disabled left it disabled")
		}
		log, _ := o.AuditLog(ctx, 1)
		if len(log) != 1 || log[0].Action != "enable" || log[0].SubjectID != ep.ID {
			t.Errorf("last audit entry %+v, want the endpoint enabled by rolefit", log)
		}

		// A success sent after the disabling does not undo it: an admin
		// enables the endpoint (no delivery is sent to a disabled one).
		failing, other = claim(), claim()
		clock.Advance(time.Second)
		record(failing, failed("Every attempt failed.", true))
		clock.Advance(time.Second)
		record(other, ok(clock.Now()))
		if enabled() {
			t.Error("a success sent after the disabling enabled the endpoint")
		}
		if err := o.EnableWebhookEndpoint(ctx, ep.ID, rolefit.ActorOf(admin)); err != nil {
			t.Fatal(err)
		}

		// 410 Gone is the receiver's word: a success that crossed it
		// does not enable the endpoint.
		failing, other = claim(), claim()
		began = clock.Now()
		clock.Advance(time.Second)
		record(failing, failed("The receiver answered 410 Gone.", false))
		clock.Advance(time.Second)
		record(other, ok(began))
		if enabled() {
			t.Error("a success that crossed a 410 enabled the endpoint")
		}
	})
}
