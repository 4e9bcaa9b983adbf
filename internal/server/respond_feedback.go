package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// The respondent's feedback page: where the organisation shows it, a
// plain-language summary of the respondent's own profile after they
// submit, printable as one page and reachable from their link until it
// expires (app.Feedback).

// feedbackPage is the summary's view: every sentence already in the
// respondent's language.
type feedbackPage struct {
	Lean      string
	Strengths []string
	Submitted string
	Until     string
}

// feedbackOffer is where the thanks page links to the summary, "" when it
// is not shown.
func feedbackOffer(rs *respondent) string {
	if !rs.FeedbackShown() {
		return ""
	}
	return rs.path("/summary")
}

// handleRespondFeedback shows the respondent's own summary, or "not
// found" where the organisation does not show it, before they submit and
// after their link expires.
func handleRespondFeedback(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		fb, err := rs.Feedback(c.UserContext())
		if errs.Code(err) == errs.CodeNotFound {
			return respondError(err, "error.not_found")
		}
		if err != nil {
			return err
		}
		page := feedbackPage{Lean: rs.L.T("feedback.lean." + fb.Lean), Submitted: rs.L.T("feedback.submitted", rs.L.Date(fb.SubmittedAt)),
			Until: rs.L.T("feedback.until", rs.L.Date(fb.Until))}
		for _, id := range fb.Strengths {
			if key := "feedback.facet." + id; rs.L.Has(key) {
				page.Strengths = append(page.Strengths, rs.L.T(key))
			} else {
				page.Strengths = append(page.Strengths, fb.Names[id])
			}
		}
		v := respondView(c, rs, rs.L.T("feedback.title"))
		v.Data = page
		return rnd.render(c, fiber.StatusOK, "respond_feedback", v)
	})
}
