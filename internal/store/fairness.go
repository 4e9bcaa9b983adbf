package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"
)

// FairnessRow is one person assessed in a period, as the adverse-impact
// report counts them: their self-identification ("" when they gave none),
// the stages they reached, and their score on the chosen composite in
// their latest self-report of the period.
type FairnessRow struct {
	PersonID             string
	QuestionnaireID      string
	QuestionnaireVersion int
	SubmittedAt          time.Time
	// Score is nil when no composite was asked for or the response has no
	// score on it.
	Score         *float64
	Sex           string
	RaceEthnicity string
	Age40OrOver   string
	Stages        []rolefit.Stage
}

// FairnessRows returns everyone with a submitted self-report in [from, to),
// with their latest such response's score on composite (when not "").
// It is the only read of self-identifications, and its caller reports
// them only as counts.
func (o *Scope) FairnessRows(ctx context.Context, from, to time.Time, composite string) ([]FairnessRow, error) {
	db := o.s.reader(ctx)
	var rs []struct {
		PersonID             string
		QuestionnaireID      string
		QuestionnaireVersion int
		SubmittedAt          time.Time
		Score                *float64
	}
	q := db.Table("responses r").
		Select("r.person_id, r.questionnaire_id, r.questionnaire_version, r.submitted_at, s.score").
		Joins("LEFT JOIN response_scores s ON s.response_id = r.id AND s.kind = 'composite' AND s.scale_id = ?", composite).
		Where("r.org_id = ? AND r.view = 'self' AND r.submitted_at >= ? AND r.submitted_at < ?", o.id, from, to).
		Order("r.person_id, r.submitted_at")
	if err := q.Scan(&rs).Error; err != nil {
		return nil, fmt.Errorf("read responses of the period: %w", err)
	}
	byPerson := map[string]int{}
	var out []FairnessRow
	for _, r := range rs {
		row := FairnessRow{PersonID: r.PersonID, QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion,
			SubmittedAt: r.SubmittedAt, Score: r.Score}
		if i, ok := byPerson[r.PersonID]; ok {
			out[i] = row // ordered by time: the later one wins
			continue
		}
		byPerson[r.PersonID] = len(out)
		out = append(out, row)
	}
	var ids []selfIDRow
	if err := o.scope(db).Find(&ids).Error; err != nil {
		return nil, fmt.Errorf("read self-identifications: %w", err)
	}
	for _, s := range ids {
		if i, ok := byPerson[s.PersonID]; ok {
			out[i].Sex, out[i].RaceEthnicity, out[i].Age40OrOver = s.Sex, s.RaceEthnicity, s.Age40OrOver
		}
	}
	var ocs []struct {
		PersonID string
		Stage    rolefit.Stage
	}
	if err := o.scope(db.Model(&rolefit.Outcome{})).Distinct("person_id", "stage").Scan(&ocs).Error; err != nil {
		return nil, fmt.Errorf("read outcomes: %w", err)
	}
	for _, oc := range ocs {
		if i, ok := byPerson[oc.PersonID]; ok {
			out[i].Stages = append(out[i].Stages, oc.Stage)
		}
	}
	return out, nil
}

// AnswersWithSelfID returns the answers of every self-report to one
// questionnaire version, oldest first, with the respondent's
// self-identification ("" where they gave none), for differential item
// functioning between groups. Only groups' statistics are made of it.
func (o *Scope) AnswersWithSelfID(ctx context.Context, questionnaireID string, version int) ([]map[string]int, []rolefit.SelfIdentification, error) {
	var rows []struct {
		Answers       string
		Sex           *string
		RaceEthnicity *string
		Age           *string
	}
	err := o.s.reader(ctx).Table("responses r").
		Select("r.answers, s.sex, s.race_ethnicity, s.age_40_or_over AS age").
		Joins("LEFT JOIN self_identifications s ON s.person_id = r.person_id").
		Where("r.org_id = ? AND r.view = 'self' AND r.questionnaire_id = ? AND r.questionnaire_version = ?", o.id, questionnaireID, version).
		Order("r.submitted_at, r.id").Scan(&rows).Error
	if err != nil {
		return nil, nil, fmt.Errorf("read answers with self-identification: %w", err)
	}
	given := make([]map[string]int, len(rows))
	ids := make([]rolefit.SelfIdentification, len(rows))
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	for i, r := range rows {
		if given[i], err = decodeAnswers(r.Answers); err != nil {
			return nil, nil, fmt.Errorf("read answers: %w", err)
		}
		ids[i] = rolefit.SelfIdentification{Sex: str(r.Sex), RaceEthnicity: str(r.RaceEthnicity), Age40OrOver: str(r.Age)}
	}
	return given, ids, nil
}

// SelfIDCount is how many self-reports to a questionnaire version came
// from people who gave one combination of answers ("" where they gave
// none).
type SelfIDCount struct {
	Sex, RaceEthnicity, Age40OrOver string
	N                               int
}

// SelfIDCounts counts the self-reports to one questionnaire version by
// their respondents' self-identification, without reading any answers:
// the Reliability page reads the answers again only when some pair of
// groups is large enough to compare.
func (o *Scope) SelfIDCounts(ctx context.Context, questionnaireID string, version int) ([]SelfIDCount, error) {
	var rows []struct {
		Sex, RaceEthnicity, Age *string
		N                       int
	}
	err := o.s.reader(ctx).Table("responses r").
		Select("s.sex, s.race_ethnicity, s.age_40_or_over AS age, COUNT(*) AS n").
		Joins("JOIN self_identifications s ON s.person_id = r.person_id").
		Where("r.org_id = ? AND r.view = 'self' AND r.questionnaire_id = ? AND r.questionnaire_version = ?", o.id, questionnaireID, version).
		Group("s.sex, s.race_ethnicity, s.age_40_or_over").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count self-identifications: %w", err)
	}
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	out := make([]SelfIDCount, len(rows))
	for i, r := range rows {
		out[i] = SelfIDCount{Sex: str(r.Sex), RaceEthnicity: str(r.RaceEthnicity), Age40OrOver: str(r.Age), N: r.N}
	}
	return out, nil
}
