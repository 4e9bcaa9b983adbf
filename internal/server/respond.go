package server

import (
	"errors"
	"fmt"
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
)

// The respondent's pages live under /i/TOKEN. The token is the person's
// only credential: it is unguessable and arrives in their link, so it
// also does what a CSRF token does for a signed-in user. Another site
// cannot post to /i/TOKEN/… without knowing it, and requiring a second
// token in a cookie would only risk losing a person's answers when the
// cookie is gone.

// respondent is what every respondent page starts from: the use case's
// respondent, the token of the link, for the page's addresses, and the
// language the pages are in (app.Respondent.Language), with the
// questionnaire's texts in it (q) and the printer of its messages (L).
type respondent struct {
	*app.Respondent
	token string
	lang  string
	q     *assess.Questionnaire
	L     *i18n.Printer
}

func (rs *respondent) path(suffix string) string { return "/i/" + rs.token + suffix }

// loadRespondent finds the invitation of the link and the language of its
// pages. An unknown token counts against the client's address (the token
// guard); its error, and every other error of the respondent's pages, is
// written in the language the pages are in (respondError).
func loadRespondent(c *fiber.Ctx, uc *app.App) (*respondent, error) {
	token := c.Params("token")
	r, err := uc.Respondent(c.UserContext(), token)
	switch errs.Code(err) {
	case "":
	case errs.CodeNotFound:
		markUnknownSecret(c)
		return nil, respondError(err, "error.link")
	case errs.CodeConflict:
		var gone *app.QuestionnaireGone
		if errors.As(err, &gone) {
			return nil, respondError(err, "error.gone", gone.Org)
		}
		return nil, err
	default:
		return nil, err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set("Referrer-Policy", "no-referrer")
	rs := &respondent{Respondent: r, token: token}
	rs.setLanguage(r.Language(c.Get(fiber.HeaderAcceptLanguage)))
	c.Locals(localRespondent, rs)
	return rs, nil
}

// setLanguage shows the respondent's pages in lang.
func (rs *respondent) setLanguage(lang string) {
	rs.lang, rs.q, rs.L = lang, rs.In(lang), rs.Printer(lang)
}

// respondView starts a view for a respondent page: no user, no
// navigation, no demo banner, and the respondent's language.
func respondView(c *fiber.Ctx, rs *respondent, title string) *view {
	v := pageView(c, title, "")
	v.User, v.Org = nil, nil
	v.Zone = app.Zone(rs.Organisation().TimeZone) // dates in the organisation's zone
	v.L = rs.L
	return v
}

// closedPage shows what a submitted, expired or withdrawn link says, or
// returns false when the invitation is still open.
func closedPage(c *fiber.Ctx, rnd *renderer, rs *respondent) (bool, error) {
	if rs.Open() {
		return false, nil
	}
	state := rs.State()
	status := fiber.StatusOK
	if state != rolefit.InvitationSubmitted {
		status = fiber.StatusGone
	}
	v := respondView(c, rs, rs.q.Title)
	sp := statusPage{State: string(state), Org: rs.Organisation().Name, Inv: rs.Invitation(), Thanks: c.Route().Path == "/i/:token/done"}
	if state == rolefit.InvitationSubmitted {
		var err error
		if sp.SelfID, err = selfIDOffer(c, rs); err != nil {
			return true, err
		}
		sp.Summary = feedbackOffer(rs)
	}
	v.Data = sp
	return true, rnd.render(c, status, "respond_status", v)
}

// closedMessage is the flash of a link that no longer takes answers, in
// the respondent's language.
func closedMessage(rs *respondent, s rolefit.InvitationStatus) string {
	switch s {
	case rolefit.InvitationSubmitted, rolefit.InvitationExpired, rolefit.InvitationWithdrawn:
		return rs.L.T("closed." + string(s))
	}
	return rs.L.T("error.conflict")
}

// closedMessageOf is closedMessage of the state a conflict err says the
// invitation is in (app.ClosedError's), found meanwhile by the store.
func closedMessageOf(rs *respondent, err error) string {
	for _, s := range []rolefit.InvitationStatus{rolefit.InvitationSubmitted, rolefit.InvitationExpired, rolefit.InvitationWithdrawn} {
		if errs.Message(err) == errs.Message(app.ClosedError(s)) {
			return closedMessage(rs, s)
		}
	}
	return rs.L.T("error.conflict")
}

// gate says what a respondent page needs before it does its own work.
type gate int

const (
	// gateNone only finds the invitation.
	gateNone gate = iota
	// gateOpen also shows the closed page when the invitation no longer
	// takes answers.
	gateOpen
	// gateConsented also sends the person to the welcome page until they
	// have agreed to how their answers are used.
	gateConsented
)

// respondentPage adapts a respondent page: it finds the invitation of the
// link and applies g before fn runs.
func respondentPage(uc *app.App, rnd *renderer, g gate, fn func(c *fiber.Ctx, rs *respondent) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		rs, err := loadRespondent(c, uc)
		if err != nil {
			return err
		}
		if g >= gateOpen {
			if done, err := closedPage(c, rnd, rs); done {
				return err
			}
		}
		if g >= gateConsented && !rs.Consented() {
			return c.Redirect(rs.path(""), fiber.StatusSeeOther)
		}
		return fn(c, rs)
	}
}

