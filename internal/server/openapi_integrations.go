package server

import (
	"fmt"
	"rolefit"
)

// The API's description of what an applicant tracking system and other
// systems use: webhooks, invitations in bulk and as a list, changing and
// erasing people, the audit log, and Greenhouse's Assessment Partner
// routes (which Greenhouse calls with Basic authentication, not a bearer
// key).

var eventTypeSchema = func() obj {
	names := make([]string, len(rolefit.EventTypes))
	for i, t := range rolefit.EventTypes {
		names[i] = string(t)
	}
	return obj{"type": "string", "enum": names}
}()

var webhookSchema = obj{"type": "object", "properties": obj{
	"id": str, "url": str, "events": obj{"type": "array", "items": eventTypeSchema},
	"enabled":         obj{"type": "boolean", "description": "false once rolefit stopped sending: the receiver answered 410, or a message's every attempt failed while nothing got through"},
	"disabled_at":     nullable(dateTime),
	"disabled_reason": str, "created_at": dateTime}}

var deliverySchema = obj{"type": "object", "properties": obj{
	"id": str, "message_id": obj{"type": "string", "description": "the webhook-id header: the same on every attempt"},
	"event_type": eventTypeSchema,
	"status":     obj{"type": "string", "enum": []string{"pending", "delivered", "failed", "cancelled"}},
	"attempts":   integer, "last_status": nullable(obj{"type": "integer", "description": "the HTTP status of the last attempt; null when none came back"}),
	"last_error": str, "last_attempt_at": nullable(dateTime), "next_attempt_at": nullable(dateTime),
	"created_at": dateTime, "delivered_at": nullable(dateTime)}}

var idempotencyKeyParam = obj{"name": "Idempotency-Key", "in": "header", "required": false, "schema": obj{"type": "string", "maxLength": 255},
	"description": "Any POST may carry one: the same key with the same body within 24 hours gets the first answer again (with Idempotent-Replayed: true) and does nothing twice; the same key with another body is refused with 422; a second request while the first still runs gets 409."}

// integrationOperations are the routes of this file.
var integrationOperations = []apiOperation{
	{method: "GET", path: "/api/v1/webhooks", summary: "The organisation's webhook endpoints (an admin's key)",
		status: "200", response: listOf(webhookSchema)},
	{method: "POST", path: "/api/v1/webhooks", summary: fmt.Sprintf("Add a webhook endpoint (an admin's key): an https:// address that resolves to public addresses only, and the event types it wants; at most %d. The answer holds the endpoint's secret, shown only here", rolefit.MaxWebhookEndpoints),
		body: obj{"type": "object", "required": []string{"url", "events"}, "additionalProperties": false, "properties": obj{
			"url": str, "events": obj{"type": "array", "items": eventTypeSchema, "minItems": 1}}},
		status: "201", response: obj{"type": "object", "required": []string{"id", "url", "events", "secret"}, "properties": obj{
			"id": str, "url": str, "events": obj{"type": "array", "items": eventTypeSchema},
			"secret": obj{"type": "string", "description": "whsec_ and the base64 of the key that signs every message (Standard Webhooks 1.0)"}}}},
	{method: "DELETE", path: "/api/v1/webhooks/{id}", summary: "Delete a webhook endpoint and its deliveries (an admin's key)",
		params: []obj{pathParam("id")}, status: "204"},
	{method: "GET", path: "/api/v1/webhooks/{id}/deliveries", summary: "An endpoint's deliveries, newest first, with status, attempts and the last answer (an admin's key)",
		params: []obj{pathParam("id"), queryParam("limit", "integer", "page size, 1–500 (default 50)"), queryParam("cursor", "string", "next_cursor of the previous page")},
		status: "200", response: listOf(deliverySchema)},
}
