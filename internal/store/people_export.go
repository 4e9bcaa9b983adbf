package store

import (
	"context"
	"fmt"
	"rolefit"
)

// ExportedPerson is one row of the people export: a person, the summary of
// their profile (their latest self-report) and its facet and composite
// score rows, none when they have no profile yet.
type ExportedPerson struct {
	PersonProfile
	Scores []ScoreRow
}

// ExportPeople returns every person of the organisation in the order they
// were added, with their profile's summary and score rows; earlier is the
// people list's earlier-applicant filter (empty leaves them out,
// EarlierInclude keeps them, EarlierOnly exports them alone). It reads two
// queries' worth of columns and score rows and never decodes a stored
// result document, so exporting thousands of people stays quick.
func (o *Scope) ExportPeople(ctx context.Context, earlier string) ([]ExportedPerson, error) {
	db := o.s.reader(ctx)
	var ps []PersonProfile
	err := o.filterPeople(db.Table("people").Where("people.org_id = ?", o.id).
		Joins("LEFT JOIN responses r ON r.id = people.profile_response_id"), PeopleQuery{Earlier: earlier}).
		Select(personProfileColumns).
		Order("people.created_at, people.id").Scan(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("export people: %w", err)
	}
	// Joining on the people's profile responses reads only the profiles'
	// rows, not the organisation's earlier responses and ratings. The rows
	// are scanned by hand: GORM's reflection took most of the time of an
	// export of 10,000 people.
	rs, err := db.Raw(`SELECT s.response_id, s.scale_id, s.kind, s.score FROM people p
		JOIN response_scores s ON s.response_id = p.profile_response_id
		WHERE p.org_id = ?`, o.id).Rows()
	if err != nil {
		return nil, fmt.Errorf("export profile scores: %w", err)
	}
	defer rs.Close()
	var rows []ScoreRow
	for rs.Next() {
		r := ScoreRow{OrgID: o.id}
		if err := rs.Scan(&r.ResponseID, &r.ScaleID, &r.Kind, &r.Score); err != nil {
			return nil, fmt.Errorf("export profile scores: %w", err)
		}
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("export profile scores: %w", err)
	}
	by := make(map[string][]ScoreRow, len(ps))
	for _, r := range rows {
		by[r.ResponseID] = append(by[r.ResponseID], r)
	}
	out := make([]ExportedPerson, len(ps))
	for i, p := range ps {
		out[i].PersonProfile = p
		if p.ProfileResponseID != nil {
			out[i].Scores = by[*p.ProfileResponseID]
			out[i].Composites = map[string]*float64{}
			for _, r := range out[i].Scores {
				if r.Kind == ScaleComposite {
					out[i].Composites[r.ScaleID] = r.Score
				}
			}
		}
	}
	return out, nil
}

// PersonAudit returns the organisation's audit entries about one person
// (who viewed, exported or changed their data, and when), oldest first:
// what a data-access request asks about the use of the data.
func (o *Scope) PersonAudit(ctx context.Context, personID string) ([]rolefit.AuditEntry, error) {
	if err := o.s.FlushAudit(ctx); err != nil { // queued views belong in it too
		return nil, err
	}
	var es []rolefit.AuditEntry
	err := o.scope(o.s.reader(ctx)).Where("subject_type = ? AND subject_id = ?", "person", personID).
		Order("created_at, id").Find(&es).Error
	if err != nil {
		return nil, fmt.Errorf("read person's audit entries: %w", err)
	}
	return es, nil
}
