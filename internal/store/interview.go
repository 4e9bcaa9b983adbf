package store

import (
	"context"
	"fmt"
	"rolefit"
)

// LatestInterviews returns each person's newest interview ratings (a
// response of view "interview") in the organisation, ordered by person:
// what the local validity reads as the interview criterion.
func (o *Scope) LatestInterviews(ctx context.Context) ([]rolefit.Response, error) {
	var rows []responseRow
	err := o.s.reader(ctx).Raw(`SELECT r.* FROM responses r
		WHERE r.org_id = ? AND r.view = ? AND NOT EXISTS (
			SELECT 1 FROM responses n WHERE n.person_id = r.person_id AND n.view = r.view
			AND (n.submitted_at > r.submitted_at OR (n.submitted_at = r.submitted_at AND n.id > r.id)))
		ORDER BY r.person_id`, o.id, rolefit.ViewInterview).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("latest interviews: %w", err)
	}
	out := make([]rolefit.Response, len(rows))
	for i := range rows {
		if out[i], err = rows[i].decode(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
