package server

import (
	"fmt"
	"strconv"

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
	// LanguageHeads name each language's column (with its responses) and
	// LanguageRows hold each scale's alpha in each language, "—" where
	// it cannot be computed.
	LanguageHeads []string
	LanguageRows  []languageRow
	PoolingMinN   int
}

// languageRow is one scale's alpha in each language.
type languageRow struct {
	Name      string
	Composite bool
	Alphas    []string
}

// fillLanguages lays out the alphas of each language.
func (p *reliabilityPage) fillLanguages() {
	if len(p.Languages) == 0 {
		return
	}
	for _, l := range p.Languages {
		p.LanguageHeads = append(p.LanguageHeads, fmt.Sprintf("%s (n = %d)", app.LanguageName(l.Language), l.Responses))
	}
	for _, s := range p.Scales {
		row := languageRow{Name: s.Name, Composite: s.Composite}
		for _, l := range p.Languages {
			a, ok := l.Alpha[s.ID]
			cell := "—"
			if ok && l.Enough {
				cell = strconv.FormatFloat(a, 'f', 3, 64)
			}
			row.Alphas = append(row.Alphas, cell)
		}
		p.LanguageRows = append(p.LanguageRows, row)
	}
}

// handleReliability shows how consistently each scale of a questionnaire
// measures, over the organisation's own responses (?questionnaire=id:version).
func handleReliability(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := uc.Reliability(c.UserContext(), actorOf(c), c.Query("questionnaire"))
		if err != nil {
			return err
		}
		p := reliabilityPage{Reliability: r, MinN: assess.MinReferenceN, Provisional: assess.ProvisionalBelowN, Usable: app.UsableAlpha,
			PoolingMinN: assess.PoolingMinN}
		p.fillLanguages()
		if q := r.Questionnaire; q != nil {
			p.Selected = app.Ref(q)
			p.ScaleText = fmt.Sprintf("%d–%d", q.Scale.Min, q.Scale.Max)
		}
		v := pageView(c, "Reliability", "settings")
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "reliability", v)
	}
}
