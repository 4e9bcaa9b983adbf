package server

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

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

// questionPage is one page of statements.
type questionPage struct {
	Title, Intro string
	Org          string
	PageNo       int // 1-based
	Pages        int
	First, Last  bool
	Action       string
	AnswerURL    string
	Items        []questionItem
	Unanswered   int
}

type questionItem struct {
	ID      string
	Number  int
	Text    string
	Choice  bool
	Choices []assess.Choice
	Value   int
	Error   string
}

// pageNumber reads the 1-based page number of the URL, or not found.
func pageNumber(c *fiber.Ctx, q *assess.Questionnaire) (int, error) {
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 || n > len(q.Pages) {
		return 0, errs.NotFound("page")
	}
	return n, nil
}

// buildPage lays out page n with the given answers and errors by item ID.
func buildPage(rs *respondent, n int, answers map[string]int, itemErrs map[string]string) questionPage {
	q := rs.q
	first := 1
	for _, k := range q.PageItemCounts()[:n-1] {
		first += k
	}
	page := q.Pages[n-1]
	qp := questionPage{Title: page.Title, Intro: page.Intro, Org: rs.r.Org.Name, PageNo: n, Pages: len(q.Pages),
		First: n == 1, Last: n == len(q.Pages), Action: rs.path(fmt.Sprintf("/page/%d", n)), AnswerURL: rs.path("/answer")}
	for i, it := range page.Items {
		choices, _ := q.Choices(it.ID)
		qi := questionItem{ID: it.ID, Number: first + i, Text: it.Text, Choice: it.Kind == assess.KindChoice,
			Choices: choices, Value: answers[it.ID], Error: itemErrs[it.ID]}
		if qi.Choice && qi.Text == "" {
			qi.Text = "Which would you rather do?"
		}
		if qi.Error != "" {
			qp.Unanswered++
		}
		qp.Items = append(qp.Items, qi)
	}
	return qp
}

// handleRespondPage shows page n with the answers saved so far, and
// starts its clock.
func handleRespondPage(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateConsented, func(c *fiber.Ctx, rs *respondent) error {
		n, err := pageNumber(c, rs.q)
		if err != nil {
			return err
		}
		answers, err := rs.r.Drafts(c.UserContext())
		if err != nil {
			return err
		}
		if err := rs.r.PageShown(c.UserContext(), n-1); err != nil {
			return err
		}
		return renderQuestions(c, rnd, rs, fiber.StatusOK, n, answers, nil, "")
	})
}

func renderQuestions(c *fiber.Ctx, rnd *renderer, rs *respondent, status, n int, answers map[string]int, itemErrs map[string]string, msg string) error {
	qp := buildPage(rs, n, answers, itemErrs)
	v := respondView(c, rs, fmt.Sprintf("%s, page %d of %d", rs.q.Title, n, len(rs.q.Pages)))
	v.Message = msg
	v.Data = qp
	return rnd.render(c, status, "respond_page", v)
}

// readPageAnswers reads page n's answers from the form. Answers that are
// not whole numbers or not allowed for their item come back as errors by
// item ID; the valid ones in the map.
func readPageAnswers(c *fiber.Ctx, q *assess.Questionnaire, n int) (map[string]int, map[string]string) {
	answers := map[string]int{}
	bad := map[string]string{}
	for _, it := range q.Pages[n-1].Items {
		raw := strings.TrimSpace(c.FormValue(it.ID))
		if raw == "" {
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
	return answers, bad
}

// handleRespondPageSave saves page n and moves on. Answers are saved even
// when some statements are still unanswered, which are then pointed out;
// an answer that is not allowed is refused with nothing saved, so a bad
// request never overwrites a good answer.
func handleRespondPageSave(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateConsented, func(c *fiber.Ctx, rs *respondent) error {
		n, err := pageNumber(c, rs.q)
		if err != nil {
			return err
		}
		answers, bad := readPageAnswers(c, rs.q, n)
		saved, err := rs.r.Drafts(c.UserContext())
		if err != nil {
			return err
		}
		if len(bad) > 0 {
			for id, v := range answers {
				saved[id] = v // show what they chose, though not saved yet
			}
			return renderQuestions(c, rnd, rs, fiber.StatusBadRequest, n, saved, bad,
				"Some answers could not be read, so nothing on this page was saved. Please check the marked statements.")
		}
		if err := rs.r.SaveAnswers(c.UserContext(), answers, n-1); err != nil {
			return err
		}
		for id, v := range answers {
			saved[id] = v
		}
		switch c.FormValue("action") {
		case "back":
			if n > 1 {
				return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n-1)), fiber.StatusSeeOther)
			}
			return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n)), fiber.StatusSeeOther)
		case "save":
			flash(c, "Your answers are saved. You can close this page and open your link again later, on any device.")
			return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n)), fiber.StatusSeeOther)
		}
		missing := map[string]string{}
		for _, it := range rs.q.Pages[n-1].Items {
			if _, ok := saved[it.ID]; !ok {
				missing[it.ID] = "Please choose an answer."
			}
		}
		if len(missing) > 0 {
			msg := fmt.Sprintf("Please answer the %d statements marked below before going on. Your other answers are saved.", len(missing))
			if len(missing) == 1 {
				msg = "Please answer the statement marked below before going on. Your other answers are saved."
			}
			return renderQuestions(c, rnd, rs, fiber.StatusUnprocessableEntity, n, saved, missing, msg)
		}
		if n < len(rs.q.Pages) {
			return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n+1)), fiber.StatusSeeOther)
		}
		return c.Redirect(rs.path("/review"), fiber.StatusSeeOther)
	})
}

