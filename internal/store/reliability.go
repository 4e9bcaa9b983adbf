package store

import (
	"context"
	"fmt"
)

// QuestionnaireAnswers returns the answers of every one of the
// organisation's responses to one questionnaire version, oldest first,
// with the language of each, for its reliability page. It reads the
// answers and language columns alone: scored results and timings are not
// needed and would triple what is read.
func (o *Scope) QuestionnaireAnswers(ctx context.Context, questionnaireID string, version int) ([]map[string]int, []string, error) {
	var rows []struct {
		Answers  string
		Language string
	}
	err := o.scope(o.s.reader(ctx).Model(&responseRow{})).Select("answers, language").
		Where("questionnaire_id = ? AND questionnaire_version = ?", questionnaireID, version).
		Order("submitted_at, id").Scan(&rows).Error
	if err != nil {
		return nil, nil, fmt.Errorf("read answers: %w", err)
	}
	out := make([]map[string]int, len(rows))
	langs := make([]string, len(rows))
	for i, r := range rows {
		if out[i], err = decodeAnswers(r.Answers); err != nil {
			return nil, nil, fmt.Errorf("read answers: %w", err)
		}
		langs[i] = r.Language
	}
	return out, langs, nil
}

// ResponseCount is how many responses an organisation has to one
// questionnaire version.
type ResponseCount struct {
	QuestionnaireID      string
	QuestionnaireVersion int
	N                    int
}

// ResponseCounts counts the organisation's responses per questionnaire
// version.
func (o *Scope) ResponseCounts(ctx context.Context) ([]ResponseCount, error) {
	var out []ResponseCount
	err := o.scope(o.s.reader(ctx).Model(&responseRow{})).
		Select("questionnaire_id, questionnaire_version, COUNT(*) AS n").
		Group("questionnaire_id, questionnaire_version").
		Order("questionnaire_id, questionnaire_version").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("count responses: %w", err)
	}
	return out, nil
}

// CountResponses counts the organisation's responses to one questionnaire
// version: what the reliability page computes over and a new response's
// percentiles compare it with. One range of the responses_org_questionnaire
// index.
func (o *Scope) CountResponses(ctx context.Context, questionnaireID string, version int) (int, error) {
	var n int64
	err := o.scope(o.s.reader(ctx).Model(&responseRow{})).
		Where("questionnaire_id = ? AND questionnaire_version = ?", questionnaireID, version).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count responses: %w", err)
	}
	return int(n), nil
}
