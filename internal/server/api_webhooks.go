package server

import (
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// apiWebhook is a webhook endpoint in the API. Its secret is shown only in
// the answer that created it (apiNewWebhook).
type apiWebhook struct {
	ID             string   `json:"id"`
	URL            string   `json:"url"`
	Events         []string `json:"events"`
	Enabled        bool     `json:"enabled"`
	DisabledAt     *string  `json:"disabled_at"`
	DisabledReason string   `json:"disabled_reason,omitempty"`
	CreatedAt      string   `json:"created_at"`
}

// apiNewWebhook is the answer to POST /api/v1/webhooks: the endpoint and
// its secret, shown this once.
type apiNewWebhook struct {
	ID     string   `json:"id"`
	URL    string   `json:"url"`
	Events []string `json:"events"`
	Secret string   `json:"secret"`
}

func eventNames(ts []rolefit.EventType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

func timeText(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func apiWebhookOf(e rolefit.WebhookEndpoint) apiWebhook {
	return apiWebhook{ID: e.ID, URL: e.URL, Events: eventNames(e.Events), Enabled: e.Enabled(), DisabledAt: timeText(e.DisabledAt),
		DisabledReason: e.DisabledReason, CreatedAt: e.CreatedAt.UTC().Format(time.RFC3339)}
}

// handleAPIWebhookCreate is POST /api/v1/webhooks (an admin's key).
func handleAPIWebhookCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body struct {
			URL    string   `json:"url"`
			Events []string `json:"events"`
		}
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
		e, err := uc.CreateWebhookEndpoint(c.UserContext(), actorOf(c), rolefit.NewWebhookEndpoint{URL: body.URL, Events: body.Events})
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiNewWebhook{ID: e.ID, URL: e.URL, Events: eventNames(e.Events), Secret: e.Secret})
	}
}

// handleAPIWebhooks is GET /api/v1/webhooks (an admin's key): every
// endpoint on one page, as an organisation has at most
// rolefit.MaxWebhookEndpoints.
func handleAPIWebhooks(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		es, err := uc.WebhookEndpoints(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		out := listResponse[apiWebhook]{Items: make([]apiWebhook, len(es))}
		for i, e := range es {
			out.Items[i] = apiWebhookOf(e)
		}
		return c.JSON(out)
	}
}

// handleAPIWebhookDelete is DELETE /api/v1/webhooks/{id} (an admin's key).
func handleAPIWebhookDelete(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.DeleteWebhookEndpoint(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusNoContent)
	}
}

// apiDelivery is one delivery of a webhook endpoint in the API.
type apiDelivery struct {
	ID            string  `json:"id"`
	MessageID     string  `json:"message_id"`
	EventType     string  `json:"event_type"`
	Status        string  `json:"status"`
	Attempts      int     `json:"attempts"`
	LastStatus    *int    `json:"last_status"`
	LastError     string  `json:"last_error"`
	LastAttemptAt *string `json:"last_attempt_at"`
	NextAttemptAt *string `json:"next_attempt_at"`
	CreatedAt     string  `json:"created_at"`
	DeliveredAt   *string `json:"delivered_at"`
}

func apiDeliveryOf(d rolefit.Delivery) apiDelivery {
	out := apiDelivery{ID: d.ID, MessageID: d.MessageID, EventType: d.EventType, Status: string(d.Status), Attempts: d.Attempts,
		LastError: d.LastError, LastAttemptAt: timeText(d.LastAttemptAt), NextAttemptAt: timeText(d.NextAttemptAt),
		CreatedAt: d.CreatedAt.UTC().Format(time.RFC3339), DeliveredAt: timeText(d.DeliveredAt)}
	if d.LastStatus != 0 {
		s := d.LastStatus
		out.LastStatus = &s
	}
	return out
}

// handleAPIWebhookDeliveries is GET /api/v1/webhooks/{id}/deliveries (an
// admin's key): newest first, paged.
func handleAPIWebhookDeliveries(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		n, err := pageLimit(c)
		if err != nil {
			return err
		}
		page, err := uc.EndpointDeliveries(c.UserContext(), actorOf(c), c.Params("id"), n, c.Query("cursor"))
		if err != nil {
			return err
		}
		out := listResponse[apiDelivery]{Items: make([]apiDelivery, len(page.Items)), NextCursor: page.Next}
		for i, d := range page.Items {
			out.Items[i] = apiDeliveryOf(d)
		}
		return c.JSON(out)
	}
}

// pageLimit reads ?limit=, 1 to 500 (0 when not given: the default).
func pageLimit(c *fiber.Ctx) (int, error) {
	v := c.Query("limit")
	if v == "" {
		return 0, nil
	}
	n, err := quantity.ParseWhole(v)
	if err != nil || n < 1 || n > 500 {
		return 0, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
	}
	return n, nil
}