// handleRespondAnswer saves one answer as it is clicked (with JavaScript),
// so nothing is lost if the tab closes before the page is sent.
func handleRespondAnswer(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		item := c.FormValue("item")
		v, convErr := strconv.Atoi(strings.TrimSpace(c.FormValue("value")))
		if _, ok := rs.q.Item(item); !ok {
			return errs.InvalidFields("That is not a statement of this questionnaire.", map[string]string{"item": "is not an item of " + rs.q.String()})
		}
		if convErr != nil {
			return errs.InvalidFields("The answer must be a whole number.", map[string]string{"answers." + item: "must be a whole number"})
		}
		answers := map[string]int{item: v}
		if fe := assess.ValidateResponse(rs.q, assess.Response{Answers: answers}, false); fe != nil {
			return errs.InvalidFields("That answer is not allowed.", fe)
		}
		if st := rs.r.State(); st != store.InvitationSent && st != store.InvitationStarted {
			return errs.Conflict("This invitation is %s; the answer was not saved.", st)
		}
		if err := rs.r.SaveAnswers(c.UserContext(), answers, -1); err != nil {
			return err
		}
		return c.JSON(fiber.Map{"saved": item, "value": v})
	})
}

// reviewPage is shown before submitting.
type reviewPage struct {
	Org        string
	Items      int
	Missing    []missingPage
	Action     string
	LastPage   string
	Unanswered int
}

type missingPage struct {
	URL   string
	Title string
	Count int
}

func buildReview(rs *respondent, answers map[string]int) reviewPage {
	rp := reviewPage{Org: rs.r.Org.Name, Items: rs.q.NumItems(), Action: rs.path("/submit"),
		LastPage: rs.path(fmt.Sprintf("/page/%d", len(rs.q.Pages)))}
	for p, page := range rs.q.Pages {
		k := 0
		for _, it := range page.Items {
			if _, ok := answers[it.ID]; !ok {
				k++
			}
		}
		if k > 0 {
			title := page.Title
			if title == "" {
				title = fmt.Sprintf("Page %d", p+1)
			}
			rp.Missing = append(rp.Missing, missingPage{URL: rs.path(fmt.Sprintf("/page/%d", p+1)), Title: title, Count: k})
			rp.Unanswered += k
		}
	}
	return rp
}

// handleRespondReview asks for the final submission, or points to pages
// with unanswered statements.
func handleRespondReview(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateConsented, func(c *fiber.Ctx, rs *respondent) error {
		answers, err := rs.r.Drafts(c.UserContext())
		if err != nil {
			return err
		}
		v := respondView(c, rs, "Submit your answers")
		v.Data = buildReview(rs, answers)
		return rnd.render(c, fiber.StatusOK, "respond_review", v)
	})
}

// handleRespondSubmit scores and stores the response in one transaction
// and thanks the person. A second submission (another tab) lands on the
// same thank-you page.
func handleRespondSubmit(st *store.Store, cat *assess.Catalog, sc *scorer, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		if rs.r.State() == store.InvitationSubmitted {
			return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
		}
		if done, err := closedPage(c, rnd, rs); done {
			return err
		}
		org := st.Org(rs.r.Inv.OrgID)
		opt, err := sc.options(c.UserContext(), org, rs.q)
		if err != nil {
			return err
		}
		_, err = rs.r.Submit(c.UserContext(), len(rs.q.Pages), func(answers map[string]int, secs []float64) (store.Scored, error) {
			resp := assess.Response{Answers: answers, PageSeconds: secs}
			if fe := assess.ValidateResponse(rs.q, resp, true); fe != nil {
				return store.Scored{}, errs.InvalidFields("Some statements are not answered yet.", fe)
			}
			return store.ScoredFrom(assess.Score(rs.q, resp, opt))
		})
		switch {
		case err == nil:
			return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
		case errs.Code(err) == errs.CodeInvalid:
			answers, derr := rs.r.Drafts(c.UserContext())
			if derr != nil {
				return derr
			}
			v := respondView(c, rs, "Submit your answers")
			v.Message = "Some statements are not answered yet. Please answer them, then submit."
			v.Data = buildReview(rs, answers)
			return rnd.render(c, fiber.StatusUnprocessableEntity, "respond_review", v)
		case errs.Code(err) == errs.CodeConflict:
			// Submitted meanwhile from another tab, or closed by the manager.
			return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
		}
		return err
	})
}

// handleRespondDone thanks the person after submitting.
func handleRespondDone(st *store.Store, cat *assess.Catalog, rnd *renderer) fiber.Handler {
	return respondentPage(st, cat, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		return c.Redirect(rs.path(""), fiber.StatusSeeOther)
	})
}
