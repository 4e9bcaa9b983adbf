package store

import (
	"context"
	"encoding/json"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"
)

// jobAnswersRow is a job questionnaire's answers as stored: the answers
// as JSON.
type jobAnswersRow struct {
	ID                      string
	OrgID                   string
	RoleID                  string
	JobQuestionnaireID      string
	JobQuestionnaireVersion int
	Answerer                string
	Answers                 string
	RecordedBy              string
	CreatedAt               time.Time
}

func (jobAnswersRow) TableName() string { return "role_job_answers" }

// AddJobAnswers stores one answerer's answers to a job questionnaire
// about one of the organisation's roles (another organisation's role is
// not found).
func (o *Scope) AddJobAnswers(ctx context.Context, ja rolefit.JobAnswers, by rolefit.Actor) (*rolefit.JobAnswers, error) {
	a, err := json.Marshal(ja.Answers)
	if err != nil {
		return nil, err
	}
	ja.ID, ja.OrgID, ja.RecordedBy, ja.CreatedAt = newID(), o.id, by.Name, o.s.now()
	err = o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, ja.RoleID)
		if err != nil {
			return err
		}
		row := jobAnswersRow{ID: ja.ID, OrgID: o.id, RoleID: r.ID, JobQuestionnaireID: ja.JobQuestionnaireID,
			JobQuestionnaireVersion: ja.JobQuestionnaireVersion, Answerer: ja.Answerer, Answers: string(a),
			RecordedBy: ja.RecordedBy, CreatedAt: ja.CreatedAt}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("store job answers: %w", err)
		}
		return o.audit(tx, by, "job_answers", "role", r.ID, fmt.Sprintf("%s v%d by %s", ja.JobQuestionnaireID, ja.JobQuestionnaireVersion, ja.Answerer))
	})
	if err != nil {
		return nil, err
	}
	return &ja, nil
}

// JobAnswers lists the answers to job questionnaires about a role, oldest
// first.
func (o *Scope) JobAnswers(ctx context.Context, roleID string) ([]rolefit.JobAnswers, error) {
	var rows []jobAnswersRow
	if err := o.scope(o.s.reader(ctx)).Where("role_id = ?", roleID).Order("created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read job answers: %w", err)
	}
	out := make([]rolefit.JobAnswers, len(rows))
	for i, r := range rows {
		out[i] = rolefit.JobAnswers{ID: r.ID, OrgID: r.OrgID, RoleID: r.RoleID, JobQuestionnaireID: r.JobQuestionnaireID,
			JobQuestionnaireVersion: r.JobQuestionnaireVersion, Answerer: r.Answerer, RecordedBy: r.RecordedBy, CreatedAt: r.CreatedAt}
		if err := json.Unmarshal([]byte(r.Answers), &out[i].Answers); err != nil {
			return nil, fmt.Errorf("job answers %s: %w", r.ID, err)
		}
	}
	return out, nil
}

// DiscardJobAnswers deletes every answer to a job questionnaire about a
// role: the manager discards the proposal they make.
func (o *Scope) DiscardJobAnswers(ctx context.Context, roleID string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, roleID)
		if err != nil {
			return err
		}
		res := o.scope(tx).Where("role_id = ?", r.ID).Delete(&jobAnswersRow{})
		if res.Error != nil {
			return fmt.Errorf("discard job answers: %w", res.Error)
		}
		return o.audit(tx, by, "discard_job_answers", "role", r.ID, fmt.Sprintf("%d answer sets", res.RowsAffected))
	})
}
