package store

import (
	"encoding/json"
	"fmt"
	"rolefit"
	"strings"
	"time"

	"gorm.io/gorm"
)

// An event is written to the outbound queue in the transaction of the
// change it reports, one delivery per endpoint that wants it, so it is
// sent if and only if the change committed. An organisation without
// endpoints pays one indexed read per event.

// eventPayload is a webhook's body: the event's type, when it happened,
// and thin data (identifiers and a few fields), so that whatever a
// receiver reads in full goes through the audited API.
type eventPayload struct {
	Type      rolefit.EventType `json:"type"`
	Timestamp string            `json:"timestamp"`
	Data      map[string]any    `json:"data"`
}

// endpointsSQL reads the organisation's endpoints. A disabled one gets its
// events too: they wait, not taken by the worker (claimSQL), until an
// admin enables it again, so nothing is lost while a receiver is down. A
// pre-built statement: submissions and consents read it inside the group
// committer (raw_exec.go).
const endpointsSQL = `SELECT id, events FROM webhook_endpoints WHERE org_id = ?`

// deliveryInsertSQL queues one delivery: Delivery's columns that a new
// one sets.
const deliveryInsertSQL = `INSERT INTO deliveries (id, org_id, kind, endpoint_id, message_id, event_type, target, body, status,
 attempts, next_attempt_at, last_status, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, '', ?)`

// emit writes event t with data to the queue of every endpoint of the
// organisation that subscribed to it, inside tx.
func (o *Scope) emit(tx *gorm.DB, t rolefit.EventType, data map[string]any) error {
	rows, err := tx.Statement.ConnPool.QueryContext(tx.Statement.Context, bindVars(Dialect(tx.Dialector.Name()), endpointsSQL), o.id)
	if err != nil {
		return fmt.Errorf("read webhook endpoints: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id, events string
		if err := rows.Scan(&id, &events); err != nil {
			rows.Close()
			return fmt.Errorf("read webhook endpoints: %w", err)
		}
		for _, e := range strings.Fields(events) {
			if e == string(t) {
				ids = append(ids, id)
				break
			}
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("read webhook endpoints: %w", err)
	}
	if len(ids) == 0 {
		return nil
	}
	now := o.s.now()
	body, err := json.Marshal(eventPayload{Type: t, Timestamp: now.Format(time.RFC3339), Data: data})
	if err != nil {
		return fmt.Errorf("encode event: %w", err)
	}
	msg := "msg_" + newID()
	for _, id := range ids {
		if err := o.enqueue(tx, rolefit.Delivery{Kind: rolefit.DeliveryWebhook, EndpointID: &id, MessageID: msg,
			EventType: string(t), Body: string(body)}, now); err != nil {
			return err
		}
	}
	return nil
}

// enqueue writes one delivery to the queue inside tx, due at once.
func (o *Scope) enqueue(tx *gorm.DB, d rolefit.Delivery, now time.Time) error {
	if d.MessageID == "" {
		d.MessageID = "msg_" + newID()
	}
	if _, err := execRaw(tx, deliveryInsertSQL, newTimeID(), o.id, d.Kind, d.EndpointID, d.MessageID, d.EventType, d.Target, d.Body,
		rolefit.DeliveryPending, now, now); err != nil {
		return fmt.Errorf("queue %s delivery: %w", d.Kind, err)
	}
	return nil
}

// invitationEvent is the data of an invitation's events.
func invitationEvent(inv *rolefit.Invitation) map[string]any {
	return map[string]any{"invitation_id": inv.ID, "person_id": inv.PersonID,
		"questionnaire": inv.QuestionnaireID, "questionnaire_version": inv.QuestionnaireVersion}
}
