package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// ProfiledPerson is a person with every score of their profile (their
// latest self-report): what placement reads.
type ProfiledPerson struct {
	ID                   string
	Name                 string
	Kind                 PersonKind
	CurrentRoleID        *string
	QuestionnaireID      string
	QuestionnaireVersion int
	// Scores holds the profile's facets and composites.
	Scores []ScoreRow `gorm:"-"`
}

// ProfiledPeople returns everyone in the organisation who has a profile,
// in the order they were added, with their profile's score rows. It reads
// the rows in batches, so a team of thousands costs a few queries.
func (o *Org) ProfiledPeople(ctx context.Context) ([]ProfiledPerson, error) {
	return o.profiled(ctx, "")
}

// ProfiledPerson returns one person with their profile's score rows; a
// person without a profile comes back with no scores.
func (o *Org) ProfiledPerson(ctx context.Context, id string) (*ProfiledPerson, error) {
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
func (o *Org) profiled(ctx context.Context, id string) ([]ProfiledPerson, error) {
	db := o.s.reader(ctx)
	only := func(q *gorm.DB) *gorm.DB {
		if id != "" {
			return q.Where("people.id = ?", id)
		}
		return q
	}
	var ps []ProfiledPerson
	err := only(db.Table("people").
		Select("people.id, people.name, people.kind, people.current_role_id, r.questionnaire_id, r.questionnaire_version").
		Joins("JOIN responses r ON r.id = people.profile_response_id").
		Where("people.org_id = ?", o.id)).
		Order("people.created_at, people.id").Scan(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("list profiled people: %w", err)
	}
	if len(ps) == 0 {
		return ps, nil
	}
	var refs []struct{ ID, ProfileResponseID string }
	if err := only(o.scope(db.Model(&Person{})).Where("profile_response_id IS NOT NULL")).
		Select("people.id, people.profile_response_id").Scan(&refs).Error; err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	byResponse := map[string]string{}
	ids := make([]string, 0, len(refs))
	for _, r := range refs {
		byResponse[r.ProfileResponseID] = r.ID
		ids = append(ids, r.ProfileResponseID)
	}
	rows := map[string][]ScoreRow{}
	for chunk := range chunks(ids, 500) {
		var got []ScoreRow
		if err := o.scope(db).Where("response_id IN ?", chunk).Order("response_id, scale_id").Find(&got).Error; err != nil {
			return nil, fmt.Errorf("read profile scores: %w", err)
		}
		for _, r := range got {
			person := byResponse[r.ResponseID]
			rows[person] = append(rows[person], r)
		}
	}
	for i := range ps {
		ps[i].Scores = rows[ps[i].ID]
	}
	return ps, nil
}
