package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// The outbound queue's worker side: taking due deliveries, recording how
// each attempt went, and the admins' view of an endpoint's deliveries.

// Claimed is a due delivery taken by one worker, with what sending it
// needs: for a webhook, its endpoint's address and secret.
type Claimed struct {
	rolefit.Delivery
	URL    string
	Secret string
}

// claimSQL picks due deliveries: pending, their time come, not held by
// another worker (a lease that ran out counts as not held), and not for
// a disabled endpoint, soonest first. On PostgreSQL FOR UPDATE SKIP
// LOCKED is appended, so processes claiming at once take different rows
// instead of waiting for each other.
const claimSQL = `SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?
 AND (locked_until IS NULL OR locked_until <= ?)
 AND (endpoint_id IS NULL OR endpoint_id IN (SELECT id FROM webhook_endpoints WHERE disabled_at IS NULL))
 ORDER BY next_attempt_at, id LIMIT ?`

// HasDueDeliveries reports whether a delivery is due now, with one read,
// so an idle worker does not open a write transaction every time it looks.
func (s *Store) HasDueDeliveries(ctx context.Context) (bool, error) {
	now := s.now()
	var ids []string
	if err := s.reader(ctx).Raw(claimSQL, now, now, 1).Scan(&ids).Error; err != nil {
		return false, fmt.Errorf("look for due deliveries: %w", err)
	}
	return len(ids) > 0, nil
}

// ClaimDeliveries takes up to limit due deliveries for this worker for
// lease, long enough for an attempt (outbound.Timeout and more), and
// returns them. Another worker takes them only once the lease has run
// out, which happens only if this one stopped before recording the
// attempt: a delivery is then made again, with the same webhook-id.
func (s *Store) ClaimDeliveries(ctx context.Context, limit int, lease time.Duration) ([]Claimed, error) {
	now := s.now()
	var ids []string
	err := s.tx(ctx, func(tx *gorm.DB) error {
		q := claimSQL
		if s.dialect == Postgres {
			q += " FOR UPDATE SKIP LOCKED"
		}
		if err := tx.Raw(q, now, now, limit).Scan(&ids).Error; err != nil {
			return fmt.Errorf("claim deliveries: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		return tx.Model(&rolefit.Delivery{}).Where("id IN ?", ids).Update("locked_until", now.Add(lease)).Error
	})
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	var ds []rolefit.Delivery
	db := s.reader(ctx)
	if err := db.Where("id IN ?", ids).Order("next_attempt_at, id").Find(&ds).Error; err != nil {
		return nil, fmt.Errorf("read claimed deliveries: %w", err)
	}
	out := make([]Claimed, len(ds))
	eps := map[string]webhookEndpointRow{}
	for i, d := range ds {
		out[i].Delivery = d
		if d.EndpointID == nil {
			continue
		}
		ep, ok := eps[*d.EndpointID]
		if !ok {
			r, err := take[webhookEndpointRow](db.Where("id = ?", *d.EndpointID), "webhook endpoint")
			if err != nil {
				return nil, err
			}
			ep = *r
			eps[ep.ID] = ep
		}
		out[i].URL, out[i].Secret = ep.URL, ep.Secret
	}
	return out, nil
}

// Attempt is how one attempt of a delivery went, and what follows.
type Attempt struct {
	// Began is when the request went out, At when its answer came back.
	Began, At time.Time
	// Status is the HTTP status that came back, 0 for none.
	Status int
	// Error says what went wrong, "" when it was delivered.
	Error string
	// Result is the delivery's status after the attempt: delivered,
	// pending (Next is then when it is tried again), failed or cancelled.
	Result rolefit.DeliveryStatus
	Next   time.Time
	// Disable, when set, stops sending to the delivery's endpoint, with
	// this reason; with OnlyIfStillFailing, only if nothing got through
	// to the endpoint since this delivery's first attempt.
	Disable            string
	OnlyIfStillFailing bool
	// Notice, when set, is e-mailed to every admin of the organisation
	// (with the endpoint disabled).
	Notice *Notice
}

// Notice is an e-mail to an organisation's admins.
type Notice struct {
	Subject, Body string
}

// RecordAttempt records an attempt of a claimed delivery and releases
// it, in one transaction with what it entails: an endpoint's failing
// state (and, with Disable, disabling it and queueing the notices), and
// for an e-mail about an invitation, the invitation's record of it.
func (s *Store) RecordAttempt(ctx context.Context, d rolefit.Delivery, a Attempt) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		o := s.Scope(d.OrgID)
		first := a.At
		if d.Attempts > 0 {
			var f []time.Time
			if err := tx.Model(&rolefit.Delivery{}).Where("id = ? AND first_attempt_at IS NOT NULL", d.ID).Pluck("first_attempt_at", &f).Error; err != nil {
				return fmt.Errorf("read delivery: %w", err)
			}
			if len(f) > 0 {
				first = f[0]
			}
		}
		up := map[string]any{"status": a.Result, "attempts": gorm.Expr("attempts + 1"), "last_attempt_at": a.At,
			"last_status": a.Status, "last_error": truncate(a.Error, 1000), "locked_until": nil, "next_attempt_at": nil}
		if d.Attempts == 0 {
			up["first_attempt_at"] = a.At
		}
		switch a.Result {
		case rolefit.DeliveryDelivered:
			up["delivered_at"] = a.At
		case rolefit.DeliveryPending:
			up["next_attempt_at"] = a.Next
		}
		if err := tx.Model(&rolefit.Delivery{}).Where("id = ?", d.ID).Updates(up).Error; err != nil {
			return fmt.Errorf("record delivery: %w", err)
		}
		if d.EndpointID != nil {
			if err := o.endpointAttempt(tx, *d.EndpointID, a, first); err != nil {
				return err
			}
		}
		if d.Kind == rolefit.DeliveryEmail {
			return o.emailAttempt(tx, d, a)
		}
		return nil
	})
}

