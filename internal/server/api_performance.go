package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// apiPerformance is a staff member's performance in the API: the
// observed revenue per hour on each activity (null without hours on it)
// and the recorded months, oldest first. GET /api/v1/people/{id}/profile
// and GET /api/v1/people/{id}/performance give the same shape.
type apiPerformance struct {
	NewBusinessRate *float64   `json:"new_business_rate"`
	ServiceRate     *float64   `json:"service_rate"`
	Months          []apiMonth `json:"months"`
}

func apiPerformanceOf(p *app.Performance) *apiPerformance {
	if p == nil {
		return nil
	}
	return &apiPerformance{NewBusinessRate: p.NewBusinessRate, ServiceRate: p.ServiceRate, Months: apiMonthsOf(p.Months)}
}

// handleAPIPerformance is GET /api/v1/people/{id}/performance.
func handleAPIPerformance(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, err := uc.PersonPerformance(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiPerformanceOf(p))
	}
}

// handleAPIPerformanceCreate is POST /api/v1/people/{id}/performance.
// Omitted figures are 0; "replace": true overwrites a month already
// recorded, which is otherwise a conflict.
func handleAPIPerformanceCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			Month              string  `json:"month"`
			NewBusinessHours   float64 `json:"new_business_hours"`
			NewBusinessRevenue float64 `json:"new_business_revenue"`
			ServiceHours       float64 `json:"service_hours"`
			ServiceRevenue     float64 `json:"service_revenue"`
			Replace            bool    `json:"replace"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		m, err := uc.RecordPerformance(c.UserContext(), actorOf(c), c.Params("id"), rolefit.PerformanceInput{Month: in.Month,
			NewBusinessHours: in.NewBusinessHours, NewBusinessRevenue: in.NewBusinessRevenue,
			ServiceHours: in.ServiceHours, ServiceRevenue: in.ServiceRevenue}, in.Replace)
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiMonthOf(*m))
	}
}
