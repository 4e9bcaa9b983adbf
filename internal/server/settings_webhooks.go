package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// webhooksPage is Settings → Webhooks (admins only).
type webhooksPage struct {
	Endpoints []rolefit.WebhookEndpoint
	// New is set only on the answer that created an endpoint: the one
	// time its secret is shown.
	New    *app.NewEndpoint
	Events []rolefit.EventType
	// Chosen are the event types ticked on the form as sent back.
	Chosen map[rolefit.EventType]bool
	// PrivateAllowed says webhooks may go to private addresses and over
	// plain HTTP (--allow-private-webhooks).
	PrivateAllowed bool
}

func renderWebhooks(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, data webhooksPage) error {
	es, err := uc.WebhookEndpoints(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	data.Endpoints, data.Events, data.PrivateAllowed = es, rolefit.EventTypes, uc.PrivateWebhooksAllowed()
	if data.Chosen == nil {
		data.Chosen = map[rolefit.EventType]bool{}
	}
	v.Data = data
	return rnd.render(c, status, "webhooks", v)
}

// handleWebhooks lists the organisation's webhook endpoints.
func handleWebhooks(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderWebhooks(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("webhooks.title"), "settings"), webhooksPage{})
	}
}

// handleWebhookCreate adds an endpoint and shows its secret once, on the
// page answering the form (never in a URL or a cookie).
func handleWebhookCreate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var events []string
		chosen := map[rolefit.EventType]bool{}
		for _, e := range c.Context().PostArgs().PeekMulti("events") {
			events = append(events, string(e))
			chosen[rolefit.EventType(e)] = true
		}
		e, err := uc.CreateWebhookEndpoint(c.UserContext(), actorOf(c), rolefit.NewWebhookEndpoint{URL: c.FormValue("url"), Events: events})
		if errs.Code(err) == errs.CodeInvalid || errs.Code(err) == errs.CodeConflict {
			v := pageView(c, rnd.english.T("webhooks.title"), "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), map[string]string{"url": c.FormValue("url")}
			status := fiber.StatusBadRequest
			if errs.Code(err) == errs.CodeConflict {
				status = fiber.StatusConflict
			}
			return renderWebhooks(c, uc, rnd, status, v, webhooksPage{Chosen: chosen})
		}
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderCacheControl, "no-store")
		return renderWebhooks(c, uc, rnd, fiber.StatusCreated, pageView(c, rnd.english.T("webhooks.title"), "settings"), webhooksPage{New: e})
	}
}

// webhookPage is one endpoint with its deliveries.
type webhookPage struct {
	Endpoint   *rolefit.WebhookEndpoint
	Deliveries []rolefit.Delivery
	Next       string
}

// handleWebhook shows an endpoint and its deliveries, newest first: each
// with its status, attempts and last response, and a button to send it
// again.
func handleWebhook(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		e, err := uc.WebhookEndpoint(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		page, err := uc.EndpointDeliveries(c.UserContext(), actorOf(c), e.ID, 50, c.Query("cursor"))
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("webhook.title"), "settings")
		data := webhookPage{Endpoint: e, Deliveries: page.Items}
		if page.Next != "" {
			data.Next = "/settings/webhooks/" + e.ID + "?cursor=" + page.Next
		}
		v.Data = data
		return rnd.render(c, fiber.StatusOK, "webhook", v)
	}
}

// handleWebhookDelete removes an endpoint.
func handleWebhookDelete(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.DeleteWebhookEndpoint(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		flash(c, rnd.english.T("webhook.flash.deleted"))
		return c.Redirect("/settings/webhooks", fiber.StatusSeeOther)
	}
}

// handleWebhookEnable sends to a disabled endpoint again.
func handleWebhookEnable(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := c.Params("id")
		if err := uc.EnableWebhookEndpoint(c.UserContext(), actorOf(c), id); err != nil {
			return err
		}
		flash(c, rnd.english.T("webhook.flash.enabled"))
		return c.Redirect("/settings/webhooks/"+id, fiber.StatusSeeOther)
	}
}

// handleRedeliver sends one delivery again.
func handleRedeliver(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := c.Params("id")
		if _, err := uc.Redeliver(c.UserContext(), actorOf(c), id, c.Params("delivery")); err != nil {
			return err
		}
		flash(c, rnd.english.T("webhook.flash.redelivered"))
		return c.Redirect("/settings/webhooks/"+id, fiber.StatusSeeOther)
	}
}
