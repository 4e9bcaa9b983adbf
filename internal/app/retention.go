package app

import (
	"context"
	"rolefit"
	"time"

	"rolefit/internal/errs"
)

// retentionActor names the retention purge in the audit log: rolefit
// itself, applying the period an admin set.
var retentionActor = rolefit.Actor{ID: "rolefit", Name: "rolefit retention period"}

// retentionBatch is how many candidates one pass of the purge looks up at
// a time; each is erased in its own transaction.
const retentionBatch = 200

// Retention returns the organisation's retention period in days, 0 when
// candidates are kept until someone erases them.
func (a *App) Retention(ctx context.Context, act Actor) (int, error) {
	return a.scope(act).Retention(ctx)
}

// SetRetention sets after how many days without activity candidates who
// were not hired are purged: 1 to 3,650 (ten years), or 0 for never. It is
// an admin's setting; the route checks the user role.
func (a *App) SetRetention(ctx context.Context, act Actor, days int) error {
	return a.scope(act).SetRetention(ctx, days, act.Audit)
}

// PurgeReport says what a retention purge did.
type PurgeReport struct {
	// Purged counts the candidates erased, by organisation ID.
	Purged map[string]int
}

// PurgeExpired erases, in every organisation that has set a retention
// period, the candidates who were not hired and have had no activity for
// that many days, measured from the clock rolefit was given.
//
// The rule: a candidate is a person still of kind "candidate" (hiring
// someone makes them staff, and staff are never purged). Their last
// activity is the latest of when they were added, when any invitation of
// theirs was made, consented to, started or submitted, and when any
// response about them was recorded. A candidate with a link still open is
// kept whatever its age. Each candidate is erased as ErasePerson erases
// (every invitation, answer, response and score row) in a transaction of
// its own with an audit entry, after the rule is checked again inside it.
func (a *App) PurgeExpired(ctx context.Context) (PurgeReport, error) {
	rep := PurgeReport{Purged: map[string]int{}}
	settings, err := a.st.RetentionSettings(ctx)
	if err != nil {
		return rep, err
	}
	now := a.now()
	for _, s := range settings {
		before := now.Add(-time.Duration(s.Days) * 24 * time.Hour)
		org := a.st.Scope(s.OrgID)
		for {
			ids, err := org.StaleCandidates(ctx, before, retentionBatch)
			if err != nil {
				return rep, err
			}
			purged := 0
			for _, id := range ids {
				err := org.PurgeCandidate(ctx, id, before, s.Days, retentionActor)
				if errs.Code(err) == errs.CodeConflict || errs.Code(err) == errs.CodeNotFound {
					continue // active again, hired or erased since it was found
				}
				if err != nil {
					return rep, err
				}
				purged++
			}
			rep.Purged[s.OrgID] += purged
			if purged > 0 {
				// Norms must not keep a purged candidate's scores.
				a.refs.forget(s.OrgID)
				a.plans.forget(s.OrgID)
			}
			if len(ids) < retentionBatch || purged == 0 {
				break
			}
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
	}
	return rep, nil
}
