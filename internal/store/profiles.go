package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"
)

// ProfiledPerson is a person with every score of their profile (their
// latest self-report): what placement reads.
type ProfiledPerson struct {
	ID                   string
	Name                 string
	Kind                 rolefit.PersonKind
	CurrentRoleID        *string
	QuestionnaireID      string
	QuestionnaireVersion int
	// ProfileAt is when the profile's response was given.
	ProfileAt time.Time
	// Severity is the profile's quality flags' severity ("likely",
	// "look" or ""), and LookedAt when a manager looked at answers flagged
	// likely careless (nil before).
	Severity string
	LookedAt *time.Time
	// Scores holds the profile's facets and composites: scale, kind,
	// score and percentile (the rows' other fields are left empty).
	Scores []ScoreRow `gorm:"-"`
}

// ProfiledPeople returns everyone in the organisation who has a profile,
// in the order they were added, with their profile's score rows: two
// queries, however many people there are.
func (o *Scope) ProfiledPeople(ctx context.Context) ([]ProfiledPerson, error) {
	return o.profiled(ctx, "")
}

// ProfiledPerson returns one person with their profile's score rows; a
// person without a profile comes back with no scores.
func (o *Scope) ProfiledPerson(ctx context.Context, id string) (*ProfiledPerson, error) {
	ps, err := o.profiled(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 1 {
		return &ps[0], nil
	}
	p, err := o.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	return &ProfiledPerson{ID: p.ID, Name: p.Name, Kind: p.Kind, CurrentRoleID: p.CurrentRoleID}, nil
}

// profiled reads the people with a profile, only the one with ID id when
// id is not "".
func (o *Scope) profiled(ctx context.Context, id string) ([]ProfiledPerson, error) {
	db := o.s.reader(ctx)
	only := func(q *gorm.DB) *gorm.DB {
		if id != "" {
			return q.Where("people.id = ?", id)
		}
		return q
	}
	var ps []ProfiledPerson
	err := only(db.Table("people").
		Select("people.id, people.name, people.kind, people.current_role_id, r.questionnaire_id, r.questionnaire_version, r.submitted_at AS profile_at, r.severity, r.looked_at").
		Joins("JOIN responses r ON r.id = people.profile_response_id").
		Where("people.org_id = ?", o.id)).
		Order("people.created_at, people.id").Scan(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("list profiled people: %w", err)
	}
	if len(ps) == 0 {
		return ps, nil
	}
	// One join from the people to their profiles' rows: SQLite walks the
	// organisation's people and looks each profile's rows up by its key,
	// where "response_id IN (…)" batches led it to scan the organisation's
	// every score row once a batch.
	q := only(db.Table("people").Select("people.id, s.scale_id, s.kind, s.score, s.percentile").
		Joins("JOIN response_scores s ON s.response_id = people.profile_response_id").
		Where("people.org_id = ? AND s.org_id = ?", o.id, o.id)).
		Order("people.id, s.scale_id")
	// Scanned by hand: a team of 10,000 has some 180,000 rows, and GORM's
	// reflection per row took longer than solving the placement.
	cur, err := q.Rows()
	if err != nil {
		return nil, fmt.Errorf("read profile scores: %w", err)
	}
	defer cur.Close()
	rows := map[string][]ScoreRow{}
	for cur.Next() {
		var person string
		var r ScoreRow
		if err := cur.Scan(&person, &r.ScaleID, &r.Kind, &r.Score, &r.Percentile); err != nil {
			return nil, fmt.Errorf("read profile scores: %w", err)
		}
		rows[person] = append(rows[person], r)
	}
	if err := cur.Err(); err != nil {
		return nil, fmt.Errorf("read profile scores: %w", err)
	}
	for i := range ps {
		ps[i].Scores = rows[ps[i].ID]
	}
	return ps, nil
}
