package server

import (
	"fmt"
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// The end of a questionnaire: the review, the submission and the thanks.

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
	q := rs.q
	rp := reviewPage{Org: rs.Organisation().Name, Items: q.NumItems(), Action: rs.path("/submit"),
		LastPage: rs.path(fmt.Sprintf("/page/%d", len(q.Pages)))}
	for p, page := range q.Pages {
		k := 0
		for _, it := range page.Items {
			if _, ok := answers[it.ID]; !ok {
				k++
			}
		}
		if k > 0 {
			title := page.Title
			if title == "" {
				title = rs.L.T("review.page", p+1)
			}
			rp.Missing = append(rp.Missing, missingPage{URL: rs.path(fmt.Sprintf("/page/%d", p+1)), Title: title, Count: k})
			rp.Unanswered += k
		}
	}
	return rp
}

// handleRespondReview asks for the final submission, or points to pages
// with unanswered statements.
func handleRespondReview(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateConsented, func(c *fiber.Ctx, rs *respondent) error {
		answers, err := rs.Drafts(c.UserContext())
		if err != nil {
			return err
		}
		v := respondView(c, rs, rs.L.T("review.title"))
		v.Data = buildReview(rs, answers)
		return rnd.render(c, fiber.StatusOK, "respond_review", v)
	})
}

// handleRespondSubmit scores and stores the response in one transaction
// and thanks the person. A second submission (another tab) lands on the
// same thank-you page.
func handleRespondSubmit(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		if rs.State() == rolefit.InvitationSubmitted {
			// Stored already, from this tab or another: say so, as when
			// the two submissions race inside the store.
			flash(c, closedMessage(rs, rolefit.InvitationSubmitted))
			return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
		}
		if done, err := closedPage(c, rnd, rs); done {
			return err
		}
		_, err := rs.Submit(c.UserContext(), rs.lang)
		switch {
		case err == nil:
			return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
		case errs.Code(err) == errs.CodeInvalid:
			answers, derr := rs.Drafts(c.UserContext())
			if derr != nil {
				return derr
			}
			v := respondView(c, rs, rs.L.T("review.title"))
			v.Message = rs.L.T("review.message.unanswered")
			v.Data = buildReview(rs, answers)
			return rnd.render(c, fiber.StatusUnprocessableEntity, "respond_review", v)
		case errs.Code(err) == errs.CodeConflict:
			// Submitted meanwhile from another tab or device (perhaps
			// through another rolefit process), or closed by the manager:
			// the status page says which, and this says why nothing more
			// was stored.
			flash(c, closedMessageOf(rs, err))
			return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
		}
		return err
	})
}

// handleRespondDone thanks the person after submitting.
func handleRespondDone(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateOpen, func(c *fiber.Ctx, rs *respondent) error {
		return c.Redirect(rs.path(""), fiber.StatusSeeOther)
	})
}
