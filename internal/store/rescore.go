package store

import (
	"context"
	"encoding/json"
	"fmt"
	"rolefit"

	"gorm.io/gorm"
)

// StoredAnswers is the record of one response: what rescoring reads.
type StoredAnswers struct {
	ID                   string
	OrgID                string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	ScoringVersion       int
	Language             string
	Answers              map[string]int
	PageSeconds          []float64
}

// OutdatedResponses returns up to limit responses, in ID order after
// afterID, whose stored result was made by scoring rules older than
// version: the ones a rescore must redo. Interview ratings are not scored
// by those rules and are never among them.
func (s *Store) OutdatedResponses(ctx context.Context, version int, afterID string, limit int) ([]StoredAnswers, error) {
	var rows []struct {
		ID, OrgID, QuestionnaireID, QuestionnaireHash, Language string
		QuestionnaireVersion, ScoringVersion                    int
		Answers, PageSeconds                                    string
	}
	err := s.reader(ctx).Raw(`SELECT id, org_id, questionnaire_id, questionnaire_version, questionnaire_hash, scoring_version,
			language, answers, page_seconds FROM responses WHERE scoring_version < ? AND view <> ? AND id > ? ORDER BY id LIMIT ?`,
		version, rolefit.ViewInterview, afterID, limit).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read responses to rescore: %w", err)
	}
	out := make([]StoredAnswers, len(rows))
	for i, r := range rows {
		out[i] = StoredAnswers{ID: r.ID, OrgID: r.OrgID, QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion,
			QuestionnaireHash: r.QuestionnaireHash, ScoringVersion: r.ScoringVersion, Language: r.Language}
		if out[i].Answers, err = decodeAnswers(r.Answers); err != nil {
			return nil, fmt.Errorf("response %s: answers: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(r.PageSeconds), &out[i].PageSeconds); err != nil {
			return nil, fmt.Errorf("response %s: page seconds: %w", r.ID, err)
		}
	}
	return out, nil
}

// CountOutdated counts the responses whose result was made by scoring
// rules older than version, interview ratings left out.
func (s *Store) CountOutdated(ctx context.Context, version int) (int64, error) {
	var n int64
	err := s.reader(ctx).Model(&responseRow{}).Where("scoring_version < ? AND view <> ?", version, rolefit.ViewInterview).Count(&n).Error
	return n, err
}

// Rescored is a response scored again from its raw answers.
type Rescored struct {
	ID     string
	Scored Scored
}

// SaveRescored replaces the stored results and score rows of an
// organisation's responses with new ones, in one transaction, and records
// in the audit log how many were rescored and by which rules. The answers,
// the record, are not touched.
func (o *Scope) SaveRescored(ctx context.Context, rs []Rescored, by rolefit.Actor, rules string) error {
	if len(rs) == 0 {
		return nil
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		for _, r := range rs {
			var row responseRow
			if err := o.scope(tx).Where("id = ?", r.ID).Take(&row).Error; err != nil {
				return fmt.Errorf("rescore response %s: %w", r.ID, err)
			}
			resp := rolefit.Response{ID: row.ID, OrgID: row.OrgID, QuestionnaireID: row.QuestionnaireID, QuestionnaireVersion: row.QuestionnaireVersion,
				Language: row.Language}
			sc := r.Scored
			err := tx.Model(&responseRow{}).Where("id = ?", r.ID).Updates(map[string]any{
				"result": string(sc.Result), "flag_count": sc.FlagCount,
				"severity": sc.Severity, "scoring_version": sc.ScoringVersion}).Error
			if err != nil {
				return fmt.Errorf("rescore response %s: %w", r.ID, err)
			}
			if err := tx.Where("response_id = ?", r.ID).Delete(&ScoreRow{}).Error; err != nil {
				return fmt.Errorf("rescore response %s: %w", r.ID, err)
			}
			if err := insertScoreRows(tx, &resp, sc.Scores); err != nil {
				return err
			}
		}
		return o.audit(tx, by, "rescore", "responses", "", fmt.Sprintf("%d responses scored again with %s", len(rs), rules))
	})
}
