package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
)

// reliabilityPage is the reliability page's data: the figures and the
// thresholds the page explains them by.
type reliabilityPage struct {
	*app.Reliability
	Selected    string
	MinN        int
	Provisional int
	Usable      float64
}

// handleReliability shows how consistently each scale of a questionnaire
// measures, over the organisation's own responses (?questionnaire=id:version).
func handleReliability(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := uc.Reliability(c.UserContext(), actorOf(c), c.Query("questionnaire"))
		if err != nil {
			return err
		}
		p := reliabilityPage{Reliability: r, MinN: assess.MinReferenceN, Provisional: assess.ProvisionalBelowN, Usable: app.UsableAlpha}
		if r.Questionnaire != nil {
			p.Selected = app.Ref(r.Questionnaire)
		}
		v := pageView(c, "Reliability", "settings")
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "reliability", v)
	}
}
