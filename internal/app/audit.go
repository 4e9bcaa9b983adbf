package app

import (
	"context"
	"rolefit"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// AuditQuery selects a page of the audit log: Person and User are IDs to
// filter by (empty: everyone), Cursor continues an earlier page.
type AuditQuery struct {
	Limit  int
	Cursor string
	Person string
	User   string
}

// AuditRow is one audit entry with the name of the person it is about,
// when it is about a person who has not been erased.
type AuditRow struct {
	rolefit.AuditEntry
	PersonName string
}

// AuditPage is one page of the audit log, newest first.
type AuditPage struct {
	Items []AuditRow
	// Next is the cursor of the next page, "" on the last.
	Next string
	// PersonName names the person filtered by, "" when there is no such
	// filter or the person was erased.
	PersonName string
}

// AuditLog returns a page of the organisation's audit log: who viewed,
// exported, changed or erased data, and when. It is an admin's page; the
// route checks the user role, as for users and API keys.
func (a *App) AuditLog(ctx context.Context, act Actor, q AuditQuery) (*AuditPage, error) {
	if q.Limit < 0 || q.Limit > 500 {
		return nil, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
	}
	org := a.scope(act)
	es, next, err := org.AuditPage(ctx, store.AuditQuery{Limit: q.Limit, Cursor: q.Cursor, PersonID: q.Person, ActorID: q.User})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range es {
		if e.SubjectType == "person" && e.SubjectID != "" {
			ids = append(ids, e.SubjectID)
		}
	}
	if q.Person != "" {
		ids = append(ids, q.Person)
	}
	names, err := org.PeopleNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	page := &AuditPage{Items: make([]AuditRow, len(es)), Next: next, PersonName: names[q.Person]}
	for i, e := range es {
		page.Items[i] = AuditRow{AuditEntry: e}
		if e.SubjectType == "person" {
			page.Items[i].PersonName = names[e.SubjectID]
		}
	}
	return page, nil
}
