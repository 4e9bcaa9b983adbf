package app_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"rolefit"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/mail"
	"rolefit/internal/mail/mailtest"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// 410 Gone disables the endpoint at once; its admins are told by e-mail
// and on Home, the messages kept for it wait, and enabling it sends them.
func TestGoneDisablesTheEndpointAndTellsTheAdmins(t *testing.T) {
	smtp := mailtest.StartTestServer(t)
	m, err := mail.ParseURL(smtp.URL("rolefit@acme.example"))
	if err != nil {
		t.Fatal(err)
	}
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, m)
	rec := newReceiver(t, http.StatusGone)
	ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent)
	for _, name := range []string{"Dana Diaz", "Eli Evans"} {
		p := w.person(t, name, rolefit.Candidate)
		if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"}); err != nil {
			t.Fatal(err)
		}
		w.deliverAll(t)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("the receiver got %d requests; after 410 it should get none", n)
	}
	e, err := w.uc.WebhookEndpoint(ctx, w.admin, ep.ID)
	if err != nil || e.Enabled() || !strings.Contains(e.DisabledReason, "410") {
		t.Fatalf("endpoint after 410: %+v, %v", e, err)
	}
	disabled, err := w.uc.DisabledWebhookEndpoints(ctx, w.admin)
	if err != nil || len(disabled) != 1 {
		t.Errorf("Home's disabled endpoints: %+v, %v", disabled, err)
	}
	var notices []string
	for _, msg := range smtp.Messages() {
		notices = append(notices, msg.To)
		if !strings.Contains(msg.Body, rec.URL()) || !strings.Contains(msg.Header.Get("Subject"), "stopped sending") {
			t.Errorf("notice %q: %s", msg.Header.Get("Subject"), msg.Body)
		}
	}
	if strings.Join(notices, " ") != "ada@acme.example" {
		t.Errorf("notices went to %v, want the one admin", notices)
	}
	ds := w.deliveries(t, ep.ID)
	slices.SortFunc(ds, func(a, b rolefit.Delivery) int { return strings.Compare(string(a.Status), string(b.Status)) })
	if len(ds) != 2 || ds[1].Status != rolefit.DeliveryPending || ds[0].Status != rolefit.DeliveryFailed || ds[0].LastStatus != 410 {
		t.Fatalf("deliveries %+v", ds)
	}
	if err := w.uc.EnableWebhookEndpoint(ctx, w.admin, ep.ID); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	if n := len(rec.requests()); n != 2 {
		t.Errorf("after enabling, the receiver got %d requests in all, want 2", n)
	}
	if _, err := w.uc.Redeliver(ctx, w.admin, ep.ID, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	got := rec.requests()
	if len(got) != 3 || got[2].Header.Get("webhook-id") != ds[0].MessageID {
		t.Errorf("redelivered %d requests, the last with webhook-id %s, want %s", len(got), got[len(got)-1].Header.Get("webhook-id"), ds[0].MessageID)
	}
}

// 429, 502 and 504 wait as long as Retry-After asks; other statuses keep
// to the schedule.
func TestRetryAfterIsHonoured(t *testing.T) {
	for _, c := range []struct {
		status int
		header string
		want   time.Duration
	}{
		{http.StatusTooManyRequests, "120", 2 * time.Minute},
		{http.StatusBadGateway, "30", 30 * time.Second},
		{http.StatusGatewayTimeout, "7", 7 * time.Second},
		{http.StatusServiceUnavailable, "120", 5 * time.Second}, // not one of the three: the schedule
		{http.StatusTooManyRequests, "", 5 * time.Second},
		{http.StatusTooManyRequests, "864000", 24 * time.Hour}, // at most a day
	} {
		clock := storetest.NewClock(storetest.Start)
		w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
		rec := newReceiver(t, c.status)
		rec.answerHeaders = []http.Header{{"Retry-After": {c.header}}}
		ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent)
		p := w.person(t, "Dana Diaz", rolefit.Candidate)
		if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"}); err != nil {
			t.Fatal(err)
		}
		w.deliverAll(t)
		d := w.deliveries(t, ep.ID)[0]
		if d.NextAttemptAt == nil || d.NextAttemptAt.Sub(clock.Now()) != c.want {
			t.Errorf("%d with Retry-After %q: next attempt in %v, want %v", c.status, c.header, d.NextAttemptAt.Sub(clock.Now()), c.want)
		}
	}
}

// A receiver that never answers 2xx has the message's ten attempts over
// about three days; then the message has failed and the endpoint, which
// got nothing through meanwhile, is disabled.
func TestPersistentFailureDisablesTheEndpoint(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	rec := newReceiver(t, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500)
	ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent)
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"}); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	for _, d := range rolefit.RetryDelays {
		clock.Advance(d)
		w.deliverAll(t)
	}
	if n := len(rec.requests()); n != rolefit.MaxAttempts {
		t.Errorf("%d attempts, want %d", n, rolefit.MaxAttempts)
	}
	d := w.deliveries(t, ep.ID)[0]
	if d.Status != rolefit.DeliveryFailed || d.Attempts != rolefit.MaxAttempts || d.NextAttemptAt != nil {
		t.Errorf("the delivery after every attempt: %+v", d)
	}
	e, _ := w.uc.WebhookEndpoint(ctx, w.admin, ep.ID)
	if e.Enabled() || !strings.Contains(e.DisabledReason, "10 attempts") {
		t.Errorf("endpoint %+v", e)
	}
}

