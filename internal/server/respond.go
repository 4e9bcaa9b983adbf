package server

import (
	"fmt"
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// The respondent's pages live under /i/TOKEN. The token is the person's
// only credential: it is unguessable and arrives in their link, so it
// also does what a CSRF token does for a signed-in user. Another site
// cannot post to /i/TOKEN/… without knowing it, and requiring a second
// token in a cookie would only risk losing a person's answers when the
// cookie is gone.

// respondent is what every respondent page starts from: the use case's
// respondent and the token of the link, for the page's addresses.
type respondent struct {
	*app.Respondent
	token string
}

func (rs *respondent) path(suffix string) string { return "/i/" + rs.token + suffix }

// loadRespondent finds the invitation of the link. An unknown token counts
// against the client's address (the token guard).
func loadRespondent(c *fiber.Ctx, uc *app.App) (*respondent, error) {
	token := c.Params("token")
	r, err := uc.Respondent(c.UserContext(), token)
	if errs.Code(err) == errs.CodeNotFound {
		markUnknownSecret(c)
	}
	if err != nil {
		return nil, err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set("Referrer-Policy", "no-referrer")
	return &respondent{Respondent: r, token: token}, nil
}

// respondView starts a view for a respondent page: no user, no
// navigation, and no demo banner.
func respondView(c *fiber.Ctx, rs *respondent, title string) *view {
	v := pageView(c, title, "")
	v.User, v.Org = nil, nil
	v.Zone = app.Zone(rs.Organisation().TimeZone) // dates in the organisation's zone
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
	v := respondView(c, rs, rs.Questionnaire.Title)
	v.Data = statusPage{State: string(state), Org: rs.Organisation().Name, Inv: rs.Invitation(), Thanks: c.Route().Path == "/i/:token/done"}
	return true, rnd.render(c, status, "respond_status", v)
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
}

// welcomePage is the first page of a link: who asks, why, how long, how
// the answers are kept, and the consent.
type welcomePage struct {
	Org, Person, Title, Description string
	Minutes, Items, Pages           int
	Candidate                       bool
	Expires                         time.Time
	Consent                         string
	Action                          string
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
	v := respondView(c, rs, rs.Questionnaire.Title)
	if fieldErrs != nil {
		v.Message, v.Errors = "Please tick the box to agree before you start.", fieldErrs
	}
	q := rs.Questionnaire
	v.Data = welcomePage{Org: rs.Organisation().Name, Person: rs.Person().Name, Title: q.Title, Description: q.Description,
		Minutes: q.Minutes, Items: q.NumItems(), Pages: len(q.Pages), Candidate: rs.Person().Kind == rolefit.Candidate,
		Expires: rs.Invitation().ExpiresAt, Consent: rs.ConsentText(), Action: rs.path("/consent")}
	return rnd.render(c, status, "respond_welcome", v)
}

// handleRespondConsent records the consent and starts the questionnaire.
func handleRespondConsent(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		if c.FormValue("consent") != "yes" {
			return renderWelcome(c, rnd, rs, fiber.StatusBadRequest, map[string]string{"consent": "Tick the box to agree, or close this page if you do not want to take part."})
		}
		if err := rs.Consent(c.UserContext()); err != nil {
			return err
		}
		return redirectToResume(c, rs)
	})
}
