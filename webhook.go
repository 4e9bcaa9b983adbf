package rolefit

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// EventType names something that happened in rolefit that a webhook
// endpoint can be told about.
type EventType string

// The events rolefit tells webhook endpoints about. Their payloads are
// thin: identifiers and a few fields, so that whatever a receiver reads
// in full goes through the audited API (docs/INTEGRATIONS.md).
const (
	EventInvitationSent      EventType = "invitation.sent"
	EventInvitationStarted   EventType = "invitation.started"
	EventInvitationExpired   EventType = "invitation.expired"
	EventInvitationWithdrawn EventType = "invitation.withdrawn"
	EventResponseSubmitted   EventType = "response.submitted"
	EventPersonErased        EventType = "person.erased"
	// EventOutcomeRecorded is for a hiring outcome recorded for a
	// person (its stage and date), sent in the transaction that stores it.
	EventOutcomeRecorded EventType = "outcome.recorded"
)

// EventTypes are every event type, in the order the settings page lists
// them.
var EventTypes = []EventType{EventInvitationSent, EventInvitationStarted, EventInvitationExpired, EventInvitationWithdrawn,
	EventResponseSubmitted, EventPersonErased, EventOutcomeRecorded}

// Known reports whether t is one of rolefit's event types.
func (t EventType) Known() bool { return slices.Contains(EventTypes, t) }

// MaxWebhookEndpoints is how many endpoints an organisation may have:
// each event is written once per endpoint in the transaction that makes
// it, so the count bounds what one change writes.
const MaxWebhookEndpoints = 20

// MaxWebhookURL is the longest endpoint address accepted, in bytes.
const MaxWebhookURL = 2000

// WebhookEndpoint is an address of an organisation's own system that
// rolefit posts events to, signed with the endpoint's secret (Standard
// Webhooks 1.0). The secret is not part of it: it is shown once, when the
// endpoint is made, and read only by the delivery worker.
type WebhookEndpoint struct {
	ID        string
	OrgID     string
	URL       string
	Events    []EventType
	CreatedBy string
	CreatedAt time.Time
	// DisabledAt is when rolefit stopped sending to the endpoint, and
	// DisabledReason why: the receiver answered 410 Gone, or every
	// attempt of a message failed while nothing else got through.
	DisabledAt     *time.Time
	DisabledReason string
	// FailingSince is when the endpoint's deliveries began to fail, nil
	// while the last one got through.
	FailingSince *time.Time
}

// Enabled reports whether events are sent to the endpoint.
func (e *WebhookEndpoint) Enabled() bool { return e.DisabledAt == nil }

// Wants reports whether the endpoint subscribed to events of type t.
func (e *WebhookEndpoint) Wants(t EventType) bool { return slices.Contains(e.Events, t) }

// NewWebhookEndpoint is what an admin gives to add an endpoint.
type NewWebhookEndpoint struct {
	URL    string
	Events []string
}

// Clean trims the address and checks the event types, returning the
// endpoint's events in EventTypes' order and what is wrong by field.
// Whether the address may be reached (HTTPS, public addresses only) is
// checked where it is resolved (internal/outbound).
func (n NewWebhookEndpoint) Clean() (string, []EventType, map[string]string) {
	fields := map[string]string{}
	url := strings.TrimSpace(n.URL)
	switch {
	case url == "":
		fields["url"] = "is required"
	case len(url) > MaxWebhookURL:
		fields["url"] = fmt.Sprintf("must be at most %d characters", MaxWebhookURL)
	}
	want := map[EventType]bool{}
	var unknown []string
	for _, e := range n.Events {
		t := EventType(strings.TrimSpace(e))
		if !t.Known() {
			unknown = append(unknown, fmt.Sprintf("%q", e))
			continue
		}
		want[t] = true
	}
	var events []EventType
	for _, t := range EventTypes {
		if want[t] {
			events = append(events, t)
		}
	}
	switch {
	case len(unknown) > 0:
		names := make([]string, len(EventTypes))
		for i, t := range EventTypes {
			names[i] = string(t)
		}
		fields["events"] = fmt.Sprintf("%s is not an event type; choose from %s", strings.Join(unknown, ", "), strings.Join(names, ", "))
	case len(events) == 0:
		fields["events"] = "choose at least one event type"
	}
	return url, events, fields
}
