package store

import (
	"context"
	"fmt"
)

// LatestViewScores returns, for each person with at least one response of
// the given view (rolefit.ViewManager, or another view stored beside the
// profile), the score rows of their newest such response, by person ID:
// the criteria local validity reads. Two queries, however many people.
func (o *Scope) LatestViewScores(ctx context.Context, view string) (map[string][]ScoreRow, error) {
	db := o.s.reader(ctx)
	var rs []struct {
		ID, PersonID string
	}
	// Newest first, so the first of each person is theirs.
	err := o.scope(db.Model(&responseRow{})).Select("id, person_id").Where("view = ?", view).
		Order("submitted_at DESC, id DESC").Scan(&rs).Error
	if err != nil {
		return nil, fmt.Errorf("read %s responses: %w", view, err)
	}
	latest := map[string]string{} // response ID → person ID
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.PersonID] {
			seen[r.PersonID] = true
			latest[r.ID] = r.PersonID
		}
	}
	out := make(map[string][]ScoreRow, len(latest))
	if len(latest) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(latest))
	for id := range latest {
		ids = append(ids, id)
	}
	for start := 0; start < len(ids); start += 500 {
		batch := ids[start:min(start+500, len(ids))]
		var rows []ScoreRow
		err := db.Where("org_id = ? AND response_id IN ?", o.id, batch).Order("response_id, scale_id").Find(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("read %s scores: %w", view, err)
		}
		for _, r := range rows {
			out[latest[r.ResponseID]] = append(out[latest[r.ResponseID]], r)
		}
	}
	return out, nil
}
