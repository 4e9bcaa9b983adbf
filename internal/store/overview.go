package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"
)

// OverviewQuery says what the dashboard asks about.
type OverviewQuery struct {
	// Now is the time the counts are taken at.
	Now time.Time
	// Since counts responses submitted after it.
	Since time.Time
	// Soon is how close to its expiry an open invitation must be to count
	// as expiring.
	Soon time.Duration
	// Limit is how many of each kind of item are listed by name.
	Limit int
}

// OverviewItem is one person on the dashboard: what concerns them and
// when (an invitation's expiry, a response's submission).
type OverviewItem struct {
	PersonID string
	Name     string
	At       time.Time
	// Status is an invitation's status ("sent" or "started") or a
	// response's flag severity ("likely" or "look").
	Status string
	// Flags counts a response's quality flags.
	Flags int
}

// Overview is what needs a manager's attention in an organisation now,
// counted with SQL.
type Overview struct {
	People int64
	// Waiting counts open invitations (sent or started, not expired);
	// ExpiringSoon those of them that expire within the query's Soon, the
	// soonest listed in Expiring.
	Waiting, ExpiringSoon int64
	Expiring              []OverviewItem
	// RemindersSent counts the reminder e-mails sent for the waiting
	// invitations.
	RemindersSent int64
	// NewResponses counts people's own responses submitted since the
	// query's Since, the newest listed in Recent.
	NewResponses int64
	Recent       []OverviewItem
	// Flagged counts profiles with response-quality flags, FlaggedLikely
	// those "likely careless"; Flags lists them, likely careless first.
	Flagged, FlaggedLikely int64
	Flags                  []OverviewItem
	// NotInvited counts people with no invitation and no response, the
	// earliest added listed in Uninvited.
	NotInvited int64
	Uninvited  []OverviewItem
}

// Overview counts what needs a manager now: invitations waiting and
// about to expire, responses since a time, flagged profiles and people
// not yet invited, each with the first few by name.
func (o *Scope) Overview(ctx context.Context, q OverviewQuery) (*Overview, error) {
	db := o.s.reader(ctx)
	n := max(q.Limit, 1)
	now, soon := q.Now.UTC(), q.Now.UTC().Add(q.Soon)
	out := &Overview{}
	type counts struct{ A, B, C int64 }
	var c counts
	steps := []struct {
		what string
		run  func() error
	}{
		{"people", func() error { return o.scope(db.Model(&rolefit.Person{})).Count(&out.People).Error }},
		{"waiting invitations", func() error {
			err := db.Raw(`SELECT COUNT(*) AS a, COALESCE(SUM(CASE WHEN expires_at <= ? THEN 1 ELSE 0 END), 0) AS b,
				COALESCE(SUM(reminders_sent), 0) AS c
				FROM invitations WHERE org_id = ? AND status IN ('sent', 'started') AND expires_at > ?`, soon, o.id, now).Scan(&c).Error
			out.Waiting, out.ExpiringSoon, out.RemindersSent = c.A, c.B, c.C
			return err
		}},
		{"expiring invitations", func() error {
			return db.Raw(`SELECT i.person_id, p.name, i.expires_at AS at, i.status FROM invitations i
				JOIN people p ON p.id = i.person_id
				WHERE i.org_id = ? AND i.status IN ('sent', 'started') AND i.expires_at > ? AND i.expires_at <= ?
				ORDER BY i.expires_at, i.id LIMIT ?`, o.id, now, soon, n).Scan(&out.Expiring).Error
		}},
		{"new responses", func() error {
			return db.Raw(`SELECT COUNT(*) FROM responses WHERE org_id = ? AND view = 'self' AND submitted_at > ?`,
				o.id, q.Since.UTC()).Scan(&out.NewResponses).Error
		}},
		{"recent responses", func() error {
			return db.Raw(`SELECT r.person_id, p.name, r.submitted_at AS at, r.severity AS status, r.flag_count AS flags
				FROM responses r JOIN people p ON p.id = r.person_id
				WHERE r.org_id = ? AND r.view = 'self' AND r.submitted_at > ?
				ORDER BY r.submitted_at DESC, r.id LIMIT ?`, o.id, q.Since.UTC(), n).Scan(&out.Recent).Error
		}},
		{"flagged profiles", func() error {
			c = counts{}
			err := db.Raw(`SELECT COUNT(*) AS a, COALESCE(SUM(CASE WHEN r.severity = 'likely' THEN 1 ELSE 0 END), 0) AS b
				FROM people p JOIN responses r ON r.id = p.profile_response_id
				WHERE p.org_id = ? AND r.flag_count > 0`, o.id).Scan(&c).Error
			out.Flagged, out.FlaggedLikely = c.A, c.B
			return err
		}},
		{"flagged list", func() error {
			return db.Raw(`SELECT p.id AS person_id, p.name, r.submitted_at AS at, r.severity AS status, r.flag_count AS flags
				FROM people p JOIN responses r ON r.id = p.profile_response_id
				WHERE p.org_id = ? AND r.flag_count > 0
				ORDER BY CASE WHEN r.severity = 'likely' THEN 0 ELSE 1 END, r.submitted_at DESC, p.id LIMIT ?`, o.id, n).Scan(&out.Flags).Error
		}},
		{"people not invited", func() error {
			return db.Raw(`SELECT COUNT(*) FROM people p WHERE p.org_id = ? AND `+neverAsked("p"), o.id).Scan(&out.NotInvited).Error
		}},
		{"people not invited list", func() error {
			return db.Raw(`SELECT p.id AS person_id, p.name, p.created_at AS at FROM people p
				WHERE p.org_id = ? AND `+neverAsked("p")+`
				ORDER BY p.created_at, p.id LIMIT ?`, o.id, n).Scan(&out.Uninvited).Error
		}},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return nil, fmt.Errorf("overview: %s: %w", s.what, err)
		}
	}
	return out, nil
}
