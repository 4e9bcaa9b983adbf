package store

import (
	"context"
	"fmt"
	"rolefit"
	"sync"
	"time"

	"gorm.io/gorm"
)

// Reading person data is recorded in the audit log too, but a page view
// must not wait for the database's one writer and its fsync, nor make a
// submission wait behind it. Views and lists are therefore queued and
// written together, a batch per transaction, at most auditDelay after they
// happen. Close writes what is queued, so a clean shutdown loses nothing; a
// crash of the process can lose the views of its last auditDelay (never a
// change: changes are audited inside their own transaction).
const (
	auditDelay    = 250 * time.Millisecond
	auditBatch    = 500     // a batch this long is written without waiting for the tick
	maxAuditQueue = 100_000 // beyond it a view is written in its own transaction
)

type auditQueue struct {
	// flushing is held while a batch is taken and written, so a flush
	// that finds the queue empty has also waited for a batch in flight.
	flushing sync.Mutex
	mu       sync.Mutex
	pending  []rolefit.AuditEntry
	kick     chan struct{}
	stop     chan struct{}
	done     chan struct{}
	stopped  bool
}

// startAuditQueue starts the writer of queued audit entries.
func (s *Store) startAuditQueue() {
	s.audits = &auditQueue{kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go s.flushLoop("queued audit entries", auditDelay, s.audits.kick, s.audits.stop, s.audits.done, s.FlushAudit)
}

// AuditRead records that the actor viewed or listed data, without waiting
// for the entry to be written (see auditDelay). Use Audit for anything
// that changes data: it commits with the change.
func (o *Scope) AuditRead(ctx context.Context, by rolefit.Actor, action, subjectType, subjectID, detail string) error {
	q := o.s.audits
	e := rolefit.AuditEntry{ID: newTimeID(), OrgID: o.id, ActorID: by.ID, ActorName: by.Name, Action: action,
		SubjectType: subjectType, SubjectID: subjectID, Detail: detail, CreatedAt: o.s.now()}
	q.mu.Lock()
	if q.stopped || len(q.pending) >= maxAuditQueue {
		q.mu.Unlock()
		return o.Audit(ctx, by, action, subjectType, subjectID, detail)
	}
	q.pending = append(q.pending, e)
	full := len(q.pending) >= auditBatch
	q.mu.Unlock()
	if full {
		select { // write now rather than at the next tick
		case q.kick <- struct{}{}:
		default:
		}
	}
	return nil
}

// FlushAudit writes the queued audit entries now, in one transaction. On
// failure they stay queued for the next try.
func (s *Store) FlushAudit(ctx context.Context) error {
	q := s.audits
	q.flushing.Lock()
	defer q.flushing.Unlock()
	q.mu.Lock()
	batch := q.pending
	q.pending = nil
	q.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *gorm.DB) error { return tx.CreateInBatches(batch, 200).Error })
	if err != nil {
		q.mu.Lock()
		q.pending = append(batch, q.pending...)
		q.mu.Unlock()
		return fmt.Errorf("write %d audit entries: %w", len(batch), err)
	}
	return nil
}

// stopAuditQueue writes what is queued and stops the writer.
func (s *Store) stopAuditQueue() {
	if q := s.audits; q != nil {
		stopFlushLoop(&q.mu, &q.stopped, q.stop, q.done)
	}
}
