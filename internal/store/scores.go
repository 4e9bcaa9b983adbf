package store

import (
	"context"
	"fmt"
)

// ScoreCount is how many of an organisation's responses in one language
// share one score on one scale.
type ScoreCount struct {
	Language string
	ScaleID  string
	Score    float64
	N        int
}

// ScoreDistribution returns, for one questionnaire version, how many of
// the organisation's responses in each language have each distinct score
// on each scale:
// the reference groups of its norms, without decoding any stored result.
// On SQLite they are read from score_counts, which triggers keep (see
// countScoresOnSQLite); on PostgreSQL they are counted from the score
// rows' index.
func (o *Scope) ScoreDistribution(ctx context.Context, questionnaireID string, version int) ([]ScoreCount, error) {
	q := `SELECT language, scale_id, score, COUNT(*) AS n FROM response_scores
		WHERE org_id = ? AND questionnaire_id = ? AND questionnaire_version = ? AND score IS NOT NULL
		GROUP BY language, scale_id, score ORDER BY language, scale_id, score`
	if o.s.dialect == SQLite {
		q = `SELECT language, scale_id, score, n FROM score_counts
		WHERE org_id = ? AND questionnaire_id = ? AND questionnaire_version = ? AND n > 0
		ORDER BY language, scale_id, score`
	}
	var out []ScoreCount
	if err := o.s.reader(ctx).Raw(q, o.id, questionnaireID, version).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("read score distribution: %w", err)
	}
	return out, nil
}

// RecentAnswers returns the answers of the organisation's newest responses
// to one questionnaire version, at most limit of them, newest first.
func (o *Scope) RecentAnswers(ctx context.Context, questionnaireID string, version, limit int) ([]map[string]int, error) {
	var raw []string
	err := o.scope(o.s.reader(ctx).Model(&responseRow{})).
		Where("questionnaire_id = ? AND questionnaire_version = ?", questionnaireID, version).
		Order("submitted_at DESC").Limit(limit).Pluck("answers", &raw).Error
	if err != nil {
		return nil, fmt.Errorf("read answers: %w", err)
	}
	out := make([]map[string]int, 0, len(raw))
	for _, a := range raw {
		m, err := decodeAnswers(a)
		if err != nil {
			return nil, fmt.Errorf("read answers: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// RecentAnswersIn returns the answers of the organisation's newest
// responses in one language to one questionnaire version, at most limit
// of them, newest first: what the check of each language's items against
// the others reads.
func (o *Scope) RecentAnswersIn(ctx context.Context, questionnaireID string, version int, lang string, limit int) ([]map[string]int, error) {
	var raw []string
	err := o.scope(o.s.reader(ctx).Model(&responseRow{})).
		Where("questionnaire_id = ? AND questionnaire_version = ? AND language = ?", questionnaireID, version, lang).
		Order("submitted_at DESC").Limit(limit).Pluck("answers", &raw).Error
	if err != nil {
		return nil, fmt.Errorf("read answers: %w", err)
	}
	out := make([]map[string]int, 0, len(raw))
	for _, a := range raw {
		m, err := decodeAnswers(a)
		if err != nil {
			return nil, fmt.Errorf("read answers: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// LanguageCounts counts the organisation's responses to one questionnaire
// version by the language they were answered in.
func (o *Scope) LanguageCounts(ctx context.Context, questionnaireID string, version int) (map[string]int, error) {
	var rows []struct {
		Language string
		N        int
	}
	err := o.scope(o.s.reader(ctx).Model(&responseRow{})).Select("language, COUNT(*) AS n").
		Where("questionnaire_id = ? AND questionnaire_version = ?", questionnaireID, version).
		Group("language").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count responses by language: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.Language] = r.N
	}
	return out, nil
}