// endpointAttempt keeps an endpoint's failing state after an attempt and
// disables it when the attempt says so; first is when the delivery was
// first tried.
func (o *Scope) endpointAttempt(tx *gorm.DB, endpointID string, a Attempt, first time.Time) error {
	m := tx.Model(&webhookEndpointRow{}).Where("id = ?", endpointID)
	switch {
	case a.Result == rolefit.DeliveryDelivered:
		if err := o.enableAfterSuccess(tx, endpointID, a); err != nil {
			return err
		}
		if err := m.Update("failing_since", nil).Error; err != nil {
			return fmt.Errorf("record endpoint's success: %w", err)
		}
	default:
		if err := m.Where("failing_since IS NULL").Update("failing_since", a.At).Error; err != nil {
			return fmt.Errorf("record endpoint's failure: %w", err)
		}
	}
	if a.Disable == "" {
		return nil
	}
	m = tx.Model(&webhookEndpointRow{}).Where("id = ? AND disabled_at IS NULL", endpointID)
	if a.OnlyIfStillFailing {
		m = m.Where("failing_since IS NOT NULL AND failing_since <= ?", first)
	}
	up := map[string]any{"disabled_at": a.At, "disabled_reason": a.Disable}
	if !a.OnlyIfStillFailing {
		// Disabled on the receiver's word (410 Gone): a success that
		// crossed it does not enable it again (enableAfterSuccess).
		up["failing_since"] = nil
	}
	res := m.Updates(up)
	if res.Error != nil {
		return fmt.Errorf("disable endpoint: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return nil // disabled already (its admins were told then), or not failing throughout
	}
	if err := o.audit(tx, rolefit.Actor{ID: "rolefit", Name: "rolefit"}, "disable", "webhook_endpoint", endpointID, a.Disable); err != nil {
		return err
	}
	if a.Notice == nil {
		return nil
	}
	var admins []string
	if err := o.scope(tx.Model(&rolefit.User{})).Where("access = ?", rolefit.Admin).Order("email").Pluck("email", &admins).Error; err != nil {
		return fmt.Errorf("read admins: %w", err)
	}
	for _, to := range admins {
		if err := o.enqueue(tx, rolefit.Delivery{Kind: rolefit.DeliveryEmail, EventType: EmailNotice, Target: to,
			Body: a.Notice.Subject + "\n" + a.Notice.Body}, a.At); err != nil {
			return err
		}
	}
	return nil
}

// What an e-mail delivery is (its EventType).
const (
	EmailInvitation = "invitation"
	EmailReminder   = "reminder"
	EmailNotice     = "notice"
)

// emailAttempt records an e-mail about an invitation on the invitation:
// when its link went out, why it could not, or one more reminder sent.
func (o *Scope) emailAttempt(tx *gorm.DB, d rolefit.Delivery, a Attempt) error {
	m := o.scope(tx.Model(&rolefit.Invitation{})).Where("id = ?", d.Target)
	switch {
	case d.EventType == EmailInvitation && a.Result == rolefit.DeliveryDelivered:
		return m.Updates(map[string]any{"emailed_at": a.At, "email_error": ""}).Error
	case d.EventType == EmailInvitation && a.Result != rolefit.DeliveryCancelled:
		return m.Update("email_error", truncate(a.Error, 500)).Error
	case d.EventType == EmailReminder && a.Result == rolefit.DeliveryDelivered:
		return m.Update("reminders_sent", gorm.Expr("reminders_sent + 1")).Error
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// EndpointDeliveries returns a page of an endpoint's deliveries, newest
// first, and the cursor of the next page ("" on the last).
func (o *Scope) EndpointDeliveries(ctx context.Context, endpointID string, lim int, cursor string) ([]rolefit.Delivery, string, error) {
	if _, err := o.WebhookEndpoint(ctx, endpointID); err != nil {
		return nil, "", err
	}
	n := limit(lim)
	db := o.scope(o.s.reader(ctx)).Where("endpoint_id = ?", endpointID)
	return newestFirst(db, cursor, n, "deliveries", func(d *rolefit.Delivery) (time.Time, string) { return d.CreatedAt, d.ID })
}

// Redeliver sends a delivered or failed webhook delivery again, at once
// and with a fresh set of attempts, under the same webhook-id.
func (o *Scope) Redeliver(ctx context.Context, endpointID, id string, by rolefit.Actor) (*rolefit.Delivery, error) {
	var out *rolefit.Delivery
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		d, err := take[rolefit.Delivery](o.scope(tx).Where("id = ? AND endpoint_id = ?", id, endpointID), "delivery")
		if err != nil {
			return err
		}
		if !d.CanRedeliver() {
			return errs.Conflict("This delivery is %s, so it cannot be sent again by hand.", d.Status)
		}
		now := o.s.now()
		// The status is checked again in the update itself: a worker
		// may have changed it since it was read.
		res := tx.Model(&rolefit.Delivery{}).Where("id = ? AND status = ?", id, d.Status).Updates(map[string]any{"status": rolefit.DeliveryPending,
			"attempts": 0, "first_attempt_at": nil, "next_attempt_at": now, "locked_until": nil})
		if res.Error != nil {
			return fmt.Errorf("redeliver: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errs.Conflict("This delivery changed meanwhile; reload the page.")
		}
		d.Status, d.Attempts, d.NextAttemptAt = rolefit.DeliveryPending, 0, &now
		out = d
		return o.audit(tx, by, "redeliver", "webhook_endpoint", endpointID, d.MessageID)
	})
	return out, err
}

// PurgeDeliveries deletes the deliveries created before before that are
// finished, or waiting for an endpoint that is still disabled, and
// returns how many: their record is for finding out what went wrong, not
// for keeping, and a receiver gone that long is not coming back for them.
func (s *Store) PurgeDeliveries(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("created_at < ? AND (status <> ? OR endpoint_id IN (SELECT id FROM webhook_endpoints WHERE disabled_at IS NOT NULL))",
			before, rolefit.DeliveryPending).Delete(&rolefit.Delivery{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}

// enableAfterSuccess undoes a disabling that a delivery's success proves
// wrong: when the last attempt of one message and a success of another
// were in flight at once and the failure was recorded first, the endpoint
// was disabled although something got through meanwhile. A success whose
// request went out before the endpoint was disabled for persistent
// failure (failing_since kept) enables it again, audited; a 410 Gone or
// an admin's choice is left as it is.
func (o *Scope) enableAfterSuccess(tx *gorm.DB, endpointID string, a Attempt) error {
	if a.Began.IsZero() {
		return nil
	}
	res := tx.Model(&webhookEndpointRow{}).Where("id = ? AND disabled_at IS NOT NULL AND disabled_at >= ? AND failing_since IS NOT NULL",
		endpointID, a.Began).Updates(map[string]any{"disabled_at": nil, "disabled_reason": "", "failing_since": nil})
	if res.Error != nil {
		return fmt.Errorf("enable endpoint: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return nil
	}
	return o.audit(tx, rolefit.Actor{ID: "rolefit", Name: "rolefit"}, "enable", "webhook_endpoint", endpointID,
		"a message sent before the endpoint was disabled got through: it works")
}
