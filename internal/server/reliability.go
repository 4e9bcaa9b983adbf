package server

import (
	"fmt"

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
	// ScaleText is the questionnaire's answer scale, such as "1–5": the
	// unit of its scores, bands and SEM.
	ScaleText string
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
		if q := r.Questionnaire; q != nil {
			p.Selected = app.Ref(q)
			p.ScaleText = fmt.Sprintf("%d–%d", q.Scale.Min, q.Scale.Max)
		}
		v := pageView(c, "Reliability", "settings")
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "reliability", v)
	}
}
