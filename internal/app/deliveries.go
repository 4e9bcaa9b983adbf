package app

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"rolefit"
	"sync"
	"time"

	"rolefit/internal/store"
)

// The outbound queue's worker. Everything rolefit sends out (webhooks,
// Greenhouse's completion call, reminder and invitation e-mails, notices
// to admins) is a row written in the transaction of what caused it; the
// worker takes due rows, sends each, and records how it went: delivered,
// tried again later on rolefit.RetryDelays (with jitter, or when the
// receiver asked with Retry-After), or given up. Rows survive a restart,
// and with several processes on one PostgreSQL each row is taken by one
// of them (store.ClaimDeliveries).

// Worker settings.
const (
	// claimBatch is how many due deliveries one pass takes, and sends at
	// once.
	claimBatch = 8
	// claimLease is how long a taken delivery is this worker's: longer
	// than an attempt can take (outbound.Timeout, the SMTP timeout), so
	// only a worker that stopped mid-attempt loses its rows to another.
	claimLease = 2 * time.Minute
	// scanEvery is how often the worker looks for reminders due and
	// invitations expired.
	scanEvery = 30 * time.Second
	// keepDeliveries is how long a finished delivery's record is kept.
	keepDeliveries = 30 * rolefit.Day
	// maxRetryAfter bounds the wait a receiver may ask for.
	maxRetryAfter = 24 * time.Hour
)

// jitter spreads a retry's delay at random by up to a tenth either way,
// so that the messages that failed together during a receiver's outage do
// not all come back in the same second ("Exponential Backoff And
// Jitter", AWS Architecture Blog, 2015).
func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.9 + 0.2*rand.Float64()))
}

