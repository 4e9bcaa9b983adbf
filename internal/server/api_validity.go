package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// apiValidity is one scale against one criterion in GET
// /api/v1/validity: each figure null where it cannot be computed
// (r needs 3 people with spread, the interval 4, r_corrected enough
// earlier respondents).
type apiValidity struct {
	Scale      string   `json:"scale"`
	Criterion  string   `json:"criterion"`
	N          int      `json:"n"`
	R          *float64 `json:"r"`
	Rho        *float64 `json:"rho"`
	CILow      *float64 `json:"ci_low"`
	CIHigh     *float64 `json:"ci_high"`
	P          *float64 `json:"p"`
	RCorrected *float64 `json:"r_corrected"`
}

// validityQueryOf reads the optional scale and criterion filters.
func validityQueryOf(c *fiber.Ctx) app.ValidityQuery {
	return app.ValidityQuery{Scale: c.Query("scale"), Criterion: c.Query("criterion")}
}

// handleAPIValidity is GET /api/v1/validity: local validity, every scale
// of the profiles against every criterion, in one page.
func handleAPIValidity(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		rep, err := uc.Validity(c.UserContext(), actorOf(c), validityQueryOf(c))
		if err != nil {
			return err
		}
		out := listResponse[apiValidity]{Items: make([]apiValidity, len(rep.Items))}
		for i, it := range rep.Items {
			out.Items[i] = apiValidity{Scale: it.Scale.ID, Criterion: it.Criterion.ID, N: it.N, R: it.R, Rho: it.Rho,
				CILow: it.Low, CIHigh: it.High, P: it.P, RCorrected: it.Corrected}
		}
		return c.JSON(out)
	}
}
