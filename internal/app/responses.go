package app

import (
	"context"
	"fmt"
	"rolefit"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// RecordInput is a complete set of answers recorded in one call (a paper
// form, an import from another system).
type RecordInput struct {
	PersonID      string
	Questionnaire string // "id" or "id:version"
	Version       int    // 0 = as Questionnaire says, or the latest
	Answers       map[string]int
	// Language is the language the answers were given in, one the
	// questionnaire offers; "" means its source language.
	Language string
}

// RecordResponse scores and stores a complete response for a person. A
// questionnaire meant for the person's kind is their self-report (their
// profile); one meant for managers, about a staff member, is the actor's
// rating of them, stored beside the profile and never in its place. Every
// answer must be given and valid, or nothing is stored.
func (a *App) RecordResponse(ctx context.Context, act Actor, in RecordInput) (*rolefit.Response, error) {
	fields := map[string]string{}
	if in.PersonID == "" {
		fields["person_id"] = "is required"
	}
	if in.Answers == nil {
		fields["answers"] = "is required: an object of item ID to answer"
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Some fields are missing.", fields)
	}
	q, err := a.FindQuestionnaire(in.Questionnaire, in.Version)
	if err != nil {
		return nil, err
	}
	org := a.scope(act)
	p, o, err := org.PersonWithOrganisation(ctx, in.PersonID)
	if errs.Code(err) == errs.CodeNotFound {
		return nil, noSuchPerson()
	}
	if err != nil {
		return nil, err
	}
	view, err := viewOf(q, p)
	if err != nil {
		return nil, err
	}
	lang, err := answeredIn(q, in.Language)
	if err != nil {
		return nil, err
	}
	resp := assess.Response{Answers: in.Answers}
	if fe := assess.ValidateResponse(q, resp, true); fe != nil {
		return nil, errs.InvalidFields("Some answers are missing or not allowed; nothing was stored.", fe)
	}
	opt, err := a.scoringOptions(ctx, org, o, q, lang)
	if err != nil {
		return nil, err
	}
	scored, err := store.ScoredFrom(assess.Score(q, resp, opt))
	if err != nil {
		return nil, err
	}
	nr := store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
		QuestionnaireHash: q.Hash, Answers: in.Answers, View: view, Scored: scored, Language: lang}
	if view == rolefit.ViewManager {
		nr.RatedBy = act.Audit.Name
	}
	return org.RecordResponse(ctx, nr, act.Audit)
}

// viewOf decides whose view a response to q about p is: p's own when q is
// for p's kind; a manager's rating when q is for managers and p is staff.
func viewOf(q *assess.Questionnaire, p *rolefit.Person) (string, error) {
	switch {
	case q.IsFor(string(p.Kind)):
		return rolefit.ViewSelf, nil
	case p.Kind == rolefit.Staff && q.IsFor(assess.AudienceManager):
		return rolefit.ViewManager, nil
	}
	return "", errs.InvalidFields("That questionnaire is not for this person.",
		map[string]string{"questionnaire": fmt.Sprintf("%s is not for %s", q, aOrAn(string(p.Kind)))})
}

// SubmitInvitation turns the answers a respondent saved through their link
// into a response, scored and stored in one transaction with the
// invitation closed. Unanswered statements are an invalid error naming
// them; a second submission (another tab) is a conflict.
//
// The response is recorded as answered in lang, and compared with the
// earlier responses in lang (or every language, once they are pooled).
func (a *App) SubmitInvitation(ctx context.Context, r *store.Respondent, q *assess.Questionnaire, lang string) (*rolefit.Response, error) {
	org := a.st.Scope(r.Inv.OrgID)
	opt, err := a.scoringOptions(ctx, org, r.Org, q, lang)
	if err != nil {
		return nil, err
	}
	return r.Submit(ctx, len(q.Pages), lang, func(answers map[string]int, secs []float64) (store.Scored, error) {
		resp := assess.Response{Answers: answers, PageSeconds: secs}
		if fe := assess.ValidateResponse(q, resp, true); fe != nil {
			return store.Scored{}, errs.InvalidFields("Some statements are not answered yet.", fe)
		}
		return store.ScoredFrom(assess.Score(q, resp, opt))
	})
}

func aOrAn(word string) string {
	if word != "" && (word[0] == 'a' || word[0] == 'e' || word[0] == 'i' || word[0] == 'o' || word[0] == 'u') {
		return "an " + word
	}
	return "a " + word
}

// namedPerson returns the person a request body names in person_id. An
// unknown one is bad input in that field, not a missing page.
func namedPerson(ctx context.Context, org *store.Scope, id string) (*rolefit.Person, error) {
	p, err := org.Person(ctx, id)
	if errs.Code(err) == errs.CodeNotFound {
		return nil, noSuchPerson()
	}
	return p, err
}

func noSuchPerson() error {
	return errs.InvalidFields("There is no such person.", map[string]string{"person_id": "is not a person of your organisation"})
}

// scoringOptions are the organisation's references for scoring a response
// to q, with its profile cut. Pages and the API place a stored response
// again with the cut of the day (assess.Classify), so the class stored
// with a response is only the class it had when it was scored.
//
// known is the organisation when the caller has just read it (with the
// person, or with the link's invitation); nil reads it.
func (a *App) scoringOptions(ctx context.Context, org *store.Scope, known *rolefit.Organisation, q *assess.Questionnaire, lang string) (assess.Options, error) {
	opt, err := a.refs.options(ctx, org, q, lang)
	if err != nil {
		return opt, err
	}
	o := known
	if o == nil {
		if o, err = org.Get(ctx); err != nil {
			return opt, err
		}
	}
	cut := o.ProfileCut
	opt.Cut = &cut
	return opt, nil
}
