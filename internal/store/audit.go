package store

import (
	"context"
	"fmt"
	"rolefit"

	"gorm.io/gorm"
)

// auditInsertSQL stores one audit entry: AuditEntry's columns in order.
const auditInsertSQL = `INSERT INTO audit_entries (id, org_id, actor_id, actor_name, action, subject_type, subject_id, detail, created_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`

// audit appends an entry inside tx, so the record of a change commits or
// rolls back with the change itself.
func (o *Scope) audit(tx *gorm.DB, by rolefit.Actor, action, subjectType, subjectID, detail string) error {
	// A pre-built statement rather than GORM's Create: every change
	// writes one, inside the group committer too (raw_exec.go).
	if _, err := execRaw(tx, auditInsertSQL, newTimeID(), o.id, by.ID, by.Name, action, subjectType, subjectID, detail, o.s.now()); err != nil {
		return fmt.Errorf("write audit entry: %w", err)
	}
	return nil
}

// Audit records an action that changed nothing else, such as viewing or
// exporting a person's data.
func (o *Scope) Audit(ctx context.Context, by rolefit.Actor, action, subjectType, subjectID, detail string) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		return o.audit(tx, by, action, subjectType, subjectID, detail)
	})
}

// AuditLog returns the organisation's most recent audit entries, newest
// first, at most limit of them.
func (o *Scope) AuditLog(ctx context.Context, limit int) ([]rolefit.AuditEntry, error) {
	if err := o.s.FlushAudit(ctx); err != nil {
		return nil, err
	}
	var es []rolefit.AuditEntry
	if err := o.scope(o.s.reader(ctx)).Order("created_at DESC, id DESC").Limit(limit).Find(&es).Error; err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return es, nil
}
