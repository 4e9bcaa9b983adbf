package server

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
)

// technicalReportPage is an organisation's technical report: its
// reliability, norms, local validity (the composites' verdicts and every
// scale's figures) and what is not yet known, laid out to print on A4.
type technicalReportPage struct {
	*app.TechnicalReport
	Evidence    evidencePage
	MinN        int
	Provisional int
	Usable      float64
	ScaleText   string
}

// handleTechnicalReport shows the technical report to admins.
func handleTechnicalReport(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		tr, err := uc.TechnicalReport(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("technical_report.title"), "settings")
		m, demo := moneyIn(""), false
		if v.Org != nil {
			m, demo = moneyIn(v.Org.Currency), v.Org.IsDemo
		}
		p := technicalReportPage{TechnicalReport: tr, Evidence: evidencePageOf(tr.Validity, m, demo),
			MinN: assess.MinReferenceN, Provisional: assess.ProvisionalBelowN, Usable: app.UsableAlpha}
		if q := tr.Reliability.Questionnaire; q != nil {
			p.ScaleText = fmt.Sprintf("%d–%d", q.Scale.Min, q.Scale.Max)
		}
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "technical_report", v)
	}
}
