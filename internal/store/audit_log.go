package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"
)

// AuditQuery selects a page of the audit log, newest first.
type AuditQuery struct {
	// Limit is the page size: default 50, at most 500.
	Limit int
	// Cursor continues after the last entry of an earlier page.
	Cursor string
	// PersonID keeps only entries about that person (still present or
	// erased: the log keeps an erased person's ID).
	PersonID string
	// ActorID keeps only entries by that user or API key.
	ActorID string
}

// AuditPage returns a page of the organisation's audit log, newest first,
// and the cursor of the next page ("" on the last page). Paging is by key
// (time, then ID), so entries written while someone reads do not shift
// the pages they have not reached yet.
func (o *Scope) AuditPage(ctx context.Context, q AuditQuery) ([]rolefit.AuditEntry, string, error) {
	if err := o.s.FlushAudit(ctx); err != nil { // queued views belong on the page too
		return nil, "", err
	}
	n := limit(q.Limit)
	db := o.scope(o.s.reader(ctx).Model(&rolefit.AuditEntry{}))
	if q.PersonID != "" {
		db = db.Where("subject_type = ? AND subject_id = ?", "person", q.PersonID)
	}
	if q.ActorID != "" {
		db = db.Where("actor_id = ?", q.ActorID)
	}
	return newestFirst(db, q.Cursor, n, "audit log", func(e *rolefit.AuditEntry) (time.Time, string) { return e.CreatedAt, e.ID })
}

// PeopleNames returns the names of those of ids who are the
// organisation's people; erased people are simply missing.
func (o *Scope) PeopleNames(ctx context.Context, ids []string) (map[string]string, error) {
	names := make(map[string]string, len(ids))
	for chunk := range chunks(ids, 500) {
		var ps []rolefit.Person
		if err := o.scope(o.s.reader(ctx)).Select("id", "name").Where("id IN ?", chunk).Find(&ps).Error; err != nil {
			return nil, fmt.Errorf("read people's names: %w", err)
		}
		for _, p := range ps {
			names[p.ID] = p.Name
		}
	}
	return names, nil
}
