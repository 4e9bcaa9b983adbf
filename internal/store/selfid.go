package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"rolefit/internal/errs"
)

// selfIDRow is a self-identification as stored. The table is apart from
// scores and profiles; nothing that reads a person reads it, and the
// adverse-impact report reads it only to count.
type selfIDRow struct {
	PersonID      string `gorm:"primaryKey"`
	OrgID         string
	Sex           string
	RaceEthnicity string
	Age40OrOver   string `gorm:"column:age_40_or_over"`
	UpdatedAt     time.Time
}

func (selfIDRow) TableName() string { return "self_identifications" }

// SetSelfIdentification stores what a person chose to say about
// themselves, replacing what they said before. A staff member may only be
// asked where the organisation allows it (Settings.SelfIDForStaff). The
// audit entry says that it was given, never what.
func (o *Scope) SetSelfIdentification(ctx context.Context, s rolefit.SelfIdentification, by rolefit.Actor) error {
	s, fields := s.Clean()
	if len(fields) > 0 {
		return errs.InvalidFields("Please correct the highlighted fields.", fields)
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, s.PersonID)
		if err != nil {
			return err
		}
		if p.Kind == rolefit.Staff {
			org, err := takeRaw[rolefit.Organisation](tx, "organisation", "id = ?", o.id)
			if err != nil {
				return err
			}
			if !org.SelfIDForStaff {
				return errs.InvalidFields("This organisation does not ask staff to self-identify.",
					map[string]string{"person": "is a member of staff, and self-identification of staff is not enabled in the organisation's settings"})
			}
		}
		row := selfIDRow{PersonID: p.ID, OrgID: o.id, Sex: s.Sex, RaceEthnicity: s.RaceEthnicity, Age40OrOver: s.Age40OrOver, UpdatedAt: o.s.now()}
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "person_id"}}, UpdateAll: true}).Create(&row).Error; err != nil {
			return fmt.Errorf("store self-identification: %w", err)
		}
		return o.audit(tx, by, "update", "person", p.ID, "self-identification given")
	})
}

// RecordSelfIdentifications stores many people's self-identifications in
// one transaction, all or none, as the demo's simulated applicants bring
// them. Each is checked as SetSelfIdentification checks one, but staff
// are refused outright: a batch is for candidates. One audit entry records it.
func (o *Scope) RecordSelfIdentifications(ctx context.Context, ss []rolefit.SelfIdentification, by rolefit.Actor) error {
	rows := make([]selfIDRow, len(ss))
	now := o.s.now()
	for i, s := range ss {
		s, fields := s.Clean()
		if len(fields) > 0 {
			return errs.InvalidFields(fmt.Sprintf("Self-identification %d is not right.", i+1), fields)
		}
		rows[i] = selfIDRow{PersonID: s.PersonID, OrgID: o.id, Sex: s.Sex, RaceEthnicity: s.RaceEthnicity, Age40OrOver: s.Age40OrOver, UpdatedAt: now}
	}
	if len(rows) == 0 {
		return nil
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r.PersonID
		}
		var n int64
		for chunk := range chunks(ids, 400) {
			var k int64
			if err := o.scope(tx.Model(&rolefit.Person{})).Where("id IN ? AND kind = ?", chunk, rolefit.Candidate).Count(&k).Error; err != nil {
				return fmt.Errorf("check people: %w", err)
			}
			n += k
		}
		if n != int64(len(rows)) {
			return errs.Invalid("Self-identifications can be recorded together only for the organisation's candidates, once each.")
		}
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "person_id"}}, UpdateAll: true}).CreateInBatches(rows, 200).Error; err != nil {
			return fmt.Errorf("store self-identifications: %w", err)
		}
		return o.audit(tx, by, "update", "person", rows[0].PersonID, fmt.Sprintf("%d self-identifications", len(rows)))
	})
}

// HasSelfIdentification says whether a person has answered (or declined)
// the self-identification, without reading what they said: the
// respondent's page offers it only once.
func (o *Scope) HasSelfIdentification(ctx context.Context, personID string) (bool, error) {
	var n int64
	if err := o.scope(o.s.reader(ctx)).Model(&selfIDRow{}).Where("person_id = ?", personID).Count(&n).Error; err != nil {
		return false, fmt.Errorf("read self-identification: %w", err)
	}
	return n > 0, nil
}
