package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/fairness"
)

// apiAdverseImpact is GET /api/v1/adverse-impact: one decision by one
// grouping (DESIGN.md §15).
type apiAdverseImpact struct {
	Decision string             `json:"decision"`
	By       string             `json:"by"`
	Groups   []apiImpactGroup   `json:"groups"`
	Unknown  int                `json:"unknown"`
	Excluded []apiExcludedGroup `json:"excluded"`
}

// apiImpactGroup is one group of the report. A group of fewer than 5
// people shows no counts (they could name someone) and, like a group left
// out under the 2% rule, no ratio, p or shortfall: both are listed in
// excluded. The reference group has a ratio of 1 and a null fisher_p.
type apiImpactGroup struct {
	Group           string   `json:"group"`
	Assessed        *int     `json:"assessed"`
	Selected        *int     `json:"selected"`
	Rate            *float64 `json:"rate"`
	ImpactRatio     *float64 `json:"impact_ratio"`
	FisherP         *float64 `json:"fisher_p"`
	BelowFourFifths bool     `json:"below_four_fifths"`
	Shortfall       int      `json:"shortfall"`
}

type apiExcludedGroup struct {
	Group  string `json:"group"`
	Reason string `json:"reason"`
}

func apiAdverseImpactOf(r *app.AdverseImpact) apiAdverseImpact {
	out := apiAdverseImpact{Decision: r.Decision, By: r.By, Unknown: r.Unknown,
		Groups: make([]apiImpactGroup, len(r.Groups)), Excluded: make([]apiExcludedGroup, len(r.Excluded))}
	for i, g := range r.Groups {
		ag := apiImpactGroup{Group: g.Group, ImpactRatio: g.Ratio, FisherP: g.P, BelowFourFifths: g.BelowFourFifths, Shortfall: g.Shortfall}
		if g.Excluded != fairness.ReasonFewerThan5 {
			assessed, selected, rate := g.Assessed, g.Selected, g.Rate
			ag.Assessed, ag.Selected, ag.Rate = &assessed, &selected, &rate
		}
		out.Groups[i] = ag
	}
	for i, e := range r.Excluded {
		out.Excluded[i] = apiExcludedGroup{Group: e.Group, Reason: e.Reason}
	}
	return out
}

// adverseImpactQuery reads the report's query parameters.
func adverseImpactQuery(c *fiber.Ctx) app.AdverseImpactQuery {
	return app.AdverseImpactQuery{Decision: c.Query("decision"), By: c.Query("by"), From: c.Query("from"), To: c.Query("to")}
}

// handleAPIAdverseImpact is GET /api/v1/adverse-impact?decision=D&by=B
// (from and to optional, YYYY-MM-DD).
func handleAPIAdverseImpact(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := uc.AdverseImpact(c.UserContext(), actorOf(c), adverseImpactQuery(c))
		if err != nil {
			return err
		}
		return c.JSON(apiAdverseImpactOf(r))
	}
}
