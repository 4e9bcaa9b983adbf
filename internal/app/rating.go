package app

import (
	"context"
	"rolefit"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
)

// RatingForm is what a manager needs to rate a staff member on the web:
// the person and the questionnaire managers answer about them.
type RatingForm struct {
	Person        *rolefit.Person
	Questionnaire *assess.Questionnaire
}

// RatingForm returns the person and the latest questionnaire meant for
// managers, for rating them. Only staff are rated by a manager: for a
// candidate it is a conflict (there is nothing a manager has seen them do
// at work). Another organisation's person is not found.
func (a *App) RatingForm(ctx context.Context, act Actor, personID string) (*RatingForm, error) {
	p, err := a.scope(act).Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	if p.Kind != rolefit.Staff {
		return nil, errs.Conflict("%s is a %s: a manager's rating is only for staff members.", p.Name, p.Kind)
	}
	q := a.managerQuestionnaire()
	if q == nil {
		return nil, errs.Conflict("No installed questionnaire is meant for a manager's rating.")
	}
	return &RatingForm{Person: p, Questionnaire: q}, nil
}

// managerQuestionnaire is the latest version of the first questionnaire
// (by ID) that a manager answers about a staff member: one for managers
// and not for staff, so that RecordResponse takes it as the manager's view
// and never as the person's own.
func (a *App) managerQuestionnaire() *assess.Questionnaire {
	var found *assess.Questionnaire
	for _, q := range a.cat.All() { // ordered by ID, then version
		if !q.IsFor(assess.AudienceManager) || q.IsFor(assess.AudienceStaff) {
			continue
		}
		if found != nil && found.ID != q.ID {
			break
		}
		found = q
	}
	return found
}

// RateStaff records a manager's complete rating of a staff member with
// the questionnaire RatingForm gives, through RecordResponse: it is stored
// as the actor's rating beside the profile, never in its place. Every
// statement must be answered, or nothing is stored and the error names
// each unanswered one ("answers.ITEM").
func (a *App) RateStaff(ctx context.Context, act Actor, personID string, answers map[string]int) (*rolefit.Response, error) {
	f, err := a.RatingForm(ctx, act, personID)
	if err != nil {
		return nil, err
	}
	if answers == nil {
		answers = map[string]int{}
	}
	return a.RecordResponse(ctx, act, RecordInput{PersonID: f.Person.ID, Questionnaire: f.Questionnaire.ID,
		Version: f.Questionnaire.Version, Answers: answers})
}
