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

var auditEntrySchema = obj{"type": "object", "properties": obj{
	"id": str, "actor_id": str, "actor_name": str,
	"action":       obj{"type": "string", "description": "what was done: view, list, export, create, change, erase, invite, …"},
	"subject_type": obj{"type": "string", "description": "what it was done to: person, invitation, user, api_key, organisation, webhook_endpoint, …"},
	"subject_id":   str, "detail": obj{"type": "string", "description": "cleared for an erased person's entries"}, "created_at": dateTime}}

var greenhouseSecurity = []obj{{"greenhouse": []string{}}}

var greenhouseStatusSchema = obj{"type": "object", "required": []string{"partner_interview_id", "partner_status", "partner_profile_url", "partner_score", "metadata"},
	"properties": obj{
		"partner_interview_id": str,
		"partner_status":       obj{"type": "string", "enum": []string{"sent", "started", "complete", "expired", "withdrawn"}, "description": "complete once the candidate has submitted"},
		"partner_profile_url":  nullable(obj{"type": "string", "description": "the candidate's page in rolefit, once complete"}),
		"partner_score":        nullable(obj{"type": "number", "description": "for a test with a role: the candidate's fit for the role, 0 to 100; null for a test of the questionnaire alone or before completion"}),
		"metadata": nullable(obj{"type": "object", "description": "flat: each composite's score on the response scale, the profile class and the response quality; null before completion",
			"additionalProperties": obj{"oneOf": []obj{str, num, {"type": "null"}}}})}}

// integrationOperations are the routes of this file.
var integrationOperations = []apiOperation{
	{method: "GET", path: "/api/v1/invitations", summary: "The organisation's invitations, newest first",
		params: []obj{queryParam("state", "string", "sent, started, submitted, expired or withdrawn, as each reads now"),
			queryParam("person_id", "string", "only this person's"), queryParam("limit", "integer", "page size, 1–500 (default 50)"),
			queryParam("cursor", "string", "next_cursor of the previous page")},
		status: "200", response: listOf(ref("Invitation"))},
	{method: "PATCH", path: "/api/v1/people/{id}", summary: "Change a person's name, e-mail address or job title; the fields left out keep their values (audited)",
		params: []obj{pathParam("id")}, body: obj{"type": "object", "additionalProperties": false, "properties": obj{
			"name": str, "email": obj{"type": "string", "description": "unique in the organisation; empty to remove it"}, "job_title": obj{"type": "string", "description": "staff only"}}},
		status: "200", response: ref("Person")},
	{method: "DELETE", path: "/api/v1/people/{id}", summary: "Erase a person with their invitations, answers, scores and performance records, as the person page's Erase does; the audit log keeps that it happened and webhooks get person.erased",
		params: []obj{pathParam("id")}, status: "204"},
	{method: "GET", path: "/api/v1/audit", summary: "The audit log, newest first: who viewed, exported, changed or erased data (an admin's key)",
		params: []obj{queryParam("person_id", "string", "only entries about this person"), queryParam("actor_id", "string", "only entries by this user or API key"),
			queryParam("limit", "integer", "page size, 1–500 (default 50)"), queryParam("cursor", "string", "next_cursor of the previous page")},
		status: "200", response: listOf(auditEntrySchema)},
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
	{method: "GET", path: "/integrations/greenhouse/list_tests", summary: "Greenhouse's Assessment Partner call: the tests rolefit offers, one per questionnaire for candidates and one per questionnaire and placement role",
		security: greenhouseSecurity, status: "200", response: obj{"type": "array", "items": obj{"type": "object", "properties": obj{
			"partner_test_id": str, "partner_test_name": str, "partner_test_description": str}}}},
	{method: "POST", path: "/integrations/greenhouse/send_test", summary: "Greenhouse's Assessment Partner call: find the candidate by e-mail address or add them, invite them, e-mail the link and keep Greenhouse's address for the completion PATCH; the same request again answers with the same partner_interview_id",
		security: greenhouseSecurity, body: obj{"type": "object", "required": []string{"partner_test_id", "candidate"}, "properties": obj{
			"partner_test_id": str,
			"candidate": obj{"type": "object", "required": []string{"email"}, "properties": obj{
				"first_name": str, "last_name": str, "email": str, "greenhouse_profile_url": str}},
			"url": obj{"type": "string", "description": "Greenhouse's address for this test, which rolefit PATCHes when the candidate has submitted"}}},
		status: "200", response: obj{"type": "object", "required": []string{"partner_interview_id"}, "properties": obj{"partner_interview_id": str}}},
	{method: "GET", path: "/integrations/greenhouse/test_status", summary: "Greenhouse's Assessment Partner call: how an assessment stands (404 for an unknown partner_interview_id); rolefit PATCHes the same document to Greenhouse's url on completion",
		security: greenhouseSecurity, params: []obj{{"name": "partner_interview_id", "in": "query", "required": true, "schema": str}},
		status: "200", response: greenhouseStatusSchema},
	{method: "POST", path: "/integrations/greenhouse/request_errors", summary: "Greenhouse's Assessment Partner call: an error Greenhouse found in rolefit's answers, logged and shown to admins under Settings → Greenhouse",
		security: greenhouseSecurity, body: obj{"type": "object"}, status: "204"},
}
