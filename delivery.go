package rolefit

import "time"

// DeliveryKind says what a delivery of the outbound queue sends.
type DeliveryKind string

// The kinds of delivery: everything rolefit sends out goes through one
// queue, written in the transaction of what caused it.
const (
	// DeliveryWebhook posts an event to a webhook endpoint.
	DeliveryWebhook DeliveryKind = "webhook"
	// DeliveryGreenhouse tells Greenhouse an assessment is complete, by a
	// PATCH to the address Greenhouse sent with the test.
	DeliveryGreenhouse DeliveryKind = "greenhouse"
	// DeliveryEmail sends an e-mail: an invitation's link, a reminder, or
	// a notice to the organisation's admins.
	DeliveryEmail DeliveryKind = "email"
)

// DeliveryStatus is where a delivery stands.
type DeliveryStatus string

// The statuses of a delivery.
const (
	DeliveryPending   DeliveryStatus = "pending"
	DeliveryDelivered DeliveryStatus = "delivered"
	// DeliveryFailed: every attempt failed, or the receiver said it is gone.
	DeliveryFailed DeliveryStatus = "failed"
	// DeliveryCancelled: no longer worth sending, such as a reminder for
	// an invitation answered meanwhile.
	DeliveryCancelled DeliveryStatus = "cancelled"
)

// Delivery is one message of the outbound queue and how its sending went.
type Delivery struct {
	ID    string
	OrgID string
	Kind  DeliveryKind
	// EndpointID is the webhook endpoint, for webhooks.
	EndpointID *string
	// MessageID is sent as webhook-id: the same on every attempt and for
	// every endpoint of one event, so a receiver can ignore a repeat.
	MessageID string
	// EventType is a webhook's event type, or what an e-mail is (an
	// invitation, a reminder, a notice).
	EventType string
	// Target is what the delivery is about or for: an invitation, a
	// Greenhouse assessment, an e-mail address.
	Target string
	// Body is a webhook's payload as sent; a notice's text.
	Body          string
	Status        DeliveryStatus
	Attempts      int
	NextAttemptAt *time.Time
	LastAttemptAt *time.Time
	// LastStatus is the HTTP status of the last attempt, 0 when none came
	// back (a refused connection, a timeout, an address not allowed).
	LastStatus  int
	LastError   string
	CreatedAt   time.Time
	DeliveredAt *time.Time
}

// RetryDelays are the waits before each attempt of a delivery after the
// first, which is made at once: 5 seconds, 5 minutes, 30 minutes, 2, 5,
// 10, 14, 20 and 24 hours, about three days in all. This is the schedule
// Standard Webhooks' reference implementation (Svix) publishes; it
// outlasts a receiver's weekend outage and gives up before a week.
var RetryDelays = []time.Duration{
	5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 5 * time.Hour,
	10 * time.Hour, 14 * time.Hour, 20 * time.Hour, 24 * time.Hour,
}

// MaxAttempts is how many times a delivery is tried: at once, then after
// each of RetryDelays.
var MaxAttempts = 1 + len(RetryDelays)

// RetryDelay returns the wait before the next attempt of a delivery that
// has failed attempts times, and false when it has had all its attempts.
func RetryDelay(attempts int) (time.Duration, bool) {
	if attempts < 1 || attempts > len(RetryDelays) {
		return 0, false
	}
	return RetryDelays[attempts-1], true
}

// CanRedeliver reports whether a delivery may be sent again by hand: one
// that was delivered (the receiver lost it) or failed, not one still
// being tried or cancelled.
func (d *Delivery) CanRedeliver() bool {
	return d.Status == DeliveryDelivered || d.Status == DeliveryFailed
}
