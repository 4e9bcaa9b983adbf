package app

import (
	"context"
	"rolefit"
	"slices"
	"strconv"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
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
		return nil, &QuestionnaireGone{Org: r.Org.Name,
			Err: errs.Conflict("This questionnaire is no longer available on %s's rolefit. Please tell them.", r.Org.Name)}
	}
	return &Respondent{a: a, r: r, Questionnaire: q}, nil
}

// QuestionnaireGone is the conflict of a link whose questionnaire version
// is no longer installed, with the organisation to tell.
type QuestionnaireGone struct {
	Org string
	Err error
}

func (e *QuestionnaireGone) Error() string { return e.Err.Error() }

// Unwrap returns the conflict.
func (e *QuestionnaireGone) Unwrap() error { return e.Err }

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

// Languages are the languages the respondent may answer in, the
// questionnaire's source first.
func (rs *Respondent) Languages() []string { return rs.a.Offered(rs.Questionnaire) }

// Language is the language of the respondent's pages: the one the manager
// chose for the invitation, else the one the respondent chose (or agreed
// in), else the first of acceptLanguage (the browser's Accept-Language)
// the questionnaire offers, else the organisation's, else the
// questionnaire's source language.
func (rs *Respondent) Language(acceptLanguage string) string {
	offered := rs.Languages()
	for _, l := range []string{rs.r.Inv.Language, rs.r.Inv.ChosenLanguage} {
		if l != "" && slices.Contains(offered, l) {
			return l
		}
	}
	if l, ok := i18n.Match(acceptLanguage, offered); ok {
		return l
	}
	if slices.Contains(offered, rs.r.Org.Language) {
		return rs.r.Org.Language
	}
	if len(offered) > 0 {
		return offered[0]
	}
	return rs.Questionnaire.Language
}

// CanChooseLanguage reports whether the respondent may still choose the
// language: the manager did not, they have not agreed to take part yet,
// and there is more than one.
func (rs *Respondent) CanChooseLanguage() bool {
	return rs.r.Inv.Language == "" && !rs.Consented() && len(rs.Languages()) > 1
}

// ChooseLanguage keeps the respondent's choice of language for the
// invitation, so the link opens in it on any device.
func (rs *Respondent) ChooseLanguage(ctx context.Context, lang string) error {
	if err := rs.a.checkLanguage(rs.Questionnaire, "lang", lang); err != nil {
		return err
	}
	if rs.r.Inv.Language != "" {
		return errs.Conflict("The language of this questionnaire was chosen by %s.", rs.r.Org.Name)
	}
	return rs.r.ChooseLanguage(ctx, lang)
}

// In returns the questionnaire with its texts in lang.
func (rs *Respondent) In(lang string) *assess.Questionnaire {
	if q, ok := rs.Questionnaire.In(lang); ok {
		return q
	}
	return rs.Questionnaire
}

// Printer writes the respondent's pages in lang, dates in the
// organisation's time zone.
func (rs *Respondent) Printer(lang string) *i18n.Printer {
	return rs.a.msgs.Printer(lang, zoneOf(rs.r.Org.TimeZone))
}

// ConsentText is the statement a respondent agrees to, in lang: the
// questionnaire's own when it has one, else rolefit's. It is stored with
// the consent, word for word.
func (rs *Respondent) ConsentText(lang string) string {
	if c := rs.In(lang).ConsentIn(rs.r.Org.Name); c != "" {
		return c
	}
	return rs.Printer(lang).T("consent.statement", rs.r.Org.Name)
}

// Consent records that the person agreed to ConsentText in lang, which
// then stays the invitation's language (unless the manager chose one);
// agreeing again changes nothing.
func (rs *Respondent) Consent(ctx context.Context, lang string) error {
	if rs.Consented() {
		return nil
	}
	return rs.r.Consent(ctx, rs.ConsentText(lang), lang)
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
// transaction that closes the invitation (SubmitInvitation). The response
// is in the language the invitation was answered in (lang, the pages'
// language, for an invitation agreed to before languages were kept).
func (rs *Respondent) Submit(ctx context.Context, lang string) (*rolefit.Response, error) {
	if l := rs.r.Inv.AnsweredIn(); l != "" {
		lang = l
	}
	return rs.a.SubmitInvitation(ctx, rs.r, rs.Questionnaire, lang)
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