// RunDeliveries runs the worker until ctx ends: it looks for due
// deliveries every poll, and for reminders and expiries every scanEvery.
// Attempts under way when ctx ends are finished (each is bounded) before
// it returns; cmd/rolefit's serve starts it and waits for it on shutdown.
func (a *App) RunDeliveries(ctx context.Context, poll time.Duration) {
	t := time.NewTicker(poll)
	defer t.Stop()
	var scanned time.Time
	for {
		if time.Since(scanned) >= scanEvery {
			scanned = time.Now()
			if err := a.QueueDue(ctx); err != nil && ctx.Err() == nil {
				a.log.Warn("look for reminders and expiries", "err", err)
			}
		}
		for ctx.Err() == nil {
			n, err := a.DeliverDue(ctx)
			if err != nil && ctx.Err() == nil {
				a.log.Warn("deliver", "err", err)
			}
			if n < claimBatch {
				break // nothing more is due now
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// QueueDue queues what has come due by the clock: reminder e-mails (when
// e-mail is set up) and invitation.expired events.
func (a *App) QueueDue(ctx context.Context) error {
	now := a.now()
	var errs []error
	if a.mailer != nil {
		if _, err := a.st.QueueReminders(ctx, now); err != nil {
			errs = append(errs, err)
		}
	}
	if _, err := a.st.NoteExpiries(ctx, now); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// DeliverDue makes one pass: it takes up to claimBatch due deliveries,
// sends them at once and records each, and returns how many it took. The
// attempts run to their end even if ctx ends meanwhile, so what was sent
// is recorded.
func (a *App) DeliverDue(ctx context.Context) (int, error) {
	if has, err := a.st.HasDueDeliveries(ctx); err != nil || !has {
		return 0, err
	}
	ds, err := a.st.ClaimDeliveries(ctx, claimBatch, claimLease)
	if err != nil || len(ds) == 0 {
		return 0, err
	}
	work := context.WithoutCancel(ctx)
	var wg sync.WaitGroup
	errc := make(chan error, len(ds))
	for _, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.st.RecordAttempt(work, d.Delivery, a.attempt(work, d)); err != nil {
				errc <- fmt.Errorf("delivery %s: %w", d.ID, err)
			}
		}()
	}
	wg.Wait()
	close(errc)
	var errs []error
	for err := range errc {
		errs = append(errs, err)
	}
	return len(ds), errors.Join(errs...)
}

// PurgeDeliveries deletes the records of deliveries made more than
// keepDeliveries ago (finished, or waiting for an endpoint still
// disabled), and the errors Greenhouse reported as long ago; serve's
// hourly housekeeping calls it.
func (a *App) PurgeDeliveries(ctx context.Context) (int64, error) {
	before := a.now().Add(-keepDeliveries)
	if _, err := a.st.PurgeGreenhouseErrors(ctx, before); err != nil {
		return 0, err
	}
	return a.st.PurgeDeliveries(ctx, before)
}

// sent is how one attempt went, before its consequences are decided.
type sent struct {
	status     int
	retryAfter time.Duration
	err        error
	// cancel says the delivery is no longer worth sending (err says why).
	cancel bool
}

// attempt sends a claimed delivery once and decides what follows.
func (a *App) attempt(ctx context.Context, d store.Claimed) store.Attempt {
	began := a.now()
	var s sent
	switch d.Kind {
	case rolefit.DeliveryWebhook:
		s = a.sendWebhook(ctx, d)
	case rolefit.DeliveryGreenhouse:
		s = a.sendGreenhouse(ctx, d.Delivery)
	case rolefit.DeliveryEmail:
		s = a.sendEmail(ctx, d.Delivery)
	default:
		s = sent{err: fmt.Errorf("unknown kind of delivery %q", d.Kind), cancel: true}
	}
	att := a.outcome(d, s)
	att.Began = began
	return att
}

// outcome decides what follows an attempt: delivered on 2xx; for a
// webhook, 410 Gone disables the endpoint; 429, 502 and 504 wait as long
// as Retry-After asks (up to a day), other failures as long as the
// schedule says; a delivery out of attempts has failed, and a webhook
// endpoint that has got nothing through since its first attempt is
// disabled, its admins told.
func (a *App) outcome(d store.Claimed, s sent) store.Attempt {
	at := a.now()
	att := store.Attempt{At: at, Status: s.status}
	if s.err != nil {
		att.Error = s.err.Error()
	}
	switch {
	case s.cancel:
		att.Result = rolefit.DeliveryCancelled
		return att
	case s.err == nil && s.status >= 200 && s.status < 300:
		att.Result = rolefit.DeliveryDelivered
		return att
	case s.err == nil:
		att.Error = fmt.Sprintf("answered %d %s", s.status, http.StatusText(s.status))
	}
	webhook := d.Kind == rolefit.DeliveryWebhook
	if webhook && s.status == http.StatusGone {
		att.Result = rolefit.DeliveryFailed
		att.Disable = "The receiver answered 410 Gone: it no longer takes these events."
		att.Notice = a.disabledNotice(d, att.Disable)
		return att
	}
	delay, more := rolefit.RetryDelay(d.Attempts + 1)
	if !more {
		att.Result = rolefit.DeliveryFailed
		if webhook {
			att.Disable = fmt.Sprintf("Every one of %d attempts to deliver a message failed over %s, and nothing else got through meanwhile.",
				rolefit.MaxAttempts, scheduleLength())
			att.OnlyIfStillFailing = true
			att.Notice = a.disabledNotice(d, att.Disable)
		}
		return att
	}
	delay = a.jitter(delay)
	if s.retryAfter > 0 && (s.status == http.StatusTooManyRequests || s.status == http.StatusBadGateway || s.status == http.StatusGatewayTimeout) {
		delay = min(s.retryAfter, maxRetryAfter)
	}
	att.Result, att.Next = rolefit.DeliveryPending, at.Add(delay)
	return att
}

// scheduleLength says how long all of a delivery's attempts take.
func scheduleLength() string {
	var total time.Duration
	for _, d := range rolefit.RetryDelays {
		total += d
	}
	return fmt.Sprintf("about %d days", int(total.Hours()/24+0.5))
}
