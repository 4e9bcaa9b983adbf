package app

import (
	"context"
	"fmt"
	"rolefit"
	"strconv"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// The respondent's side: a person answering an invitation through its
// link, from the welcome page and consent through saved pages and
// answers to the submission. The link's token is their only credential.

// Respondent is a person answering an invitation: the invitation, the
// person, their organisation and the questionnaire version they were
// invited to.
type Respondent struct {
	a *App
	r *store.Respondent
	// Questionnaire is the version invited to.
	Questionnaire *assess.Questionnaire
}

// Respondent finds the invitation of a link's token. An unknown token is
// "not found" with a message for the person holding the link; an
// invitation whose questionnaire version is no longer installed is a
// conflict that says whom to tell.
func (a *App) Respondent(ctx context.Context, token string) (*Respondent, error) {
	r, err := a.st.Respondent(ctx, token)
	if errs.Code(err) == errs.CodeNotFound {
		return nil, &errs.Error{Code: errs.CodeNotFound,
			Message: "This link is not valid. Check that you copied all of it, or ask whoever sent it for a new one."}
	}
	if err != nil {
		return nil, err
	}
	q, ok := a.cat.Get(r.Inv.QuestionnaireID, r.Inv.QuestionnaireVersion)
	if !ok || q.Hash != r.Inv.QuestionnaireHash {
		return nil, errs.Conflict("This questionnaire is no longer available on %s's rolefit. Please tell them.", r.Org.Name)
	}
	return &Respondent{a: a, r: r, Questionnaire: q}, nil
}

// Invitation is the invitation answered.
func (rs *Respondent) Invitation() *rolefit.Invitation { return rs.r.Inv }

// Person is the person answering.
func (rs *Respondent) Person() *rolefit.Person { return rs.r.Person }

// Organisation is the organisation that invited them.
func (rs *Respondent) Organisation() *rolefit.Organisation { return rs.r.Org }

// State is where the invitation stands now.
func (rs *Respondent) State() rolefit.InvitationStatus { return rs.r.State() }

// Open reports whether the invitation still takes answers.
func (rs *Respondent) Open() bool {
	s := rs.State()
	return s == rolefit.InvitationSent || s == rolefit.InvitationStarted
}

// Consented reports whether the person has agreed to how their answers
// are used.
func (rs *Respondent) Consented() bool { return rs.r.Inv.ConsentedAt != nil }

// ConsentText is the statement a respondent agrees to; it is stored with
// the consent, word for word.
func (rs *Respondent) ConsentText() string {
	return fmt.Sprintf("I have read how my answers are used and kept, and I agree to answer this questionnaire for %s.", rs.r.Org.Name)
}

// Consent records that the person agreed to ConsentText; agreeing again
// changes nothing.
func (rs *Respondent) Consent(ctx context.Context) error {
	if rs.Consented() {
		return nil
	}
	return rs.r.Consent(ctx, rs.ConsentText())
}

// Drafts returns the answers saved so far, by item ID.
func (rs *Respondent) Drafts(ctx context.Context) (map[string]int, error) { return rs.r.Drafts(ctx) }

// ResumePage is the first page (from 0) with a statement not answered in
// answers, or -1 when every statement has an answer.
func (rs *Respondent) ResumePage(answers map[string]int) int {
	for p, page := range rs.Questionnaire.Pages {
		for _, it := range page.Items {
			if _, ok := answers[it.ID]; !ok {
				return p
			}
		}
	}
	return -1
}

// PageShown starts the clock on page (from 0) for the speed check.
func (rs *Respondent) PageShown(ctx context.Context, page int) error {
	return rs.r.PageShown(ctx, page)
}

// SavePage saves answers given on page (from 0), already checked with
// ReadAnswers, and adds the time since the page was shown to it.
func (rs *Respondent) SavePage(ctx context.Context, page int, answers map[string]int) error {
	return rs.r.SaveAnswers(ctx, answers, page)
}

// SaveAnswer saves one answer as it is given (a click on the page), read
// from the text sent: the item must be the questionnaire's, the answer a
// whole number it allows, and the invitation open.
func (rs *Respondent) SaveAnswer(ctx context.Context, item, value string) (int, error) {
	q := rs.Questionnaire
	if _, ok := q.Item(item); !ok {
		return 0, errs.InvalidFields("That is not a statement of this questionnaire.", map[string]string{"item": "is not an item of " + q.String()})
	}
	v, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil {
		return 0, errs.InvalidFields("The answer must be a whole number.", map[string]string{"answers." + item: "must be a whole number"})
	}
	answers := map[string]int{item: v}
	if fe := assess.ValidateResponse(q, assess.Response{Answers: answers}, false); fe != nil {
		return 0, errs.InvalidFields("That answer is not allowed.", fe)
	}
	if s := rs.State(); !rs.Open() {
		return 0, errs.Conflict("This invitation is %s; the answer was not saved.", s)
	}
	return v, rs.r.SaveAnswers(ctx, answers, -1)
}

// Submit scores and stores the saved answers as a response, in one
// transaction that closes the invitation (SubmitInvitation).
func (rs *Respondent) Submit(ctx context.Context) (*rolefit.Response, error) {
	return rs.a.SubmitInvitation(ctx, rs.r, rs.Questionnaire)
}

// ClosedError says why an invitation in state s no longer takes answers.
func ClosedError(s rolefit.InvitationStatus) error { return store.ClosedError(s) }

// ReadAnswers reads the chosen answers to items from a form, whose value
// for an item ID is form(id): answers that cannot be read or are not
// allowed come back as messages by item ID (bad), statements left
// unanswered in missing, the rest in answers. The respondent's pages and
// the manager's rating form both read this way.
func ReadAnswers(q *assess.Questionnaire, items []assess.Item, form func(id string) string) (answers map[string]int, bad, missing map[string]string) {
	answers, bad, missing = map[string]int{}, map[string]string{}, map[string]string{}
	for _, it := range items {
		raw := strings.TrimSpace(form(it.ID))
		if raw == "" {
			missing[it.ID] = "Please choose an answer."
			continue
		}
		v, err := strconv.Atoi(raw)
		if err != nil {
			bad[it.ID] = "That answer could not be read. Please choose again."
			continue
		}
		answers[it.ID] = v
	}
	for k, msg := range assess.ValidateResponse(q, assess.Response{Answers: answers}, false) {
		id := strings.TrimPrefix(k, "answers.")
		bad[id] = "That answer " + msg + ". Please choose again."
		delete(answers, id)
	}
	return answers, bad, missing
}
