package app

import (
	"context"
	"rolefit"

	"rolefit/internal/errs"
	"rolefit/internal/webhook"
)

// Webhook endpoints: an organisation's admins name addresses of their own
// systems and the events each wants; rolefit signs and sends them through
// the outbound queue (deliveries.go). These use cases are an admin's:
// the pages' routes check the user's access, the API's the key's.

// NewEndpoint is an endpoint just made, with its secret, which is shown
// this once.
type NewEndpoint struct {
	rolefit.WebhookEndpoint
	Secret string
}

// CreateWebhookEndpoint adds an endpoint after checking its address: an
// https:// address (http:// too when private addresses are allowed)
// whose host resolves to public addresses only, and known event types.
func (a *App) CreateWebhookEndpoint(ctx context.Context, act Actor, in rolefit.NewWebhookEndpoint) (*NewEndpoint, error) {
	url, events, fields := in.Clean()
	if _, bad := fields["url"]; !bad && url != "" {
		u, err := a.guard.CheckURL(ctx, url)
		if err != nil {
			fields["url"] = err.Error()
		} else {
			url = u.String()
		}
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Please correct the highlighted fields.", fields)
	}
	secret := webhook.NewSecret()
	e, err := a.scope(act).CreateWebhookEndpoint(ctx, url, events, secret, act.Audit)
	if err != nil {
		return nil, err
	}
	return &NewEndpoint{WebhookEndpoint: *e, Secret: secret}, nil
}

// WebhookEndpoints lists the organisation's endpoints.
func (a *App) WebhookEndpoints(ctx context.Context, act Actor) ([]rolefit.WebhookEndpoint, error) {
	return a.scope(act).WebhookEndpoints(ctx)
}

// WebhookEndpoint returns one of the organisation's endpoints.
func (a *App) WebhookEndpoint(ctx context.Context, act Actor, id string) (*rolefit.WebhookEndpoint, error) {
	return a.scope(act).WebhookEndpoint(ctx, id)
}

// DeleteWebhookEndpoint removes an endpoint and its deliveries.
func (a *App) DeleteWebhookEndpoint(ctx context.Context, act Actor, id string) error {
	return a.scope(act).DeleteWebhookEndpoint(ctx, id, act.Audit)
}

// EnableWebhookEndpoint sends to a disabled endpoint again.
func (a *App) EnableWebhookEndpoint(ctx context.Context, act Actor, id string) error {
	return a.scope(act).EnableWebhookEndpoint(ctx, id, act.Audit)
}

// DeliveryPage is a page of an endpoint's deliveries, newest first.
type DeliveryPage struct {
	Items []rolefit.Delivery
	Next  string
}

// EndpointDeliveries lists an endpoint's deliveries, newest first, with
// the page size and cursor of the API's lists.
func (a *App) EndpointDeliveries(ctx context.Context, act Actor, id string, limit int, cursor string) (*DeliveryPage, error) {
	ds, next, err := a.scope(act).EndpointDeliveries(ctx, id, limit, cursor)
	if err != nil {
		return nil, err
	}
	return &DeliveryPage{Items: ds, Next: next}, nil
}

// Redeliver sends one of an endpoint's deliveries again, with the same
// webhook-id, whether it was delivered (the receiver lost it) or failed.
func (a *App) Redeliver(ctx context.Context, act Actor, endpointID, deliveryID string) (*rolefit.Delivery, error) {
	return a.scope(act).Redeliver(ctx, endpointID, deliveryID, act.Audit)
}

// DisabledWebhookEndpoints lists the endpoints rolefit stopped sending
// to, for the admins' Home page.
func (a *App) DisabledWebhookEndpoints(ctx context.Context, act Actor) ([]rolefit.WebhookEndpoint, error) {
	return a.scope(act).DisabledWebhookEndpoints(ctx)
}
