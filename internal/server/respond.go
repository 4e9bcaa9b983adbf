package server

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// The respondent's pages live under /i/TOKEN. The token is the person's
// only credential: it is unguessable and arrives in their link, so it
// also does what a CSRF token does for a signed-in user. Another site
// cannot post to /i/TOKEN/… without knowing it, and requiring a second
// token in a cookie would only risk losing a person's answers when the
// cookie is gone.

// respondent is what every respondent page starts from.
type respondent struct {
	r     *store.Respondent
	q     *assess.Questionnaire
	token string
}

func (rs *respondent) path(suffix string) string { return "/i/" + rs.token + suffix }

// loadRespondent finds the invitation of the link. Unknown tokens are
// "not found"; an invitation whose questionnaire version is no longer
// installed gets a plain explanation.
func loadRespondent(c *fiber.Ctx, st *store.Store, cat *assess.Catalog) (*respondent, error) {
	token := c.Params("token")
	r, err := st.Respondent(c.UserContext(), token)
	if errs.Code(err) == errs.CodeNotFound {
		markUnknownSecret(c)
		return nil, &errs.Error{Code: errs.CodeNotFound,
			Message: "This link is not valid. Check that you copied all of it, or ask whoever sent it for a new one."}
	}
	if err != nil {
		return nil, err
	}
	q, ok := cat.Get(r.Inv.QuestionnaireID, r.Inv.QuestionnaireVersion)
	if !ok || q.Hash != r.Inv.QuestionnaireHash {
		return nil, errs.Conflict("This questionnaire is no longer available on %s's rolefit. Please tell them.", r.Org.Name)
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set("Referrer-Policy", "no-referrer")
	return &respondent{r: r, q: q, token: token}, nil
}

// respondView starts a view for a respondent page: no user, no
// navigation, and no demo banner.
func respondView(c *fiber.Ctx, rs *respondent, title string) *view {
	v := pageView(c, title, "")
	v.User, v.Org = nil, nil
	v.Zone = usecases.Zone(rs.r.Org.TimeZone) // dates in the organisation's zone
	return v
}

// closedPage shows what a submitted, expired or withdrawn link says, or
// returns false when the invitation is still open.
func closedPage(c *fiber.Ctx, rnd *renderer, rs *respondent) (bool, error) {
	state := rs.r.State()
	if state == store.InvitationSent || state == store.InvitationStarted {
		return false, nil
	}
	status := fiber.StatusOK
	if state != store.InvitationSubmitted {
		status = fiber.StatusGone
	}
	v := respondView(c, rs, rs.q.Title)
	v.Data = statusPage{State: string(state), Org: rs.r.Org.Name, Inv: rs.r.Inv, Thanks: c.Route().Path == "/i/:token/done"}
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
func respondentPage(st *store.Store, cat *assess.Catalog, rnd *renderer, g gate, fn func(c *fiber.Ctx, rs *respondent) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		rs, err := loadRespondent(c, st, cat)
		if err != nil {
			return err
		}
		if g >= gateOpen {
			if done, err := closedPage(c, rnd, rs); done {
				return err
			}
		}
		if g >= gateConsented && rs.r.Inv.ConsentedAt == nil {
			return c.Redirect(rs.path(""), fiber.StatusSeeOther)
		}
		return fn(c, rs)
	}
}

type statusPage struct {
	State  string
	Org    string
	Inv    *store.Invitation
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

// consentText is the statement a respondent agrees to; it is stored with
// the consent, word for word.
func consentText(org string) string {
	return fmt.Sprintf("I have read how my answers are used and kept, and I agree to answer this questionnaire for %s.", org)
}

// resumePage is the first page with an unanswered item, or -1 when every
// item has an answer.
func resumePage(q *assess.Questionnaire, answers map[string]int) int {
	for p, page := range q.Pages {
		for _, it := range page.Items {
			if _, ok := answers[it.ID]; !ok {
				return p
			}
		}
	}
	return -1
}

// handleRespondStart is the link itself: the welcome page before consent,
// and afterwards the page where the person stopped.
func handleRespondStart(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		if rs.r.Inv.ConsentedAt != nil {
			return redirectToResume(c, rs)
		}
		return renderWelcome(c, rnd, rs, fiber.StatusOK, nil)
	})
}

func redirectToResume(c *fiber.Ctx, rs *respondent) error {
	answers, err := rs.r.Drafts(c.UserContext())
	if err != nil {
		return err
	}
	if p := resumePage(rs.q, answers); p >= 0 {
		return c.Redirect(rs.path(fmt.Sprintf("/page/%d", p+1)), fiber.StatusSeeOther)
	}
	return c.Redirect(rs.path("/review"), fiber.StatusSeeOther)
}

func renderWelcome(c *fiber.Ctx, rnd *renderer, rs *respondent, status int, fieldErrs map[string]string) error {
	v := respondView(c, rs, rs.q.Title)
	if fieldErrs != nil {
		v.Message, v.Errors = "Please tick the box to agree before you start.", fieldErrs
	}
	v.Data = welcomePage{Org: rs.r.Org.Name, Person: rs.r.Person.Name, Title: rs.q.Title, Description: rs.q.Description,
		Minutes: rs.q.Minutes, Items: rs.q.NumItems(), Pages: len(rs.q.Pages), Candidate: rs.r.Person.Kind == store.Candidate,
		Expires: rs.r.Inv.ExpiresAt, Consent: consentText(rs.r.Org.Name), Action: rs.path("/consent")}
	return rnd.render(c, status, "respond_welcome", v)
}

// handleRespondConsent records the consent and starts the questionnaire.
func handleRespondConsent(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		if c.FormValue("consent") != "yes" {
			return renderWelcome(c, rnd, rs, fiber.StatusBadRequest, map[string]string{"consent": "Tick the box to agree, or close this page if you do not want to take part."})
		}
		if rs.r.Inv.ConsentedAt == nil {
			if err := rs.r.Consent(c.UserContext(), consentText(rs.r.Org.Name)); err != nil {
				return err
			}
		}
		return redirectToResume(c, rs)
	})
}