type statusPage struct {
	State  string
	Org    string
	Inv    *rolefit.Invitation
	Thanks bool
	// SelfID is the address of the voluntary self-identification when it
	// is offered, else "".
	SelfID string
	// Summary is the address of the respondent's own summary when the
	// organisation shows it, else "".
	Summary string
}

// welcomePage is the first page of a link: who asks, why, how long, how
// the answers are kept, and the consent; and, until the respondent agrees
// (when the manager did not choose), the languages to choose from.
type welcomePage struct {
	Org, Person, Title, Description string
	Minutes, Items, Pages           int
	Candidate                       bool
	Expires                         time.Time
	Consent                         string
	Action                          string
	Languages                       []languageChoice
	LanguageAction                  string
}

// languageChoice is one language on the welcome page, named in itself.
type languageChoice struct {
	Tag, Name string
	Current   bool
}

// handleRespondStart is the link itself: the welcome page before consent,
// and afterwards the page where the person stopped.
func handleRespondStart(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		if rs.Consented() {
			return redirectToResume(c, rs)
		}
		return renderWelcome(c, rnd, rs, fiber.StatusOK, nil)
	})
}

func redirectToResume(c *fiber.Ctx, rs *respondent) error {
	answers, err := rs.Drafts(c.UserContext())
	if err != nil {
		return err
	}
	if p := rs.ResumePage(answers); p >= 0 {
		return c.Redirect(rs.path(fmt.Sprintf("/page/%d", p+1)), fiber.StatusSeeOther)
	}
	return c.Redirect(rs.path("/review"), fiber.StatusSeeOther)
}

func renderWelcome(c *fiber.Ctx, rnd *renderer, rs *respondent, status int, fieldErrs map[string]string) error {
	v := respondView(c, rs, rs.q.Title)
	if fieldErrs != nil {
		v.Message, v.Errors = rs.L.T("welcome.consent.message"), fieldErrs
	}
	q := rs.q
	org := rs.Organisation().Name
	wp := welcomePage{Org: org, Person: rs.Person().Name, Title: q.Title, Description: assess.FillOrganisation(q.Description, org),
		Minutes: q.Minutes, Items: q.NumItems(), Pages: len(q.Pages), Candidate: rs.Person().Kind == rolefit.Candidate,
		Expires: rs.Invitation().ExpiresAt, Consent: rs.ConsentText(rs.lang), Action: rs.path("/consent")}
	if rs.CanChooseLanguage() {
		wp.LanguageAction = rs.path("/language")
		for _, l := range rs.Languages() {
			wp.Languages = append(wp.Languages, languageChoice{Tag: l, Name: rs.Printer(l).T("language.name"), Current: l == rs.lang})
		}
	}
	v.Data = wp
	return rnd.render(c, status, "respond_welcome", v)
}

// handleRespondConsent records the consent, in the language the welcome
// page was shown in, and starts the questionnaire.
func handleRespondConsent(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		if c.FormValue("consent") != "yes" {
			return renderWelcome(c, rnd, rs, fiber.StatusBadRequest, map[string]string{"consent": rs.L.T("welcome.consent.field")})
		}
		if err := rs.Consent(c.UserContext(), rs.lang); err != nil {
			return err
		}
		return redirectToResume(c, rs)
	})
}

// handleRespondLanguage keeps the language the respondent chose on the
// welcome page for the invitation and shows the page in it.
func handleRespondLanguage(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		lang := c.FormValue("lang")
		if err := rs.ChooseLanguage(c.UserContext(), lang); err != nil {
			if errs.Code(err) == errs.CodeInvalid {
				return respondError(err, "error.invalid")
			}
			return err
		}
		return c.Redirect(rs.path(""), fiber.StatusSeeOther)
	})
}
