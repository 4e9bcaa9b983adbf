package server

import (
	"math"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// exposureRows is the Costs page's key-person exposure section: each
// seller's share of new-business revenue and the gross profit at risk, a
// month.
func exposureRows(c *fiber.Ctx, uc *app.App, m money) ([]exposureRow, error) {
	ex, err := uc.Exposure(c.UserContext(), actorOf(c))
	if err != nil {
		return nil, err
	}
	out := make([]exposureRow, len(ex.Sellers))
	for i, s := range ex.Sellers {
		out[i] = exposureRow{ID: s.ID, Name: s.Name, Revenue: m.Whole(s.Revenue), Share: percent(s.Share), AtRisk: m.Whole(s.GrossProfitAtRisk),
			Months: s.Months, Width: int(math.Round(100 * s.Share))}
		if s.Split != nil {
			out[i].Split = m.Cents(s.Split.CostAMonth)
		}
	}
	return out, nil
}
