package store

import (
	"context"
	"fmt"
	"rolefit"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// webhookEndpointRow is a webhook endpoint as stored: its event types
// space-separated, and its secret, which signs every message.
type webhookEndpointRow struct {
	ID             string
	OrgID          string
	URL            string
	Events         string
	Secret         string
	CreatedBy      string
	CreatedAt      time.Time
	DisabledAt     *time.Time
	DisabledReason string
	FailingSince   *time.Time
}

func (webhookEndpointRow) TableName() string { return "webhook_endpoints" }

func (r webhookEndpointRow) endpoint() rolefit.WebhookEndpoint {
	e := rolefit.WebhookEndpoint{ID: r.ID, OrgID: r.OrgID, URL: r.URL, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt,
		DisabledAt: r.DisabledAt, DisabledReason: r.DisabledReason, FailingSince: r.FailingSince}
	for _, t := range strings.Fields(r.Events) {
		e.Events = append(e.Events, rolefit.EventType(t))
	}
	return e
}

func eventList(ts []rolefit.EventType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, " ")
}

// CreateWebhookEndpoint adds an endpoint with the given address (checked
// by the caller), event types and secret, at most
// rolefit.MaxWebhookEndpoints per organisation.
func (o *Scope) CreateWebhookEndpoint(ctx context.Context, url string, events []rolefit.EventType, secret string, by rolefit.Actor) (*rolefit.WebhookEndpoint, error) {
	row := webhookEndpointRow{ID: newID(), OrgID: o.id, URL: url, Events: eventList(events), Secret: secret,
		CreatedBy: by.ID, CreatedAt: o.s.now()}
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := o.scope(tx.Model(&webhookEndpointRow{})).Count(&n).Error; err != nil {
			return fmt.Errorf("count webhook endpoints: %w", err)
		}
		if n >= rolefit.MaxWebhookEndpoints {
			return errs.Conflict("An organisation can have at most %d webhook endpoints; delete one first.", rolefit.MaxWebhookEndpoints)
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("create webhook endpoint: %w", err)
		}
		return o.audit(tx, by, "create", "webhook_endpoint", row.ID, row.URL+" ("+row.Events+")")
	})
	if err != nil {
		return nil, err
	}
	e := row.endpoint()
	return &e, nil
}

// WebhookEndpoints lists the organisation's endpoints, oldest first.
func (o *Scope) WebhookEndpoints(ctx context.Context) ([]rolefit.WebhookEndpoint, error) {
	var rows []webhookEndpointRow
	if err := o.scope(o.s.reader(ctx)).Order("created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list webhook endpoints: %w", err)
	}
	out := make([]rolefit.WebhookEndpoint, len(rows))
	for i, r := range rows {
		out[i] = r.endpoint()
	}
	return out, nil
}

// WebhookEndpoint returns one of the organisation's endpoints.
func (o *Scope) WebhookEndpoint(ctx context.Context, id string) (*rolefit.WebhookEndpoint, error) {
	r, err := take[webhookEndpointRow](o.scope(o.s.reader(ctx)).Where("id = ?", id), "webhook endpoint")
	if err != nil {
		return nil, err
	}
	e := r.endpoint()
	return &e, nil
}

// DeleteWebhookEndpoint removes an endpoint with its deliveries.
func (o *Scope) DeleteWebhookEndpoint(ctx context.Context, id string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := take[webhookEndpointRow](o.scope(tx).Where("id = ?", id), "webhook endpoint")
		if err != nil {
			return err
		}
		if err := tx.Where("endpoint_id = ?", id).Delete(&rolefit.Delivery{}).Error; err != nil {
			return fmt.Errorf("delete the endpoint's deliveries: %w", err)
		}
		if err := o.scope(tx).Where("id = ?", id).Delete(&webhookEndpointRow{}).Error; err != nil {
			return fmt.Errorf("delete webhook endpoint: %w", err)
		}
		return o.audit(tx, by, "delete", "webhook_endpoint", id, r.URL)
	})
}

// EnableWebhookEndpoint sends to a disabled endpoint again; the messages
// that waited while it was disabled go out at once.
func (o *Scope) EnableWebhookEndpoint(ctx context.Context, id string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := take[webhookEndpointRow](o.scope(tx).Where("id = ?", id), "webhook endpoint")
		if err != nil {
			return err
		}
		if r.DisabledAt == nil {
			return nil
		}
		if err := tx.Model(&webhookEndpointRow{}).Where("id = ?", id).
			Updates(map[string]any{"disabled_at": nil, "disabled_reason": "", "failing_since": nil}).Error; err != nil {
			return fmt.Errorf("enable webhook endpoint: %w", err)
		}
		now := o.s.now()
		if err := tx.Model(&rolefit.Delivery{}).Where("endpoint_id = ? AND status = ? AND next_attempt_at > ?", id, rolefit.DeliveryPending, now).
			Update("next_attempt_at", now).Error; err != nil {
			return fmt.Errorf("resume deliveries: %w", err)
		}
		return o.audit(tx, by, "enable", "webhook_endpoint", id, r.URL)
	})
}

// DisabledWebhookEndpoints lists the endpoints rolefit stopped sending to,
// for the admins' Home page.
func (o *Scope) DisabledWebhookEndpoints(ctx context.Context) ([]rolefit.WebhookEndpoint, error) {
	var rows []webhookEndpointRow
	if err := o.scope(o.s.reader(ctx)).Where("disabled_at IS NOT NULL").Order("disabled_at DESC, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list disabled webhook endpoints: %w", err)
	}
	out := make([]rolefit.WebhookEndpoint, len(rows))
	for i, r := range rows {
		out[i] = r.endpoint()
	}
	return out, nil
}
