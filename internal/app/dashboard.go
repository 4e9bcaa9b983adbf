package app

import (
	"context"
	"rolefit"
	"time"

	"rolefit/internal/store"
)

// Dashboard windows: an open invitation expiring within ExpiringWithin
// is called out, and without a previous visit "new" responses are those
// of the last NewWithin.
const (
	ExpiringWithin = 3 * rolefit.Day
	NewWithin      = 7 * rolefit.Day
	// dashboardList is how many people each part of the dashboard names.
	dashboardList = 5
)

// Dashboard is what needs a manager now, for the page after sign-in.
type Dashboard struct {
	store.Overview
	// Since is the time "new" responses are counted from; FirstVisit is
	// set when it is not a previous visit but NewWithin ago.
	Since      time.Time
	FirstVisit bool
	// Story is the costliest split and the placement's changes worth most.
	Story *Story
}

// Dashboard counts what needs the manager now: invitations waiting and
// expiring, responses submitted since their previous visit (lastVisit,
// nil on a first visit), flagged profiles, and people not yet invited;
// and it opens with the money story (Story), whose reads of people's
// results in money are recorded in the audit log.
func (a *App) Dashboard(ctx context.Context, act Actor, lastVisit *time.Time) (*Dashboard, error) {
	now := a.now()
	d := &Dashboard{Since: now.Add(-NewWithin), FirstVisit: true}
	if lastVisit != nil {
		d.Since, d.FirstVisit = lastVisit.UTC(), false
	}
	ov, err := a.scope(act).Overview(ctx, store.OverviewQuery{Now: now, Since: d.Since, Soon: ExpiringWithin, Limit: dashboardList})
	if err != nil {
		return nil, err
	}
	d.Overview = *ov
	if d.Story, err = a.Story(ctx, act); err != nil {
		return nil, err
	}
	return d, nil
}