// An endpoint that failed a message's every attempt but got other
// messages through meanwhile is not disabled: only that message failed.
func TestAnEndpointThatWorksMeanwhileStaysEnabled(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	rec := newReceiver(t)
	ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent)
	rec.mu.Lock()
	rec.answers = []int{500, 500, 500, 500, 500, 500, 500, 500, 500, 200, 500}
	rec.mu.Unlock()
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"}); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	for i, d := range rolefit.RetryDelays {
		if i == len(rolefit.RetryDelays)-1 {
			// Before the first message's last attempt another one gets
			// through (the receiver's tenth answer is 200). It is sent
			// on its own, not beside that attempt, so the answers come
			// in this order.
			q := w.person(t, "Eli Evans", rolefit.Candidate)
			if _, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: q.ID, Questionnaire: "sales-service"}); err != nil {
				t.Fatal(err)
			}
			w.deliverAll(t)
		}
		clock.Advance(d)
		w.deliverAll(t)
	}
	e, _ := w.uc.WebhookEndpoint(ctx, w.admin, ep.ID)
	if !e.Enabled() {
		t.Errorf("disabled although a message got through: %+v", e)
	}
}

// The queue is in the database: a process stopped in the middle of a
// message's retries leaves it there, and the next one delivers it.
func TestRestartInTheMiddleOfTheScheduleLosesNothing(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	path := filepath.Join(t.TempDir(), "rolefit.db")
	open := func() *store.Store {
		st, err := store.Open(ctx, path, storetest.Options(clock))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	w := newHookWorld(t, st, clock, nil)
	rec := newReceiver(t, 500, 500)
	ep := w.endpoint(t, rec.URL(), rolefit.EventInvitationSent, rolefit.EventInvitationWithdrawn)
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"})
	if err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	clock.Advance(5 * time.Second)
	w.deliverAll(t) // two failed attempts, the next in 5 minutes
	// An event written just before the stop, never attempted.
	if _, err := w.uc.WithdrawInvitation(ctx, w.mgr, p.ID, inv.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = open()
	defer st.Close()
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(t), BaseURL: "https://rolefit.example.com", Now: clock.Now,
		Outbound: app.Outbound{AllowPrivate: true, Jitter: func(d time.Duration) time.Duration { return d }}})
	if err != nil {
		t.Fatal(err)
	}
	w.uc = uc
	w.deliverAll(t) // the withdrawal goes at once; the invitation waits its turn
	clock.Advance(5 * time.Minute)
	w.deliverAll(t)
	var types []string
	for _, r := range rec.requests() {
		types = append(types, eventOf(t, r.Body).Type)
	}
	if got := strings.Join(types, " "); got != "invitation.sent invitation.sent invitation.withdrawn invitation.sent" {
		t.Errorf("the receiver got %s", got)
	}
	for _, d := range w.deliveries(t, ep.ID) {
		if d.Status != rolefit.DeliveryDelivered {
			t.Errorf("after the restart %s is %s", d.EventType, d.Status)
		}
	}
}

// switchDNS answers every lookup with its current address.
type switchDNS struct {
	mu sync.Mutex
	ip string
}

func (d *switchDNS) set(ip string) { d.mu.Lock(); d.ip = ip; d.mu.Unlock() }

func (d *switchDNS) LookupIPAddr(context.Context, string) ([]net.IPAddr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return []net.IPAddr{{IP: net.ParseIP(d.ip)}}, nil
}

// Without --allow-private-webhooks, an endpoint whose name resolved to a
// public address when it was saved and resolves to a private one at the
// time of delivery is not sent to: the attempt fails naming the address,
// and is tried again later, when the name may resolve well again.
func TestDeliveryChecksTheAddressAfterDNS(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	dns := &switchDNS{ip: "93.184.215.14"}
	clock := storetest.NewClock(storetest.Start)
	w := newHookWorld(t, storetest.SQLite(t, clock), clock, nil)
	uc, err := app.New(app.Config{Store: w.st, Catalog: testCatalog(t), BaseURL: "https://rolefit.example.com", Now: clock.Now,
		Outbound: app.Outbound{Resolver: dns, Jitter: func(d time.Duration) time.Duration { return d }}})
	if err != nil {
		t.Fatal(err)
	}
	w.uc = uc
	if _, err := uc.CreateWebhookEndpoint(ctx, w.admin, rolefit.NewWebhookEndpoint{URL: "https://127.0.0.1:" + port + "/hook", Events: []string{"invitation.sent"}}); err == nil {
		t.Fatal("a loopback address was saved")
	}
	ep := w.endpoint(t, "https://hooks.example.com:"+port+"/hook", rolefit.EventInvitationSent)
	dns.set("127.0.0.1") // the name's record changes after it was saved
	p := w.person(t, "Dana Diaz", rolefit.Candidate)
	if _, err := uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"}); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	d := w.deliveries(t, ep.ID)[0]
	if d.Status != rolefit.DeliveryPending || d.Attempts != 1 || d.LastStatus != 0 || !strings.Contains(d.LastError, "127.0.0.1, which is a loopback address") {
		t.Errorf("the delivery after the change: %+v", d)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the receiver on loopback got %d requests", n)
	}
}
